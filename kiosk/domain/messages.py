"""Every word the counter says about a verdict, defined once, in French (and English).

French texts are the pro Guichet's own wording where it has one (facts §3 and §6); the rest says
what happened and what to do. Dates are shown in the offer department's timezone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.domain.timezones import local
from kiosk.domain.verdict import Verdict, VerdictKind

LANGUAGES = ("fr", "en")

# The Guichet's permanent callout (facts §6).
ID_REMINDER = {
    "fr": "N’oubliez pas de vérifier l’identité du bénéficiaire avant de valider la contremarque.",
    "en": "Remember to check the beneficiary's identity before validating the countermark.",
}
ID_REMINDER_DETAIL = {
    "fr": "Les pièces d’identité doivent impérativement être présentées physiquement. "
    "Merci de ne pas accepter les pièces d’identité au format numérique.",
    "en": "Identity documents must be shown physically. Please do not accept digital ID.",
}
# The Guichet's invalidation confirmation (facts §6).
UNVALIDATE_CONFIRM_TITLE = {
    "fr": "Voulez-vous vraiment invalider cette contremarque ?",
    "en": "Do you really want to invalidate this countermark?",
}
UNVALIDATE_CONFIRM_BODY = {
    "fr": "Cette contremarque a déjà été validée. Si vous l’invalidez, la réservation ne vous "
    "sera pas remboursée.",
    "en": "This countermark has already been validated. If you invalidate it, the booking will "
    "not be reimbursed to you.",
}
VALIDATE_BUTTON = {"fr": "Valider la contremarque", "en": "Validate the countermark"}
UNVALIDATE_BUTTON = {"fr": "Invalider la contremarque", "en": "Invalidate the countermark"}

# kind → (big word, sentence) per language. Sentences may use {placeholders} filled by render().
_TEXTS: dict[str, dict[VerdictKind, tuple[str, str]]] = {
    "fr": {
        VerdictKind.VALIDABLE: (
            "VALIDABLE",
            'Coupon vérifié, cliquez sur "Valider" pour enregistrer',
        ),
        VerdictKind.VALIDATED: ("VALIDÉE", "Contremarque validée !"),
        VerdictKind.TO_CONFIRM: (
            "À CONFIRMER",
            "Validation enregistrée à confirmer : pass Culture la vérifiera au retour du réseau.",
        ),
        VerdictKind.UNVALIDATED: ("INVALIDÉE", "Contremarque invalidée !"),
        VerdictKind.ALREADY_USED: ("DÉJÀ VALIDÉE", "Cette contremarque a déjà été validée{when}."),
        VerdictKind.CANCELLED: ("ANNULÉE", "Cette réservation a été annulée"),
        VerdictKind.REIMBURSED: ("REMBOURSÉE", "Cette réservation a été remboursée"),
        VerdictKind.TOO_EARLY: (
            "TROP TÔT",
            "Vous pourrez valider cette contremarque à partir du {date}, une fois le délai "
            "d’annulation passé.",
        ),
        VerdictKind.WRONG_VENUE: (
            "AUTRE LIEU",
            "Vous n'avez pas les droits nécessaires pour voir cette contremarque{venue}",
        ),
        VerdictKind.UNKNOWN: ("INCONNUE", "La contremarque n'existe pas"),
        VerdictKind.UNKNOWN_OFFLINE: (
            "INCONNUE HORS LIGNE",
            "Ce guichet ne connaît pas encore cette contremarque et pass Culture est "
            "injoignable. Cherchez la réservation par le nom du jeune pour l’enregistrer "
            "« à confirmer ».",
        ),
        VerdictKind.NOT_USED: ("NON VALIDÉE", "Cette réservation n'a pas encore été validée"),
        VerdictKind.INVALID_SCAN: ("CODE REFUSÉ", "{reason}"),
    },
    "en": {
        VerdictKind.VALIDABLE: ("VALID", 'Countermark checked, click "Validate" to record it'),
        VerdictKind.VALIDATED: ("VALIDATED", "Countermark validated!"),
        VerdictKind.TO_CONFIRM: (
            "TO CONFIRM",
            "Validation recorded to confirm: pass Culture will check it when the network is back.",
        ),
        VerdictKind.UNVALIDATED: ("INVALIDATED", "Countermark invalidated!"),
        VerdictKind.ALREADY_USED: ("ALREADY USED", "This countermark was already validated{when}."),
        VerdictKind.CANCELLED: ("CANCELLED", "This booking has been cancelled"),
        VerdictKind.REIMBURSED: ("REIMBURSED", "This booking has been reimbursed"),
        VerdictKind.TOO_EARLY: (
            "TOO EARLY",
            "You can validate this countermark from {date}, once the cancellation period is over.",
        ),
        VerdictKind.WRONG_VENUE: (
            "OTHER VENUE",
            "You are not allowed to see this countermark{venue}",
        ),
        VerdictKind.UNKNOWN: ("UNKNOWN", "This countermark does not exist"),
        VerdictKind.UNKNOWN_OFFLINE: (
            "UNKNOWN OFFLINE",
            "This counter does not know this countermark yet and pass Culture cannot be reached. "
            'Search the booking by the youth\'s name to record it "to confirm".',
        ),
        VerdictKind.NOT_USED: ("NOT VALIDATED", "This booking has not been validated yet"),
        VerdictKind.INVALID_SCAN: ("REFUSED CODE", "{reason}"),
    },
}


@dataclass(frozen=True, slots=True)
class Rendered:
    title: str
    message: str


def format_datetime(dt: datetime, department_code: str | None, lang: str = "fr") -> str:
    """`dd/mm/YYYY à HH:MM` in the department's timezone (the Guichet's format)."""
    at = local(dt, department_code)
    sep = " à " if lang == "fr" else " at "
    return at.strftime("%d/%m/%Y") + sep + at.strftime("%H:%M")


def _when(v: Verdict, lang: str) -> str:
    fr = lang == "fr"
    parts = []
    if v.used_at is not None:
        parts.append(
            (" le " if fr else " on ") + format_datetime(v.used_at, v.department_code, lang)
        )
    if v.used_counter:
        parts.append((", au guichet « {} »" if fr else ', at counter "{}"').format(v.used_counter))
    if v.used_staff:
        parts.append((", par {}" if fr else ", by {}").format(v.used_staff))
    return "".join(parts)


def render(verdict: Verdict, lang: str = "fr") -> Rendered:
    """Title and sentence of a verdict, in `lang` ("fr" or "en")."""
    texts = _TEXTS.get(lang, _TEXTS["fr"])
    title, template = texts[verdict.kind]
    venue = ""
    if verdict.venue_name:
        venue = (" (réservation pour {})" if lang == "fr" else " (booking for {})").format(
            verdict.venue_name
        )
    date = ""
    if verdict.available_from is not None:
        date = format_datetime(verdict.available_from, verdict.department_code, lang)
    message = template.format(
        when=_when(verdict, lang), date=date, venue=venue, reason=verdict.reason or ""
    )
    if verdict.kind is VerdictKind.INVALID_SCAN and not verdict.reason:
        message = "Ce code n'est pas une contremarque pass Culture"
    return Rendered(title, message)


def text(table: dict[str, str], lang: str = "fr") -> str:
    return table.get(lang, table["fr"])


@dataclass(frozen=True, slots=True)
class Phrase:
    """A sentence a Qt-free service says, ready for either language: its template per language
    and the values to fill in. The service keeps `text()` (French) as its `message`; the UI asks
    for `text(lang)`."""

    templates: Mapping[str, str]
    values: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, table: Mapping[str, Mapping[str, str]], key: str, **values: Any) -> Phrase:
        """The phrase `key` of a module's FR/EN table, with its values."""
        return cls(table[key], values)

    def text(self, lang: str = "fr") -> str:
        return self.templates.get(lang, self.templates["fr"]).format(**self.values)
