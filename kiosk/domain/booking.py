"""What the counter knows about one booking: the values `decide()` works on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class BookingStatus(StrEnum):
    CONFIRMED = "CONFIRMED"
    USED = "USED"
    CANCELLED = "CANCELLED"
    REIMBURSED = "REIMBURSED"


@dataclass(frozen=True, slots=True)
class Booking:
    """A booking as cached by the kiosk (server fields, minus what the kiosk must not keep).

    `cancellation_limit` is the API's `confirmationDate`: for events, the moment the youth can no
    longer cancel, before which the venue cannot validate. `beginning` is the event's start (from
    the offer's dates), None for things (click and collect) and digital offers.
    """

    id: int
    token: str | None
    status: BookingStatus
    quantity: int
    unit_price_cents: int
    offer_id: int
    offer_name: str
    venue_id: int
    venue_name: str
    stock_id: int | None = None
    offer_ean: str | None = None
    price_category_label: str | None = None
    department_code: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    created_at: datetime | None = None
    cancellation_limit: datetime | None = None
    beginning: datetime | None = None
    used_at: datetime | None = None
    used_counter: str | None = None
    used_staff: str | None = None

    @property
    def is_duo(self) -> bool:
        return self.quantity == 2

    @property
    def is_event(self) -> bool:
        return self.beginning is not None or self.cancellation_limit is not None

    @property
    def total_price_cents(self) -> int:
        return self.unit_price_cents * self.quantity

    @property
    def youth_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or "—"
