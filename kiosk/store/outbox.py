"""The outbox: operations recorded at this counter until the central API settles them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from kiosk.domain.operations import Operation, OpKind, OpState
from kiosk.store import models, peers

T = models.table(models.Outbox)


def _op(row: Any) -> Operation:
    m = row._mapping
    return Operation(
        id=m["id"],
        op_id=m["op_id"],
        kind=OpKind(m["kind"]),
        token=m["token"],
        booking_id=m["booking_id"],
        created_at=m["created_at"],
        counter=m["counter"],
        staff=m["staff"],
        unverified=bool(m["unverified"]),
        state=OpState(m["state"]),
        attempts=m["attempts"],
        ambiguous=bool(m["ambiguous"]),
        next_attempt_at=m["next_attempt_at"],
        last_error=m["last_error"],
        http_status=m["http_status"],
        conflict=m["conflict"],
        settled_at=m["settled_at"],
        acknowledged_at=m["acknowledged_at"],
    )


_INSERT = insert(T)


def record(
    conn: Connection,
    *,
    kind: OpKind,
    token: str,
    booking_id: int | None,
    now: datetime,
    counter: str,
    staff: str | None,
    kiosk_id: str,
    unverified: bool = False,
) -> str:
    """Append an operation (inside the caller's transaction); returns its unique op id."""
    op_id = str(uuid.uuid4())
    # A prebuilt statement with parameters: compiled once, no per-call SQL construction
    # (this is on the validation's hot path).
    conn.execute(
        _INSERT,
        {
            "op_id": op_id,
            "kind": kind.value,
            "token": token.upper(),
            "booking_id": booking_id,
            "created_at": now,
            "created_local": now.astimezone().isoformat(timespec="seconds"),
            "counter": counter,
            "staff": staff,
            "kiosk_id": kiosk_id,
            "unverified": unverified,
            "state": OpState.PENDING.value,
            "attempts": 0,
            "ambiguous": False,
        },
    )
    # The peers' copy, in the same transaction: a validation said "Validée" is never missing
    # from what the other counters can ask for (no-op while the mesh is off).
    peers.append_own(
        conn,
        peers.OP,
        now=now,
        op_id=op_id,
        op_kind=kind.value,
        token=token,
        booking_id=booking_id,
        at=now,
        counter=counter,
        staff=staff,
        unverified=unverified,
    )
    return op_id


def get(conn: Connection, op_id: str) -> Operation | None:
    row = conn.execute(select(T).where(T.c.op_id == op_id)).first()
    return _op(row) if row else None


@dataclass(frozen=True, slots=True)
class Watermark:
    """How far this counter's own operations had gone when a server read was asked for: the
    answer may miss operations recorded after `last_id`, and those still pending then (sent
    or not, their effect may land after the read was served). No clock involved, so a clock
    stepped back or forward cannot open a gap."""

    last_id: int
    pending: frozenset[int]

    def newer(self, op_id: int) -> bool:
        return op_id > self.last_id or op_id in self.pending


def watermark(conn: Connection) -> Watermark:
    """Take it right before asking the server (inside one read transaction)."""
    last = conn.execute(select(func.max(T.c.id))).scalar_one_or_none() or 0
    ids = conn.execute(select(T.c.id).where(T.c.state == OpState.PENDING.value)).scalars()
    return Watermark(last, frozenset(ids))


def ops_newer_than(conn: Connection, mark: Watermark) -> list[tuple[int | None, str]]:
    """(booking_id, token) of the operations `mark` says a read may have missed."""
    rows = list(conn.execute(select(T.c.booking_id, T.c.token).where(T.c.id > mark.last_id)))
    pend = sorted(mark.pending)
    for i in range(0, len(pend), 500):
        rows.extend(
            conn.execute(select(T.c.booking_id, T.c.token).where(T.c.id.in_(pend[i : i + 500])))
        )
    return [(r[0], r[1]) for r in rows]


def pending(conn: Connection, limit: int | None = None) -> list[Operation]:
    stmt = select(T).where(T.c.state == OpState.PENDING.value).order_by(T.c.id)
    if limit:
        stmt = stmt.limit(limit)
    return [_op(r) for r in conn.execute(stmt)]


def pending_for_token(conn: Connection, token: str) -> list[Operation]:
    stmt = (
        select(T)
        .where(T.c.state == OpState.PENDING.value, T.c.token == token.upper())
        .order_by(T.c.id)
    )
    return [_op(r) for r in conn.execute(stmt)]


def conflicts(conn: Connection, *, include_acknowledged: bool = False) -> list[Operation]:
    stmt = select(T).where(T.c.state == OpState.CONFLICT.value)
    if not include_acknowledged:
        stmt = stmt.where(T.c.acknowledged_at.is_(None))
    return [_op(r) for r in conn.execute(stmt.order_by(T.c.id))]


def all_ops(conn: Connection) -> list[Operation]:
    return [_op(r) for r in conn.execute(select(T).order_by(T.c.id))]


def counts(conn: Connection) -> dict[str, int]:
    """pending, conflicts to handle (not acknowledged), done."""
    rows = conn.execute(
        select(T.c.state, T.c.acknowledged_at.is_(None), func.count()).group_by(
            T.c.state, T.c.acknowledged_at.is_(None)
        )
    ).all()
    out = {"pending": 0, "conflicts": 0, "done": 0}
    for state, open_, n in rows:
        if state == OpState.PENDING.value:
            out["pending"] += n
        elif state == OpState.DONE.value:
            out["done"] += n
        elif state == OpState.CONFLICT.value and open_:
            out["conflicts"] += n
    return out


def mark_attempt(conn: Connection, op_id: str, *, ambiguous: bool) -> None:
    """Before sending: count the attempt; `ambiguous` once a request may have reached the server."""
    values: dict[str, Any] = {"attempts": T.c.attempts + 1}
    if ambiguous:
        values["ambiguous"] = True
    conn.execute(update(T).where(T.c.op_id == op_id).values(**values))


def mark_done(conn: Connection, op_id: str, now: datetime, http_status: int) -> None:
    conn.execute(
        update(T)
        .where(T.c.op_id == op_id)
        .values(state=OpState.DONE.value, settled_at=now, http_status=http_status, last_error=None)
    )
    peers.append_outcome(conn, op_id, now, OpState.DONE.value, None)


def mark_conflict(
    conn: Connection, op_id: str, now: datetime, http_status: int | None, conflict: str, detail: str
) -> None:
    conn.execute(
        update(T)
        .where(T.c.op_id == op_id)
        .values(
            state=OpState.CONFLICT.value,
            settled_at=now,
            http_status=http_status,
            conflict=conflict,
            last_error=detail,
        )
    )
    peers.append_outcome(conn, op_id, now, OpState.CONFLICT.value, conflict)


def mark_retry(
    conn: Connection, op_id: str, next_attempt_at: datetime, error: str, *, ambiguous: bool
) -> None:
    values: dict[str, Any] = {"next_attempt_at": next_attempt_at, "last_error": error}
    if ambiguous:
        values["ambiguous"] = True
    conn.execute(update(T).where(T.c.op_id == op_id).values(**values))


def mark_not_sent(conn: Connection, op_id: str) -> None:
    """Undo `mark_attempt`'s flag: this attempt surely never left and no earlier one may have
    (so a 410 on a later attempt is not ours)."""
    conn.execute(update(T).where(T.c.op_id == op_id).values(ambiguous=False))


def states_of_booking(conn: Connection, booking_id: int) -> list[tuple[int, OpState]]:
    """(row id, state) of the operations recorded on a booking."""
    rows = conn.execute(select(T.c.id, T.c.state).where(T.c.booking_id == booking_id))
    return [(r[0], OpState(r[1])) for r in rows]


def move_to_booking(conn: Connection, from_id: int, to_id: int) -> None:
    """Point the operations of a local stand-in booking at the real one."""
    conn.execute(update(T).where(T.c.booking_id == from_id).values(booking_id=to_id))


@dataclass(frozen=True, slots=True)
class RecordedOp:
    """An operation as the day's list shows it, with its booking's offer and youth if cached."""

    created_at: datetime
    token: str
    kind: str
    state: str
    unverified: bool
    staff: str | None
    offer_name: str | None
    first_name: str | None
    last_name: str | None
    quantity: int | None
    op_id: str = ""
    acknowledged: bool = False  # a conflict someone marked "Traité"
    conflict: str | None = None  # a conflict's kind (`Conflict` value): named in the list


def recorded_between(
    conn: Connection,
    start: datetime,
    end: datetime,
    *,
    kiosk_id: str | None = None,
    limit: int = 500,
) -> list[RecordedOp]:
    """Operations recorded in [start, end) (by this kiosk when `kiosk_id`), newest first."""
    b = models.table(models.Booking)
    stmt = (
        select(
            T.c.created_at,
            T.c.token,
            T.c.kind,
            T.c.state,
            T.c.unverified,
            T.c.staff,
            b.c.offer_name,
            b.c.first_name,
            b.c.last_name,
            b.c.quantity,
            T.c.op_id,
            T.c.acknowledged_at,
            T.c.conflict,
        )
        .select_from(T.outerjoin(b, b.c.id == T.c.booking_id))
        .where(T.c.created_at >= start, T.c.created_at < end)
        .order_by(T.c.id.desc())
        .limit(limit)
    )
    if kiosk_id:
        stmt = stmt.where(T.c.kiosk_id == kiosk_id)
    return [
        RecordedOp(
            r[0],
            r[1],
            r[2],
            r[3],
            bool(r[4]),
            r[5],
            r[6],
            r[7],
            r[8],
            r[9],
            r[10],
            r[11] is not None,
            r[12],
        )
        for r in conn.execute(stmt)
    ]


def acknowledge(conn: Connection, op_id: str, now: datetime, staff: str | None) -> None:
    conn.execute(
        update(T)
        .where(T.c.op_id == op_id, T.c.state == OpState.CONFLICT.value)
        .values(acknowledged_at=now, acknowledged_by=staff)
    )
