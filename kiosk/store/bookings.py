"""Booking rows ⇄ domain `Booking`, and the queries the counter needs (Core, for speed)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    and_,
    bindparam,
    case,
    delete,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Connection

from kiosk.domain.booking import Booking, BookingStatus
from kiosk.domain.operations import OpState
from kiosk.store import models, outbox, peers

T = models.table(models.Booking)
CLOSED = (BookingStatus.USED, BookingStatus.CANCELLED, BookingStatus.REIMBURSED)


def search_key(*parts: str | None) -> str:
    """Lower-case, accent-free text for name search ("Éloïse" finds "eloise")."""
    joined = " ".join(p for p in parts if p)
    decomposed = unicodedata.normalize("NFKD", joined)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def to_domain(row: Row[Any] | Mapping[str, Any]) -> Booking:
    m = row._mapping if isinstance(row, Row) else row
    return Booking(
        id=m["id"],
        token=m["token"],
        status=BookingStatus(m["status"]),
        quantity=m["quantity"],
        unit_price_cents=m["price_cents"],
        offer_id=m["offer_id"],
        offer_name=m["offer_name"],
        venue_id=m["venue_id"],
        venue_name=m["venue_name"],
        stock_id=m["stock_id"],
        offer_ean=m["offer_ean"],
        price_category_label=m["price_category_label"],
        department_code=m["department_code"],
        first_name=m["first_name"],
        last_name=m["last_name"],
        created_at=m["created_at"],
        cancellation_limit=m["cancellation_limit"],
        beginning=m["beginning"],
        used_at=m["used_at"],
        used_counter=m["used_counter"],
        used_staff=m["used_staff"],
    )


def by_token(conn: Connection, token: str) -> Booking | None:
    row = conn.execute(select(T).where(T.c.token == token.upper())).first()
    return to_domain(row) if row else None


_BY_ID = select(T).where(T.c.id == bindparam("booking_id"))


def by_id(conn: Connection, booking_id: int) -> Booking | None:
    row = conn.execute(_BY_ID, {"booking_id": booking_id}).first()
    return to_domain(row) if row else None


def learn_token(conn: Connection, booking_id: int, token: str, source: str) -> None:
    """Attach a token to a cached booking (the token index), moving it off any stale row; the
    other counters of the venue learn it too (when the mesh is on)."""
    token = token.upper()
    conn.execute(update(T).where(T.c.token == token, T.c.id != booking_id).values(token=None))
    changed = conn.execute(
        update(T)
        .where(T.c.id == booking_id, (T.c.token != token) | T.c.token.is_(None))
        .values(token=token, token_source=source)
    ).rowcount
    # Only news travels (an online check re-learns the same token every scan), and only real
    # bookings: a negative id is this counter's own stand-in for an imported line.
    if changed and booking_id > 0:
        now = datetime.now(UTC)
        peers.append_own(conn, peers.TOKEN, now=now, token=token, booking_id=booking_id)


# The booking's local use state (status, and when/where/by whom it was used here). The only
# writer of these columns besides the server refresh (`upsert`): the counter (validate,
# invalidate) and push (settled, conflict) both go through `set_use_state`. Prebuilt statements:
# validation's hot path.
_SET_USE = (
    update(T)
    .where(T.c.id == bindparam("booking_id"))
    .values(
        status=bindparam("status"),
        used_at=bindparam("used_at"),
        used_counter=bindparam("used_counter"),
        used_staff=bindparam("used_staff"),
    )
)
_SET_USE_KEEP_AT = (
    update(T)
    .where(T.c.id == bindparam("booking_id"))
    .values(
        status=bindparam("status"),
        used_counter=bindparam("used_counter"),
        used_staff=bindparam("used_staff"),
    )
)


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()  # `set_use_state(used_at=KEEP)`: leave the recorded use time as it is


def set_use_state(
    conn: Connection,
    booking_id: int,
    status: BookingStatus,
    *,
    used_at: datetime | None = None,
    used_counter: str | None = None,
    used_staff: str | None = None,
) -> None:
    """Set a cached booking's status and who used it here (inside the caller's transaction).
    `used_at=KEEP` leaves the use time untouched (used elsewhere: the server's time stays)."""
    params = {
        "booking_id": booking_id,
        "status": BookingStatus(status).value,
        "used_counter": used_counter,
        "used_staff": used_staff,
    }
    if used_at is KEEP:
        conn.execute(_SET_USE_KEEP_AT, params)
    else:
        conn.execute(_SET_USE, {**params, "used_at": used_at})


_SET_USE_RAW = (
    "UPDATE booking SET status = ?, used_at = ?, used_counter = ?, used_staff = ? WHERE id = ?"
)


def set_use_state_raw(
    dbapi_conn: Any,
    booking_id: int,
    status: BookingStatus,
    *,
    used_at: str | None = None,
    used_counter: str | None = None,
    used_staff: str | None = None,
) -> None:
    """`set_use_state` on a plain sqlite3 connection (recovery works on a restored file before
    the Database opens it); `used_at` as stored (ISO text)."""
    dbapi_conn.execute(
        _SET_USE_RAW,
        (BookingStatus(status).value, used_at, used_counter, used_staff, booking_id),
    )


def upsert(
    conn: Connection,
    rows: Iterable[Mapping[str, Any]],
    now: datetime,
    *,
    asked: outbox.Watermark | None = None,
) -> int:
    """Insert or refresh bookings from the server. Local-only facts (token, who validated here)
    are kept; a booking seen closed for the first time gets `closed_at` (for retention).

    `asked`: the outbox's watermark when the rows were asked for. A row read before this
    counter's own operation on the booking reached the server is stale about its status: the
    local status and use (who, when) are kept, else a page read just before a validation was sent
    would reopen the booking and let the same code be validated twice."""
    values = []
    for r in rows:
        v = dict(r)
        v["search_name"] = search_key(v.get("first_name"), v.get("last_name"))
        v["refreshed_at"] = now
        v.setdefault("closed_at", now if v["status"] in CLOSED else None)
        # The API list says REIMBURSED without a date: the first time seen so stands for it
        # until an imported export brings the real one (`mark_reimbursed`).
        reimbursed = v["status"] == BookingStatus.REIMBURSED
        v.setdefault("reimbursed_at", now if reimbursed else None)
        v.setdefault("reimbursed_source", "pull" if reimbursed else None)
        values.append(v)
    if not values:
        return 0
    stmt = insert(T).values(values)
    keep_local = {"id", "token", "token_source", "used_counter", "used_staff", "closed_at"}
    excluded: dict[str, ColumnElement[Any]] = {
        c: stmt.excluded[c] for c in values[0] if c not in keep_local
    }
    excluded["closed_at"] = func.coalesce(T.c.closed_at, stmt.excluded.closed_at)
    for name in ("reimbursed_at", "reimbursed_source"):  # the first date known stays
        excluded[name] = case(
            (T.c.reimbursed_at.is_not(None), T.c[name]), else_=stmt.excluded[name]
        )
    # Names erased by retention (kiosk.store.retention) stay erased while the booking stays closed.
    erased = and_(
        T.c.closed_at.is_not(None),
        T.c.first_name.is_(None),
        T.c.last_name.is_(None),
        T.c.search_name.is_(None),
        stmt.excluded.status.in_([s.value for s in CLOSED]),
    )
    for name in ("first_name", "last_name", "search_name"):
        if name in excluded:
            excluded[name] = case((erased, None), else_=stmt.excluded[name])
    if "used_at" in excluded:
        # The public API has no dateUsed: keep what this counter recorded unless reopened.
        excluded["used_at"] = func.coalesce(stmt.excluded.used_at, T.c.used_at)
    if asked is not None:
        held = _changed_here_since(conn, asked, [v["id"] for v in values])
        for name in ("status", "used_at"):
            if held and name in excluded:
                excluded[name] = case((T.c.id.in_(held), T.c[name]), else_=excluded[name])
    conn.execute(stmt.on_conflict_do_update(index_elements=[T.c.id], set_=excluded))
    return len(values)


def _changed_here_since(conn: Connection, asked: outbox.Watermark, ids: list[int]) -> list[int]:
    """Of `ids`, the bookings with an operation of this counter a read taken at `asked` may
    have missed (found by booking id or by token)."""
    recent = outbox.ops_newer_than(conn, asked)
    if not recent:
        return []
    wanted = set(ids)
    held = {bid for bid, _ in recent if bid in wanted}
    tokens = list({tok for _, tok in recent})
    for i in range(0, len(tokens), 500):
        held.update(
            conn.execute(
                select(T.c.id).where(T.c.token.in_(tokens[i : i + 500]), T.c.id.in_(wanted))
            ).scalars()
        )
    return sorted(held)


def mark_reimbursed(
    conn: Connection, booking_id: int, at: datetime | None, now: datetime, source: str
) -> None:
    """An export says the booking was reimbursed (`at`: its date, when given). A cancelled
    booking is never reimbursed: such a line is left to the next pull to explain."""
    if at is not None:
        when: dict[str, Any] = {"reimbursed_at": at, "reimbursed_source": source}
    else:
        when = {
            "reimbursed_at": func.coalesce(T.c.reimbursed_at, now),
            "reimbursed_source": func.coalesce(T.c.reimbursed_source, source),
        }
    conn.execute(
        update(T)
        .where(T.c.id == booking_id, T.c.status != BookingStatus.CANCELLED.value)
        .values(
            status=BookingStatus.REIMBURSED.value,
            closed_at=func.coalesce(T.c.closed_at, now),
            **when,
        )
    )


def find_to_collect(
    conn: Connection, query: str, venue_ids: Iterable[int], limit: int = 30
) -> list[Booking]:
    """Bookings still to collect (CONFIRMED) at the venues, whose youth's name matches."""
    words = search_key(query).split()
    if not words:
        return []
    stmt = select(T).where(T.c.status == BookingStatus.CONFIRMED.value)
    ids = list(venue_ids)
    if ids:
        stmt = stmt.where(T.c.venue_id.in_(ids))
    for w in words[:5]:
        escaped = w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(T.c.search_name.like(f"%{escaped}%", escape="\\"))
    stmt = stmt.order_by(T.c.last_name, T.c.first_name, T.c.id).limit(limit)
    return [to_domain(r) for r in conn.execute(stmt)]


def count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(T)).scalar_one()


_SAME_BOOKING = text(
    "SELECT id FROM booking WHERE offer_name = :offer AND search_name = :name "
    "AND abs(julianday(created_at) - julianday(:created)) < (61.0 / 86400) "
    "ORDER BY id DESC LIMIT 1"
)


def find_same_booking(
    conn: Connection, offer_name: str, search_name: str, created_at: datetime
) -> int | None:
    """Id of the cached booking an export line describes: same offer, same youth (search
    key), booked within a minute (the export has no booking id)."""
    return conn.execute(
        _SAME_BOOKING,
        {"offer": offer_name, "name": search_name, "created": created_at.isoformat()},
    ).scalar_one_or_none()


def reconcile_imported(conn: Connection, asked: outbox.Watermark | None = None) -> int:
    """Move tokens learned from an imported export (local rows, negative ids) onto the real
    bookings once the API list has brought them; drop the local stand-ins. Operations recorded
    on a stand-in now point at the real booking, and while the server may not have them yet
    (`asked`; without it: while pending) the real booking takes the stand-in's local state."""
    pairs = conn.execute(
        text(
            "SELECT n.id, n.token, p.id FROM booking n JOIN booking p ON p.id > 0 AND n.id < 0 "
            "AND p.offer_name = n.offer_name AND p.search_name = n.search_name "
            "AND abs(julianday(p.created_at) - julianday(n.created_at)) < (61.0 / 86400)"
        )
    ).all()
    for local_id, token, real_id in pairs:
        ops = outbox.states_of_booking(conn, local_id)
        held = any(
            asked.newer(op_id) if asked is not None else state is OpState.PENDING
            for op_id, state in ops
        )
        if held:
            local = conn.execute(
                select(T.c.status, T.c.used_at, T.c.used_counter, T.c.used_staff).where(
                    T.c.id == local_id
                )
            ).one()
            set_use_state(
                conn,
                real_id,
                BookingStatus(local.status),
                used_at=local.used_at,
                used_counter=local.used_counter,
                used_staff=local.used_staff,
            )
        # The export's reimbursement date is the exact one: the real booking keeps it.
        conn.execute(
            text(
                "UPDATE booking SET reimbursed_at = n.reimbursed_at, reimbursed_source = "
                "n.reimbursed_source FROM (SELECT reimbursed_at, reimbursed_source FROM booking "
                "WHERE id = :local AND reimbursed_source = 'import') n WHERE booking.id = :real"
            ),
            {"local": local_id, "real": real_id},
        )
        if ops:
            outbox.move_to_booking(conn, local_id, real_id)
        conn.execute(delete(T).where(T.c.id == local_id))
        if token:
            learn_token(conn, real_id, token, "import")
    return len(pairs)


# -- the hot path: one raw statement per scan ---------------------------------------------
# A scan must be decided in well under a millisecond with a million bookings cached: one
# statement (a consistent snapshot on its own) fetches the booking, the last pending operation
# on the token and the cache's age, straight through the DBAPI connection.
_COLUMNS = [c.name for c in T.columns]
# The other counters of the venue (kiosk.store.peers) add two things: a token one of them
# learned names the booking when the cache's index does not (coalesce stops at the first hit:
# no cost when the index knows it), and the latest operation another counter recorded on the
# token, with the server's outcome once it came.
_LOOKUP_SQL = (
    "SELECT "
    + ", ".join(f"b.{c}" for c in _COLUMNS)
    + ", o.kind, o.created_at, o.counter, o.staff, o.op_id,"
    " (SELECT value FROM sync_state WHERE key = 'bookings_pulled_at'),"
    " p.op_kind, p.at, p.counter, p.staff, p.op_id,"
    " (SELECT r.state || '|' || coalesce(r.conflict, '') FROM peer_record r"
    "  WHERE r.op_id = p.op_id AND r.kind = 'outcome' ORDER BY r.seq DESC LIMIT 1)"
    " FROM (SELECT ? AS t) q"
    " LEFT JOIN booking b ON b.id = coalesce((SELECT id FROM booking WHERE token = q.t),"
    "  (SELECT booking_id FROM peer_record WHERE token = q.t AND kind IN ('token', 'op')"
    "   AND booking_id > 0 ORDER BY at DESC LIMIT 1))"
    " LEFT JOIN outbox o ON o.id = (SELECT max(id) FROM outbox WHERE token = q.t"
    " AND state = 'pending')"
    " LEFT JOIN peer_record p ON p.rowid = (SELECT rowid FROM peer_record WHERE token = q.t"
    "  AND kind = 'op' AND origin != coalesce((SELECT value FROM sync_state"
    "  WHERE key = 'mesh_origin'), '') ORDER BY at DESC, op_id DESC LIMIT 1)"
)
_TIME_COLUMNS = {
    "created_at",
    "cancellation_limit",
    "beginning",
    "used_at",
    "closed_at",
    "refreshed_at",
}


@dataclass(frozen=True, slots=True)
class PendingOp:
    kind: str
    created_at: datetime
    counter: str
    staff: str | None
    op_id: str


@dataclass(frozen=True, slots=True)
class Lookup:
    booking: Booking | None
    pending: PendingOp | None
    pulled_at: datetime | None
    peer: peers.PeerOp | None = None  # the latest operation of another counter on the token
    # This counter's latest operation on the token, whatever its state (read only when `peer`
    # is set: the latest of the two decides).
    own: PendingOp | None = None

    def peer_is_latest(self) -> bool:
        """The other counter's operation is the latest word on the token: after this counter's
        own latest (pending or settled), by time, then by operation id (the same order on every
        counter)."""
        if self.peer is None:
            return False
        own = self.own or self.pending
        if own is None:
            return True
        return (self.peer.created_at, self.peer.op_id) > (own.created_at, own.op_id)


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


_LAST_DONE_SQL = (
    "SELECT kind, created_at, counter, staff, op_id FROM outbox "
    "WHERE token = ? AND state = 'done' ORDER BY id DESC LIMIT 1"
)


def last_done_op(dbapi_conn: Any, token: str) -> PendingOp | None:
    """The last operation on a token the server settled as done (same raw connection as
    `lookup`: the scan's fallback when the cache knows nothing of the token)."""
    row = dbapi_conn.execute(_LAST_DONE_SQL, (token.upper(),)).fetchone()
    if row is None:
        return None
    return PendingOp(row[0], datetime.fromisoformat(row[1]), row[2], row[3], row[4])


_LAST_OP_SQL = (
    "SELECT kind, kiosk_id, created_at FROM outbox WHERE token = ? ORDER BY id DESC LIMIT 1"
)


def used_here_at(dbapi_conn: Any, token: str, kiosk_id: str) -> datetime | None:
    """When this kiosk validated the token, if the last operation on it is that validation."""
    row = dbapi_conn.execute(_LAST_OP_SQL, (token.upper(),)).fetchone()
    if row is None or row[0] != "use" or (row[1] or "") != kiosk_id:
        return None
    return datetime.fromisoformat(row[2])


_LAST_OWN_SQL = (
    "SELECT kind, created_at, counter, staff, op_id FROM outbox WHERE token = ? "
    "ORDER BY id DESC LIMIT 1"
)


def lookup(dbapi_conn: Any, token: str) -> Lookup:
    """Booking, last pending operation and cache age for a token, in one statement (and the
    last own operation in a second one, only when another counter acted on the token)."""
    row = dbapi_conn.execute(_LOOKUP_SQL, (token.upper(),)).fetchone()
    n = len(_COLUMNS)
    booking = None
    if row[0] is not None:
        m = {
            c: (_dt(v) if c in _TIME_COLUMNS else v) for c, v in zip(_COLUMNS, row[:n], strict=True)
        }
        booking = to_domain(m)
    pending = None
    if row[n] is not None:
        # created_at is NOT NULL in the outbox
        created = datetime.fromisoformat(row[n + 1])
        pending = PendingOp(row[n], created, row[n + 2], row[n + 3], row[n + 4])
    pulled = row[n + 5]
    peer = None
    if row[n + 6] is not None:
        settled = row[n + 11]
        outcome, _, conflict = settled.partition("|") if settled else (None, "", "")
        peer = peers.PeerOp(
            row[n + 6],
            datetime.fromisoformat(row[n + 7]),
            row[n + 8],
            row[n + 9],
            row[n + 10],
            outcome,
            conflict or None,
        )
    own = None
    if peer is not None:
        last = dbapi_conn.execute(_LAST_OWN_SQL, (token.upper(),)).fetchone()
        if last is not None:
            own = PendingOp(last[0], datetime.fromisoformat(last[1]), last[2], last[3], last[4])
    pulled_at = datetime.fromisoformat(pulled) if pulled else None
    return Lookup(booking, pending, pulled_at, peer, own)


# -- what the pull needs ------------------------------------------------------------------
def token_coverage(conn: Connection, venue_ids: Iterable[int] = ()) -> tuple[int, int]:
    """(current bookings whose token is known here, current bookings) of `venue_ids` (all
    when empty): the API never gives tokens, so a thin cover means INCONNUE HORS LIGNE."""
    stmt = select(func.count(T.c.token), func.count()).where(
        T.c.status == BookingStatus.CONFIRMED.value
    )
    ids = list(venue_ids)
    if ids:
        stmt = stmt.where(T.c.venue_id.in_(ids))
    known, total = conn.execute(stmt).one()
    return int(known), int(total)


def highest_id(conn: Connection, venue_id: int) -> int | None:
    """The highest booking id cached for a venue: new bookings are found past it."""
    top: int | None = conn.execute(
        select(func.max(T.c.id)).where(T.c.venue_id == venue_id)
    ).scalar_one()
    return top


def confirmed_at(conn: Connection, venue_ids: Iterable[int]) -> list[tuple[int, int]]:
    """(booking id, offer id) of the bookings cached as CONFIRMED at the venues."""
    rows = conn.execute(
        select(T.c.id, T.c.offer_id).where(
            T.c.status == BookingStatus.CONFIRMED.value, T.c.venue_id.in_(list(venue_ids))
        )
    )
    return [(bid, offer_id) for bid, offer_id in rows]


_FILL_BEGINNINGS = (
    "UPDATE booking SET beginning = (SELECT beginning FROM stock "
    "WHERE stock.id = booking.stock_id) WHERE beginning IS NULL AND stock_id IN "
    "(SELECT id FROM stock WHERE beginning IS NOT NULL)"
)


def fill_beginnings(conn: Connection, id_range: tuple[int, int] | None = None) -> None:
    """Event bookings take their date from their stock (the booking JSON has none); all of
    them, or those with an id in `id_range` (a page just stored)."""
    if id_range is None:
        conn.execute(text(_FILL_BEGINNINGS))
    else:
        lo, hi = id_range
        conn.execute(text(_FILL_BEGINNINGS + " AND id BETWEEN :lo AND :hi"), {"lo": lo, "hi": hi})
