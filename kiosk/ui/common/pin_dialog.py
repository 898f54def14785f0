"""Asking for a PIN: a big masked field and a keypad (touch screens), with the back-off shown.

The check itself is `kiosk.services.security` (or `kiosk.services.staff`): this dialog only
asks and displays.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.security import Attempt, Security, wait_text

Checker = Callable[[str], Attempt]


class PinPad(QWidget):
    """Masked field + 0–9 keypad; `field` is the QLineEdit (keyboard typing works too)."""

    def __init__(self, parent: QWidget | None = None, *, max_len: int = 12) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(max_len)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.field.font())
        font.setPointSize(22)
        self.field.setFont(font)
        self.field.setMinimumHeight(56)
        grid = QGridLayout()
        grid.setSpacing(8)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "C"]
        for i, key in enumerate(keys):
            button = QPushButton(key, self)
            button.setMinimumSize(72, 56)
            button.setFont(font)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setObjectName(f"key_{key}")
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            grid.addWidget(button, i // 3, i % 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addLayout(grid)

    def _press(self, key: str) -> None:
        if key == "⌫":
            self.field.backspace()
        elif key == "C":
            self.field.clear()
        else:
            self.field.insert(key)
        self.field.setFocus()

    def text(self) -> str:
        return self.field.text()

    def clear(self) -> None:
        self.field.clear()


class PinDialog(QDialog):
    """Modal PIN prompt. With a `checker`, it stays open until the PIN is right (or cancelled)
    and shows the wait after repeated failures; without one, it just returns the text.
    `lang`: the language of the checker's messages ("fr" or "en"), the window's."""

    def __init__(
        self,
        title: str,
        prompt: str = "",
        parent: QWidget | None = None,
        *,
        checker: Checker | None = None,
        initial_wait: float = 0.0,
        lang: str = "fr",
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(400)
        self.checker = checker
        self._wait_left = 0
        heading = QLabel(title, self)
        bold = QFont(heading.font())
        bold.setPointSize(16)
        bold.setBold(True)
        heading.setFont(bold)
        self.prompt = QLabel(prompt or self.tr("Tapez le code puis « Valider »."), self)
        self.prompt.setWordWrap(True)
        self.pad = PinPad(self)
        self.message = QLabel("", self)
        self.message.setObjectName("pin_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message.setMinimumHeight(48)  # room for two lines without squeezing the keypad
        self.ok_button = QPushButton(self.tr("Valider"), self)
        self.ok_button.setDefault(True)
        self.ok_button.setMinimumHeight(48)
        cancel = QPushButton(self.tr("Annuler"), self)
        cancel.setMinimumHeight(48)
        self.ok_button.clicked.connect(self._submit)
        cancel.clicked.connect(self.reject)
        self.pad.field.returnPressed.connect(self._submit)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.prompt)
        layout.addWidget(self.pad)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        if initial_wait > 0:
            self._lock(initial_wait)
        self.pad.field.setFocus()

    def pin(self) -> str:
        return self.pad.text()

    def scan_refused(self, text: str) -> None:
        """A scanner fired while the PIN is asked: say it here, where staff are looking."""
        self.message.setText(text)

    def _submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        if self.checker is None:
            self.accept()
            return
        attempt = self.checker(self.pin())
        self.pad.clear()
        if attempt.ok:
            self.message.clear()
            self.accept()
            return
        self.message.setText(attempt.text(self.lang))
        if attempt.locked:
            self._lock(attempt.wait_seconds)

    def _lock(self, seconds: float) -> None:
        self._wait_left = max(1, int(seconds + 0.999))
        self.ok_button.setEnabled(False)
        self._show_wait()
        self._timer.start()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._timer.stop()
            self.ok_button.setEnabled(True)
            self.ok_button.setText(self.tr("Valider"))
            self.message.setText(self.tr("Vous pouvez réessayer."))
            return
        self._show_wait()

    def _show_wait(self) -> None:
        self.ok_button.setText(self.tr("Patientez {}").format(wait_text(self._wait_left)))


def ask_admin_pin(
    parent: QWidget | None, security: Security, prompt: str = "", *, lang: str = "fr"
) -> bool:
    """The administrator PIN, checked with back-off (messages in `lang`); True once right."""
    dialog = PinDialog(
        QCoreApplication.translate("PinDialog", "Code administrateur"),
        prompt,
        parent,
        checker=security.check_admin_pin,
        initial_wait=security.locked_for("admin"),
        lang=lang,
    )
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()  # a child of the window: one per admin action otherwise
    return accepted
