"""Bearer auth on /public and /sandbox; 200 requests/minute per key → 429 + Retry-After."""

from __future__ import annotations

import httpx
import pytest

from kiosk.sandbox import SandboxServer
from tests.fixtures.sandbox import client_for

AUTH = {"auth": "API key required"}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer nope"},
        {"Authorization": "sandbox-key"},
        {"Authorization": "Basic c2FuZGJveA=="},
    ],
)
def test_missing_or_invalid_key_is_401(sandbox: SandboxServer, headers: dict[str, str]) -> None:
    with httpx.Client(base_url=sandbox.url, headers=headers) as client:
        for url in (
            "/public/offers/v1/offerer_venues",
            "/public/bookings/v1/token/ABCDEF",
            "/sandbox/bookings",
        ):
            response = client.get(url)
            assert (response.status_code, response.json()) == (401, AUTH)


def test_images_need_no_key(sandbox: SandboxServer) -> None:
    response = httpx.get(f"{sandbox.url}/sandbox/images/1.png")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert httpx.get(f"{sandbox.url}/sandbox/images/99999999.png").status_code == 404


@pytest.mark.sandbox_options(rate_limit=True)
def test_rate_limit_per_key(sandbox: SandboxServer) -> None:
    with client_for(sandbox) as client, client_for(sandbox, sandbox.other_api_key) as other:
        for _ in range(200):
            assert client.get("/public/offers/v1/events/categories").status_code == 200
        limited = client.get("/public/offers/v1/events/categories")
        assert limited.status_code == 429
        assert 1 <= int(limited.headers["Retry-After"]) <= 60
        assert isinstance(limited.json(), dict)
        assert other.get("/public/offers/v1/events/categories").status_code == 200
        assert client.get("/sandbox/clock").status_code == 200  # controls are not limited


def test_rate_limit_lifted_by_default_in_fixture(sandbox_client: httpx.Client) -> None:
    for _ in range(230):
        assert sandbox_client.get("/public/offers/v1/events/categories").status_code == 200
