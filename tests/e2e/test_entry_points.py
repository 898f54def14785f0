"""The pieces wired into the real entry points (`kiosk run`, `kiosk demo`): first-run wizard,
fonts, single instance, staff on duty, settings, kiosk lockdown, camera, English UI.

Every test starts the counter through `start_counter`/`start_demo` (what `cmd_run`/`cmd_demo`
run before the Qt event loop), so it fails if the wiring is missing.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import qrcode
from PySide6.QtGui import QImage, QPainter
from PySide6.QtMultimedia import QVideoFrame
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget, QWizard

from kiosk.demo import world as demo
from kiosk.demo.entry import start_demo
from kiosk.domain import messages
from kiosk.domain.verdict import Verdict, VerdictKind
from kiosk.platform import config as config_mod
from kiosk.platform.exits import EXIT_ENV, CliError
from kiosk.store.lock import DataDirLock
from kiosk.ui.admin.settings import DoctorDialog, SettingsDialog
from kiosk.ui.admin.wizard import SetupWizard
from kiosk.ui.common import i18n
from kiosk.ui.common.pin_dialog import PinDialog
from kiosk.ui.counter.staff_bar import StaffSwitchDialog
from kiosk.ui.entry import Session, start_counter
from kiosk.ui.single_instance import NO_ANSWER, RAISED_MESSAGE, ask_first_instance
from tests.e2e.entry_helpers import (
    ADMIN_PIN,
    DEAD_SERVER,
    Modal,
    args,
    cancel,
    configure,
    enter_pin,
    outbox_rows,
    wait_idle,
)
from tests.fixtures.store import booking_row

ROOT = Path(__file__).resolve().parents[2]
BOOK = booking_row(1, "ABC234")


@pytest.fixture
def sessions(qtbot) -> Iterator[list[Session]]:
    started: list[Session] = []
    yield started
    for s in started:
        s.close()
    i18n.install("fr")  # translators are application-wide


def start(sessions: list[Session], *argv: str) -> Session:
    session = start_counter(args(*argv))
    sessions.append(session)
    return session


def validable(sandbox: Any) -> demo.DemoTicket:
    tickets = demo.pick_tickets(sandbox.bookings(), [], sandbox.now())
    return next(t for t in tickets if t.kind == "validable")


# -- 1. first run ----------------------------------------------------------------------------
def test_unconfigured_run_opens_the_wizard_then_the_synced_counter(
    qtbot, sandbox, data_dir, sessions, screenshot_dir
):
    done: set[str] = set()
    imported: list[str] = []

    def step(w: SetupWizard) -> bool:
        page = w.currentPage()
        if page is w.server_page and "server" not in done:
            done.add("server")
            w.server_page.custom.setChecked(True)
            w.server_page.url.setText(sandbox.url)
            w.server_page.key.setText(sandbox.api_key)
            w.next()
        elif page is w.venue_page and "venues" not in done:
            done.add("venues")
            for vid in demo.DEMO_VENUES:
                w.venue_page.checks[vid].setChecked(True)
            w.venue_page.counter_name.setText("Accueil")
            w.next()
        elif page is w.admin_page and "admin" not in done:
            done.add("admin")
            w.admin_page.pin1.setText(ADMIN_PIN)
            w.admin_page.pin2.setText(ADMIN_PIN)
            w.admin_page.staff_name.setText("Marie")
            w.admin_page.staff_pin.setText("1234")
            w.next()
        elif page is w.sync_page and w.sync_page.finished_ok and "sync" not in done:
            done.add("sync")
            w.next()
        elif page is w.import_page and "import" not in done:
            # The optional export import (issue 14): event tokens known before any outage.
            done.add("import")
            w.import_page.import_path(demo.download_export(sandbox, data_dir.parent / "x.csv"))
        elif page is w.import_page and w.import_page.report is not None:
            imported.append(w.import_page.status.text())
            w.button(QWizard.WizardButton.FinishButton).click()
            return True
        return False

    wizard = Modal(SetupWizard, step, timeout_s=90)
    session = start(sessions, "run", "--data-dir", str(data_dir))
    assert wizard.done and not wizard.timed_out
    window = session.window
    assert window.config.configured and window.config.venue_ids == demo.DEMO_VENUES
    assert window.services.engine is not None
    assert window.services.counter.data_as_of() is not None  # the wizard's first sync
    assert imported and "Import terminé" in imported[0]
    assert "Contremarques connues hors ligne" in imported[0]
    assert window.net_state != "unconfigured" and not window.banner.isVisible()

    # The wizard's staff member holds the counter from the start (issue 14).
    assert window.staff_bar.current_name() == "Marie" and window.screen.staff == "Marie"
    # Marie takes the counter and validates a booking of the sandbox (two steps).
    switch = Modal(StaffSwitchDialog, lambda d: _pick(d, "Marie", "1234"))
    window.staff_bar.change_button.click()
    assert switch.done
    ticket = validable(sandbox)
    window.resize(1280, 720)
    qtbot.wait(50)
    assert window.height() == 720
    window.handle_scan(ticket.qr_payload, "wedge")
    wait_idle(qtbot, window)
    assert window.screen.band.title == "VALIDABLE"
    window.screen.validate_button.click()  # two steps: "Valider" (a rescan only re-shows)
    wait_idle(qtbot, window)
    assert window.screen.band.title == "VALIDÉE"
    assert outbox_rows(window.services.db, ticket.token)[0].staff == "Marie"
    qtbot.waitUntil(
        lambda: outbox_rows(window.services.db, ticket.token)[0].state == "done", timeout=20_000
    )
    window.refresh()
    wait_idle(qtbot, window)
    window.grab().save(str(screenshot_dir / "counter_validated_1280x720.png"))


def test_cancelled_wizard_opens_the_counter_unconfigured(qtbot, data_dir, sessions):
    wizard = Modal(SetupWizard, cancel)
    session = start(sessions, "run", "--data-dir", str(data_dir))
    assert wizard.dialogs
    assert not session.window.config.configured
    assert session.window.net_state == "unconfigured"
    assert "Serveur non configuré" in session.window.banner.label.text()


def _pick(dialog: StaffSwitchDialog, name: str, pin: str) -> bool:
    dialog.choose(name)
    dialog.pad.field.setText(pin)
    dialog.ok_button.click()
    return True


# -- 2. fonts ----------------------------------------------------------------------------------
def test_shipped_font_is_the_application_font(data_dir, sessions):
    from kiosk.ui.app import FONT_PROPERTY

    configure(data_dir)
    session = start(sessions, "run", "--data-dir", str(data_dir))
    assert session.app.property(FONT_PROPERTY) == "DejaVu Sans"
    assert QApplication.font().family() == "DejaVu Sans"


# -- scanner settings (issue 14) --------------------------------------------------------------
def test_scanner_thresholds_come_from_kiosk_toml(qtbot, data_dir, sessions):
    configure(data_dir, rows=[BOOK], scanner_gap_ms=25, scanner_idle_ms=300, same_scan_seconds=0)
    text = (data_dir / "kiosk.toml").read_text(encoding="utf-8")
    assert "scanner_gap_ms = 25" in text  # saved like the other settings
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    assert window.wedge is not None
    assert (window.wedge.gap_threshold_ms, window.wedge.idle_accept_ms) == (25, 300)
    window.handle_scan("ABC234", "wedge")
    window.handle_scan("ABC234", "wedge")  # same_scan_seconds = 0: checked anew, not a note
    assert "Même contremarque" not in window.screen.band.source_text


def test_a_bad_scanner_threshold_is_named_not_a_traceback(data_dir, sessions):
    configure(data_dir)
    path = data_dir / "kiosk.toml"
    text = path.read_text(encoding="utf-8").replace("scanner_gap_ms = 40", "scanner_gap_ms = 0")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CliError) as refused:
        start(sessions, "run", "--data-dir", str(data_dir))
    assert "scanner_gap_ms" in refused.value.message and "entre 5 et 200" in refused.value.message


# -- 3. single instance -----------------------------------------------------------------------
def test_second_launch_raises_the_first_window_and_exits_3(qtbot, data_dir, sessions):
    configure(data_dir)
    session = start(sessions, "run", "--data-dir", str(data_dir))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    code = "import sys; from kiosk.main import run; sys.exit(run(sys.argv[1:]))"
    with qtbot.waitSignal(session.instance.raise_requested, timeout=20_000):
        proc = subprocess.Popen(
            [sys.executable, "-c", code, "run", "--data-dir", str(data_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20_000)
    out, err = proc.communicate()
    assert proc.returncode == EXIT_ENV
    assert RAISED_MESSAGE in err
    assert "Traceback" not in err + out
    assert session.window.isVisible()


def test_data_dir_held_without_a_window_is_explained(qtbot, data_dir, sessions):
    configure(data_dir)
    held = DataDirLock(data_dir)  # like a `kiosk sync` running in a terminal
    held.acquire()
    try:
        alert = Modal(QMessageBox, lambda box: box.accept() or True)
        with pytest.raises(CliError) as refused:
            start(sessions, "run", "--data-dir", str(data_dir))
    finally:
        held.release()
    assert refused.value.code == EXIT_ENV
    assert refused.value.message.endswith(NO_ANSWER)
    assert alert.dialogs and alert.dialogs[0].text() == refused.value.message
    assert not ask_first_instance(data_dir, timeout_ms=300)  # our listener was closed


# -- 4. staff on duty ---------------------------------------------------------------------------
def test_staff_switch_names_the_next_validation(qtbot, data_dir, sessions):
    configure(data_dir, staff=(("Camille", "1234"), ("Yanis", "5678")), rows=[BOOK])
    session = start(sessions, "run", "--data-dir", str(data_dir))
    window = session.window
    assert window.staff_bar.isVisible()
    assert "Personne en service" in window.staff_bar.label.text()
    switch = Modal(StaffSwitchDialog, lambda d: _pick(d, "Yanis", "5678"))
    window.staff_bar.change_button.click()
    assert switch.done
    assert window.staff_bar.label.text() == "En service : Yanis"
    window.handle_scan("ABC234", "wedge")
    window.screen.validate_button.click()  # two-step: "Valider" (a rescan only re-shows)
    wait_idle(qtbot, window)
    assert window.screen.band.title == "VALIDÉE"
    assert [(r.kind, r.staff) for r in outbox_rows(window.services.db, "ABC234")] == [
        ("use", "Yanis")
    ]


def test_without_staff_accounts_the_bar_is_discreet_and_no_name_is_recorded(
    qtbot, data_dir, sessions
):
    configure(data_dir, rows=[BOOK], two_step=False)
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    assert "Aucun compte du personnel" in window.staff_bar.label.text()
    assert not window.staff_bar.change_button.isVisible()
    window.handle_scan("ABC234", "wedge")
    wait_idle(qtbot, window)
    assert [r.staff for r in outbox_rows(window.services.db, "ABC234")] == [None]


# -- 5. settings -----------------------------------------------------------------------------
def _save_one_step(dialog: SettingsDialog) -> bool:
    dialog.two_step.setChecked(False)
    save = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Enregistrer")
    save.click()
    return True


def test_settings_behind_the_pin_switch_to_one_step_at_once(qtbot, data_dir, sessions):
    configure(data_dir, rows=[BOOK])
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    assert window.screen.two_step
    pin = Modal(PinDialog, enter_pin(ADMIN_PIN))
    dialog = Modal(SettingsDialog, _save_one_step)
    window.settings_action.trigger()
    assert pin.done and dialog.done
    assert not window.screen.two_step and not window.two_step_action.isChecked()
    assert config_mod.load(data_dir).two_step is False
    window.handle_scan("ABC234", "wedge")  # one scan is enough now
    wait_idle(qtbot, window)
    assert window.screen.band.title == "VALIDÉE"
    assert len(outbox_rows(window.services.db, "ABC234")) == 1


def test_server_change_applies_at_the_next_start_and_says_so(qtbot, data_dir, sessions):
    configure(data_dir)
    window = start(sessions, "run", "--data-dir", str(data_dir)).window

    def new_server(dialog: SettingsDialog) -> bool:
        dialog.url.setText("http://127.0.0.1:10")
        dialog._save_and_close()
        return True

    pin = Modal(PinDialog, enter_pin(ADMIN_PIN))
    dialog = Modal(SettingsDialog, new_server)
    assert window.open_settings()
    assert pin.done and dialog.done and window.restart_needed
    assert "prochain démarrage" in window.info_box.text()
    assert config_mod.load(data_dir).api_url == "http://127.0.0.1:10"
    assert window.services.client.base_url != "http://127.0.0.1:10"  # unchanged until restart


def test_settings_refused_without_the_pin(qtbot, data_dir, sessions):
    configure(data_dir)
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    pin = Modal(PinDialog, cancel)
    settings = Modal(SettingsDialog, cancel, timeout_s=1)
    window.settings_action.trigger()
    settings.stop()
    assert pin.done and not settings.dialogs


# -- 6. kiosk lockdown -------------------------------------------------------------------------
def test_kiosk_flag_locks_the_window_until_the_admin_pin(qtbot, data_dir, sessions):
    configure(data_dir)
    window = start(sessions, "run", "--data-dir", str(data_dir), "--kiosk").window
    assert window.lockdown is not None and window.lockdown.locked
    assert window.isFullScreen()
    assert window.geometry() == QWidget.screen(window).geometry()
    refused = Modal(PinDialog, cancel)
    window.close()
    qtbot.waitUntil(lambda: refused.done, timeout=5_000)
    assert window.isVisible()
    refused = Modal(PinDialog, cancel)
    window.quit_action.trigger()  # the menu's "Quitter" asks too
    qtbot.waitUntil(lambda: refused.done, timeout=5_000)
    assert window.isVisible()
    assert window.lockdown.unlock_action in window.settings_menu.actions()
    allowed = Modal(PinDialog, enter_pin(ADMIN_PIN))
    window.quit_action.trigger()
    qtbot.waitUntil(lambda: allowed.done and not window.isVisible(), timeout=5_000)


def test_lockdown_config_flag_without_admin_pin_is_not_applied(data_dir, sessions):
    configure(data_dir, admin_pin=None, lockdown=True)
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    assert window.lockdown is None
    assert "Mode kiosque non appliqué" in window.status.currentMessage()


# -- 7. camera -------------------------------------------------------------------------------------
def qr_image(payload: str) -> QImage:
    """A webcam-sized picture with the youth's QR code in the middle."""
    buf = io.BytesIO()
    qrcode.make(payload, box_size=8).save(buf, format="PNG")
    code = QImage.fromData(buf.getvalue(), "PNG")
    frame = QImage(640, 480, QImage.Format.Format_RGB32)
    frame.fill(0xFFE8E8E8)
    painter = QPainter(frame)
    painter.drawImage((640 - code.width()) // 2, (480 - code.height()) // 2, code)
    painter.end()
    return frame


def test_camera_frame_validates_once_in_the_real_window(
    qtbot, sandbox, data_dir, sessions, screenshot_dir
):
    configure(
        data_dir,
        url=sandbox.url,
        key=sandbox.api_key,
        venues=demo.DEMO_VENUES,
        staff=(("Camille", "1234"),),
        two_step=False,
    )
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    qtbot.waitUntil(lambda: not window.runner.first_sync, timeout=60_000)
    wait_idle(qtbot, window)
    assert window.camera is None
    window.camera_action.trigger()  # Affichage > Caméra
    assert window.camera is not None and window.camera_view is not None
    assert config_mod.load(data_dir).camera_id  # remembered
    qtbot.waitUntil(lambda: "Aucune caméra détectée" in window.camera_view.overlay_message())
    window.staff_bar.set_current(window.staff_service.members()[0])

    ticket = validable(sandbox)
    image = qr_image(ticket.qr_payload)
    db = window.services.db
    for _ in range(30):  # held in front of the camera for ~1.5 s: many frames, one scan
        window.camera.video_sink.setVideoFrame(QVideoFrame(image))  # a new frame each time
        qtbot.wait(50)
    wait_idle(qtbot, window)
    assert window.camera.frames_decoded > 1
    assert window.screen.band.title == "VALIDÉE"
    assert [(r.kind, r.staff) for r in outbox_rows(db, ticket.token)] == [("use", "Camille")]
    window.resize(1280, 720)
    qtbot.wait(50)  # the new layout
    assert window.height() == 720  # the camera panel still fits a 1280x720 screen
    window.grab().save(str(screenshot_dir / "counter_camera_validated_1280x720.png"))

    # Shown again after the duplicate window: a new scan, but never a second validation.
    window.camera.duplicate_window_s = 0.2
    qtbot.wait(300)
    with qtbot.waitSignal(window.camera.scanned, timeout=5_000):
        for _ in range(10):
            window.camera.video_sink.setVideoFrame(QVideoFrame(image))  # a new frame each time
            qtbot.wait(50)
    wait_idle(qtbot, window)
    band = window.screen.band  # the same code again: re-shown and said so (issue 14)
    assert band.title != "VALIDÉE" or "Même contremarque" in band.source_text
    assert len(outbox_rows(db, ticket.token)) == 1
    qtbot.waitUntil(lambda: outbox_rows(db, ticket.token)[0].state == "done", timeout=20_000)
    assert next(b for b in sandbox.bookings() if b["token"] == ticket.token)["status"] == "USED"

    window.camera_action.trigger()  # off again: scanner shut down, choice forgotten
    assert window.camera is None and config_mod.load(data_dir).camera_id is None


# -- 8. English ---------------------------------------------------------------------------------
def test_english_ui_from_the_config(qtbot, data_dir, sessions):
    configure(data_dir, rows=[BOOK], language="en")
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    assert window.screen.validate_button.text() == "&" + messages.text(
        messages.VALIDATE_BUTTON, "en"
    )
    assert window.menuBar().actions()[0].text() == "&File"  # the main catalogue
    assert window.settings_action.text() == "Counter &settings (administrator)…"
    assert "No staff account" in window.staff_bar.label.text()  # staff bar strings
    window.handle_scan("ABC234", "wedge")
    wait_idle(qtbot, window)
    assert window.screen.band.title == messages.render(Verdict(VerdictKind.VALIDABLE), "en").title


def test_english_pin_errors_and_diagnostic_in_the_settings(qtbot, data_dir, sessions):
    configure(data_dir, language="en")
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    pin_said: list[str] = []

    def wrong_then_right(dialog: PinDialog) -> bool:
        dialog.pad.field.setText("000000")
        dialog.ok_button.click()
        pin_said.append(dialog.message.text())
        return enter_pin(ADMIN_PIN)(dialog)

    report: list[str] = []

    def read_report(dialog: DoctorDialog) -> bool:
        if dialog.report is None:
            return False
        report.append(dialog.text.toPlainText())
        dialog.accept()
        return True

    settings_said: list[str] = []

    def settings_step(dialog: SettingsDialog) -> bool:
        if not settings_said:
            dialog.pin1.setText("123")
            dialog.pin2.setText("123")
            dialog._save_and_close()
            settings_said.append(dialog.error.text())
            dialog.open_doctor()  # a modal of its own: `read_report` answers it
            return False
        if not doctor.done:
            return False
        dialog.reject()
        return True

    pin = Modal(PinDialog, wrong_then_right)
    doctor = Modal(DoctorDialog, read_report)
    settings = Modal(SettingsDialog, settings_step)
    window.settings_action.trigger()
    assert pin.done and doctor.done and settings.done
    assert pin_said == ["Wrong PIN. 2 more tries before a waiting time."]
    assert settings_said == ["The PIN must have at least 6 digits."]
    lines = report[0].splitlines()
    assert lines[0].startswith("Kiosk diagnostics — ")
    assert f"[XX] Server: Server unreachable: check the address ({DEAD_SERVER})" in report[0]
    assert "[OK] Validations waiting to be sent: none" in lines


def test_english_config_sets_up_in_english(qtbot, data_dir, sessions):
    config_mod.save(config_mod.Config(data_dir=data_dir, language="en"))
    seen: list[str] = []

    def step(w: SetupWizard) -> bool:
        w.admin_page.pin1.setText("12")
        w.admin_page.validatePage()
        seen.extend([w.windowTitle(), w.admin_page.error.text()])
        w.reject()
        return True

    wizard = Modal(SetupWizard, step)
    start(sessions, "run", "--data-dir", str(data_dir))
    assert wizard.done
    assert seen == ["pass Culture counter set-up", "The PIN must have at least 6 digits."]


# -- the demo -------------------------------------------------------------------------------
@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)")  # the help panel, offscreen
def test_demo_has_two_staff_members_and_shows_them(qtbot, tmp_path, sessions):
    session = start_demo(args("demo", "--data-dir", str(tmp_path / "demo")))
    sessions.append(session)
    window = session.window
    assert [m.name for m in window.staff_service.members()] == ["Camille", "Yanis"]
    assert window.security.check_admin_pin(demo.DEMO_ADMIN_PIN).ok
    people = window.demo_menu.panel.people.text()
    assert "Camille (code 1234)" in people and "Yanis (code 5678)" in people
    assert window.lockdown is None  # kiosk mode is off by default in the demo


def test_closing_a_session_destroys_its_window_at_once(qtbot, data_dir, sessions):
    """After the event loop returned: deleteLater alone would wait for a loop that never
    comes, leaving the window to Python's collector."""
    import shiboken6

    configure(data_dir)
    session = start(sessions, "run", "--data-dir", str(data_dir))
    window = session.window
    session.close()
    assert not shiboken6.isValid(window)
