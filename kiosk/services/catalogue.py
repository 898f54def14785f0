"""The offer catalogue, read from the local cache: search, filters, categories, one offer.

Plain Python, no Qt: the librarian screen calls it from a worker thread, the benchmark and the
tests call it directly. It never reads bookings: the catalogue is shown to youths.

Search runs on the `offer_fts` FTS5 index (migration 0002). User text never reaches FTS syntax
raw: every word is quoted as a string and only the last one gets a prefix `*`, so quotes,
`-`, `AND`, `NEAR(` or stray parentheses are just words to look for.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from kiosk.domain import categories
from kiosk.domain.clock import Clock, utcnow
from kiosk.domain.display import format_price
from kiosk.domain.timezones import local
from kiosk.store.database import Database
from kiosk.store.types import to_db

# bm25 weights of offer_fts columns (name, author, performer, description): a title match
# ranks above an author/performer match, which ranks above a description match.
BM25 = "bm25(offer_fts, 10.0, 4.0, 4.0, 1.0)"
DEFAULT_LIMIT = 60
RANKED_MATCHES = 1000  # bm25 ranks when the text matches fewer offers than this
SORTED_MATCHES = 2000  # a date/price sort of a very common word looks at this many matches
WEEK = timedelta(days=7)


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

    def cleared(self) -> Query:
        return Query(limit=self.limit)


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


def price_text(min_cents: int | None, max_cents: int | None) -> str:
    """ "Gratuit", "12 €" or "Dès 8 €" (the youth app's wording); "" when unknown."""
    if min_cents is None:
        return ""
    if max_cents is None or max_cents == min_cents:
        return "Gratuit" if min_cents == 0 else format_price(min_cents)
    return "Dès " + ("0 €" if min_cents == 0 else format_price(min_cents))


_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def date_text(at: datetime, department_code: str | None) -> str:
    """ "samedi 30/11 à 20h00", in the offer's department time."""
    here = local(at, department_code)
    return f"{_DAYS[here.weekday()]} {here:%d/%m} à {here:%H}h{here:%M}"


def places_text(places_left: int | None) -> str:
    if places_left is None:
        return ""
    if places_left <= 0:
        return "Complet"
    return "1 place restante" if places_left == 1 else f"{places_left} places restantes"


# -- FTS query building (pure) ----------------------------------------------------------------


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def fts_query(text: str) -> str | None:
    """User text → a safe FTS5 MATCH expression, or None when there is nothing to search.

    Words are whitespace-separated; a word without any letter or digit is dropped (it would
    be an empty phrase). The last word is a prefix unless the text ends with a space.
    """
    # Control, format and surrogate characters (NUL ends an FTS5 string early) become spaces.
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)]
    if not words:
        return None
    parts = [_quote(w) for w in words]
    if text and not text[-1].isspace():
        parts[-1] += "*"
    return " ".join(parts)


# -- the service ------------------------------------------------------------------------------

_SUMMARY_COLUMNS = (
    "o.id, o.name, o.subcategory_id, COALESCE(v.public_name, v.name, ''), o.min_price_cents, "
    "o.max_price_cents, o.next_date, o.is_event, o.is_digital, o.is_duo, o.image_url, "
    "o.department_code, COALESCE(o.performer, o.author)"
)
_HIDDEN = tuple(categories.subcategory_ids(categories.HIDDEN_CATEGORY))


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _summary(row: Sequence[Any]) -> OfferSummary:
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
    """Read-only access to the cached offers.

    One dedicated SQLite connection, opened read-only (`query_only`) and shared under a lock,
    so that any thread may search and `close()` really closes it. WAL lets it read while the
    sync worker writes.
    """

    def __init__(self, db: Database, *, clock: Clock = utcnow) -> None:
        self.db = db
        self.clock = clock
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            conn = sqlite3.connect(self.db.path, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA busy_timeout=2000")
            conn.execute("PRAGMA query_only=ON")
            self._conn = conn
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _all(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        with self._lock:
            return self._connection().execute(sql, params).fetchall()

    # -- filters ----------------------------------------------------------------------------
    def _where(
        self, query: Query, params: dict[str, Any], *, category: bool = True, exact: bool = True
    ) -> str:
        """SQL conditions on `offer o` for the query's filters.

        `exact`: decide "event still to come" and "this week" from the stock table (search,
        on a few candidates). Otherwise from `offer.next_date`, set at each offers pull, so
        that the category counts are one covering-index scan.
        """
        now = self.clock()
        params["now"] = to_db(now)
        params["week_end"] = to_db(now + WEEK)
        clauses = [f"o.subcategory_id NOT IN ({', '.join(repr(s) for s in _HIDDEN)})"]
        # an event with no date to come is over: not offered any more
        if exact:
            clauses.append(
                "(o.is_event = 0 OR EXISTS (SELECT 1 FROM stock s WHERE s.offer_id = o.id "
                "AND s.beginning >= :now))"
            )
        else:
            clauses.append("(o.is_event = 0 OR o.next_date >= :now)")
        if category and query.category:
            names = []
            for i, sub in enumerate(categories.subcategory_ids(query.category)):
                params[f"sub{i}"] = sub
                names.append(f":sub{i}")
            clauses.append(f"o.subcategory_id IN ({', '.join(names) or 'NULL'})")
        if query.price is Price.FREE:
            clauses.append("o.min_price_cents = 0")
        elif query.price is Price.PAID:
            clauses.append("o.min_price_cents > 0")
        if query.place is Place.ON_SITE:
            clauses.append("o.is_digital = 0")
        elif query.place is Place.DIGITAL:
            clauses.append("o.is_digital = 1")
        if query.venue_id is not None:
            params["venue"] = query.venue_id
            clauses.append("o.venue_id = :venue")
        if query.this_week and exact:
            clauses.append(
                "o.is_event = 1 AND EXISTS (SELECT 1 FROM stock s WHERE s.offer_id = o.id "
                "AND s.beginning >= :now AND s.beginning < :week_end)"
            )
        elif query.this_week:
            clauses.append("o.is_event = 1 AND o.next_date < :week_end")
        return " AND ".join(clauses)

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
        many = self._count_matches(match, RANKED_MATCHES) >= RANKED_MATCHES
        if query.sort is not Sort.RELEVANCE:
            if query.sort is Sort.PRICE:
                order = "o.min_price_cents IS NULL, o.min_price_cents"
            else:
                order = "o.is_event DESC, o.next_date"
            rows = self._matches(query, match, order=f"{order}, o.name COLLATE NOCASE", many=many)
        elif not many:
            rows = self._matches(query, match, order=f"{BM25}, o.id", many=False)
        else:
            rows = self._matches(query, f"{{name}} : ({match})", order=None, many=True)
            if len(rows) <= query.limit:
                seen = [r[0] for r in rows]
                rows += self._matches(query, match, order=None, many=True, exclude=seen)
        offers = tuple(_summary(r) for r in rows[: query.limit])
        return SearchResult(query, offers, len(rows) > query.limit)

    def _count_matches(self, match: str, cap: int) -> int:
        sql = "SELECT COUNT(*) FROM (SELECT 1 FROM offer_fts WHERE offer_fts MATCH ? LIMIT ?)"
        return int(self._all(sql, (match, cap))[0][0])

    def _matches(
        self,
        query: Query,
        match: str,
        *,
        order: str | None,
        many: bool,
        exclude: Sequence[int] = (),
    ) -> list[Any]:
        """Matching offers (limit + 1) passing the filters. `order` None: index order.
        With `many` matches, a sort by date or price looks at the first SORTED_MATCHES only."""
        params: dict[str, Any] = {"match": match, "limit": query.limit + 1}
        where = self._where(query, params)
        if exclude:
            where += f" AND o.id NOT IN ({', '.join(str(int(i)) for i in exclude)})"
        source = "offer_fts"
        if many and order is not None:
            params["cap"] = SORTED_MATCHES
            source = "(SELECT rowid FROM offer_fts WHERE offer_fts MATCH :match LIMIT :cap) AS hit"
            joined = f"{source} CROSS JOIN offer o ON o.id = hit.rowid"
            condition = where
        else:
            joined = "offer_fts CROSS JOIN offer o ON o.id = offer_fts.rowid"
            condition = f"offer_fts MATCH :match AND {where}"
        sql = (
            f"SELECT {_SUMMARY_COLUMNS} FROM {joined} LEFT JOIN venue v ON v.id = o.venue_id "
            f"WHERE {condition}" + (f" ORDER BY {order}" if order else "") + " LIMIT :limit"
        )
        return self._all(sql, params)

    def _browse(self, query: Query) -> SearchResult:
        """No text: a category or the whole catalogue, soonest events first (or by price)."""
        params: dict[str, Any] = {"limit": query.limit + 1}
        where = self._where(query, params)
        if query.sort is Sort.PRICE:
            order = "o.min_price_cents IS NULL, o.min_price_cents, o.name COLLATE NOCASE"
        else:
            order = "o.is_event DESC, o.next_date, o.name COLLATE NOCASE"
        rows = self._all(
            f"SELECT {_SUMMARY_COLUMNS} FROM offer o LEFT JOIN venue v ON v.id = o.venue_id "
            f"WHERE {where} ORDER BY {order} LIMIT :limit",
            params,
        )
        offers = tuple(_summary(r) for r in rows[: query.limit])
        return SearchResult(query, offers, len(rows) > query.limit)

    def category_counts(self, query: Query | None = None) -> dict[str, int]:
        """Offers per shown category, under the query's filters (its text and category aside).

        One scan of the covering index `ix_offer_browse`; events count by `next_date`.
        """
        params: dict[str, Any] = {}
        where = self._where(query or Query(), params, category=False, exact=False)
        rows = self._all(
            f"SELECT o.subcategory_id, COUNT(*) FROM offer o INDEXED BY ix_offer_browse "
            f"WHERE {where} GROUP BY o.subcategory_id",
            params,
        )
        counts = {c.id: 0 for c in categories.CATEGORIES}
        for sub, n in rows:
            cat = categories.category_id_of(sub)
            if cat in counts:
                counts[cat] += n
        return counts

    def venues(self) -> list[tuple[int, str]]:
        """Venues that have offers in the cache, by name (for the venue filter)."""
        rows = self._all(
            "SELECT v.id, COALESCE(v.public_name, v.name) AS label FROM venue v "
            "WHERE EXISTS (SELECT 1 FROM offer o WHERE o.venue_id = v.id) "
            "ORDER BY label COLLATE NOCASE"
        )
        return [(r[0], r[1]) for r in rows]

    def offer(self, offer_id: int) -> OfferDetail | None:
        """Everything the offer card shows, or None if the offer left the cache."""
        rows = self._all(
            f"SELECT {_SUMMARY_COLUMNS}, o.description, o.address, o.withdrawal_type, "
            "o.withdrawal_details, o.withdrawal_delay, o.accessibility, o.ean, "
            "v.address, v.postal_code, v.city "
            "FROM offer o LEFT JOIN venue v ON v.id = o.venue_id WHERE o.id = ?",
            (offer_id,),
        )
        if not rows:
            return None
        row = rows[0]
        summary = _summary(row)
        (description, address, w_type, w_details, w_delay, access, ean) = row[13:20]
        if not address and not summary.is_digital:
            address = ", ".join(p for p in (row[20], " ".join(filter(None, row[21:23]))) if p)
        now = to_db(self.clock())
        stock_rows = self._all(
            "SELECT beginning, price_cents, price_category_label, quantity FROM stock "
            "WHERE offer_id = ? AND (beginning IS NULL OR beginning >= ?) "
            "ORDER BY beginning, price_cents LIMIT 200",
            (offer_id, now),
        )
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
        return int(self._all("SELECT COUNT(*) FROM offer")[0][0])


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
