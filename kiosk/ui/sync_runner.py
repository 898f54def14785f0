"""The sync engine's worker thread, bridged to Qt with signals (queued onto the Qt thread).

The loop is `SyncEngine.tick()` every few seconds (push, then pull on its schedule), woken early
by "Synchroniser"; a cheap probe now and then notices an outage while the counter is idle, and
while offline only the probe runs until the server answers again.
Connectivity changes, progress and each pass's summary arrive as signals.

A thread of its own rather than a job of the one-shot task pool (``kiosk/ui/common/tasks.py``):
the loop lives as long as the window and reports many times (every pass), where a task runs once
and answers once. Its signals carry plain values and are queued onto the GUI thread the same way.
"""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QObject, Signal

from kiosk.sync.connectivity import Connectivity, NetState, Reason
from kiosk.sync.engine import SyncEngine, SyncSummary

log = logging.getLogger("kiosk.ui.sync")


class SyncRunner(QObject):
    net_changed = Signal(str, object)  # NetState value, Reason (a Phrase: a plain value)
    progress = Signal(str, int, int)  # stage, done, total (-1: unknown)
    pass_done = Signal(object)  # SyncSummary of one pass
    first_sync_done = Signal(object)  # SyncSummary of the first complete pull (or its failure)

    def __init__(
        self,
        engine: SyncEngine,
        connectivity: Connectivity,
        parent: QObject | None = None,
        *,
        interval: float = 3.0,
        probe_every: float = 10.0,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.connectivity = connectivity
        self.interval = interval
        self.probe_every = probe_every
        self._last_probe = 0.0
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._now = threading.Event()
        self._thread: threading.Thread | None = None
        # Known before the thread starts (it starts after the window's first paint): a first
        # sync is pending from the start, not only once it runs.
        self.first_sync = engine.status().data_as_of is None
        connectivity.add_listener(self._on_net)

    def _on_net(self, state: NetState, reason: Reason) -> None:
        self._emit("net_changed", state.value, reason)  # any thread: queued to the Qt thread

    def _on_progress(self, stage: str, done: int, total: int | None) -> None:
        self._emit("progress", stage, done, -1 if total is None else total)

    def _emit(self, signal: str, *args: object) -> None:
        """Once stopped, nothing more is said: a pass that outlived `stop()`'s wait (a slow
        first sync) must end quietly, not raise in the sync thread on a window Qt deleted."""
        if self._stop.is_set():
            return
        try:
            getattr(self, signal).emit(*args)
        except RuntimeError:  # "Signal source has been deleted": the window is gone
            self._stop.set()

    def start(self) -> None:
        if self._thread is not None:
            return
        self.first_sync = self.engine.status().data_as_of is None
        self._thread = threading.Thread(target=self._loop, name="kiosk-sync", daemon=True)
        self._thread.start()

    def sync_now(self) -> None:
        self._now.set()
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self.connectivity.remove_listener(self._on_net)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                if self.first_sync:
                    summary = self.engine.sync_once(full=True, progress=self._on_progress)
                    if not summary.error:
                        self.first_sync = False
                    self._emit("first_sync_done", summary)
                elif not self.connectivity.is_online():
                    # Offline (or key refused): one cheap call decides; when it answers, send
                    # everything waiting at once. `tick()` is not used here: with nothing due it
                    # makes no call and would report the network as healthy.
                    self._now.clear()
                    self._last_probe = time.monotonic()
                    if self.engine.probe():
                        summary = self.engine.sync_once(progress=self._on_progress)
                    else:
                        summary = SyncSummary(error=self.connectivity.reason)
                elif self._now.is_set():
                    self._now.clear()
                    summary = self.engine.sync_once(progress=self._on_progress)
                else:
                    if time.monotonic() - self._last_probe >= self.probe_every:
                        # Notice an outage while the counter is idle, not at the next scan.
                        self._last_probe = time.monotonic()
                        if not self.engine.probe():
                            self._emit("pass_done", SyncSummary(error=self.connectivity.reason))
                            self._wait()
                            continue
                    summary = self.engine.tick(self._on_progress)
            except Exception:  # a bug must not kill the thread; the next pass retries
                log.exception("sync pass failed")
                summary = SyncSummary(error="Erreur interne de synchronisation (voir le journal).")
            self._emit("pass_done", summary)
            self._wait()

    def _wait(self) -> None:
        self._wake.wait(self.interval)
        self._wake.clear()
