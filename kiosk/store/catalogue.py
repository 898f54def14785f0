"""Venues, offers and their stocks (event dates, a product's stock): as the pull stores them,
and as the catalogue screen and the image downloads read them. The catalogue is shown to
youths: nothing here reads bookings.

Search runs on the `offer_fts` FTS5 index (migration 0002). User text never reaches FTS syntax
raw: every word is quoted as a string and only the last one gets a prefix `*`, so quotes,
`-`, `AND`, `NEAR(` or stray parentheses are just words to look for.
"""

from __future__ import annotations

import sqlite3
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import delete, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Connection

from kiosk.domain import categories
from kiosk.store import models
from kiosk.store.types import to_db

VENUES = models.table(models.Venue)
OFFERS = models.table(models.Offer)
STOCKS = models.table(models.Stock)


def _upsert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    stmt = insert(table).values(rows)
    cols = {c: stmt.excluded[c] for c in rows[0] if c != "id"}
    conn.execute(stmt.on_conflict_do_update(index_elements=[table.c.id], set_=cols))


def upsert_venues(conn: Connection, rows: list[dict[str, Any]], now: datetime) -> None:
    _upsert(conn, VENUES, [{**r, "synced_at": now} for r in rows])


def replace_offers(
    conn: Connection, rows: list[dict[str, Any]], stocks: list[dict[str, Any]]
) -> None:
    """Insert or refresh offers; their stocks are replaced by `stocks` (a date gone from the
    server's list is gone from the cache)."""
    _upsert(conn, OFFERS, rows)
    ids = [r["id"] for r in rows]
    if ids:
        conn.execute(delete(STOCKS).where(STOCKS.c.offer_id.in_(ids)))
    _upsert(conn, STOCKS, stocks)


def fill_offer_addresses(conn: Connection) -> None:
    """The offers list gives no address when the offer is at its venue: take the venue's
    (the catalogue shows it; the department gives event dates their timezone)."""
    conn.execute(
        text(
            "UPDATE offer SET address = COALESCE(address, (SELECT NULLIF(TRIM("
            "COALESCE(v.address || ', ', '') || COALESCE(v.postal_code || ' ', '') "
            "|| COALESCE(v.city, '')), '') "
            "FROM venue v WHERE v.id = offer.venue_id)), "
            "department_code = COALESCE(department_code, (SELECT v.department_code "
            "FROM venue v WHERE v.id = offer.venue_id)) "
            "WHERE is_digital = 0 AND (address IS NULL OR department_code IS NULL)"
        )
    )


# -- reads ------------------------------------------------------------------------------------

# bm25 weights of offer_fts columns (name, author, performer, description): a title match
# ranks above an author/performer match, which ranks above a description match.
BM25 = "bm25(offer_fts, 10.0, 4.0, 4.0, 1.0)"
WEEK = timedelta(days=7)

_IMAGE_URLS = text(
    "SELECT image_url FROM offer WHERE image_url IS NOT NULL "
    "ORDER BY is_event DESC, next_date, id LIMIT :limit"
)


def image_urls(conn: Connection, limit: int = 5000) -> list[str]:
    """Image URLs of cached offers, soonest events and then the rest (most useful first)."""
    return list(conn.execute(_IMAGE_URLS, {"limit": limit}).scalars())


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


def in_names(match: str) -> str:
    """`match` restricted to the offers' names (the title column)."""
    return f"{{name}} : ({match})"


# -- filters and orders -----------------------------------------------------------------------


class Order(StrEnum):
    RANK = "rank"  # bm25, best first
    DATE = "date"  # events first, soonest first
    PRICE = "price"  # cheapest first, no price last


_ORDER_BY = {
    Order.RANK: f"{BM25}, o.id",
    Order.DATE: "o.is_event DESC, o.next_date, o.name COLLATE NOCASE",
    Order.PRICE: "o.min_price_cents IS NULL, o.min_price_cents, o.name COLLATE NOCASE",
}


@dataclass(frozen=True, slots=True)
class OfferFilter:
    """What the catalogue's filters keep. None: that filter is off."""

    subcategories: tuple[str, ...] | None = None  # () keeps nothing
    free: bool | None = None
    digital: bool | None = None
    venue_id: int | None = None
    this_week: bool = False


_HIDDEN = tuple(categories.subcategory_ids(categories.HIDDEN_CATEGORY))

# Columns of a summary row, in order (the service maps them to an OfferSummary).
SUMMARY_COLUMNS = (
    "o.id, o.name, o.subcategory_id, COALESCE(v.public_name, v.name, ''), o.min_price_cents, "
    "o.max_price_cents, o.next_date, o.is_event, o.is_digital, o.is_duo, o.image_url, "
    "o.department_code, COALESCE(o.performer, o.author)"
)
SUMMARY_WIDTH = 13


def _where(f: OfferFilter, now: datetime, params: dict[str, Any], *, exact: bool = True) -> str:
    """SQL conditions on `offer o` for the filters.

    `exact`: decide "event still to come" and "this week" from the stock table (search,
    on a few candidates). Otherwise from `offer.next_date`, set at each offers pull, so
    that the category counts are one covering-index scan.
    """
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
    if f.subcategories is not None:
        names = []
        for i, sub in enumerate(f.subcategories):
            params[f"sub{i}"] = sub
            names.append(f":sub{i}")
        clauses.append(f"o.subcategory_id IN ({', '.join(names) or 'NULL'})")
    if f.free is True:
        clauses.append("o.min_price_cents = 0")
    elif f.free is False:
        clauses.append("o.min_price_cents > 0")
    if f.digital is False:
        clauses.append("o.is_digital = 0")
    elif f.digital is True:
        clauses.append("o.is_digital = 1")
    if f.venue_id is not None:
        params["venue"] = f.venue_id
        clauses.append("o.venue_id = :venue")
    if f.this_week and exact:
        clauses.append(
            "o.is_event = 1 AND EXISTS (SELECT 1 FROM stock s WHERE s.offer_id = o.id "
            "AND s.beginning >= :now AND s.beginning < :week_end)"
        )
    elif f.this_week:
        clauses.append("o.is_event = 1 AND o.next_date < :week_end")
    return " AND ".join(clauses)


# -- the reader -------------------------------------------------------------------------------


class OfferReader:
    """Read-only access to the cached offers.

    One dedicated SQLite connection, opened read-only (`query_only`) and shared under a lock,
    so that any thread may search and `close()` really closes it. WAL lets it read while the
    sync worker writes.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def connection(self) -> sqlite3.Connection:
        if self._conn is None:
            conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
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
            return self.connection().execute(sql, params).fetchall()

    def count_matches(self, match: str, cap: int) -> int:
        """How many offers `match` finds, counting up to `cap` only."""
        sql = "SELECT COUNT(*) FROM (SELECT 1 FROM offer_fts WHERE offer_fts MATCH ? LIMIT ?)"
        return int(self._all(sql, (match, cap))[0][0])

    def matches(
        self,
        f: OfferFilter,
        match: str,
        now: datetime,
        *,
        order: Order | None,
        limit: int,
        cap: int | None = None,
        exclude: Sequence[int] = (),
    ) -> list[Any]:
        """Summary rows of the offers matching `match` and the filters, at most `limit`.
        `order` None: index order. With a `cap` (and an order), only the first `cap`
        matches are sorted."""
        params: dict[str, Any] = {"match": match, "limit": limit}
        where = _where(f, now, params)
        if exclude:
            where += f" AND o.id NOT IN ({', '.join(str(int(i)) for i in exclude)})"
        if cap is not None and order is not None:
            params["cap"] = cap
            source = "(SELECT rowid FROM offer_fts WHERE offer_fts MATCH :match LIMIT :cap) AS hit"
            joined = f"{source} CROSS JOIN offer o ON o.id = hit.rowid"
            condition = where
        else:
            joined = "offer_fts CROSS JOIN offer o ON o.id = offer_fts.rowid"
            condition = f"offer_fts MATCH :match AND {where}"
        sql = (
            f"SELECT {SUMMARY_COLUMNS} FROM {joined} LEFT JOIN venue v ON v.id = o.venue_id "
            f"WHERE {condition}"
            + (f" ORDER BY {_ORDER_BY[order]}" if order else "")
            + " LIMIT :limit"
        )
        return self._all(sql, params)

    def browse(
        self,
        f: OfferFilter,
        now: datetime,
        *,
        order: Order,
        limit: int,
        exclude: Sequence[int] = (),
    ) -> list[Any]:
        """Summary rows of the offers passing the filters (no text), at most `limit`."""
        params: dict[str, Any] = {"limit": limit}
        where = _where(f, now, params)
        if exclude:
            where += f" AND o.id NOT IN ({', '.join(str(int(i)) for i in exclude)})"
        return self._all(
            f"SELECT {SUMMARY_COLUMNS} FROM offer o LEFT JOIN venue v ON v.id = o.venue_id "
            f"WHERE {where} ORDER BY {_ORDER_BY[order]} LIMIT :limit",
            params,
        )

    def subcategory_counts(self, f: OfferFilter, now: datetime) -> list[tuple[str, int]]:
        """Offers per subcategory under the filters: one scan of the covering index
        `ix_offer_browse`; events count by `next_date`."""
        params: dict[str, Any] = {}
        where = _where(f, now, params, exact=False)
        rows = self._all(
            f"SELECT o.subcategory_id, COUNT(*) FROM offer o INDEXED BY ix_offer_browse "
            f"WHERE {where} GROUP BY o.subcategory_id",
            params,
        )
        return [(r[0], r[1]) for r in rows]

    def venues_with_offers(self) -> list[tuple[int, str]]:
        """Venues that have offers in the cache, by name."""
        rows = self._all(
            "SELECT v.id, COALESCE(v.public_name, v.name) AS label FROM venue v "
            "WHERE EXISTS (SELECT 1 FROM offer o WHERE o.venue_id = v.id) "
            "ORDER BY label COLLATE NOCASE"
        )
        return [(r[0], r[1]) for r in rows]

    def offer_row(self, offer_id: int) -> Any | None:
        """A summary row followed by description, address, withdrawal type, details and delay,
        accessibility, ean, then the venue's address, postal code and city."""
        rows = self._all(
            f"SELECT {SUMMARY_COLUMNS}, o.description, o.address, o.withdrawal_type, "
            "o.withdrawal_details, o.withdrawal_delay, o.accessibility, o.ean, "
            "v.address, v.postal_code, v.city "
            "FROM offer o LEFT JOIN venue v ON v.id = o.venue_id WHERE o.id = ?",
            (offer_id,),
        )
        return rows[0] if rows else None

    def dates_to_come(self, offer_id: int, now: datetime) -> list[Any]:
        """(beginning, price_cents, price_category_label, quantity) of the offer's stocks not
        past (or without a date), soonest first, at most 200."""
        return self._all(
            "SELECT beginning, price_cents, price_category_label, quantity FROM stock "
            "WHERE offer_id = ? AND (beginning IS NULL OR beginning >= ?) "
            "ORDER BY beginning, price_cents LIMIT 200",
            (offer_id, to_db(now)),
        )

    def offer_count(self) -> int:
        return int(self._all("SELECT COUNT(*) FROM offer")[0][0])
