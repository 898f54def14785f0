"""What the pull writes through the store: venues, offers and their stocks, event dates onto
bookings, and the queries that drive the booking walks."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from kiosk.store import bookings, catalogue
from kiosk.store.database import Database
from tests.fixtures.store import NOW, OTHER_VENUE, VENUE, booking_row, insert_bookings

SHOW = NOW + timedelta(days=5)


def _offer(id: int, **over: Any) -> dict[str, Any]:
    row = {
        "id": id,
        "venue_id": VENUE,
        "name": f"Offre {id}",
        "subcategory_id": "LIVRE_PAPIER",
        "is_event": False,
        "is_digital": False,
        "address": None,
        "department_code": None,
    }
    row.update(over)
    return row


def _stock(id: int, offer_id: int, beginning=None, price: int = 1000) -> dict[str, Any]:
    return {
        "id": id,
        "offer_id": offer_id,
        "beginning": beginning,
        "booking_limit": None,
        "price_cents": price,
        "price_category_label": None,
        "quantity": None,
        "booked_quantity": 0,
    }


def _venue() -> dict[str, Any]:
    return {
        "id": VENUE,
        "name": "Librairie du Centre SARL",
        "public_name": "Librairie du Centre",
        "offerer_name": "Librairie",
        "address": "1 rue de la Paix",
        "postal_code": "75002",
        "city": "Paris",
        "department_code": "75",
    }


def _all(db: Database, table) -> list[dict[str, Any]]:
    with db.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(table).order_by(table.c.id))]


def test_offers_at_their_venue_take_its_address_and_department(db):
    with db.connect_writer() as conn, conn.begin():
        catalogue.upsert_venues(conn, [_venue()], NOW)
        catalogue.replace_offers(
            conn,
            [
                _offer(1),
                _offer(2, address="Ailleurs", department_code="13"),
                _offer(3, is_digital=True),
            ],
            [],
        )
        catalogue.fill_offer_addresses(conn)
    offers = {o["id"]: o for o in _all(db, catalogue.OFFERS)}
    assert (offers[1]["address"], offers[1]["department_code"]) == (
        "1 rue de la Paix, 75002 Paris",
        "75",
    )
    assert (offers[2]["address"], offers[2]["department_code"]) == ("Ailleurs", "13")
    assert offers[3]["address"] is None  # digital: no place to go
    assert _all(db, catalogue.VENUES)[0]["synced_at"] == NOW


def test_an_offer_page_replaces_the_offers_stocks(db):
    with db.connect_writer() as conn, conn.begin():
        catalogue.replace_offers(conn, [_offer(1)], [_stock(10, 1), _stock(11, 1)])
    with db.connect_writer() as conn, conn.begin():
        catalogue.replace_offers(conn, [_offer(1, name="Renommée")], [_stock(11, 1, price=900)])
    assert [(s["id"], s["price_cents"]) for s in _all(db, catalogue.STOCKS)] == [(11, 900)]
    assert _all(db, catalogue.OFFERS)[0]["name"] == "Renommée"


def test_event_bookings_take_their_date_from_their_stock_in_the_range_asked(db):
    with db.connect_writer() as conn, conn.begin():
        catalogue.replace_offers(conn, [_offer(1, is_event=True)], [_stock(1001, 1, SHOW)])
        catalogue.replace_offers(conn, [_offer(2, is_event=True)], [_stock(1002, 2, SHOW)])
    insert_bookings(db, [booking_row(1, None), booking_row(2, None)])  # stocks 1001, 1002
    with db.connect_writer() as conn, conn.begin():
        bookings.fill_beginnings(conn, (2, 2))
    assert [b["beginning"] for b in _all(db, bookings.T)] == [None, SHOW]
    with db.connect_writer() as conn, conn.begin():
        bookings.fill_beginnings(conn)
    assert [b["beginning"] for b in _all(db, bookings.T)] == [SHOW, SHOW]


def test_the_walks_queries(db):
    insert_bookings(
        db,
        [
            booking_row(3, None),
            booking_row(7, None, status="CANCELLED", offer_id=11),
            booking_row(9, None, venue_id=OTHER_VENUE),
        ],
    )
    with db.connect() as conn:
        assert bookings.highest_id(conn, VENUE) == 7
        assert bookings.highest_id(conn, 999) is None
        assert bookings.confirmed_at(conn, [VENUE]) == [(3, 10)]
        assert sorted(bookings.confirmed_at(conn, [VENUE, OTHER_VENUE])) == [(3, 10), (9, 10)]
