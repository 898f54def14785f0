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
from datetime import datetime, tzinfo
from email.utils import parsedate_to_datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.domain.clock import Clock, utcnow
from kiosk.domain.display import age_text
from kiosk.domain.texts import LANGUAGES, say
from kiosk.mesh.node import DEFAULT_LISTEN, MeshSettings, MeshStatus, probe
from kiosk.platform.config import Config
from kiosk.services.today import counter_zone
from kiosk.store import outbox, peers, state
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.sync.api import ApiClient
from kiosk.sync.errors import ApiError, KeyRefused, NetworkError, WrongAddress

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

# Labels and sentences live in the catalogue (kiosk.domain.texts) as "doctor.label.<check>" and
# "doctor.<sentence>". `{error}`: a message of kiosk.sync or kiosk.store.


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
    zone: tzinfo | None = None  # the venue's timezone, for the times people read (None: machine)

    def add(self, key: str, label: str, level: Level, message: str) -> None:
        self.checks.append(Check(key, label, level, message))

    def say(self, text_key: str, **values: Any) -> str:
        """Sentence `doctor.<text_key>` of the catalogue, in the report's language."""
        return say(f"doctor.{text_key}", self.lang, **values)

    def note(self, key: str, level: Level, message: str) -> None:
        """Adds check `key` under its label in the report's language."""
        self.add(key, say(f"doctor.label.{key}", self.lang), level, message)

    @property
    def healthy(self) -> bool:
        return all(c.level in (Level.OK, Level.INFO) for c in self.checks)

    def get(self, key: str) -> Check | None:
        return next((c for c in self.checks if c.key == key), None)

    def text(self) -> str:
        sep = self.say("sep")
        lines = [self.say("title", at=self.created_at.astimezone(self.zone))]
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
        report.note("key", Level.ERROR, say("key_refused", error=exc.text(report.lang)))
    except NetworkError as exc:
        report.note(
            "server",
            Level.ERROR,
            say("unreachable", error=exc.text(report.lang), url=client.base_url),
        )
    except WrongAddress as exc:  # 404 `{}`: no such path there, whatever the key
        report.note(
            "server",
            Level.ERROR,
            say("wrong_address", error=exc.text(report.lang), url=client.base_url),
        )
    except ApiError as exc:
        report.note("server", Level.WARNING, say("odd_answer", error=exc.text(report.lang)))
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


def _database(report: Report, db: Database, venue_ids: tuple[int, ...] = ()) -> None:
    say = report.say
    try:
        rows = db.integrity_check()
        with db.connect() as conn, conn.begin():
            counts = outbox.counts(conn)
            as_of = state.get_time(conn, state.PULLED_AT)
            report.zone = counter_zone(conn, venue_ids)  # the time the counter shows
    except StoreError as exc:
        report.note("database", Level.ERROR, say("db_refused", error=exc.text(report.lang)))
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
    report.note("data", Level.INFO, age_text(as_of, lang=report.lang, zone=report.zone))


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


def _mesh(report: Report, config: Config, db: Database, status: MeshStatus | None) -> None:
    """The other counters of the venue: who is connected now, the last exchange. From the
    running node when there is one in this process; else by joining the mesh for a moment."""
    say = report.say
    if not config.mesh:
        report.note("mesh", Level.INFO, say("mesh_off"))
        return
    try:
        with db.connect() as conn, conn.begin():
            heard = peers.summaries(conn, peers.get_origin(conn))
        if status is not None and status.error:
            raise RuntimeError(status.error)
        if status is not None:
            live = status.peers
        else:
            assert config.api_key
            listen = config.mesh_listen or DEFAULT_LISTEN
            settings = MeshSettings(listen, config.mesh_connect, config.mesh_multicast)
            live = probe(db, api_key=config.api_key, settings=settings)
    except Exception as exc:  # a finding, never a crash
        report.note("mesh", Level.WARNING, say("mesh_error", error=str(exc) or type(exc).__name__))
        return
    last = status.last_exchange if status is not None else None
    received = [s.last_received for s in heard if s.last_received is not None]
    if received:
        last = max([*received, *([last] if last else [])])
    ago = age_text(last, lang=report.lang) if last else say("mesh_never")
    names = ", ".join(p.counter for p in live)
    message = say("mesh_peers", peers=names, last=ago) if live else say("mesh_alone", last=ago)
    if status is not None and (status.rejected or status.replayed):
        message += say("mesh_dropped", rejected=status.rejected, replayed=status.replayed)
    report.note("mesh", Level.OK, message)


def run_doctor(
    config: Config,
    *,
    db: Database | None = None,
    client: ApiClient | None = None,
    device_probe: DeviceProbe | None = None,
    clock: Clock = utcnow,
    min_free_bytes: int = MIN_FREE_BYTES,
    lang: str = "fr",
    mesh: MeshStatus | None = None,
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
                report.note("database", Level.ERROR, say("db_refused", error=exc.text(report.lang)))
        if db is not None:
            _database(report, db, tuple(config.venue_ids))
            _mesh(report, config, db, mesh)
        _devices(report, config, device_probe)
    finally:
        if own_client and client is not None:
            client.close()
        if own_db and db is not None:
            db.dispose()
    return report
