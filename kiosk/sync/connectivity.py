"""Is the central API usable right now? Measured from real calls, never assumed.

Offline after repeated errors or slow answers; back online as soon as a call succeeds. When
offline, the counter stops waiting on the network (answers come from the cache at once) and
the sync loop keeps probing. Limited when pass Culture answered 429 to the counter: the network
works, the key's budget is spent (by this or another process of the structure) for a while;
the counter decides locally until then and says so.

The reason is kept as said (a catalogue `Phrase` when the caller has one), so the window shows
it in its own language; `reason` is the French text (logs, CLI).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from enum import StrEnum

from kiosk.domain.texts import Phrase


class NetState(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"
    LIMITED = "limited"  # pass Culture limits the key's requests (429): not an outage
    # A call just failed or answered late, not enough of them yet to call it an outage: the
    # counter may have decided locally, so the status bar must not say a plain "En ligne".
    UNSTEADY = "unsteady"
    KEY_REFUSED = "key_refused"
    UNCONFIGURED = "unconfigured"


# Why the state is what it is: a Phrase, or a plain French sentence from a caller without one.
Reason = Phrase | str
Listener = Callable[[NetState, Reason], None]


def reason_text(reason: Reason, lang: str = "fr") -> str:
    """`reason` in `lang`; a plain sentence has only its French."""
    return reason.text(lang) if isinstance(reason, Phrase) else reason


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
        self._reason: Reason = "" if state is NetState.ONLINE else Phrase.of("net.unconfigured")
        self._failures = 0
        self._listeners: list[Listener] = []
        self.last_success: float | None = None

    @property
    def state(self) -> NetState:
        return self._state

    @property
    def reason(self) -> str:
        """Why, in French (logs, CLI)."""
        return reason_text(self._reason)

    @property
    def said(self) -> Reason:
        """Why, as said: the UI renders it in the window's language (`reason_text`)."""
        return self._reason

    def is_online(self) -> bool:
        """Worth asking the server: a limited key still answers (the scheduler refuses at once
        while the server asks to wait, so the counter never waits for it)."""
        return self._state in (NetState.ONLINE, NetState.LIMITED, NetState.UNSTEADY)

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _set(self, state: NetState, reason: Reason) -> None:
        changed = state is not self._state or reason != self._reason
        self._state, self._reason = state, reason
        if changed:
            for listener in list(self._listeners):
                listener(state, reason)

    def success(self, latency: float = 0.0) -> None:
        with self._lock:
            self.last_success = self._monotonic()
            if latency > self.slow_seconds:
                self._missed(Phrase.of("net.too_slow"))
                return
            self._failures = 0
            self._set(NetState.ONLINE, "")

    def failure(self, reason: Reason) -> None:
        with self._lock:
            self._missed(reason)

    def _missed(self, reason: Reason) -> None:
        self._failures += 1
        if self._failures >= self.failures_to_offline:
            self._set(NetState.OFFLINE, reason)
        elif self._state in (NetState.ONLINE, NetState.UNSTEADY):
            self._set(NetState.UNSTEADY, reason)

    def limited(self, retry_after: float) -> None:
        """The server answered 429: the network is fine, the key's budget is spent for now."""
        with self._lock:
            self._failures = 0
            self._set(NetState.LIMITED, Phrase.of("net.limited", seconds=retry_after))

    def key_refused(self, reason: Reason) -> None:
        with self._lock:
            self._set(NetState.KEY_REFUSED, reason)

    def unconfigured(self, reason: Reason | None = None) -> None:
        with self._lock:
            self._set(NetState.UNCONFIGURED, reason or Phrase.of("net.unconfigured"))
