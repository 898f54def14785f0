"""WedgeCapture through the real application event filter (pytest-qt, offscreen).

Key events are built by hand: ``qtbot.keyClicks`` aborts the interpreter on é/à/ç, and QTest
events carry timestamp 0 (docs/qt-stack-notes.md §3).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.payload import parse_payload
from kiosk.scan.wedge import WedgeCapture, mark_scan_field

pytestmark = pytest.mark.gui

V3 = "PASSCULTURE:v3;TOKEN:ABC123"
NO_MOD = Qt.KeyboardModifier.NoModifier


def press(target: QWidget, text: str, ts: int, key: Qt.Key = Qt.Key.Key_unknown) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, key, NO_MOD, text)
    event.setTimestamp(ts)
    QApplication.sendEvent(target, event)


def type_burst(target: QWidget, text: str, start: int = 10_000, gap: int = 5) -> int:
    ts = start
    for i, c in enumerate(text):
        ts = start + i * gap
        press(target, c, ts)
    return ts


class Screen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.edit = QLineEdit(self)  # the counter's code field: where scans belong
        mark_scan_field(self.edit)
        self.other = QLineEdit(self)  # any other text field (a search…)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.other)


@pytest.fixture
def wedge(qapp: QApplication) -> Iterator[WedgeCapture]:
    capture = WedgeCapture()
    capture.install(qapp)
    yield capture
    capture.uninstall()
    capture.deleteLater()


@pytest.fixture
def screen(qtbot: QtBot) -> Screen:
    widget = Screen()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.edit.setFocus()
    return widget


@pytest.fixture
def scans(wedge: WedgeCapture) -> list[tuple[str, str]]:
    received: list[tuple[str, str]] = []
    wedge.scanned.connect(lambda payload, source: received.append((payload, source)))
    return received


@pytest.mark.parametrize(
    ("key", "text"), [(Qt.Key.Key_Return, "\r"), (Qt.Key.Key_Enter, "\r"), (Qt.Key.Key_Tab, "\t")]
)
def test_fast_burst_with_terminator_is_scanned_and_field_stays_empty(
    qtbot: QtBot,
    wedge: WedgeCapture,
    screen: Screen,
    scans: list[tuple[str, str]],
    key: Qt.Key,
    text: str,
) -> None:
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        ts = type_burst(screen.edit, V3, gap=4)
        press(screen.edit, text, ts + 4, key)
    assert blocker.args == [V3, "wedge"]
    qtbot.wait(250)  # no late idle emission, nothing re-delivered
    assert scans == [(V3, "wedge")]
    assert screen.edit.text() == ""
    assert screen.other.text() == ""


def test_burst_without_terminator_is_accepted_after_idle(
    qtbot: QtBot, wedge: WedgeCapture, screen: Screen, scans: list[tuple[str, str]]
) -> None:
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        type_burst(screen.edit, "ABC123", gap=8)
    assert blocker.args == ["ABC123", "wedge"]
    qtbot.wait(200)
    assert scans == [("ABC123", "wedge")]
    assert screen.edit.text() == ""


def test_slow_typing_reaches_the_field_unchanged(
    qtbot: QtBot, screen: Screen, scans: list[tuple[str, str]]
) -> None:
    text = "abC12é"
    ts = type_burst(screen.edit, text, gap=150)
    with qtbot.waitSignal(screen.edit.returnPressed, timeout=1000):
        press(screen.edit, "\r", ts + 150, Qt.Key.Key_Return)
    assert screen.edit.text() == text
    qtbot.wait(200)
    assert scans == []


def test_last_slow_key_is_released_by_the_timer(qtbot: QtBot, screen: Screen) -> None:
    type_burst(screen.edit, "ABC", gap=200)
    qtbot.waitUntil(lambda: screen.edit.text() == "ABC", timeout=1000)


def test_azerty_garbled_burst_is_emitted_raw(
    qtbot: QtBot, wedge: WedgeCapture, screen: Screen
) -> None:
    garbled = 'PQSSCULTUREMv"mTOKENMQBC&é"'
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        ts = type_burst(screen.edit, garbled, gap=6)
        press(screen.edit, "\r", ts + 6, Qt.Key.Key_Return)
    assert blocker.args == [garbled, "wedge"]
    assert parse_payload(blocker.args[0]).token == "ABC123"
    assert screen.edit.text() == ""


@pytest.mark.parametrize("modality", [Qt.WindowModality.ApplicationModal, None])
def test_scan_while_a_dialog_is_open(
    qtbot: QtBot,
    wedge: WedgeCapture,
    screen: Screen,
    scans: list[tuple[str, str]],
    modality: Qt.WindowModality | None,
) -> None:
    dialog = QDialog(screen)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    if modality is not None:
        dialog.setWindowModality(modality)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    field.setFocus()
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        ts = type_burst(field, V3, gap=3)
        press(field, "\r", ts + 3, Qt.Key.Key_Return)
    assert blocker.args == [V3, "wedge"]
    qtbot.wait(200)
    assert field.text() == ""
    assert screen.edit.text() == ""
    assert dialog.isVisible()  # the Enter did not reach the dialog's default button
    assert scans == [(V3, "wedge")]
    dialog.close()


def test_very_long_burst_does_not_hang_or_leak(
    qtbot: QtBot, wedge: WedgeCapture, screen: Screen, scans: list[tuple[str, str]]
) -> None:
    started = time.perf_counter()
    ts = type_burst(screen.edit, "Z" * 10_000, gap=2)
    press(screen.edit, "\r", ts + 2, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(scans) == 1, timeout=2000)
    assert time.perf_counter() - started < 5
    qtbot.wait(150)
    assert len(scans) == 1
    assert not parse_payload(scans[0][0]).ok
    assert screen.edit.text() == ""


def test_other_key_releases_held_keys_first(
    qtbot: QtBot, screen: Screen, scans: list[tuple[str, str]]
) -> None:
    ts = type_burst(screen.edit, "AB", gap=10)
    press(screen.edit, "", ts + 10, Qt.Key.Key_Backspace)
    assert screen.edit.text() == "A"
    assert scans == []


def test_disabled_capture_lets_keys_through(
    qtbot: QtBot, wedge: WedgeCapture, screen: Screen, scans: list[tuple[str, str]]
) -> None:
    wedge.set_enabled(False)
    ts = type_burst(screen.edit, "ABC123", gap=3)
    press(screen.edit, "\r", ts + 3, Qt.Key.Key_Return)
    assert screen.edit.text() == "ABC123"
    qtbot.wait(200)
    assert scans == []
    wedge.set_enabled(True)
    assert wedge.is_enabled()


def test_zero_timestamps_fall_back_to_the_injected_clock(qtbot: QtBot, screen: Screen) -> None:
    now = [0]

    def clock() -> int:
        now[0] += 5
        return now[0]

    capture = WedgeCapture(clock=clock)
    capture.install()
    try:
        with qtbot.waitSignal(capture.scanned, timeout=1000) as blocker:
            for c in V3:
                press(screen.edit, c, 0)
            press(screen.edit, "\r", 0, Qt.Key.Key_Return)
        assert blocker.args == [V3, "wedge"]
        assert screen.edit.text() == ""
    finally:
        capture.uninstall()


def test_thresholds_are_exposed(wedge: WedgeCapture) -> None:
    wedge.gap_threshold_ms = 25
    wedge.idle_accept_ms = 200
    assert wedge.assembler.gap_threshold_ms == 25
    assert wedge.idle_accept_ms == 200


@pytest.mark.parametrize(
    "echo", [QLineEdit.EchoMode.Password, QLineEdit.EchoMode.PasswordEchoOnEdit]
)
def test_a_secret_field_keeps_its_keys_and_never_emits(
    qtbot: QtBot,
    wedge: WedgeCapture,
    screen: Screen,
    scans: list[tuple[str, str]],
    echo: QLineEdit.EchoMode,
) -> None:
    """The wizard's API key, a PIN: typed as fast as a scanner, with Enter, they stay there; a
    whole payload scanned into one is swallowed and reported, never emitted (issue 14)."""
    secret = screen.other
    secret.setEchoMode(echo)
    secret.setFocus()
    refused: list[bool] = []
    wedge.refused.connect(lambda: refused.append(True))
    with qtbot.waitSignal(secret.returnPressed, timeout=1000):
        ts = type_burst(secret, "ABC123sk", gap=3)
        press(secret, "\r", ts + 3, Qt.Key.Key_Return)
    assert secret.text() == "ABC123sk"
    secret.clear()
    ts = type_burst(secret, V3, start=20_000, gap=3)
    press(secret, "\r", ts + 3, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: refused == [True], timeout=1000)
    qtbot.wait(200)
    assert secret.text() == ""
    assert scans == []
