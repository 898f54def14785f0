"""GET /public/bookings/v1/bookings: filters, cursor pagination, 404/400."""

from __future__ import annotations

import httpx
import pytest

from kiosk.sandbox import SandboxServer, WireOptions

URL = "/public/bookings/v1/bookings"


def walk(client: httpx.Client, **params: object) -> list[dict[str, object]]:
    seen: list[dict[str, object]] = []
    first_index = 1
    while True:
        response = client.get(URL, params={**params, "firstIndex": first_index, "limit": 50})
        assert response.status_code == 200, response.text
        page = response.json()["bookings"]
        if not page:
            return seen
        assert len(page) <= 50
        seen.extend(page)
        first_index = int(page[-1]["id"]) + 1  # type: ignore[call-overload]


def test_pagination_walks_every_booking_once(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    expected = {b["id"] for b in sandbox.bookings() if b["venueId"] == 1}
    seen = walk(sandbox_client, venueId=1)
    ids = [b["id"] for b in seen]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids)) == len(expected)
    assert set(ids) == expected


def test_default_and_max_limit(sandbox_client: httpx.Client) -> None:
    assert len(sandbox_client.get(URL, params={"venueId": 1}).json()["bookings"]) == 50
    response = sandbox_client.get(URL, params={"venueId": 1, "limit": 51})
    assert response.status_code == 400
    assert response.json() == {"limit": ["ensure this value is less than or equal to 50"]}
    assert sandbox_client.get(URL, params={"venueId": 1, "limit": 0}).status_code == 400
    assert sandbox_client.get(URL, params={"venueId": 1, "firstIndex": 0}).status_code == 400
    bad_id = sandbox_client.get(URL, params={"venueId": "x"})
    assert (bad_id.status_code, bad_id.json()) == (
        400,
        {"venueId": ["value is not a valid integer"]},
    )


@pytest.mark.sandbox_options(wire=WireOptions(api_errors_400=False))
def test_legacy_422_lists_behind_the_wire_option(sandbox_client: httpx.Client) -> None:
    response = sandbox_client.get(URL, params={"venueId": 1, "limit": 51})
    assert response.status_code == 422
    assert response.json() == [
        {
            "loc": ["limit"],
            "msg": "ensure this value is less than or equal to 50",
            "type": "value_error.number.not_le",
            "ctx": {"limit_value": 50},
        }
    ]
    assert sandbox_client.get(URL).json()[0]["loc"] == ["__root__"]


def test_offer_or_venue_is_required(sandbox_client: httpx.Client) -> None:
    response = sandbox_client.get(URL)
    assert response.status_code == 400
    assert response.json() == {"global": ["`offerId` or `venueId` must be set"]}


def test_unknown_or_foreign_offer_is_404(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    response = sandbox_client.get(URL, params={"offerId": 99_999_999})
    assert (response.status_code, response.json()) == (
        404,
        {"offerId": "we could not find this offer"},
    )
    foreign_offer = sandbox.bookings(offerer_id=2)[0]["offerId"]
    assert sandbox_client.get(URL, params={"offerId": foreign_offer}).status_code == 404
    assert sandbox_client.get(URL, params={"venueId": 5}).status_code == 404


def test_filters(sandbox: SandboxServer, sandbox_client: httpx.Client) -> None:
    event = next(b for b in sandbox.bookings() if b["isEvent"] and b["venueId"] == 2)
    by_offer = walk(sandbox_client, offerId=event["offerId"])
    assert by_offer and {b["offerId"] for b in by_offer} == {event["offerId"]}
    by_stock = walk(sandbox_client, offerId=event["offerId"], stockId=event["stockId"])
    assert {b["stockId"] for b in by_stock} == {event["stockId"]}
    by_category = walk(sandbox_client, venueId=2, priceCategoryId=event["priceCategoryId"])
    assert {b["priceCategoryId"] for b in by_category} == {event["priceCategoryId"]}
    by_date = walk(
        sandbox_client, offerId=event["offerId"], beginningDatetime=event["beginningDatetime"]
    )
    assert {b["stockId"] for b in by_date} == {
        b["stockId"]
        for b in sandbox.bookings()
        if b["beginningDatetime"] == event["beginningDatetime"] and b["offerId"] == event["offerId"]
    }
    used = walk(sandbox_client, venueId=1, status="USED")
    assert used and {b["status"] for b in used} == {"USED"}
    bad = sandbox_client.get(URL, params={"venueId": 1, "status": "PENDING"})
    assert bad.status_code == 400 and "not a valid enumeration member" in bad.json()["status"][0]
