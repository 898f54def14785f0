"""The `setting` table: small key/value facts of this kiosk (PIN hashes, PIN back-off)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Connection

from kiosk.store import models

T = cast(Table, models.Setting.__table__)  # a Table, which mypy cannot see


def get(conn: Connection, key: str) -> str | None:
    return conn.execute(select(T.c.value).where(T.c.key == key)).scalar_one_or_none()


def put(conn: Connection, key: str, value: str | None) -> None:
    stmt = insert(T).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=[T.c.key], set_={"value": value}))
