"""The "Démo" menu: cut and restore the sandbox's network, cancel a booking as the youth, and a
help panel of codes to try (double-click one to "scan" it)."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.admin.lockdown import bring_to_front
from kiosk.ui.main_window import MainWindow

log = logging.getLogger("kiosk.ui.demo")


class DemoTicket(Protocol):
    kind: str
    token: str
    offer: str
    youth: str
    expect: str

    @property
    def qr_payload(self) -> str: ...


class DemoWorld(Protocol):
    """The demo world as the menu sees it (`DemoControls` of the demo package): the UI never
    imports the sandbox. Every method may block on the network: called off the GUI thread."""

    staff: tuple[tuple[str, str], ...]
    admin_pin: str
    kind_labels: dict[str, str]

    def cut_network(self) -> None: ...
    def restore_network(self) -> None: ...
    def close_structure(self, closed: bool) -> None: ...
    def set_concert_hall_active(self, active: bool) -> None: ...
    def download_export(self, dest: Path) -> Path: ...
    def cancellable(self) -> list[dict[str, Any]]: ...
    def cancel_as_youth(self, token: str) -> dict[str, Any]: ...
    def tickets(self) -> list[Any]: ...


class TokensPanel(QDialog):
    """Codes to try, with what the counter should say. Not closed by scans: it is the guide."""

    def __init__(self, window: MainWindow, world: DemoWorld, tickets: list[DemoTicket]) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Démo — contremarques à essayer"))
        self.setAccessibleName(self.windowTitle())
        self.setWindowFlag(Qt.WindowType.Tool)
        self.resize(900, 460)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Scannez les QR codes imprimés avec « kiosk tickets », tapez le code, ou "
                "double-cliquez une ligne pour la « scanner »."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        staff = ", ".join(
            self.tr("%1 (code %2)").replace("%1", name).replace("%2", pin)
            for name, pin in world.staff
        )
        self.people = QLabel(
            self.tr(
                "Personnel : %1 — « Changer » en haut à droite du guichet. Code administrateur "
                "(réglages, sortie du mode kiosque) : %2."
            )
            .replace("%1", staff)
            .replace("%2", world.admin_pin)
        )
        self.people.setObjectName("demoPeople")
        self.people.setWordWrap(True)
        lay.addWidget(self.people)
        self.table = QTableWidget(len(tickets), 4)
        self.table.setAccessibleName(self.tr("Contremarques de démonstration"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Cas"), self.tr("Code"), self.tr("Offre"), self.tr("Le guichet affiche")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.tickets = tickets
        for i, t in enumerate(tickets):
            cells = [world.kind_labels[t.kind], t.token, f"{t.offer} — {t.youth}", t.expect]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.cellDoubleClicked.connect(self.scan_row)
        lay.addWidget(self.table, 1)

    def scan_row(self, row: int, _col: int = 0) -> None:
        self.window_.handle_scan(self.tickets[row].qr_payload, "demo")


class CancelDialog(QDialog):
    def __init__(
        self,
        bookings: list[dict[str, Any]],
        parent: QWidget | None = None,
        known: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Démo — annuler une réservation comme le jeune"))
        self.setAccessibleName(self.windowTitle())
        self.resize(760, 480)
        lay = QVBoxLayout(self)
        lay.addWidget(
            QLabel(
                self.tr(
                    "Le jeune annule dans son application. Validez ensuite ce code hors ligne "
                    "(un code que ce guichet ne connaît pas encore : retrouvez la réservation "
                    "par le nom du jeune, F3, et enregistrez-la « à confirmer ») : au retour du "
                    "réseau, pass Culture refusera la validation et un conflit apparaîtra, "
                    "compté dans la barre d’état et nommé dans « Conflits à traiter »."
                )
            )
        )
        for label in self.findChildren(QLabel):
            label.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Réservations annulables"))
        # The codes this counter knows first: those validate offline as they are.
        for b in sorted(bookings, key=lambda b: b["token"] not in known):
            youth = f"{b.get('userFirstName') or ''} {b.get('userLastName') or ''}".strip()
            where = (
                self.tr("connue de ce guichet")
                if b["token"] in known
                else self.tr("inconnue hors ligne : par le nom (F3)")
            )
            item = QListWidgetItem(f"{b['token']} — {b['offerName']} — {youth} ({where})")
            item.setData(Qt.ItemDataRole.UserRole, b["token"])
            self.list.addItem(item)
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(
            self.tr("Annuler la réservation"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        ok.setAccessibleName(self.tr("Annuler la réservation choisie"))
        close = buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(self.tr("Fermer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _i: self.accept())
        lay.addWidget(buttons)

    def token(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class DemoMenu:
    def __init__(self, window: MainWindow, world: DemoWorld) -> None:
        self.window = window
        self.world = world
        self.tickets: list[DemoTicket] = []
        self.panel: TokensPanel | None = None
        self.last_cancel_refusal = ""
        menu = window.add_menu(self.tr("Dé&mo"))
        self.cut_action = QAction(self.tr("&Couper le réseau"), window)
        self.cut_action.triggered.connect(self.cut)
        menu.addAction(self.cut_action)
        self.restore_action = QAction(self.tr("&Rétablir le réseau"), window)
        self.restore_action.triggered.connect(self.restore)
        self.restore_action.setEnabled(False)
        menu.addAction(self.restore_action)
        menu.addSeparator()
        # What pass Culture answers when the structure is closed or the venue's link is off.
        self.closed_action = QAction(self.tr("Structure &fermée sur pass Culture"), window)
        self.closed_action.setCheckable(True)
        self.closed_action.toggled.connect(self.close_structure)
        menu.addAction(self.closed_action)
        self.hall_off_action = QAction(self.tr("Salle de concert &désactivée (clé)"), window)
        self.hall_off_action.setCheckable(True)
        self.hall_off_action.toggled.connect(self.switch_hall_off)
        menu.addAction(self.hall_off_action)
        menu.addSeparator()
        cancel = QAction(self.tr("&Annuler une réservation comme le jeune…"), window)
        cancel.triggered.connect(self.choose_cancel)
        menu.addAction(cancel)
        help_action = QAction(self.tr("Contremarques à &essayer…"), window)
        help_action.setShortcut("F1")
        help_action.triggered.connect(self.show_tokens)
        menu.addAction(help_action)
        self.export_action = QAction(self.tr("&Importer l’export du portail pro (démo)"), window)
        self.export_action.triggered.connect(lambda: self.import_export(announce=True))
        menu.addAction(self.export_action)
        if window.runner is not None:
            window.runner.first_sync_done.connect(self._after_first_sync)

    @staticmethod
    def tr(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("DemoMenu", text)

    def _after_first_sync(self, summary: object) -> None:
        if not getattr(summary, "error", None):
            self.import_export()  # event tokens known offline, as after a staff import

    def import_export(self, announce: bool = False) -> None:
        dest = Path(tempfile.mkdtemp(prefix="kiosk-demo-export-")) / "reservations.csv"
        self.window.tasks.submit(
            lambda: self.world.download_export(dest),
            lambda path: self.window.import_file(path, announce=announce),
            lambda exc: self.window.status.showMessage(
                self.tr("Export de démonstration indisponible (réseau coupé ?)."), 8000
            ),
        )

    def cut(self) -> None:
        self.cut_action.setEnabled(False)
        self.window.tasks.submit(self.world.cut_network, lambda _r: self._net(True))

    def restore(self) -> None:
        self.restore_action.setEnabled(False)
        self.window.tasks.submit(self.world.restore_network, lambda _r: self._net(False))

    def close_structure(self, closed: bool) -> None:
        said = (
            self.tr("Démo : structure fermée.") if closed else self.tr("Démo : structure rouverte.")
        )
        self.window.tasks.submit(
            lambda: self.world.close_structure(closed),
            lambda _r: self.window.status.showMessage(said, 5000),
        )

    def switch_hall_off(self, off: bool) -> None:
        said = (
            self.tr("Démo : salle de concert désactivée pour cette clé.")
            if off
            else self.tr("Démo : salle de concert réactivée.")
        )
        self.window.tasks.submit(
            lambda: self.world.set_concert_hall_active(not off),
            lambda _r: self.window.status.showMessage(said, 5000),
        )

    def _net(self, cut: bool) -> None:
        self.cut_action.setEnabled(not cut)
        self.restore_action.setEnabled(cut)
        self.window.status.showMessage(
            self.tr("Démo : réseau coupé.") if cut else self.tr("Démo : réseau rétabli."), 5000
        )
        if not cut:
            self.window.sync_now()

    def choose_cancel(self) -> None:
        counter = self.window.services.counter

        def offered() -> tuple[list[dict[str, Any]], frozenset[str]]:
            bookings = self.world.cancellable()
            known = frozenset(
                b["token"] for b in bookings if counter.check_local(b["token"]).booking is not None
            )
            return bookings, known

        self.window.tasks.submit(offered, lambda found: self._open_cancel(*found))

    def _open_cancel(
        self, bookings: list[dict[str, Any]], known: frozenset[str] = frozenset()
    ) -> None:
        dialog = CancelDialog(bookings, self.window, known)
        self.cancel_dialog = dialog

        def done(code: int) -> None:
            self.window.screen._forget(dialog)
            token = dialog.token()
            if code == QDialog.DialogCode.Accepted and token:
                self.window.tasks.submit(
                    lambda: self.world.cancel_as_youth(token),
                    lambda _b: self.window.status.showMessage(
                        self.tr("Démo : le jeune a annulé %1.").replace("%1", token), 8000
                    ),
                    lambda exc: self._cancel_refused(token, exc),
                )

        dialog.finished.connect(done)
        self.window.screen.open_transient(dialog)

    def _cancel_refused(self, token: str, exc: BaseException) -> None:
        """Said in front, with pass Culture's reason: a status-bar line went unseen under the
        next message (issue 14)."""
        body = getattr(exc, "body", None)
        words = " ".join(
            str(w)
            for v in (body.values() if isinstance(body, dict) else ())
            for w in (v if isinstance(v, list) else [v])
        )
        text = self.tr("Démo : annulation refusée pour %1.").replace("%1", token)
        if words:
            text += " " + self.tr("pass Culture : « %1 »").replace("%1", words)
        self.last_cancel_refusal = text
        self.window.status.showMessage(text, 15_000)
        self.window._inform(self.tr("Annulation refusée"), text, QMessageBox.Icon.Warning)

    def show_tokens(self) -> None:
        if self.panel is None:
            self.tickets = self.world.tickets()
            self.panel = TokensPanel(self.window, self.world, self.tickets)
        self.panel.show()
        bring_to_front(self.panel)
