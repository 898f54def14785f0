"""Administrator settings, behind the admin PIN: server, key (replace only, never shown),
venues, counter name, one/two-step, sounds, camera, youth-mode idle timeout, data retention,
staff accounts, admin PIN change, and the diagnostic report (viewable and exportable).

Hook: `open_settings(parent, services) -> bool` (True when something was saved; server, key
and venue changes take effect when the main window reopens its services).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.platform import config as config_mod
from kiosk.platform.config import Config
from kiosk.platform.logs import register_secret
from kiosk.platform.secrets import save_api_key
from kiosk.services.doctor import Report, run_doctor
from kiosk.services.security import PinError, Security
from kiosk.services.staff import StaffService
from kiosk.services.venues import known_venues
from kiosk.ui.admin.staff_manage import StaffManager
from kiosk.ui.admin.wizard import ERROR_STYLE, url_problem
from kiosk.ui.common import tasks
from kiosk.ui.common.i18n import lang_of
from kiosk.ui.common.pin_dialog import ask_admin_pin

DeviceLister = Callable[[], dict[str, list[str]] | None]


def _default_devices() -> dict[str, list[str]] | None:
    from kiosk.ui.common.devices import list_devices

    return list_devices()


class DoctorDialog(QDialog):
    """Runs the doctor off the UI thread, shows the report (in the configured language),
    exports it for support."""

    def __init__(
        self,
        config: Config,
        db: Any,
        parent: QWidget | None = None,
        *,
        devices: DeviceLister = _default_devices,
        mesh: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Diagnostic du kiosque"))
        self.resize(760, 560)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(self.tr("Diagnostic en cours…"))
        self.export_button = QPushButton(self.tr("Exporter dans un fichier…"), self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._ask_export)
        close = QPushButton(self.tr("Fermer"), self)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.report: Report | None = None
        found = devices()  # QtMultimedia is asked on the UI thread; the network off it
        lang = lang_of(config.language)
        # The application's pool, not one of this dialog's: closing it must not wait for the
        # network checks; `owner` keeps their answer from reaching a deleted dialog.
        self.call = tasks.shared().submit(
            lambda: run_doctor(
                config,
                db=db,
                device_probe=lambda: found,
                lang=lang,
                mesh=mesh.status() if mesh is not None else None,  # the node of this window
            ),
            self._show,
            lambda exc: self.text.setPlainText(
                self.tr("Le diagnostic a échoué ({}).").format(type(exc).__name__)
            ),
            owner=self,
        )

    def _show(self, report: Report) -> None:
        self.report = report
        self.text.setPlainText(report.text())
        self.export_button.setEnabled(True)

    def export_to(self, path: Path) -> None:
        assert self.report is not None
        Path(path).write_text(self.report.text() + "\n", encoding="utf-8")

    def _ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exporter le diagnostic"), "diagnostic-kiosque.txt"
        )
        if name:
            try:
                self.export_to(Path(name))
            except OSError as exc:
                self.text.appendPlainText(
                    self.tr("\nImpossible d'écrire {} ({}).").format(name, exc.strerror)
                )


class SettingsDialog(QDialog):
    def __init__(
        self,
        services: Any,
        parent: QWidget | None = None,
        *,
        devices: DeviceLister = _default_devices,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.devices = devices
        cfg: Config = services.config
        self.lang = lang_of(cfg.language)
        self.security = Security(services.db)
        self.staff = StaffService(services.db, self.security)
        self.setWindowTitle(self.tr("Réglages du guichet"))
        self.resize(760, 560)
        tabs = QTabWidget(self)

        # -- general
        general = QWidget()
        self.counter_name = QLineEdit(cfg.counter_name, general)
        self.two_step = QCheckBox(self.tr("Deux étapes : afficher, puis « Valider »"), general)
        self.two_step.setChecked(cfg.two_step)
        self.sounds = QCheckBox(self.tr("Sons activés"), general)
        self.sounds.setChecked(cfg.sounds)
        self.camera = QComboBox(general)
        self._fill_cameras(cfg.camera_id)
        self.idle = QSpinBox(general)
        self.idle.setRange(15, 3600)
        self.idle.setSuffix(" s")
        self.idle.setValue(cfg.youth_idle_seconds)
        self.retention = QSpinBox(general)
        self.retention.setRange(1, 365)
        self.retention.setSuffix(self.tr(" jours"))
        self.retention.setValue(cfg.retention_days)
        form = QFormLayout(general)
        form.addRow(self.tr("Nom du guichet"), self.counter_name)
        form.addRow("", self.two_step)
        form.addRow("", self.sounds)
        form.addRow(self.tr("Caméra"), self.camera)
        form.addRow(self.tr("Retour à l'accueil (mode jeune) après"), self.idle)
        form.addRow(self.tr("Conserver les noms des réservations closes"), self.retention)
        tabs.addTab(general, self.tr("Général"))

        # -- server
        server = QWidget()
        self.url = QLineEdit(cfg.api_url or "", server)
        self.key = QLineEdit(server)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(
            self.tr("clé enregistrée — collez une nouvelle clé pour la remplacer")
            if cfg.api_key
            else self.tr("aucune clé : collez la clé d'API")
        )
        self.venue_box = QVBoxLayout()
        self.venue_checks: dict[int, QCheckBox] = {}
        for vid, label in self._known_venues():
            cb = QCheckBox(label, server)
            cb.setChecked(vid in cfg.venue_ids)
            self.venue_box.addWidget(cb)
            self.venue_checks[vid] = cb
        sform = QFormLayout(server)
        sform.addRow(self.tr("Adresse du serveur"), self.url)
        sform.addRow(self.tr("Clé d'API"), self.key)
        sform.addRow(self.tr("Lieux servis"), self.venue_box)
        tabs.addTab(server, self.tr("Serveur"))

        # -- the other counters of the venue (kiosk.mesh)
        peers_tab = QWidget()
        self.mesh = QCheckBox(
            self.tr("Partager les validations avec les autres guichets du lieu"), peers_tab
        )
        self.mesh.setChecked(cfg.mesh)
        self.mesh_multicast = QCheckBox(
            self.tr("Trouver les guichets automatiquement (multicast)"), peers_tab
        )
        self.mesh_multicast.setChecked(cfg.mesh_multicast)
        self.mesh_connect = QLineEdit(" ".join(cfg.mesh_connect), peers_tab)
        self.mesh_connect.setPlaceholderText(self.tr("ex. tcp/192.168.1.21:7447"))
        self.mesh_listen = QLineEdit(" ".join(cfg.mesh_listen), peers_tab)
        self.mesh_listen.setPlaceholderText(
            self.tr("par défaut : tcp/0.0.0.0:7447 (tous les réseaux)")
        )
        mform = QFormLayout(peers_tab)
        mform.addRow("", self.mesh)
        mform.addRow("", self.mesh_multicast)
        mform.addRow(self.tr("Adresses des autres guichets"), self.mesh_connect)
        mform.addRow(self.tr("Écouter sur"), self.mesh_listen)
        tabs.addTab(peers_tab, self.tr("Guichets du lieu"))

        # -- staff
        self.staff_manager = StaffManager(self.staff, lang=self.lang)
        tabs.addTab(self.staff_manager, self.tr("Personnel"))

        # -- security
        sec = QWidget()
        self.pin1 = QLineEdit(sec)
        self.pin2 = QLineEdit(sec)
        for f in (self.pin1, self.pin2):
            f.setEchoMode(QLineEdit.EchoMode.Password)
            f.setMaxLength(12)
        pform = QFormLayout(sec)
        pform.addRow(QLabel(self.tr("Laissez vide pour garder le code actuel."), sec))
        pform.addRow(self.tr("Nouveau code administrateur"), self.pin1)
        pform.addRow(self.tr("Confirmez"), self.pin2)
        tabs.addTab(sec, self.tr("Sécurité"))

        self.error = QLabel("", self)
        self.error.setObjectName("settings_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        diag = QPushButton(self.tr("Diagnostic"), self)
        diag.clicked.connect(self.open_doctor)
        cancel = QPushButton(self.tr("Annuler"), self)
        cancel.clicked.connect(self.reject)
        save = QPushButton(self.tr("Enregistrer"), self)
        save.setDefault(True)
        save.clicked.connect(self._save_and_close)
        row = QHBoxLayout()
        row.addWidget(diag)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.tabs = tabs
        self.doctor: DoctorDialog | None = None

    def _fill_cameras(self, chosen: str | None) -> None:
        found = self.devices() or {}
        names, ids = found.get("cameras", []), found.get("camera_ids", [])
        if not names:
            self.camera.addItem(self.tr("Aucune caméra détectée"), None)
            self.camera.setEnabled(False)
            return
        for name, cam_id in zip(names, ids or names, strict=False):
            self.camera.addItem(name, cam_id)
            if cam_id == chosen:
                self.camera.setCurrentIndex(self.camera.count() - 1)

    def _known_venues(self) -> list[tuple[int, str]]:
        known = {v.id: v.label for v in known_venues(self.services.db)}
        for vid in self.services.config.venue_ids:
            known.setdefault(vid, self.tr("Lieu n° {}").format(vid))
        return sorted(known.items(), key=lambda kv: kv[1])

    def save(self) -> bool:
        """Validate and write; False (with the reason shown) when something is wrong."""
        cfg: Config = self.services.config
        url = self.url.text().strip().rstrip("/")
        problem = url_problem(url) if url else None
        if problem:
            self.error.setText(problem)
            return False
        venues = tuple(i for i, cb in self.venue_checks.items() if cb.isChecked())
        if not venues:
            self.error.setText(self.tr("Cochez au moins un lieu."))
            return False
        name = self.counter_name.text().strip()
        if not name:
            self.error.setText(self.tr("Donnez un nom à ce guichet."))
            return False
        if self.pin1.text() or self.pin2.text():
            if self.pin1.text() != self.pin2.text():
                self.error.setText(self.tr("Les deux codes administrateur sont différents."))
                return False
            try:
                self.security.set_admin_pin(self.pin1.text())
            except PinError as exc:
                self.error.setText(exc.text(self.lang))
                return False
        new = dataclasses.replace(
            cfg,
            api_url=url or None,
            venue_ids=venues,
            counter_name=name,
            two_step=self.two_step.isChecked(),
            sounds=self.sounds.isChecked(),
            camera_id=self.camera.currentData(),
            youth_idle_seconds=self.idle.value(),
            retention_days=self.retention.value(),
            mesh=self.mesh.isChecked(),
            mesh_multicast=self.mesh_multicast.isChecked(),
            mesh_connect=tuple(self.mesh_connect.text().split()),
            mesh_listen=tuple(self.mesh_listen.text().split()),
        )
        key = self.key.text().strip()
        if key:
            register_secret(key)
            save_api_key(cfg.data_dir, key)
            new.api_key = key
            self.key.clear()
        config_mod.save(new)
        self.services.config = new
        self.error.clear()
        return True

    def _save_and_close(self) -> None:
        if self.save():
            self.accept()

    def open_doctor(self) -> DoctorDialog:
        self.doctor = DoctorDialog(
            self.services.config,
            self.services.db,
            self,
            devices=self.devices,
            mesh=getattr(self.services, "mesh", None),
        )
        self.doctor.open()
        return self.doctor


def open_settings(
    parent: QWidget | None,
    services: Any,
    *,
    ask_pin: Callable[[QWidget | None], bool] | None = None,
) -> bool:
    """Ask the admin PIN, then show the settings; True when saved."""
    security = Security(services.db)
    lang = lang_of(services.config.language)
    allowed = ask_pin(parent) if ask_pin else ask_admin_pin(parent, security, lang=lang)
    if not allowed:
        return False
    dialog = SettingsDialog(services, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()  # a child of the window: one per opening otherwise
    return accepted
