"""The store's single writers: the booking's use state, outbox transitions, the scan fallback."""

from __future__ import annotations

from datetime import timedelta

from kiosk.domain.booking import BookingStatus
from kiosk.domain.operations import OpKind, OpState
from kiosk.store import bookings, outbox
from tests.fixtures.store import NOW, booking_row, insert_bookings


def _record(conn, token="ABC234", booking_id=1, kind=OpKind.USE):
    return outbox.record(
        conn,
        kind=kind,
        token=token,
        booking_id=booking_id,
        now=NOW,
        counter="Accueil",
        staff="Marie",
        kiosk_id="k-1",
    )


def test_set_use_state_records_and_clears_the_use(db):
    insert_bookings(db, [booking_row(1, "ABC234")])
    with db.connect_writer() as conn, conn.begin():
        bookings.set_use_state(
            conn, 1, BookingStatus.USED, used_at=NOW, used_counter="Accueil", used_staff="Marie"
        )
        b = bookings.by_id(conn, 1)
        assert (b.status, b.used_at, b.used_counter, b.used_staff) == (
            BookingStatus.USED,
            NOW,
            "Accueil",
            "Marie",
        )
        bookings.set_use_state(conn, 1, BookingStatus.CONFIRMED)
        b = bookings.by_id(conn, 1)
        assert (b.status, b.used_at, b.used_counter, b.used_staff) == (
            BookingStatus.CONFIRMED,
            None,
            None,
            None,
        )


def test_set_use_state_keep_leaves_the_use_time(db):
    """Used elsewhere: not by us, but the time the cache knows stays."""
    insert_bookings(db, [booking_row(1, "ABC234")])
    with db.connect_writer() as conn, conn.begin():
        bookings.set_use_state(
            conn, 1, BookingStatus.USED, used_at=NOW, used_counter="Accueil", used_staff="Marie"
        )
        bookings.set_use_state(conn, 1, BookingStatus.USED, used_at=bookings.KEEP)
        b = bookings.by_id(conn, 1)
    assert (b.status, b.used_at, b.used_counter, b.used_staff) == (
        BookingStatus.USED,
        NOW,
        None,
        None,
    )


def test_last_done_op_is_the_last_settled_one(db):
    with db.connect_writer() as conn, conn.begin():
        first = _record(conn, kind=OpKind.USE)
        second = _record(conn, kind=OpKind.KEEP)
        _record(conn, kind=OpKind.USE)  # still pending: not settled
        outbox.mark_done(conn, first, NOW, 204)
        outbox.mark_done(conn, second, NOW + timedelta(minutes=1), 204)
    raw = db.engine.raw_connection()
    try:
        done = bookings.last_done_op(raw.driver_connection, "abc234")
        assert (done.kind, done.op_id, done.created_at, done.counter) == (
            "keep",
            second,
            NOW,
            "Accueil",
        )
        assert bookings.last_done_op(raw.driver_connection, "ZZZZZ2") is None
    finally:
        raw.close()


def test_mark_not_sent_clears_the_ambiguous_flag(db):
    with db.connect_writer() as conn, conn.begin():
        op_id = _record(conn)
        outbox.mark_attempt(conn, op_id, ambiguous=True)
        assert outbox.get(conn, op_id).ambiguous
        outbox.mark_not_sent(conn, op_id)
        op = outbox.get(conn, op_id)
    assert not op.ambiguous and op.attempts == 1


def test_operations_move_from_a_stand_in_to_the_real_booking(db):
    with db.connect_writer() as conn, conn.begin():
        op_id = _record(conn, booking_id=-5)
        [(row_id, state)] = outbox.states_of_booking(conn, -5)
        assert state is OpState.PENDING
        outbox.move_to_booking(conn, -5, 42)
        assert outbox.states_of_booking(conn, -5) == []
        assert outbox.states_of_booking(conn, 42) == [(row_id, OpState.PENDING)]
        assert outbox.get(conn, op_id).booking_id == 42


def test_set_use_state_raw_matches_the_core_writer(db):
    """Recovery's variant (plain sqlite3 connection, stored ISO text) writes the same columns."""
    insert_bookings(db, [booking_row(1, "ABC234"), booking_row(2, "ABC235")])
    with db.connect_writer() as conn, conn.begin():
        bookings.set_use_state(
            conn, 1, BookingStatus.USED, used_at=NOW, used_counter="Accueil", used_staff="Marie"
        )
    raw = db.engine.raw_connection()
    try:
        stored = raw.driver_connection.execute("SELECT used_at FROM booking WHERE id = 1")
        bookings.set_use_state_raw(
            raw.driver_connection,
            2,
            BookingStatus.USED,
            used_at=stored.fetchone()[0],
            used_counter="Accueil",
            used_staff="Marie",
        )
    finally:
        raw.close()
    with db.connect() as conn:
        one, two = bookings.by_id(conn, 1), bookings.by_id(conn, 2)
    assert (two.status, two.used_at, two.used_counter, two.used_staff) == (
        one.status,
        one.used_at,
        one.used_counter,
        one.used_staff,
    )
