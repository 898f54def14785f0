"""Settings behind the admin PIN: saved to kiosk.toml, key replaced never shown, diagnostic."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6

from kiosk.platform import config as config_mod
from kiosk.platform.config import Config
from kiosk.platform.secrets import load_api_key, save_api_key
from kiosk.services.security import Security
from kiosk.services.wiring import Services, open_services
from kiosk.ui.admin import settings as settings_dialog
from kiosk.ui.admin.settings import SettingsDialog, open_settings
from kiosk.ui.common import tasks


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    cfg = Config(data_dir=data_dir, api_url="http://127.0.0.1:9", venue_ids=(1,))
    config_mod.save(cfg)
    save_api_key(data_dir, "old-key-123")
    s = open_services(config_mod.load(data_dir))
    Security(s.db).set_admin_pin("482913")
    yield s
    s.close()


def test_pin_required(services: Services) -> None:
    assert open_settings(None, services, ask_pin=lambda _p: False) is False


def test_save_writes_config_and_replaces_key(
    qtbot, services: Services, data_dir: Path, screenshot_dir: Path
) -> None:
    dlg = SettingsDialog(services, devices=lambda: {"cameras": [], "audio_outputs": []})
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.camera.currentText() == "Aucune caméra détectée"
    assert dlg.key.text() == ""  # the stored key is never displayed
    assert "old-key-123" not in dlg.key.placeholderText()
    dlg.grab().save(str(screenshot_dir / "ops-settings.png"))
    dlg.counter_name.setText("Accueil jeunesse")
    dlg.sounds.setChecked(False)
    dlg.retention.setValue(14)
    dlg.key.setText("new-key-456")
    dlg.pin1.setText("135790")
    dlg.pin2.setText("135791")
    assert not dlg.save()
    assert "différents" in dlg.error.text()
    dlg.pin2.setText("135790")
    assert dlg.save()
    cfg = config_mod.load(data_dir)
    assert (cfg.counter_name, cfg.sounds, cfg.retention_days) == ("Accueil jeunesse", False, 14)
    assert load_api_key(data_dir) == "new-key-456"
    assert "new-key-456" not in cfg.path.read_text(encoding="utf-8")
    assert Security(services.db).check_admin_pin("135790").ok


def test_bad_url_refused(qtbot, services: Services) -> None:
    dlg = SettingsDialog(services, devices=lambda: None)
    qtbot.addWidget(dlg)
    dlg.url.setText("ftp://nope")
    assert not dlg.save()
    assert "Adresse du serveur invalide" in dlg.error.text()


def test_diagnostic_shown_and_exported(qtbot, services: Services, tmp_path: Path) -> None:
    dlg = SettingsDialog(services, devices=lambda: {"cameras": [], "audio_outputs": []})
    qtbot.addWidget(dlg)
    doctor = dlg.open_doctor()
    qtbot.waitUntil(lambda: doctor.report is not None, timeout=20_000)
    assert "Serveur" in doctor.text.toPlainText()
    assert "injoignable" in doctor.text.toPlainText()  # nothing listens on port 9
    out = tmp_path / "diag.txt"
    doctor.export_to(out)
    assert out.read_text(encoding="utf-8").startswith("Diagnostic du kiosque")
    assert "old-key-123" not in out.read_text(encoding="utf-8")
    doctor.close()


def test_english_pin_error_and_report(qtbot, services: Services) -> None:
    services.config = dataclasses.replace(services.config, language="en")
    dlg = SettingsDialog(services, devices=lambda: {"cameras": [], "audio_outputs": []})
    qtbot.addWidget(dlg)
    dlg.pin1.setText("123")
    dlg.pin2.setText("123")
    assert not dlg.save()
    assert dlg.error.text() == "The PIN must have at least 6 digits."
    assert dlg.staff_manager.lang == "en"
    doctor = dlg.open_doctor()
    qtbot.waitUntil(lambda: doctor.report is not None, timeout=20_000)
    text = doctor.text.toPlainText()
    assert text.startswith("Kiosk diagnostics — ")
    assert "[XX] Server: Server unreachable: check the address (http://127.0.0.1:9)" in text
    doctor.close()


def test_admin_prompt_of_open_settings_speaks_the_configured_language(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_ask(_parent: Any, _security: Security, prompt: str = "", *, lang: str = "fr") -> bool:
        asked.append(lang)
        return False

    monkeypatch.setattr(settings_dialog, "ask_admin_pin", fake_ask)
    assert open_settings(None, services) is False
    services.config = dataclasses.replace(services.config, language="en")
    assert open_settings(None, services) is False
    assert asked == ["fr", "en"]


def test_a_doctor_closed_early_gets_no_report(qtbot, services: Services) -> None:
    """The diagnostic runs on the application's pool; a deleted dialog is not answered."""
    dlg = SettingsDialog(services, devices=lambda: {"cameras": [], "audio_outputs": []})
    qtbot.addWidget(dlg)
    doctor = dlg.open_doctor()
    assert doctor.call.owner is doctor
    shiboken6.delete(doctor)  # before the report lands: nothing must touch its widgets
    qtbot.waitUntil(lambda: tasks.shared().pending == 0, timeout=20_000)


def test_sharing_with_the_other_counters_is_switched_on_and_off_here(
    qtbot, services: Services, data_dir: Path
) -> None:
    dlg = SettingsDialog(services, devices=lambda: {"cameras": [], "audio_outputs": []})
    qtbot.addWidget(dlg)
    assert not dlg.mesh.isChecked() and dlg.mesh_multicast.isChecked()  # the defaults
    dlg.mesh.setChecked(True)
    dlg.mesh_multicast.setChecked(False)  # a municipal network that blocks multicast
    dlg.mesh_connect.setText("tcp/192.0.2.21:7447  tcp/192.0.2.22:7447")
    assert dlg.save()
    cfg = config_mod.load(data_dir)
    assert cfg.mesh and not cfg.mesh_multicast
    assert cfg.mesh_connect == ("tcp/192.0.2.21:7447", "tcp/192.0.2.22:7447")
    assert cfg.mesh_listen == ()
    dlg.mesh.setChecked(False)
    assert dlg.save()
    assert not config_mod.load(data_dir).mesh
