"""Is a database file readable? SQLite's own check, apart from opening and recovering it
(`database` runs it before migrating, `recovery` on backups)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from kiosk.store.errors import about_the_surroundings


def quick_check(path: Path, *, full: bool = False) -> list[str]:
    """`PRAGMA quick_check` (or `integrity_check`) rows of a database file; ["ok"] if healthy.
    A file SQLite cannot read (corrupt, not a database, I/O error) gives its error as the only
    row; a failure of the surroundings (full, read-only, cannot open, busy) is raised: it says
    nothing about the file, so it must not send a good database to recovery."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = sqlite3.connect(path, timeout=10)
        try:
            return [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if about_the_surroundings(exc):
            raise
        return [str(exc)]


# -- the clean-shutdown mark: whether the start may skip the check ---------------------------
#
# `quick_check` reads the whole file: ~0.3 s for a big venue's cache, at every start. After a
# clean shutdown (every connection closed, the WAL checkpointed) the file is as SQLite left it,
# so the start skips the check and runs it just after the window's first paint instead. After a
# crash or a power cut the mark is absent and the check runs before anything opens the file.
CLEAN_MARK = "clean-shutdown"


def mark_clean(data_dir: Path) -> None:
    """Record that the database was closed cleanly (call after the last connection closed)."""
    path = Path(data_dir) / CLEAN_MARK
    with open(path, "w", encoding="ascii") as fh:
        fh.write("ok\n")
        fh.flush()
        os.fsync(fh.fileno())


def take_clean_mark(data_dir: Path) -> bool:
    """True if the last shutdown was clean; the mark is consumed, so a crash from now on leaves
    none. Only the process that holds the data dir calls this."""
    path = Path(data_dir) / CLEAN_MARK
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError:  # cannot remove it: a crash would then look clean, so check now
        return False
    return True
