"""Pull: venues, offers with their dates, and bookings of the kiosk's venues into the cache.

Page by page, each page in its own transaction, with a cursor saved after each page so an
interrupted pull resumes where it stopped. The real API has no "modified since": new bookings
are found by walking from the highest known id, and cancellations of active bookings by
re-listing the active (CONFIRMED) set and re-reading the offers of those that left it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Connection

from kiosk.domain.booking import BookingStatus
from kiosk.domain.clock import Clock
from kiosk.store import bookings, models, outbox, state
from kiosk.store.database import Database
from kiosk.sync import schema
from kiosk.sync.api import PAGE_LIMIT, ApiClient

log = logging.getLogger("kiosk.sync.pull")

Progress = Callable[[str, int, int | None], None]  # stage, done, total (None: unknown)

VENUES = models.Venue.__table__
OFFERS = models.Offer.__table__
STOCKS = models.Stock.__table__


def _noop(stage: str, done: int, total: int | None) -> None:
    return None


@dataclass
class PullSummary:
    bookings: int = 0
    offers: int = 0
    venues: int = 0


def _upsert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    stmt = insert(table).values(rows)
    cols = {c: stmt.excluded[c] for c in rows[0] if c != "id"}
    conn.execute(stmt.on_conflict_do_update(index_elements=[table.c.id], set_=cols))


class Puller:
    def __init__(self, db: Database, client: ApiClient, venue_ids: Iterable[int], clock: Clock):
        self.db = db
        self.client = client
        self.venue_ids = list(venue_ids)
        self.clock = clock

    def _watermark(self) -> outbox.Watermark:
        with self.db.connect() as conn, conn.begin():
            return outbox.watermark(conn)

    # -- venues ---------------------------------------------------------------------------
    def venues(self) -> list[dict[str, Any]]:
        rows = self.client.offerer_venues()
        now = self.clock()
        with self.db.connect_writer() as conn, conn.begin():
            _upsert(conn, VENUES, [{**r, "synced_at": now} for r in rows])
        return rows

    # -- bookings -------------------------------------------------------------------------
    def bookings_full(self, progress: Progress = _noop) -> int:
        """Walk every booking of the venues (resumable). Marks the cache's age when complete."""
        total = 0
        started = self.clock()
        with self.db.connect_writer() as conn:
            for venue_id in self.venue_ids:
                key = f"cursor.bookings.{venue_id}"
                with conn.begin():
                    cursor = int(state.get(conn, key) or 1)
                while True:
                    asked = self._watermark()  # before the request: see bookings.upsert
                    page = self.client.bookings_page(first_index=cursor, venue_id=venue_id)
                    with conn.begin():
                        self._store_page(conn, page, asked)
                        cursor = (page[-1]["id"] + 1) if page else cursor
                        done = len(page) < PAGE_LIMIT
                        state.put(conn, key, None if done else str(cursor))
                    total += len(page)
                    progress("bookings", total, None)
                    if done:
                        break
            with conn.begin():
                state.put_time(conn, state.PULLED_AT, started)
        return total

    def bookings_new(self) -> int:
        """Bookings created since the last pull: walk from the highest known id."""
        total = 0
        with self.db.connect_writer() as conn:
            for venue_id in self.venue_ids:
                with conn.begin():
                    top = conn.execute(
                        select(func.max(bookings.T.c.id)).where(bookings.T.c.venue_id == venue_id)
                    ).scalar_one_or_none()
                cursor = (top or 0) + 1
                while True:
                    asked = self._watermark()  # before the request: see bookings.upsert
                    page = self.client.bookings_page(first_index=cursor, venue_id=venue_id)
                    with conn.begin():
                        self._store_page(conn, page, asked)
                    total += len(page)
                    if len(page) < PAGE_LIMIT:
                        break
                    cursor = page[-1]["id"] + 1
        return total

    def bookings_active(self) -> int:
        """Re-list CONFIRMED bookings; re-read the offers of those that left the set (cancelled,
        used elsewhere, reimbursed) so the cache learns their new status."""
        seen: set[int] = set()
        started = self.clock()
        with self.db.connect_writer() as conn:
            for venue_id in self.venue_ids:
                cursor = 1
                while True:
                    asked = self._watermark()  # before the request: see bookings.upsert
                    page = self.client.bookings_page(
                        first_index=cursor, venue_id=venue_id, status=BookingStatus.CONFIRMED.value
                    )
                    with conn.begin():
                        bookings.upsert(conn, page, self.clock(), asked=asked)
                    seen.update(r["id"] for r in page)
                    if len(page) < PAGE_LIMIT:
                        break
                    cursor = page[-1]["id"] + 1
            with conn.begin():
                rows = conn.execute(
                    select(bookings.T.c.id, bookings.T.c.offer_id).where(
                        bookings.T.c.status == BookingStatus.CONFIRMED.value,
                        bookings.T.c.venue_id.in_(self.venue_ids),
                    )
                ).all()
            left = {offer_id for bid, offer_id in rows if bid not in seen}
            changed = 0
            for offer_id in sorted(left):
                cursor = 1
                while True:
                    asked = self._watermark()  # before the request: see bookings.upsert
                    page = self.client.bookings_page(first_index=cursor, offer_id=offer_id)
                    with conn.begin():
                        bookings.upsert(conn, page, self.clock(), asked=asked)
                    changed += len(page)
                    if len(page) < PAGE_LIMIT:
                        break
                    cursor = page[-1]["id"] + 1
            with conn.begin():
                state.put_time(conn, state.PULLED_AT, started)
        return changed

    def _store_page(
        self, conn: Connection, page: list[dict[str, Any]], asked: outbox.Watermark
    ) -> None:
        """One page of bookings into the cache (inside the caller's transaction): rows, their
        event dates, and tokens imported before the API brought the booking. `asked`: when the
        page was requested (what this counter did since may be newer than the page)."""
        bookings.upsert(conn, page, self.clock(), asked=asked)
        if page:
            self._fill_beginnings(conn, (page[0]["id"], page[-1]["id"]))
        bookings.reconcile_imported(conn, asked)

    @staticmethod
    def _fill_beginnings(conn: Connection, id_range: tuple[int, int] | None = None) -> None:
        """Event bookings take their date from their stock (the booking JSON has none)."""
        sql = (
            "UPDATE booking SET beginning = (SELECT beginning FROM stock "
            "WHERE stock.id = booking.stock_id) WHERE beginning IS NULL AND stock_id IN "
            "(SELECT id FROM stock WHERE beginning IS NOT NULL)"
        )
        if id_range is None:
            conn.execute(text(sql))
        else:
            lo, hi = id_range
            conn.execute(text(sql + " AND id BETWEEN :lo AND :hi"), {"lo": lo, "hi": hi})

    # -- offers ---------------------------------------------------------------------------
    def offers(self, progress: Progress = _noop) -> int:
        """Products and events of the venues, with event dates. One page, one transaction."""
        total = 0
        for venue_id in self.venue_ids:
            for kind in ("products", "events"):
                cursor = 1
                while True:
                    items = self.client.offers_page(kind, venue_id, cursor)
                    rows = [schema.offer_row(i, is_event=kind == "events") for i in items]
                    stocks: list[dict[str, Any]] = []
                    if kind == "products":
                        for item, row in zip(items, rows, strict=True):
                            s = schema.product_stock_row(item, row["id"])
                            if s:
                                stocks.append(s)
                    else:
                        for row in rows:
                            stocks.extend(self._event_dates(row["id"]))
                    self._store_offers(rows, stocks)
                    total += len(rows)
                    progress("offers", total, None)
                    if len(items) < PAGE_LIMIT:
                        break
                    cursor = items[-1]["id"] + 1
        with self.db.connect_writer() as conn, conn.begin():
            self._fill_beginnings(conn)
            # The offers list gives no address when the offer is at its venue: take the venue's
            # (the catalogue shows it; the department gives event dates their timezone).
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
        return total

    def _event_dates(self, event_id: int) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        cursor = 1
        while True:
            body = self.client.event_dates(event_id, cursor)
            page = schema.dates(body, event_id)
            out.extend(page)
            if len(page) < PAGE_LIMIT:
                return out
            cursor = page[-1]["id"] + 1

    def _store_offers(self, rows: list[dict[str, Any]], stocks: list[dict[str, Any]]) -> None:
        now = self.clock()
        by_offer: dict[int, list[dict[str, Any]]] = {}
        for s in stocks:
            by_offer.setdefault(s["offer_id"], []).append(s)
        for row in rows:
            mine = by_offer.get(row["id"], [])
            prices = [s["price_cents"] for s in mine]
            future = sorted(s["beginning"] for s in mine if s["beginning"] and s["beginning"] > now)
            row["min_price_cents"] = min(prices) if prices else None
            row["max_price_cents"] = max(prices) if prices else None
            row["next_date"] = future[0] if future else None
            row["synced_at"] = now
        with self.db.connect_writer() as conn, conn.begin():
            _upsert(conn, OFFERS, rows)
            ids = [r["id"] for r in rows]
            if ids:
                conn.execute(delete(STOCKS).where(STOCKS.c.offer_id.in_(ids)))
            _upsert(conn, STOCKS, stocks)
