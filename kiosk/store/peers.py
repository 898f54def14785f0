"""Peer records: the log the counters of a venue share (kiosk.mesh moves them, this keeps them).

One log per origin counter, each record numbered by its origin (`seq` 1, 2, 3…): this
counter's own operations, their outcomes from the server and the tokens it learned, and the same
from its peers. Own records are appended in the very transaction that records the operation
(kiosk.store.outbox), so a crash can never lose one that was said "Validée"; peers get it live or
ask for it later (catch-up, from the last sequence they hold per origin).

Only what a peer needs to decide: operation id, kind, token, booking id, time, counter, staff,
outcome. Never a youth's name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection

from kiosk.store import models, state

T = models.table(models.PeerRecord)

ORIGIN = "mesh_origin"  # sync_state: this counter's id on the mesh; unset while the mesh is off
# sync_state: per origin, the highest sequence purged here as older than the retention (JSON);
# what is held counts from it, so a catch-up never asks for what the purge took.
FLOORS = "mesh_floors"

OP, OUTCOME, TOKEN = "op", "outcome", "token"
KINDS = (OP, OUTCOME, TOKEN)
# Exactly what travels (a test asserts the wire carries these keys and no others).
FIELDS = (
    "origin",
    "seq",
    "kind",
    "op_id",
    "op_kind",
    "token",
    "booking_id",
    "at",
    "counter",
    "staff",
    "unverified",
    "state",
    "conflict",
)


def set_origin(conn: Connection, origin: str | None) -> None:
    """Start (an id) or stop (None) recording own records for the mesh."""
    state.put(conn, ORIGIN, origin)


def get_origin(conn: Connection) -> str | None:
    return state.get(conn, ORIGIN)


def floors(conn: Connection) -> dict[str, int]:
    """Per origin, the highest sequence purged here (everything up to it counts as held)."""
    raw = state.get(conn, FLOORS)
    try:
        found = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    return {o: s for o, s in found.items() if isinstance(s, int) and not isinstance(s, bool)}


def raise_floors(conn: Connection, raised: Mapping[str, int]) -> None:
    """Count sequences up to `raised[origin]` as held from now on (never lowers a floor)."""
    current = floors(conn)
    merged = {**current, **{o: max(s, current.get(o, 0)) for o, s in raised.items()}}
    if merged != current:
        state.put(conn, FLOORS, json.dumps(merged, sort_keys=True))


# Older than the cutoff, except each origin's latest record: the next own record is numbered
# from it, and a peer that kept it knows the origin's numbering did not restart.
_PURGEABLE = (
    "FROM peer_record WHERE received_at < :cutoff AND seq < "
    "(SELECT max(r.seq) FROM peer_record r WHERE r.origin = peer_record.origin)"
)


def purge(conn: Connection, now: datetime, days: int) -> int:
    """Delete the records received more than `days` ago (each origin's latest is kept) and
    raise the floors to what went; how many went. Tokens travel in these records: they do not
    outlive the retention of the rest."""
    cutoff = _iso(now - timedelta(days=max(0, days)))
    per_origin = text(f"SELECT origin, max(seq) {_PURGEABLE} GROUP BY origin")
    gone = {o: int(s) for o, s in conn.execute(per_origin, {"cutoff": cutoff})}
    if not gone:
        return 0
    count = conn.execute(text(f"DELETE {_PURGEABLE}"), {"cutoff": cutoff}).rowcount or 0
    raise_floors(conn, gone)
    return count


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat(timespec="microseconds") if value else None


_NEXT_SEQ = text("SELECT coalesce(max(seq), 0) + 1 FROM peer_record WHERE origin = :o")
_INSERT = text(
    "INSERT OR IGNORE INTO peer_record (origin, seq, kind, op_id, op_kind, token, booking_id, at, "
    "counter, staff, unverified, state, conflict, received_at) VALUES (:origin, :seq, :kind, "
    ":op_id, :op_kind, :token, :booking_id, :at, :counter, :staff, :unverified, :state, "
    ":conflict, :received_at)"
)


def append_own(
    conn: Connection,
    kind: str,
    *,
    now: datetime,
    op_id: str | None = None,
    op_kind: str | None = None,
    token: str | None = None,
    booking_id: int | None = None,
    at: datetime | None = None,
    counter: str | None = None,
    staff: str | None = None,
    unverified: bool = False,
    state_: str | None = None,
    conflict: str | None = None,
) -> int | None:
    """Append one own record (inside the caller's transaction) when the mesh is on; its seq."""
    origin = get_origin(conn)
    if not origin:
        return None
    seq: int = conn.execute(_NEXT_SEQ, {"o": origin}).scalar_one()
    conn.execute(
        _INSERT,
        {
            "origin": origin,
            "seq": seq,
            "kind": kind,
            "op_id": op_id,
            "op_kind": op_kind,
            "token": token.upper() if token else None,
            "booking_id": booking_id,
            "at": _iso(at),
            "counter": counter,
            "staff": staff,
            "unverified": unverified,
            "state": state_,
            "conflict": conflict,
            "received_at": _iso(now),
        },
    )
    return seq


def append_outcome(
    conn: Connection, op_id: str, now: datetime, state_: str, conflict: str | None
) -> None:
    """The server settled an own operation: tell the peers, if the operation was shared."""
    origin = get_origin(conn)
    if not origin:
        return
    shared = conn.execute(
        select(T.c.token).where(T.c.origin == origin, T.c.kind == OP, T.c.op_id == op_id)
    ).first()
    if shared is not None:
        append_own(
            conn, OUTCOME, now=now, op_id=op_id, token=shared[0], state_=state_, conflict=conflict
        )


def insert_received(
    conn: Connection, records: Iterable[Mapping[str, Any]], now: datetime
) -> tuple[int, int]:
    """Store records received from peers; (new, already held). A record already held (same
    origin and seq) is a replay or a copy from another peer: dropped."""
    rows = [
        {
            **{f: r.get(f) for f in FIELDS},
            "unverified": bool(r.get("unverified")),
            "received_at": _iso(now),
        }
        for r in records
    ]
    if not rows:
        return 0, 0
    result = conn.execute(_INSERT, rows)
    new = max(0, result.rowcount)
    return new, len(rows) - new


def wire(row: Mapping[Any, Any]) -> dict[str, Any]:
    """A stored row as it travels: exactly `FIELDS`, empty ones left out."""
    out = {f: row[f] for f in FIELDS if row[f] is not None}
    out["unverified"] = bool(row["unverified"])
    return out


def after(conn: Connection, origin: str, seq: int, limit: int = 500) -> list[dict[str, Any]]:
    """Records of `origin` numbered above `seq`, in order (at most `limit`)."""
    stmt = (
        select(*[T.c[f] for f in FIELDS])
        .where(T.c.origin == origin, T.c.seq > seq)
        .order_by(T.c.seq)
        .limit(limit)
    )
    return [wire(r._mapping) for r in conn.execute(stmt)]


def origins(conn: Connection) -> list[str]:
    return list(conn.execute(select(T.c.origin).distinct()).scalars())


def last_seq(conn: Connection, origin: str) -> int:
    value = conn.execute(select(func.max(T.c.seq)).where(T.c.origin == origin)).scalar_one()
    return int(value or 0)


@dataclass
class Held:
    """What this counter holds of one origin's log: every seq up to `head`, and some above."""

    head: int = 0
    above: set[int] | None = None

    def add(self, seq: int) -> bool:
        """Count `seq` as held; False when it already was."""
        if seq <= self.head or (self.above and seq in self.above):
            return False
        if seq == self.head + 1:
            self.head = seq
            while self.above and self.head + 1 in self.above:
                self.head += 1
                self.above.discard(self.head)
        else:
            if self.above is None:
                self.above = set()
            self.above.add(seq)
        return True

    def skip_to(self, seq: int) -> bool:
        """Count every sequence up to `seq` as held (purged where they were); True if moved."""
        if seq <= self.head:
            return False
        self.head = seq
        if self.above:
            self.above = {s for s in self.above if s > seq}
            while self.head + 1 in self.above:
                self.head += 1
                self.above.discard(self.head)
        return True

    @property
    def gap(self) -> bool:
        return bool(self.above)


def held(conn: Connection) -> dict[str, Held]:
    """Per origin, the contiguous head and what is held above it (catch-up asks from the head);
    what the retention purged counts as held."""
    out: dict[str, Held] = {o: Held(head=floor) for o, floor in floors(conn).items()}
    for origin, seq in conn.execute(select(T.c.origin, T.c.seq).order_by(T.c.origin, T.c.seq)):
        out.setdefault(origin, Held()).add(seq)
    return out


@dataclass(frozen=True, slots=True)
class PeerSummary:
    origin: str
    counter: str | None
    records: int
    last_received: datetime | None


def summaries(conn: Connection, exclude: str | None) -> list[PeerSummary]:
    """Per origin counter heard of (not this one): its name, records held, last received."""
    rows = conn.execute(
        text(
            "SELECT origin, count(*), max(received_at), (SELECT counter FROM peer_record p2 "
            "WHERE p2.origin = p.origin AND counter IS NOT NULL ORDER BY seq DESC LIMIT 1) "
            "FROM peer_record p WHERE origin != :me GROUP BY origin ORDER BY max(received_at) DESC"
        ),
        {"me": exclude or ""},
    )
    return [
        PeerSummary(r[0], r[3], r[1], datetime.fromisoformat(r[2]) if r[2] else None) for r in rows
    ]


# -- the scan's hot path (kiosk.store.bookings.lookup joins these) -------------------------
@dataclass(frozen=True, slots=True)
class PeerOp:
    """The latest operation another counter recorded on a token, and how the server settled it
    (state None: not yet confirmed by pass Culture)."""

    kind: str
    created_at: datetime
    counter: str | None
    staff: str | None
    op_id: str
    state: str | None
    conflict: str | None
