"""What the counter says about a verdict, in French (and English), from the catalogue of
kiosk.domain.texts.

French texts are the pro Guichet's own wording where it has one (facts §3 and §6); the rest says
what happened and what to do. Dates are shown in the offer department's timezone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.texts import LANGUAGES, Phrase, say
from kiosk.domain.timezones import local
from kiosk.domain.verdict import Verdict, VerdictKind

__all__ = ["LANGUAGES", "Phrase", "Rendered", "format_datetime", "render", "text"]

# Message ids of the counter screen's fixed texts (the Guichet's callout and dialog, facts §6);
# `text(ID, lang)` gives them in either language.
ID_REMINDER = "counter.id_reminder"
ID_REMINDER_DETAIL = "counter.id_reminder_detail"
UNVALIDATE_CONFIRM_TITLE = "counter.unvalidate_confirm_title"
UNVALIDATE_CONFIRM_BODY = "counter.unvalidate_confirm_body"
VALIDATE_BUTTON = "counter.validate_button"
UNVALIDATE_BUTTON = "counter.unvalidate_button"


@dataclass(frozen=True, slots=True)
class Rendered:
    title: str
    message: str


def format_datetime(dt: datetime, department_code: str | None, lang: str = "fr") -> str:
    """`dd/mm/YYYY à HH:MM` in the department's timezone (the Guichet's format)."""
    return say("datetime", lang, at=local(dt, department_code))


def _when(v: Verdict, lang: str) -> str:
    parts = []
    if v.used_at is not None:
        parts.append(
            say("verdict.when.on", lang, at=format_datetime(v.used_at, v.department_code, lang))
        )
    if v.used_counter:
        parts.append(say("verdict.when.counter", lang, counter=v.used_counter))
    if v.used_staff:
        parts.append(say("verdict.when.staff", lang, staff=v.used_staff))
    if v.unconfirmed:
        parts.append(say("verdict.when.unconfirmed", lang))
    return "".join(parts)


def render(verdict: Verdict, lang: str = "fr") -> Rendered:
    """Title and sentence of a verdict, in `lang` ("fr" or "en")."""
    kind = verdict.kind.value
    venue = say("verdict.venue", lang, venue=verdict.venue_name) if verdict.venue_name else ""
    date = ""
    if verdict.available_from is not None:
        date = format_datetime(verdict.available_from, verdict.department_code, lang)
    message = say(
        f"verdict.{kind}.message",
        lang,
        when=_when(verdict, lang),
        date=date,
        venue=venue,
        reason=say(verdict.reason_id, lang) if verdict.reason_id else verdict.reason or "",
    )
    if verdict.kind is VerdictKind.ALREADY_USED and verdict.used_here and verdict.used_at:
        staff = (
            say("verdict.when.staff", lang, staff=verdict.used_staff) if verdict.used_staff else ""
        )
        which = "today" if verdict.used_today else "before"
        at = local(verdict.used_at, verdict.department_code)
        message = say(f"verdict.already_used.here_{which}", lang, at=at, staff=staff)
    if verdict.kind is VerdictKind.TOO_EARLY and verdict.available_from is None:
        message = say("verdict.too_early.no_date", lang)  # never "à partir du , une fois…"
    if verdict.kind is VerdictKind.INVALID_SCAN and not verdict.reason:
        message = say("verdict.invalid_scan.no_reason", lang)
    if verdict.kind is VerdictKind.UNKNOWN_OFFLINE and verdict.rate_limited:
        message = say("verdict.unknown_offline.limited", lang)
    elif verdict.kind is VerdictKind.UNKNOWN_OFFLINE and verdict.late:
        message = say("verdict.unknown_offline.late", lang)
    return Rendered(say(f"verdict.{kind}.title", lang), message)


def text(msg_id: str, lang: str = "fr") -> str:
    """A fixed text of the catalogue (e.g. `VALIDATE_BUTTON`) in `lang`."""
    return say(msg_id, lang)
