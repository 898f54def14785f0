"""Start-up milestones for benchmarks/bench_startup.py, measured from outside the process.

With KIOSK_TRACE_STARTUP set, one line `kiosk-trace <event> <unix time>` goes to stderr at the
window's first paint, the counter screen's first paint and the first paint of the band after each
verdict, so the benchmark (which notes the time it launched the process) reads launch → window,
→ counter ready and → first scan answered. Off by default: nothing is installed or printed.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

ENV = "KIOSK_TRACE_STARTUP"


def enabled() -> bool:
    return bool(os.environ.get(ENV))


def emit(event: str) -> None:
    print(f"kiosk-trace {event} {time.time():.6f}", file=sys.stderr, flush=True)


class _PaintWatch(QObject):
    """Says `event` at the widget's next paint once armed (armed at first: the first paint)."""

    def __init__(self, widget: QWidget, event: str) -> None:
        super().__init__(widget)
        self.event = event
        self.armed = True
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, ev: QEvent) -> bool:
        if self.armed and ev.type() == QEvent.Type.Paint:
            self.armed = False
            emit(self.event)
        return False


def watch_window(window: QWidget) -> None:
    """Trace the window's first paint (with `kiosk run`, its bare frame: "Démarrage…")."""
    if enabled():
        _PaintWatch(window, "window-painted")


def watch_counter(screen: QWidget, band: QWidget, verdict_signal: object) -> None:
    """Trace the counter screen's first paint and the band's paint after each verdict."""
    if not enabled():
        return
    _PaintWatch(screen, "counter-painted")
    band_watch = _PaintWatch(band, "verdict-painted")
    band_watch.armed = False

    def arm(*_: object) -> None:
        band_watch.armed = True

    verdict_signal.connect(arm)  # type: ignore[attr-defined]
