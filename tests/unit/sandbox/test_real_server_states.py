"""Sandbox controls for the states the real server knows (closed structure, reimbursement in
progress, inactive venue provider) and the wire options."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest

from kiosk.sandbox import SandboxServer, WireOptions
from kiosk.sandbox.db import Database
from tests.unit.sandbox.helpers import find_booking


def test_start_reimbursement_needs_a_used_booking(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    confirmed = find_booking(sandbox, status="CONFIRMED", isEvent=False)["token"]
    refused = sandbox_client.post(f"/sandbox/bookings/{confirmed}/start-reimbursement")
    assert refused.status_code == 400
    used = find_booking(sandbox, status="USED", hasActivationCode=False)["token"]
    started = sandbox_client.post(f"/sandbox/bookings/{used}/start-reimbursement").json()
    assert (started["status"], started["reimbursementPending"]) == ("USED", True)
    again = sandbox_client.post(f"/sandbox/bookings/{used}/start-reimbursement")
    assert again.status_code == 410
    done = sandbox_client.post(f"/sandbox/bookings/{used}/reimburse").json()
    assert (done["status"], done["reimbursementPending"]) == ("REIMBURSED", False)


def test_offerer_can_be_closed_and_reopened(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    token = find_booking(sandbox, status="CONFIRMED", isEvent=False)["token"]
    url = f"/public/bookings/v1/token/{token}"
    assert sandbox_client.post("/sandbox/offerer", json={"closed": True}).status_code == 200
    assert sandbox_client.get(url).status_code == 403
    assert sandbox_client.post("/sandbox/offerer", json={"closed": "yes"}).status_code == 400
    sandbox.close_offerer(closed=False)
    assert sandbox_client.get(url).status_code == 200


def test_inactive_venue_provider_hides_the_venue_but_not_from_sandbox_views(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    booking = find_booking(sandbox, status="CONFIRMED", isEvent=False, venueId=1)
    assert sandbox_client.post("/sandbox/venues/5/provider", json={}).status_code == 404
    sandbox.set_venue_provider_active(1, False)
    assert sandbox_client.get(f"/public/bookings/v1/token/{booking['token']}").status_code == 404
    products = sandbox_client.get("/public/offers/v1/products", params={"venueId": 1})
    assert products.status_code == 404
    assert sandbox.booking(booking["token"]) is not None
    listed = sandbox_client.get("/sandbox/bookings", params={"venueId": 1}).json()["bookings"]
    assert listed
    sandbox_client.post("/sandbox/venues/1/provider", json={"active": True})
    assert sandbox_client.get(f"/public/bookings/v1/token/{booking['token']}").status_code == 200


def test_public_dates_end_with_z_and_sandbox_views_keep_offsets(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    booking = find_booking(sandbox, status="CONFIRMED", isEvent=False)
    body = sandbox_client.get(f"/public/bookings/v1/token/{booking['token']}").json()
    assert body["creationDate"] == booking["creationDate"].replace("+00:00", "Z")
    assert booking["creationDate"].endswith("+00:00")


@pytest.mark.sandbox_options(wire=WireOptions(utc_z_dates=False))
def test_legacy_offsets_behind_the_wire_option(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    booking = find_booking(sandbox, status="CONFIRMED", isEvent=False)
    body = sandbox_client.get(f"/public/bookings/v1/token/{booking['token']}").json()
    assert body["creationDate"] == booking["creationDate"]


def test_older_world_files_get_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE offerer (id INTEGER PRIMARY KEY, name TEXT, siren TEXT, created TEXT)"
    )
    conn.commit()
    conn.close()
    db = Database(path)
    columns = {row[1] for row in db.all("PRAGMA table_info(offerer)")}
    db.close()
    assert "is_closed" in columns
