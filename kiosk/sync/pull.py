"""Pull: venues, offers with their dates, and bookings of the kiosk's venues into the cache.

Every list is walked by the one `Pager` (page by page, each page checked whole and stored in its
own transaction, the outbox watermark taken before each request, cursors saved per page); here
are only the lists themselves and the order they are walked in. The real API has no "modified
since": new bookings are found by walking from the highest known id, and cancellations of
active bookings by re-listing the active (CONFIRMED) set and re-reading the offers of those
that left it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from sqlalchemy.engine import Connection

from kiosk.domain.booking import BookingStatus
from kiosk.domain.clock import Clock
from kiosk.store import bookings, catalogue, outbox, state, venues
from kiosk.store.database import Database
from kiosk.sync import schema
from kiosk.sync.api import ApiClient
from kiosk.sync.pager import Budget, Page, Pager, Progress, Resource, no_progress, read_all

log = logging.getLogger("kiosk.sync.pull")


def catalogue_key(kind: str, venue_id: int) -> str:
    """sync_state key saying that a venue's list was walked to its end in this cycle."""
    return f"catalogue.{kind}.{venue_id}"


# -- the lists ------------------------------------------------------------------------------
class Venues(Resource):
    """The key's venues: one answer, no pages."""

    paginated = False

    def __init__(self, client: ApiClient, clock: Clock) -> None:
        self.client, self.clock = client, clock

    def fetch(self, first_index: int) -> Page:
        return Page(self.client.offerer_venues())

    def store(self, conn: Connection, page: Page, asked: outbox.Watermark) -> None:
        catalogue.upsert_venues(conn, page.rows, self.clock())


class EventDates(Resource):
    """An event's dates: read whole with the page of events that holds it."""

    def __init__(self, client: ApiClient, event_id: int) -> None:
        self.client, self.event_id = client, event_id

    def fetch(self, first_index: int) -> Page:
        body = self.client.event_dates(self.event_id, first_index)
        return Page(schema.dates(body, self.event_id))


class Offers(Resource):
    """A venue's products or events; each page stored with its stocks (a product's one stock,
    an event's dates) and the prices and next date they give the offer."""

    stage = "offers"

    def __init__(
        self, client: ApiClient, clock: Clock, kind: str, venue_id: int, *, resumable: bool = False
    ) -> None:
        self.client, self.clock, self.kind, self.venue_id = client, clock, kind, venue_id
        if resumable:  # the catalogue's other venues: walked a few pages per sync pass
            self.cursor_key = f"cursor.{catalogue_key(kind, venue_id)}"

    def fetch(self, first_index: int) -> Page:
        items = self.client.offers_page(self.kind, self.venue_id, first_index)
        is_event = self.kind == "events"
        rows = [schema.offer_row(i, is_event=is_event) for i in items]
        stocks: list[dict[str, Any]] = []
        if is_event:
            for row in rows:
                stocks.extend(read_all(EventDates(self.client, row["id"])))
        else:
            for item, row in zip(items, rows, strict=True):
                s = schema.product_stock_row(item, row["id"])
                if s:
                    stocks.append(s)
        return Page(rows, stocks)

    def store(self, conn: Connection, page: Page, asked: outbox.Watermark) -> None:
        now = self.clock()
        by_offer: dict[int, list[dict[str, Any]]] = {}
        for s in page.related:
            by_offer.setdefault(s["offer_id"], []).append(s)
        for row in page.rows:
            mine = by_offer.get(row["id"], [])
            prices = [s["price_cents"] for s in mine]
            future = sorted(s["beginning"] for s in mine if s["beginning"] and s["beginning"] > now)
            row["min_price_cents"] = min(prices) if prices else None
            row["max_price_cents"] = max(prices) if prices else None
            row["next_date"] = future[0] if future else None
            row["synced_at"] = now
        catalogue.replace_offers(conn, page.rows, page.related)


class Bookings(Resource):
    """A filtered bookings list (by venue, offer, status): rows refreshed, nothing more."""

    def __init__(
        self,
        client: ApiClient,
        clock: Clock,
        *,
        venue_id: int | None = None,
        offer_id: int | None = None,
        status: str | None = None,
    ) -> None:
        self.client, self.clock = client, clock
        filters: dict[str, Any] = {"venue_id": venue_id, "offer_id": offer_id, "status": status}
        self.filters = {k: v for k, v in filters.items() if v is not None}

    def fetch(self, first_index: int) -> Page:
        return Page(self.client.bookings_page(first_index=first_index, **self.filters))

    def store(self, conn: Connection, page: Page, asked: outbox.Watermark) -> None:
        bookings.upsert(conn, page.rows, self.clock(), asked=asked)


class ActiveBookings(Bookings):
    """A venue's CONFIRMED bookings; remembers which ones the server still lists."""

    def __init__(self, client: ApiClient, clock: Clock, venue_id: int) -> None:
        super().__init__(client, clock, venue_id=venue_id, status=BookingStatus.CONFIRMED.value)
        self.seen: set[int] = set()

    def store(self, conn: Connection, page: Page, asked: outbox.Watermark) -> None:
        super().store(conn, page, asked)
        self.seen.update(r["id"] for r in page.rows)


class VenueBookings(Bookings):
    """Every booking of a venue, from the start (`resumable`: a full walk, its cursor kept) or
    past the highest id already cached (new bookings)."""

    def __init__(self, client: ApiClient, clock: Clock, venue_id: int, *, resumable: bool):
        super().__init__(client, clock, venue_id=venue_id)
        self.venue_id = venue_id
        if resumable:
            self.stage = "bookings"
            self.cursor_key = f"cursor.bookings.{venue_id}"

    def start(self, conn: Connection) -> int:
        if self.cursor_key:
            return 1
        return (bookings.highest_id(conn, self.venue_id) or 0) + 1

    def store(self, conn: Connection, page: Page, asked: outbox.Watermark) -> None:
        """Rows, their event dates, and tokens imported before the API brought the booking
        (what this counter did since `asked` may be newer than the page)."""
        super().store(conn, page, asked)
        if page.rows:
            bookings.fill_beginnings(conn, (page.rows[0]["id"], page.rows[-1]["id"]))
        bookings.reconcile_imported(conn, asked)


# -- the walks ------------------------------------------------------------------------------
class Puller:
    def __init__(self, db: Database, client: ApiClient, venue_ids: Iterable[int], clock: Clock):
        self.db = db
        self.client = client
        self.venue_ids = list(venue_ids)
        self.clock = clock
        self.pager = Pager(db)

    def _claim_age(self) -> Callable[[Connection], None]:
        """The cache's age, written only once a walk is complete: when it started."""
        started = self.clock()

        def claim(conn: Connection) -> None:
            state.put_time(conn, state.PULLED_AT, started)

        return claim

    def venues(self) -> int:
        return self.pager.walk([Venues(self.client, self.clock)])

    def bookings_full(self, progress: Progress = no_progress) -> int:
        """Walk every booking of the venues (resumable). Marks the cache's age when complete."""
        claim = self._claim_age()
        lists = [VenueBookings(self.client, self.clock, v, resumable=True) for v in self.venue_ids]
        return self.pager.walk(lists, progress, then=claim)

    def bookings_new(self) -> int:
        """Bookings created since the last pull: walk from the highest known id."""
        lists = [VenueBookings(self.client, self.clock, v, resumable=False) for v in self.venue_ids]
        return self.pager.walk(lists)

    def bookings_active(self) -> int:
        """Re-list CONFIRMED bookings; re-read the offers of those that left the set (cancelled,
        used elsewhere, reimbursed) so the cache learns their new status."""
        claim = self._claim_age()
        active = [ActiveBookings(self.client, self.clock, v) for v in self.venue_ids]
        self.pager.walk(active)
        seen = set().union(*(a.seen for a in active))
        with self.db.connect() as conn, conn.begin():
            cached = bookings.confirmed_at(conn, self.venue_ids)
        left = sorted({offer_id for bid, offer_id in cached if bid not in seen})
        lists = [Bookings(self.client, self.clock, offer_id=o) for o in left]
        return self.pager.walk(lists, then=claim)

    def offers(self, progress: Progress = no_progress) -> int:
        """Products and events of the venues, with event dates. One page, one transaction."""
        lists = [
            Offers(self.client, self.clock, kind, v)
            for v in self.venue_ids
            for kind in ("products", "events")
        ]

        def finish(conn: Connection) -> None:
            bookings.fill_beginnings(conn)
            catalogue.fill_offer_addresses(conn)

        return self.pager.walk(lists, progress, then=finish)

    def catalogue_venues(self) -> list[int]:
        """The key's other venues (the structure's digital venue…): librarian mode shows their
        offers too, while the counter's bookings stay those of its own venues."""
        with self.db.connect() as conn, conn.begin():
            known = [v.id for v in venues.names(conn)]
        return [v for v in known if v not in self.venue_ids]

    def catalogue_offers(self, max_pages: int, fresh_for: timedelta) -> tuple[int, bool]:
        """At most `max_pages` pages of the other venues' offers, from where the last call
        stopped (PULL priority, like every list: the counter's requests go first); a list
        walked to its end less than `fresh_for` ago is skipped. Returns the rows stored, and
        whether every list is now fresh."""
        budget = Budget(max_pages)
        total = 0
        for venue_id in self.catalogue_venues():
            for kind in ("products", "events"):
                key = catalogue_key(kind, venue_id)
                with self.db.connect() as conn, conn.begin():
                    done = state.get_time(conn, key)
                if done is not None and self.clock() - done < fresh_for:
                    continue
                resource = Offers(self.client, self.clock, kind, venue_id, resumable=True)
                total += self.pager.walk([resource], budget=budget)
                if budget.stopped:
                    return total, False
                with self.db.connect_writer() as conn, conn.begin():
                    state.put_time(conn, key, self.clock())
                    catalogue.fill_offer_addresses(conn)
        return total, True
