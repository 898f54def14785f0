"""Sandbox-only routes: bookings, youth cancel, reimburse, clock, offers."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx

from kiosk.sandbox import SandboxServer
from tests.unit.sandbox.helpers import find_booking


def test_sandbox_bookings_list_has_tokens(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    body = sandbox_client.get("/sandbox/bookings").json()["bookings"]
    assert len(body) == len(sandbox.bookings())
    assert all(len(b["token"]) == 6 and b["status"] for b in body)
    assert any(b["beginningDatetime"] for b in body if b["isEvent"])
    filtered = sandbox_client.get("/sandbox/bookings", params={"venueId": 3}).json()["bookings"]
    assert filtered and {b["venueId"] for b in filtered} == {3}


def test_create_booking_then_use_it(sandbox: SandboxServer, sandbox_client: httpx.Client) -> None:
    book = find_booking(sandbox, subcategoryId="LIVRE_PAPIER")
    response = sandbox_client.post(
        "/sandbox/bookings",
        json={"offerId": book["offerId"], "userFirstName": "Léa", "userLastName": "Payet"},
    )
    assert response.status_code == 201
    created = response.json()
    assert created["status"] == "CONFIRMED" and created["userFirstName"] == "Léa"
    assert created["confirmationDate"] is None
    token = created["token"]
    assert sandbox_client.get(f"/public/bookings/v1/token/{token}").status_code == 200
    assert sandbox_client.patch(f"/public/bookings/v1/use/token/{token}").status_code == 204
    refused = sandbox_client.post(
        "/sandbox/bookings", json={"offerId": book["offerId"], "quantity": 2}
    )
    assert refused.status_code == 400


def test_event_booking_confirmation_date_rule(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    event = next(
        b
        for b in sandbox.bookings()
        if b["isEvent"]
        and datetime.fromisoformat(b["beginningDatetime"]) > sandbox.now() + timedelta(days=4)
    )
    created = sandbox_client.post(
        "/sandbox/bookings", json={"stockId": event["stockId"], "quantity": 2}
    ).json()
    start = datetime.fromisoformat(created["beginningDatetime"])
    booked = datetime.fromisoformat(created["creationDate"])
    expected = max(min(start - timedelta(hours=48), booked + timedelta(hours=48)), booked)
    assert datetime.fromisoformat(created["confirmationDate"]) == expected
    assert created["quantity"] == 2


def test_beneficiary_cancel_and_reimburse(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    thing = find_booking(sandbox, status="CONFIRMED", subcategoryId="LIVRE_PAPIER")["token"]
    response = sandbox_client.post(f"/sandbox/bookings/{thing}/cancel")
    assert response.status_code == 200
    assert response.json()["cancellationReason"] == "BENEFICIARY"
    gone = sandbox_client.get(f"/public/bookings/v1/token/{thing}")
    assert gone.json() == {"booking": "This booking has been cancelled"}
    used = find_booking(sandbox, status="USED", hasActivationCode=False)["token"]
    reimbursed = sandbox_client.post(f"/sandbox/bookings/{used}/reimburse")
    assert reimbursed.status_code == 200 and reimbursed.json()["status"] == "REIMBURSED"
    response = sandbox_client.get(f"/public/bookings/v1/token/{used}")
    assert response.json() == {"payment": "This booking has already been reimbursed"}
    assert sandbox_client.post(f"/sandbox/bookings/{used}/reimburse").status_code == 410


def test_clock_endpoints(sandbox_client: httpx.Client) -> None:
    before = sandbox_client.get("/sandbox/clock").json()
    after = sandbox_client.post("/sandbox/clock", json={"advanceSeconds": 3600}).json()
    delta = datetime.fromisoformat(after["now"]) - datetime.fromisoformat(before["now"])
    assert timedelta(minutes=59) < delta < timedelta(minutes=61)
    frozen = sandbox_client.post(
        "/sandbox/clock", json={"now": "2030-01-02T03:04:05+00:00", "frozen": True}
    ).json()
    assert frozen["now"] == "2030-01-02T03:04:05+00:00"
    assert "2 Jan 2030 03:04:05 GMT" in sandbox_client.get("/sandbox/clock").headers["date"]
    assert (
        sandbox_client.post("/sandbox/clock", json={"offsetSeconds": 0}).json()["frozen"] is False
    )
    assert sandbox_client.post("/sandbox/clock", json={}).status_code == 400


def test_empty_world_and_created_offer(
    sandbox_empty: SandboxServer, sandbox_empty_client: httpx.Client
) -> None:
    client = sandbox_empty_client
    assert client.get("/sandbox/bookings").json() == {"bookings": []}
    assert client.get("/public/offers/v1/products", params={"venueId": 1}).json() == {
        "products": []
    }
    start = (sandbox_empty.now() + timedelta(days=10)).isoformat()
    offer = client.post(
        "/sandbox/offers",
        json={
            "venueId": 2,
            "name": "Concert test",
            "subcategoryId": "CONCERT",
            "price": 1500,
            "beginningDatetime": start,
            "isDuo": True,
        },
    ).json()
    booking = client.post("/sandbox/bookings", json={"offerId": offer["id"]}).json()
    response = client.get(f"/public/bookings/v1/token/{booking['token']}")
    assert response.status_code == 403  # booked now, event in 10 days: inside the window
    listed = client.get("/public/bookings/v1/bookings", params={"offerId": offer["id"]}).json()
    assert [b["id"] for b in listed["bookings"]] == [booking["id"]]
