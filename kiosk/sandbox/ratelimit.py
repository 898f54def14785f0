"""Per-key fixed-window rate limit (200 requests/minute on the real API)."""

from __future__ import annotations

import math
import threading
import time


class RateLimiter:
    def __init__(self, per_minute: int = 200, enabled: bool = True, window: float = 60.0) -> None:
        self.per_minute = per_minute
        self.enabled = enabled
        self.window = window
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[float, int]] = {}

    def hit(self, key: str) -> int | None:
        """Count one request; None if allowed, else the seconds to wait (``Retry-After``)."""
        if not self.enabled:
            return None
        now = time.monotonic()
        with self._lock:
            start, count = self._windows.get(key, (now, 0))
            if now - start >= self.window:
                start, count = now, 0
            if count >= self.per_minute:
                return max(1, math.ceil(start + self.window - now))
            self._windows[key] = (start, count + 1)
            return None

    def reset(self) -> None:
        with self._lock:
            self._windows.clear()
