"""Replay of pcapi ``api/tests/routes/public/individual_offers/v1/bookings/get_bookings_test.py``
(``GetBookingsByOfferTest`` @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6) against the sandbox.

Upstream expects dates via ``strftime("%Y-%m-%dT%H:%M:%S.%fZ")`` because its factory dates
always carry microseconds; pcapi writes ``isoformat() + "Z"``, so whole seconds (all the
sandbox stores) come without a fraction. Query counts are not replayed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from kiosk.sandbox import SandboxServer
from tests.contract.helpers import BOOKING_KEYS, World, days, public_body

URL = "/public/bookings/v1/bookings"


@pytest.fixture
def world(sandbox_empty: SandboxServer, sandbox_empty_client: httpx.Client) -> World:
    return World(sandbox_empty, sandbox_empty_client)


def _list(world: World, **params: Any) -> list[dict[str, Any]]:
    response = world.client.get(URL, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert list(body) == ["bookings"]
    for booking in body["bookings"]:
        assert set(booking) == BOOKING_KEYS
        assert booking["creationDate"].endswith("Z")
    return body["bookings"]


def _expected(world: World, *bookings: dict[str, Any]) -> list[dict[str, Any]]:
    return [public_body(world.booking(b["token"])) for b in bookings]


def test_should_raise_401_because_not_authenticated(sandbox_empty: SandboxServer) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_should_raise_401_because_not_authenticated
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6 (inherited from helpers.py)"""
    response = httpx.get(sandbox_empty.url + URL)
    assert (response.status_code, response.json()) == (401, {"auth": "API key required"})


def test_should_raise_404_because_has_no_access_to_venue(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_should_raise_404_because_has_no_access_to_venue
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    with world.other() as other:
        offer = other.thing(venue=5)
    assert world.client.get(URL, params={"offerId": offer["id"]}).status_code == 404


def test_should_raise_404_because_venue_provider_is_inactive(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_should_raise_404_because_venue_provider_is_inactive
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    offer = world.thing()
    world.deactivate_venue_provider()
    assert world.client.get(URL, params={"offerId": offer["id"]}).status_code == 404


def test_should_raise_404_because_offer_not_found(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_should_raise_404_because_offer_not_found
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    offer = world.thing()
    response = world.client.get(URL, params={"offerId": offer["id"] + 1})
    assert response.status_code == 404
    assert response.json() == {"offerId": "we could not find this offer"}


def test_should_raise_404_because_venue_not_found(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_should_raise_404_because_venue_not_found
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6

    venueId + 1 is the other offerer's venue here (5 → 6 does not exist either)."""
    response = world.client.get(URL, params={"venueId": 6})
    assert response.status_code == 404
    assert response.json() == {"venueId": "we could not find this venue"}


def test_request_not_existing_page(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_request_not_existing_page
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    offer = world.thing()
    booking = world.book(offer, created=world.now() - days(4))
    assert _list(world, offerId=offer["id"], firstIndex=booking["id"] + 1) == []


def test_key_has_rights_and_regular_product_offer(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_key_has_rights_and_regular_product_offer
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    offer = world.thing()
    booking = world.book(
        offer,
        created=world.now() - days(4),
        userEmail="beneficiary@example.com",
        userPhoneNumber="0101010101",
    )
    bookings = _list(world, offerId=offer["id"])
    assert bookings == _expected(world, booking)
    (only,) = bookings
    assert (only["offerEan"], only["offerName"], only["price"]) == (
        "1234567890123",
        "Vieux motard que jamais",
        1010,
    )
    assert (only["status"], only["priceCategoryId"], only["quantity"]) == ("CONFIRMED", None, 1)
    assert only["userEmail"] == "beneficiary@example.com"


def test_venue_bookings(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_venue_bookings
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    past = world.now() - days(14)
    first = world.event(past, name="Vieux motards rockers")
    second = world.event(past, name="On fait la java")
    bookings = [
        world.book(first, created=past - days(2), userEmail="beneficiary@example.com"),
        world.book(first, created=past - days(1), userEmail="beneficiary-2@example.com"),
        world.book(second, created=past - days(1 / 24), userEmail="beneficiary-3@example.com"),
    ]
    listed = _list(world, venueId=1)
    assert listed == _expected(world, *bookings)
    assert [b["offerName"] for b in listed] == [
        "Vieux motards rockers",
        "Vieux motards rockers",
        "On fait la java",
    ]
    assert all(b["offerEan"] is None and b["priceCategoryId"] for b in listed)
    assert all(b["confirmationDate"].endswith("Z") for b in listed)


def _two_bookings_of_one_event(world: World) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    past = world.now() - days(14)
    offer = world.event(past)
    return offer, [
        world.book(offer, created=past - days(2), userEmail="beneficiary@example.com"),
        world.book(offer, created=past - days(1), userEmail="beneficiary-2@example.com"),
    ]


def test_multiple_event_bookings(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_multiple_event_bookings
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    offer, bookings = _two_bookings_of_one_event(world)
    assert _list(world, offerId=offer["id"]) == _expected(world, *bookings)


def test_filter_price_category_event_bookings(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_filter_price_category_event_bookings
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6

    Upstream adds a second price category that has no stock; the sandbox makes one
    category per event, so the filter is replayed on the stock's own category."""
    offer, bookings = _two_bookings_of_one_event(world)
    category = world.booking(bookings[0]["token"])["priceCategoryId"]
    listed = _list(world, offerId=offer["id"], priceCategoryId=category)
    assert listed == _expected(world, *bookings)
    assert _list(world, offerId=offer["id"], priceCategoryId=category + 1000) == []


def _naive(moment: datetime) -> str:
    return str(moment.astimezone(UTC).replace(tzinfo=None))


def _two_dates(world: World) -> tuple[dict[str, Any], Any]:
    past = world.now().replace(microsecond=0) - days(14)
    return world.event(past, past + days(2)), past


def test_filter_stock_event_bookings(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_filter_stock_event_bookings
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    offer, past = _two_dates(world)
    booking = world.book(offer, stock=0, created=past - days(2))
    world.book(offer, stock=1, created=past - days(1))
    listed = _list(world, offerId=offer["id"], stockId=offer["stockIds"][0])
    assert listed == _expected(world, booking)


def test_filter_stock_begining_datetime_bookings(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_filter_stock_begining_datetime_bookings
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    offer, past = _two_dates(world)
    booking = world.book(offer, stock=0, created=past - days(2))
    world.book(offer, stock=1, created=past - days(1))
    # Upstream sends the naive UTC datetime as the test client writes it: str(), a space.
    listed = _list(world, offerId=offer["id"], beginningDatetime=_naive(past))
    assert listed == _expected(world, booking)
    aware = _list(world, offerId=offer["id"], beginningDatetime=past.isoformat())
    assert aware == listed


def test_filter_status_event_bookings(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_filter_status_event_bookings
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    offer, past = _two_dates(world)
    booking = world.reimbursed_stock(offer, 0, created=past - days(2))
    world.used(offer, stock=1, created=past - days(1))
    listed = _list(world, offerId=offer["id"], status="REIMBURSED")
    assert listed == _expected(world, booking)
    assert listed[0]["status"] == "REIMBURSED"


def test_multiple_filters_bookings(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_multiple_filters_bookings
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    offer, past = _two_dates(world)
    world.reimbursed_stock(offer, 0, created=past - days(2))
    world.used(offer, stock=0, created=past - days(1))
    booking = world.used(offer, stock=1, created=past - days(1))
    params = {"offerId": offer["id"], "status": "USED"}
    listed = _list(world, **params, beginningDatetime=_naive(past + days(2)))
    assert listed == _expected(world, booking)


def test_snake_case_query_names(world: World) -> None:
    """pcapi's query models accept their field names too (allow_population_by_field_name):
    `offer_id`, `beginning_datetime` list what `offerId`, `beginningDatetime` list."""
    offer, past = _two_dates(world)
    booking = world.book(offer, stock=0, created=past - days(2))
    world.book(offer, stock=1, created=past - days(1))
    snake = _list(world, offer_id=offer["id"], beginning_datetime=_naive(past))
    assert snake == _list(world, offerId=offer["id"], beginningDatetime=_naive(past))
    assert snake == _expected(world, booking)


def _three_bookings(world: World) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    offer, bookings = _two_bookings_of_one_event(world)
    past = world.now() - days(14)
    bookings.append(world.book(offer, created=past - days(1), userEmail="b3@example.com"))
    return offer, bookings


def test_multiple_pages(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_multiple_pages
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    offer, bookings = _three_bookings(world)
    assert _list(world, offerId=offer["id"], limit=2) == _expected(world, *bookings[:2])


def test_second_page(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_second_page
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    offer, bookings = _three_bookings(world)
    listed = _list(world, offerId=offer["id"], limit=2, firstIndex=bookings[1]["id"])
    assert listed == _expected(world, *bookings[1:])


def test_offer_has_no_bookings(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_offer_has_no_bookings
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    assert _list(world, offerId=world.thing()["id"]) == []


def test_should_raise_400_because_no_offer_id_nor_venue_id_provided(world: World) -> None:
    """get_bookings_test.py::GetBookingsByOfferTest::test_should_raise_400_because_no_offer_id_nor_venue_id_provided
    @ eb160c9c26e2eddfd68018de5a17bc32d5ce9cb6"""
    world.used(world.thing())
    response = world.client.get(URL)
    assert response.json() == {"global": ["`offerId` or `venueId` must be set"]}
    assert response.status_code == 400
