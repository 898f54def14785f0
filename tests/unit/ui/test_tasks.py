"""The background-task API (kiosk/ui/common/tasks.py): results, errors and progress on the GUI
thread, "latest wins", and nothing delivered once the owner or the pool is gone."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from kiosk.ui.common import tasks as tasks_mod
from kiosk.ui.common.tasks import Tasks

GATE_TIMEOUT = 10  # seconds: only a safety net if a test is broken, never reached when it passes


@pytest.fixture
def pool(qtbot) -> Any:
    owner = QObject()
    t = Tasks(owner)
    yield t
    t.shutdown()
    shiboken6.delete(owner)


def _gui_thread() -> threading.Thread:
    return threading.main_thread()


def test_result_and_error_arrive_on_the_gui_thread(qtbot, pool: Tasks) -> None:
    ran_in: list[threading.Thread] = []
    got: list[tuple[str, Any, threading.Thread]] = []

    def work() -> int:
        ran_in.append(threading.current_thread())
        return 42

    def boom() -> None:
        raise ValueError("nope")

    pool.submit(work, lambda r: got.append(("done", r, threading.current_thread())))
    pool.submit(
        boom,
        lambda r: got.append(("done", r, threading.current_thread())),
        lambda e: got.append(("error", e, threading.current_thread())),
    )
    qtbot.waitUntil(lambda: pool.pending == 0)
    assert ran_in and ran_in[0] is not _gui_thread()
    by_kind = {kind: (value, thread) for kind, value, thread in got}
    assert by_kind["done"] == (42, _gui_thread())
    error, thread = by_kind["error"]
    assert isinstance(error, ValueError) and str(error) == "nope"
    assert thread is _gui_thread()


def test_an_unhandled_error_is_logged(qtbot, pool: Tasks, caplog) -> None:
    def boom() -> None:
        raise RuntimeError("lost")

    with caplog.at_level(logging.ERROR, logger="kiosk.ui.common.tasks"):
        pool.submit(boom, lambda _r: None)
        qtbot.waitUntil(lambda: pool.pending == 0)
    assert "background task failed" in caplog.text and "lost" in caplog.text


def test_progress_arrives_in_order_before_the_result(qtbot, pool: Tasks) -> None:
    seen: list[Any] = []

    def work(report) -> str:
        for i in range(200):
            report("stage", i, 200)
        return "end"

    pool.submit(
        work,
        lambda r: seen.append(("done", r, threading.current_thread())),
        on_progress=lambda stage, done, total: seen.append(
            (stage, done, total, threading.current_thread())
        ),
    )
    qtbot.waitUntil(lambda: pool.pending == 0)
    assert seen[:-1] == [("stage", i, 200, _gui_thread()) for i in range(200)]
    assert seen[-1] == ("done", "end", _gui_thread())


def test_latest_wins_drops_the_older_answer_and_its_progress(qtbot, pool: Tasks) -> None:
    started, gate = threading.Event(), threading.Event()
    got: list[Any] = []

    def old(report) -> str:
        started.set()
        gate.wait(GATE_TIMEOUT)
        report("old progress")
        return "old"

    pool.submit(old, got.append, on_progress=got.append, key="search")
    assert started.wait(GATE_TIMEOUT)  # running: it cannot be skipped, only dropped
    pool.submit(lambda _report: "new", got.append, on_progress=got.append, key="search")
    pool.submit(lambda: "other key", got.append, key="counts")
    gate.set()
    qtbot.waitUntil(lambda: pool.pending == 0)
    assert sorted(got) == ["new", "other key"]


def test_a_superseded_task_that_has_not_started_never_runs(qtbot) -> None:
    owner = QObject()
    serial = Tasks(owner, max_threads=1)
    gate = threading.Event()
    ran: list[str] = []
    got: list[str] = []

    def first() -> str:
        gate.wait(GATE_TIMEOUT)
        return "first"

    def keyed(name: str):
        def fn() -> str:
            ran.append(name)
            return name

        return fn

    serial.submit(first, got.append)  # holds the only thread
    serial.submit(keyed("a"), got.append, key="q")
    serial.submit(keyed("b"), got.append, key="q")
    gate.set()
    qtbot.waitUntil(lambda: serial.pending == 0)
    assert ran == ["b"]
    assert got == ["first", "b"]
    serial.shutdown()
    shiboken6.delete(owner)


def test_nothing_is_delivered_to_a_deleted_owner(qtbot, pool: Tasks) -> None:
    widget_like = QObject()
    started, gate = threading.Event(), threading.Event()
    got: list[Any] = []

    def work(report) -> str:
        started.set()
        gate.wait(GATE_TIMEOUT)
        report("late progress")
        return "late"

    pool.submit(work, got.append, got.append, on_progress=got.append, owner=widget_like)
    assert started.wait(GATE_TIMEOUT)
    shiboken6.delete(widget_like)  # the C++ object is gone; a Python wrapper remains
    gate.set()
    qtbot.waitUntil(lambda: pool.pending == 0)
    assert got == []


def test_a_cancelled_task_delivers_nothing(qtbot, pool: Tasks) -> None:
    started, gate = threading.Event(), threading.Event()
    got: list[Any] = []

    def work() -> str:
        started.set()
        gate.wait(GATE_TIMEOUT)
        return "x"

    task = pool.submit(work, got.append)
    assert started.wait(GATE_TIMEOUT)
    task.cancel()
    assert task.cancelled
    gate.set()
    qtbot.waitUntil(lambda: pool.pending == 0)
    assert got == []


def test_shutdown_drops_pending_answers_and_refuses_new_work(qtbot) -> None:
    owner = QObject()
    serial = Tasks(owner, max_threads=1)
    gate = threading.Event()
    got: list[str] = []
    ran: list[str] = []

    def first() -> str:
        gate.wait(GATE_TIMEOUT)
        return "first"

    serial.submit(first, got.append)
    serial.submit(lambda: ran.append("queued") or "queued", got.append)
    gate.set()
    assert serial.shutdown()
    late = serial.submit(lambda: ran.append("late") or "late", got.append)
    assert late.cancelled
    qtbot.waitUntil(lambda: serial.pending == 0)
    assert got == []
    assert "late" not in ran
    shiboken6.delete(owner)


def test_destroying_the_pool_with_work_in_flight_delivers_nothing(qtbot) -> None:
    owner = QObject()
    doomed = Tasks(owner)
    gate = threading.Event()
    got: list[Any] = []
    doomed.submit(lambda: gate.wait(GATE_TIMEOUT) and "x", got.append, got.append)
    gate.set()
    shiboken6.delete(owner)  # the pool's destructor waits for its thread; the relay goes after
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()
    assert got == []


class _Sentinel:
    """Records which thread frees it: the closures of a task must die on the GUI thread."""

    def __init__(self, freed_in: list[threading.Thread]) -> None:
        self.freed_in = freed_in

    def __del__(self) -> None:
        self.freed_in.append(threading.current_thread())


def test_the_gui_thread_drops_the_last_reference_to_what_a_task_holds(qtbot, pool: Tasks) -> None:
    freed_in: list[threading.Thread] = []
    for _ in range(50):
        fn_ref, done_ref = _Sentinel(freed_in), _Sentinel(freed_in)

        def work(s=fn_ref) -> int:
            return id(s)

        pool.submit(work, lambda _r, s=done_ref: None)
        del fn_ref, done_ref, work
    qtbot.waitUntil(lambda: pool.pending == 0)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(freed_in) == 100
    assert set(freed_in) == {_gui_thread()}


def test_shared_is_one_application_wide_instance(qapp) -> None:
    first = tasks_mod.shared()
    assert tasks_mod.shared() is first
    assert first.parent() is qapp
