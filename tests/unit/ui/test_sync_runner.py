"""The sync thread outliving `stop()` (a slow first sync) ends quietly: it never raises on a
runner Qt has deleted, and the network state no longer reaches it."""

from __future__ import annotations

import threading

import shiboken6

from kiosk.ui.sync_runner import SyncRunner
from tests.unit.sync.conftest import make_kiosk  # noqa: F401


def test_a_pass_that_outlives_stop_ends_quietly(make_kiosk, sandbox, qtbot, monkeypatch):  # noqa: F811
    kiosk = make_kiosk()
    engine = kiosk.engine
    crashed: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda a: crashed.append(a.exc_value))
    sandbox.set_faults(latency_ms=300)  # every page of the first sync is slow
    try:
        runner = SyncRunner(engine, kiosk.services.connectivity, interval=0.05)
        runner.start()
        thread = runner._thread
        assert thread is not None
        qtbot.waitUntil(lambda: engine.status().data_as_of is None and thread.is_alive())
        runner.stop(timeout=0.01)  # gives up waiting: the pass goes on
        assert thread.is_alive()
        shiboken6.delete(runner)  # the window is gone
        kiosk.services.connectivity.failure("after the window")  # listeners: none of it
    finally:
        sandbox.set_faults()
    thread.join(30)
    assert not thread.is_alive()
    assert crashed == []
