"""Find a booking by the youth's name when the code is unknown offline (to record it "to confirm").

Only bookings still to collect at this counter's venues are listed (`Counter.find_to_collect`);
the query runs off the Qt thread, a moment after typing stops. Nothing is picked for staff: the
youth's row counts only once someone selects it (click, arrows), so Enter never records "à
confirmer" for whoever happens to be first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.booking import Booking
from kiosk.domain.display import format_price, offer_date

Search = Callable[[str, Callable[[list[Booking]], None]], None]


class NameSearchDialog(QDialog):
    chosen = Signal(object)  # the Booking staff picked

    def __init__(self, token: str, search: Search, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.token = token
        self._search = search
        self._lang = lang
        self._seq = 0
        self.results: list[Booking] = []
        self.setWindowTitle(self.tr("Chercher la réservation par le nom du jeune"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(720, 480)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "La contremarque %1 est inconnue hors ligne. Cherchez la réservation du jeune, "
                "vérifiez sa pièce d’identité, puis enregistrez la validation « à confirmer »."
            ).replace("%1", token)
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        label = QLabel(self.tr("&Nom ou prénom du jeune"))
        self.query = QLineEdit()
        self.query.setAccessibleName(self.tr("Nom ou prénom du jeune"))
        label.setBuddy(self.query)
        lay.addWidget(label)
        lay.addWidget(self.query)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Réservations à retirer"))
        lay.addWidget(self.list, 1)
        self.status = QLabel()
        lay.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.record = self.buttons.addButton(
            self.tr("Enregistrer « à confirmer »"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.record.setAccessibleName(self.tr("Enregistrer la validation à confirmer"))
        self.record.setEnabled(False)
        cancel = self.buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Annuler"))
        lay.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.list.itemSelectionChanged.connect(
            lambda: self.record.setEnabled(self._picked() is not None)
        )
        self.list.itemActivated.connect(lambda _item: self._accept())
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._run)
        self.query.textChanged.connect(lambda _t: self._debounce.start())
        self.query.returnPressed.connect(self._enter)

    def _picked(self) -> int | None:
        """The row staff selected themselves, if any (a current row alone is not a choice)."""
        rows = [self.list.row(item) for item in self.list.selectedItems()]
        return rows[0] if len(rows) == 1 and 0 <= rows[0] < len(self.results) else None

    def _enter(self) -> None:
        if self._picked() is not None:
            self._accept()
        else:
            self._run()

    def _run(self) -> None:
        text = self.query.text().strip()
        self._seq += 1
        seq = self._seq
        if len(text) < 2:
            self._show([], self.tr("Tapez au moins 2 lettres."))
            return
        self.status.setText(self.tr("Recherche..."))
        self._search(text, lambda found: self._answer(seq, found))

    def _answer(self, seq: int, found: list[Booking]) -> None:
        if seq != self._seq:
            return  # an older query; a newer one is on its way
        self._show(
            found,
            self.tr("%n réservation(s) à retirer", "", len(found))
            if found
            else self.tr("Aucune réservation à retirer à ce nom dans les données locales."),
        )

    def _show(self, found: list[Booking], status: str) -> None:
        self.results = found
        self.list.clear()
        for b in found:
            price = format_price(b.total_price_cents)
            duo = "  DUO" if b.is_duo else ""
            item = QListWidgetItem(
                f"{b.youth_name} — {b.offer_name}\n"
                f"    {offer_date(b, self._lang)} · {price}{duo} · {b.venue_name}"
            )
            item.setData(Qt.ItemDataRole.UserRole, b.id)
            self.list.addItem(item)
        self.record.setEnabled(False)
        self.status.setText(status)

    def _accept(self) -> None:
        row = self._picked()
        if row is not None:
            self.chosen.emit(self.results[row])
            self.accept()
