"""The counter's validation never queues behind the sync thread's push round: a round waiting
for the background share lets go of the pusher's lock."""

from __future__ import annotations

import threading
import time

from kiosk.domain.operations import OpState
from kiosk.sync.limiter import Priority, RequestScheduler
from tests.unit.sync.conftest import VENUES


def test_counter_validation_goes_while_a_push_round_waits_for_its_share(make_kiosk, sandbox):
    kiosk = make_kiosk()
    assert kiosk.engine.sync_once(full=True).error is None
    first, second = [
        b["token"]
        for b in sandbox.bookings()
        if b["venueId"] in VENUES and b["status"] == "CONFIRMED" and not b["isEvent"]
    ][:2]
    for token in (first, second):  # the list API gives no tokens: learnt by an online check
        assert kiosk.counter.check(token).verdict.can_validate
    net = kiosk.engine.connectivity
    for _ in range(net.failures_to_offline):
        net.failure("coupure")
    assert kiosk.counter.validate(first).op_state is OpState.PENDING  # recorded, not sent
    net.success()

    now = [0.0]  # the scheduler's clock: only the test moves it
    scheduler = RequestScheduler(
        10, 60.0, background_share=0.5, monotonic=lambda: now[0], sleep=lambda _: time.sleep(0.01)
    )
    while scheduler.try_acquire(Priority.PULL):
        pass  # the background share of this window is spent
    kiosk.services.client.limiter = scheduler

    summaries = []
    round_ = threading.Thread(target=lambda: summaries.append(kiosk.engine.push()), daemon=True)
    round_.start()
    deadline = time.monotonic() + 5
    while not scheduler._waiting[Priority.PUSH] and time.monotonic() < deadline:
        time.sleep(0.01)
    assert scheduler._waiting[Priority.PUSH] == 1  # the round waits for its share

    result = kiosk.counter.validate(second)
    assert result.source == "online" and result.op_state is OpState.DONE
    assert sandbox.booking(second)["status"] == "USED"
    assert round_.is_alive()

    now[0] += 60.0  # the window moves on: the round sends the first one
    round_.join(10)
    assert not round_.is_alive()
    assert summaries[0].done == 1
    assert sandbox.booking(first)["status"] == "USED"
    assert all(op.state is OpState.DONE for op in kiosk.ops())
