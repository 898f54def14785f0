"""The answer the counter gives about one scan, independent of how it is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Family(StrEnum):
    """Colour and sound family of a verdict: green, amber or red."""

    OK = "ok"
    WARNING = "warning"
    REFUSED = "refused"


class VerdictKind(StrEnum):
    VALIDABLE = "validable"
    VALIDATED = "validated"
    TO_CONFIRM = "to_confirm"
    UNVALIDATED = "unvalidated"
    ALREADY_USED = "already_used"
    CANCELLED = "cancelled"
    REIMBURSED = "reimbursed"
    TOO_EARLY = "too_early"
    WRONG_VENUE = "wrong_venue"
    UNKNOWN = "unknown"
    UNKNOWN_OFFLINE = "unknown_offline"
    NOT_USED = "not_used"
    INVALID_SCAN = "invalid_scan"
    STRUCTURE_CLOSED = "structure_closed"  # the venue's structure is closed on pass Culture
    PAYMENT_LOCKED = "payment_locked"  # "Invalider" refused: the payment is under way
    SERVER_REFUSED = "server_refused"  # any other refusal: the server's own words in `reason`

    @property
    def family(self) -> Family:
        if self in (VerdictKind.VALIDABLE, VerdictKind.VALIDATED, VerdictKind.UNVALIDATED):
            return Family.OK
        if self in (
            VerdictKind.ALREADY_USED,
            VerdictKind.TO_CONFIRM,
            VerdictKind.NOT_USED,
            VerdictKind.PAYMENT_LOCKED,  # like NOT_USED: an invalidation refused, nothing lost
        ):
            return Family.WARNING
        return Family.REFUSED


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: VerdictKind
    available_from: datetime | None = None  # TOO_EARLY: when validation becomes possible
    used_at: datetime | None = None  # ALREADY_USED: when (if known)
    used_counter: str | None = None  # ALREADY_USED: at which counter (if known)
    used_staff: str | None = None  # ALREADY_USED: by whom (if known)
    # ALREADY_USED by this very counter (its last operation on the code): said "validée ici",
    # not as if another counter had done it; `used_today` picks "à HH:MM" over the full date.
    used_here: bool = False
    used_today: bool = False
    department_code: str | None = None  # timezone for the dates above
    venue_name: str | None = None  # WRONG_VENUE: where the booking belongs
    reason: str | None = None  # INVALID_SCAN: the parser's reason; server text otherwise
    reason_id: str | None = None  # INVALID_SCAN: the reason's id in kiosk.domain.texts
    # UNKNOWN_OFFLINE: pass Culture was reachable but limited the requests (429), not down
    rate_limited: bool = False
    # UNKNOWN_OFFLINE: pass Culture was reached but did not answer in time (slow, loaded)
    late: bool = False
    # ALREADY_USED at another counter of the venue, which pass Culture has not confirmed yet
    unconfirmed: bool = False

    @property
    def family(self) -> Family:
        return self.kind.family

    @property
    def can_validate(self) -> bool:
        return self.kind is VerdictKind.VALIDABLE

    @property
    def can_unvalidate(self) -> bool:
        return self.kind in (VerdictKind.ALREADY_USED, VerdictKind.VALIDATED)
