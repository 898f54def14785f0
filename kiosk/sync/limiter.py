"""The process's one request scheduler: stay under the server's 200 requests/minute per key,
with priorities, and keep a reserve for the counter.

The limit is per API key, i.e. per structure: every counter, every background pull and every
`kiosk sync` of the structure share it, and this process cannot see the others. So:
- the counter's check and validation (COUNTER) go first and never wait behind background work;
- background work (PUSH, then PULL, then IMAGES) never takes more than `share` of the budget in
  any window, leaving the rest to the counter;
- a 429 this process did not predict (it had sent less than its budget) means someone else
  spends the key: background work backs off (`Retry-After` plus jitter) and halves its share,
  then raises it again slowly (additive increase, multiplicative decrease);
- the counter's reserve is lent while it is unused: when no counter request was seen for
  `lend_after` quiet seconds (and nobody else was seen spending the key), background work may
  fill the window up to a small `lend_margin` (the first scan still goes at once). Its share
  goes as before (a small sync is not slowed); the lent requests beyond it are spread evenly
  over the window, so that when the counter comes back (its first request takes the reserve
  back at once) the window frees steadily for it instead of staying full of a burst of pages.

Other processes of the structure are invisible here: `base_share` is the one knob a caller that
learns of N live counters would lower (each taking its part of the background share).
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from enum import IntEnum


class Priority(IntEnum):
    """Lower goes first."""

    COUNTER = 0  # the counter's online check and immediate validation
    PUSH = 1  # the outbox, drained by the sync thread
    PULL = 2  # lists: venues, offers, bookings
    IMAGES = 3  # offer images from the API's own host


BACKGROUND_SHARE = 0.6  # of the budget, in any window, for everything but the counter
MIN_SHARE = 0.1  # the share never drops below this: background work slows, never stops
SHARE_STEP = 0.05  # additive increase, once per quiet window
MAX_JITTER = 5.0  # seconds added to a background back-off, so processes do not retry together
QUIET_BEFORE_LENDING = 20.0  # seconds without a counter request before its reserve is lent
COUNTER_SLOT, SHARED, LENT = 0, 1, 2  # what a request in the window was counted as


def lend_margin_for(max_requests: int) -> int:
    """Requests left free while the reserve is lent: the first scan's check and validation."""
    return max(2, round(0.02 * max_requests))


class RequestScheduler:
    def __init__(
        self,
        max_requests: int = 200,
        period: float = 60.0,
        *,
        background_share: float = BACKGROUND_SHARE,
        min_share: float = MIN_SHARE,
        share_step: float = SHARE_STEP,
        lend_after: float | None = None,
        lend_margin: int | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.max_requests = max_requests
        self.period = period
        self.base_share = background_share
        self.share = background_share
        self.min_share = min(min_share, background_share)
        self.share_step = share_step
        self.lend_after = lend_after  # None: the reserve is never lent
        self.lend_margin = lend_margin_for(max_requests) if lend_margin is None else lend_margin
        self._counter_seen = -math.inf  # when the counter last asked (none yet: lend at once)
        self._last_lent = -math.inf  # when the last lent request went (they are spread)
        self._monotonic = monotonic
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._sent: deque[tuple[float, int]] = deque()  # (when, COUNTER_SLOT/SHARED/LENT)
        self._background = 0  # background requests in `_sent` (shared and lent)
        self._lent = 0  # of which lent: taken from the counter's reserve while it was quiet
        self._paused_until = 0.0  # the server said wait: nobody sends
        self._background_until = 0.0  # someone else spends the key: background waits longer
        self._share_since = 0.0  # when the share last changed (for the slow increase)
        self._waiting: Counter[Priority] = Counter()
        self._lock = threading.Lock()
        self._peers = 1  # live counters of the key (kiosk.mesh), this one included
        self.sent: Counter[Priority] = Counter()  # requests let through, by priority
        self.throttled = 0  # 429s received: shown in diagnostics
        self.foreign = 0  # of which not predicted: another process shares the key

    # -- the window ----------------------------------------------------------------------
    def _expire(self, now: float) -> None:
        while self._sent and self._sent[0][0] <= now - self.period:
            _, kind = self._sent.popleft()
            self._background -= kind != COUNTER_SLOT
            self._lent -= kind == LENT
        if self.share < self.base_share and now - self._share_since >= self.period:
            quiet = int((now - self._share_since) // self.period)
            self.share = min(self.base_share, self.share + quiet * self.share_step)
            self._share_since += quiet * self.period

    def _background_budget(self) -> int:
        return max(1, int(self.max_requests * self.share / self._peers))

    def set_peers(self, n: int) -> None:
        """`n` live counters of the key (this one included) share the background part of the
        budget: each takes 1/n of it. The counter's own reserve is not divided."""
        with self._lock:
            self._peers = max(1, n)

    def _lending(self, now: float) -> bool:
        """The counter's reserve is lent to background work: the counter has been quiet for
        `lend_after` seconds and nobody else was seen spending the key (a foreign 429 lowers
        the share; lending waits until it has healed). Never while other live counters of the
        key are known (kiosk.mesh): their reserves are theirs, not this process's to lend."""
        return (
            self.lend_after is not None
            and self._peers == 1
            and self.max_requests > 0
            and self.share >= self.base_share
            and now - self._counter_seen >= self.lend_after
        )

    def lending(self) -> bool:
        with self._lock:
            now = self._monotonic()
            self._expire(now)
            return self._lending(now)

    def _lent_wait(self, now: float) -> float:
        """Seconds before background work may take a lent slot (its share being spent): the
        window keeps `lend_margin` free, and lent requests are spread evenly over the window,
        so that it frees steadily when the counter takes its reserve back."""
        cap = self.max_requests - self.lend_margin
        lent = max(1, cap - self._background_budget())
        wait = max(0.0, self._last_lent + self.period / lent - now)
        if len(self._sent) >= cap:  # the margin stays free for the counter's first scan
            wait = max(wait, self._sent[len(self._sent) - cap][0] + self.period - now)
        return wait

    def _wait_locked(self, now: float, priority: Priority) -> float:
        self._expire(now)
        wait = max(0.0, self._paused_until - now)
        background = priority is not Priority.COUNTER
        if background:
            wait = max(wait, self._background_until - now)
        if self.max_requests <= 0:
            return wait
        if len(self._sent) >= self.max_requests:
            wait = max(wait, self._sent[0][0] + self.period - now)
        if background and self._lending(now):
            # its share (lent requests apart, they have a pace of their own), or a lent slot
            if self._background - self._lent >= self._background_budget():
                oldest = next(t for t, kind in self._sent if kind == SHARED)
                wait = max(wait, min(oldest + self.period - now, self._lent_wait(now)))
        elif background and self._background >= self._background_budget():
            # the oldest background request leaves the window first
            oldest = next(t for t, kind in self._sent if kind != COUNTER_SLOT)
            wait = max(wait, oldest + self.period - now)
        return wait

    def wait_time(self, priority: Priority = Priority.COUNTER) -> float:
        """Seconds before a request of `priority` may go (0 when it may go now)."""
        with self._lock:
            return self._wait_locked(self._monotonic(), priority)

    def _take_locked(self, priority: Priority, count: bool = True) -> float:
        """Count the request and return 0, or return how long to wait. A request never goes
        before a waiting one of higher priority."""
        now = self._monotonic()
        if priority is Priority.COUNTER:
            self._counter_seen = now  # the reserve is taken back at once
        wait = self._wait_locked(now, priority)
        if wait <= 0 and any(p < priority for p in +self._waiting):
            wait = min(0.05, self.period)  # let the more urgent one take the slot first
        if wait <= 0 and count:
            kind = COUNTER_SLOT
            if priority is not Priority.COUNTER:
                kind = SHARED
                if self._background - self._lent >= self._background_budget():
                    kind = LENT  # only reached while lending (see _wait_locked)
                    self._last_lent = now
            self._sent.append((now, kind))
            self._background += kind != COUNTER_SLOT
            self._lent += kind == LENT
            self.sent[priority] += 1
        return wait

    def try_acquire(self, priority: Priority = Priority.COUNTER) -> bool:
        """Count a request of `priority` if it may go now; never waits."""
        with self._lock:
            return self._take_locked(priority) <= 0

    def acquire(self, max_wait: float | None = None, priority: Priority = Priority.COUNTER) -> bool:
        """Block until a request may go, and count it. False (nothing counted) when that would
        take longer than `max_wait` — the counter's online check prefers the cache to waiting."""
        return self._block(max_wait, priority, count=True)

    def wait_for(self, priority: Priority) -> None:
        """Block until a request of `priority` could go, counting nothing: for a caller that
        must not hold a lock the counter needs while it waits (the pusher's)."""
        self._block(None, priority, count=False)

    def _block(self, max_wait: float | None, priority: Priority, *, count: bool) -> bool:
        registered = False
        try:
            while True:
                with self._lock:
                    wait = self._take_locked(priority, count)
                    if wait <= 0:
                        return True
                    if max_wait is not None and wait > max_wait:
                        return False
                    if not registered:
                        self._waiting[priority] += 1
                        registered = True
                self._sleep(min(wait, 1.0))
        finally:
            if registered:
                with self._lock:
                    self._waiting[priority] -= 1

    # -- what the server said ------------------------------------------------------------
    def pause(self, seconds: float) -> bool:
        """The server said 429 with Retry-After. Nobody sends until then; when this process
        had not spent its budget, someone else shares the key: background work waits a little
        longer (jitter) and halves its share. True when the 429 was someone else's doing."""
        with self._lock:
            now = self._monotonic()
            self._expire(now)
            self.throttled += 1
            self._paused_until = max(self._paused_until, now + seconds)
            if self.max_requests <= 0 or len(self._sent) < self.max_requests:
                self.foreign += 1
                jitter = self._rng.uniform(0.0, min(MAX_JITTER, 0.25 * seconds))
                self._background_until = max(self._background_until, now + seconds + jitter)
                self.share = max(self.min_share, self.share / 2)
                self._share_since = now
                return True
            return False

    def limited_for(self) -> float:
        """Seconds the server still asks everyone to wait (0: not limited)."""
        with self._lock:
            return max(0.0, self._paused_until - self._monotonic())


class Unlimited(RequestScheduler):
    """No count of our own (the server's limit is off); its 429s are still honoured."""

    def __init__(self) -> None:
        super().__init__(max_requests=0)
