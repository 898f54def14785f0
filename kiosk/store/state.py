"""Small key/value facts about the cache: last pull, cursors, kiosk identity."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.engine import Connection

from kiosk.store import models
from kiosk.store.keyvalue import KeyValue

T = models.table(models.SyncState)
_kv = KeyValue(T)
get = _kv.get
put = _kv.put


def get_time(conn: Connection, key: str) -> datetime | None:
    value = get(conn, key)
    return datetime.fromisoformat(value) if value else None


def put_time(conn: Connection, key: str, value: datetime) -> None:
    put(conn, key, value.isoformat())


PULLED_AT = "bookings_pulled_at"  # the cache's age: when bookings were last fully refreshed
KIOSK_ID = "kiosk_id"
