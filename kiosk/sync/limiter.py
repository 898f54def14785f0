"""Client-side rate limiter: stay under the server's 200 requests/minute per key, and honour
`Retry-After` when the server says 429 anyway (another process may share the key)."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    def __init__(
        self,
        max_requests: int = 200,
        period: float = 60.0,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.max_requests = max_requests
        self.period = period
        self._monotonic = monotonic
        self._sleep = sleep
        self._sent: deque[float] = deque()
        self._paused_until = 0.0
        self._lock = threading.Lock()
        self.throttled = 0  # 429s received: shown in diagnostics

    def wait_time(self) -> float:
        """Seconds before the next request may go (0 when it may go now)."""
        with self._lock:
            return self._wait_locked(self._monotonic())

    def _wait_locked(self, now: float) -> float:
        while self._sent and self._sent[0] <= now - self.period:
            self._sent.popleft()
        wait = max(0.0, self._paused_until - now)
        if self.max_requests > 0 and len(self._sent) >= self.max_requests:
            wait = max(wait, self._sent[0] + self.period - now)
        return wait

    def acquire(self, max_wait: float | None = None) -> bool:
        """Block until a request may go, and count it. False (nothing counted) when that would
        take longer than `max_wait` — the counter's online check prefers the cache to waiting."""
        while True:
            with self._lock:
                now = self._monotonic()
                wait = self._wait_locked(now)
                if wait <= 0:
                    self._sent.append(now)
                    return True
            if max_wait is not None and wait > max_wait:
                return False
            self._sleep(min(wait, 1.0))

    def pause(self, seconds: float) -> None:
        """The server said 429 with Retry-After: send nothing until then."""
        with self._lock:
            self.throttled += 1
            self._paused_until = max(self._paused_until, self._monotonic() + seconds)


class Unlimited(RateLimiter):
    def __init__(self) -> None:
        super().__init__(max_requests=0)
