"""Kiosk lockdown: full screen, and no way out without the administrator PIN."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.services.security import Security
from kiosk.store.database import Database
from kiosk.ui.admin.lockdown import Lockdown

PIN = "482913"


class Counter(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Guichet", self))
        layout.addWidget(self.field)


@pytest.fixture
def security(db: Database) -> Security:
    sec = Security(db)
    sec.set_admin_pin(PIN)
    return sec


@pytest.fixture
def locked(qtbot, security: Security):
    typed: list[str] = []  # what the "admin" types at the next prompt
    asked: list[int] = []

    def prompt(_parent: QWidget) -> bool:
        asked.append(1)
        return bool(typed) and security.check_admin_pin(typed.pop(0)).ok

    w = Counter()
    qtbot.addWidget(w)
    lock = Lockdown(w, security, ask_pin=prompt)
    lock.apply()
    qtbot.waitExposed(w)
    return w, lock, typed, asked


def _key(widget: QWidget, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, mods))


def test_fills_the_screen_frameless(locked) -> None:
    w, _, _, _ = locked
    assert w.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert w.isFullScreen()
    assert w.geometry() == QGuiApplication.primaryScreen().geometry()


def test_close_refused_without_pin_allowed_with_it(qtbot, locked) -> None:
    w, _, typed, asked = locked
    w.close()
    qtbot.waitUntil(lambda: bool(asked))
    assert w.isVisible()
    typed.append("000000")
    w.close()
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert w.isVisible()
    typed.append(PIN)
    w.close()
    qtbot.waitUntil(lambda: not w.isVisible())


def test_alt_f4_refused_without_pin_allowed_with_it(qtbot, locked) -> None:
    w, _, typed, asked = locked
    _key(w.field, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(asked))
    assert w.isVisible()
    typed.append(PIN)
    _key(w.field, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not w.isVisible())


def test_escape_swallowed_while_locked_passes_once_unlocked(qtbot, locked) -> None:
    w, lock, typed, _ = locked
    seen: list[int] = []

    class Spy(QLineEdit):
        def keyPressEvent(self, e: QKeyEvent) -> None:
            seen.append(e.key())

    spy = Spy(w)
    _key(spy, Qt.Key.Key_Escape)
    assert seen == [] and w.isVisible()
    typed.append(PIN)
    assert lock.unlock()
    _key(spy, Qt.Key.Key_Escape)
    assert seen == [Qt.Key.Key_Escape]


def test_minimise_undone_while_locked_kept_once_unlocked(qtbot, locked) -> None:
    w, lock, typed, _ = locked
    w.showMinimized()
    qtbot.waitUntil(lambda: not w.isMinimized() and w.isFullScreen())
    typed.append(PIN)
    assert lock.unlock()
    w.showMinimized()
    qtbot.wait(50)
    assert w.isMinimized()
    lock.relock()
    qtbot.waitUntil(lambda: not w.isMinimized())


def test_unlock_with_wrong_pin_stays_locked(locked) -> None:
    _, lock, typed, _ = locked
    typed.append("111111")
    assert not lock.unlock()
    assert lock.locked


def test_real_pin_dialog_screenshot(qtbot, security: Security, screenshot_dir: Path) -> None:
    from kiosk.ui.common.pin_dialog import PinDialog

    dlg = PinDialog("Code administrateur", checker=security.check_admin_pin)
    qtbot.addWidget(dlg)
    dlg.show()
    for _ in range(3):
        dlg.pad.field.setText("000000")
        dlg.ok_button.click()
    assert not dlg.ok_button.isEnabled()
    assert "Trop d'essais" in dlg.message.text()
    dlg.grab().save(str(screenshot_dir / "ops-pin-locked.png"))
    dlg.hide()
