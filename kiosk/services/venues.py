"""The venues this kiosk knows (learned at sync), for the settings' venue choice."""

from __future__ import annotations

from kiosk.store import venues
from kiosk.store.database import Database
from kiosk.store.venues import VenueName

__all__ = ["VenueName", "known_venues"]


def known_venues(db: Database) -> list[VenueName]:
    """One small indexed read (a handful of rows): cheap enough to call from the GUI thread."""
    with db.connect() as conn, conn.begin():
        return venues.names(conn)
