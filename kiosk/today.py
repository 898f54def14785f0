"""Today at this counter: its validations and invalidations, with their sync state (no Qt).

Read from the outbox (what this counter recorded, and whether pass Culture has it) joined with
the booking cache (offer and youth). "Today" is the kiosk's local calendar day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.store import models

OUTBOX = models.Outbox.__table__
BOOKING = models.Booking.__table__


@dataclass(frozen=True, slots=True)
class TodayRow:
    at: datetime  # aware, UTC
    token: str
    kind: str  # "use" | "keep"
    state: str  # "pending" | "done" | "conflict"
    unverified: bool
    offer: str | None
    youth: str | None
    quantity: int | None
    staff: str | None


@dataclass
class TodayCounts:
    validated: int = 0  # validations recorded today (people served)
    places: int = 0  # places handed over (DUO counts 2)
    unvalidated: int = 0
    pending: int = 0  # waiting to reach pass Culture
    conflicts: int = 0
    to_confirm: int = 0
    per_hour: list[int] = field(default_factory=lambda: [0] * 24)  # validations by local hour


def day_bounds(now: datetime) -> tuple[datetime, datetime]:
    """Start and end of `now`'s local calendar day, as aware datetimes."""
    local = now.astimezone()
    start = datetime.combine(local.date(), time.min, tzinfo=local.tzinfo)
    return start, start + timedelta(days=1)


def rows(
    conn: Connection, now: datetime, *, kiosk_id: str | None = None, limit: int = 500
) -> list[TodayRow]:
    """This counter's operations of the day, newest first."""
    start, end = day_bounds(now)
    stmt = (
        select(
            OUTBOX.c.created_at,
            OUTBOX.c.token,
            OUTBOX.c.kind,
            OUTBOX.c.state,
            OUTBOX.c.unverified,
            OUTBOX.c.staff,
            BOOKING.c.offer_name,
            BOOKING.c.first_name,
            BOOKING.c.last_name,
            BOOKING.c.quantity,
        )
        .select_from(OUTBOX.outerjoin(BOOKING, BOOKING.c.id == OUTBOX.c.booking_id))
        .where(OUTBOX.c.created_at >= start, OUTBOX.c.created_at < end)
        .order_by(OUTBOX.c.id.desc())
        .limit(limit)
    )
    if kiosk_id:
        stmt = stmt.where(OUTBOX.c.kiosk_id == kiosk_id)
    out = []
    for r in conn.execute(stmt):
        name = " ".join(p for p in (r.first_name, r.last_name) if p) or None
        out.append(
            TodayRow(
                at=r.created_at,
                token=r.token,
                kind=r.kind,
                state=r.state,
                unverified=bool(r.unverified),
                offer=r.offer_name,
                youth=name,
                quantity=r.quantity,
                staff=r.staff,
            )
        )
    return out


def counts(day_rows: list[TodayRow]) -> TodayCounts:
    c = TodayCounts()
    for r in day_rows:
        if r.state == "pending":
            c.pending += 1
        elif r.state == "conflict":
            c.conflicts += 1
        if r.kind == "keep":
            c.unvalidated += 1
            continue
        c.validated += 1
        c.places += r.quantity or 1
        if r.unverified and r.state == "pending":
            c.to_confirm += 1
        c.per_hour[r.at.astimezone().hour] += 1
    return c
