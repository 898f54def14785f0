"""Answers of pcapi's generic machinery rather than of one route: parameter validation,
routing, rate limit, unexpected errors.

Sources (not upstream test cases, so no ``file::Class::test`` of their own):
- ``api/src/pcapi/routes/error_handlers/generic_error_handlers.py`` @ 069a3131d5f0
  (405, 429, 500 bodies; unknown route → ``generate_error_response({})``, 404);
- the upstream products list test ``test_400_when_invalid_query_parameters`` (same
  spectree → ApiErrors path as the bookings list): ``{"limit": ["ensure this value is
  less than or equal to 50"]}``, ``{"venueId": ["value is not a valid integer"]}``, 400."""

from __future__ import annotations

import httpx
import pytest

from kiosk.sandbox import SandboxServer

URL = "/public/bookings/v1/bookings"
HUGE = 10**30


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"venueId": 1, "limit": 51}, {"limit": ["ensure this value is less than or equal to 50"]}),
        ({"venueId": 1, "limit": "test"}, {"limit": ["value is not a valid integer"]}),
        ({"venueId": "test"}, {"venueId": ["value is not a valid integer"]}),
        ({"offerId": "test"}, {"offerId": ["value is not a valid integer"]}),
        ({"venueId": 1, "stockId": "x"}, {"stockId": ["value is not a valid integer"]}),
    ],
)
def test_invalid_query_parameters_are_400_api_errors(
    sandbox_client: httpx.Client, params: dict[str, object], expected: dict[str, list[str]]
) -> None:
    response = sandbox_client.get(URL, params=params)
    assert (response.status_code, response.json()) == (400, expected)


def test_unknown_path_is_404_even_without_key(sandbox: SandboxServer) -> None:
    for path in ("/public/bookings/v1/nothing", "/public/bookings/v1/token/", "/nothing"):
        response = httpx.get(sandbox.url + path)
        assert (response.status_code, response.json()) == (404, {}), path


def test_wrong_method_is_405_json(sandbox: SandboxServer, sandbox_client: httpx.Client) -> None:
    expected = {"global": ["La méthode que vous utilisez n'existe pas sur notre serveur"]}
    for client in (sandbox_client, httpx.Client(base_url=sandbox.url)):
        response = client.post("/public/bookings/v1/token/ABCDEF")
        assert (response.status_code, response.json()) == (405, expected)


@pytest.mark.sandbox_options(rate_limit=True, rate_limit_per_minute=3)
def test_rate_limit_body(sandbox_client: httpx.Client) -> None:
    for _ in range(3):
        assert sandbox_client.get("/public/offers/v1/events/categories").status_code == 200
    response = sandbox_client.get("/public/offers/v1/events/categories")
    assert response.status_code == 429
    assert response.json() == {
        "global": ["Nombre de tentatives de connexion dépassé, veuillez réessayer dans une minute"]
    }
    assert int(response.headers["Retry-After"]) >= 1


def test_server_error_is_json(sandbox: SandboxServer, sandbox_client: httpx.Client) -> None:
    sandbox.set_faults(error_rate=1.0)
    response = sandbox_client.get("/public/bookings/v1/token/ABCDEF")
    assert response.status_code == 500
    assert response.json() == {
        "global": [
            "Il semble que nous ayons des problèmes techniques :( On répare ça au plus vite."
        ]
    }


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        (URL, {"offerId": HUGE}, 404),
        (URL, {"venueId": HUGE}, 404),
        (URL, {"venueId": 1, "firstIndex": HUGE}, 200),
        (URL, {"venueId": 1, "stockId": HUGE}, 200),
        (URL, {"venueId": 1, "priceCategoryId": -HUGE}, 200),
        (URL, {"venueId": 1, "limit": HUGE}, 400),
        (f"/public/offers/v1/products/{HUGE}", {}, 404),
        (f"/public/offers/v1/events/{HUGE}", {}, 404),
        ("/public/offers/v1/products", {"venueId": HUGE}, 404),
        ("/public/bookings/v1/token/" + "9" * 40, {}, 404),
    ],
)
def test_huge_integers_never_give_a_plain_500(
    sandbox_client: httpx.Client, path: str, params: dict[str, object], status: int
) -> None:
    response = sandbox_client.get(path, params=params)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    if status == 200:
        assert response.json() == {"bookings": []}
