"""Is a database file readable? SQLite's own check, apart from opening and recovering it
(`database` runs it before migrating, `recovery` on backups)."""

from __future__ import annotations

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
