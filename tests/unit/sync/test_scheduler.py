"""The process's request scheduler: priorities, the background share, and the back-off when
someone else spends the key. An injected clock: no sleeps, no wall-clock assertions."""

from __future__ import annotations

import random

import pytest

from kiosk.sync.limiter import Priority, RequestScheduler, Unlimited


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def make(clock: FakeClock, **kw) -> RequestScheduler:
    kw.setdefault("rng", random.Random(1))
    return RequestScheduler(monotonic=clock, sleep=clock.sleep, **kw)


def fill(s: RequestScheduler, priority: Priority) -> int:
    n = 0
    while s.try_acquire(priority):
        n += 1
    return n


@pytest.mark.parametrize("priority", [Priority.PUSH, Priority.PULL, Priority.IMAGES])
def test_background_takes_at_most_its_share(priority):
    clock = FakeClock()
    s = make(clock, max_requests=100, background_share=0.6)
    assert fill(s, priority) == 60
    assert s.wait_time(priority) == pytest.approx(60.0)
    # the rest is the counter's reserve
    assert s.wait_time(Priority.COUNTER) == 0.0
    assert fill(s, Priority.COUNTER) == 40


def test_the_share_holds_in_any_window_not_per_minute_boundary():
    clock = FakeClock()
    s = make(clock, max_requests=100, background_share=0.5)
    for _ in range(50):
        assert s.try_acquire(Priority.PULL)
        clock.now += 1.0  # one a second: 50 in the first 50 s
    assert not s.try_acquire(Priority.PULL)
    clock.now = 1000.0 + 60.0  # the first one leaves the window: one more may go
    assert s.try_acquire(Priority.PULL)
    assert not s.try_acquire(Priority.PULL)


def test_counter_never_waits_behind_background_pages():
    clock = FakeClock()
    s = make(clock, max_requests=100, background_share=0.6)
    fill(s, Priority.PULL)
    # a quick check with half a second to spare goes at once
    assert s.acquire(max_wait=0.5, priority=Priority.COUNTER)
    assert clock.slept == []


def test_counter_is_refused_at_once_when_the_whole_budget_is_spent():
    clock = FakeClock()
    s = make(clock, max_requests=10, background_share=0.6)
    fill(s, Priority.PULL)
    fill(s, Priority.COUNTER)
    assert not s.acquire(max_wait=0.5, priority=Priority.COUNTER)
    assert clock.slept == []  # nothing counted, nothing waited


def test_background_waits_for_its_share_then_goes():
    clock = FakeClock()
    s = make(clock, max_requests=10, background_share=0.5)
    fill(s, Priority.PULL)
    assert s.acquire(priority=Priority.PULL)
    assert sum(clock.slept) == pytest.approx(60.0)


def test_a_waiting_push_goes_before_a_pull():
    clock = FakeClock()
    s = make(clock, max_requests=10, background_share=0.5)
    fill(s, Priority.PULL)
    s._waiting[Priority.PUSH] += 1  # the sync thread's push is queued for the next slot
    clock.now += 60.0
    assert not s.try_acquire(Priority.PULL)
    assert s.try_acquire(Priority.PUSH)
    s._waiting[Priority.PUSH] -= 1
    assert s.try_acquire(Priority.PULL)


def test_waiting_threads_are_served_by_priority():
    clock = FakeClock()
    order: list[Priority] = []
    s = make(clock, max_requests=2, background_share=0.5)
    assert s.try_acquire(Priority.PULL)  # background budget (1) spent
    s._waiting[Priority.PUSH] += 1
    s._waiting[Priority.IMAGES] += 1
    clock.now += 60.0
    for p in (Priority.IMAGES, Priority.PULL, Priority.PUSH):
        if s.try_acquire(p):
            order.append(p)
    assert order == [Priority.PUSH]


def test_images_come_last_but_are_served_when_nothing_else_waits():
    clock = FakeClock()
    s = make(clock, max_requests=10)
    assert s.try_acquire(Priority.IMAGES)


# -- step 2: a 429 nobody predicted --------------------------------------------------------
def test_predicted_429_pauses_but_keeps_the_share():
    clock = FakeClock()
    s = make(clock, max_requests=10, background_share=0.6)
    fill(s, Priority.PULL)
    fill(s, Priority.COUNTER)  # we spent the whole budget ourselves: the 429 is ours
    s.pause(30.0)
    assert s.share == 0.6 and s.foreign == 0 and s.throttled == 1
    assert s.limited_for() == pytest.approx(30.0)


def test_foreign_429_backs_background_off_with_jitter_and_halves_its_share():
    clock = FakeClock()
    s = make(clock, max_requests=100, background_share=0.6)
    s.try_acquire(Priority.PULL)
    s.pause(54.0)
    assert s.foreign == 1
    assert s.share == pytest.approx(0.3)
    counter_wait = s.wait_time(Priority.COUNTER)
    background_wait = s.wait_time(Priority.PULL)
    assert counter_wait == pytest.approx(54.0)
    assert 54.0 < background_wait <= 54.0 + 5.0
    # meanwhile the counter decides locally: refused at once, nothing waited
    assert not s.acquire(max_wait=0.5, priority=Priority.COUNTER)
    assert clock.slept == []
    clock.now += counter_wait
    assert s.try_acquire(Priority.COUNTER)
    assert not s.try_acquire(Priority.PULL)  # the jitter is still running
    clock.now += background_wait - counter_wait
    assert s.try_acquire(Priority.PULL)


def test_429_without_retry_after_header_backs_off_a_minute():
    # api.py turns a missing Retry-After into 60 s: background waits 60 s plus jitter
    clock = FakeClock()
    s = make(clock, max_requests=100)
    s.pause(60.0)
    assert 60.0 < s.wait_time(Priority.PUSH) <= 65.0


def test_share_decreases_multiplicatively_and_increases_additively():
    clock = FakeClock()
    s = make(clock, max_requests=100, background_share=0.6, min_share=0.1, share_step=0.05)
    s.pause(1.0)
    s.pause(1.0)
    assert s.share == pytest.approx(0.15)
    s.pause(1.0)
    assert s.share == pytest.approx(0.1)  # never below the floor
    assert fill(s, Priority.PULL) == 0  # still paused
    clock.now += 10.0
    assert fill(s, Priority.PULL) == 10
    clock.now += 50.0  # one quiet window since the last 429
    s.wait_time(Priority.PULL)
    assert s.share == pytest.approx(0.15)
    clock.now += 120.0  # two more
    s.wait_time(Priority.PULL)
    assert s.share == pytest.approx(0.25)
    clock.now += 3600.0
    s.wait_time(Priority.PULL)
    assert s.share == pytest.approx(0.6)  # back to the configured share, not above


def test_lowered_share_limits_background_more():
    clock = FakeClock()
    s = make(clock, max_requests=100, background_share=0.6)
    s.pause(1.0)  # share 0.3
    clock.now += 10.0
    assert fill(s, Priority.PULL) == 30
    assert fill(s, Priority.COUNTER) == 70


def test_unlimited_counts_nothing_but_honours_429():
    s = Unlimited()
    for _ in range(1000):
        assert s.try_acquire(Priority.PULL)
    s.pause(5.0)
    assert s.foreign == 1
    assert not s.try_acquire(Priority.COUNTER)


# -- the client asks with the right priority ------------------------------------------------
class Recording(RequestScheduler):
    def __init__(self) -> None:
        super().__init__(max_requests=0)
        self.asked: list[Priority] = []

    def acquire(self, max_wait=None, priority=Priority.COUNTER):
        self.asked.append(priority)
        return super().acquire(max_wait, priority)


def _client(scheduler: RequestScheduler):
    import httpx

    from kiosk.sync.api import ApiClient

    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "PATCH":
            return httpx.Response(204)
        return httpx.Response(404, json={"booking": "introuvable"})

    return ApiClient(
        "http://api.test", "key", limiter=scheduler, transport=httpx.MockTransport(answer)
    )


def test_client_priorities():
    from kiosk.sync.errors import HttpRefusal

    s = Recording()
    client = _client(s)
    try:
        with pytest.raises(HttpRefusal):
            client.get_booking("ABC234", quick=True)
        client.use("ABC234", quick=True)
        client.use("ABC234")
        with pytest.raises(HttpRefusal):
            client.bookings_page()
        assert client.get_bytes("http://api.test/img.png") is None
        assert s.asked == [
            Priority.COUNTER,
            Priority.COUNTER,
            Priority.PUSH,
            Priority.PULL,
            Priority.IMAGES,
        ]
    finally:
        client.close()


def test_quick_check_goes_while_background_share_is_spent():
    clock = FakeClock()
    s = make(clock, max_requests=10, background_share=0.5)
    fill(s, Priority.PULL)
    client = _client(s)
    try:
        client.use("ABC234", quick=True)  # no RateLimited, no wait
        assert clock.slept == []
    finally:
        client.close()


def test_wait_for_blocks_until_a_slot_without_counting_it():
    clock = FakeClock()
    s = make(clock, max_requests=10, background_share=0.5)
    fill(s, Priority.PUSH)
    s.wait_for(Priority.PUSH)
    assert sum(clock.slept) == pytest.approx(60.0)
    assert s._waiting[Priority.PUSH] == 0
    assert fill(s, Priority.PUSH) == 5  # the slot it waited for is still free


def test_live_counters_of_the_key_divide_the_background_share():
    clock = FakeClock()
    s = make(clock, max_requests=100, background_share=0.6)
    s.set_peers(3)  # three counters of the structure are up (kiosk.mesh)
    assert fill(s, Priority.PULL) == 20
    assert fill(s, Priority.COUNTER) == 80  # the counter's own reserve is not divided
    clock.now += 61
    s.set_peers(1)  # alone again
    assert fill(s, Priority.PULL) == 60
