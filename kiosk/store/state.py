"""Small key/value facts about the cache: last pull, cursors, kiosk identity."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Connection

from kiosk.store import models

T = models.table(models.SyncState)


def get(conn: Connection, key: str) -> str | None:
    return conn.execute(select(T.c.value).where(T.c.key == key)).scalar_one_or_none()


def put(conn: Connection, key: str, value: str | None) -> None:
    stmt = insert(T).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=[T.c.key], set_={"value": value}))


def get_time(conn: Connection, key: str) -> datetime | None:
    value = get(conn, key)
    return datetime.fromisoformat(value) if value else None


def put_time(conn: Connection, key: str, value: datetime) -> None:
    put(conn, key, value.isoformat())


PULLED_AT = "bookings_pulled_at"  # the cache's age: when bookings were last fully refreshed
KIOSK_ID = "kiosk_id"
