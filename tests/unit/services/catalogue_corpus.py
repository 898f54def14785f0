"""A small fixed catalogue in a real SQLite database, for the catalogue tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from kiosk.store import models
from kiosk.store.database import Database
from tests.fixtures.store import NOW

VENUES = [
    {
        "id": 100,
        "name": "Médiathèque Louise Michel",
        "public_name": None,
        "address": "3 rue des Lilas",
        "postal_code": "75020",
        "city": "Paris",
        "department_code": "75",
    },
    {
        "id": 200,
        "name": "Le Dôme",
        "public_name": "Salle du Dôme",
        "address": "48 avenue de Saint-Just",
        "postal_code": "13004",
        "city": "Marseille",
        "department_code": "13",
    },
    {
        "id": 300,
        "name": "Plateformes numériques",
        "public_name": None,
        "address": None,
        "postal_code": None,
        "city": None,
        "department_code": None,
    },
]


def offer(id: int, name: str, sub: str = "LIVRE_PAPIER", **over: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": id,
        "venue_id": 100,
        "name": name,
        "description": None,
        "subcategory_id": sub,
        "is_event": False,
        "is_digital": False,
        "is_duo": False,
        "ean": None,
        "author": None,
        "performer": None,
        "image_url": None,
        "withdrawal_type": None,
        "withdrawal_details": None,
        "withdrawal_delay": None,
        "accessibility": None,
        "address": None,
        "department_code": "75",
        "min_price_cents": 1000,
        "max_price_cents": 1000,
        "next_date": None,
    }
    row.update(over)
    return row


def stock(id: int, offer_id: int, price: int, days: float | None = None, **over: Any):
    row: dict[str, Any] = {
        "id": id,
        "offer_id": offer_id,
        "price_cents": price,
        "beginning": None if days is None else NOW + timedelta(days=days),
        "booking_limit": None,
        "price_category_label": None,
        "quantity": None,
        "booked_quantity": 0,
    }
    row.update(over)
    return row


def event(id: int, name: str, sub: str, days: list[float], price: int, **over: Any):
    future = [d for d in days if d > 0]
    o = offer(
        id,
        name,
        sub,
        is_event=True,
        min_price_cents=price,
        max_price_cents=price,
        next_date=NOW + timedelta(days=min(future)) if future else None,
        **over,
    )
    s = [
        stock(id * 10 + i, id, price, d, price_category_label="Tarif unique", quantity=40)
        for i, d in enumerate(days)
    ]
    return o, s


def default_corpus() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    offers = [
        offer(1, "Le Théâtre de Molière", author="Molière", description="Trois pièces."),
        offer(2, "Histoire du spectacle", description="Une histoire du théâtre en France."),
        offer(3, "Les Misérables", author="Victor Hugo", min_price_cents=0, max_price_cents=0),
        offer(
            4,
            "Abonnement izneo BD & mangas - 1 mois",
            "ABO_LIVRE_NUMERIQUE",
            venue_id=300,
            is_digital=True,
            min_price_cents=999,
            max_price_cents=999,
            description="Des milliers de BD, mangas et comics en lecture numérique.",
        ),
        offer(
            5,
            "Visite 3D du musée de Cluny - musée national du Moyen Âge",
            "VISITE_VIRTUELLE",
            venue_id=300,
            is_digital=True,
            min_price_cents=0,
            max_price_cents=0,
            description="La Dame à la licorne, en 3D.",
        ),
        offer(6, "Secret technique", "ACTIVATION_THING"),
        offer(
            7,
            "Guitare folk d'occasion",
            "ACHAT_INSTRUMENT",
            min_price_cents=15000,
            max_price_cents=15000,
        ),
    ]
    stocks = [stock(-o["id"], o["id"], o["min_price_cents"]) for o in offers]
    for o, s in (
        event(
            10,
            "Orelsan en concert",
            "CONCERT",
            [3, 20],
            2500,
            venue_id=200,
            performer="Orelsan",
            is_duo=True,
            withdrawal_type="on_site",
            withdrawal_details="Billets à retirer au guichet 1 h avant.",
            accessibility='{"audio": false, "mental": true, "motor": true, "visual": false}',
            department_code="13",
        ),
        event(
            11,
            "Jazz au Dôme : concert du soir",
            "CONCERT",
            [12],
            1500,
            venue_id=200,
            department_code="13",
        ),
        event(12, "Atelier théâtre d'impro", "ATELIER_PRATIQUE_ART", [2], 0),
        event(13, "Concert passé", "CONCERT", [-3], 1000, venue_id=200),
    ):
        offers.append(o)
        stocks += s
    return offers, stocks


def insert_all(
    db: Database,
    offers: list[dict[str, Any]],
    stocks: list[dict[str, Any]] = (),
    venues: list[dict[str, Any]] = VENUES,
) -> None:
    with db.connect_writer() as conn, conn.begin():
        if venues:
            conn.execute(sa.delete(models.Venue.__table__))
            conn.execute(sa.insert(models.Venue.__table__), venues)
        if offers:
            conn.execute(sa.insert(models.Offer.__table__), offers)
        if stocks:
            conn.execute(sa.insert(models.Stock.__table__), list(stocks))


def load_default(db: Database) -> None:
    insert_all(db, *default_corpus())
