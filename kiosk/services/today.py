"""Today at this counter: its validations and invalidations, with their sync state (no Qt).

Read from the outbox (what this counter recorded, and whether pass Culture has it) joined with
the booking cache (offer and youth). "Today" is the calendar day of the counter's venue, in its
department's timezone (the machine's own zone is often left at UTC), like every date on screen.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, tzinfo

from sqlalchemy.engine import Connection

from kiosk.domain.timezones import zone_for
from kiosk.store import outbox, venues


@dataclass(frozen=True, slots=True)
class TodayRow:
    at: datetime  # aware, in the counter's timezone
    token: str
    kind: str  # "use" | "keep"
    state: str  # "pending" | "done" | "conflict"
    unverified: bool
    offer: str | None
    youth: str | None
    quantity: int | None
    staff: str | None
    op_id: str = ""
    acknowledged: bool = False  # a conflict marked "Traité": no longer counted
    undone: bool = False  # a validation invalidated since (a later accepted "keep")
    conflict: str | None = None  # the conflict's kind (`Conflict` value), named in the list


@dataclass
class TodayCounts:
    validated: int = 0  # validations recorded today (people served)
    places: int = 0  # places handed over (DUO counts 2)
    unvalidated: int = 0
    pending: int = 0  # waiting to reach pass Culture
    conflicts: int = 0
    to_confirm: int = 0
    per_hour: list[int] = field(default_factory=lambda: [0] * 24)  # validations by local hour


def counter_zone(conn: Connection, venue_ids: Collection[int]) -> tzinfo | None:
    """The timezone of the counter's venue (the first configured one the cache knows; with
    none configured, the first the cache knows), from its department; None (the machine's
    zone) before the venues are synced."""
    found = venues.department_codes(conn, venue_ids)
    for vid in [*venue_ids, *found]:  # no venue configured: every venue the key sees
        if vid in found:
            return zone_for(found[vid])
    return None


def day_bounds(now: datetime, zone: tzinfo | None = None) -> tuple[datetime, datetime]:
    """Start and end of `now`'s calendar day in `zone` (None: the machine's), as aware
    datetimes (the day is a wall-clock day: 23 or 25 hours when the clocks change)."""
    local = now.astimezone(zone)
    start = datetime.combine(local.date(), time.min, tzinfo=local.tzinfo)
    end = datetime.combine(local.date() + timedelta(days=1), time.min, tzinfo=local.tzinfo)
    if zone is None:  # a fixed-offset tzinfo: let the machine's zone resolve each midnight
        start, end = start.replace(tzinfo=None).astimezone(), end.replace(tzinfo=None).astimezone()
    return start, end


def rows(
    conn: Connection,
    now: datetime,
    *,
    kiosk_id: str | None = None,
    zone: tzinfo | None = None,
    limit: int = 500,
) -> list[TodayRow]:
    """This counter's operations of the day in `zone`, newest first."""
    start, end = day_bounds(now, zone)
    out = []
    kept: set[str] = set()  # tokens invalidated by a newer operation (rows come newest first)
    for r in outbox.recorded_between(conn, start, end, kiosk_id=kiosk_id, limit=limit):
        name = " ".join(p for p in (r.first_name, r.last_name) if p) or None
        undone = False
        if r.kind == "keep" and r.state != "conflict":  # a refused invalidation undid nothing
            kept.add(r.token)
        elif r.kind == "use" and r.token in kept:
            undone = True
            kept.discard(r.token)
        out.append(
            TodayRow(
                at=r.created_at.astimezone(zone),
                token=r.token,
                kind=r.kind,
                state=r.state,
                unverified=r.unverified,
                offer=r.offer_name,
                youth=name,
                quantity=r.quantity,
                staff=r.staff,
                op_id=r.op_id,
                acknowledged=r.acknowledged,
                undone=undone,
                conflict=r.conflict if r.state == "conflict" else None,
            )
        )
    return out


def counts(day_rows: list[TodayRow]) -> TodayCounts:
    c = TodayCounts()
    for r in day_rows:
        if r.state == "pending":
            c.pending += 1
        elif r.state == "conflict" and not r.acknowledged:
            c.conflicts += 1
        if r.kind == "keep":
            c.unvalidated += 1
            continue
        if r.undone:
            continue  # invalidated since: nobody was served, no place handed over
        c.validated += 1
        c.places += r.quantity or 1
        if r.unverified and r.state == "pending":
            c.to_confirm += 1
        c.per_hour[r.at.hour] += 1
    return c
