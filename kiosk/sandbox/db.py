"""SQLite storage of the sandbox world (plain ``sqlite3``, one guarded connection)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS offerer (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, siren TEXT NOT NULL, created TEXT NOT NULL,
    is_closed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS api_key (
    key TEXT PRIMARY KEY, offerer_id INTEGER NOT NULL REFERENCES offerer(id)
);
CREATE TABLE IF NOT EXISTS venue (
    id INTEGER PRIMARY KEY, offerer_id INTEGER NOT NULL REFERENCES offerer(id),
    name TEXT NOT NULL, public_name TEXT, siret TEXT, address TEXT, city TEXT,
    postal_code TEXT, department_code TEXT, activity_domain TEXT NOT NULL,
    is_digital INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL,
    provider_active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS offer (
    id INTEGER PRIMARY KEY, venue_id INTEGER NOT NULL REFERENCES venue(id),
    name TEXT NOT NULL, subcategory_id TEXT NOT NULL, is_event INTEGER NOT NULL,
    is_digital INTEGER NOT NULL, is_duo INTEGER NOT NULL DEFAULT 0, ean TEXT,
    extra TEXT NOT NULL DEFAULT '{}', description TEXT, url TEXT, id_at_provider TEXT,
    withdrawal_details TEXT, duration_minutes INTEGER, image_credit TEXT,
    created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS offer_venue ON offer(venue_id, is_event, id);
CREATE TABLE IF NOT EXISTS price_category (
    id INTEGER PRIMARY KEY, offer_id INTEGER NOT NULL REFERENCES offer(id),
    label TEXT NOT NULL, price INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS stock (
    id INTEGER PRIMARY KEY, offer_id INTEGER NOT NULL REFERENCES offer(id),
    price INTEGER NOT NULL, quantity INTEGER, booked_quantity INTEGER NOT NULL DEFAULT 0,
    beginning_datetime TEXT, booking_limit_datetime TEXT,
    price_category_id INTEGER REFERENCES price_category(id)
);
CREATE INDEX IF NOT EXISTS stock_offer ON stock(offer_id, id);
CREATE TABLE IF NOT EXISTS booking (
    id INTEGER PRIMARY KEY, token TEXT NOT NULL UNIQUE,
    offerer_id INTEGER NOT NULL, venue_id INTEGER NOT NULL, offer_id INTEGER NOT NULL,
    stock_id INTEGER NOT NULL REFERENCES stock(id), quantity INTEGER NOT NULL,
    amount INTEGER NOT NULL, price_category_id INTEGER, price_category_label TEXT,
    status TEXT NOT NULL, date_created TEXT NOT NULL, date_used TEXT,
    cancellation_date TEXT, cancellation_limit_date TEXT, cancellation_reason TEXT,
    reimbursement_date TEXT, validation_author TEXT,
    has_activation_code INTEGER NOT NULL DEFAULT 0,
    reimbursement_pending INTEGER NOT NULL DEFAULT 0,
    user_first_name TEXT, user_last_name TEXT, user_email TEXT NOT NULL,
    user_phone TEXT, user_birth_date TEXT, user_postal_code TEXT
);
CREATE INDEX IF NOT EXISTS booking_offerer ON booking(offerer_id, id);
CREATE INDEX IF NOT EXISTS booking_offer ON booking(offer_id, id);
"""

# Columns added after the first release: (table, column, declaration) added to older files.
LATER_COLUMNS = (
    ("offerer", "is_closed", "INTEGER NOT NULL DEFAULT 0"),
    ("venue", "provider_active", "INTEGER NOT NULL DEFAULT 1"),
    ("booking", "reimbursement_pending", "INTEGER NOT NULL DEFAULT 0"),
)
SQLITE_MAX_INT = 2**63 - 1


def fits_sqlite(value: int | None) -> bool:
    """SQLite cannot bind integers outside int64; such ids simply match nothing."""
    return value is None or -SQLITE_MAX_INT - 1 <= value <= SQLITE_MAX_INT


def iso(value: datetime | None) -> str | None:
    """Storage and wire format: UTC, seconds precision, explicit ``+00:00`` offset."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(microsecond=0).isoformat()


def wire_datetime(value: str | None) -> str | None:
    """pcapi ``format_into_utc_date``: naive UTC ``isoformat() + "Z"`` (microseconds only when
    there are some). Storage keeps ``+00:00``; only the public API answers change."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed.isoformat() + "Z"


def parse_iso(value: str | None) -> datetime | None:
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


class Database:
    """One SQLite connection shared by the server thread and the test thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=OFF")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(SCHEMA)
        self._add_later_columns()

    def _add_later_columns(self) -> None:
        for table, column, declaration in LATER_COLUMNS:
            names = {row[1] for row in self._conn.execute(f"PRAGMA table_info({table})")}
            if column not in names:
                self._conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self._lock:
            return self._conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._lock:
            cursor = self._conn.execute(sql, params)
            return cursor.lastrowid or 0

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._lock:
            self._conn.executemany(sql, rows)

    def is_seeded(self) -> bool:
        return self.scalar("SELECT value FROM meta WHERE key = 'seed'") is not None
