"""First-run setup: server, API key (checked off the UI thread), venues, counter name,
administrator PIN, optional first staff member, then the first full sync with a progress bar.

Hook: `run_first_run_wizard(data_dir, parent=None, lang="fr") -> Setup | None`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kiosk.domain.texts import say
from kiosk.platform import config as config_mod
from kiosk.platform.config import INTEGRATION_URL, PRODUCTION_URL, Config
from kiosk.platform.logs import register_secret
from kiosk.platform.secrets import save_api_key
from kiosk.services.security import PinError, Security, check_pin_format
from kiosk.services.staff import StaffError, StaffService
from kiosk.services.wiring import make_scheduler
from kiosk.store.database import Database
from kiosk.sync.api import ApiClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.errors import ApiError, KeyRefused, NetworkError, WrongAddress
from kiosk.ui.common import tasks

ERROR_STYLE = "color: #b00020; font-weight: bold;"


def url_problem(url: str) -> str | None:
    """None if `url` looks like a server address, else a French sentence."""
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return (
            "Adresse du serveur invalide : elle doit commencer par https:// "
            "(ex. https://backend.passculture.app)."
        )
    if parsed.scheme == "http" and parsed.hostname not in ("127.0.0.1", "localhost", "::1"):
        return "Adresse non chiffrée refusée : utilisez https:// (http:// seulement en local)."
    return None


def explain_api_error(exc: BaseException, url: str, lang: str = "fr") -> str:
    """What went wrong with the server check, in the wizard's language."""
    if isinstance(exc, KeyRefused):
        return say("wizard.key_refused", lang)
    if isinstance(exc, NetworkError):
        return say("wizard.unreachable", lang, url=url)
    if isinstance(exc, WrongAddress):  # 404 `{}` on the API root: the address, not the key
        return say("wizard.wrong_address", lang, url=url)
    if isinstance(exc, ApiError):
        return say("wizard.unexpected_answer", lang, detail=exc.text(lang))
    return say("wizard.unexpected_error", lang, kind=type(exc).__name__)


def check_key(url: str, key: str) -> list[dict[str, Any]]:
    client = ApiClient(url, key)
    try:
        return client.offerer_venues()
    finally:
        client.close()


class ServerPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Serveur pass Culture et clé d'API"))
        self.setSubTitle(
            self.tr("La clé se trouve dans l'espace partenaire pass Culture (menu Intégrations).")
        )
        self.production = QRadioButton(self.tr("Production (le vrai pass Culture)"), self)
        self.integration = QRadioButton(self.tr("Intégration (essais de pass Culture)"), self)
        self.custom = QRadioButton(self.tr("Autre adresse (bac à sable local)"), self)
        self.production.setChecked(True)
        group = QButtonGroup(self)
        for b in (self.production, self.integration, self.custom):
            group.addButton(b)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("http://127.0.0.1:8000")
        self.url.setEnabled(False)
        self.custom.toggled.connect(self.url.setEnabled)
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("Collez la clé ici"))
        self.error = QLabel("", self)
        self.error.setObjectName("server_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.busy = QLabel("", self)
        form = QFormLayout()
        form.addRow(self.tr("Adresse"), self.url)
        form.addRow(self.tr("Clé d'API"), self.key)
        layout = QVBoxLayout(self)
        for b in (self.production, self.integration, self.custom):
            layout.addWidget(b)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.venues: list[dict[str, Any]] = []
        self._checked: tuple[str, str] | None = None
        self._call: tasks.Task | None = None

    def server_url(self) -> str:
        if self.production.isChecked():
            return PRODUCTION_URL
        if self.integration.isChecked():
            return INTEGRATION_URL
        return self.url.text().strip().rstrip("/")

    def api_key(self) -> str:
        return self.key.text().strip()

    def validatePage(self) -> bool:
        url, key = self.server_url(), self.api_key()
        if self._checked == (url, key):
            return True
        if self._call is not None:
            return False
        problem = url_problem(url)
        if problem:
            self.error.setText(problem)
            return False
        if not key:
            self.error.setText(self.tr("Collez la clé d'API fournie par pass Culture."))
            return False
        register_secret(key)
        self.error.clear()
        self.busy.setText(self.tr("Vérification de la clé auprès du serveur…"))
        self.wizard().button(QWizard.WizardButton.NextButton).setEnabled(False)
        self._call = tasks.shared().submit(
            lambda: check_key(url, key),
            lambda venues: self._on_checked(url, key, venues),
            lambda exc: self._on_failed(url, exc),
            owner=self,
        )
        return False

    def _end_call(self) -> None:
        self._call = None
        self.busy.clear()
        self.wizard().button(QWizard.WizardButton.NextButton).setEnabled(True)

    def _on_checked(self, url: str, key: str, venues: list[dict[str, Any]]) -> None:
        self._end_call()
        if not venues:
            self.error.setText(
                self.tr(
                    "Cette clé ne donne accès à aucun lieu : vérifiez-la dans l'espace partenaire."
                )
            )
            return
        self.venues = venues
        self._checked = (url, key)
        self.wizard().next()

    def _on_failed(self, url: str, exc: BaseException) -> None:
        self._end_call()
        self.error.setText(explain_api_error(exc, url, getattr(self.wizard(), "lang", "fr")))


def venue_label(v: dict[str, Any]) -> str:
    name = v.get("public_name") or v["name"]
    where = ", ".join(x for x in (v.get("city"), v.get("postal_code")) if x)
    return f"{name} — {where} (n° {v['id']})" if where else f"{name} (n° {v['id']})"


class VenuePage(QWizardPage):
    def __init__(self, server: ServerPage) -> None:
        super().__init__()
        self.server = server
        self.setTitle(self.tr("Lieux servis par ce guichet"))
        self.setSubTitle(self.tr("Cochez les lieux dont ce guichet valide les réservations."))
        self.box = QVBoxLayout()
        self.counter_name = QLineEdit("Guichet", self)
        self.counter_name.setMaxLength(100)
        self.error = QLabel("", self)
        self.error.setObjectName("venue_error")
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Nom de ce guichet"), self.counter_name)
        layout = QVBoxLayout(self)
        layout.addLayout(self.box)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.checks: dict[int, QCheckBox] = {}

    def initializePage(self) -> None:
        for cb in self.checks.values():
            cb.deleteLater()
        self.checks.clear()
        venues = self.server.venues
        for v in venues:
            cb = QCheckBox(venue_label(v), self)
            cb.setChecked(len(venues) == 1)
            self.box.addWidget(cb)
            self.checks[v["id"]] = cb

    def venue_ids(self) -> tuple[int, ...]:
        return tuple(i for i, cb in self.checks.items() if cb.isChecked())

    def validatePage(self) -> bool:
        if not self.venue_ids():
            self.error.setText(self.tr("Cochez au moins un lieu."))
            return False
        if not self.counter_name.text().strip():
            self.error.setText(self.tr("Donnez un nom à ce guichet (ex. Accueil)."))
            return False
        return True


class AdminPage(QWizardPage):
    def __init__(self, lang: str = "fr") -> None:
        super().__init__()
        self.lang = lang  # of the PIN rule messages
        self.setTitle(self.tr("Code administrateur et personnel"))
        self.setSubTitle(
            self.tr(
                "Le code administrateur (6 chiffres ou plus) protège les réglages et la sortie "
                "du mode guichet. Gardez-le en lieu sûr."
            )
        )
        self.pin1 = QLineEdit(self)
        self.pin2 = QLineEdit(self)
        for f in (self.pin1, self.pin2):
            f.setEchoMode(QLineEdit.EchoMode.Password)
            f.setMaxLength(12)
        self.staff_name = QLineEdit(self)
        self.staff_name.setPlaceholderText(self.tr("facultatif, ex. Marie"))
        self.staff_pin = QLineEdit(self)
        self.staff_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.staff_pin.setMaxLength(6)
        self.staff_pin.setPlaceholderText(self.tr("4 à 6 chiffres"))
        self.error = QLabel("", self)
        self.error.setObjectName("admin_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout(self)
        form.addRow(self.tr("Code administrateur"), self.pin1)
        form.addRow(self.tr("Confirmez le code"), self.pin2)
        form.addRow(QLabel(self.tr("Premier membre du personnel (facultatif)"), self))
        form.addRow(self.tr("Nom"), self.staff_name)
        form.addRow(self.tr("Code personnel"), self.staff_pin)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        try:
            check_pin_format(self.pin1.text(), min_len=6, max_len=12)
        except PinError as exc:
            self.error.setText(exc.text(self.lang))
            return False
        if self.pin1.text() != self.pin2.text():
            self.error.setText(self.tr("Les deux codes administrateur sont différents."))
            return False
        if self.staff_name.text().strip():
            try:
                check_pin_format(self.staff_pin.text(), min_len=4, max_len=6)
            except PinError as exc:
                self.error.setText(self.tr("Code personnel : ") + exc.text(self.lang))
                return False
        self.error.clear()
        return True


STAGES = {"venues": "Lieux", "offers": "Offres", "bookings": "Réservations", "images": "Images"}


class SyncPage(QWizardPage):
    """Saves everything, then runs the first full sync in a worker thread."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Première synchronisation"))
        self.setSubTitle(self.tr("Le guichet récupère les lieux, les offres et les réservations."))
        self.status = QLabel("", self)
        self.status.setObjectName("sync_status")
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.retry = QPushButton(self.tr("Réessayer"), self)
        self.retry.hide()
        self.retry.clicked.connect(self._start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.retry)
        layout.addStretch(1)
        self.finished_ok = False
        self.failed_once = False
        self.call: tasks.Task | None = None

    def initializePage(self) -> None:
        try:
            self.wiz.save()
        except (StaffError, PinError, OSError) as exc:
            self.status.setText(str(exc) if isinstance(exc, OSError) else exc.text(self.wiz.lang))
            self.status.setStyleSheet(ERROR_STYLE)
            return
        self._start()

    def _start(self) -> None:
        self.retry.hide()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Synchronisation en cours…"))
        self.bar.setRange(0, 0)
        self.call = tasks.shared().submit(
            self.wiz.first_sync,
            self._done,
            lambda exc: self._done_error(explain_api_error(exc, "", self.wiz.lang)),
            on_progress=self._progress,
            owner=self,
        )

    def _progress(self, stage: str, done: int, total: int | None) -> None:
        label = STAGES.get(stage, stage)
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.status.setText(f"{label} : {done}/{total}")
        else:
            self.bar.setRange(0, 0)
            self.status.setText(f"{label} : {done}" if done else f"{label}…")

    def _done(self, summary: Any) -> None:
        if summary.error:
            self._done_error(summary.error_text(self.wiz.lang))
            return
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.finished_ok = True
        self.status.setText(
            self.tr("Terminé : {} réservations et {} offres reçues. Le guichet est prêt.").format(
                summary.pulled_bookings, summary.pulled_offers
            )
        )
        self.completeChanged.emit()

    def _done_error(self, message: str) -> None:
        self.failed_once = True
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(
            self.tr(
                "Synchronisation incomplète : {} Vous pouvez réessayer, ou terminer : le guichet "
                "réessaiera tout seul."
            ).format(message)
        )
        self.retry.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.finished_ok or self.failed_once


class ImportPage(QWizardPage):
    """Optional, after the first sync: the pro portal's bookings export. The API never gives
    the tokens of event bookings; without the export, the first outage answers INCONNUE HORS
    LIGNE to valid bookings. Says how many current bookings are then known offline."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Importer l’export des réservations (facultatif)"))
        self.setSubTitle(
            self.tr(
                "pass Culture ne donne pas les contremarques des évènements : sans cet export, "
                "une coupure du réseau fait répondre « INCONNUE HORS LIGNE » à des réservations "
                "valables. Téléchargez l’export des réservations (CSV ou XLSX) sur le portail "
                "pro, puis choisissez-le ici. Vous pourrez aussi l’importer plus tard "
                "(Fichier › Importer l’export du portail pro…)."
            )
        )
        self.choose = QPushButton(self.tr("Choisir le fichier…"), self)
        self.choose.clicked.connect(self._choose)
        self.status = QLabel("", self)
        self.status.setObjectName("import_status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choose)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.report: Any = None
        self.call: tasks.Task | None = None

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Importer l’export des réservations (CSV ou XLSX)"),
            "",
            self.tr("Exports pass Culture (*.csv *.xlsx)"),
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        """Import `path` in a worker thread; the page says what it brought."""
        from kiosk.services.importer import import_file

        cfg = self.wiz.config
        venue_ids = tuple(cfg.venue_ids) if cfg is not None else ()
        data_dir = self.wiz.data_dir

        def work() -> Any:
            db = Database.open(data_dir)
            try:
                return import_file(db, path, venue_ids=venue_ids)
            finally:
                db.dispose()

        self.choose.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Import de %1…").replace("%1", path.name))
        self.call = tasks.shared().submit(work, self._done, self._failed, owner=self)

    def _done(self, report: Any) -> None:
        self.report = report
        self.choose.setEnabled(True)
        self.status.setText(
            self.tr("Import terminé : %1 réservations, dont %2 contremarques connues.")
            .replace("%1", str(report.bookings))
            .replace("%2", str(report.tokens))
            + " "
            + say("import.coverage", self.wiz.lang, known=report.covered, total=report.current)
        )

    def _failed(self, exc: BaseException) -> None:
        from kiosk.services.importer import ImportError_

        self.choose.setEnabled(True)
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ImportError_):
            self.status.setText(exc.text(self.wiz.lang))
        else:
            self.status.setText(
                self.tr("Le fichier n’a pas pu être importé (%1).").replace(
                    "%1", type(exc).__name__
                )
            )


class SetupWizard(QWizard):
    def __init__(self, data_dir: Path, parent: QWidget | None = None, *, lang: str = "fr") -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.lang = lang  # of the PIN and staff messages (Qt texts: the installed catalogue)
        self.setWindowTitle(self.tr("Installation du guichet pass Culture"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        # Our own labels: Qt's French catalogue (qtbase_fr.qm) may not be installed.
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< Précédent")),
            (QWizard.WizardButton.NextButton, self.tr("Suivant >")),
            (QWizard.WizardButton.CommitButton, self.tr("Suivant >")),
            (QWizard.WizardButton.CancelButton, self.tr("Annuler")),
            (QWizard.WizardButton.FinishButton, self.tr("Terminer")),
        ):
            self.setButtonText(button, text)
        self.server_page = ServerPage()
        self.venue_page = VenuePage(self.server_page)
        self.admin_page = AdminPage(lang)
        self.sync_page = SyncPage(self)
        self.sync_page.setCommitPage(True)  # saved and synced: no way back past it
        self.import_page = ImportPage(self)
        pages = (self.server_page, self.venue_page, self.admin_page, self.sync_page)
        for page in (*pages, self.import_page):
            self.addPage(page)
        self.setMinimumSize(720, 520)
        self.config: Config | None = None
        self.on_duty: str | None = None  # the staff member created here holds the counter

    def save(self) -> Config:
        """Write config, key, admin PIN and first staff member (before the first sync)."""
        existing = (
            config_mod.load(self.data_dir) if (self.data_dir / "kiosk.toml").exists() else None
        )
        cfg = existing or Config(data_dir=self.data_dir)
        cfg.api_url = self.server_page.server_url()
        cfg.venue_ids = self.venue_page.venue_ids()
        cfg.counter_name = self.venue_page.counter_name.text().strip()
        if not cfg.kiosk_id:
            import uuid

            cfg.kiosk_id = str(uuid.uuid4())
        config_mod.save(cfg)
        save_api_key(self.data_dir, self.server_page.api_key())
        cfg.api_key = self.server_page.api_key()
        db = Database.open(self.data_dir)
        try:
            security = Security(db)
            security.set_admin_pin(self.admin_page.pin1.text())
            name = self.admin_page.staff_name.text().strip()
            if name:
                staff = StaffService(db, security)
                if name not in {m.name for m in staff.members(include_inactive=True)}:
                    staff.add(name, self.admin_page.staff_pin.text())
                self.on_duty = name
        finally:
            db.dispose()
        self.config = cfg
        return cfg

    def first_sync(self, progress: Callable[[str, int, int | None], None]) -> Any:
        cfg = self.config
        assert cfg is not None and cfg.api_url and cfg.api_key
        db = Database.open(self.data_dir)
        # The key's budget as kiosk.toml sets it: a new counter's first sync, alone at its
        # counter, borrows the counter's reserve (kiosk/sync/limiter.py).
        client = ApiClient(cfg.api_url, cfg.api_key, limiter=make_scheduler(cfg))
        try:
            engine = SyncEngine(db, client, list(cfg.venue_ids))
            return engine.sync_once(full=True, progress=progress)
        finally:
            client.close()
            db.dispose()


@dataclass(frozen=True)
class Setup:
    """What the finished wizard leaves: the saved config, and who is on duty (its staff
    member, if one was created: they set the counter up, they hold it first)."""

    config: Config
    on_duty: str | None = None


def run_first_run_wizard(
    data_dir: Path, parent: QWidget | None = None, *, lang: str = "fr"
) -> Setup | None:
    """Show the wizard; the saved set-up when finished, None when cancelled."""
    wizard = SetupWizard(data_dir, parent, lang=lang)
    try:
        if wizard.exec() != QWizard.DialogCode.Accepted or wizard.config is None:
            return None
        return Setup(config_mod.load(Path(data_dir)), wizard.on_duty)
    finally:
        wizard.deleteLater()  # its pages hold it in cycles: let Qt free it, not the collector
