"""`decide()`: the pass Culture validation rules, in the server's own order.

Order (facts §3, `check_is_usable`): reimbursed → already used → cancelled → event still inside
its cancellation window. The venue check comes first, as the provider API answers 404 for a
booking outside the key's venues before looking at its status; for a counter serving one venue of
an offerer, a booking made for another venue is "autre lieu" whatever its status.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from kiosk.domain.booking import Booking, BookingStatus
from kiosk.domain.verdict import Verdict, VerdictKind


def decide(booking: Booking | None, venue_ids: Collection[int], now: datetime) -> Verdict:
    """The verdict for `booking` at a counter serving `venue_ids`, at time `now` (tz-aware).

    `booking` None means the token is not known locally: UNKNOWN_OFFLINE (the caller turns it
    into UNKNOWN when the server itself said it does not exist).
    """
    if booking is None:
        return Verdict(VerdictKind.UNKNOWN_OFFLINE)
    if venue_ids and booking.venue_id not in venue_ids:
        return Verdict(VerdictKind.WRONG_VENUE, venue_name=booking.venue_name)
    if booking.status is BookingStatus.REIMBURSED:
        return Verdict(VerdictKind.REIMBURSED)
    if booking.status is BookingStatus.USED:
        return Verdict(
            VerdictKind.ALREADY_USED,
            used_at=booking.used_at,
            used_counter=booking.used_counter,
            used_staff=booking.used_staff,
            department_code=booking.department_code,
        )
    if booking.status is BookingStatus.CANCELLED:
        return Verdict(VerdictKind.CANCELLED)
    limit = booking.cancellation_limit
    if limit is not None and limit > now:
        return Verdict(
            VerdictKind.TOO_EARLY, available_from=limit, department_code=booking.department_code
        )
    return Verdict(VerdictKind.VALIDABLE)


CANCELLATION_DELAY = timedelta(hours=48)


def cancellation_limit(created: datetime, beginning: datetime | None) -> datetime | None:
    """When the youth can no longer cancel an event booking (pcapi's rule):
    max(min(event − 48 h, booking + 48 h), booking). None for things and digital offers."""
    if beginning is None:
        return None
    return max(min(beginning - CANCELLATION_DELAY, created + CANCELLATION_DELAY), created)
