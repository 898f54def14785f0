"""Server refusals, as conflicts staff can act on: what happened, what to do.

A conflict is an operation recorded at this counter that the central API refused after the fact
(typically an offline validation). It stays on screen until someone marks it "Traité".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.domain.operations import Conflict, Operation, OpKind
from kiosk.domain.texts import say
from kiosk.domain.verdict import Verdict, VerdictKind
from kiosk.sync.errors import HttpRefusal


@dataclass(frozen=True, slots=True)
class ConflictText:
    title: str
    what_happened: str
    what_to_do: str

    @classmethod
    def of(cls, conflict: Conflict, lang: str = "fr") -> ConflictText:
        """The texts of `conflict` in `lang`, from the catalogue (kiosk.domain.texts)."""
        key = f"conflict.{conflict.value}"
        return cls(say(f"{key}.title", lang), say(f"{key}.what", lang), say(f"{key}.todo", lang))


_DATE = re.compile(r"\d{2}/\d{2}/\d{4} à \d{2}:\d{2}")


def classify(refusal: HttpRefusal, kind: OpKind) -> tuple[Verdict, Conflict]:
    """Map a 4xx about a booking to the counter's verdict and the conflict it would make."""
    key, message = refusal.field()
    low = message.lower()
    status = refusal.status
    if status == 403 and key == "payment":
        return Verdict(VerdictKind.REIMBURSED), Conflict.REIMBURSED
    if status == 410 and ("cancel" in low or "annul" in low):
        return Verdict(VerdictKind.CANCELLED), Conflict.CANCELLED
    if status == 410 and kind is OpKind.USE:
        return Verdict(VerdictKind.ALREADY_USED), Conflict.USED_ELSEWHERE
    if status == 403 and key == "booking":
        if "not been used" in low:
            return Verdict(VerdictKind.NOT_USED), Conflict.NOT_USED
        if "validation code" in low or "activation" in low:
            return Verdict(VerdictKind.NOT_USED, reason=message), Conflict.ACTIVATION_CODE
        return Verdict(VerdictKind.TOO_EARLY, reason=message), Conflict.TOO_EARLY
    if status in (404, 422):
        return Verdict(VerdictKind.UNKNOWN), Conflict.NOT_FOUND
    return Verdict(VerdictKind.UNKNOWN, reason=message), Conflict.REFUSED


def verdict_for_conflict(op: Operation) -> Verdict:
    """The verdict to show at the counter for an operation that just became a conflict."""
    conflict = Conflict(op.conflict) if op.conflict else Conflict.REFUSED
    mapping = {
        Conflict.USED_ELSEWHERE: VerdictKind.ALREADY_USED,
        Conflict.CANCELLED: VerdictKind.CANCELLED,
        Conflict.REIMBURSED: VerdictKind.REIMBURSED,
        Conflict.TOO_EARLY: VerdictKind.TOO_EARLY,
        Conflict.NOT_FOUND: VerdictKind.UNKNOWN,
        Conflict.NOT_USED: VerdictKind.NOT_USED,
        Conflict.ACTIVATION_CODE: VerdictKind.NOT_USED,
        Conflict.MISMATCH: VerdictKind.UNKNOWN,
        Conflict.REFUSED: VerdictKind.UNKNOWN,
    }
    reason = op.last_error if conflict is Conflict.TOO_EARLY else None
    if reason and not _DATE.search(reason):
        reason = None
    return Verdict(mapping[conflict], reason=reason)


def text_for(op: Operation, lang: str = "fr") -> ConflictText:
    """What happened and what to do about `op`'s conflict, in `lang` ("fr" or "en")."""
    conflict = Conflict(op.conflict) if op.conflict else Conflict.REFUSED
    return ConflictText.of(conflict, lang)
