"""The cached venues (the admin's venue choice)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.store import models

T = models.Venue.__table__


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
