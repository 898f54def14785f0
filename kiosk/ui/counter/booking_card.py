"""The booking card: who, what, when, how much — the Guichet's lines, from `kiosk.domain.display`.

A DUO booking shows a big "DUO — 2 places" badge: two people come in on one code.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.booking import Booking
from kiosk.domain.display import card
from kiosk.ui.common.elided import WrappedLabel

KEYS = ("user", "offer", "date", "price", "price_category", "ean", "venue")


class BookingCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingCard")
        self.setAccessibleName(self.tr("Réservation"))
        self.booking: Booking | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 10)
        head = QHBoxLayout()
        self.heading = QLabel(self.tr("Réservation"))
        self.heading.setObjectName("sectionTitle")
        head.addWidget(self.heading)
        head.addStretch(1)
        self.duo = QLabel()
        self.duo.setObjectName("duo")
        self.duo.setAccessibleName(self.tr("Réservation DUO"))
        self.duo.hide()
        head.addWidget(self.duo)
        outer.addLayout(head)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(1, 1)
        outer.addLayout(self.grid)
        # Built once and only re-texted: creating and styling labels per scan costs ~40 ms.
        self.rows: dict[str, tuple[QLabel, WrappedLabel]] = {}
        for row, key in enumerate(KEYS):
            label = QLabel()
            label.setObjectName("cardLabel")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value = WrappedLabel()  # a long name wraps; its lines are never cut off
            value.setObjectName("cardValue")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(value, row, 1)
            label.hide()
            value.hide()
            self.rows[key] = (label, value)
        self.empty = QLabel(self.tr("Aucune réservation affichée."))
        self.empty.setObjectName("cardLabel")
        outer.addWidget(self.empty)
        outer.addStretch(1)
        self.values: dict[str, str] = {}

    def show_booking(self, booking: Booking | None, lang: str) -> None:
        self.booking = booking
        lines = {line.key: line for line in card(booking, lang)} if booking else {}
        self.values = {k: line.value for k, line in lines.items()}
        # Hide before showing: each change re-lays out the window, and for a moment it would
        # need room for the old lines and the new ones (a window grows, never shrinks back).
        if booking is not None:
            self.empty.hide()
        for key, (label, value) in self.rows.items():
            if key not in lines:
                label.hide()
                value.hide()
        for key, (label, value) in self.rows.items():
            line = lines.get(key)
            if line is None:
                continue
            label.setText(line.label)
            value.setText(line.value)
            value.setAccessibleName(line.label)
            label.show()
            value.show()
        if booking is None:
            self.empty.show()
        if booking is None:
            self.duo.hide()
            return
        if booking.is_duo:
            self.duo.setText(self.tr("DUO — %n places", "", booking.quantity))
            self.duo.show()
        else:
            self.duo.hide()
