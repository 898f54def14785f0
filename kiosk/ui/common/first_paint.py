"""Work that must not delay the first picture of the window: run it just after.

The counter is ready to scan once its window is painted; sync, housekeeping, the camera and
the sound backend can start a moment later without anyone noticing, while doing them first
made every start (every morning, every power cut) slower.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000  # a window never painted (hidden, minimised at start) still gets its work


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, fallback_ms: int) -> None:
        super().__init__(widget)
        self.jobs: list[Callable[[], object]] = []
        self.done = False
        widget.installEventFilter(self)
        self.timer = QTimer(self, singleShot=True, interval=fallback_ms)
        self.timer.timeout.connect(self._run)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            # After this paint has reached the screen: the next turn of the event loop.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self.timer.stop()
        parent = self.parent()
        if isinstance(parent, QWidget):
            parent.removeEventFilter(self)
        jobs, self.jobs = self.jobs, []
        for job in jobs:
            job()


def after_first_paint(
    widget: QWidget, job: Callable[[], object], *, fallback_ms: int = FALLBACK_MS
) -> None:
    """Run `job` on the GUI thread once `widget` has been painted for the first time (or after
    `fallback_ms` if it never is); at once when that already happened."""
    watcher = widget.findChild(_AfterFirstPaint)
    if watcher is None:
        watcher = _AfterFirstPaint(widget, fallback_ms)
    if watcher.done:
        job()
    else:
        watcher.jobs.append(job)
