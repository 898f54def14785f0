"""Found by the crash harness: a code validated "to confirm", then settled by the server's 410
as ours (the booking is never learned), must not be recordable a second time offline."""

from __future__ import annotations

from kiosk.domain.verdict import VerdictKind
from kiosk.store import outbox


def test_a_code_this_counter_already_sent_is_already_used(db, counter, clock):
    first = counter.validate("ZZZ234", staff="Ana", unverified=True)
    assert first.verdict.kind is VerdictKind.TO_CONFIRM
    with db.connect_writer() as conn, conn.begin():
        outbox.mark_done(conn, first.op_id, clock(), 410)  # "already validated": ours
    clock.advance(minutes=5)
    again = counter.validate("zzz234", staff="Bob", unverified=True)
    assert again.verdict.kind is VerdictKind.ALREADY_USED
    assert again.verdict.used_staff == "Ana" and again.op_id is None
    with db.connect() as conn:
        assert len(outbox.all_ops(conn)) == 1


def test_validate_online_gives_the_servers_refusal_not_unknown_offline(make_kiosk, sandbox):
    """Found by the soak: a cancelled or unknown code validated online came back "unknown
    offline" (the server's 410/404 carries no booking to cache), inviting a *to confirm*."""
    from tests.unit.sync.conftest import sandbox_token

    kiosk = make_kiosk()
    cancelled = sandbox_token(sandbox, status="CANCELLED")["token"]
    assert kiosk.counter.validate(cancelled).verdict.kind is VerdictKind.CANCELLED
    assert kiosk.counter.validate("ZZZ234").verdict.kind is VerdictKind.UNKNOWN
    assert kiosk.ops() == []
