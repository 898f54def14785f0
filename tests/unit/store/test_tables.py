"""Store functions the services now call instead of holding SQL: staff, settings, venues."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from kiosk.domain.operations import OpKind
from kiosk.store import bookings, models, outbox, settings, staff, venues
from tests.fixtures.store import NOW, booking_row, insert_bookings


def test_staff_names_are_unique_and_rows_stay(db):
    with db.connect_writer() as conn, conn.begin():
        marie = staff.add(conn, "Marie", "h1", NOW)
        staff.add(conn, "arthur", "h2", NOW)
    with pytest.raises(staff.NameTaken), db.connect_writer() as conn, conn.begin():
        staff.add(conn, "Marie", "h3", NOW)
    with db.connect_writer() as conn, conn.begin():
        staff.set_active(conn, marie, False)
        staff.set_pin_hash(conn, marie, "h4")
        assert [m.name for m in staff.members(conn)] == ["arthur"]
        assert [m.name for m in staff.members(conn, include_inactive=True)] == ["arthur", "Marie"]
        assert staff.get(conn, marie) == staff.StaffRow(marie, "Marie", False, "h4")
        assert staff.get(conn, 999) is None


def test_settings_put_overwrites(db):
    with db.connect_writer() as conn, conn.begin():
        assert settings.get(conn, "k") is None
        settings.put(conn, "k", "1")
        settings.put(conn, "k", "2")
        assert settings.get(conn, "k") == "2"


def test_department_codes_of_some_or_all_venues(db):
    with db.connect_writer() as conn, conn.begin():
        conn.execute(
            sa.insert(models.Venue.__table__),
            [
                {"id": 2, "name": "B", "department_code": "974"},
                {"id": 1, "name": "A", "department_code": "75"},
            ],
        )
        assert venues.department_codes(conn) == {1: "75", 2: "974"}
        assert venues.department_codes(conn, [2, 3]) == {2: "974"}


def test_recorded_between_joins_the_booking_newest_first(db):
    insert_bookings(db, [booking_row(1, "ABC234")])
    with db.connect_writer() as conn, conn.begin():
        for token, booking_id, kiosk in (("ABC234", 1, "k-1"), ("ZZZZZ2", None, "k-2")):
            outbox.record(
                conn,
                kind=OpKind.USE,
                token=token,
                booking_id=booking_id,
                now=NOW,
                counter="Accueil",
                staff=None,
                kiosk_id=kiosk,
            )
        day = outbox.recorded_between(conn, NOW - timedelta(hours=1), NOW + timedelta(hours=1))
        assert [(r.token, r.offer_name) for r in day] == [
            ("ZZZZZ2", None),
            ("ABC234", "Le Petit Prince"),
        ]
        mine = outbox.recorded_between(conn, NOW, NOW + timedelta(hours=1), kiosk_id="k-1")
        assert [r.token for r in mine] == ["ABC234"]
        assert outbox.recorded_between(conn, NOW + timedelta(hours=1), NOW + timedelta(2)) == []


def test_venues_by_name_and_public_name(db):
    with db.connect_writer() as conn, conn.begin():
        conn.execute(
            sa.insert(models.Venue.__table__),
            [
                {"id": 1, "name": "SARL Lux", "public_name": "Le Lux", "department_code": "14"},
                {"id": 2, "name": "Le Lux", "public_name": None, "department_code": "75"},
                {"id": 3, "name": "Médiathèque", "public_name": None, "department_code": None},
            ],
        )
        found = venues.by_name(conn)
    assert found["SARL Lux"] == venues.VenuePlace(1, "SARL Lux", "14")
    assert found["Le Lux"].id == 1  # as before: the public name wins
    assert found["Médiathèque"].department_code is None


def test_find_same_booking_within_a_minute(db):
    insert_bookings(db, [booking_row(1, "ABC234")])
    with db.connect() as conn:
        b = bookings.by_id(conn, 1)
        key = bookings.search_key(b.first_name, b.last_name)
        near = b.created_at + timedelta(seconds=50)
        assert bookings.find_same_booking(conn, b.offer_name, key, near) == 1
        far = b.created_at + timedelta(seconds=70)
        assert bookings.find_same_booking(conn, b.offer_name, key, far) is None
        assert bookings.find_same_booking(conn, "Autre", key, b.created_at) is None
