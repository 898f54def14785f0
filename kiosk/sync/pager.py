"""One walk for every paginated list the pull reads (as libpretixsync's base download adapter).

A list is a small `Resource`: which page to ask for and how to check it (`fetch`), how to store
it (`store`), where a fresh walk starts, and whether its cursor is kept. The `Pager` walks every
list the same way:

- the outbox watermark is taken right before each page request (see `bookings.upsert`: a page
  read before this counter's own operation reached the server must not undo it);
- the page is checked whole before anything is written (`fetch` raises BadResponse);
- each page is stored in its own transaction, with the list's cursor saved in it, so an
  interrupted walk resumes at the first page not stored and never leaves half a page;
- progress is reported after each page;
- what a complete walk may claim (the cache's age) is written only once every list is done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Connection

from kiosk.store import outbox, state
from kiosk.store.database import Database
from kiosk.sync.api import PAGE_LIMIT

log = logging.getLogger("kiosk.sync.pager")

Progress = Callable[[str, int, int | None], None]  # stage, done, total (None: unknown)


def no_progress(stage: str, done: int, total: int | None) -> None:
    return None


@dataclass
class Page:
    """One checked page: the list's rows (in the API's order, keyed by "id") and the rows read
    with them to be stored in the same transaction (an offer page's stocks)."""

    rows: list[dict[str, Any]]
    related: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Budget:
    """Pages a walk may still ask for; `stopped` once it ran out before a list's end (the
    resumable lists carry on from their cursor at the next walk)."""

    pages: int
    stopped: bool = False


class Resource:
    """What differs from one list to the next. Subclasses set the class attributes as needed
    and implement `fetch` (and `store`, unless the list is only read inside another page)."""

    stage: str | None = None  # progress stage ("bookings", "offers"); None: not reported
    cursor_key: str | None = None  # sync_state key of a resumable walk; None: not resumable
    paginated: bool = True  # False: the whole list comes in one answer

    def start(self, conn: Connection) -> int:
        """First index of a walk with no saved cursor."""
        return 1

    def fetch(self, first_index: int) -> Page:
        """Ask for the page starting at `first_index` and check it whole (raises BadResponse:
        nothing of it is stored)."""
        raise NotImplementedError

    def store(self, conn: Connection, page: Page, asked: outbox.Watermark) -> None:
        """Write one page, inside the pager's transaction. `asked`: the outbox's watermark
        when the page was asked for."""
        raise NotImplementedError(f"{type(self).__name__} is only read, never stored")

    def next_index(self, page: Page) -> int | None:
        """Where the next page starts; None when this one was the last. The API pages by id:
        `firstIndex` is the smallest id wanted, and a short page is the last."""
        if not self.paginated or len(page.rows) < PAGE_LIMIT:
            return None
        return int(page.rows[-1]["id"]) + 1


def read_all(resource: Resource) -> list[dict[str, Any]]:
    """Every row of a list, read page by page and stored nowhere: a list that belongs to
    another list's page (an event's dates go in with the event)."""
    return [row for page in _pages(resource, 1) for row in page.rows]


def _pages(resource: Resource, index: int | None) -> Iterator[Page]:
    while index is not None:
        page = resource.fetch(index)
        yield page
        index = resource.next_index(page)


class Pager:
    def __init__(self, db: Database) -> None:
        self.db = db

    def walk(
        self,
        resources: Iterable[Resource],
        progress: Progress = no_progress,
        *,
        then: Callable[[Connection], None] | None = None,
        budget: Budget | None = None,
    ) -> int:
        """Walk each list to its end, in order; return the number of rows stored. `then` is
        written in one more transaction only when every list was walked to its end (an error
        propagates before it: an interrupted walk claims nothing). Progress counts the rows of
        all the lists of this walk. With a `budget`, the walk stops (claiming nothing) once it
        is spent."""
        total = 0
        with self.db.connect_writer() as conn:
            for resource in resources:
                total = self._walk_one(conn, resource, progress, total, budget)
                if budget is not None and budget.stopped:
                    return total
            if then is not None:
                with conn.begin():
                    then(conn)
        return total

    def _walk_one(
        self,
        conn: Connection,
        resource: Resource,
        progress: Progress,
        total: int,
        budget: Budget | None = None,
    ) -> int:
        with conn.begin():
            saved = state.get(conn, resource.cursor_key) if resource.cursor_key else None
            index: int | None = int(saved) if saved else resource.start(conn)
        while index is not None:
            if budget is not None:
                if budget.pages <= 0:
                    budget.stopped = True
                    return total
                budget.pages -= 1
            asked = self._watermark()  # before the request: see bookings.upsert
            page = resource.fetch(index)
            index = resource.next_index(page)
            with conn.begin():
                resource.store(conn, page, asked)
                if resource.cursor_key:
                    state.put(conn, resource.cursor_key, None if index is None else str(index))
            total += len(page.rows)
            if resource.stage:
                progress(resource.stage, total, None)
        return total

    def _watermark(self) -> outbox.Watermark:
        with self.db.connect() as conn, conn.begin():
            return outbox.watermark(conn)
