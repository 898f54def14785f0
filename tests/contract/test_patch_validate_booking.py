"""Replay of pcapi ``api/tests/routes/public/individual_offers/v1/bookings/
patch_validate_booking_by_token_test.py`` (``ValidateBookingByTokenTest``
@ 67dbe148e585145c1de6c8a36b281e136a36e8cf) against the sandbox.

Not replayed: ``booking.user.achievements`` (the sandbox has no achievements)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import httpx
import pytest

from kiosk.sandbox import SandboxServer
from tests.contract.helpers import World, booking_by_factory, days

URL = "/public/bookings/v1/use/token/{}"
CASE = "patch_validate_booking_by_token_test.py::ValidateBookingByTokenTest::"
AT = " @ 67dbe148e585145c1de6c8a36b281e136a36e8cf"


@pytest.fixture
def world(sandbox_empty: SandboxServer, sandbox_empty_client: httpx.Client) -> World:
    return World(sandbox_empty, sandbox_empty_client)


def test_should_raise_401_because_not_authenticated(sandbox_empty: SandboxServer) -> None:
    """patch_validate_booking_by_token_test.py::ValidateBookingByTokenTest::test_should_raise_401_because_not_authenticated
    @ 67dbe148e585145c1de6c8a36b281e136a36e8cf (inherited from helpers.py)"""
    response = httpx.patch(sandbox_empty.url + URL.format("T0K3N"), json={})
    assert (response.status_code, response.json()) == (401, {"auth": "API key required"})


def test_key_has_rights_and_regular_product_offer(world: World) -> None:
    """patch_validate_booking_by_token_test.py::ValidateBookingByTokenTest::test_key_has_rights_and_regular_product_offer
    @ 67dbe148e585145c1de6c8a36b281e136a36e8cf"""
    token = world.book(world.thing(), created=world.now() - days(4))["token"]
    response = world.client.patch(URL.format(token))
    assert (response.status_code, response.content) == (204, b"")
    assert world.booking(token)["status"] == "USED"


def test_key_has_rights_and_regular_event_offer(world: World) -> None:
    """patch_validate_booking_by_token_test.py::ValidateBookingByTokenTest::test_key_has_rights_and_regular_event_offer
    @ 67dbe148e585145c1de6c8a36b281e136a36e8cf"""
    now = world.now()
    token = world.book(world.event(now - days(2)), created=now - days(4))["token"]
    assert world.client.patch(URL.format(token)).status_code == 204
    assert world.booking(token)["status"] == "USED"


def test_should_raise_404_because_has_no_access_to_venue(world: World) -> None:
    """patch_validate_booking_by_token_test.py::ValidateBookingByTokenTest::test_should_raise_404_because_has_no_access_to_venue
    @ 67dbe148e585145c1de6c8a36b281e136a36e8cf"""
    with world.other() as other:
        token = other.book(other.thing(venue=5))["token"]
    assert world.client.patch(URL.format(token)).status_code == 404


def test_should_raise_404_because_venue_provider_is_inactive(world: World) -> None:
    """patch_validate_booking_by_token_test.py::ValidateBookingByTokenTest::test_should_raise_404_because_venue_provider_is_inactive
    @ 67dbe148e585145c1de6c8a36b281e136a36e8cf"""
    token = world.book(world.thing())["token"]
    world.deactivate_venue_provider()
    assert world.client.patch(URL.format(token)).status_code == 404
    assert world.booking(token)["status"] == "CONFIRMED"


def test_should_raise_403_when_booking_not_confirmed(world: World) -> None:
    """patch_validate_booking_by_token_test.py::ValidateBookingByTokenTest::test_should_raise_403_when_booking_not_confirmed
    @ 67dbe148e585145c1de6c8a36b281e136a36e8cf

    Upstream uses a thing stock with a beginningDatetime; the sandbox has dates on events."""
    booking = world.book(world.event(world.now() + days(7)))
    response = world.client.patch(URL.format(booking["token"]))
    limit = datetime.fromisoformat(booking["confirmationDate"])
    stamp = limit.astimezone(ZoneInfo("Europe/Paris")).strftime("%d/%m/%Y à %H:%M")
    assert response.json() == {
        "booking": f"Vous pourrez valider cette contremarque à partir du {stamp}, "
        "une fois le délai d’annulation passé."
    }
    assert response.status_code == 403


def test_should_raise_403_when_booking_is_refunded(world: World) -> None:
    """patch_validate_booking_by_token_test.py::ValidateBookingByTokenTest::test_should_raise_403_when_booking_is_refunded
    @ 67dbe148e585145c1de6c8a36b281e136a36e8cf"""
    token = booking_by_factory(world, "ReimbursedBookingFactory")["token"]
    response = world.client.patch(URL.format(token))
    assert response.status_code == 403
    assert response.json() == {"payment": "This booking has already been reimbursed"}


def test_should_raise_403_when_offerer_is_closed(world: World) -> None:
    """patch_validate_booking_by_token_test.py::ValidateBookingByTokenTest::test_should_raise_403_when_offerer_is_closed
    @ 67dbe148e585145c1de6c8a36b281e136a36e8cf"""
    world.close_offerer()
    token = world.book(world.thing())["token"]
    response = world.client.patch(URL.format(token))
    assert response.status_code == 403
    assert response.json() == {
        "booking": ["Vous ne pouvez plus valider de contremarque sur une structure fermée"]
    }
    assert world.booking(token)["status"] == "CONFIRMED"


REIMBURSED = {"payment": "This booking has already been reimbursed"}
LIFECYCLE = [
    ("PendingReimbursementBookingFactory", 403, REIMBURSED),
    ("ReimbursedBookingFactory", 403, REIMBURSED),
    ("UsedBookingFactory", 410, {"booking": "This booking has already been validated"}),
    ("CancelledBookingFactory", 410, {"booking": "This booking has been cancelled"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("factory", "expected_status", "expected_json"),
    LIFECYCLE,
    ids=[
        f"{CASE}test_should_raise_due_to_booking_lifecycle_issues[{f}]{AT}" for f, _, _ in LIFECYCLE
    ],
)
def test_should_raise_due_to_booking_lifecycle_issues(
    world: World, factory: str, expected_status: int, expected_json: dict[str, str]
) -> None:
    booking = booking_by_factory(world, factory)
    response = world.client.patch(URL.format(booking["token"]))
    assert response.status_code == expected_status
    assert response.json() == expected_json
    assert world.booking(booking["token"])["status"] == booking["status"]
