"""The sandbox's notion of "now": wall clock plus an offset, optionally frozen."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_utc(value: datetime) -> datetime:
    """Aware UTC datetime; naive values are taken as UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


class Clock:
    """Thread-safe adjustable clock driving the 48 h rules and the ``Date`` header."""

    def __init__(self, now: datetime | None = None) -> None:
        self._lock = threading.Lock()
        self._offset = timedelta(0)
        self._frozen_at: datetime | None = None
        if now is not None:
            self.set_now(now)

    def now(self) -> datetime:
        with self._lock:
            if self._frozen_at is not None:
                return self._frozen_at
            return utc_now() + self._offset

    @property
    def offset_seconds(self) -> float:
        with self._lock:
            if self._frozen_at is not None:
                return (self._frozen_at - utc_now()).total_seconds()
            return self._offset.total_seconds()

    @property
    def frozen(self) -> bool:
        with self._lock:
            return self._frozen_at is not None

    def set_now(self, now: datetime, *, frozen: bool = False) -> None:
        now = to_utc(now)
        with self._lock:
            self._offset = now - utc_now()
            self._frozen_at = now if frozen else None

    def set_offset(self, seconds: float) -> None:
        with self._lock:
            self._offset = timedelta(seconds=seconds)
            self._frozen_at = None

    def advance(self, seconds: float) -> None:
        with self._lock:
            delta = timedelta(seconds=seconds)
            self._offset += delta
            if self._frozen_at is not None:
                self._frozen_at += delta

    def reset(self) -> None:
        self.set_offset(0)
