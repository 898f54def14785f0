"""Typing the 6-character code by hand, with the pro Guichet's live hints (facts §6).

Upper-cased as typed; text after the last ':' is kept (a QR payload pasted in); at six valid
characters it submits by itself.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.ui.common.elided import WrappedLabel

TOKEN_LENGTH = 6
_VALID = re.compile(r"^[A-Z0-9]*$")


def hint_for(text: str) -> tuple[str, bool]:
    """(French hint, is_error) for what is typed — the Guichet's own sentences."""
    value = text.upper().split(":")[-1].strip()
    if not value:
        return "Saisissez une contremarque", False
    if not _VALID.match(value):
        return "Caractères valides : de A à Z et de 0 à 9", True
    if len(value) > TOKEN_LENGTH:
        return "La contremarque ne peut pas faire plus de 6 caractères", True
    if len(value) < TOKEN_LENGTH:
        return f"Caractères restants : {TOKEN_LENGTH - len(value)}/{TOKEN_LENGTH}", False
    return "", False


class ManualEntry(QWidget):
    submitted = Signal(str)  # a complete 6-character code
    enter_pressed = Signal(str)  # Enter in the field (validate, when the code is on screen)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("Contremarque"))
        self.label.setObjectName("sectionTitle")
        lay.addWidget(self.label)
        self.field = QLineEdit()
        self.field.setObjectName("token")
        self.field.setPlaceholderText(self.tr("ex : AZE123"))
        self.field.setAccessibleName(self.tr("Contremarque"))
        self.field.setAccessibleDescription(self.tr("Saisissez les 6 caractères du code"))
        self.field.setMaxLength(64)
        self.label.setBuddy(self.field)
        lay.addWidget(self.field)
        self.hint = WrappedLabel()  # an error sentence wraps, never cut at the field's width
        self.hint.setObjectName("hint")
        self.hint.setAccessibleName(self.tr("Aide à la saisie"))
        lay.addWidget(self.hint)
        self.field.textEdited.connect(self._edited)
        self.field.returnPressed.connect(self._return)
        self._last_submitted = ""
        self._show_hint("")

    def _translate_hint(self, text: str) -> tuple[str, bool]:
        hint, error = hint_for(text)
        if hint.startswith("Caractères restants"):
            n = TOKEN_LENGTH - len(text.upper().split(":")[-1].strip())
            return self.tr("Caractères restants : %1/6").replace("%1", str(n)), error
        table = {
            "Saisissez une contremarque": self.tr("Saisissez une contremarque"),
            "Caractères valides : de A à Z et de 0 à 9": self.tr(
                "Caractères valides : de A à Z et de 0 à 9"
            ),
            "La contremarque ne peut pas faire plus de 6 caractères": self.tr(
                "La contremarque ne peut pas faire plus de 6 caractères"
            ),
        }
        return table.get(hint, hint), error

    def _show_hint(self, text: str) -> None:
        hint, error = self._translate_hint(text)
        if hint != self.hint.text():
            self.hint.setText(hint)
        flag = "true" if error else "false"
        if self.hint.property("error") != flag:  # re-polishing costs ~0.5 ms: only on change
            self.hint.setProperty("error", flag)
            self.hint.style().unpolish(self.hint)
            self.hint.style().polish(self.hint)

    @property
    def is_error(self) -> bool:
        return self.hint.property("error") == "true"

    def _edited(self, text: str) -> None:
        upper = text.upper()
        if upper != text:
            pos = self.field.cursorPosition()
            self.field.setText(upper)
            self.field.setCursorPosition(pos)
        self._show_hint(upper)
        value = upper.split(":")[-1].strip()
        if len(value) == TOKEN_LENGTH and _VALID.match(value) and value != self._last_submitted:
            self._last_submitted = value
            self.submitted.emit(value)
        elif len(value) < TOKEN_LENGTH:
            self._last_submitted = ""

    def _return(self) -> None:
        value = self.field.text().upper().split(":")[-1].strip()
        if len(value) == TOKEN_LENGTH and _VALID.match(value) and value != self._last_submitted:
            self._last_submitted = value
            self.submitted.emit(value)
            return
        self.enter_pressed.emit(value)

    def clear(self) -> None:
        if self.field.text():
            self.field.clear()
        self._last_submitted = ""
        self._show_hint("")
