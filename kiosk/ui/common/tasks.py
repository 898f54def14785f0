"""The one way the UI runs one-shot blocking work (SQL, HTTP, a file import) off the GUI thread.

``tasks.submit(fn, on_done, on_error)`` runs ``fn()`` on a pool thread and calls ``on_done(result)``
or ``on_error(exc)`` on the GUI thread. Options:

- ``on_progress``: ``fn`` is then called with one argument, ``report(*args)``, which it may call
  from the worker as often as it likes; ``on_progress(*args)`` runs on the GUI thread, in order,
  always before ``on_done``.
- ``key`` ("latest wins"): a newer submission with the same key supersedes the older one: if
  the older one has not started it never runs, and if it has, its result (or error, or progress)
  is dropped. Search-as-you-type sends every keystroke and shows only the last answer.
- ``owner``: a QObject (usually the widget the callbacks update); once it is deleted, nothing
  more is delivered for that task.

``submit`` returns a ``Task`` handle (``cancel()``, ``cancelled``). ``shutdown()`` cancels
everything still pending, refuses new work and waits for what is running. Destroying the
``Tasks`` object (with its parent) does the same: its pool waits for its threads, and results
that arrive later have nowhere to go. ``shared()`` is an application-wide instance for dialogs
and the setup wizard, which have no window to own a pool and must not block their own closing
on a slow network call (they pass ``owner=self`` instead).

The threading rules (docs/architecture.md, "Threads"): Qt objects die on the GUI thread, and a
worker never holds the last reference to one. So a worker receives a task record that the GUI
thread keeps in ``Tasks._tasks`` until the worker has said it is finished (that message is the
worker's very last act, after it dropped its own references); results and errors are stored on
the record and read on the GUI thread. Only plain values (a task number, progress arguments)
travel in the queued signals. The relay that carries them is owned by the ``Tasks`` object,
never by Python alone, and outlives every worker (the pool is destroyed first and waits).

The long-lived threads are not tasks: the sync runner (``kiosk/ui/sync_runner.py``) is a loop
that lives as long as the window, sleeping between passes and woken by "Synchroniser", and the
camera's decode thread (``kiosk/scan/camera.py``) keeps a worker object with its decoder and
takes one frame at a time for as long as the camera runs (it drops frames while busy rather
than queueing them). Either would hold a pool thread forever; they keep their own thread and
report through signals of their own, queued onto the GUI thread the same way.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Hashable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("kiosk.ui.common.tasks")

Report = Callable[..., None]


class Task:
    """One submission. Created, delivered and released on the GUI thread; a worker only reads
    ``fn``/``cancelled`` and writes ``outcome``."""

    __slots__ = (
        "cancelled",
        "fn",
        "id",
        "key",
        "on_done",
        "on_error",
        "on_progress",
        "outcome",
        "owner",
    )

    def __init__(
        self,
        task_id: int,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[..., None] | None,
        key: Hashable | None,
        owner: QObject | None,
    ) -> None:
        self.id = task_id
        self.fn = fn
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.key = key
        self.owner = owner
        self.cancelled = False
        self.outcome: tuple[bool, Any] | None = None

    def cancel(self) -> None:
        """Drop this task's progress and result; if it has not started, it never runs."""
        self.cancelled = True

    def _live(self) -> bool:
        return not self.cancelled and (self.owner is None or shiboken6.isValid(self.owner))


class _Relay(QObject):
    """Lives on the GUI thread; workers emit, the GUI thread receives (queued)."""

    progressed = Signal(int, object)  # task id, tuple of the report's arguments
    finished = Signal(int)  # task id; the outcome is on the task record


def _call(fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[bool, Any]:
    # Separate frame: an exception's traceback keeps this frame, not the worker's loop state.
    try:
        return True, fn(*args)
    except BaseException as exc:  # handed to the GUI thread, which explains it
        return False, exc


class _Job(QRunnable):
    def __init__(self, task: Task, relay: _Relay) -> None:
        super().__init__()
        self.task: Task | None = task
        self.relay: _Relay | None = relay

    def run(self) -> None:
        task, relay = self.task, self.relay
        self.task = self.relay = None  # the GUI thread's registry keeps both alive
        assert task is not None and relay is not None
        task_id = task.id
        if not task.cancelled:
            args: tuple[Any, ...] = ()
            if task.on_progress is not None:
                progressed = relay.progressed

                def report(*values: Any) -> None:
                    progressed.emit(task_id, values)

                args = (report,)
            task.outcome = _call(task.fn, args)
            del args
        del task  # before saying "finished": the GUI thread must hold the last reference
        relay.finished.emit(task_id)


class Tasks(QObject):
    """A thread pool whose results come back on the GUI thread (see the module docstring)."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        # Created before the relay, so destroyed before it: the pool's destructor waits for
        # its threads, and no worker can then emit into a deleted relay.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_progress)
        self._relay.finished.connect(self._on_finished)
        self._ids = itertools.count(1)
        self._tasks: dict[int, Task] = {}  # submitted, not yet finished (worker side)
        self._latest: dict[Hashable, Task] = {}
        self._closed = False

    @property
    def pending(self) -> int:
        """Tasks whose worker has not reported back yet (tests wait for 0)."""
        return len(self._tasks)

    def submit(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        on_progress: Callable[..., None] | None = None,
        key: Hashable | None = None,
        owner: QObject | None = None,
    ) -> Task:
        task = Task(next(self._ids), fn, on_done, on_error, on_progress, key, owner)
        if self._closed:
            task.cancel()
            return task
        if key is not None:
            older = self._latest.get(key)
            if older is not None:
                older.cancel()
            self._latest[key] = task
        self._tasks[task.id] = task
        self.pool.start(_Job(task, self._relay))
        return task

    def cancel(self, key: Hashable) -> None:
        """Drop the pending task submitted with this key, if any."""
        task = self._latest.pop(key, None)
        if task is not None:
            task.cancel()

    def cancel_all(self) -> None:
        for task in self._tasks.values():
            task.cancel()
        self._latest.clear()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the running workers are done (their results still arrive as events)."""
        return self.pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Cancel what is pending, refuse new work, wait for the running workers."""
        self._closed = True
        self.cancel_all()
        return self.pool.waitForDone(msecs)

    @Slot(int, object)
    def _on_progress(self, task_id: int, values: tuple[Any, ...]) -> None:
        task = self._tasks.get(task_id)
        if task is not None and task.on_progress is not None and task._live():
            task.on_progress(*values)

    @Slot(int)
    def _on_finished(self, task_id: int) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        if task.key is not None and self._latest.get(task.key) is task:
            del self._latest[task.key]
        outcome, task.outcome = task.outcome, None
        if outcome is None or not task._live():
            return  # cancelled, superseded, or its owner is gone
        ok, value = outcome
        if ok:
            task.on_done(value)
        elif task.on_error is not None:
            task.on_error(value)
        else:
            log.error("background task failed", exc_info=value)


def shared() -> Tasks:
    """The application's pool for work with no window to own it (wizard, dialogs)."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    existing = app.findChild(Tasks, "kiosk-shared-tasks")
    if existing is not None:
        return existing
    tasks = Tasks(app)
    tasks.setObjectName("kiosk-shared-tasks")
    return tasks
