"""Is the central API usable right now? Measured from real calls, never assumed.

Offline after repeated errors or slow answers; back online as soon as a call succeeds. When
offline, the counter stops waiting on the network (answers come from the cache at once) and
the sync loop keeps probing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from enum import StrEnum


class NetState(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"
    KEY_REFUSED = "key_refused"
    UNCONFIGURED = "unconfigured"


Listener = Callable[[NetState, str], None]


class Connectivity:
    def __init__(
        self,
        *,
        failures_to_offline: int = 2,
        slow_seconds: float = 2.0,
        monotonic: Callable[[], float] = time.monotonic,
        state: NetState = NetState.ONLINE,
    ) -> None:
        self.failures_to_offline = failures_to_offline
        self.slow_seconds = slow_seconds
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._state = state
        self._reason = "" if state is NetState.ONLINE else "Serveur non configuré"
        self._failures = 0
        self._listeners: list[Listener] = []
        self.last_success: float | None = None

    @property
    def state(self) -> NetState:
        return self._state

    @property
    def reason(self) -> str:
        return self._reason

    def is_online(self) -> bool:
        return self._state is NetState.ONLINE

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _set(self, state: NetState, reason: str) -> None:
        changed = state is not self._state or reason != self._reason
        self._state, self._reason = state, reason
        if changed:
            for listener in list(self._listeners):
                listener(state, reason)

    def success(self, latency: float = 0.0) -> None:
        with self._lock:
            self.last_success = self._monotonic()
            if latency > self.slow_seconds:
                self._failures += 1
                if self._failures >= self.failures_to_offline:
                    self._set(NetState.OFFLINE, "Réponses trop lentes du serveur pass Culture")
                return
            self._failures = 0
            self._set(NetState.ONLINE, "")

    def failure(self, reason: str) -> None:
        with self._lock:
            self._failures += 1
            if self._failures >= self.failures_to_offline:
                self._set(NetState.OFFLINE, reason)

    def key_refused(self, reason: str) -> None:
        with self._lock:
            self._set(NetState.KEY_REFUSED, reason)

    def unconfigured(self, reason: str = "Serveur non configuré") -> None:
        with self._lock:
            self._set(NetState.UNCONFIGURED, reason)
