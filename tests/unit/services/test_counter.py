"""The counter service on a real SQLite file: check, validate, unvalidate, to-confirm."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from kiosk.domain.operations import OpKind, OpState
from kiosk.domain.verdict import VerdictKind
from kiosk.store import audit, models, outbox
from tests.fixtures.store import NOW, OTHER_VENUE, booking_row, insert_bookings


def _ops(db):
    with db.connect() as conn:
        return outbox.all_ops(conn)


def test_check_changes_nothing(db, counter):
    insert_bookings(db, [booking_row(1, "ABC234")])
    result = counter.check("PASSCULTURE:v3;TOKEN:abc234")
    assert result.verdict.kind is VerdictKind.VALIDABLE
    assert result.booking.offer_name == "Le Petit Prince"
    assert result.source == "local"
    assert _ops(db) == []


def test_validate_writes_state_outbox_and_audit_together(db, counter):
    insert_bookings(db, [booking_row(1, "ABC234")])
    result = counter.validate("ABC234", staff="Marie")
    assert result.verdict.kind is VerdictKind.VALIDATED
    assert result.booking.status.value == "USED"
    [op] = _ops(db)
    assert (op.kind, op.token, op.booking_id, op.staff, op.counter, op.state) == (
        OpKind.USE,
        "ABC234",
        1,
        "Marie",
        "Accueil",
        OpState.PENDING,
    )
    assert op.op_id == result.op_id and len(op.op_id) == 36
    with db.connect() as conn:
        row = conn.execute(select(models.Outbox.__table__)).first()._mapping
        assert row["kiosk_id"] == "k-1"
        assert (
            row["created_local"].endswith(("+00:00", "+01:00", "+02:00"))
            or "+" in row["created_local"]
        )
        [entry] = audit.since(conn, NOW - timedelta(days=1))
        assert (entry.action, entry.token, entry.staff, entry.op_id) == (
            "validate",
            "ABC234",
            "Marie",
            op.op_id,
        )


def test_validate_twice_says_already_used_with_when_where_who_and_no_second_row(db, counter):
    insert_bookings(db, [booking_row(1, "ABC234")])
    counter.validate("ABC234", staff="Marie")
    again = counter.validate("abc234")
    assert again.verdict.kind is VerdictKind.ALREADY_USED
    assert again.verdict.used_counter == "Accueil"
    assert again.verdict.used_staff == "Marie"
    assert again.verdict.used_at == NOW
    assert len(_ops(db)) == 1


def test_refusals_record_nothing(db, counter, clock):
    insert_bookings(
        db,
        [
            booking_row(1, "AAAAA2", status="CANCELLED"),
            booking_row(2, "AAAAA3", status="REIMBURSED"),
            booking_row(3, "AAAAA4", cancellation_limit=NOW + timedelta(hours=5)),
            booking_row(4, "AAAAA5", venue_id=OTHER_VENUE, venue_name="Autre salle"),
        ],
    )
    kinds = [counter.validate(t).verdict.kind for t in ("AAAAA2", "AAAAA3", "AAAAA4", "AAAAA5")]
    assert kinds == [
        VerdictKind.CANCELLED,
        VerdictKind.REIMBURSED,
        VerdictKind.TOO_EARLY,
        VerdictKind.WRONG_VENUE,
    ]
    assert _ops(db) == []
    clock.advance(hours=6)
    assert counter.validate("AAAAA4").verdict.kind is VerdictKind.VALIDATED


def test_invalid_scan(counter):
    result = counter.validate("9782070612758")
    assert result.verdict.kind is VerdictKind.INVALID_SCAN
    assert result.verdict.reason


def test_garbled_scan_validates_the_right_booking(db, counter):
    insert_bookings(db, [booking_row(1, "ABC123")])
    result = counter.validate('PQSSCULTUREMv"mTOKENMQBC&é"')
    assert result.verdict.kind is VerdictKind.VALIDATED
    assert result.token == "ABC123"


def test_duo_booking(db, counter):
    insert_bookings(db, [booking_row(1, "DUO234", quantity=2)])
    result = counter.check("DUO234")
    assert result.booking.is_duo and result.booking.total_price_cents == 2500


def test_unvalidate(db, counter):
    insert_bookings(db, [booking_row(1, "ABC234"), booking_row(2, "ABC235")])
    counter.validate("ABC234", staff="Marie")
    undone = counter.unvalidate("ABC234", staff="Paul")
    assert undone.verdict.kind is VerdictKind.UNVALIDATED
    assert undone.booking.status.value == "CONFIRMED"
    ops = _ops(db)
    assert [o.kind for o in ops] == [OpKind.USE, OpKind.KEEP]
    assert ops[1].staff == "Paul"
    # refused unless used
    assert counter.unvalidate("ABC235").verdict.kind is VerdictKind.NOT_USED
    assert len(_ops(db)) == 2
    # validated again after the invalidation: allowed
    assert counter.validate("ABC234").verdict.kind is VerdictKind.VALIDATED


def test_unvalidate_refused_when_reimbursed_or_cancelled(db, counter):
    insert_bookings(
        db,
        [
            booking_row(1, "AAAAA2", status="REIMBURSED"),
            booking_row(2, "AAAAA3", status="CANCELLED"),
        ],
    )
    assert counter.unvalidate("AAAAA2").verdict.kind is VerdictKind.REIMBURSED
    assert counter.unvalidate("AAAAA3").verdict.kind is VerdictKind.CANCELLED
    assert _ops(db) == []


def test_unknown_offline_then_to_confirm_with_picked_booking(db, counter):
    insert_bookings(db, [booking_row(7, None, first_name="Éloïse", last_name="Dupré")])
    first = counter.validate("ZZZ234")
    assert first.verdict.kind is VerdictKind.UNKNOWN_OFFLINE
    [found] = counter.find_to_collect("eloise dupre")
    assert found.id == 7
    recorded = counter.validate("ZZZ234", unverified=True, booking_id=7, staff="Marie")
    assert recorded.verdict.kind is VerdictKind.TO_CONFIRM
    assert recorded.unverified
    [op] = _ops(db)
    assert op.unverified and op.booking_id == 7
    # the picked booking is no longer offered for collection
    assert counter.find_to_collect("eloise") == []
    assert counter.check("ZZZ234").verdict.kind is VerdictKind.ALREADY_USED


def test_name_search_is_restricted_to_bookings_to_collect_here(db, counter):
    insert_bookings(
        db,
        [
            booking_row(1, None, last_name="Bernard"),
            booking_row(2, None, last_name="Bernard", status="USED"),
            booking_row(3, None, last_name="Bernard", venue_id=OTHER_VENUE),
            booking_row(4, None, last_name="Bern%rd"),
        ],
    )
    assert [b.id for b in counter.find_to_collect("bernard")] == [1]
    assert [b.id for b in counter.find_to_collect("%")] == [4]
    assert counter.find_to_collect("   ") == []
