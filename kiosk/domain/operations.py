"""Operations recorded at this counter (validate, invalidate) and how they end: plain data.

The store keeps them in its outbox (kiosk.store.outbox builds these from rows); sync settles
them with the central API; a refused one becomes a `Conflict` staff act upon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class OpKind(StrEnum):
    USE = "use"  # validate
    KEEP = "keep"  # invalidate (the API's "keep": the booking is kept, not used)


class OpState(StrEnum):
    PENDING = "pending"
    DONE = "done"
    CONFLICT = "conflict"


class Conflict(StrEnum):
    """Why the central API refused an operation after the fact (stored in `Operation.conflict`)."""

    USED_ELSEWHERE = "used_elsewhere"
    CANCELLED = "cancelled"
    REIMBURSED = "reimbursed"
    TOO_EARLY = "too_early"
    NOT_FOUND = "not_found"
    NOT_USED = "not_used"
    ACTIVATION_CODE = "activation_code"
    MISMATCH = "mismatch"
    STRUCTURE_CLOSED = "structure_closed"
    PAYMENT_LOCKED = "payment_locked"  # keep refused: the payment is under way, still USED
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class Operation:
    id: int
    op_id: str
    kind: OpKind
    token: str
    booking_id: int | None
    created_at: datetime
    counter: str
    staff: str | None
    unverified: bool
    state: OpState
    attempts: int
    ambiguous: bool
    next_attempt_at: datetime | None
    last_error: str | None
    http_status: int | None
    conflict: str | None  # a `Conflict` value once refused
    settled_at: datetime | None
    acknowledged_at: datetime | None
