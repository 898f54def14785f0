"""The `setting` table: small key/value facts of this kiosk (PIN hashes, PIN back-off)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Connection

from kiosk.store import models

T = models.table(models.Setting)


def get(conn: Connection, key: str) -> str | None:
    return conn.execute(select(T.c.value).where(T.c.key == key)).scalar_one_or_none()


def put(conn: Connection, key: str, value: str | None) -> None:
    stmt = insert(T).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=[T.c.key], set_={"value": value}))
