"""Run blocking work (SQL, HTTP) off the Qt thread and get the result back on it.

`Tasks.submit(fn, on_done, on_error)` runs `fn()` in a QThreadPool; the callbacks run on the
Qt thread (queued signal). The counter service keeps one SQLite connection per thread, so pool
threads may call it freely.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("kiosk.ui.common.tasks")


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the UI thread, which explains it
            self.relay.failed.emit(exc)
            return
        self.relay.done.emit(result)


class Tasks(QObject):
    """A small pool for the counter's background calls; `pending` helps tests wait."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()

    @property
    def pending(self) -> int:
        return len(self._relays)

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        # The relay lives on the Qt thread (its signals are delivered there) and is owned by
        # this object, never by Python: freeing it from Python inside its own queued signal
        # (the last reference dropped in the slot) was a use-after-free that crashed the
        # process now and then. It is deleted later, once the signal has been delivered.
        relay = _Relay(self)

        def _release() -> None:
            self._relays.discard(relay)
            relay.deleteLater()

        @Slot(object)
        def finished(result: Any) -> None:
            _release()
            on_done(result)

        @Slot(object)
        def failed(exc: BaseException) -> None:
            _release()
            if on_error is not None:
                on_error(exc)
            else:
                log.error("background task failed: %r", exc)

        relay.done.connect(finished)
        relay.failed.connect(failed)
        self._relays.add(relay)
        self.pool.start(_Job(fn, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
