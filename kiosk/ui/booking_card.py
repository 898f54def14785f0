"""The booking card: who, what, when, how much — the Guichet's lines, from `kiosk.display`.

A DUO booking shows a big "DUO — 2 places" badge: two people come in on one code.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.display import card
from kiosk.domain.booking import Booking


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
        self.empty = QLabel(self.tr("Aucune réservation affichée."))
        self.empty.setObjectName("cardLabel")
        outer.addWidget(self.empty)
        outer.addStretch(1)
        self.values: dict[str, str] = {}

    def show_booking(self, booking: Booking | None, lang: str) -> None:
        self.booking = booking
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.values = {}
        if booking is None:
            self.empty.show()
            self.duo.hide()
            return
        self.empty.hide()
        for row, line in enumerate(card(booking, lang)):
            label = QLabel(line.label)
            label.setObjectName("cardLabel")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value = QLabel(line.value)
            value.setObjectName("cardValue")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(line.label)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(value, row, 1)
            label.show()  # now, not on the next event-loop turn: the card paints with the band
            value.show()
            self.values[line.key] = line.value
        if booking.is_duo:
            self.duo.setText(self.tr("DUO — %n places", "", booking.quantity))
            self.duo.show()
        else:
            self.duo.hide()
