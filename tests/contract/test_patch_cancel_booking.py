"""Replay of pcapi ``api/tests/routes/public/individual_offers/v1/bookings/
patch_cancel_booking_by_token_test.py`` (``CancelBookingByTokenTest``
@ 1b605b7d3afe2c5d2ce3e2b3631bad63df23b30c) against the sandbox."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from kiosk.sandbox import SandboxServer
from tests.contract.helpers import World, booking_by_factory, days

URL = "/public/bookings/v1/cancel/token/{}"
CASE = "patch_cancel_booking_by_token_test.py::CancelBookingByTokenTest::"
AT = " @ 1b605b7d3afe2c5d2ce3e2b3631bad63df23b30c"


@pytest.fixture
def world(sandbox_empty: SandboxServer, sandbox_empty_client: httpx.Client) -> World:
    return World(sandbox_empty, sandbox_empty_client)


def test_should_raise_401_because_not_authenticated(sandbox_empty: SandboxServer) -> None:
    """patch_cancel_booking_by_token_test.py::CancelBookingByTokenTest::test_should_raise_401_because_not_authenticated
    @ 1b605b7d3afe2c5d2ce3e2b3631bad63df23b30c (inherited from helpers.py)"""
    response = httpx.patch(sandbox_empty.url + URL.format("TOKEN"), json={})
    assert (response.status_code, response.json()) == (401, {"auth": "API key required"})


def test_should_raise_404_because_has_no_access_to_venue(world: World) -> None:
    """patch_cancel_booking_by_token_test.py::CancelBookingByTokenTest::test_should_raise_404_because_has_no_access_to_venue
    @ 1b605b7d3afe2c5d2ce3e2b3631bad63df23b30c"""
    with world.other() as other:
        token = other.book(other.thing(venue=5))["token"]
    assert world.client.patch(URL.format(token)).status_code == 404


def test_should_raise_404_because_venue_provider_is_inactive(world: World) -> None:
    """patch_cancel_booking_by_token_test.py::CancelBookingByTokenTest::test_should_raise_404_because_venue_provider_is_inactive
    @ 1b605b7d3afe2c5d2ce3e2b3631bad63df23b30c"""
    token = world.book(world.thing())["token"]
    world.deactivate_venue_provider()
    assert world.client.patch(URL.format(token)).status_code == 404
    assert world.booking(token)["status"] == "CONFIRMED"


def test_key_has_rights_and_regular_product_offer(world: World) -> None:
    """patch_cancel_booking_by_token_test.py::CancelBookingByTokenTest::test_key_has_rights_and_regular_product_offer
    @ 1b605b7d3afe2c5d2ce3e2b3631bad63df23b30c"""
    token = world.book(world.thing(), created=world.now() - days(4))["token"]
    response = world.client.patch(URL.format(token))
    assert (response.status_code, response.content) == (204, b"")
    assert world.booking(token)["status"] == "CANCELLED"


def test_key_has_rights_and_regular_event_offer(world: World) -> None:
    """patch_cancel_booking_by_token_test.py::CancelBookingByTokenTest::test_key_has_rights_and_regular_event_offer
    @ 1b605b7d3afe2c5d2ce3e2b3631bad63df23b30c"""
    now = world.now()
    token = world.book(world.event(now + days(3)), created=now - days(1))["token"]
    assert world.client.patch(URL.format(token)).status_code == 204
    assert world.booking(token)["status"] == "CANCELLED"


DATES = [
    ("less_than_48h_before_event", timedelta(hours=36), timedelta(days=-1)),
    ("booked_2_days_ago_event_in_1_week", timedelta(weeks=1), timedelta(days=-2)),
]


@pytest.mark.parametrize(
    ("beginning", "created"),
    [(b, c) for _, b, c in DATES],
    ids=[f"{CASE}test_should_raise_due_to_constraint_on_dates[{name}]{AT}" for name, _, _ in DATES],
)
def test_should_raise_due_to_constraint_on_dates(
    world: World, beginning: timedelta, created: timedelta
) -> None:
    now = world.now()
    token = world.book(world.event(now + beginning), created=now + created)["token"]
    response = world.client.patch(URL.format(token))
    assert response.json() == {"booking": "This booking cannot be cancelled anymore"}
    assert response.status_code == 403


REIMBURSED = {"payment": "This booking has been reimbursed"}
STATUSES = [
    ("PendingReimbursementBookingFactory", 403, REIMBURSED),
    ("ReimbursedBookingFactory", 403, REIMBURSED),
    ("CancelledBookingFactory", 410, {"booking": "This booking has already been cancelled"}),
    ("UsedBookingFactory", 410, {"booking": "This booking has been validated"}),
]


@pytest.mark.parametrize(
    ("factory", "expected_status_code", "expected_error_json"),
    STATUSES,
    ids=[f"{CASE}test_should_raise_due_to_booking_status[{f}]{AT}" for f, _, _ in STATUSES],
)
def test_should_raise_due_to_booking_status(
    world: World, factory: str, expected_status_code: int, expected_error_json: dict[str, str]
) -> None:
    booking = booking_by_factory(world, factory)
    response = world.client.patch(URL.format(booking["token"]))
    assert response.status_code == expected_status_code
    assert response.json() == expected_error_json
    assert world.booking(booking["token"])["status"] == booking["status"]
