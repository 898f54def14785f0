"""Cycles holding Qt objects are freed by the GUI thread, between events (ui/common/gui_gc.py).

With Python's automatic collector, a worker thread that allocates enough runs the collection
itself and destroys GUI objects from the wrong thread; CI crashed once on a window freed that way
inside an event filter.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading

from PySide6.QtCore import QObject, QThread

from kiosk.ui.common import gui_gc


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.obj = QObject()


def _garbage_cycle_watching(where: list[QThread | None]) -> None:
    cycle = _Cycle()
    cycle.obj.destroyed.connect(lambda: where.append(QThread.currentThread()))
    del cycle  # unreachable now, but only a cycle collection can free it


def test_the_application_installs_it():
    """In a process of its own: the test session installs a collector itself."""
    code = (
        "import gc\n"
        "from kiosk.ui import app\n"
        "from kiosk.ui.common import gui_gc\n"
        "a = app.application()\n"
        "assert a.findChild(gui_gc.GuiThreadCollector) is not None\n"
        "print('automatic' if gc.isenabled() else 'gui-thread')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "gui-thread"


def test_a_worker_allocating_never_frees_gui_objects_the_event_loop_does(qapp, qtbot):
    gui_gc.install(qapp)
    where: list[QThread | None] = []
    _garbage_cycle_watching(where)

    def churn() -> None:  # far past every threshold of the automatic collector
        for _ in range(100):
            for _ in range(10_000):
                a: list[object] = []
                a.append(a)

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    assert where == []  # still alive: nobody collected in the worker

    qtbot.waitUntil(lambda: bool(where), timeout=5_000)
    assert where == [qapp.thread()]


def test_collects_on_the_automatic_collector_thresholds(qapp):
    collector = gui_gc.GuiThreadCollector()
    collector.start()
    try:
        gc.collect()
        collector.check()
        assert collector.collections == 0  # nothing allocated since: nothing to do
        where: list[QThread | None] = []
        _garbage_cycle_watching(where)
        keep = [[] for _ in range(gc.get_threshold()[0] + 10)]
        collector.check()
        assert collector.collections == 1 and where == [qapp.thread()]
        del keep
    finally:
        collector.stop()
        gui_gc.install(qapp).start()  # the session's collector stays in charge
