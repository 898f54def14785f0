"""Work deferred to just after the window's first paint (kiosk.ui.common.first_paint)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.common.first_paint import after_first_paint


def test_job_waits_for_the_first_paint(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    done: list[str] = []
    after_first_paint(widget, lambda: done.append("a"), fallback_ms=60_000)
    after_first_paint(widget, lambda: done.append("b"), fallback_ms=60_000)
    qtbot.wait(50)
    assert done == []  # not shown: nothing painted, the fallback is far away
    widget.show()
    qtbot.waitUntil(lambda: done == ["a", "b"])  # in order, once
    after_first_paint(widget, lambda: done.append("c"))
    assert done == ["a", "b", "c"]  # already painted: at once
    widget.update()
    qtbot.wait(50)
    assert done == ["a", "b", "c"]


def test_a_window_never_painted_still_gets_its_work(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    done: list[int] = []
    after_first_paint(widget, lambda: done.append(1), fallback_ms=50)
    qtbot.waitUntil(lambda: done == [1])
