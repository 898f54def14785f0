"""What the counter window shows around the verdict: queue counts, the cache's age, today's
operations, and the conflicts to handle (plain Python, run in a worker thread by the UI)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, tzinfo

from kiosk.domain.operations import Operation
from kiosk.services import today
from kiosk.store import bookings, outbox, state
from kiosk.store.database import Database


@dataclass
class Snapshot:
    pending: int
    conflicts: int
    data_as_of: datetime | None
    rows: list[today.TodayRow]
    counts: today.TodayCounts
    zone: tzinfo | None  # the venue's timezone, for every time shown (None: the machine's)
    # (current bookings whose token is known here, current bookings): see `thin_cover`
    coverage: tuple[int, int] = (0, 0)


def thin_cover(coverage: tuple[int, int]) -> bool:
    """Fewer than half the current bookings have their token here: an outage would answer
    INCONNUE HORS LIGNE to most youths, and the pro portal's export would teach the rest."""
    known, total = coverage
    return total > 0 and known * 2 < total


def snapshot(
    db: Database, now: datetime, kiosk_id: str | None = None, venue_ids: Collection[int] = ()
) -> Snapshot:
    with db.connect() as conn, conn.begin():
        c = outbox.counts(conn)
        as_of = state.get_time(conn, state.PULLED_AT)
        zone = today.counter_zone(conn, venue_ids)
        day = today.rows(conn, now, kiosk_id=kiosk_id, zone=zone)
        coverage = bookings.token_coverage(conn, venue_ids)
    return Snapshot(c["pending"], c["conflicts"], as_of, day, today.counts(day), zone, coverage)


def open_conflicts(db: Database) -> list[tuple[Operation, str | None]]:
    """Conflicts not yet marked "Traité", each with a line about its booking when known."""
    out: list[tuple[Operation, str | None]] = []
    with db.connect() as conn, conn.begin():
        for op in outbox.conflicts(conn):
            b = bookings.by_id(conn, op.booking_id) if op.booking_id is not None else None
            out.append((op, f"{b.youth_name} — {b.offer_name}" if b else None))
    return out


def acknowledge(db: Database, op_id: str, now: datetime, staff: str | None = None) -> None:
    with db.connect_writer() as conn, conn.begin():
        outbox.acknowledge(conn, op_id, now, staff)
