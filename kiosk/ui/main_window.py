"""The counter window: banner, counter screen, status bar, menus; owns the sync thread and the
app-wide scan capture. Every scan source feeds `CounterScreen.handle_scan`."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.texts import say
from kiosk.domain.verdict import Family, VerdictKind
from kiosk.platform.config import DEFAULT_COUNTER_NAME, Config, save
from kiosk.ui.common import i18n, theme
from kiosk.ui.common.first_paint import after_first_paint
from kiosk.ui.common.i18n import lang_of

# The window maps before the counter's parts are imported (SQLAlchemy, the services, the
# counter screen: most of a start's time): `MainWindow(config=…)` is the bare frame, and
# `attach(services)` imports and builds the rest. Those names are imported where used.
if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QMenu, QMessageBox

    from kiosk.scan.camera import CameraScanner
    from kiosk.services import counter_overview
    from kiosk.services.wiring import Services
    from kiosk.sync.connectivity import Reason
    from kiosk.ui.admin.lockdown import Lockdown
    from kiosk.ui.catalogue.screen import CatalogueScreen
    from kiosk.ui.counter.conflicts_dialog import ConflictsDialog
    from kiosk.ui.sync_runner import SyncRunner

log = logging.getLogger("kiosk.ui")
PinPrompt = Callable[[QWidget | None], bool]
STARTING_BAND_HEIGHT = (
    150  # the verdict band's (kiosk/ui/counter/verdict_band.py), where it will be
)
DEFAULT_CAMERA = "default"  # camera_id when staff turned the camera on without choosing one
# Settings the running window cannot apply: the services are built from them at start.
RESTART_FIELDS = (
    "api_url",
    "api_key",
    "venue_ids",
    "language",
    "mesh",
    "mesh_listen",
    "mesh_connect",
    "mesh_multicast",
)


class Banner(QFrame):
    """A calm line above the counter: offline is a state, not an error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from kiosk.ui.common.elided import WrappedLabel

        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName(self.tr("État du kiosque"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(16, 6, 16, 6)
        self.label = WrappedLabel()
        self.label.setObjectName("bannerText")
        lay.addWidget(self.label, 1)
        self.hide()

    def say(self, text: str, kind: str = "info") -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))


class StartingPage(QWidget):
    """What the window shows for the half second its counter is being built: the counter's
    colours and its band's place, no text (drawing text loads the font database first: a
    tenth of the way to the window). Said to screen readers."""

    def __init__(self, text_scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startingPage")
        self.setAccessibleName(self.tr("Démarrage du guichet…"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        band = QWidget()
        band.setObjectName("startingBand")
        band.setFixedHeight(round(STARTING_BAND_HEIGHT * text_scale))
        band.setStyleSheet(f"background: {theme.BANDS['idle'].background};")
        lay.addWidget(band)
        lay.addStretch(1)


class MainWindow(QMainWindow):
    imported = Signal(object)  # ImportReport, or an error message (str)

    def __init__(
        self,
        services: Services | None = None,
        *,
        config: Config | None = None,
        install_wedge: bool = True,
        start_sync: bool = True,
        ask_pin: PinPrompt | None = None,
        text_scale: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """The counter window. With `services`, whole at once; with only `config`, the bare
        frame (title, colours, the band's place) that `kiosk run` maps before importing the
        counter's parts, then fills with `attach(services)`."""
        super().__init__(parent)
        if services is not None:
            config = services.config
        if config is None:
            raise TypeError("MainWindow needs services or a config")
        self.services: Services = None  # type: ignore[assignment]  # set by attach()
        if text_scale is None:  # from the screen the window opens on
            screen = QGuiApplication.primaryScreen()
            text_scale = theme.text_scale(screen.availableGeometry().height() if screen else 0)
        self.text_scale = text_scale
        self.config: Config = config
        self.lang = lang_of(self.config.language)
        self._set_title(self.config.counter_name)
        self.setStyleSheet(theme.style(text_scale))
        self._install_wedge, self._start_sync, self._ask_pin = install_wedge, start_sync, ask_pin
        self.attached = False
        self.lockdown: Lockdown | None = None
        self.restart_needed = False  # settings saved that apply at the next start
        if services is None:
            self.setCentralWidget(StartingPage(text_scale))
        else:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """Builds the counter in the window (once): screen, menus, status bar, sync thread;
        what must not delay its first picture (sync, camera, housekeeping) starts after it."""
        from PySide6.QtWidgets import QMessageBox

        from kiosk.services.security import Security
        from kiosk.services.staff import StaffService
        from kiosk.ui.common.page_stack import PageStack
        from kiosk.ui.common.pin_dialog import ask_admin_pin
        from kiosk.ui.common.sounds import SoundPlayer
        from kiosk.ui.common.tasks import Tasks
        from kiosk.ui.counter.screen import CounterScreen
        from kiosk.ui.counter.staff_bar import StaffBar
        from kiosk.ui.counter.status_bar import KioskStatusBar
        from kiosk.ui.sync_runner import SyncRunner

        assert not self.attached, "attach() once"
        self.services = services
        self.config = services.config
        text_scale = self.text_scale
        self.tasks = Tasks(self)
        self.sounds = SoundPlayer(self, enabled=self.config.sounds)
        self.net_state = services.connectivity.state.value
        self.net_reason: Reason = services.connectivity.said
        self.security = Security(services.db)
        # The admin PIN prompt (settings, kiosk unlock); injectable for tests and the demo.
        self.ask_pin: PinPrompt = self._ask_pin or (
            lambda parent: ask_admin_pin(parent, self.security, lang=self.lang)
        )
        self._asking_staff = False
        # Work "after the first paint" waits for the counter's, not the bare frame's.
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.banner = Banner()
        lay.addWidget(self.banner)
        self.stack = PageStack()  # sized by the page on screen, not the widest one
        self.screen = CounterScreen(
            services.counter,
            self.tasks,
            self.sounds,
            lang=self.lang,
            two_step=self.config.two_step,
            is_online=services.connectivity.is_online,
        )
        self.screen.band.min_height = round(self.screen.band.min_height * text_scale)
        self.stack.addWidget(self.screen)
        self.staff_service = StaffService(services.db, self.security)
        self.staff_bar = StaffBar(self.staff_service, lang=self.lang)
        self.staff_bar.staff_changed.connect(self._staff_changed)
        self.screen.put_staff_bar(self.staff_bar)
        self.screen.needs_staff = lambda: self.staff_bar.has_members
        self.screen.staff_required.connect(self._ask_staff_then)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = KioskStatusBar()
        self.setStatusBar(self.status)
        self.status.sync_requested.connect(self.sync_now)
        self.status.conflicts_requested.connect(self.show_conflicts)
        self.screen.scan_arrived.connect(lambda _p, _s: self.show_counter())
        self.screen.operation_done.connect(lambda _r: self.refresh())
        self.screen.result_shown.connect(self._hint_import)
        self.coverage: tuple[int, int] = (0, 0)  # see counter_overview.thin_cover
        self._build_menus()

        self.runner: SyncRunner | None = None
        if services.engine is not None:
            self.runner = SyncRunner(services.engine, services.connectivity, self)
            self.runner.net_changed.connect(self.set_net)
            self.runner.progress.connect(self._progress)
            self.runner.pass_done.connect(lambda _s: self.refresh())
            self.runner.first_sync_done.connect(self._first_sync_done)
            if self._start_sync:  # the first picture first: sync starts right after it
                after_first_paint(self.screen, self.runner.start)
        self.set_net(self.net_state, self.net_reason)

        self.wedge = None
        if self._install_wedge:
            self.install_wedge()
        self.apply_scanner_settings(self.config)
        self.camera: CameraScanner | None = None
        self.camera_view: QWidget | None = None
        if self.config.camera_id and self._install_wedge:  # QtMultimedia and FFmpeg: after paint
            camera_id = self.config.camera_id
            after_first_paint(
                self.screen, lambda: self.set_camera(True, camera_id, save_choice=False)
            )
        after_first_paint(self.screen, self.sounds.warm_up)
        after_first_paint(
            self.screen, lambda: self.tasks.submit(services.housekeeping, self._housekeeping_done)
        )
        self._refresh_timer = QTimer(self, interval=5000)
        self._refresh_timer.timeout.connect(self.refresh)
        self._refresh_timer.start()
        self.conflicts_dialog: ConflictsDialog | None = None
        self.catalogue_screen: CatalogueScreen | None = None
        self.catalogue: object = None
        self.last_import: object = None
        if self.isVisible():  # built into the frame on screen: its new parts are shown now,
            for part in (central, self.menuBar(), self.status):  # not at the loop's next turn
                part.show()
        self.attached = True
        self.refresh()
        self.screen.setFocus()
        for notice in services.notices:  # e.g. a damaged database was restored from a backup
            text = notice.text(self.lang)
            self.status.showMessage(text)
            self._inform(self.tr("À savoir au démarrage"), text, QMessageBox.Icon.Warning)

    # -- scans --------------------------------------------------------------------------
    def install_wedge(self) -> None:
        try:
            from kiosk.scan.wedge import WedgeCapture
        except ImportError:  # the wedge module is optional until it ships
            log.info("keyboard-wedge capture not available: typed codes only")
            return
        from kiosk.scan.wedge import mark_scan_field

        self.wedge = WedgeCapture(self)
        self.apply_scanner_settings(self.config)
        mark_scan_field(self.screen.entry.field)
        self.wedge.text_home = self._text_home
        self.wedge.scanned.connect(self.handle_scan)
        self.wedge.refused.connect(self.refuse_scan)
        self.wedge.install()

    def apply_scanner_settings(self, cfg: Config) -> None:
        """The thresholds of kiosk.toml (docs/operations.md, "Scanner")."""
        self.screen.same_scan_seconds = cfg.same_scan_seconds
        if self.wedge is None:
            return
        self.wedge.gap_threshold_ms = cfg.scanner_gap_ms
        self.wedge.idle_accept_ms = cfg.scanner_idle_ms
        self.wedge.prefix = cfg.scanner_prefix

    def _text_home(self, target: object) -> QWidget | None:
        """Letters a person types while no text field has focus (after a menu, a dialog, the
        staff switch…) go to the code field, not nowhere until F2. Not in a dialog, a menu or
        the librarian screen: there they keep their own meaning."""
        if self.stack.currentWidget() is not self.screen:
            return None
        if QApplication.activeModalWidget() is not None:
            return None
        if QApplication.activePopupWidget() is not None:
            return None
        if isinstance(target, QWidget):
            if target.window() is not self:
                return None
        elif QApplication.activeWindow() is not self:
            return None
        field = self.screen.entry.field
        return field if field.isEnabled() and field.isVisible() else None

    def set_camera(
        self, on: bool, camera_id: str | None = None, *, save_choice: bool = True
    ) -> None:
        """The camera panel: its scans take the same path as the scanner's. The choice is kept
        in the config (`camera_id`); with no camera plugged in the panel says so."""
        if on:
            if self.camera is None:
                try:
                    from kiosk.scan.camera import CameraScanner
                    from kiosk.ui.counter.camera_view import CameraView
                except ImportError as exc:  # QtMultimedia missing its system libraries
                    log.warning("camera unavailable: %r", exc)
                    self.status.showMessage(self.tr("Caméra indisponible sur cet ordinateur."))
                    return

                self.camera = CameraScanner(self)
                self.add_scan_source(self.camera)
                self.camera_view = CameraView(self.camera)
                self.camera_view.setObjectName("cameraView")
                self.screen.put_camera(self.camera_view)
            if not camera_id:
                found = self.camera.available_cameras()
                camera_id = found[0][0] if found else DEFAULT_CAMERA
            self.camera.select_camera(camera_id)
            self.camera.start()
            self.config.camera_id = camera_id
        else:
            self._drop_camera()
            self.config.camera_id = None
        if self.camera_action.isChecked() != on:
            self.camera_action.blockSignals(True)
            self.camera_action.setChecked(on)
            self.camera_action.blockSignals(False)
        if save_choice:
            self._save_config()

    def _drop_camera(self) -> None:
        if self.camera_view is not None:
            self.screen.put_camera(None)
            self.camera_view.deleteLater()
            self.camera_view = None
        if self.camera is not None:
            self.camera.shutdown()  # joins the decode thread: without it the app aborts at exit
            self.camera.deleteLater()
            self.camera = None

    def add_scan_source(self, source: object) -> None:
        """Any object with a `scanned(payload, source)` signal (wedge, camera, tests)."""
        source.scanned.connect(self.handle_scan)  # type: ignore[attr-defined]

    def handle_scan(self, payload: str, source: str) -> None:
        """Every scan source (wedge, camera) is connected here. While a modal dialog that a scan
        does not close is open (a PIN, the settings…), the scan is refused, never acted on
        behind it; the counter's own transient dialogs are closed by a scan, as before."""
        # Never the payload itself: had anything private been taken for a scan, it stays out.
        log.info("scan received from %s (%d characters)", source, len(payload))
        modal = QApplication.activeModalWidget()
        if modal is not None and modal not in self.screen.transients:
            self.refuse_scan()
            return
        self.screen.handle_scan(payload, source)

    def refuse_scan(self) -> None:
        """A scan that arrived while a dialog was open (or into a PIN field): not acted on."""
        text = self.tr(
            "Scan ignoré : une fenêtre est ouverte (code, réglages…). Terminez-la ou fermez-la, "
            "puis scannez à nouveau."
        )
        log.info("scan refused: a dialog was open")
        self.status.showMessage(text, 10_000)
        modal = QApplication.activeModalWidget()
        say = getattr(modal, "scan_refused", None)
        if callable(say):
            say(text)
        self.sounds.play(Family.REFUSED)

    def show_counter(self) -> None:
        if self.stack.currentWidget() is not self.screen:
            self.stack.setCurrentWidget(self.screen)
        self._youth_facing(False)
        if self.isMinimized():
            self.showNormal()

    # -- menus --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Fichier"))
        self.import_action = QAction(self.tr("&Importer l’export du portail pro…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_import)
        file_menu.addAction(self.import_action)
        sync_action = QAction(self.tr("&Synchroniser maintenant"), self)
        sync_action.setShortcut(QKeySequence("Ctrl+R"))
        sync_action.triggered.connect(self.sync_now)
        file_menu.addAction(sync_action)
        conflicts_action = QAction(self.tr("&Conflits à traiter…"), self)
        conflicts_action.triggered.connect(self.show_conflicts)
        file_menu.addAction(conflicts_action)
        self.sync_action, self.conflicts_action = sync_action, conflicts_action
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quitter"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        # close(): in kiosk mode the lockdown turns it into a PIN request.
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        view = bar.addMenu(self.tr("&Affichage"))
        self.librarian_action = QAction(self.tr("Mode &bibliothécaire (offres)"), self)
        self.librarian_action.setShortcut(QKeySequence("F5"))
        self.librarian_action.triggered.connect(self.show_catalogue)
        view.addAction(self.librarian_action)
        counter_action = QAction(self.tr("&Guichet"), self)
        counter_action.setShortcut(QKeySequence("F6"))
        counter_action.triggered.connect(self.show_counter)
        view.addAction(counter_action)
        # Also on the window: librarian mode hides the menu bar, and a shortcut whose only
        # widgets are hidden menus does not fire (F6 must always bring the counter back).
        self.addAction(self.librarian_action)
        self.addAction(counter_action)
        self.camera_action = QAction(self.tr("&Caméra (scanner avec la webcam)"), self)
        self.camera_action.setCheckable(True)
        self.camera_action.setShortcut(QKeySequence("F7"))
        self.camera_action.toggled.connect(lambda on: self.set_camera(on))
        view.addAction(self.camera_action)

        settings = bar.addMenu(self.tr("&Réglages"))
        self.settings_menu = settings
        self.settings_action = QAction(self.tr("&Réglages du guichet (administrateur)…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        settings.addAction(self.settings_action)
        self.report_action = QAction(self.tr("&Bilan du guichet (administrateur)…"), self)
        self.report_action.triggered.connect(self.open_report)
        settings.addAction(self.report_action)
        settings.addSeparator()
        self.sound_action = QAction(self.tr("&Son des verdicts"), self, checkable=True)
        self.sound_action.setChecked(self.config.sounds)
        self.sound_action.toggled.connect(self.set_sounds)
        settings.addAction(self.sound_action)
        self.two_step_action = QAction(
            self.tr("Validation en &deux étapes (scan, puis « Valider »)"), self, checkable=True
        )
        self.two_step_action.setChecked(self.config.two_step)
        self.two_step_action.toggled.connect(self.set_two_step)
        settings.addAction(self.two_step_action)
        # What a youth must not reach while the librarian screen is theirs (F5): the menu bar
        # is hidden then, and these shortcuts do nothing until the counter is back.
        self.staff_actions = [
            self.import_action,
            sync_action,
            conflicts_action,
            self.quit_action,
            self.camera_action,
            self.sound_action,
            self.two_step_action,
        ]

    def show_catalogue(self) -> None:
        """Librarian mode (kiosk.ui.catalogue.screen); any scan brings the counter back."""
        if self.catalogue_screen is None:
            from kiosk.services.catalogue import Catalogue
            from kiosk.sync.images import images_dir
            from kiosk.ui.catalogue.screen import CatalogueScreen

            self.catalogue = Catalogue(self.services.db)
            self.catalogue_screen = CatalogueScreen(
                self.catalogue,
                images_dir(self.services.db.path),
                youth_mode=True,
                idle_seconds=self.config.youth_idle_seconds,
                lang=self.lang,
            )
            self.catalogue_screen.back_requested.connect(self.show_counter)
            self.stack.addWidget(self.catalogue_screen)
        self.stack.setCurrentWidget(self.catalogue_screen)
        self._youth_facing(True)

    def _youth_facing(self, on: bool) -> None:
        """Librarian mode is the youth's screen: no menu bar, no staff shortcut."""
        self.menuBar().setVisible(not on)
        for action in self.staff_actions:
            action.setEnabled(not on)

    def add_menu(self, title: str) -> QMenu:
        """For optional parts (the demo's controls…)."""
        return self.menuBar().addMenu(title)

    # -- staff, settings, kiosk mode ---------------------------------------------------------
    def _staff_changed(self, name: str) -> None:
        self.screen.staff = name or None  # recorded with every validation and invalidation
        if self.stack.currentWidget() is self.screen:
            self.screen.entry.field.setFocus()  # the next person's code, typed or scanned

    def put_on_duty(self, name: str) -> None:
        """The staff member created by the wizard holds the counter from the start."""
        member = next((m for m in self.staff_service.members() if m.name == name), None)
        if member is not None:
            self.staff_bar.set_current(member)

    def _ask_staff_then(self, resume: Callable[[], None]) -> None:
        """Nobody on duty at the first validation: the staff PIN dialog asks who; the held
        validation goes on once someone is, and is not recorded if nobody answers."""
        if self._asking_staff:
            return
        self._asking_staff = True

        def ask() -> None:
            try:
                chosen = self.staff_bar.open_switch()
            finally:
                self._asking_staff = False
            if chosen:
                resume()
            else:
                self.status.showMessage(
                    self.tr(
                        "Validation non enregistrée : choisissez d’abord la personne en "
                        "service (« Changer »)."
                    ),
                    10000,
                )

        # After the scan's handler has returned: the dialog runs its own event loop.
        QTimer.singleShot(0, ask)

    def open_settings(self) -> bool:
        """The settings behind the admin PIN; what the window can apply is applied at once."""
        from kiosk.ui.admin.settings import open_settings

        before = dataclasses.replace(self.config)
        saved = open_settings(self, self.services, ask_pin=self.ask_pin)
        self.staff_bar.refresh()  # the Personnel tab writes at once, even if then cancelled
        if not saved:
            return False
        self.apply_config(self.services.config, before)
        return True

    def open_report(self) -> bool:
        """The manager's report ("Bilan"), behind the admin PIN; False when the PIN was not
        given. Non-modal: the counter keeps running behind it."""
        if not self.ask_pin(self):
            return False
        from kiosk.services.report import counter_today

        db, venues, clock = self.services.db, self.config.venue_ids, self.services.counter.clock
        now = clock()
        self.tasks.submit(  # the venue's "today" needs the cache: read off the GUI thread
            lambda: counter_today(db, venues, now),
            self._show_report,
            lambda exc: self._show_report(None),
        )
        return True

    def _show_report(self, today: object) -> None:
        from kiosk.ui.admin.report_screen import ReportDialog

        dialog = ReportDialog(
            self.services.db,
            venue_ids=self.config.venue_ids,
            retention_days=self.config.retention_days,
            clock=self.services.counter.clock,
            today=today,  # type: ignore[arg-type]
            lang=self.lang,
            parent=self,
        )
        from PySide6.QtCore import Qt

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _c: self.screen._forget(dialog))
        self.report_dialog = dialog
        self.screen.open_transient(dialog)
        dialog.refresh()

    def apply_config(self, new: Config, before: Config | None = None) -> None:
        from PySide6.QtWidgets import QMessageBox

        before = before or self.config
        self.config = new
        self.services.config = new
        self.screen.two_step = new.two_step
        self.sounds.enabled = new.sounds
        for action, on in ((self.two_step_action, new.two_step), (self.sound_action, new.sounds)):
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)
        self.services.counter.counter_name = new.counter_name
        self.apply_scanner_settings(new)
        self._set_title(new.counter_name)
        if new.camera_id != before.camera_id or bool(new.camera_id) != (self.camera is not None):
            self.set_camera(bool(new.camera_id), new.camera_id, save_choice=False)
        if self.catalogue_screen is not None:
            self.catalogue_screen.set_idle_interval_ms(new.youth_idle_seconds * 1000)
        self.staff_bar.refresh()
        if any(getattr(new, f) != getattr(before, f) for f in RESTART_FIELDS):
            self.restart_needed = True
            self._inform(
                self.tr("Réglages enregistrés"),
                self.tr(
                    "Le serveur, la clé d’API, les lieux ou la langue ont changé : ils "
                    "s’appliqueront au prochain démarrage du kiosque. Fermez-le puis relancez-le."
                ),
                QMessageBox.Icon.Information,
            )
        else:
            self.status.showMessage(self.tr("Réglages enregistrés et appliqués."), 8000)

    def _set_title(self, counter_name: str) -> None:
        # "<counter> — <application>": Qt appends the application's display name to a title
        # that does not end with it ("Guichet pass Culture — Accueil — Guichet pass Culture").
        # The default name is a word of the UI, not a name staff chose: the title is then the
        # application's name alone.
        i18n.set_display_name()
        app_name = i18n.display_name()
        if counter_name == DEFAULT_COUNTER_NAME or not counter_name.strip():
            self.setWindowTitle(app_name)
        else:
            self.setWindowTitle(f"{counter_name} — {app_name}")

    def lock_down(self) -> bool:
        """Kiosk mode: frameless full screen that nobody leaves without the admin PIN. Refused
        (False, said in the status bar) while no admin PIN exists: nobody could ever leave."""
        from PySide6.QtGui import QAction

        if self.lockdown is not None:
            self.lockdown.relock()
            self.lockdown.apply()
            return True
        if not self.security.has_admin_pin():
            log.warning("kiosk mode not applied: no admin PIN")
            self.status.showMessage(
                self.tr(
                    "Mode kiosque non appliqué : aucun code administrateur n’est défini "
                    "(assistant d’installation)."
                )
            )
            return False
        from kiosk.ui.admin.lockdown import Lockdown

        # QWidget.screen() explicitly: `self.screen` is the counter screen widget.
        self.lockdown = Lockdown(self, self.security, QWidget.screen(self), ask_pin=self.ask_pin)
        self.settings_menu.addSeparator()
        self.settings_menu.addAction(self.lockdown.unlock_action)
        self.relock_action = QAction(self.tr("Re&verrouiller le mode kiosque"), self)
        self.relock_action.triggered.connect(self.lockdown.relock)
        self.settings_menu.addAction(self.relock_action)
        self.lockdown.apply()
        return True

    def _admin_allows(self, action: QAction, on: bool) -> bool:
        """The counter's rules (two-step, sound) are the administrator's, as in the settings
        dialog: a switch from the menu asks the admin PIN too, in every mode (the counter is
        shared with youths, not only in kiosk mode). Refused: the tick goes back."""
        if not self.security.has_admin_pin() or self.ask_pin(self):
            return True
        action.blockSignals(True)
        action.setChecked(not on)
        action.blockSignals(False)
        self.status.showMessage(self.tr("Réglage inchangé : code administrateur requis."), 8000)
        return False

    def set_sounds(self, on: bool) -> None:
        if not self._admin_allows(self.sound_action, on):
            return
        self.sounds.enabled = on
        self.config.sounds = on
        self._save_config()

    def set_two_step(self, on: bool) -> None:
        if not self._admin_allows(self.two_step_action, on):
            return
        self.screen.two_step = on
        self.config.two_step = on
        self._save_config()

    def _save_config(self) -> None:
        try:
            save(self.config)
        except OSError as exc:
            self.banner.say(
                self.tr("Réglage non enregistré ( %1 ) : il sera perdu au redémarrage.").replace(
                    "%1", str(exc.strerror)
                ),
                "error",
            )

    # -- network and sync ---------------------------------------------------------------
    def set_net(self, state: str, reason: Reason) -> None:
        self.net_state, self.net_reason = state, reason
        self.status.set_net(state, reason, self.lang)
        if state == "offline":
            self.banner.say(
                self.tr(
                    "Hors ligne — les validations sont enregistrées et partiront au retour du "
                    "réseau"
                )
            )
        elif state == "unconfigured":
            self.banner.say(
                self.tr(
                    "Serveur non configuré — le guichet fonctionne sur ses données locales ; "
                    "les validations seront envoyées une fois le serveur configuré."
                )
            )
        elif state == "key_refused":
            self.banner.say(
                self.tr(
                    "Clé d’API refusée par pass Culture — les validations sont gardées ici. "
                    "Vérifiez la clé dans les réglages."
                ),
                "error",
            )
        else:
            self.banner.say("")

    def sync_now(self) -> None:
        if self.runner is not None:
            self.runner.sync_now()
            self.status.showMessage(self.tr("Synchronisation demandée…"), 3000)
        else:
            self.status.showMessage(self.tr("Aucun serveur configuré."), 5000)

    def _progress(self, stage: str, done: int, total: int) -> None:
        if self.runner is not None and self.runner.first_sync:
            self.status.show_progress(stage, done, total)

    def _first_sync_done(self, summary: object) -> None:
        self.status.hide_progress()
        error = summary.error_text(self.lang) if hasattr(summary, "error_text") else None
        if error:
            self.status.showMessage(
                self.tr("Première synchronisation incomplète : %1").replace("%1", error), 10000
            )
        self.refresh()

    def refresh(self) -> None:
        """Counts, cache age and today's list, read in a worker thread."""
        from kiosk.services import counter_overview

        db, counter = self.services.db, self.services.counter
        now = counter.clock()
        self.tasks.submit(
            lambda: counter_overview.snapshot(
                db, now, counter.kiosk_id or None, self.services.config.venue_ids
            ),
            self._apply_snapshot,
            lambda exc: log.warning("status refresh failed: %r", exc),
        )

    def _apply_snapshot(self, snap: counter_overview.Snapshot) -> None:
        self.coverage = snap.coverage
        mesh = self.services.mesh  # in memory: who is connected now
        self.status.set_peers(None if mesh is None else [p.counter for p in mesh.live_peers()])
        self.status.set_counts(snap.pending, snap.conflicts)
        self.screen.zone = snap.zone
        self.status.set_last_sync(snap.data_as_of, self.lang, snap.zone)
        self.screen.today.set_day(snap.rows, snap.counts)
        self.screen.settled({r.op_id: r.state for r in snap.rows if r.op_id})

    # -- conflicts ----------------------------------------------------------------------
    def show_conflicts(self) -> None:
        from kiosk.services import counter_overview

        db = self.services.db
        self.tasks.submit(lambda: counter_overview.open_conflicts(db), self._open_conflicts)

    def _open_conflicts(self, conflicts: list) -> None:
        from kiosk.services import counter_overview
        from kiosk.ui.counter.conflicts_dialog import ConflictsDialog

        db, counter = self.services.db, self.services.counter

        def acknowledge(op_id: str) -> None:
            self.tasks.submit(
                lambda: counter_overview.acknowledge(db, op_id, counter.clock(), self.screen.staff),
                lambda _r: self.refresh(),
            )

        dialog = ConflictsDialog(conflicts, acknowledge, self, lang=self.lang)
        dialog.finished.connect(lambda _c: self.screen._forget(dialog))
        self.conflicts_dialog = dialog
        self.screen.open_transient(dialog)

    # -- import of the pro portal's export ----------------------------------------------
    def _hint_import(self, result: object) -> None:
        """INCONNUE HORS LIGNE while the cache knows few tokens: say that the export teaches
        them (the API never gives them), and where to import it."""
        verdict = getattr(result, "verdict", None)
        if verdict is None or verdict.kind is not VerdictKind.UNKNOWN_OFFLINE:
            return
        from kiosk.services import counter_overview

        if counter_overview.thin_cover(self.coverage):
            known, total = self.coverage
            self.status.showMessage(say("import.hint", self.lang, known=known, total=total), 30000)

    def choose_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, self.tr("Importer l’export des réservations (CSV ou XLSX)"))
        dialog.setNameFilter(self.tr("Exports pass Culture (*.csv *.xlsx)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.import_file(Path(path)))
        dialog.finished.connect(lambda _c: self.screen._forget(dialog))
        self.file_dialog = dialog
        self.screen.open_transient(dialog)

    def import_file(self, path: Path, *, announce: bool = True) -> None:
        from PySide6.QtWidgets import QMessageBox

        from kiosk.services.importer import ImportError_, import_file

        db, venues = self.services.db, self.config.venue_ids
        self.status.showMessage(self.tr("Import de %1…").replace("%1", path.name))

        def done(report: object) -> None:
            self.last_import = report
            text = (
                self.tr("Import terminé : %1 réservations, dont %2 contremarques connues.")
                .replace("%1", str(report.bookings))  # type: ignore[attr-defined]
                .replace("%2", str(report.tokens))  # type: ignore[attr-defined]
            )
            text += " " + say(
                "import.coverage",
                self.lang,
                known=report.covered,  # type: ignore[attr-defined]
                total=report.current,  # type: ignore[attr-defined]
            )
            self.status.showMessage(text, 15000)
            if announce:
                self._inform(self.tr("Import terminé"), text, QMessageBox.Icon.Information)
            self.imported.emit(report)
            self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ImportError_):
                message = exc.text(self.lang)
            else:
                log.error("import failed", exc_info=exc)
                message = self.tr("Le fichier n’a pas pu être importé (%1).").replace(
                    "%1", type(exc).__name__
                )
            self.last_import = message
            self.status.showMessage(message, 15000)
            self._inform(self.tr("Import impossible"), message, QMessageBox.Icon.Warning)
            self.imported.emit(message)

        self.tasks.submit(lambda: import_file(db, path, venue_ids=venues), done, failed)

    def _housekeeping_done(self, _erased: object) -> None:
        from PySide6.QtWidgets import QMessageBox

        damaged = self.services.damaged
        if damaged is not None:  # found by the check a clean start left for after the paint
            text = damaged.text(self.lang)
            self.status.showMessage(text)
            self._inform(self.tr("Base de données à réparer"), text, QMessageBox.Icon.Warning)

    def _inform(self, title: str, text: str, icon: QMessageBox.Icon) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.finished.connect(lambda _c: self.screen._forget(box))
        self.info_box = box
        self.screen.open_transient(box)

    # -- shutdown -----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        if not self.attached:  # the bare frame: nothing started yet
            return
        self._refresh_timer.stop()
        if self.wedge is not None:
            self.wedge.uninstall()
            self.wedge = None
        self._drop_camera()
        if self.catalogue_screen is not None:
            self.catalogue_screen.shutdown()  # type: ignore[attr-defined]
            self.catalogue.close()  # type: ignore[attr-defined]
            self.catalogue_screen = None
        if self.runner is not None:
            self.runner.stop()
        self.tasks.shutdown(10_000)  # answers still on their way are dropped, not shown
