"""Kiosk lockdown: the counter window fills the screen and nobody leaves it without the
administrator PIN — not by closing it, Alt+F4, Escape or minimising.

Sized to the screen explicitly: with no window manager (a bare X session, the usual kiosk set-up)
`showFullScreen()` alone leaves the window at its size hint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.services.security import Security
from kiosk.ui.common.pin_dialog import ask_admin_pin

PinPrompt = Callable[[QWidget], bool]

UNLOCK_SHORTCUT = "Ctrl+Alt+Shift+U"


def bring_to_front(window: QWidget) -> None:
    if QGuiApplication.platformName() == "offscreen":
        return  # nothing to raise, and Qt warns about it
    window.raise_()
    window.activateWindow()


class Lockdown(QObject):
    """Apply with `apply()`; `unlock_action` (also on `UNLOCK_SHORTCUT`) asks the PIN and lifts
    the lock until `relock()`. `ask_pin` is injectable (tests, or a main window with its own
    prompt); by default it is the PIN dialog checked against `security`."""

    unlocked = Signal()
    relocked = Signal()

    def __init__(
        self,
        window: QWidget,
        security: Security,
        screen: QScreen | None = None,
        *,
        ask_pin: PinPrompt | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.security = security
        self.screen = screen
        self.ask_pin: PinPrompt = ask_pin or (lambda parent: ask_admin_pin(parent, security))
        self.locked = True
        self._closing = False
        self.unlock_action = QAction(self.tr("Déverrouiller (administrateur)…"), window)
        self.unlock_action.setShortcut(QKeySequence(UNLOCK_SHORTCUT))
        self.unlock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.unlock_action.triggered.connect(self.unlock)
        window.addAction(self.unlock_action)
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # keys reach the focused child first

    # -- applying -----------------------------------------------------------------------
    def target_screen(self) -> QScreen:
        return self.screen or self.window.screen() or QGuiApplication.primaryScreen()

    def apply(self) -> None:
        self.locked = True
        w = self.window
        w.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        w.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        w.setGeometry(self.target_screen().geometry())
        w.showFullScreen()
        bring_to_front(w)

    # -- PIN-guarded actions -----------------------------------------------------------------
    def unlock(self) -> bool:
        if not self.locked:
            return True
        if not self.ask_pin(self.window):
            return False
        self.locked = False
        self.unlocked.emit()
        return True

    def relock(self) -> None:
        self.locked = True
        self.relocked.emit()
        if self.window.isMinimized():
            self._restore()

    def request_close(self) -> bool:
        """Close the window if the PIN is given (or already unlocked)."""
        if self.locked and not self.ask_pin(self.window):
            return False
        self._closing = True
        self.locked = False
        return self.window.close()

    # -- the filter ---------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        etype = event.type()
        if obj is self.window:
            if etype == QEvent.Type.Close:
                if self._closing or not self.locked:
                    return False
                event.ignore()
                QTimer.singleShot(0, self.request_close)  # not inside the close event
                return True
            if etype == QEvent.Type.WindowStateChange and self.locked:
                if self.window.windowState() & Qt.WindowState.WindowMinimized:
                    QTimer.singleShot(0, self._restore)
                return False
        if (
            etype == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self.locked
            and self._in_window(obj)
        ):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                return True  # swallowed: there is nothing to leave
            if key == Qt.Key.Key_F4 and event.modifiers() & Qt.KeyboardModifier.AltModifier:
                QTimer.singleShot(0, self.request_close)
                return True
        return False

    def _in_window(self, obj: QObject) -> bool:
        # Only the counter window: Escape still cancels our own dialogs (their window() differs).
        return isinstance(obj, QWidget) and obj.window() is self.window

    def _restore(self) -> None:
        if self.locked:
            self.window.setWindowState(
                (self.window.windowState() & ~Qt.WindowState.WindowMinimized)
                | Qt.WindowState.WindowFullScreen
            )
            self.window.showFullScreen()
            bring_to_front(self.window)
