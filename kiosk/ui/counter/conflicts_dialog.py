"""Conflicts to handle: validations pass Culture refused after the fact, with what happened,
what to do, and a "Traité" button once staff have dealt with it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.messages import format_datetime
from kiosk.domain.operations import Operation
from kiosk.sync.conflicts import text_for


class ConflictsDialog(QDialog):
    handled = Signal(str)  # op_id marked "Traité"

    def __init__(
        self,
        conflicts: list[tuple[Operation, str | None]],
        acknowledge: Callable[[str], None],
        parent: QWidget | None = None,
        *,
        lang: str = "fr",
    ) -> None:
        super().__init__(parent)
        self._acknowledge = acknowledge
        self.lang = lang  # of the conflict texts, which come from the Qt-free catalogue
        self.setWindowTitle(self.tr("Conflits à traiter"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(780, 520)
        lay = QVBoxLayout(self)
        self.empty = QLabel(self.tr("Aucun conflit à traiter."))
        lay.addWidget(self.empty)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        self.rows = QVBoxLayout(inner)
        self.rows.addStretch(1)
        scroll.setWidget(inner)
        lay.addWidget(scroll, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        close.rejected.connect(self.reject)
        lay.addWidget(close)
        self.buttons: dict[str, QPushButton] = {}
        for op, booking_text in conflicts:
            self._add(op, booking_text)
        self.empty.setVisible(not conflicts)

    def _add(self, op: Operation, booking_text: str | None) -> None:
        t = text_for(op, self.lang)
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setStyleSheet("QFrame { background: #FFF6F6; border: 1px solid #E4A0A3; }")
        lay = QVBoxLayout(box)
        head = QHBoxLayout()
        when = format_datetime(op.created_at, None, self.lang)
        title = QLabel(f"<b>{t.title}</b> — {op.token} — {when}")
        title.setStyleSheet("font-size: 18px; border: none;")
        head.addWidget(title, 1)
        done = QPushButton(self.tr("Traité"))
        done.setAccessibleName(
            self.tr("Marquer le conflit %1 comme traité").replace("%1", op.token)
        )
        done.clicked.connect(lambda: self._done(op.op_id, box))
        head.addWidget(done)
        lay.addLayout(head)
        if booking_text:
            lay.addWidget(self._text(booking_text))
        lay.addWidget(self._text(self.tr("Ce qui s’est passé : ") + t.what_happened))
        lay.addWidget(self._text(self.tr("Que faire : ") + t.what_to_do))
        self.rows.insertWidget(self.rows.count() - 1, box)
        self.buttons[op.op_id] = done

    @staticmethod
    def _text(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("border: none;")
        return label

    def _done(self, op_id: str, box: QFrame) -> None:
        self._acknowledge(op_id)
        self.buttons.pop(op_id, None)
        box.hide()
        self.handled.emit(op_id)
        self.empty.setVisible(not self.buttons)
