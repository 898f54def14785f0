"""Online backups of the kiosk database with SQLite's backup API, rotated, written atomically.

A backup is a consistent snapshot taken while the kiosk runs (readers and writers keep going).
It is written to a temporary name, checked with `PRAGMA quick_check`, fsynced, then renamed:
a power cut never leaves a half-written file under a backup's name. Only the last `keep` are
kept. Files are readable by the kiosk's user alone.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger("kiosk.store.backup")

BACKUP_DIR = "backups"
PREFIX = "kiosk-"
SUFFIX = ".sqlite3"
KEEP = 5
FILE_MODE = 0o600
DIR_MODE = 0o700


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    taken_at: datetime

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def backup_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIR


def _name(taken_at: datetime) -> str:
    return f"{PREFIX}{taken_at.astimezone(UTC):%Y%m%dT%H%M%S%fZ}{SUFFIX}"


def _parse(path: Path) -> datetime | None:
    stem = path.name[len(PREFIX) : -len(SUFFIX)]
    try:
        return datetime.strptime(stem, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def list_backups(data_dir: Path) -> list[BackupFile]:
    """Backups of this data dir, newest first (temporary files are not backups)."""
    out = []
    directory = backup_dir(data_dir)
    if not directory.is_dir():
        return []
    for p in directory.glob(f"{PREFIX}*{SUFFIX}"):
        taken = _parse(p)
        if taken is not None:
            out.append(BackupFile(p, taken))
    return sorted(out, key=lambda b: b.taken_at, reverse=True)


def is_good(path: Path) -> bool:
    """A full `integrity_check` of a database file, read-only (never repairs or writes it)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        conn.execute("SELECT count(*) FROM outbox").fetchone()
        return [r[0] for r in rows] == ["ok"]
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not supported everywhere (Windows)
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def take_backup(
    db_path: Path,
    data_dir: Path | None = None,
    *,
    keep: int = KEEP,
    now: datetime | None = None,
) -> BackupFile:
    """Snapshot `db_path` into `data_dir/backups/`; keep the newest `keep`. Raises OSError or
    sqlite3.Error on failure (the caller logs it: a failed backup must never stop the counter)."""
    db_path = Path(db_path)
    data_dir = Path(data_dir) if data_dir is not None else db_path.parent
    directory = backup_dir(data_dir)
    directory.mkdir(mode=DIR_MODE, exist_ok=True)
    os.chmod(directory, DIR_MODE)
    taken_at = now or datetime.now(UTC)
    final = directory / _name(taken_at)
    tmp = directory / (final.name + ".tmp")
    tmp.unlink(missing_ok=True)
    os.close(os.open(tmp, os.O_CREAT | os.O_WRONLY, FILE_MODE))  # created private
    src = sqlite3.connect(db_path, timeout=10)
    try:
        dst = sqlite3.connect(tmp)
        try:
            # Whole database in one step: a consistent snapshot even with writers around.
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            # quick_check here (a 1M-booking cache: 1 s instead of 19 s); the full
            # integrity_check runs before a backup is ever restored (newest_good).
            ok = [r[0] for r in dst.execute("PRAGMA quick_check").fetchall()] == ["ok"]
        finally:
            dst.close()
    finally:
        src.close()
    if not ok:
        tmp.unlink(missing_ok=True)
        raise sqlite3.DatabaseError("backup failed its integrity check")
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    _fsync_dir(directory)
    rotate(data_dir, keep)
    log.info("backup taken: %s", final.name)
    return BackupFile(final, taken_at)


def rotate(data_dir: Path, keep: int = KEEP) -> None:
    """Keep the newest `keep` backups; drop older ones and stale temporary files."""
    for old in list_backups(data_dir)[keep:]:
        old.path.unlink(missing_ok=True)
    for tmp in backup_dir(data_dir).glob(f"{PREFIX}*{SUFFIX}.tmp"):
        tmp.unlink(missing_ok=True)


def newest_good(data_dir: Path) -> BackupFile | None:
    """The most recent backup that passes a full integrity check."""
    for b in list_backups(data_dir):
        if is_good(b.path):
            return b
        log.warning("backup %s is damaged: skipped", b.path.name)
    return None
