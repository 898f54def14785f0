"""Server refusals, as conflicts staff can act on: what happened, what to do.

A conflict is an operation recorded at this counter that the central API refused after the fact
(typically an offline validation). It stays on screen until someone marks it "Traité".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.operations import Conflict, Operation, OpKind
from kiosk.domain.texts import say
from kiosk.domain.timezones import zone_for
from kiosk.domain.verdict import Verdict, VerdictKind
from kiosk.sync.errors import HttpRefusal


@dataclass(frozen=True, slots=True)
class ConflictText:
    title: str
    what_happened: str
    what_to_do: str

    @classmethod
    def of(cls, conflict: Conflict, lang: str = "fr", said: str | None = None) -> ConflictText:
        """The texts of `conflict` in `lang`, from the catalogue (kiosk.domain.texts); `said`:
        the server's words, quoted after what happened."""
        key = f"conflict.{conflict.value}"
        what = say(f"{key}.what", lang)
        if said:
            what = f"{what} {say('conflict.server_said', lang, words=said)}"
        return cls(say(f"{key}.title", lang), what, say(f"{key}.todo", lang))


_DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4}) à (\d{2}):(\d{2})")


def too_early(message: str | None) -> Verdict:
    """TOO_EARLY from the server's sentence ("… à partir du 05/12/2026 à 20:00, …"): its date is
    kept as `available_from`, so the counter says it instead of "à partir du , …". The sentence
    gives the department's wall-clock time without the department: read as Paris time, it is
    shown back unchanged (a known booking's own limit replaces it, kiosk.services.counter)."""
    found = _DATE.search(message or "")
    when = None
    if found:
        day, month, year, hour, minute = (int(g) for g in found.groups())
        try:
            when = datetime(year, month, day, hour, minute, tzinfo=zone_for(None))
        except ValueError:
            when = None
    return Verdict(VerdictKind.TOO_EARLY, available_from=when, reason=message)


# Conflicts whose text quotes the server's words (kept in the operation's `last_error`).
_QUOTED = frozenset({Conflict.STRUCTURE_CLOSED, Conflict.PAYMENT_LOCKED, Conflict.REFUSED})


def classify(refusal: HttpRefusal, kind: OpKind) -> tuple[Verdict, Conflict]:
    """Map a 4xx about a booking to the counter's verdict and the conflict it would make."""
    key, message = refusal.field()
    low = message.lower()
    status = refusal.status
    words = refusal.words()
    if status == 403 and key == "payment" and kind is OpKind.KEEP:
        # Keep answers "has been reimbursed" as soon as a reimbursement is *in progress*: the
        # booking is still USED, the venue is being paid; nothing came back to the youth.
        return Verdict(VerdictKind.PAYMENT_LOCKED, reason=message), Conflict.PAYMENT_LOCKED
    if status == 403 and key == "payment":
        return Verdict(VerdictKind.REIMBURSED), Conflict.REIMBURSED
    gone = status == 410 and key == "booking"  # not a key we do not know: its words, below
    if gone and ("cancel" in low or "annul" in low):
        return Verdict(VerdictKind.CANCELLED), Conflict.CANCELLED
    if gone and kind is OpKind.USE:
        return Verdict(VerdictKind.ALREADY_USED), Conflict.USED_ELSEWHERE
    if status == 403 and key == "booking":
        if "not been used" in low:
            return Verdict(VerdictKind.NOT_USED), Conflict.NOT_USED
        if "validation code" in low or "activation" in low:
            return Verdict(VerdictKind.NOT_USED, reason=message), Conflict.ACTIVATION_CODE
        if "structure ferm" in low:
            return Verdict(VerdictKind.STRUCTURE_CLOSED, reason=message), Conflict.STRUCTURE_CLOSED
        if _DATE.search(message) or "pourrez valider" in low:
            return too_early(message), Conflict.TOO_EARLY
    if status in (404, 422) and not refusal.unknown_keys():
        return Verdict(VerdictKind.UNKNOWN), Conflict.NOT_FOUND
    # Anything else (400 ApiErrors, keys or sentences we do not know): the server's words.
    return Verdict(VerdictKind.SERVER_REFUSED, reason=words), Conflict.REFUSED


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
        Conflict.STRUCTURE_CLOSED: VerdictKind.STRUCTURE_CLOSED,
        Conflict.PAYMENT_LOCKED: VerdictKind.PAYMENT_LOCKED,
        Conflict.REFUSED: VerdictKind.SERVER_REFUSED,
    }
    reason = op.last_error if conflict is Conflict.TOO_EARLY or conflict in _QUOTED else None
    if reason and conflict is Conflict.TOO_EARLY and not _DATE.search(reason):
        reason = None
    if conflict is Conflict.TOO_EARLY:
        return too_early(reason)
    return Verdict(mapping[conflict], reason=reason)


def text_for(op: Operation, lang: str = "fr") -> ConflictText:
    """What happened and what to do about `op`'s conflict, in `lang` ("fr" or "en")."""
    conflict = Conflict(op.conflict) if op.conflict else Conflict.REFUSED
    said = op.last_error if conflict in _QUOTED else None
    return ConflictText.of(conflict, lang, said)
