"""Who is on duty: "En service : Marie" with a "Changer" button → pick a name, type the PIN.

The main window shows a StaffBar and passes `bar.current_name()` as `staff=` to every validation.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.staff import StaffMember, StaffService
from kiosk.ui.common.elided import WrappedLabel
from kiosk.ui.common.pin_dialog import PinPad


class StaffSwitchDialog(QDialog):
    """Big name buttons, then the PIN pad; accepted once the PIN is right. `lang`: the
    language of the PIN messages ("fr" or "en")."""

    def __init__(
        self, staff: StaffService, parent: QWidget | None = None, *, lang: str = "fr"
    ) -> None:
        super().__init__(parent)
        self.staff = staff
        self.lang = lang
        self.setWindowTitle(self.tr("Qui est en service ?"))
        self.chosen: StaffMember | None = None
        self.pages = QStackedWidget(self)

        names = QWidget(self)
        names_col = QVBoxLayout(names)
        big = QFont(self.font())
        big.setPointSize(16)
        heading = QLabel(self.tr("Qui prend le guichet ? Touchez votre nom."), names)
        heading.setFont(big)
        names_col.addWidget(heading)
        grid = QGridLayout()
        names_col.addLayout(grid)
        names_col.addStretch(1)
        members = staff.members()
        self.name_buttons: dict[str, QPushButton] = {}
        for i, member in enumerate(members):
            button = QPushButton(member.name, names)
            button.setFont(big)
            button.setMinimumSize(180, 64)
            button.clicked.connect(lambda _=False, m=member: self._choose(m))
            grid.addWidget(button, i // 3, i % 3)
            self.name_buttons[member.name] = button
        if not members:
            empty = QLabel(
                self.tr(
                    "Aucun compte du personnel. Un administrateur peut en créer dans les réglages."
                ),
                names,
            )
            empty.setWordWrap(True)
            grid.addWidget(empty, 0, 0)
        self.pages.addWidget(names)

        pin_page = QWidget(self)
        self.who = QLabel("", pin_page)
        self.who.setFont(big)
        self.pad = PinPad(pin_page, max_len=6)
        self.message = QLabel("", pin_page)
        self.message.setObjectName("staff_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        back = QPushButton(self.tr("← Autre nom"), pin_page)
        self.ok_button = QPushButton(self.tr("Valider"), pin_page)
        self.ok_button.setDefault(True)
        for b in (back, self.ok_button):
            b.setMinimumHeight(48)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.ok_button.clicked.connect(self._submit)
        self.pad.field.returnPressed.connect(self._submit)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addWidget(self.ok_button)
        col = QVBoxLayout(pin_page)
        col.addWidget(self.who)
        col.addWidget(self.pad)
        col.addWidget(self.message)
        col.addLayout(row)
        self.pages.addWidget(pin_page)

        cancel = QPushButton(self.tr("Annuler"), self)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(cancel, alignment=Qt.AlignmentFlag.AlignRight)

    def _choose(self, member: StaffMember) -> None:
        self.chosen = member
        self.who.setText(self.tr("{} : votre code").format(member.name))
        self.message.clear()
        self.pad.clear()
        self.pages.setCurrentIndex(1)
        self.pad.field.setFocus()

    def scan_refused(self, text: str) -> None:
        """A scanner fired while the staff PIN is asked: said here, nothing done behind."""
        self.message.setText(text)

    def choose(self, name: str) -> None:
        self.name_buttons[name].click()

    def _submit(self) -> None:
        if self.chosen is None:
            return
        attempt = self.staff.authenticate(self.chosen.id, self.pad.text())
        self.pad.clear()
        if attempt.ok:
            self.accept()
        else:
            self.message.setText(attempt.text(self.lang))


class StaffBar(QWidget):
    """ "En service : Marie  [Changer]". `staff_changed(name)` after a successful switch."""

    staff_changed = Signal(str)

    def __init__(
        self, staff: StaffService, parent: QWidget | None = None, *, lang: str = "fr"
    ) -> None:
        super().__init__(parent)
        self.staff = staff
        self.lang = lang
        self._current: StaffMember | None = None
        self.label = WrappedLabel(parent=self)  # two lines rather than a wider window
        font = QFont(self.label.font())
        font.setPointSize(13)
        self.label.setFont(font)
        self.change_button = QPushButton(self.tr("Changer"), self)
        self.change_button.setObjectName("staffChange")
        self.change_button.setAccessibleName(self.tr("Changer la personne en service"))
        self.change_button.setMinimumHeight(40)
        self.change_button.clicked.connect(self.open_switch)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.change_button)
        self.setObjectName("staffBar")
        self._has_members = True
        self.refresh()

    @property
    def has_members(self) -> bool:
        """Staff accounts exist (read at the last refresh)."""
        return self._has_members

    def current_name(self) -> str | None:
        return self._current.name if self._current else None

    def make_dialog(self) -> StaffSwitchDialog:
        return StaffSwitchDialog(self.staff, self.window(), lang=self.lang)

    def open_switch(self) -> bool:
        dialog = self.make_dialog()
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.chosen
        dialog.deleteLater()  # a child of the window: one per change of staff otherwise
        if not accepted:
            return False
        self.set_current(chosen)
        return True

    def set_current(self, member: StaffMember | None) -> None:
        self._current = member
        self._refresh()
        self.staff_changed.emit(member.name if member else "")

    def refresh(self) -> None:
        """Re-read the accounts (after the settings changed them): a disabled account is no
        longer on duty, and with no account at all the bar only says so, discreetly."""
        members = self.staff.members()
        self._has_members = bool(members)
        if self._current and self._current.id not in {m.id for m in members}:
            self.set_current(None)
            return
        self._refresh()

    def _refresh(self) -> None:
        discreet = not self._current and not self._has_members
        self.setProperty("discreet", discreet)
        self.style().unpolish(self.label)
        self.style().polish(self.label)
        self.change_button.setVisible(not discreet)
        if self._current:
            self.label.setText(self.tr("En service : {}").format(self._current.name))
        elif discreet:
            self.label.setText(
                self.tr("Aucun compte du personnel : les validations sont enregistrées sans nom.")
            )
        else:
            # No-break spaces: « Changer » never splits over two lines.
            self.label.setText(self.tr("Personne en service : touchez «\u00a0Changer\u00a0»"))
        self.label.setAccessibleName(self.label.text())
