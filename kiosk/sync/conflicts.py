"""Server refusals, as conflicts staff can act on: what happened, what to do.

A conflict is an operation recorded at this counter that the central API refused after the fact
(typically an offline validation). It stays on screen until someone marks it "Traité".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.verdict import Verdict, VerdictKind
from kiosk.store.outbox import Operation, OpKind
from kiosk.sync.errors import HttpRefusal


class Conflict(StrEnum):
    USED_ELSEWHERE = "used_elsewhere"
    CANCELLED = "cancelled"
    REIMBURSED = "reimbursed"
    TOO_EARLY = "too_early"
    NOT_FOUND = "not_found"
    NOT_USED = "not_used"
    ACTIVATION_CODE = "activation_code"
    MISMATCH = "mismatch"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class ConflictText:
    title: str
    what_happened: str
    what_to_do: str


TEXTS: dict[Conflict, ConflictText] = {
    Conflict.USED_ELSEWHERE: ConflictText(
        "Validée ailleurs",
        "pass Culture indique que cette contremarque avait déjà été validée, par un autre "
        "guichet ou un autre outil, avant que cette validation ne lui parvienne.",
        "Vérifiez que le jeune n'a pas reçu son offre deux fois. Si c'est le cas, contactez-le.",
    ),
    Conflict.CANCELLED: ConflictText(
        "Réservation annulée",
        "La réservation avait été annulée (par le jeune ou par pass Culture) avant que la "
        "validation ne parvienne à pass Culture.",
        "L'offre remise ne sera pas remboursée. Contactez le jeune pour qu'il réserve à nouveau, "
        "ou le support pass Culture.",
    ),
    Conflict.REIMBURSED: ConflictText(
        "Déjà remboursée",
        "pass Culture a déjà remboursé cette réservation : elle ne peut plus changer d'état.",
        "Rien à faire si l'offre a bien été remise ; sinon contactez le support pass Culture.",
    ),
    Conflict.TOO_EARLY: ConflictText(
        "Trop tôt",
        "La réservation était encore dans son délai d'annulation : pass Culture a refusé la "
        "validation.",
        "Validez à nouveau la contremarque après la date indiquée.",
    ),
    Conflict.NOT_FOUND: ConflictText(
        "Contremarque inconnue",
        "pass Culture ne connaît pas cette contremarque pour vos lieux (code erroné, ou "
        "réservation d'un autre lieu).",
        "Vérifiez le code avec le jeune ; une offre remise sur ce code ne sera pas remboursée.",
    ),
    Conflict.NOT_USED: ConflictText(
        "Invalidation refusée",
        "pass Culture indique que cette réservation n'était pas validée : il n'y avait rien à "
        "invalider.",
        "Rien à faire.",
    ),
    Conflict.ACTIVATION_CODE: ConflictText(
        "Invalidation impossible",
        "Cette réservation a un code d'activation : elle ne peut pas être invalidée.",
        "Contactez le support pass Culture si l'invalidation est nécessaire.",
    ),
    Conflict.MISMATCH: ConflictText(
        "Autre réservation",
        "Le code présenté correspond à une autre réservation que celle choisie par le nom du "
        "jeune : la validation n'a pas été envoyée.",
        "Vérifiez la réservation du jeune, puis validez à nouveau avec le bon code.",
    ),
    Conflict.REFUSED: ConflictText(
        "Refusée",
        "pass Culture a refusé l'opération.",
        "Contactez le support pass Culture avec le code et l'heure.",
    ),
}

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


def text_for(op: Operation) -> ConflictText:
    conflict = Conflict(op.conflict) if op.conflict else Conflict.REFUSED
    return TEXTS[conflict]
