"""`kiosk doctor` against the real sandbox: healthy, server down, clock skew, and local checks."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.cli import run
from kiosk.config import Config, save
from kiosk.doctor import Level, run_doctor
from kiosk.secrets import save_api_key

DEVICES = {"cameras": ["Webcam USB"], "camera_ids": ["cam0"], "audio_outputs": ["Haut-parleurs"]}


@pytest.fixture
def config(sandbox, data_dir: Path) -> Config:
    cfg = Config(data_dir=data_dir, api_url=sandbox.url, venue_ids=(1,), counter_name="Accueil")
    save(cfg)
    save_api_key(data_dir, sandbox.api_key)
    cfg.api_key = sandbox.api_key
    return cfg


def test_healthy(config: Config) -> None:
    report = run_doctor(config, device_probe=lambda: DEVICES)
    assert report.healthy, report.text()
    text = report.text()
    for fragment in ("Serveur", "Clé d'API : Acceptée", "Horloge", "Disque", "Intègre"):
        assert fragment in text
    assert "Tout est en ordre." in text
    assert json.loads(json.dumps(report.as_dict()))["healthy"] is True


def test_server_down(config: Config, sandbox) -> None:
    sandbox.cut_network()
    report = run_doctor(config, device_probe=lambda: DEVICES)
    assert not report.healthy
    server = report.get("server")
    assert server is not None and server.level is Level.ERROR
    assert "injoignable" in server.message and "réseau" in server.message


def test_refused_key(config: Config) -> None:
    config.api_key = "revoked"
    report = run_doctor(config, device_probe=lambda: DEVICES)
    key = report.get("key")
    assert key is not None and key.level is Level.ERROR and "refusée" in key.message


def test_clock_skew(config: Config, sandbox) -> None:
    sandbox.set_now(sandbox.now() + timedelta(minutes=10), frozen=True)
    report = run_doctor(config, device_probe=lambda: DEVICES)
    clock = report.get("clock")
    assert clock is not None and clock.level is Level.WARNING, report.text()
    assert "en retard de 10 min" in clock.message
    assert not report.healthy


def test_local_findings_without_server(data_dir: Path) -> None:
    cfg = Config(data_dir=data_dir, sounds=True)
    report = run_doctor(
        cfg, device_probe=lambda: {"cameras": [], "audio_outputs": []}, min_free_bytes=10**18
    )
    assert report.get("server").level is Level.ERROR
    assert report.get("disk").level is Level.WARNING
    assert report.get("camera").level is Level.INFO  # a scanner alone is fine
    assert report.get("sound").level is Level.WARNING
    assert report.get("database").level is Level.OK


def test_cli_exit_codes_json_and_export(config: Config, sandbox, tmp_path: Path, capsys) -> None:
    out = tmp_path / "diag.txt"
    code = run(["doctor", "--data-dir", str(config.data_dir), "--no-devices", "-o", str(out)])
    assert code == 0, capsys.readouterr()
    assert "Tout est en ordre." in out.read_text(encoding="utf-8")
    assert sandbox.api_key not in out.read_text(encoding="utf-8")
    capsys.readouterr()
    sandbox.cut_network()
    code = run(["doctor", "--data-dir", str(config.data_dir), "--no-devices", "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 1 and payload["healthy"] is False
