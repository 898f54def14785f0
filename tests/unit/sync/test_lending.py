"""The counter's unused reserve lent to background work: after `lend_after` quiet seconds the
first sync may fill the window (minus a margin for the first scan), and the counter's first
request takes the reserve back at once. An injected clock: no sleeps, no wall-clock asserts."""

from __future__ import annotations

import math
import random

import pytest

from kiosk.sync.limiter import Priority, RequestScheduler, lend_margin_for
from tests.unit.sync.test_scheduler import FakeClock, fill


def make(clock: FakeClock, **kw) -> RequestScheduler:
    kw.setdefault("rng", random.Random(1))
    kw.setdefault("max_requests", 100)
    kw.setdefault("background_share", 0.6)
    kw.setdefault("lend_after", 20.0)
    kw.setdefault("lend_margin", 2)
    return RequestScheduler(monotonic=clock, sleep=clock.sleep, **kw)


def send_background(s: RequestScheduler, clock: FakeClock, n: int) -> float:
    """Send `n` background requests, waiting as the scheduler says; the time it took."""
    start = clock.now
    for _ in range(n):
        assert s.acquire(priority=Priority.PULL)
    return clock.now - start


def test_without_lending_background_keeps_to_its_share():
    clock = FakeClock()
    s = make(clock, lend_after=None)
    assert fill(s, Priority.PULL) == 60
    clock.now += 59.0
    assert fill(s, Priority.PULL) == 0


def test_a_quiet_counter_lends_all_but_the_margin_spread_over_the_window():
    clock = FakeClock()
    s = make(clock)
    assert s.lending()
    assert fill(s, Priority.PULL) == 61  # its share at once, then one lent request
    # the other lent requests are spread evenly: one every 60 s / 38
    assert s.wait_time(Priority.PULL) == pytest.approx(60.0 / 38)
    took = send_background(s, clock, 37)
    assert took == pytest.approx(37 * 60.0 / 38)
    assert len(s._sent) == 98
    assert s.wait_time(Priority.PULL) > 0  # the margin stays free...
    assert fill(s, Priority.COUNTER) == 2  # ...for the counter's first scan


def test_a_lone_counters_first_sync_is_near_the_limits_own_bound():
    # 315 requests (the demo world's first sync) under 190 a minute, nobody at the counter.
    bound = 315 / 200 * 60.0  # the key's limit: 200 a minute
    lent, kept = FakeClock(), FakeClock()
    with_lending = send_background(make(lent, max_requests=190, lend_margin=None), lent, 315)
    share_only = send_background(make(kept, max_requests=190, lend_after=None), kept, 315)
    assert with_lending <= 1.15 * bound
    assert share_only > 1.15 * bound  # 60 % of the budget: two windows and a burst


def test_the_counters_first_request_takes_the_reserve_back_at_once():
    clock = FakeClock()
    s = make(clock)
    send_background(s, clock, 98)  # the window is full but for the margin
    assert s.acquire(max_wait=0.5, priority=Priority.COUNTER)  # goes at once
    assert not s.lending()
    # background is back to its share: no more than 60 in the window, lent ones included
    assert s.wait_time(Priority.PULL) > 0
    clock.now += 2.0  # the first burst (its share) has left the window
    fill(s, Priority.PULL)
    assert s._background == 60
    # a youth every 3 s from now on, background taking all its share allows meanwhile: each
    # check goes at once (the lent requests were spread, so the window frees steadily; they
    # were not one burst that holds it for a minute)
    slept = len(clock.slept)
    for _ in range(40):
        clock.now += 3.0
        assert s.acquire(max_wait=0.5, priority=Priority.COUNTER)
        fill(s, Priority.PULL)
    assert len(clock.slept) == slept  # the counter never waited
    assert s._background == 60  # background holds to its share while the counter is in use


def test_lending_keeps_its_whole_pace_window_after_window():
    clock = FakeClock()
    s = make(clock)
    took = send_background(s, clock, 3 * 98)
    # 98 a window (its 60 in a burst as they leave the window, 38 lent spread between):
    # never just the lent pace once the window holds the share
    assert took <= 3 * 60.0


def test_no_lending_until_the_counter_has_been_quiet_long_enough():
    clock = FakeClock()
    s = make(clock)
    assert s.try_acquire(Priority.COUNTER)
    clock.now += 19.0
    assert not s.lending()
    assert fill(s, Priority.PULL) == 60
    clock.now += 1.0
    assert s.lending()
    assert fill(s, Priority.PULL) == 1  # lent, spread from now on


def test_a_refused_counter_request_also_takes_the_reserve_back():
    clock = FakeClock()
    s = make(clock, max_requests=10, lend_margin=1)
    s.pause(5.0)  # predicted or not, the counter's request is refused while paused...
    s.share = s.base_share  # (keep lending possible: only the counter's asking is tested)
    assert not s.try_acquire(Priority.COUNTER)
    assert not s.lending()  # ...but it was seen: the counter is not quiet


def test_someone_else_on_the_key_stops_lending_until_the_share_has_healed():
    clock = FakeClock()
    s = make(clock)
    assert s.lending()
    s.try_acquire(Priority.PULL)
    s.pause(10.0)  # a 429 we did not predict: another process spends the key
    assert s.share == pytest.approx(0.3)
    assert not s.lending()
    clock.now += 15.0
    assert fill(s, Priority.PULL) == 29  # the lowered share, nothing lent
    clock.now += 5 * 60.0  # +5 points a quiet minute: 0.55, still healing
    assert not s.lending()
    clock.now += 60.0
    assert s.lending()  # back to its configured share: the key looks ours again
    assert s.share == pytest.approx(0.6)


def test_default_margin_covers_a_scan_and_grows_with_the_budget():
    assert lend_margin_for(19) == 2
    assert lend_margin_for(190) == 4
    assert math.isclose(RequestScheduler(190, lend_after=5.0).lend_margin, 4)


def test_no_lending_while_other_counters_of_the_key_are_live():
    """kiosk.mesh knows the other counters: their reserves are not this process's to lend."""
    clock = FakeClock()
    s = make(clock)
    assert s.lending()
    s.set_peers(2)
    assert not s.lending()
    assert fill(s, Priority.PULL) == 30  # half the background share each, nothing lent
    s.set_peers(1)
    assert s.lending()
