"""How a booking card reads, shared by the screen and the command line (no Qt here).

Labels follow the pro Guichet's booking card (facts §6): Utilisateur, Offre, Date de l'offre
(dd/MM/yyyy - HH'h'mm in the offer's department timezone, or "Permanent"), Prix (×2 for DUO),
Intitulé du tarif, EAN-13, plus the venue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, tzinfo

from kiosk.domain.booking import Booking
from kiosk.domain.clock import utcnow
from kiosk.domain.texts import say
from kiosk.domain.timezones import local


@dataclass(frozen=True, slots=True)
class CardLine:
    key: str
    label: str
    value: str


def format_price(cents: int) -> str:
    euros = cents / 100
    text = f"{euros:.2f}".replace(".", ",")
    if text.endswith(",00"):
        text = text[:-3]
    return f"{text} €"


def offer_date(booking: Booking, lang: str = "fr") -> str:
    if booking.beginning is None:
        return say("card.permanent", lang)
    at = local(booking.beginning, booking.department_code)
    return at.strftime("%d/%m/%Y - %Hh%M")


def card(booking: Booking, lang: str = "fr") -> list[CardLine]:
    def lab(key: str) -> str:
        return say(f"card.{key}", lang)

    price = format_price(booking.total_price_cents)
    if booking.is_duo:
        price += f" ({lab('duo')} — {say('card.places', lang, n=booking.quantity)})"
    lines = [
        CardLine("user", lab("user"), booking.youth_name),
        CardLine("offer", lab("offer"), booking.offer_name),
        CardLine("date", lab("date"), offer_date(booking, lang)),
        CardLine("price", lab("price"), price),
    ]
    if booking.price_category_label:
        lines.append(
            CardLine("price_category", lab("price_category"), booking.price_category_label)
        )
    if booking.offer_ean:
        lines.append(CardLine("ean", lab("ean"), booking.offer_ean))
    lines.append(CardLine("venue", lab("venue"), booking.venue_name))
    return lines


def card_lines(booking: Booking, lang: str = "fr") -> list[str]:
    return [f"{c.label} : {c.value}" for c in card(booking, lang)]


def age_text(
    as_of: datetime | None,
    now: datetime | None = None,
    lang: str = "fr",
    zone: tzinfo | None = None,
) -> str:
    """ "Données du 27/11 à 14:02 (il y a 3 min)" — the cache's age, always shown, in the
    venue's timezone when given (else the machine's)."""
    if as_of is None:
        return say("age.none", lang)
    now = now or utcnow()
    minutes = max(0, int((now - as_of).total_seconds() // 60))
    if minutes < 1:
        ago = say("age.now", lang)
    elif minutes < 120:
        ago = say("age.minutes", lang, n=minutes)
    else:
        ago = say("age.hours", lang, n=minutes // 60)
    return say("age.data", lang, at=as_of.astimezone(zone), ago=ago)


def source_line(
    source: str,
    as_of: datetime | None,
    lang: str = "fr",
    zone: tzinfo | None = None,
    limited_for: float | None = None,
    late: bool = False,
) -> str:
    """Online or local, and the data's age: always. `limited_for`: decided locally because
    pass Culture limits the requests (429), not because it is unreachable. `late`: decided
    locally because pass Culture did not answer in time."""
    if source == "online":
        return say("source.online", lang)
    age = age_text(as_of, lang=lang, zone=zone)
    if limited_for:
        return say("source.limited", lang, seconds=max(1, math.ceil(limited_for)), age=age)
    if late:
        return say("source.late", lang, age=age)
    return say("source.offline", lang, age=age)
