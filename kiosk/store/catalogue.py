"""Venues, offers and their stocks (event dates, a product's stock): as the pull stores them,
and as the image downloads read them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Connection

from kiosk.store import models

VENUES = models.Venue.__table__
OFFERS = models.Offer.__table__
STOCKS = models.Stock.__table__


def _upsert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    stmt = insert(table).values(rows)
    cols = {c: stmt.excluded[c] for c in rows[0] if c != "id"}
    conn.execute(stmt.on_conflict_do_update(index_elements=[table.c.id], set_=cols))


def upsert_venues(conn: Connection, rows: list[dict[str, Any]], now: datetime) -> None:
    _upsert(conn, VENUES, [{**r, "synced_at": now} for r in rows])


def replace_offers(
    conn: Connection, rows: list[dict[str, Any]], stocks: list[dict[str, Any]]
) -> None:
    """Insert or refresh offers; their stocks are replaced by `stocks` (a date gone from the
    server's list is gone from the cache)."""
    _upsert(conn, OFFERS, rows)
    ids = [r["id"] for r in rows]
    if ids:
        conn.execute(delete(STOCKS).where(STOCKS.c.offer_id.in_(ids)))
    _upsert(conn, STOCKS, stocks)


def fill_offer_addresses(conn: Connection) -> None:
    """The offers list gives no address when the offer is at its venue: take the venue's
    (the catalogue shows it; the department gives event dates their timezone)."""
    conn.execute(
        text(
            "UPDATE offer SET address = COALESCE(address, (SELECT NULLIF(TRIM("
            "COALESCE(v.address || ', ', '') || COALESCE(v.postal_code || ' ', '') "
            "|| COALESCE(v.city, '')), '') "
            "FROM venue v WHERE v.id = offer.venue_id)), "
            "department_code = COALESCE(department_code, (SELECT v.department_code "
            "FROM venue v WHERE v.id = offer.venue_id)) "
            "WHERE is_digital = 0 AND (address IS NULL OR department_code IS NULL)"
        )
    )


_IMAGE_URLS = text(
    "SELECT image_url FROM offer WHERE image_url IS NOT NULL "
    "ORDER BY is_event DESC, next_date, id LIMIT :limit"
)


def image_urls(conn: Connection, limit: int = 5000) -> list[str]:
    """Image URLs of cached offers, soonest events and then the rest (most useful first)."""
    return list(conn.execute(_IMAGE_URLS, {"limit": limit}).scalars())
