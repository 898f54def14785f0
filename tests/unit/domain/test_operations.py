"""Operations as domain types: their stored values, and the store building them from rows."""

from __future__ import annotations

from kiosk.domain.operations import Conflict, Operation, OpKind, OpState
from kiosk.store import outbox
from kiosk.sync import conflicts
from tests.fixtures.store import NOW


def test_stored_values_do_not_change():
    """These strings are in every kiosk's outbox table: renaming one strands old rows."""
    assert [k.value for k in OpKind] == ["use", "keep"]
    assert [s.value for s in OpState] == ["pending", "done", "conflict"]
    assert {c.value for c in Conflict} == {
        "used_elsewhere",
        "cancelled",
        "reimbursed",
        "too_early",
        "not_found",
        "not_used",
        "activation_code",
        "mismatch",
        "structure_closed",
        "payment_locked",
        "refused",
    }


def test_old_import_paths_still_work_for_now():
    assert outbox.Operation is Operation and outbox.OpKind is OpKind
    assert outbox.OpState is OpState and conflicts.Conflict is Conflict


def test_store_builds_domain_operations(db):
    with db.connect_writer() as conn, conn.begin():
        op_id = outbox.record(
            conn,
            kind=OpKind.KEEP,
            token="abc234",
            booking_id=1,
            now=NOW,
            counter="Accueil",
            staff=None,
            kiosk_id="k-1",
        )
        op = outbox.get(conn, op_id)
    assert isinstance(op, Operation)
    assert (op.kind, op.state, op.token, op.created_at) == (
        OpKind.KEEP,
        OpState.PENDING,
        "ABC234",
        NOW,
    )
