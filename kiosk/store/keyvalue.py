"""Get and put on a two-column key/value table (`sync_state`, `setting`)."""

from __future__ import annotations

from sqlalchemy import Table, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Connection


class KeyValue:
    def __init__(self, table: Table) -> None:
        self.table = table

    def get(self, conn: Connection, key: str) -> str | None:
        t = self.table
        value: str | None = conn.execute(select(t.c.value).where(t.c.key == key)).scalar()
        return value

    def put(self, conn: Connection, key: str, value: str | None) -> None:
        t = self.table
        stmt = insert(t).values(key=key, value=value)
        conn.execute(stmt.on_conflict_do_update(index_elements=[t.c.key], set_={"value": value}))
