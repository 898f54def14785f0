"""The kiosk's SQLite file: engine set-up (WAL, synchronous=FULL), migrations, integrity.

Every connection gets the same pragmas. Writers are short transactions; readers never block
writers thanks to WAL, so the UI can read while the sync worker writes.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError

# storage_error: the services also import it from here.
from kiosk.domain.texts import Phrase
from kiosk.store import acl
from kiosk.store.errors import DatabaseCorrupt, DataDirError, storage_error
from kiosk.store.health import quick_check
from kiosk.store.lock import make_data_dir
from kiosk.store.migrate import upgrade

DB_NAME = "kiosk.sqlite3"


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy (not pysqlite) emit BEGIN, so writers can ask for BEGIN IMMEDIATE.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA secure_delete=ON")  # erased names leave no bytes behind in free space
    cur.close()


def _begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def secure_files(data_dir: Path) -> None:
    """The data dir and the database files are the kiosk user's alone (0700 / 0600): they hold
    young people's names. SQLite creates -wal and -shm with the database file's mode, so the
    file is created private before SQLite first opens it. On Windows, where modes mean nothing,
    the data dir gets a private access-control list that everything in it inherits."""
    if sys.platform == "win32":
        with contextlib.suppress(OSError):
            acl.make_private(data_dir)
    with contextlib.suppress(OSError):
        os.chmod(data_dir, PRIVATE_DIR)
    path = data_dir / DB_NAME
    if not path.exists():
        with contextlib.suppress(OSError):
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.chmod(f"{path}{suffix}", PRIVATE_FILE)
    for sub in ("backups", "logs"):
        d = data_dir / sub
        if d.is_dir():
            with contextlib.suppress(OSError):
                os.chmod(d, PRIVATE_DIR)
                for f in d.iterdir():
                    if f.is_file():
                        os.chmod(f, PRIVATE_FILE)


class Database:
    """One SQLite file. `connect()` gives a Core connection; `session()` an ORM session."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.engine: Engine = create_engine(f"sqlite:///{self.path}", future=True)
        event.listen(self.engine, "connect", _set_pragmas)
        event.listen(self.engine, "begin", _begin)

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        migrate: bool = True,
        check: Literal["quick", "full"] | None = "quick",
    ) -> Database:
        """Open (creating if needed) the database in `data_dir`, checked and migrated.

        `check`: `PRAGMA quick_check` by default (O(N) but no index cross-check: ~0.1 s on a
        100k-booking cache, see docs/robustness.md); raises DatabaseCorrupt when it fails."""
        data_dir = Path(data_dir)
        make_data_dir(data_dir)
        if not data_dir.is_dir():
            raise DataDirError(Phrase.of("store.not_a_dir", path=data_dir))
        path = data_dir / DB_NAME
        secure_files(data_dir)
        db = cls(path)
        if path.exists():
            db.check_header()
            if check is not None:
                db.require_healthy(full=check == "full")
        if migrate:
            db.upgrade()
        return db

    def check_header(self) -> None:
        """Refuse a file that is not SQLite or is truncated, before anything writes to it."""
        try:
            with open(self.path, "rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise DataDirError(
                Phrase.of("store.cannot_read", path=self.path, reason=exc.strerror)
            ) from None
        if head and head != b"SQLite format 3\x00":
            raise DatabaseCorrupt(Phrase.of("store.bad_header", path=self.path))

    def upgrade(self) -> None:
        try:
            with self.engine.begin() as conn:
                upgrade(conn)
        except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:
            raise storage_error(exc) from None

    def connect(self) -> Connection:
        return self.engine.connect()

    def connect_writer(self) -> Connection:
        """A connection whose transactions take the write lock at BEGIN (no upgrade deadlock)."""
        return self.engine.connect().execution_options(sqlite_begin="IMMEDIATE")

    def require_healthy(self, *, full: bool = False) -> None:
        try:
            rows = quick_check(self.path, full=full)
        except sqlite3.Error as exc:  # full, read-only, cannot open, busy: not the file's fault
            self.dispose()
            raise storage_error(exc) from None
        if rows != ["ok"]:
            self.dispose()
            raise DatabaseCorrupt(Phrase.of("store.damaged", detail=rows[0][:120]))

    def integrity_check(self) -> list[str]:
        """`PRAGMA integrity_check` rows; ["ok"] when healthy."""
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]

    def dispose(self) -> None:
        self.engine.dispose()
