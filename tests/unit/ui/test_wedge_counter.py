"""Scanner bursts through the real app-wide WedgeCapture into the counter window.

Key events are built by hand with synthetic timestamps (qtbot.keyClicks aborts on é/à/ç and
stamps 0); the scan must never type into the focused field.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.unit.ui.conftest import settle

pytest.importorskip("kiosk.scan.wedge")

_clock = [50_000]


def burst(target: QWidget, text: str, gap_ms: int = 6) -> None:
    """A scanner typing `text` then Enter, every `gap_ms` (timestamps only, no sleeping)."""
    for ch in text:
        _clock[0] += gap_ms
        ev = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
        ev.setTimestamp(_clock[0])
        QApplication.sendEvent(target, ev)
    _clock[0] += gap_ms
    ev = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    ev.setTimestamp(_clock[0])
    QApplication.sendEvent(target, ev)
    _clock[0] += 1000  # the next burst is a separate scan


@pytest.fixture
def wedge_window(services, window_factory):
    w = window_factory(services, install_wedge=True)
    assert w.wedge is not None
    w.screen.entry.field.setFocus()
    return w


def test_scanner_burst_is_a_scan_not_typing(wedge_window, qtbot):
    field = wedge_window.screen.entry.field
    burst(field, "PASSCULTURE:v3;TOKEN:ABC234")
    qtbot.waitUntil(lambda: wedge_window.screen.band.title == "VALIDABLE", timeout=3000)
    assert field.text() == ""  # held back from the field
    burst(field, "PASSCULTURE:v3;TOKEN:ABC234")  # same code again: only re-shown (issue 14)
    qtbot.waitUntil(lambda: "Même contremarque" in wedge_window.screen.band.source_text)
    assert wedge_window.screen.band.title == "VALIDABLE"
    settle(qtbot, wedge_window)
    assert wedge_window.screen.current.op_id is None


def test_azerty_garbled_scan_is_repaired(wedge_window, qtbot):
    # A US-layout scanner on a French AZERTY host: "PASSCULTURE:v3;TOKEN:ABC234" arrives so.
    garbled = 'PQSSCULTUREMv"mTOKENMQBCé"\''
    burst(wedge_window.screen.entry.field, garbled)
    qtbot.waitUntil(lambda: wedge_window.screen.current is not None, timeout=3000)
    assert wedge_window.screen.current.token == "ABC234"
    assert wedge_window.screen.band.title == "VALIDABLE"


def test_scan_while_name_search_is_open_is_handled(wedge_window, qtbot):
    screen = wedge_window.screen
    burst(screen.entry.field, "ZZZ234")
    qtbot.waitUntil(lambda: screen.band.title == "INCONNUE HORS LIGNE", timeout=3000)
    screen.open_name_search()
    dialog = screen.name_search
    dialog.query.setFocus()
    # The scanner fires while staff are in the dialog: a whole payload is a scan even in a
    # text field (a bare token there stays text: test_keys_in_real_hands).
    burst(dialog.query, "PASSCULTURE:v3;TOKEN:CANC23")
    qtbot.waitUntil(lambda: screen.band.title == "ANNULÉE", timeout=3000)
    assert not dialog.isVisible()
    assert dialog.query.text() == ""
