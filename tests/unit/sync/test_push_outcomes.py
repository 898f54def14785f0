"""Every push outcome against the real sandbox: done, conflict or retry — never lost."""

from __future__ import annotations

from kiosk.domain.operations import Conflict, OpState
from kiosk.domain.verdict import VerdictKind
from kiosk.sandbox.seed import MAIN_OFFERER_ID
from kiosk.sync.connectivity import NetState
from tests.unit.sync.conftest import assert_accounted, sandbox_token


def _learn_then_cut(kiosk, sandbox, *tokens: str) -> None:
    """An online check teaches the kiosk each token; then the network goes down."""
    for t in tokens:
        assert kiosk.counter.check(t).source == "online"
    sandbox.cut_network()


def test_online_validation_is_settled_at_once(make_kiosk, sandbox):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    result = kiosk.counter.validate(b["token"], staff="Marie")
    assert result.verdict.kind is VerdictKind.VALIDATED
    assert result.op_state is OpState.DONE and result.source == "online"
    assert sandbox.booking(b["token"])["status"] == "USED"
    assert_accounted(kiosk, sandbox)


def test_offline_validation_reaches_the_server_when_the_network_returns(make_kiosk, sandbox):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    _learn_then_cut(kiosk, sandbox, b["token"])
    result = kiosk.counter.validate(b["token"])
    assert result.verdict.kind is VerdictKind.VALIDATED
    assert result.source == "local" and result.op_state is OpState.PENDING
    assert kiosk.engine.sync_once().pushed == 0
    assert sandbox.booking(b["token"])["status"] == "CONFIRMED"
    sandbox.restore_network()
    summary = kiosk.engine.sync_once()
    assert summary.pushed == 1 and summary.conflicts == 0
    assert sandbox.booking(b["token"])["status"] == "USED"
    assert_accounted(kiosk, sandbox)


def test_youth_cancels_while_the_kiosk_is_offline(make_kiosk, sandbox):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    _learn_then_cut(kiosk, sandbox, b["token"])
    sandbox.world.cancel_by_beneficiary(MAIN_OFFERER_ID, b["token"])
    assert kiosk.counter.validate(b["token"]).verdict.kind is VerdictKind.VALIDATED
    sandbox.restore_network()
    summary = kiosk.engine.sync_once()
    assert summary.conflicts == 1
    [op] = kiosk.ops()
    assert op.state is OpState.CONFLICT and op.conflict == Conflict.CANCELLED
    assert kiosk.booking(b["token"]).status.value == "CANCELLED"
    assert kiosk.engine.status().conflicts == 1
    assert_accounted(kiosk, sandbox)


def test_same_booking_validated_offline_at_two_kiosks(make_kiosk, sandbox):
    one, two = make_kiosk("k1"), make_kiosk("k2")
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    for k in (one, two):
        assert k.counter.check(b["token"]).source == "online"
    sandbox.cut_network()
    for k in (one, two):
        assert k.counter.validate(b["token"]).verdict.kind is VerdictKind.VALIDATED
    sandbox.restore_network()
    results = [k.engine.sync_once() for k in (one, two)]
    assert [r.pushed for r in results] == [1, 0]
    assert [r.conflicts for r in results] == [0, 1]
    [conflict] = two.ops()
    assert conflict.conflict == Conflict.USED_ELSEWHERE
    assert sandbox.booking(b["token"])["status"] == "USED"
    for k in (one, two):
        assert_accounted(k, sandbox)


def test_timeout_after_the_server_committed_is_not_a_false_conflict(make_kiosk, sandbox):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    assert kiosk.counter.check(b["token"]).source == "online"
    sandbox.set_faults(drop_after_commit=1.0)
    result = kiosk.counter.validate(b["token"])
    assert result.verdict.kind is VerdictKind.VALIDATED  # recorded locally, outcome unknown
    assert result.op_state is OpState.PENDING
    assert sandbox.booking(b["token"])["status"] == "USED"  # the server did commit
    [op] = kiosk.ops()
    assert op.ambiguous
    sandbox.clear_faults()
    summary = kiosk.engine.sync_once()
    assert (summary.pushed, summary.conflicts) == (1, 0)
    assert_accounted(kiosk, sandbox)


def test_used_elsewhere_without_our_attempt_is_a_conflict(make_kiosk, sandbox):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    _learn_then_cut(kiosk, sandbox, b["token"])
    sandbox.world.use(MAIN_OFFERER_ID, b["token"])  # another counter, on the web Guichet
    kiosk.counter.validate(b["token"])
    sandbox.restore_network()
    assert kiosk.engine.sync_once().conflicts == 1
    assert kiosk.ops()[0].conflict == Conflict.USED_ELSEWHERE


def test_reimbursed_and_unknown_become_conflicts(make_kiosk, sandbox):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    _learn_then_cut(kiosk, sandbox, b["token"])
    kiosk.counter.validate(b["token"])
    kiosk.counter.validate("ZZZZZ2", unverified=True)  # never existed
    sandbox.restore_network()
    sandbox.world.use(MAIN_OFFERER_ID, b["token"])
    sandbox.world.reimburse(MAIN_OFFERER_ID, b["token"])
    summary = kiosk.engine.sync_once()
    assert summary.conflicts == 2
    conflicts = {op.token: op.conflict for op in kiosk.ops()}
    assert conflicts == {b["token"]: Conflict.REIMBURSED, "ZZZZZ2": Conflict.NOT_FOUND}
    assert_accounted(kiosk, sandbox)


def test_too_early_event_recorded_offline_becomes_a_conflict(make_kiosk, sandbox):
    kiosk = make_kiosk()
    kiosk.engine.sync_once(full=True)
    server_now = sandbox.now()
    b = next(
        x
        for x in sandbox.bookings(status="CONFIRMED")
        if x["isEvent"] and x["confirmationDate"] and x["confirmationDate"] > server_now.isoformat()
    )
    # staff picked it by name offline and recorded it to confirm (the token was never seen)
    sandbox.cut_network()
    recorded = kiosk.counter.validate(b["token"], unverified=True, booking_id=b["id"])
    assert recorded.verdict.kind is VerdictKind.TOO_EARLY  # the cache knows the window
    recorded = kiosk.counter.validate(b["token"], unverified=True)
    assert recorded.verdict.kind is VerdictKind.TO_CONFIRM
    sandbox.restore_network()
    assert kiosk.engine.sync_once().conflicts == 1
    [op] = kiosk.ops()
    assert op.conflict == Conflict.TOO_EARLY
    assert "Vous pourrez valider cette contremarque à partir du" in op.last_error


def test_unverified_validation_settles_and_learns_the_token(make_kiosk, sandbox):
    kiosk = make_kiosk()
    kiosk.engine.sync_once(full=True)
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False, venueId=1)
    other = next(
        x
        for x in sandbox.bookings(status="CONFIRMED", venue_id=1)
        if not x["isEvent"] and x["id"] != b["id"]
    )
    sandbox.cut_network()
    assert kiosk.counter.check(b["token"]).verdict.kind is VerdictKind.UNKNOWN_OFFLINE
    ok = kiosk.counter.validate(b["token"], unverified=True, booking_id=b["id"])
    wrong = kiosk.counter.validate(other["token"], unverified=True, booking_id=b["id"] + 0)
    assert ok.verdict.kind is VerdictKind.TO_CONFIRM
    assert wrong.verdict.kind is VerdictKind.ALREADY_USED  # that booking was just picked
    sandbox.restore_network()
    summary = kiosk.engine.sync_once()
    assert (summary.pushed, summary.conflicts) == (1, 0)
    assert kiosk.booking(b["token"]).id == b["id"]  # the token is now known
    assert sandbox.booking(b["token"])["status"] == "USED"
    assert_accounted(kiosk, sandbox)


def test_unverified_with_the_wrong_booking_picked_is_a_mismatch(make_kiosk, sandbox):
    kiosk = make_kiosk()
    kiosk.engine.sync_once(full=True)
    rows = [x for x in sandbox.bookings(status="CONFIRMED", venue_id=1) if not x["isEvent"]]
    presented, picked = rows[0], rows[1]
    sandbox.cut_network()
    kiosk.counter.validate(presented["token"], unverified=True, booking_id=picked["id"])
    sandbox.restore_network()
    assert kiosk.engine.sync_once().conflicts == 1
    [op] = kiosk.ops()
    assert op.conflict == Conflict.MISMATCH
    assert sandbox.booking(presented["token"])["status"] == "CONFIRMED"  # nothing was sent
    with kiosk.services.db.connect() as conn:
        from kiosk.store import bookings

        assert bookings.by_id(conn, picked["id"]).status.value == "CONFIRMED"


def test_server_errors_are_retried_until_done(make_kiosk, sandbox):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    assert kiosk.counter.check(b["token"]).source == "online"
    sandbox.set_faults(error_rate=1.0)
    kiosk.counter.validate(b["token"])
    summary = kiosk.engine.sync_once()
    assert summary.retries >= 1 and summary.pushed == 0
    [op] = kiosk.ops()
    assert op.state is OpState.PENDING and op.attempts >= 1 and "HTTP 500" in op.last_error
    sandbox.clear_faults()
    assert kiosk.engine.sync_once().pushed == 1
    assert_accounted(kiosk, sandbox)


def test_refused_key_stops_syncing_and_keeps_the_queue(make_kiosk, sandbox):
    good = make_kiosk("good")
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    assert good.counter.check(b["token"]).source == "online"
    bad = make_kiosk("bad", api_key="not-a-valid-key")
    summary = bad.engine.sync_once(full=True)
    assert summary.error and "clé" in summary.error.lower()
    assert bad.engine.connectivity.state is NetState.KEY_REFUSED
    # a validation recorded with a refused key stays queued, never dropped
    bad.counter.validate(b["token"], unverified=True)
    bad.engine.sync_once()
    [op] = bad.ops()
    assert op.state is OpState.PENDING


def test_network_cut_in_the_middle_of_a_push(make_kiosk, sandbox):
    import threading
    import time

    kiosk = make_kiosk()
    chosen = [b for b in sandbox.bookings(status="CONFIRMED", venue_id=1) if not b["isEvent"]][:6]
    _learn_then_cut(kiosk, sandbox, *(b["token"] for b in chosen))
    for b in chosen:
        kiosk.counter.validate(b["token"])
    sandbox.set_faults(latency_ms=150)
    sandbox.restore_network()

    def cut_after_first_use() -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if any(sandbox.booking(b["token"])["status"] == "USED" for b in chosen):
                sandbox.cut_network()
                return
            time.sleep(0.01)

    watcher = threading.Thread(target=cut_after_first_use)
    watcher.start()
    first = kiosk.engine.sync_once()
    watcher.join()
    assert 1 <= first.pushed < len(chosen)
    assert first.error or first.retries or first.pushed < len(chosen)
    sandbox.clear_faults()  # also restores the network
    second = kiosk.engine.sync_once()
    assert first.pushed + second.pushed == len(chosen)
    assert first.conflicts + second.conflicts == 0
    assert_accounted(kiosk, sandbox)


def test_an_idle_pass_does_not_claim_the_network_is_healthy(make_kiosk, sandbox):
    from kiosk.sync.connectivity import NetState

    kiosk = make_kiosk()
    kiosk.engine.tick()  # first pass: the full pull is due and succeeds
    sandbox.cut_network()
    kiosk.engine.connectivity.failure("cut")
    kiosk.engine.connectivity.failure("cut")
    assert kiosk.engine.connectivity.state is NetState.OFFLINE
    kiosk.engine.tick()  # nothing due, no call made: still offline, not "healthy"
    assert kiosk.engine.connectivity.state is NetState.OFFLINE
