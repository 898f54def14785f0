"""`kiosk doctor` against the real sandbox: healthy, server down, clock skew, and local checks."""

from __future__ import annotations

import json
import platform
import string
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from kiosk import __version__
from kiosk.domain import texts
from kiosk.main import run
from kiosk.platform.config import Config, save
from kiosk.platform.secrets import save_api_key
from kiosk.services import doctor
from kiosk.services.doctor import Level, run_doctor
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.sync.errors import BadResponse, KeyRefused, NetworkError

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


# -- French (unchanged) and English, each check without the network ---------------------------
FREE = 3 * 1024**3
SERVER = "https://pass.example"
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


class FakeClient:
    """`offerer_venues()` answers `answer` (or raises it), with the server's Date header."""

    base_url = SERVER

    def __init__(self, answer: Any, server_date: datetime | None = None) -> None:
        self.answer = answer
        self.last_server_date = format_datetime(server_date, usegmt=True) if server_date else None

    def offerer_venues(self) -> Any:
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer

    def close(self) -> None:
        pass


def _run(data_dir: Path, lang: str, **over: Any) -> doctor.Report:
    cfg = Config(data_dir=data_dir, api_url=SERVER, venue_ids=over.pop("venues", (1,)))
    cfg.api_key = "key"
    for name in ("api_key", "camera_id", "sounds"):
        if name in over:
            setattr(cfg, name, over.pop(name))
    kwargs: dict[str, Any] = {
        "client": FakeClient([{"id": 1}]),
        "device_probe": lambda: DEVICES,
        "clock": lambda: NOW,
        "min_free_bytes": 1,
    }
    kwargs.update(over)
    return run_doctor(cfg, lang=lang, **kwargs)


@pytest.fixture
def fixed_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor.shutil, "disk_usage", lambda _p: SimpleNamespace(free=FREE))


def _broken_integrity(exc_or_rows: Any) -> Callable[[pytest.MonkeyPatch], None]:
    def patch(monkeypatch: pytest.MonkeyPatch) -> None:
        def check(_db: Any) -> list[str]:
            if isinstance(exc_or_rows, Exception):
                raise exc_or_rows
            return exc_or_rows

        monkeypatch.setattr(doctor.Database, "integrity_check", check)

    return patch


def _counts(pending: int, conflicts: int) -> Callable[[pytest.MonkeyPatch], None]:
    def patch(monkeypatch: pytest.MonkeyPatch) -> None:
        found = {"pending": pending, "conflicts": conflicts, "done": 0}
        monkeypatch.setattr(doctor.outbox, "counts", lambda _conn: found)

    return patch


def _unreadable_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_p: Any) -> Any:
        raise OSError("no such device")

    monkeypatch.setattr(doctor.shutil, "disk_usage", fail)


NO_PATCH: Callable[[pytest.MonkeyPatch], None] = lambda _m: None  # noqa: E731
NO_DEVICES = {"cameras": [], "audio_outputs": []}

# (check key, run_doctor overrides, patch, French text, English text); {dir}, {db}: the paths.
CASES: list[tuple[str, dict[str, Any], Callable[[pytest.MonkeyPatch], None], str, str]] = [
    (
        "server",
        {"api_key": None, "client": None},
        NO_PATCH,
        "Aucun serveur ou aucune clé configurés : lancez l'assistant d'installation.",
        "No server or no key configured: run the setup wizard.",
    ),
    ("server", {}, NO_PATCH, f"{SERVER} répond.", f"{SERVER} answers."),
    (
        "server",
        {"client": FakeClient(NetworkError("Serveur injoignable.", maybe_sent=False))},
        NO_PATCH,
        f"Serveur injoignable. Vérifiez l'adresse ({SERVER}) et le réseau. Les validations "
        "restent enregistrées et partiront au retour du réseau.",
        f"Server unreachable: check the address ({SERVER}) and the network. Validations stay "
        "recorded and will be sent when the network is back. Detail: Serveur injoignable.",
    ),
    (
        "server",
        {"client": FakeClient(BadResponse("JSON invalide."))},
        NO_PATCH,
        "Réponse anormale : JSON invalide.",
        "Abnormal answer from the server. Detail: JSON invalide.",
    ),
    (
        "key",
        {"client": FakeClient(KeyRefused("Clé refusée (HTTP 401)."))},
        NO_PATCH,
        "Clé refusée (HTTP 401). Remplacez la clé dans les réglages (code administrateur).",
        "Key refused: replace it in the settings (administrator PIN). "
        "Detail: Clé refusée (HTTP 401).",
    ),
    (
        "key",
        {"venues": (1, 2, 3)},
        NO_PATCH,
        "Clé acceptée, mais elle ne donne pas accès aux lieux 2, 3 : vérifiez les lieux choisis "
        "dans les réglages.",
        "Key accepted, but it gives no access to venues 2, 3: check the venues chosen in the "
        "settings.",
    ),
    ("key", {}, NO_PATCH, "Acceptée (1 lieu(x) visibles).", "Accepted (1 venue(s) visible)."),
    (
        "clock",
        {"client": FakeClient([{"id": 1}], NOW - timedelta(minutes=10))},
        NO_PATCH,
        "L'horloge de cet ordinateur est en avance de 10 min sur celle de pass Culture : les "
        "dates d'évènements seraient mal jugées. Réglez l'heure du système (synchronisation "
        "automatique).",
        "This computer's clock is 10 min ahead of pass Culture's: event dates would be "
        "misjudged. Set the system time (automatic synchronisation).",
    ),
    (
        "clock",
        {"client": FakeClient([{"id": 1}], NOW + timedelta(minutes=7))},
        NO_PATCH,
        "L'horloge de cet ordinateur est en retard de 7 min sur celle de pass Culture : les "
        "dates d'évènements seraient mal jugées. Réglez l'heure du système (synchronisation "
        "automatique).",
        "This computer's clock is 7 min behind pass Culture's: event dates would be "
        "misjudged. Set the system time (automatic synchronisation).",
    ),
    (
        "clock",
        {"client": FakeClient([{"id": 1}], NOW - timedelta(seconds=30))},
        NO_PATCH,
        "Écart de 30 s avec le serveur.",
        "30 s difference with the server.",
    ),
    ("disk", {}, NO_PATCH, "3.0 Go libres dans {dir}.", "3.0 GB free in {dir}."),
    (
        "disk",
        {"min_free_bytes": 10**18},
        NO_PATCH,
        "Seulement 3072 Mo libres : libérez de la place, sinon les validations ne pourront "
        "plus être enregistrées.",
        "Only 3072 MB free: free some space, or validations can no longer be recorded.",
    ),
    (
        "disk",
        {},
        _unreadable_disk,
        "Impossible de lire l'espace libre (no such device).",
        "Cannot read the free space (no such device).",
    ),
    ("database", {}, NO_PATCH, "Intègre ({db}).", "Intact ({db})."),
    (
        "database",
        {},
        _broken_integrity(["page 3 is never used"]),
        "Endommagée (page 3 is never used) : contactez le support.",
        "Damaged (page 3 is never used): contact support.",
    ),
    (
        "database",
        {},
        _broken_integrity(RuntimeError("boom")),
        "Illisible (RuntimeError) : relancez le kiosque ou contactez le support.",
        "Unreadable (RuntimeError): restart the kiosk or contact support.",
    ),
    (
        "database",
        {},
        _broken_integrity(StoreError("Base verrouillée.")),
        "Base verrouillée.",
        "Database unusable. Detail: Base verrouillée.",
    ),
    ("pending", {}, NO_PATCH, "aucune", "none"),
    (
        "pending",
        {},
        _counts(2, 0),
        "2 (elles partiront au retour du réseau)",
        "2 (they will be sent when the network is back)",
    ),
    ("conflicts", {}, NO_PATCH, "aucun", "none"),
    (
        "conflicts",
        {},
        _counts(0, 1),
        "1 : ouvrez la liste des conflits au guichet.",
        "1: open the conflict list at the counter.",
    ),
    ("data", {}, NO_PATCH, "Aucune donnée synchronisée", "No synchronised data"),
    ("devices", {"device_probe": None}, NO_PATCH, "non vérifiés ici.", "not checked here."),
    ("camera", {}, NO_PATCH, "Webcam USB", "Webcam USB"),
    (
        "camera",
        {"camera_id": "cam9"},
        NO_PATCH,
        "La caméra choisie n'est plus branchée (présentes : Webcam USB) : choisissez-en une "
        "dans les réglages.",
        "The chosen camera is no longer plugged in (present: Webcam USB): choose one in the "
        "settings.",
    ),
    (
        "camera",
        {"device_probe": lambda: NO_DEVICES},
        NO_PATCH,
        "Aucune caméra détectée (la douchette et la saisie du code restent possibles).",
        "No camera detected (the barcode scanner and typing the code still work).",
    ),
    (
        "sound",
        {"device_probe": lambda: NO_DEVICES},
        NO_PATCH,
        "Aucune sortie son détectée : les bips sont muets (l'écran reste coloré).",
        "No sound output detected: beeps are silent (the screen still shows the colour).",
    ),
]


@pytest.mark.parametrize(
    ("key", "over", "patch", "french", "english"),
    CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)],
)
def test_each_check_in_french_unchanged_and_in_english(
    db: Database,
    data_dir: Path,
    fixed_disk: None,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    over: dict[str, Any],
    patch: Callable[[pytest.MonkeyPatch], None],
    french: str,
    english: str,
) -> None:
    patch(monkeypatch)
    paths = {"dir": data_dir, "db": db.path}
    found = {}
    for lang in ("fr", "en"):
        check = _run(data_dir, lang, db=db, **over).get(key)
        assert check is not None
        found[lang] = check
    assert found["fr"].message == french.format(**paths)
    assert found["en"].message == english.format(**paths)
    assert found["fr"].label == texts.FR[f"doctor.label.{key}"]
    assert found["en"].label == texts.EN[f"doctor.label.{key}"]
    assert found["fr"].level is found["en"].level


def test_unopenable_database_in_english(tmp_path: Path, fixed_disk: None) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    report = _run(blocker / "data", "en")
    check = report.get("database")
    assert check is not None and check.level is Level.ERROR
    assert check.message.startswith("Database unusable. Detail: ")


def test_whole_english_report(db: Database, data_dir: Path, fixed_disk: None) -> None:
    healthy = _run(data_dir, "en", db=db).text().splitlines()
    assert healthy[0] == "Kiosk diagnostics — " + f"{NOW.astimezone():%d/%m/%Y %H:%M:%S}"
    assert healthy[1:6] == [
        f"Version: {__version__}",
        f"System: {platform.system()} {platform.release()}",
        "Counter: Guichet",
        f"Data folder: {data_dir}",
        "Venues: 1",
    ]
    assert f"[OK] Server: {SERVER} answers." in healthy
    assert healthy[-1] == "All is well."
    sick = _run(data_dir, "en", db=db, venues=(), min_free_bytes=10**18).text().splitlines()
    assert "Venues: none" in sick
    assert sick[-1] == "To fix: see the lines marked !! (warning) and XX (error)."


def test_french_report_frame_unchanged(db: Database, data_dir: Path, fixed_disk: None) -> None:
    lines = _run(data_dir, "fr", db=db, venues=(), min_free_bytes=10**18).text().splitlines()
    assert lines[0] == "Diagnostic du kiosque — " + f"{NOW.astimezone():%d/%m/%Y %H:%M:%S}"
    assert lines[1:6] == [
        f"Version : {__version__}",
        f"Système : {platform.system()} {platform.release()}",
        "Guichet : Guichet",
        f"Dossier de données : {data_dir}",
        "Lieux : aucun",
    ]
    assert f"[OK] Serveur : {SERVER} répond." in lines
    assert lines[-1] == "À corriger : voir les lignes marquées !! (attention) et XX (erreur)."
    assert run_doctor(Config(data_dir=data_dir), db=db, lang="de").lang == "fr"  # unknown: French


def test_every_text_exists_in_both_languages_with_the_same_values() -> None:
    doctor_ids = {k for k in texts.FR if k.startswith("doctor.")}
    assert doctor_ids == {k for k in texts.EN if k.startswith("doctor.")}
    for key in doctor_ids:
        assert _fields(texts.FR[key]) == _fields(texts.EN[key]), key


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_cli_speaks_the_configured_language(config: Config, capsys) -> None:
    config.language = "en"
    save(config)
    code = run(["doctor", "--data-dir", str(config.data_dir), "--no-devices"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.startswith("Kiosk diagnostics — ") and "All is well." in out


@pytest.mark.parametrize("key", ["good", "not-a-key"])
def test_wrong_address_is_not_a_refused_key(config: Config, sandbox, key: str) -> None:
    """pcapi answers an unknown path 404 `{}` before checking the key: the address is wrong."""
    config.api_url = sandbox.url + "/api"
    config.api_key = sandbox.api_key if key == "good" else key
    report = run_doctor(config, device_probe=lambda: DEVICES)
    server = report.get("server")
    assert server is not None and server.level is Level.ERROR, report.text()
    assert "Aucune API pass Culture à cette adresse" in server.message
    assert "Vérifiez l'adresse du serveur" in server.message
    assert report.get("key") is None or "refusée" not in report.get("key").message
