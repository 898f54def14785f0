"""Guard against the PySide6 build that frees None: a void Qt call must not drop a reference.

PySide6 6.12.0 on CPython 3.11 decremented None's (and True's) reference count on every call
returning nothing; the interpreter aborted after a few thousand calls (a few minutes of use).
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    fired = Signal(bool)


def test_void_calls_and_signals_keep_none_and_bools_alive(qapp):
    label, timer, emitter = QLabel(), QTimer(), _Emitter()
    gc.collect()
    before = (sys.getrefcount(None), sys.getrefcount(True))
    for _ in range(200):
        label.setText("x")
        timer.start(1000)
        timer.stop()
        emitter.fired.emit(True)
        qapp.focusWidget()
    gc.collect()
    after = (sys.getrefcount(None), sys.getrefcount(True))
    assert after[0] - before[0] > -50, "PySide6 leaks references to None: pin a sound release"
    assert after[1] - before[1] > -50, "PySide6 leaks references to True: pin a sound release"
