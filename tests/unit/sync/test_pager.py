"""The one pager every list of the pull goes through: pages in order, one transaction per page
with its cursor, resumed after an interruption, never half a page, the watermark taken before
each request, progress per page, and the walk's conclusion only after a complete walk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from kiosk.domain.clock import utcnow
from kiosk.domain.operations import OpKind
from kiosk.store import bookings, outbox, state
from kiosk.store.database import Database
from kiosk.sync.api import PAGE_LIMIT
from kiosk.sync.errors import BadResponse, NetworkError
from kiosk.sync.pager import Page, Pager, Resource, read_all
from kiosk.sync.pull import VenueBookings
from tests.unit.sync.conftest import VENUES

DONE = "walk.done"


class Numbers(Resource):
    """A list of ids 1..n served like the API (firstIndex = smallest id), stored in sync_state
    (one key per row), with faults on demand."""

    stage = "numbers"
    cursor_key = "cursor.numbers"

    def __init__(self, db: Database, n: int, **faults: Any) -> None:
        self.db, self.n, self.faults = db, n, faults
        self.asked_for: list[int] = []
        self.marks: list[outbox.Watermark] = []

    def fetch(self, first_index: int) -> Page:
        self.asked_for.append(first_index)
        if self.faults.get("cut_at") == first_index:
            del self.faults["cut_at"]
            raise NetworkError("coupure", maybe_sent=False)
        if self.faults.get("bad_at") == first_index:
            raise BadResponse("page illisible")
        if self.faults.get("record_op_during_request"):
            with self.db.connect() as conn, conn.begin():
                outbox.record(
                    conn,
                    kind=OpKind.USE,
                    token=f"TOK{first_index:03d}",
                    booking_id=None,
                    now=utcnow(),
                    counter="Guichet",
                    staff=None,
                    kiosk_id="k",
                )
        last = min(first_index + PAGE_LIMIT - 1, self.n)
        return Page([{"id": i} for i in range(first_index, last + 1)])

    def store(self, conn: Connection, page: Page, asked: outbox.Watermark) -> None:
        self.marks.append(asked)
        for row in page.rows:
            if self.faults.get("fail_store_on") == row["id"]:
                raise BadResponse("ligne refusée")  # after part of the page was written
            state.put(conn, f"row.{row['id']}", "x")


def _stored(db: Database) -> list[int]:
    with db.connect() as conn:
        keys = conn.execute(select(state.T.c.key).where(state.T.c.key.like("row.%"))).scalars()
        return sorted(int(k.split(".")[1]) for k in keys)


def _get(db: Database, key: str) -> str | None:
    with db.connect() as conn:
        return state.get(conn, key)


def _conclude(conn: Connection) -> None:
    state.put(conn, DONE, "yes")


@pytest.fixture
def db(tmp_path: Path):
    database = Database.open(tmp_path / "data")
    yield database
    database.dispose()


def test_every_page_is_walked_in_order_and_the_cursor_cleared_at_the_end(db):
    numbers = Numbers(db, 2 * PAGE_LIMIT + 20)
    seen: list[tuple[str, int, int | None]] = []
    total = Pager(db).walk([numbers], lambda *p: seen.append(p), then=_conclude)
    assert total == 2 * PAGE_LIMIT + 20
    assert numbers.asked_for == [1, PAGE_LIMIT + 1, 2 * PAGE_LIMIT + 1]
    assert _stored(db) == list(range(1, total + 1))
    assert seen == [("numbers", done, None) for done in (PAGE_LIMIT, 2 * PAGE_LIMIT, total)]
    assert _get(db, numbers.cursor_key) is None  # done: the next walk starts afresh
    assert _get(db, DONE) == "yes"


def test_a_full_last_page_is_followed_by_an_empty_one(db):
    numbers = Numbers(db, PAGE_LIMIT)
    assert Pager(db).walk([numbers]) == PAGE_LIMIT
    assert numbers.asked_for == [1, PAGE_LIMIT + 1]


def test_an_interrupted_walk_resumes_from_its_cursor_and_concludes_nothing(db):
    n = 3 * PAGE_LIMIT + 5
    first = Numbers(db, n, cut_at=2 * PAGE_LIMIT + 1)
    with pytest.raises(NetworkError):
        Pager(db).walk([first], then=_conclude)
    assert _stored(db) == list(range(1, 2 * PAGE_LIMIT + 1))
    assert _get(db, first.cursor_key) == str(2 * PAGE_LIMIT + 1)
    assert _get(db, DONE) is None  # an interrupted walk claims nothing

    again = Numbers(db, n)
    assert Pager(db).walk([again], then=_conclude) == n - 2 * PAGE_LIMIT
    assert again.asked_for == [2 * PAGE_LIMIT + 1, 3 * PAGE_LIMIT + 1]  # no page asked twice
    assert _stored(db) == list(range(1, n + 1))
    assert _get(db, DONE) == "yes"


def test_a_page_that_fails_while_stored_leaves_nothing_half_written(db):
    numbers = Numbers(db, 3 * PAGE_LIMIT, fail_store_on=PAGE_LIMIT + 10)
    with pytest.raises(BadResponse):
        Pager(db).walk([numbers], then=_conclude)
    assert _stored(db) == list(range(1, PAGE_LIMIT + 1))  # page 2: not one of its rows
    assert _get(db, numbers.cursor_key) == str(PAGE_LIMIT + 1)  # it is asked for again
    assert _get(db, DONE) is None


def test_a_page_refused_by_its_check_is_not_stored_and_stops_the_walk(db):
    numbers = Numbers(db, 3 * PAGE_LIMIT, bad_at=PAGE_LIMIT + 1)
    with pytest.raises(BadResponse):
        Pager(db).walk([numbers])
    assert numbers.asked_for == [1, PAGE_LIMIT + 1]
    assert _stored(db) == list(range(1, PAGE_LIMIT + 1))
    assert _get(db, numbers.cursor_key) == str(PAGE_LIMIT + 1)


def test_the_watermark_is_taken_right_before_each_request(db):
    """An operation recorded while a page is on its way is newer than that page (so the page
    cannot undo it), and older than the next page."""
    numbers = Numbers(db, PAGE_LIMIT + 1, record_op_during_request=True)
    Pager(db).walk([numbers])
    first, second = numbers.marks
    assert first.last_id == 0 and first.newer(1)
    assert second.last_id == 1 and second.newer(2)


def test_progress_counts_across_the_lists_of_one_walk(db):
    a, b = Numbers(db, 10), Numbers(db, 5)
    b.cursor_key = "cursor.other"
    seen: list[int] = []
    assert Pager(db).walk([a, b], lambda stage, done, total: seen.append(done)) == 15
    assert seen == [10, 15]


def test_a_list_in_one_answer_is_asked_for_once(db):
    class All(Numbers):
        paginated = False
        cursor_key = None

        def fetch(self, first_index: int) -> Page:
            self.asked_for.append(first_index)
            return Page([{"id": i} for i in range(1, 2 * PAGE_LIMIT + 1)])

    whole = All(db, 0)
    assert Pager(db).walk([whole]) == 2 * PAGE_LIMIT
    assert whole.asked_for == [1]


def test_read_all_reads_every_page_and_stores_nothing(db):
    numbers = Numbers(db, PAGE_LIMIT + 3)
    assert [r["id"] for r in read_all(numbers)] == list(range(1, PAGE_LIMIT + 4))
    assert numbers.asked_for == [1, PAGE_LIMIT + 1]
    assert _stored(db) == []


# -- against the sandbox on loopback --------------------------------------------------------
def _count(db: Database) -> int:
    with db.connect() as conn:
        return conn.execute(select(func.count()).select_from(bookings.T)).scalar_one()


def _venue_bookings(sandbox) -> int:
    return sum(1 for b in sandbox.bookings() if b["venueId"] == VENUES[0])


def _asked(client) -> list[int]:
    """Record the firstIndex of every bookings page the client asks for."""
    real, asked = client.bookings_page, []

    def page(**kw: Any) -> list[dict[str, Any]]:
        asked.append(kw["first_index"])
        return real(**kw)

    client.bookings_page = page
    return asked


def test_a_real_walk_cut_by_the_network_resumes_at_its_cursor(make_kiosk, sandbox):
    kiosk = make_kiosk()
    db, client = kiosk.services.db, kiosk.services.client
    assert _venue_bookings(sandbox) > 2 * PAGE_LIMIT
    asked = _asked(client)
    pages = {"n": 0}

    def cut_after_two(stage: str, done: int, total: int | None) -> None:
        pages["n"] += 1
        if pages["n"] == 2:
            sandbox.cut_network()

    walk = VenueBookings(client, kiosk.engine.clock, VENUES[0], resumable=True)
    with pytest.raises(NetworkError):
        Pager(db).walk([walk], cut_after_two)
    assert _count(db) == 2 * PAGE_LIMIT
    cursor = _get(db, walk.cursor_key)
    assert cursor is not None and int(cursor) == asked[-1]  # the page that failed

    sandbox.restore_network()
    asked.clear()
    Pager(db).walk([VenueBookings(client, kiosk.engine.clock, VENUES[0], resumable=True)])
    assert asked[0] == int(cursor)
    assert _count(db) == _venue_bookings(sandbox)
    assert _get(db, walk.cursor_key) is None


def test_a_real_page_with_one_bad_booking_is_refused_whole(make_kiosk, sandbox):
    """One unknown status in the middle of the second page: none of that page is stored."""
    kiosk = make_kiosk()
    db, client = kiosk.services.db, kiosk.services.client
    real = client.request

    def request(method: str, path: str, **kw: Any) -> Any:
        body = real(method, path, **kw)
        if path.endswith("/bookings") and kw["params"]["firstIndex"] > 1:
            body["bookings"][PAGE_LIMIT // 2]["status"] = "PERDU"
        return body

    client.request = request
    walk = VenueBookings(client, kiosk.engine.clock, VENUES[0], resumable=True)
    with pytest.raises(BadResponse):
        Pager(db).walk([walk])
    assert _count(db) == PAGE_LIMIT
    with db.connect() as conn:
        top = bookings.highest_id(conn, VENUES[0])
    assert _get(db, walk.cursor_key) == str(top + 1)
