"""The cached venues (the admin's venue choice)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.store import models

T = models.table(models.Venue)


@dataclass(frozen=True, slots=True)
class VenueName:
    id: int
    name: str
    public_name: str | None
    city: str | None

    @property
    def label(self) -> str:
        """What staff recognise: the public name, the city, the number."""
        return f"{self.public_name or self.name} — {self.city or ''} (n° {self.id})"


_NAMES = select(T.c.id, T.c.name, T.c.public_name, T.c.city).order_by(T.c.id)


def names(conn: Connection) -> list[VenueName]:
    return [VenueName(r.id, r.name, r.public_name, r.city) for r in conn.execute(_NAMES)]


def department_codes(conn: Connection, venue_ids: Collection[int] = ()) -> dict[int, str | None]:
    """Department code of the cached venues (only `venue_ids` when given), by venue id."""
    stmt = select(T.c.id, T.c.department_code).order_by(T.c.id)
    if venue_ids:
        stmt = stmt.where(T.c.id.in_(list(venue_ids)))
    return {r[0]: r[1] for r in conn.execute(stmt)}


@dataclass(frozen=True, slots=True)
class VenuePlace:
    id: int
    name: str
    department_code: str | None


def by_name(conn: Connection) -> dict[str, VenuePlace]:
    """Cached venues by name and by public name (an export names venues, not ids); a public
    name wins over another venue's equal name."""
    rows = {r.name: r for r in conn.execute(select(T))}
    rows.update({r.public_name: r for r in rows.copy().values() if r.public_name})
    return {k: VenuePlace(r.id, r.name, r.department_code) for k, r in rows.items()}
