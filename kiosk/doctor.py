"""`kiosk doctor`: is this counter ready? One readable French report for staff and support.

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
from kiosk.clock import Clock, utcnow
from kiosk.config import Config
from kiosk.display import age_text
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

    def add(self, key: str, label: str, level: Level, message: str) -> None:
        self.checks.append(Check(key, label, level, message))

    @property
    def healthy(self) -> bool:
        return all(c.level in (Level.OK, Level.INFO) for c in self.checks)

    def get(self, key: str) -> Check | None:
        return next((c for c in self.checks if c.key == key), None)

    def text(self) -> str:
        lines = [f"Diagnostic du kiosque — {self.created_at.astimezone():%d/%m/%Y %H:%M:%S}"]
        lines += [f"{k} : {v}" for k, v in self.context.items()]
        lines.append("")
        for c in self.checks:
            lines.append(f"[{MARK[c.level]}] {c.label} : {c.message}")
        lines.append("")
        lines.append(
            "Tout est en ordre."
            if self.healthy
            else "À corriger : voir les lignes marquées !! (attention) et XX (erreur)."
        )
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "created_at": self.created_at.isoformat(),
            "healthy": self.healthy,
            "context": self.context,
            "checks": [{**asdict(c), "level": c.level.value} for c in self.checks],
        }


def _server(report: Report, config: Config, client: ApiClient | None, clock: Clock) -> None:
    if not config.configured or client is None:
        report.add(
            "server",
            "Serveur",
            Level.ERROR,
            "Aucun serveur ou aucune clé configurés : lancez l'assistant d'installation.",
        )
        return
    asked_at = clock()
    try:
        venues = client.offerer_venues()
    except KeyRefused as exc:
        report.add("server", "Serveur", Level.OK, f"{client.base_url} répond.")
        report.add(
            "key",
            "Clé d'API",
            Level.ERROR,
            f"{exc.message} Remplacez la clé dans les réglages (code administrateur).",
        )
    except NetworkError as exc:
        report.add(
            "server",
            "Serveur",
            Level.ERROR,
            f"{exc.message} Vérifiez l'adresse ({client.base_url}) et le réseau. Les "
            "validations restent enregistrées et partiront au retour du réseau.",
        )
    except ApiError as exc:
        report.add("server", "Serveur", Level.WARNING, f"Réponse anormale : {exc.message}")
    else:
        report.add("server", "Serveur", Level.OK, f"{client.base_url} répond.")
        seen = {v["id"] for v in venues}
        missing = [v for v in config.venue_ids if v not in seen]
        if missing:
            report.add(
                "key",
                "Clé d'API",
                Level.WARNING,
                "Clé acceptée, mais elle ne donne pas accès aux lieux "
                f"{', '.join(map(str, missing))} : vérifiez les lieux choisis dans les réglages.",
            )
        else:
            report.add("key", "Clé d'API", Level.OK, f"Acceptée ({len(seen)} lieu(x) visibles).")
    _skew(report, client.last_server_date, asked_at)


def _skew(report: Report, server_date: str | None, local: datetime) -> None:
    if not server_date:
        return
    try:
        server = parsedate_to_datetime(server_date)
    except (TypeError, ValueError):
        return
    skew = (local - server).total_seconds()
    ahead = "en avance" if skew > 0 else "en retard"
    if abs(skew) > MAX_SKEW_SECONDS:
        report.add(
            "clock",
            "Horloge",
            Level.WARNING,
            f"L'horloge de cet ordinateur est {ahead} de {abs(skew) / 60:.0f} min sur celle "
            "de pass Culture : les dates d'évènements seraient mal jugées. Réglez l'heure du "
            "système (synchronisation automatique).",
        )
    else:
        report.add("clock", "Horloge", Level.OK, f"Écart de {abs(skew):.0f} s avec le serveur.")


def _disk(report: Report, data_dir: Path, min_free: int) -> None:
    try:
        free = shutil.disk_usage(data_dir).free
    except OSError as exc:
        report.add("disk", "Disque", Level.ERROR, f"Impossible de lire l'espace libre ({exc}).")
        return
    text = f"{free / 1024**3:.1f} Go libres dans {data_dir}."
    if free < min_free:
        report.add(
            "disk",
            "Disque",
            Level.WARNING,
            f"Seulement {free / 1024**2:.0f} Mo libres : libérez de la place, sinon les "
            "validations ne pourront plus être enregistrées.",
        )
    else:
        report.add("disk", "Disque", Level.OK, text)


def _database(report: Report, db: Database) -> None:
    try:
        rows = db.integrity_check()
        with db.connect() as conn, conn.begin():
            counts = outbox.counts(conn)
            as_of = state.get_time(conn, state.PULLED_AT)
    except StoreError as exc:
        report.add("database", "Base de données", Level.ERROR, exc.message)
        return
    except Exception as exc:  # any SQLite failure is a finding, not a crash
        report.add(
            "database",
            "Base de données",
            Level.ERROR,
            f"Illisible ({type(exc).__name__}) : relancez le kiosque ou contactez le support.",
        )
        return
    if rows == ["ok"]:
        report.add("database", "Base de données", Level.OK, f"Intègre ({db.path}).")
    else:
        report.add(
            "database",
            "Base de données",
            Level.ERROR,
            f"Endommagée ({'; '.join(rows[:3])}) : contactez le support.",
        )
    pending, conflicts = counts["pending"], counts["conflicts"]
    report.add(
        "pending",
        "Validations en attente d'envoi",
        Level.OK if pending == 0 else Level.INFO,
        "aucune" if pending == 0 else f"{pending} (elles partiront au retour du réseau)",
    )
    report.add(
        "conflicts",
        "Conflits à traiter",
        Level.OK if conflicts == 0 else Level.WARNING,
        "aucun" if conflicts == 0 else f"{conflicts} : ouvrez la liste des conflits au guichet.",
    )
    report.add("data", "Données locales", Level.INFO, age_text(as_of))


def _devices(report: Report, config: Config, probe: DeviceProbe | None) -> None:
    found = None
    if probe is not None:
        try:
            found = probe()
        except Exception:
            found = None
    if found is None:
        report.add("devices", "Caméra et son", Level.INFO, "non vérifiés ici.")
        return
    cameras = found.get("cameras", [])
    if cameras:
        chosen = config.camera_id
        if chosen and chosen not in cameras and chosen not in found.get("camera_ids", []):
            report.add(
                "camera",
                "Caméra",
                Level.WARNING,
                f"La caméra choisie n'est plus branchée (présentes : {', '.join(cameras)}) : "
                "choisissez-en une dans les réglages.",
            )
        else:
            report.add("camera", "Caméra", Level.OK, ", ".join(cameras))
    else:
        report.add(
            "camera",
            "Caméra",
            Level.WARNING if config.camera_id else Level.INFO,
            "Aucune caméra détectée (la douchette et la saisie du code restent possibles).",
        )
    outputs = found.get("audio_outputs", [])
    if outputs:
        report.add("sound", "Son", Level.OK, ", ".join(outputs))
    else:
        report.add(
            "sound",
            "Son",
            Level.WARNING if config.sounds else Level.INFO,
            "Aucune sortie son détectée : les bips sont muets (l'écran reste coloré).",
        )


def run_doctor(
    config: Config,
    *,
    db: Database | None = None,
    client: ApiClient | None = None,
    device_probe: DeviceProbe | None = None,
    clock: Clock = utcnow,
    min_free_bytes: int = MIN_FREE_BYTES,
) -> Report:
    """Run every check. Opens (and closes) what it is not given; never raises."""
    report = Report(created_at=clock())
    report.context = {
        "Version": __version__,
        "Système": f"{platform.system()} {platform.release()}",
        "Guichet": config.counter_name,
        "Dossier de données": str(config.data_dir),
        "Lieux": ", ".join(map(str, config.venue_ids)) or "aucun",
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
                report.add("database", "Base de données", Level.ERROR, exc.message)
        if db is not None:
            _database(report, db)
        _devices(report, config, device_probe)
    finally:
        if own_client and client is not None:
            client.close()
        if own_db and db is not None:
            db.dispose()
    return report
