"""Fault modes: latency, share of 500s, drop after commit, refused connections."""

from __future__ import annotations

import time

import httpx
import pytest

from kiosk.sandbox import SandboxServer
from tests.fixtures.sandbox import client_for
from tests.unit.sandbox.helpers import find_booking

CATEGORIES = "/public/offers/v1/events/categories"


def test_latency_applies_to_public_only(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    assert sandbox_client.post("/sandbox/faults", json={"latencyMs": 300}).status_code == 200
    start = time.perf_counter()
    assert sandbox_client.get(CATEGORIES).status_code == 200
    assert time.perf_counter() - start >= 0.3
    start = time.perf_counter()
    assert sandbox_client.get("/sandbox/faults").json()["latencyMs"] == 300
    assert time.perf_counter() - start < 0.25
    assert sandbox_client.delete("/sandbox/faults").json()["latencyMs"] == 0


def test_error_rate_gives_that_share_of_500s(sandbox_client: httpx.Client) -> None:
    sandbox_client.post("/sandbox/faults", json={"errorRate": 0.3, "seed": 7})
    codes = [sandbox_client.get(CATEGORIES).status_code for _ in range(200)]
    share = codes.count(500) / len(codes)
    assert set(codes) == {200, 500}
    assert 0.2 < share < 0.4
    assert sandbox_client.get("/sandbox/clock").status_code == 200
    sandbox_client.delete("/sandbox/faults")
    assert {sandbox_client.get(CATEGORIES).status_code for _ in range(20)} == {200}


def test_drop_after_commit_commits_then_closes(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    token = find_booking(sandbox, status="CONFIRMED", subcategoryId="LIVRE_PAPIER")["token"]
    sandbox_client.post("/sandbox/faults", json={"dropAfterCommit": 1})
    with pytest.raises(httpx.RemoteProtocolError):
        sandbox_client.patch(f"/public/bookings/v1/use/token/{token}")
    booking = sandbox.booking(token)
    assert booking is not None and booking["status"] == "USED"
    assert sandbox_client.get(CATEGORIES).status_code == 200  # reads are never dropped
    sandbox.clear_faults()
    retry = sandbox_client.patch(f"/public/bookings/v1/use/token/{token}")
    assert retry.status_code == 410


def test_refuse_connections_then_recover_on_same_port(sandbox: SandboxServer) -> None:
    with client_for(sandbox) as client:
        assert client.get(CATEGORIES).status_code == 200  # keep-alive connection open
        port = sandbox.port
        sandbox.cut_network()
        with pytest.raises(httpx.ConnectError):
            client.get(CATEGORIES)
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{sandbox.url}/sandbox/clock")
        sandbox.restore_network()
        assert sandbox.port == port
        assert client.get(CATEGORIES).status_code == 200


def test_refuse_connections_over_http_with_timer(sandbox: SandboxServer) -> None:
    with client_for(sandbox) as client:
        response = client.post(
            "/sandbox/faults", json={"refuseConnections": True, "refuseForSeconds": 0.6}
        )
        assert response.status_code == 200 and response.json()["refuseConnections"] is True
        time.sleep(0.2)
        with pytest.raises(httpx.ConnectError):
            client.get(CATEGORIES)
        time.sleep(0.8)
        assert client.get(CATEGORIES).status_code == 200
        assert client.get("/sandbox/faults").json()["refuseConnections"] is False


def test_set_faults_python_api(sandbox: SandboxServer, sandbox_client: httpx.Client) -> None:
    sandbox.set_faults(error_rate=1.0)
    assert sandbox_client.get(CATEGORIES).status_code == 500
    sandbox.set_faults(refuse_connections=True)
    with pytest.raises(httpx.ConnectError):
        sandbox_client.get(CATEGORIES)
    sandbox.clear_faults()
    assert sandbox_client.get(CATEGORIES).status_code == 200
