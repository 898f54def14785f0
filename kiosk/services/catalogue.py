"""The offer catalogue, read from the local cache: search, filters, categories, one offer.

Plain Python, no Qt: the librarian screen calls it from a worker thread, the benchmark and the
tests call it directly. It never reads bookings: the catalogue is shown to youths.

The SQL (FTS5 search, filters, cards) is kiosk.store.catalogue; this service decides how to
search (rank or not, which filters) and turns rows into the screen's types.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from kiosk.domain import categories
from kiosk.domain.clock import Clock, utcnow
from kiosk.domain.display import format_price
from kiosk.domain.texts import say
from kiosk.domain.timezones import local
from kiosk.store.catalogue import (
    SUMMARY_WIDTH,
    OfferFilter,
    OfferReader,
    Order,
    fts_query,
    in_names,
)
from kiosk.store.database import Database

DEFAULT_LIMIT = 60
RANKED_MATCHES = 1000  # bm25 ranks when the text matches fewer offers than this
SORTED_MATCHES = 2000  # a date/price sort of a very common word looks at this many matches


class Price(StrEnum):
    ANY = "any"
    FREE = "free"
    PAID = "paid"


class Place(StrEnum):
    ANY = "any"
    ON_SITE = "on_site"
    DIGITAL = "digital"


class Sort(StrEnum):
    RELEVANCE = "relevance"  # best match first; without text, soonest events first
    DATE = "date"
    PRICE = "price"


@dataclass(frozen=True, slots=True)
class Query:
    text: str = ""
    category: str | None = None  # a CategoryIdEnum value
    price: Price = Price.ANY
    place: Place = Place.ANY
    this_week: bool = False  # events with a date in the next 7 days
    venue_id: int | None = None
    sort: Sort = Sort.RELEVANCE
    limit: int = DEFAULT_LIMIT

    @property
    def is_blank(self) -> bool:
        """No text and no category: the screen shows the category tiles."""
        return fts_query(self.text) is None and self.category is None


@dataclass(frozen=True, slots=True)
class OfferSummary:
    id: int
    name: str
    subcategory_id: str
    category_id: str | None
    category_label: str
    venue_name: str
    min_price_cents: int | None
    max_price_cents: int | None
    next_date: datetime | None
    is_event: bool
    is_digital: bool
    is_duo: bool
    image_url: str | None
    department_code: str | None
    artist: str | None


@dataclass(frozen=True, slots=True)
class DateLine:
    beginning: datetime | None
    price_cents: int
    price_label: str | None
    places_left: int | None  # None: unlimited


@dataclass(frozen=True, slots=True)
class OfferDetail:
    summary: OfferSummary
    description: str | None
    subcategory_label: str
    address: str | None
    withdrawal_type: str | None
    withdrawal_details: str | None
    withdrawal_delay: int | None
    accessibility: dict[str, bool]
    ean: str | None
    dates: tuple[DateLine, ...]
    link: str


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: Query
    offers: tuple[OfferSummary, ...]
    more: bool  # more matches than `query.limit`


def price_text(min_cents: int | None, max_cents: int | None, lang: str = "fr") -> str:
    """ "Gratuit", "12 €" or "Dès 8 €" (the youth app's wording); "" when unknown."""
    if min_cents is None:
        return ""
    if max_cents is None or max_cents == min_cents:
        return say("catalogue.free", lang) if min_cents == 0 else format_price(min_cents)
    return say("catalogue.from", lang, price="0 €" if min_cents == 0 else format_price(min_cents))


def date_text(at: datetime, department_code: str | None, lang: str = "fr") -> str:
    """ "samedi 30/11 à 20h00" ("Saturday 30/11 at 20:00"), in the offer's department time."""
    here = local(at, department_code)
    day = say("catalogue.days", lang).split(",")[here.weekday()]
    return say(
        "catalogue.date",
        lang,
        day=day,
        date=f"{here:%d/%m}",
        hour=f"{here:%H}",
        minute=f"{here:%M}",
    )


def places_text(places_left: int | None, lang: str = "fr") -> str:
    if places_left is None:
        return ""
    if places_left <= 0:
        return say("catalogue.full", lang)
    if places_left == 1:
        return say("catalogue.one_place", lang)
    return say("catalogue.places", lang, n=places_left)


def offers_text(n: int, lang: str = "fr") -> str:
    """A tile's count: "Aucune offre pour l'instant", "1 offre", "12 offres"."""
    if n == 0:
        return say("catalogue.no_offer", lang)
    return say("catalogue.one_offer", lang) if n == 1 else say("catalogue.offers", lang, n=n)


# -- the service ------------------------------------------------------------------------------


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _summary(row: Sequence[Any]) -> OfferSummary:
    """An OfferSummary from a row in kiosk.store.catalogue.SUMMARY_COLUMNS order."""
    sub = row[2]
    return OfferSummary(
        id=row[0],
        name=row[1],
        subcategory_id=sub,
        category_id=categories.category_id_of(sub),
        category_label=categories.category_label_of(sub),
        venue_name=row[3],
        min_price_cents=row[4],
        max_price_cents=row[5],
        next_date=_dt(row[6]),
        is_event=bool(row[7]),
        is_digital=bool(row[8]),
        is_duo=bool(row[9]),
        image_url=row[10],
        department_code=row[11],
        artist=row[12],
    )


class Catalogue:
    """Read-only access to the cached offers (kiosk.store.catalogue.OfferReader: one dedicated
    read-only connection, any thread may search, `close()` really closes it)."""

    def __init__(self, db: Database, *, clock: Clock = utcnow) -> None:
        self.db = db
        self.clock = clock
        self.reader = OfferReader(db.path)

    def close(self) -> None:
        self.reader.close()

    @staticmethod
    def _filter(query: Query, *, category: bool = True) -> OfferFilter:
        subs = None
        if category and query.category:
            subs = tuple(categories.subcategory_ids(query.category))
        return OfferFilter(
            subcategories=subs,
            free={Price.FREE: True, Price.PAID: False}.get(query.price),
            digital={Place.ON_SITE: False, Place.DIGITAL: True}.get(query.place),
            venue_id=query.venue_id,
            this_week=query.this_week,
        )

    # -- use cases ------------------------------------------------------------------------
    def search(self, query: Query) -> SearchResult:
        """Offers matching `query`, best first (or by date / price), at most `query.limit`.

        bm25's cost grows with the number of matching offers (it reads every match to weigh
        the words), so it ranks only when the text matches fewer than RANKED_MATCHES offers:
        the usual case once a few letters are typed. A very common word or a one-letter
        prefix instead lists the offers whose name matches first, then the others. Either
        way a title match comes before a description match, within a few milliseconds.
        """
        match = fts_query(query.text)
        if match is None:
            return self._browse(query)
        many = self.reader.count_matches(match, RANKED_MATCHES) >= RANKED_MATCHES
        if query.sort is not Sort.RELEVANCE:
            order = Order.PRICE if query.sort is Sort.PRICE else Order.DATE
            rows = self._matches(query, match, order=order, many=many)
        elif not many:
            rows = self._matches(query, match, order=Order.RANK, many=False)
        else:
            rows = self._matches(query, in_names(match), order=None, many=True)
            if len(rows) <= query.limit:
                seen = [r[0] for r in rows]
                rows += self._matches(query, match, order=None, many=True, exclude=seen)
        rows += self._named_categories(query, rows)
        offers = tuple(_summary(r) for r in rows[: query.limit])
        return SearchResult(query, offers, len(rows) > query.limit)

    def _named_categories(self, query: Query, rows: list[Any]) -> list[Any]:
        """Offers of the categories the text names ("spectacle": what the Spectacles tile
        counts), after the offers whose own text matches."""
        named = categories.subcategories_named(query.text)
        if not named or len(rows) > query.limit:
            return []
        f = self._filter(query)
        if f.subcategories is not None:
            named = tuple(s for s in named if s in f.subcategories)
        order = Order.PRICE if query.sort is Sort.PRICE else Order.DATE
        return self.reader.browse(
            replace(f, subcategories=named),
            self.clock(),
            order=order,
            limit=query.limit + 1 - len(rows),
            exclude=[r[0] for r in rows],
        )

    def _matches(
        self,
        query: Query,
        match: str,
        *,
        order: Order | None,
        many: bool,
        exclude: Sequence[int] = (),
    ) -> list[Any]:
        """Matching offers (limit + 1) passing the filters. `order` None: index order.
        With `many` matches, a sort by date or price looks at the first SORTED_MATCHES only."""
        return self.reader.matches(
            self._filter(query),
            match,
            self.clock(),
            order=order,
            limit=query.limit + 1,
            cap=SORTED_MATCHES if many else None,
            exclude=exclude,
        )

    def _browse(self, query: Query) -> SearchResult:
        """No text: a category or the whole catalogue, soonest events first (or by price)."""
        order = Order.PRICE if query.sort is Sort.PRICE else Order.DATE
        rows = self.reader.browse(
            self._filter(query), self.clock(), order=order, limit=query.limit + 1
        )
        offers = tuple(_summary(r) for r in rows[: query.limit])
        return SearchResult(query, offers, len(rows) > query.limit)

    def category_counts(self, query: Query | None = None) -> dict[str, int]:
        """Offers per shown category, under the query's filters (its text and category aside)."""
        rows = self.reader.subcategory_counts(
            self._filter(query or Query(), category=False), self.clock()
        )
        counts = {c.id: 0 for c in categories.CATEGORIES}
        for sub, n in rows:
            cat = categories.category_id_of(sub)
            if cat in counts:
                counts[cat] += n
        return counts

    def venues(self) -> list[tuple[int, str]]:
        """Venues that have offers in the cache, by name (for the venue filter)."""
        return self.reader.venues_with_offers()

    def offer(self, offer_id: int) -> OfferDetail | None:
        """Everything the offer card shows, or None if the offer left the cache."""
        row = self.reader.offer_row(offer_id)
        if row is None:
            return None
        summary = _summary(row)
        w = SUMMARY_WIDTH
        (description, address, w_type, w_details, w_delay, access, ean) = row[w : w + 7]
        if not address and not summary.is_digital:
            venue = row[w + 7 : w + 10]
            address = ", ".join(p for p in (venue[0], " ".join(filter(None, venue[1:3]))) if p)
        stock_rows = self.reader.dates_to_come(offer_id, self.clock())
        dates = tuple(DateLine(_dt(b), p, label, q) for b, p, label, q in stock_rows)
        sub = categories.subcategory(summary.subcategory_id)
        return OfferDetail(
            summary=summary,
            description=description,
            subcategory_label=sub.label if sub else "",
            address=address or None,
            withdrawal_type=w_type,
            withdrawal_details=w_details,
            withdrawal_delay=w_delay,
            accessibility=_flags(access),
            ean=ean,
            dates=dates,
            link=categories.offer_link(summary.id),
        )

    def offer_count(self) -> int:
        return self.reader.offer_count()


def _flags(raw: str | None) -> dict[str, bool]:
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {k: bool(v) for k, v in value.items() if k in categories.ACCESSIBILITY_LABELS}
