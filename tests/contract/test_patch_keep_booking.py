"""Replay of pcapi ``api/tests/routes/public/individual_offers/v1/bookings/
patch_keep_validated_booking_test.py`` (``PatchKeepBookingByTokenTest``
@ 0a7a16c3308b33d355635386994332e949fc9556) against the sandbox."""

from __future__ import annotations

import httpx
import pytest

from kiosk.sandbox import SandboxServer
from tests.contract.helpers import World, booking_by_factory, days

URL = "/public/bookings/v1/keep/token/{}"


@pytest.fixture
def world(sandbox_empty: SandboxServer, sandbox_empty_client: httpx.Client) -> World:
    return World(sandbox_empty, sandbox_empty_client)


def test_should_raise_401_because_not_authenticated(sandbox_empty: SandboxServer) -> None:
    """patch_keep_validated_booking_test.py::PatchKeepBookingByTokenTest::test_should_raise_401_because_not_authenticated
    @ 0a7a16c3308b33d355635386994332e949fc9556 (inherited from helpers.py)"""
    response = httpx.patch(sandbox_empty.url + URL.format("T0K3N"), json={})
    assert (response.status_code, response.json()) == (401, {"auth": "API key required"})


def test_should_raise_404_because_has_no_access_to_venue(world: World) -> None:
    """patch_keep_validated_booking_test.py::PatchKeepBookingByTokenTest::test_should_raise_404_because_has_no_access_to_venue
    @ 0a7a16c3308b33d355635386994332e949fc9556"""
    with world.other() as other:
        token = other.used(other.thing(venue=5))["token"]
    assert world.client.patch(URL.format(token)).status_code == 404


def test_should_raise_404_because_venue_provider_is_inactive(world: World) -> None:
    """patch_keep_validated_booking_test.py::PatchKeepBookingByTokenTest::test_should_raise_404_because_venue_provider_is_inactive
    @ 0a7a16c3308b33d355635386994332e949fc9556"""
    token = world.used(world.thing())["token"]
    world.deactivate_venue_provider()
    assert world.client.patch(URL.format(token)).status_code == 404
    assert world.booking(token)["status"] == "USED"


def test_key_has_rights_and_regular_offer(world: World) -> None:
    """patch_keep_validated_booking_test.py::PatchKeepBookingByTokenTest::test_key_has_rights_and_regular_offer
    @ 0a7a16c3308b33d355635386994332e949fc9556"""
    token = world.used(world.thing(), created=world.now() - days(4))["token"]
    response = world.client.patch(URL.format(token))
    assert (response.status_code, response.content) == (204, b"")
    assert world.booking(token)["status"] == "CONFIRMED"


def test_should_raise_403_when_booking_is_refunded(world: World) -> None:
    """patch_keep_validated_booking_test.py::PatchKeepBookingByTokenTest::test_should_raise_403_when_booking_is_refunded
    @ 0a7a16c3308b33d355635386994332e949fc9556"""
    token = booking_by_factory(world, "ReimbursedBookingFactory")["token"]
    response = world.client.patch(URL.format(token))
    assert response.status_code == 403
    assert response.json() == {"payment": "This booking has been reimbursed"}
    assert world.booking(token)["status"] == "REIMBURSED"


def test_should_raise_403_when_booking_is_not_used(world: World) -> None:
    """patch_keep_validated_booking_test.py::PatchKeepBookingByTokenTest::test_should_raise_403_when_booking_is_not_used
    @ 0a7a16c3308b33d355635386994332e949fc9556"""
    token = world.book(world.thing())["token"]
    response = world.client.patch(URL.format(token))
    assert response.status_code == 403
    assert response.json() == {"booking": "This booking has not been used"}
    assert world.booking(token)["status"] == "CONFIRMED"


def test_should_raise_403_when_stock_is_event_and_booking_is_not_confirmed_yet(
    world: World,
) -> None:
    """patch_keep_validated_booking_test.py::PatchKeepBookingByTokenTest::test_should_raise_403_when_stock_is_event_and_booking_is_not_confirmed_yet
    @ 0a7a16c3308b33d355635386994332e949fc9556"""
    token = world.book(world.event(world.now() + days(10)))["token"]
    response = world.client.patch(URL.format(token))
    assert response.status_code == 403
    assert response.json() == {"booking": "This booking has not been used"}


def test_should_raise_403_when_booking_has_activation_code(world: World) -> None:
    """patch_keep_validated_booking_test.py::PatchKeepBookingByTokenTest::test_should_raise_403_when_booking_has_activation_code
    @ 0a7a16c3308b33d355635386994332e949fc9556"""
    offer = world.offer(venue=4, subcategoryId="ABO_LIVRE_NUMERIQUE")  # digital venue
    token = world.used(offer, hasActivationCode=True)["token"]
    response = world.client.patch(URL.format(token))
    assert response.status_code == 403
    assert response.json() == {
        "booking": "This booking has validation codes, and cannot be marked as unused"
    }


def test_should_raise_410_when_booking_is_cancelled(world: World) -> None:
    """patch_keep_validated_booking_test.py::PatchKeepBookingByTokenTest::test_should_raise_410_when_booking_is_cancelled
    @ 0a7a16c3308b33d355635386994332e949fc9556"""
    token = booking_by_factory(world, "CancelledBookingFactory")["token"]
    response = world.client.patch(URL.format(token))
    assert response.status_code == 410
    assert response.json() == {"booking": "This booking has been cancelled"}


def test_source_keep_while_reimbursement_in_progress(world: World) -> None:
    """Not an upstream test: pcapi ``core/bookings/validation.py`` @ 01a025d807a5
    ``check_can_be_mark_as_unused`` raises BookingIsAlreadyRefunded when
    ``finance_repository.has_reimbursement`` (the booking is still USED), which
    ``routes/public/individual_offers/v1/bookings.py`` @ 011a65d7fffc answers
    403 ``{"payment": "This booking has been reimbursed"}``."""
    token = booking_by_factory(world, "PendingReimbursementBookingFactory")["token"]
    response = world.client.patch(URL.format(token))
    assert (response.status_code, response.json()) == (
        403,
        {"payment": "This booking has been reimbursed"},
    )
    assert world.booking(token)["status"] == "USED"
