"""The reimbursement date in the booking cache: the migration, pulls and imported exports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, text

from kiosk.store import bookings, migrate
from kiosk.store.database import Database
from tests.fixtures.store import NOW, booking_row


def _row(db: Database, booking_id: int):
    with db.connect() as conn:
        return conn.execute(select(bookings.T).where(bookings.T.c.id == booking_id)).one()


def _clean(**over):
    row = booking_row(1, None, **over)
    row.pop("_token")
    return row


def test_migration_dates_reimbursements_already_cached(data_dir: Path) -> None:
    db = Database.open(data_dir, migrate=False)
    with db.engine.begin() as conn:
        migrate.upgrade(conn, "0002")
        conn.execute(
            text(
                "INSERT INTO booking (id, status, quantity, price_cents, offer_id, offer_name, "
                "venue_id, venue_name, closed_at) VALUES "
                "(1, 'REIMBURSED', 1, 500, 1, 'Livre', 1, 'Lieu', :at1),"
                "(2, 'USED', 1, 500, 1, 'Livre', 1, 'Lieu', :at2)"
            ),
            {"at1": "2026-10-01T08:00:00.000000+00:00", "at2": "2026-10-02T08:00:00.000000+00:00"},
        )
    db.upgrade()
    first, second = _row(db, 1), _row(db, 2)
    assert first.reimbursed_at == datetime(2026, 10, 1, 8, tzinfo=UTC)
    assert first.reimbursed_source == "pull"
    assert second.reimbursed_at is None
    with db.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    db.dispose()


def test_pull_dates_the_first_sight_and_an_export_brings_the_real_date(db: Database) -> None:
    with db.connect_writer() as conn, conn.begin():
        bookings.upsert(conn, [_clean(status="USED")], NOW)
    assert _row(db, 1).reimbursed_at is None
    with db.connect_writer() as conn, conn.begin():
        bookings.upsert(conn, [_clean(status="REIMBURSED")], NOW + timedelta(days=1))
    with db.connect_writer() as conn, conn.begin():  # a later pull keeps the first date
        bookings.upsert(conn, [_clean(status="REIMBURSED")], NOW + timedelta(days=5))
    row = _row(db, 1)
    assert (row.reimbursed_at, row.reimbursed_source) == (NOW + timedelta(days=1), "pull")
    paid = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    with db.connect_writer() as conn, conn.begin():
        bookings.mark_reimbursed(conn, 1, paid, NOW + timedelta(days=6), "import")
        bookings.upsert(conn, [_clean(status="REIMBURSED")], NOW + timedelta(days=7))
    row = _row(db, 1)
    assert (row.reimbursed_at, row.reimbursed_source) == (paid, "import")


def test_an_export_never_reimburses_a_cancelled_booking(db: Database) -> None:
    with db.connect_writer() as conn, conn.begin():
        bookings.upsert(conn, [_clean(status="CANCELLED")], NOW)
        bookings.mark_reimbursed(conn, 1, NOW, NOW, "import")
    row = _row(db, 1)
    assert (row.status, row.reimbursed_at) == ("CANCELLED", None)
