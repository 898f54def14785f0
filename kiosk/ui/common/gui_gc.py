"""Python's cycle collector, run only by the GUI thread, between two events.

Left automatic, the collector runs wherever an allocation crosses its threshold: in a worker
thread (a Qt object it frees there is destroyed from the wrong thread) or in the middle of
delivering an event (a window of a closed session freed inside an application-wide event filter
took the whole process down with a segmentation fault in CI). Both crash the kiosk, rarely and
at random. So automatic collection is switched off and a GUI-thread timer collects instead, at
the same thresholds, from the top of the event loop where destroying a widget tree is safe.
Reference counting still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Install once, on the GUI thread (``GuiThreadCollector(app).start()``)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self.collections = 0

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def check(self) -> None:
        """The generational policy of the automatic collector, applied from here."""
        gen0, gen1, gen2 = gc.get_count()
        t0, t1, t2 = self._threshold
        if gen0 <= t0:
            return
        generation = 0
        if gen1 > t1:
            generation = 2 if gen2 > t2 else 1
        gc.collect(generation)
        self.collections += 1


def freeze_startup() -> None:
    """Once the window is up: what start-up built (modules, the window) lives as long as the
    application, so full collections stop walking it (a 50 ms+ hitch otherwise)."""
    gc.collect()
    gc.freeze()


def install(app: QObject) -> GuiThreadCollector:
    """The application's collector (one per application, kept as its child)."""
    existing = app.findChild(GuiThreadCollector)
    if existing is not None:
        return existing
    collector = GuiThreadCollector(app)
    collector.start()
    return collector
