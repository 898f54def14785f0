"""The venues the settings dialog offers, read through the service."""

from __future__ import annotations

import sqlalchemy as sa

from kiosk.services.venues import known_venues
from kiosk.store import models


def test_known_venues_with_a_label_staff_recognise(db):
    assert known_venues(db) == []
    with db.connect_writer() as conn, conn.begin():
        conn.execute(
            sa.insert(models.Venue.__table__),
            [
                {"id": 7, "name": "SARL Cinéma", "public_name": "Le Lux", "city": "Caen"},
                {"id": 3, "name": "Médiathèque", "public_name": None, "city": None},
            ],
        )
    found = known_venues(db)
    assert [v.id for v in found] == [3, 7]
    assert [v.label for v in found] == ["Médiathèque —  (n° 3)", "Le Lux — Caen (n° 7)"]
