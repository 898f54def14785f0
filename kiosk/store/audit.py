"""The audit trail: one row per thing that happened at the counter. Never personal data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from kiosk.store import models

T = models.table(models.Audit)


_INSERT = insert(T)  # prebuilt: compiled once (hot path of every validation)


def log(
    conn: Connection,
    *,
    at: datetime,
    action: str,
    token: str | None = None,
    booking_id: int | None = None,
    op_id: str | None = None,
    counter: str | None = None,
    staff: str | None = None,
    outcome: str | None = None,
    detail: str | None = None,
) -> None:
    conn.execute(
        _INSERT,
        {
            "at": at,
            "action": action,
            "token": token,
            "booking_id": booking_id,
            "op_id": op_id,
            "counter": counter,
            "staff": staff,
            "outcome": outcome,
            "detail": detail,
        },
    )


def since(conn: Connection, start: datetime, actions: tuple[str, ...] | None = None) -> list[Any]:
    stmt = select(T).where(T.c.at >= start)
    if actions:
        stmt = stmt.where(T.c.action.in_(actions))
    return list(conn.execute(stmt.order_by(T.c.id)))
