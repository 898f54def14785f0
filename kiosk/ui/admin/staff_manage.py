"""Staff accounts for the administrator: add, disable/enable, reset a PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.staff import StaffError, StaffService


class StaffManager(QWidget):
    """`lang`: the language of the refusals ("fr" or "en"), the window's."""

    def __init__(
        self, staff: StaffService, parent: QWidget | None = None, *, lang: str = "fr"
    ) -> None:
        super().__init__(parent)
        self.staff = staff
        self.lang = lang
        self.list = QListWidget(self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Prénom (ex. Marie)"))
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(6)
        self.pin.setPlaceholderText(self.tr("4 à 6 chiffres"))
        self.add_button = QPushButton(self.tr("Ajouter"), self)
        self.toggle_button = QPushButton(self.tr("Désactiver / réactiver"), self)
        self.reset_button = QPushButton(self.tr("Nouveau code pour la sélection"), self)
        self.message = QLabel("", self)
        self.message.setObjectName("staff_manage_message")
        self.message.setWordWrap(True)
        self.add_button.clicked.connect(self.add)
        self.toggle_button.clicked.connect(self.toggle)
        self.reset_button.clicked.connect(self.reset_pin)

        form = QFormLayout()
        form.addRow(self.tr("Nom"), self.name)
        form.addRow(self.tr("Code"), self.pin)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.toggle_button)
        actions.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        keep = self._selected()  # the admin often disables then resets the same person
        self.list.clear()
        for m in self.staff.members(include_inactive=True):
            text = m.name if m.active else self.tr("{} (désactivé)").format(m.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.list.addItem(item)
            if m.id == keep:
                self.list.setCurrentItem(item)

    def _selected(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def add(self) -> None:
        try:
            member = self.staff.add(self.name.text(), self.pin.text())
        except StaffError as exc:
            self._say(exc.text(self.lang), error=True)
            return
        self.name.clear()
        self.pin.clear()
        self.refresh()
        self._say(self.tr("{} peut maintenant se mettre en service.").format(member.name))

    def toggle(self) -> None:
        staff_id = self._selected()
        if staff_id is None:
            self._say(self.tr("Choisissez d'abord un nom dans la liste."), error=True)
            return
        member = self.staff.get(staff_id)
        assert member is not None
        self.staff.set_active(staff_id, not member.active)
        self.refresh()
        self._say(
            self.tr("{} est désactivé.").format(member.name)
            if member.active
            else self.tr("{} est réactivé.").format(member.name)
        )

    def reset_pin(self) -> None:
        staff_id = self._selected()
        if staff_id is None:
            self._say(self.tr("Choisissez d'abord un nom dans la liste."), error=True)
            return
        try:
            self.staff.reset_pin(staff_id, self.pin.text())
        except StaffError as exc:
            self._say(exc.text(self.lang), error=True)
            return
        self.pin.clear()
        self._say(self.tr("Nouveau code enregistré."))
