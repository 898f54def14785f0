"""`kiosk doctor`: is this counter ready? One readable report for staff and support, in French
(or English: `run_doctor(..., lang="en")`).

Checks: server reachable, key accepted (and the configured venues visible to it), clock skew
against the server's Date header, free disk, database integrity, camera and sound devices
(through a probe passed in, so this module stays Qt-free), pending and conflicting operations.
"""

from __future__ import annotations

import platform
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.domain.clock import Clock, utcnow
from kiosk.domain.display import age_text
from kiosk.domain.messages import LANGUAGES
from kiosk.platform.config import Config
from kiosk.store import outbox, state
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.sync.api import ApiClient
from kiosk.sync.errors import ApiError, KeyRefused, NetworkError

MIN_FREE_BYTES = 500 * 1024 * 1024
MAX_SKEW_SECONDS = 120.0

# {"cameras": [names], "audio_outputs": [names]}; None: could not look.
DeviceProbe = Callable[[], dict[str, list[str]] | None]


class Level(StrEnum):
    OK = "ok"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


MARK = {Level.OK: "OK", Level.INFO: "--", Level.WARNING: "!!", Level.ERROR: "XX"}

# Check key → label, per language.
LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "server": "Serveur",
        "key": "Clé d'API",
        "clock": "Horloge",
        "disk": "Disque",
        "database": "Base de données",
        "pending": "Validations en attente d'envoi",
        "conflicts": "Conflits à traiter",
        "data": "Données locales",
        "devices": "Caméra et son",
        "camera": "Caméra",
        "sound": "Son",
    },
    "en": {
        "server": "Server",
        "key": "API key",
        "clock": "Clock",
        "disk": "Disk",
        "database": "Database",
        "pending": "Validations waiting to be sent",
        "conflicts": "Conflicts to handle",
        "data": "Local data",
        "devices": "Camera and sound",
        "camera": "Camera",
        "sound": "Sound",
    },
}
# Every other sentence of the report, per language. `{error}`: a message of kiosk.sync or
# kiosk.store, which speak French only.
TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Diagnostic du kiosque — {at:%d/%m/%Y %H:%M:%S}",
        "sep": " : ",
        "healthy": "Tout est en ordre.",
        "unhealthy": "À corriger : voir les lignes marquées !! (attention) et XX (erreur).",
        "version": "Version",
        "system": "Système",
        "counter": "Guichet",
        "data_dir": "Dossier de données",
        "venues": "Lieux",
        "no_venue": "aucun",
        "not_configured": "Aucun serveur ou aucune clé configurés : lancez l'assistant "
        "d'installation.",
        "answers": "{url} répond.",
        "key_refused": "{error} Remplacez la clé dans les réglages (code administrateur).",
        "unreachable": "{error} Vérifiez l'adresse ({url}) et le réseau. Les validations restent "
        "enregistrées et partiront au retour du réseau.",
        "odd_answer": "Réponse anormale : {error}",
        "venues_missing": "Clé acceptée, mais elle ne donne pas accès aux lieux {venues} : "
        "vérifiez les lieux choisis dans les réglages.",
        "key_ok": "Acceptée ({n} lieu(x) visibles).",
        "ahead": "en avance",
        "behind": "en retard",
        "skew": "L'horloge de cet ordinateur est {direction} de {minutes:.0f} min sur celle de "
        "pass Culture : les dates d'évènements seraient mal jugées. Réglez l'heure du système "
        "(synchronisation automatique).",
        "clock_ok": "Écart de {seconds:.0f} s avec le serveur.",
        "disk_unreadable": "Impossible de lire l'espace libre ({error}).",
        "disk_low": "Seulement {mb:.0f} Mo libres : libérez de la place, sinon les validations ne "
        "pourront plus être enregistrées.",
        "disk_ok": "{gb:.1f} Go libres dans {path}.",
        "db_refused": "{error}",
        "db_unreadable": "Illisible ({kind}) : relancez le kiosque ou contactez le support.",
        "db_ok": "Intègre ({path}).",
        "db_damaged": "Endommagée ({rows}) : contactez le support.",
        "pending_none": "aucune",
        "pending": "{n} (elles partiront au retour du réseau)",
        "conflicts_none": "aucun",
        "conflicts": "{n} : ouvrez la liste des conflits au guichet.",
        "devices_unknown": "non vérifiés ici.",
        "camera_gone": "La caméra choisie n'est plus branchée (présentes : {cameras}) : "
        "choisissez-en une dans les réglages.",
        "no_camera": "Aucune caméra détectée (la douchette et la saisie du code restent "
        "possibles).",
        "no_sound": "Aucune sortie son détectée : les bips sont muets (l'écran reste coloré).",
    },
    "en": {
        "title": "Kiosk diagnostics — {at:%d/%m/%Y %H:%M:%S}",
        "sep": ": ",
        "healthy": "All is well.",
        "unhealthy": "To fix: see the lines marked !! (warning) and XX (error).",
        "version": "Version",
        "system": "System",
        "counter": "Counter",
        "data_dir": "Data folder",
        "venues": "Venues",
        "no_venue": "none",
        "not_configured": "No server or no key configured: run the setup wizard.",
        "answers": "{url} answers.",
        "key_refused": "Key refused: replace it in the settings (administrator PIN). "
        "Detail: {error}",
        "unreachable": "Server unreachable: check the address ({url}) and the network. "
        "Validations stay recorded and will be sent when the network is back. Detail: {error}",
        "odd_answer": "Abnormal answer from the server. Detail: {error}",
        "venues_missing": "Key accepted, but it gives no access to venues {venues}: check the "
        "venues chosen in the settings.",
        "key_ok": "Accepted ({n} venue(s) visible).",
        "ahead": "ahead of",
        "behind": "behind",
        "skew": "This computer's clock is {minutes:.0f} min {direction} pass Culture's: event "
        "dates would be misjudged. Set the system time (automatic synchronisation).",
        "clock_ok": "{seconds:.0f} s difference with the server.",
        "disk_unreadable": "Cannot read the free space ({error}).",
        "disk_low": "Only {mb:.0f} MB free: free some space, or validations can no longer be "
        "recorded.",
        "disk_ok": "{gb:.1f} GB free in {path}.",
        "db_refused": "Database unusable. Detail: {error}",
        "db_unreadable": "Unreadable ({kind}): restart the kiosk or contact support.",
        "db_ok": "Intact ({path}).",
        "db_damaged": "Damaged ({rows}): contact support.",
        "pending_none": "none",
        "pending": "{n} (they will be sent when the network is back)",
        "conflicts_none": "none",
        "conflicts": "{n}: open the conflict list at the counter.",
        "devices_unknown": "not checked here.",
        "camera_gone": "The chosen camera is no longer plugged in (present: {cameras}): choose "
        "one in the settings.",
        "no_camera": "No camera detected (the barcode scanner and typing the code still work).",
        "no_sound": "No sound output detected: beeps are silent (the screen still shows the "
        "colour).",
    },
}


@dataclass(frozen=True, slots=True)
class Check:
    key: str
    label: str
    level: Level
    message: str


@dataclass
class Report:
    created_at: datetime
    checks: list[Check] = field(default_factory=list)
    context: dict[str, str] = field(default_factory=dict)
    lang: str = "fr"  # of every text: "fr" or "en"

    def add(self, key: str, label: str, level: Level, message: str) -> None:
        self.checks.append(Check(key, label, level, message))

    def say(self, text_key: str, **values: Any) -> str:
        """Sentence `text_key` of `TEXTS`, in the report's language."""
        return TEXTS[self.lang][text_key].format(**values)

    def note(self, key: str, level: Level, message: str) -> None:
        """Adds check `key` under its label in the report's language."""
        self.add(key, LABELS[self.lang][key], level, message)

    @property
    def healthy(self) -> bool:
        return all(c.level in (Level.OK, Level.INFO) for c in self.checks)

    def get(self, key: str) -> Check | None:
        return next((c for c in self.checks if c.key == key), None)

    def text(self) -> str:
        sep = self.say("sep")
        lines = [self.say("title", at=self.created_at.astimezone())]
        lines += [f"{k}{sep}{v}" for k, v in self.context.items()]
        lines.append("")
        for c in self.checks:
            lines.append(f"[{MARK[c.level]}] {c.label}{sep}{c.message}")
        lines.append("")
        lines.append(self.say("healthy" if self.healthy else "unhealthy"))
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "created_at": self.created_at.isoformat(),
            "healthy": self.healthy,
            "context": self.context,
            "checks": [{**asdict(c), "level": c.level.value} for c in self.checks],
        }


def _server(report: Report, config: Config, client: ApiClient | None, clock: Clock) -> None:
    say = report.say
    if not config.configured or client is None:
        report.note("server", Level.ERROR, say("not_configured"))
        return
    asked_at = clock()
    try:
        venues = client.offerer_venues()
    except KeyRefused as exc:
        report.note("server", Level.OK, say("answers", url=client.base_url))
        report.note("key", Level.ERROR, say("key_refused", error=exc.message))
    except NetworkError as exc:
        report.note(
            "server", Level.ERROR, say("unreachable", error=exc.message, url=client.base_url)
        )
    except ApiError as exc:
        report.note("server", Level.WARNING, say("odd_answer", error=exc.message))
    else:
        report.note("server", Level.OK, say("answers", url=client.base_url))
        seen = {v["id"] for v in venues}
        missing = [v for v in config.venue_ids if v not in seen]
        if missing:
            listed = ", ".join(map(str, missing))
            report.note("key", Level.WARNING, say("venues_missing", venues=listed))
        else:
            report.note("key", Level.OK, say("key_ok", n=len(seen)))
    _skew(report, client.last_server_date, asked_at)


def _skew(report: Report, server_date: str | None, local: datetime) -> None:
    if not server_date:
        return
    try:
        server = parsedate_to_datetime(server_date)
    except (TypeError, ValueError):
        return
    skew = (local - server).total_seconds()
    direction = report.say("ahead" if skew > 0 else "behind")
    if abs(skew) > MAX_SKEW_SECONDS:
        message = report.say("skew", direction=direction, minutes=abs(skew) / 60)
        report.note("clock", Level.WARNING, message)
    else:
        report.note("clock", Level.OK, report.say("clock_ok", seconds=abs(skew)))


def _disk(report: Report, data_dir: Path, min_free: int) -> None:
    try:
        free = shutil.disk_usage(data_dir).free
    except OSError as exc:
        report.note("disk", Level.ERROR, report.say("disk_unreadable", error=exc))
        return
    if free < min_free:
        report.note("disk", Level.WARNING, report.say("disk_low", mb=free / 1024**2))
    else:
        report.note("disk", Level.OK, report.say("disk_ok", gb=free / 1024**3, path=data_dir))


def _database(report: Report, db: Database) -> None:
    say = report.say
    try:
        rows = db.integrity_check()
        with db.connect() as conn, conn.begin():
            counts = outbox.counts(conn)
            as_of = state.get_time(conn, state.PULLED_AT)
    except StoreError as exc:
        report.note("database", Level.ERROR, say("db_refused", error=exc.message))
        return
    except Exception as exc:  # any SQLite failure is a finding, not a crash
        report.note("database", Level.ERROR, say("db_unreadable", kind=type(exc).__name__))
        return
    if rows == ["ok"]:
        report.note("database", Level.OK, say("db_ok", path=db.path))
    else:
        report.note("database", Level.ERROR, say("db_damaged", rows="; ".join(rows[:3])))
    pending, conflicts = counts["pending"], counts["conflicts"]
    report.note(
        "pending",
        Level.OK if pending == 0 else Level.INFO,
        say("pending_none") if pending == 0 else say("pending", n=pending),
    )
    report.note(
        "conflicts",
        Level.OK if conflicts == 0 else Level.WARNING,
        say("conflicts_none") if conflicts == 0 else say("conflicts", n=conflicts),
    )
    report.note("data", Level.INFO, age_text(as_of, lang=report.lang))


def _devices(report: Report, config: Config, probe: DeviceProbe | None) -> None:
    found = None
    if probe is not None:
        try:
            found = probe()
        except Exception:
            found = None
    if found is None:
        report.note("devices", Level.INFO, report.say("devices_unknown"))
        return
    cameras = found.get("cameras", [])
    if cameras:
        chosen = config.camera_id
        if chosen and chosen not in cameras and chosen not in found.get("camera_ids", []):
            message = report.say("camera_gone", cameras=", ".join(cameras))
            report.note("camera", Level.WARNING, message)
        else:
            report.note("camera", Level.OK, ", ".join(cameras))
    else:
        level = Level.WARNING if config.camera_id else Level.INFO
        report.note("camera", level, report.say("no_camera"))
    outputs = found.get("audio_outputs", [])
    if outputs:
        report.note("sound", Level.OK, ", ".join(outputs))
    else:
        level = Level.WARNING if config.sounds else Level.INFO
        report.note("sound", level, report.say("no_sound"))


def run_doctor(
    config: Config,
    *,
    db: Database | None = None,
    client: ApiClient | None = None,
    device_probe: DeviceProbe | None = None,
    clock: Clock = utcnow,
    min_free_bytes: int = MIN_FREE_BYTES,
    lang: str = "fr",
) -> Report:
    """Run every check, reported in `lang` ("fr" or "en"). Opens (and closes) what it is not
    given; never raises."""
    report = Report(created_at=clock(), lang=lang if lang in LANGUAGES else "fr")
    say = report.say
    report.context = {
        say("version"): __version__,
        say("system"): f"{platform.system()} {platform.release()}",
        say("counter"): config.counter_name,
        say("data_dir"): str(config.data_dir),
        say("venues"): ", ".join(map(str, config.venue_ids)) or say("no_venue"),
    }
    own_client = own_db = False
    try:
        if client is None and config.configured:
            assert config.api_url and config.api_key
            client, own_client = ApiClient(config.api_url, config.api_key), True
        _server(report, config, client, clock)
        _disk(report, config.data_dir, min_free_bytes)
        if db is None:
            try:
                db, own_db = Database.open(config.data_dir), True
            except StoreError as exc:
                report.note("database", Level.ERROR, say("db_refused", error=exc.message))
        if db is not None:
            _database(report, db)
        _devices(report, config, device_probe)
    finally:
        if own_client and client is not None:
            client.close()
        if own_db and db is not None:
            db.dispose()
    return report
