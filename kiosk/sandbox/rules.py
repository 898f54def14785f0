"""Booking rules of the real backend (facts §3, §4b), free of any storage concern.

Error bodies are those of ``/public/bookings/v1`` (pcapi
``routes/public/individual_offers/v1/bookings.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from kiosk.sandbox.timezones import zone_for_department

CONFIRMED = "CONFIRMED"
USED = "USED"
CANCELLED = "CANCELLED"
REIMBURSED = "REIMBURSED"
STATUSES = (CONFIRMED, USED, CANCELLED, REIMBURSED)

CONFIRM_BOOKING_AFTER_CREATION_DELAY = timedelta(hours=48)
CONFIRM_BOOKING_BEFORE_EVENT_DELAY = timedelta(hours=48)
BOOKS_BOOKINGS_AUTO_EXPIRY_DELAY = timedelta(days=10)
BOOKINGS_AUTO_EXPIRY_DELAY = timedelta(days=30)

NOT_FOUND_BODY = {"global": "This countermark cannot be found"}
OFFERER_CLOSED_BODY = {
    "booking": ["Vous ne pouvez plus valider de contremarque sur une structure fermée"]
}


class BookingRuleError(Exception):
    """A rule refused the operation; carries the HTTP status and JSON body to answer."""

    def __init__(self, status_code: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status_code} {body}")
        self.status_code = status_code
        self.body = body


@dataclass(frozen=True)
class BookingState:
    status: str
    is_event: bool
    cancellation_limit_date: datetime | None
    department_code: str | None = None
    has_activation_code: bool = False
    # The offerer's structure is closed (``Offerer.isClosed``).
    offerer_closed: bool = False
    # Still USED but a reimbursement is being processed (pcapi ``has_reimbursement``).
    reimbursement_pending: bool = False

    @property
    def has_reimbursement(self) -> bool:
        return self.status == REIMBURSED or self.reimbursement_pending


def cancellation_limit_date(event_start: datetime | None, booked_at: datetime) -> datetime | None:
    """``max(min(event − 48 h, booking + 48 h), booking date)``; None for non-events."""
    if event_start is None:
        return None
    limit = min(
        event_start - CONFIRM_BOOKING_BEFORE_EVENT_DELAY,
        booked_at + CONFIRM_BOOKING_AFTER_CREATION_DELAY,
    )
    return max(limit, booked_at)


def is_confirmed(state: BookingState, now: datetime) -> bool:
    """Past the beneficiary's cancellation window (``Booking.isConfirmed``)."""
    limit = state.cancellation_limit_date
    return limit is not None and limit <= now


def too_early_message(limit: datetime, department_code: str | None) -> str:
    local = limit.astimezone(zone_for_department(department_code))
    stamp = local.strftime("%d/%m/%Y à %H:%M")
    return (
        f"Vous pourrez valider cette contremarque à partir du {stamp}, "
        "une fois le délai d’annulation passé."
    )


def check_is_usable(state: BookingState, now: datetime) -> None:
    """GET token / PATCH use: reimbursed (or being reimbursed) → used → cancelled → closed
    structure → event inside its window (pcapi ``validation.check_is_usable``)."""
    if state.has_reimbursement:
        raise BookingRuleError(403, {"payment": "This booking has already been reimbursed"})
    if state.status == USED:
        raise BookingRuleError(410, {"booking": "This booking has already been validated"})
    if state.status == CANCELLED:
        raise BookingRuleError(410, {"booking": "This booking has been cancelled"})
    if state.offerer_closed:
        raise BookingRuleError(403, OFFERER_CLOSED_BODY)
    if state.is_event and not is_confirmed(state, now):
        assert state.cancellation_limit_date is not None
        message = too_early_message(state.cancellation_limit_date, state.department_code)
        raise BookingRuleError(403, {"booking": message})


def check_can_be_marked_unused(state: BookingState) -> None:
    """PATCH keep: activation code → cancelled → reimbursed → not used."""
    if state.has_activation_code:
        raise BookingRuleError(
            403, {"booking": "This booking has validation codes, and cannot be marked as unused"}
        )
    if state.status == CANCELLED:
        raise BookingRuleError(410, {"booking": "This booking has been cancelled"})
    if state.has_reimbursement:
        raise BookingRuleError(403, {"payment": "This booking has been reimbursed"})
    if state.status != USED:
        raise BookingRuleError(403, {"booking": "This booking has not been used"})


def check_can_be_cancelled_by_offerer(state: BookingState, now: datetime) -> None:
    """PATCH cancel: cancelled → reimbursed (or being reimbursed) → used, then events past
    their limit."""
    if state.status == CANCELLED:
        raise BookingRuleError(410, {"booking": "This booking has already been cancelled"})
    if state.has_reimbursement:
        raise BookingRuleError(403, {"payment": "This booking has been reimbursed"})
    if state.status == USED:
        raise BookingRuleError(410, {"booking": "This booking has been validated"})
    if state.is_event and is_confirmed(state, now):
        raise BookingRuleError(403, {"booking": "This booking cannot be cancelled anymore"})


def check_can_be_cancelled_by_beneficiary(state: BookingState, now: datetime) -> None:
    """The youth cancels from the app: only while not confirmed (global error mapping)."""
    if state.status == CANCELLED:
        raise BookingRuleError(410, {"booking_cancelled": ["Cette réservation a été annulée"]})
    if state.status == REIMBURSED:
        raise BookingRuleError(403, {"payment": ["Cette réservation a été remboursée"]})
    if state.status == USED:
        raise BookingRuleError(410, {"booking": ["Cette réservation a déjà été validée"]})
    if is_confirmed(state, now):
        raise BookingRuleError(
            400,
            {
                "booking": [
                    "Impossible d'annuler une réservation plus de 48h après l'avoir réservée "
                    "et moins de 48h avant le début de l'évènement"
                ]
            },
        )


def check_can_start_reimbursement(state: BookingState) -> None:
    """Sandbox-only: a reimbursement starts on a USED booking not yet in one."""
    if state.has_reimbursement:
        raise BookingRuleError(410, {"payment": ["Cette réservation a été remboursée"]})
    if state.status != USED:
        raise BookingRuleError(
            400, {"booking": ["Seule une réservation validée peut être remboursée"]}
        )


def check_can_be_reimbursed(state: BookingState) -> None:
    """Sandbox-only: only used bookings get reimbursed."""
    if state.status == REIMBURSED:
        raise BookingRuleError(410, {"payment": ["Cette réservation a été remboursée"]})
    if state.status != USED:
        raise BookingRuleError(
            400, {"booking": ["Seule une réservation validée peut être remboursée"]}
        )


def expiry_delay(subcategory_id: str) -> timedelta:
    if subcategory_id == "LIVRE_PAPIER":
        return BOOKS_BOOKINGS_AUTO_EXPIRY_DELAY
    return BOOKINGS_AUTO_EXPIRY_DELAY
