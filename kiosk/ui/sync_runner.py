"""The sync engine's worker thread, bridged to Qt with signals (queued onto the Qt thread).

The loop is `SyncEngine.tick()` every few seconds (push, then pull on its schedule), woken early
by "Synchroniser". Connectivity changes, progress and each pass's summary arrive as signals.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from kiosk.sync.connectivity import Connectivity, NetState
from kiosk.sync.engine import SyncEngine, SyncSummary

log = logging.getLogger("kiosk.ui.sync")


class SyncRunner(QObject):
    net_changed = Signal(str, str)  # NetState value, reason (French)
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
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.interval = interval
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._now = threading.Event()
        self._thread: threading.Thread | None = None
        self.first_sync = False
        connectivity.add_listener(self._on_net)

    def _on_net(self, state: NetState, reason: str) -> None:
        self.net_changed.emit(state.value, reason)  # from any thread: queued to the Qt thread

    def _on_progress(self, stage: str, done: int, total: int | None) -> None:
        self.progress.emit(stage, done, -1 if total is None else total)

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
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                if self.first_sync:
                    summary = self.engine.sync_once(full=True, progress=self._on_progress)
                    if not summary.error:
                        self.first_sync = False
                    self.first_sync_done.emit(summary)
                elif self._now.is_set():
                    self._now.clear()
                    summary = self.engine.sync_once(progress=self._on_progress)
                else:
                    summary = self.engine.tick(self._on_progress)
            except Exception:  # a bug must not kill the thread; the next pass retries
                log.exception("sync pass failed")
                summary = SyncSummary(error="Erreur interne de synchronisation (voir le journal).")
            self.pass_done.emit(summary)
            self._wake.wait(self.interval)
            self._wake.clear()
