"""The `staff` table: accounts (name, PIN hash, active). Rows are never deleted: past
validations still name the person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from kiosk.store import models

T = models.table(models.Staff)


class NameTaken(Exception):
    """Another account already has this name (names are unique)."""


@dataclass(frozen=True, slots=True)
class StaffRow:
    id: int
    name: str
    active: bool
    pin_hash: str


def _row(r: Any) -> StaffRow:
    return StaffRow(r.id, r.name, bool(r.active), r.pin_hash)


_COLUMNS = (T.c.id, T.c.name, T.c.active, T.c.pin_hash)


def members(conn: Connection, *, include_inactive: bool = False) -> list[StaffRow]:
    """Accounts by name (case-insensitive), active ones only unless asked."""
    stmt = select(*_COLUMNS).order_by(func.lower(T.c.name))
    if not include_inactive:
        stmt = stmt.where(T.c.active.is_(True))
    return [_row(r) for r in conn.execute(stmt)]


def get(conn: Connection, staff_id: int) -> StaffRow | None:
    r = conn.execute(select(*_COLUMNS).where(T.c.id == staff_id)).first()
    return _row(r) if r else None


def add(conn: Connection, name: str, pin_hash: str, now: datetime) -> int:
    """A new active account; its id. Raises NameTaken (the transaction must then end)."""
    try:
        result = conn.execute(
            insert(T).values(name=name, pin_hash=pin_hash, active=True, created_at=now)
        )
    except IntegrityError:
        raise NameTaken(name) from None
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def set_active(conn: Connection, staff_id: int, active: bool) -> None:
    conn.execute(update(T).where(T.c.id == staff_id).values(active=active))


def set_pin_hash(conn: Connection, staff_id: int, pin_hash: str) -> None:
    conn.execute(update(T).where(T.c.id == staff_id).values(pin_hash=pin_hash))
