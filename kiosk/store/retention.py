"""Privacy by default: personal data of closed bookings is erased after a retention period.

A booking is closed once used, cancelled or reimbursed; `closed_at` records when the kiosk first
saw it closed (a booking used at this counter and not yet re-read from the server counts from
`used_at`). After `retention_days` the youth's first and last name and the search key are
nulled. The audit never held names: it keeps tokens, times, counters and staff only.
Once erased, a name is not brought back by a later pull (see `bookings.upsert`).
The records the counters of a venue share (kiosk.store.peers: tokens, times, counters, staff)
go after the same period, each origin's latest one excepted (see `peers.purge`).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlalchemy.engine import Connection

from kiosk.store import peers
from kiosk.store.database import Database
from kiosk.store.types import to_db

log = logging.getLogger("kiosk.store.retention")

DEFAULT_DAYS = 30
_CLOSED = "('USED', 'CANCELLED', 'REIMBURSED')"
_PURGE = text(
    "UPDATE booking SET first_name = NULL, last_name = NULL, search_name = NULL "
    f"WHERE status IN {_CLOSED} AND coalesce(closed_at, used_at) < :cutoff "
    "AND (first_name IS NOT NULL OR last_name IS NOT NULL OR coalesce(search_name, '') != '')"
)


def purge_conn(conn: Connection, now: datetime, days: int = DEFAULT_DAYS) -> int:
    """Erase names of bookings closed more than `days` ago (in the caller's transaction)."""
    cutoff = to_db(now - timedelta(days=max(0, days)))
    return conn.execute(_PURGE, {"cutoff": cutoff}).rowcount or 0


def purge(db: Database, now: datetime, days: int = DEFAULT_DAYS) -> int:
    """Run the purge (names, then the peers' records) in its own short write transaction;
    returns how many bookings it erased."""
    with db.connect_writer() as conn, conn.begin():
        erased = purge_conn(conn, now, days)
        shared = peers.purge(conn, now, days)
    if shared:
        log.info("retention: %d records shared by the counters purged", shared)
    return erased
