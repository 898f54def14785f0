"""Set-up for the contract suite: every state is made through the sandbox's own HTTP
routes (``/sandbox/*``), then the real public route is called as the kiosk would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from kiosk.sandbox import SandboxServer
from tests.fixtures.sandbox import client_for

UPSTREAM = "api/tests/routes/public/individual_offers/v1/bookings"
HELPERS = "api/tests/routes/public/helpers.py @ 069e9c6bf8573b888c3d41e0edef33b33a24bbef"
# The 22 fields of GetBookingResponse the upstream tests compare, never the token.
BOOKING_KEYS = {
    "confirmationDate", "creationDate", "id", "offerEan", "offerId", "offerName", "price",
    "status", "priceCategoryId", "priceCategoryLabel", "quantity", "stockId", "userBirthDate",
    "userEmail", "offerAddress", "offerDepartmentCode", "venueId", "venueName",
    "userFirstName", "userLastName", "userPhoneNumber", "userPostalCode",
}  # fmt: skip
MAIN_VENUE = 1  # Lyon (69), offerer 1 in the empty world
OTHER_VENUE = 5  # the other key's venue (offerer 2)


def utc_z(value: datetime | str) -> str:
    """pcapi ``format_into_utc_date``: naive UTC isoformat + "Z"."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"


class World:
    """Thin client over ``/sandbox/*`` for one sandbox (both keys)."""

    def __init__(self, server: SandboxServer, client: httpx.Client) -> None:
        self.server = server
        self.client = client

    @contextmanager
    def other(self) -> Iterator[World]:
        """The same world seen with the other offerer's key (a provider without access)."""
        with client_for(self.server, self.server.other_api_key) as client:
            yield World(self.server, client)

    def now(self) -> datetime:
        return datetime.fromisoformat(self._ok(self.client.get("/sandbox/clock"))["now"])

    def _ok(self, response: httpx.Response) -> Any:
        assert response.status_code in (200, 201), response.text
        return response.json()

    def offer(self, *, venue: int = MAIN_VENUE, **payload: Any) -> dict[str, Any]:
        body = {"venueId": venue, "name": "Vieux motard que jamais", "price": 1010, **payload}
        return self._ok(self.client.post("/sandbox/offers", json=body))

    def thing(self, **payload: Any) -> dict[str, Any]:
        return self.offer(subcategoryId="LIVRE_PAPIER", ean="1234567890123", **payload)

    def event(self, beginning: datetime, *more: datetime, **payload: Any) -> dict[str, Any]:
        return self.offer(
            subcategoryId="CONCERT",
            beginningDatetime=beginning.isoformat(),
            moreBeginningDatetimes=[d.isoformat() for d in more],
            **payload,
        )

    def book(
        self,
        offer: dict[str, Any],
        *,
        stock: int = 0,
        created: datetime | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"stockId": offer["stockIds"][stock], **extra}
        if created is not None:
            body["creationDate"] = created.isoformat()
        return self._ok(self.client.post("/sandbox/bookings", json=body))

    def booking(self, token: str) -> dict[str, Any]:
        found = self._ok(self.client.get("/sandbox/bookings", params={"token": token}))
        (booking,) = found["bookings"]
        return booking

    # --- states ----------------------------------------------------------------------------
    def use(self, token: str) -> None:
        response = self.client.patch(f"/public/bookings/v1/use/token/{token}")
        assert response.status_code == 204, response.text

    def used(self, offer: dict[str, Any], **extra: Any) -> dict[str, Any]:
        booking = self.book(offer, **extra)
        self.use(booking["token"])
        return self.booking(booking["token"])

    def cancelled(self, offer: dict[str, Any]) -> dict[str, Any]:
        booking = self.book(offer)
        self._ok(self.client.post(f"/sandbox/bookings/{booking['token']}/cancel"))
        return self.booking(booking["token"])

    def reimbursed(self, offer: dict[str, Any]) -> dict[str, Any]:
        return self.reimbursed_stock(offer, 0)

    def reimbursed_stock(self, offer: dict[str, Any], stock: int, **extra: Any) -> dict[str, Any]:
        booking = self.used(offer, stock=stock, **extra)
        return self._ok(self.client.post(f"/sandbox/bookings/{booking['token']}/reimburse"))

    def pending_reimbursement(self, offer: dict[str, Any]) -> dict[str, Any]:
        booking = self.used(offer)
        path = f"/sandbox/bookings/{booking['token']}/start-reimbursement"
        return self._ok(self.client.post(path))

    def close_offerer(self) -> None:
        self._ok(self.client.post("/sandbox/offerer", json={"closed": True}))

    def deactivate_venue_provider(self, venue: int = MAIN_VENUE) -> None:
        self._ok(self.client.post(f"/sandbox/venues/{venue}/provider", json={"active": False}))


def booking_by_factory(world: World, factory: str) -> dict[str, Any]:
    """A thing booking in the state an upstream booking factory makes."""
    offer = world.thing()
    return {
        "BookingFactory": world.book,
        "UsedBookingFactory": world.used,
        "CancelledBookingFactory": world.cancelled,
        "ReimbursedBookingFactory": world.reimbursed,
        "PendingReimbursementBookingFactory": world.pending_reimbursement,
    }[factory](offer)


def public_body(booking: dict[str, Any]) -> dict[str, Any]:
    """What the real server answers for a booking of the sandbox view: the 22 fields, dates
    as ``…Z``."""
    body = {key: booking[key] for key in BOOKING_KEYS}
    body["creationDate"] = utc_z(booking["creationDate"])
    if booking["confirmationDate"] is not None:
        body["confirmationDate"] = utc_z(booking["confirmationDate"])
    return body


def days(n: float) -> timedelta:
    return timedelta(days=n)
