"""Every public endpoint's responses validate against the spec; no token ever leaks."""

from __future__ import annotations

import httpx

from kiosk.sandbox import SandboxServer
from tests.unit.sandbox import spec
from tests.unit.sandbox.helpers import find_booking, too_early_booking


def _pages(client: httpx.Client, template: str, url: str, key: str, pages: int, **params: object):
    first_index = 1
    for _ in range(pages):
        response = client.get(url, params={**params, "firstIndex": first_index})
        spec.validate("GET", template, response)
        yield response
        items = response.json()[key]
        if not items:
            return
        first_index = items[-1]["id"] + 1


def test_every_public_response_matches_the_spec_and_hides_tokens(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    tokens = {b["token"] for b in sandbox.bookings()}
    tokens |= {b["token"] for b in sandbox.bookings(offerer_id=2)}
    responses: list[httpx.Response] = []

    def check(method: str, template: str, url: str, **params: object) -> httpx.Response:
        response = sandbox_client.request(method, url, params=params or None)
        spec.validate(method, template, response)
        responses.append(response)
        return response

    check("GET", "/public/offers/v1/offerer_venues", "/public/offers/v1/offerer_venues")
    check("GET", "/public/offers/v1/events/categories", "/public/offers/v1/events/categories")
    for venue_id in (1, 2, 3, 4):
        for template, key in (
            ("/public/offers/v1/products", "products"),
            ("/public/offers/v1/events", "events"),
        ):
            for response in _pages(sandbox_client, template, template, key, 3, venueId=venue_id):
                responses.append(response)
                for item in response.json()[key][:3]:
                    detail = template + ("/{product_id}" if key == "products" else "/{event_id}")
                    check("GET", detail, f"{template}/{item['id']}")
                    if key == "events":
                        check(
                            "GET",
                            "/public/offers/v1/events/{event_id}/dates",
                            f"{template}/{item['id']}/dates",
                        )
        responses.extend(
            _pages(
                sandbox_client,
                "/public/bookings/v1/bookings",
                "/public/bookings/v1/bookings",
                "bookings",
                4,
                venueId=venue_id,
            )
        )
    token_template = "/public/bookings/v1/token/{token}"
    for criteria in (
        {"status": "CONFIRMED", "isEvent": False},
        {"status": "USED"},
        {"status": "CANCELLED"},
        {"status": "REIMBURSED"},
    ):
        token = find_booking(sandbox, **criteria)["token"]
        check("GET", token_template, f"/public/bookings/v1/token/{token}")
    check("GET", token_template, f"/public/bookings/v1/token/{too_early_booking(sandbox)['token']}")
    check("GET", token_template, "/public/bookings/v1/token/ZZZZZZ")
    check("GET", "/public/bookings/v1/bookings", "/public/bookings/v1/bookings", limit=99)
    check("GET", "/public/bookings/v1/bookings", "/public/bookings/v1/bookings")
    thing = find_booking(sandbox, status="CONFIRMED", isEvent=False)["token"]
    for verb in ("use", "keep", "cancel"):
        check(
            "PATCH",
            f"/public/bookings/v1/{verb}/token/{{token}}",
            f"/public/bookings/v1/{verb}/token/{thing}",
        )
    assert len(responses) > 40
    for response in responses:
        text = response.text
        leaked = [token for token in tokens if token in text]
        assert not leaked, f"{response.request.url} leaks {leaked[:3]}"
        if response.status_code == 200 and "bookings" in str(response.request.url.path):
            assert '"token"' not in text
