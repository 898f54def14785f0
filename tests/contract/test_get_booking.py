"""Replay of pcapi ``api/tests/routes/public/individual_offers/v1/bookings/get_booking_test.py``
(``GetBookingByTokenTest`` @ b3d44f5fdef866bc8999e29b199c4594e5749207) against the sandbox."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import httpx
import pytest

from kiosk.sandbox import SandboxServer
from tests.contract.helpers import UPSTREAM, World, booking_by_factory, days, utc_z

SRC = f"{UPSTREAM}/get_booking_test.py::GetBookingByTokenTest"
AT = "@ b3d44f5fdef866bc8999e29b199c4594e5749207"
URL = "/public/bookings/v1/token/{}"


@pytest.fixture
def world(sandbox_empty: SandboxServer, sandbox_empty_client: httpx.Client) -> World:
    return World(sandbox_empty, sandbox_empty_client)


def test_should_raise_401_because_not_authenticated(sandbox_empty: SandboxServer) -> None:
    """get_booking_test.py::GetBookingByTokenTest::test_should_raise_401_because_not_authenticated
    @ b3d44f5fdef866bc8999e29b199c4594e5749207 (inherited from helpers.py)"""
    response = httpx.get(sandbox_empty.url + URL.format("T0K3N"))
    assert (response.status_code, response.json()) == (401, {"auth": "API key required"})


def test_should_raise_404_because_has_no_access_to_venue(world: World) -> None:
    """get_booking_test.py::GetBookingByTokenTest::test_should_raise_404_because_has_no_access_to_venue
    @ b3d44f5fdef866bc8999e29b199c4594e5749207"""
    with world.other() as other:
        token = other.book(other.thing(venue=5))["token"]
    assert world.client.get(URL.format(token)).status_code == 404


def test_should_raise_404_because_venue_provider_is_inactive(world: World) -> None:
    """get_booking_test.py::GetBookingByTokenTest::test_should_raise_404_because_venue_provider_is_inactive
    @ b3d44f5fdef866bc8999e29b199c4594e5749207"""
    token = world.book(world.thing())["token"]
    world.deactivate_venue_provider()
    assert world.client.get(URL.format(token)).status_code == 404


def test_should_raise_404_because_of_missing_token(sandbox_empty: SandboxServer) -> None:
    """get_booking_test.py::GetBookingByTokenTest::test_should_raise_404_because_of_missing_token
    @ b3d44f5fdef866bc8999e29b199c4594e5749207

    No key: routing comes before authentication, as in Flask."""
    assert httpx.get(sandbox_empty.url + URL.format("")).status_code == 404


def test_key_has_rights_and_regular_product_offer(world: World) -> None:
    """get_booking_test.py::GetBookingByTokenTest::test_key_has_rights_and_regular_product_offer
    @ b3d44f5fdef866bc8999e29b199c4594e5749207

    Not replayed: confirmationDate of a *thing* whose stock has a beginningDatetime (an
    upstream factory quirk); a real thing booking has no cancellation limit → null."""
    offer = world.thing()
    created = world.now() - days(4)
    booking = world.book(
        offer,
        created=created,
        userEmail="beneficiary@example.com",
        userPhoneNumber="+33101010101",
        userPostalCode="75001",
    )
    response = world.client.get(URL.format(booking["token"]))
    assert response.status_code == 200
    assert response.json() == {
        "confirmationDate": None,
        "creationDate": utc_z(created.replace(microsecond=0)),
        "id": booking["id"],
        "offerEan": "1234567890123",
        "offerId": offer["id"],
        "offerName": "Vieux motard que jamais",
        "price": 1010,
        "status": "CONFIRMED",
        "priceCategoryId": None,
        "priceCategoryLabel": None,
        "quantity": 1,
        "stockId": offer["stockIds"][0],
        "userBirthDate": booking["userBirthDate"],
        "userEmail": "beneficiary@example.com",
        "offerAddress": booking["offerAddress"],
        "offerDepartmentCode": "69",
        "venueId": 1,
        "venueName": booking["venueName"],
        "userFirstName": booking["userFirstName"],
        "userLastName": booking["userLastName"],
        "userPhoneNumber": "+33101010101",
        "userPostalCode": "75001",
    }
    assert response.json()["creationDate"].endswith("Z")


def test_key_has_rights_and_regular_event_offer(world: World) -> None:
    """get_booking_test.py::GetBookingByTokenTest::test_key_has_rights_and_regular_event_offer
    @ b3d44f5fdef866bc8999e29b199c4594e5749207"""
    now = world.now()
    offer = world.event(now - days(2))
    booking = world.book(offer, created=now - days(4), userPostalCode="69100")
    response = world.client.get(URL.format(booking["token"]))
    assert response.status_code == 200
    body = response.json()
    assert body["priceCategoryId"] is not None and body["priceCategoryLabel"] == "Tarif unique"
    assert body["offerEan"] is None and body["userPostalCode"] == "69100"
    assert body["confirmationDate"] == utc_z(booking["confirmationDate"])
    assert body["creationDate"] == utc_z(booking["creationDate"])
    assert body["confirmationDate"].endswith("Z") and "+" not in body["confirmationDate"]


def test_should_raise_403_when_booking_not_confirmed(world: World) -> None:
    """get_booking_test.py::GetBookingByTokenTest::test_should_raise_403_when_booking_not_confirmed
    @ b3d44f5fdef866bc8999e29b199c4594e5749207

    Upstream uses a thing stock with a beginningDatetime; the sandbox has dates on events."""
    offer = world.event(world.now() + days(7))
    booking = world.book(offer)
    response = world.client.get(URL.format(booking["token"]))
    assert response.status_code == 403
    limit = datetime.fromisoformat(booking["confirmationDate"])
    local = limit.astimezone(ZoneInfo("Europe/Paris"))  # venue 1 is in Lyon (69)
    stamp = local.strftime("%d/%m/%Y à %H:%M")
    assert response.json() == {
        "booking": f"Vous pourrez valider cette contremarque à partir du {stamp}, "
        "une fois le délai d’annulation passé."
    }


def test_should_raise_403_when_booking_is_refunded(world: World) -> None:
    """get_booking_test.py::GetBookingByTokenTest::test_should_raise_403_when_booking_is_refunded
    @ b3d44f5fdef866bc8999e29b199c4594e5749207"""
    token = booking_by_factory(world, "ReimbursedBookingFactory")["token"]
    response = world.client.get(URL.format(token))
    assert (response.status_code, response.json()) == (
        403,
        {"payment": "This booking has already been reimbursed"},
    )


def test_should_raise_403_when_offerer_is_closed(world: World) -> None:
    """get_booking_test.py::GetBookingByTokenTest::test_should_raise_403_when_offerer_is_closed
    @ b3d44f5fdef866bc8999e29b199c4594e5749207"""
    world.close_offerer()
    token = world.book(world.thing())["token"]
    response = world.client.get(URL.format(token))
    assert (response.status_code, response.json()) == (
        403,
        {"booking": ["Vous ne pouvez plus valider de contremarque sur une structure fermée"]},
    )
    assert world.booking(token)["status"] == "CONFIRMED"


@pytest.mark.parametrize(
    ("factory", "expected"),
    [
        ("UsedBookingFactory", {"booking": "This booking has already been validated"}),
        ("CancelledBookingFactory", {"booking": "This booking has been cancelled"}),
    ],
    ids=[
        f"{SRC}::test_should_raise_410[UsedBookingFactory] {AT}",
        f"{SRC}::test_should_raise_410[CancelledBookingFactory] {AT}",
    ],
)
def test_should_raise_410(world: World, factory: str, expected: dict[str, str]) -> None:
    token = booking_by_factory(world, factory)["token"]
    response = world.client.get(URL.format(token))
    assert (response.status_code, response.json()) == (410, expected)
