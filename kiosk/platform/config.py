"""Where the kiosk keeps its data and which server, key and venues it serves.

Sources, later ones winning: the config file `kiosk.toml` in the data dir, then environment
variables (`KIOSK_API_URL`, `KIOSK_API_KEY`, `KIOSK_VENUE_IDS`, `KIOSK_COUNTER_NAME`).
The data dir is `--data-dir`, else `KIOSK_DATA_DIR`, else the platform's user data dir.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from kiosk.domain.errors import KioskError
from kiosk.domain.texts import Phrase

APP_NAME = "kiosk-passculture"
CONFIG_NAME = "kiosk.toml"

PRODUCTION_URL = "https://backend.passculture.app"
INTEGRATION_URL = "https://backend.integration.passculture.pro"


class ConfigError(KioskError):
    """An unreadable or invalid configuration (`message` French, `text(lang)` either)."""


DEFAULT_COUNTER_NAME = "Guichet"  # shown translated while staff have not named the counter


def resolve_data_dir(arg: str | os.PathLike[str] | None = None) -> Path:
    if arg:
        return Path(arg).expanduser()
    env = os.environ.get("KIOSK_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only here: off the way to the window when the data dir is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir(data_dir: Path) -> Path:
    if os.environ.get("KIOSK_DATA_DIR") or data_dir != resolve_data_dir():
        return data_dir / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


@dataclass
class Config:
    data_dir: Path
    api_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    venue_ids: tuple[int, ...] = ()
    counter_name: str = DEFAULT_COUNTER_NAME
    kiosk_id: str = ""
    two_step: bool = True
    sounds: bool = True
    language: str = "fr"
    youth_idle_seconds: int = 90
    retention_days: int = 30
    camera_id: str | None = None
    rate_limit: bool = True
    # The key's request budget (kiosk/sync/limiter.py): the share of it background work may
    # take while the counter is in use, and the quiet seconds after which the counter's unused
    # reserve is lent to it. `request_limit` per `request_window` seconds is pass Culture's
    # limit (200 a minute); a sandbox with a shortened window is the only reason to change it.
    background_share: float = 0.6
    counter_quiet_seconds: float = 20.0
    request_limit: int = 200
    request_window: float = 60.0
    demo: bool = False
    lockdown: bool = False  # kiosk mode: full screen, leaving it needs the admin PIN
    # The counters of a venue know each other (kiosk.mesh): off unless the venue turns it on
    # (it listens on the LAN and sends multicast: the venue's IT decides, docs/operations.md).
    mesh: bool = False
    mesh_listen: tuple[str, ...] = ()  # Zenoh endpoints, e.g. "tcp/0.0.0.0:7447"
    mesh_connect: tuple[str, ...] = ()  # peers to dial where multicast is blocked
    mesh_multicast: bool = True
    # Keyboard-wedge scanner (docs/operations.md, "Scanner"): the longest gap between two keys
    # of a scan, how long a complete payload sent without Enter waits for one, a prefix the
    # scanner is programmed to send, and how long the same code rescanned just re-shows.
    scanner_gap_ms: int = 40
    scanner_idle_ms: int = 120
    scanner_prefix: str = ""
    same_scan_seconds: int = 10
    # The kiosk id was made by this load (none in the file): the data dir's owner saves it, or
    # a kiosk.toml written by hand would give the counter a new identity at every start.
    kiosk_id_new: bool = field(default=False, repr=False, compare=False)

    @property
    def configured(self) -> bool:
        return bool(self.api_url and self.api_key)

    @property
    def path(self) -> Path:
        return self.data_dir / CONFIG_NAME


_SAVED = (
    "api_url",
    "venue_ids",
    "counter_name",
    "kiosk_id",
    "two_step",
    "sounds",
    "language",
    "youth_idle_seconds",
    "retention_days",
    "camera_id",
    "rate_limit",
    "background_share",
    "counter_quiet_seconds",
    "demo",
    "lockdown",
    "mesh",
    "mesh_listen",
    "mesh_connect",
    "mesh_multicast",
    "scanner_gap_ms",
    "scanner_idle_ms",
    "scanner_prefix",
    "same_scan_seconds",
)


_LISTS = ("venue_ids", "mesh_listen", "mesh_connect")

# Numeric settings checked on load: (lowest, highest, integer only). A typo must not make
# every key a "scan", nor the background take the counter's whole budget.
_BOUNDS: dict[str, tuple[float, float, bool]] = {
    "background_share": (0.1, 0.95, False),
    "counter_quiet_seconds": (0.0, 3600.0, False),
    "request_limit": (1, 100_000, True),
    "request_window": (0.1, 3600.0, False),
    "scanner_gap_ms": (5, 200, True),
    "scanner_idle_ms": (20, 2000, True),
    "same_scan_seconds": (0, 3600, True),
}


def _check_bounds(cfg: Config, path: Path) -> None:
    for key, (low, high, integer) in _BOUNDS.items():
        value = getattr(cfg, key)
        kinds = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds) or not low <= value <= high:
            raise ConfigError(
                Phrase.of("config.bad_number", key=key, path=path, low=low, high=high, value=value)
            )


def load(data_dir: Path, *, env: dict[str, str] | None = None) -> Config:
    env = dict(os.environ if env is None else env)
    cfg = Config(data_dir=data_dir)
    path = data_dir / CONFIG_NAME
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            raise ConfigError(Phrase.of("config.unreadable", path=path, error=exc)) from None
        known = {f.name for f in fields(Config)}
        for key, value in raw.items():
            if key in known and key != "data_dir":
                setattr(cfg, key, tuple(value) if key in _LISTS else value)
        _check_bounds(cfg, path)
        if not isinstance(cfg.scanner_prefix, str):
            cfg.scanner_prefix = str(cfg.scanner_prefix)
    if env.get("KIOSK_API_URL"):
        cfg.api_url = env["KIOSK_API_URL"]
    if env.get("KIOSK_VENUE_IDS"):
        try:
            cfg.venue_ids = tuple(int(v) for v in env["KIOSK_VENUE_IDS"].split(",") if v.strip())
        except ValueError:
            raise ConfigError(Phrase.of("config.bad_venue_ids")) from None
    if env.get("KIOSK_COUNTER_NAME"):
        cfg.counter_name = env["KIOSK_COUNTER_NAME"]
    from kiosk.platform.secrets import load_api_key

    cfg.api_key = env.get("KIOSK_API_KEY") or load_api_key(data_dir)
    if not cfg.kiosk_id:
        import uuid

        cfg.kiosk_id = str(uuid.uuid4())
        cfg.kiosk_id_new = True
    return cfg


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    s = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{s}"'


def save(cfg: Config) -> None:
    """Write the file atomically (never a half-written config after a power cut)."""
    cfg.data_dir.mkdir(parents=True, exist_ok=True)
    lines = ["# kiosk configuration (the API key is kept apart, see kiosk.platform.secrets)"]
    for key in _SAVED:
        value = getattr(cfg, key)
        if value is not None:
            lines.append(f"{key} = {_toml_value(value)}")
    tmp = cfg.path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, cfg.path)
