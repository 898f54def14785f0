"""Storage failures are classified by SQLite's result code, never by the wording of its message:
each case below makes the real sqlite3 error."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from kiosk.store.database import Database
from kiosk.store.errors import (
    SQLITE_BUSY,
    SQLITE_CANTOPEN,
    SQLITE_CORRUPT,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_NOTADB,
    SQLITE_READONLY,
    DatabaseCorrupt,
    StorageFull,
    sqlite_code,
    storage_error,
)
from kiosk.store.health import quick_check

FULL = (
    "Le disque est plein : la validation n'a pas été enregistrée. Libérez de la place puis "
    "réessayez."
)
READ_ONLY = (
    "Le dossier de données est en lecture seule : la validation n'a pas été enregistrée. "
    "Vérifiez les droits du dossier ou le disque."
)
CORRUPT = (
    "La base de données du kiosque est endommagée. Relancez le kiosque : il restaurera la "
    "dernière sauvegarde."
)
BUSY = "La base de données est occupée. Réessayez dans un instant."


def _raised(action: Callable[[], object]) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as err:
        action()
    return err.value


def _small_table(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE t (x TEXT)")
    return conn


def _fill_until_full(path: Path) -> sqlite3.Error:
    conn = _small_table(path)
    conn.execute("PRAGMA max_page_count = 3")  # a real "database or disk is full"

    def fill() -> None:
        for _ in range(1000):
            conn.execute("INSERT INTO t VALUES (?)", ("x" * 2000,))

    try:
        return _raised(fill)
    finally:
        conn.close()


def test_full_database(tmp_path: Path) -> None:
    exc = _fill_until_full(tmp_path / "full.sqlite3")
    assert sqlite_code(exc) == SQLITE_FULL
    error = storage_error(exc)
    assert type(error) is StorageFull and error.message == FULL
    assert error.text("en").startswith("The disk is full")


def test_full_database_through_sqlalchemy(tmp_path: Path) -> None:
    """SQLAlchemy wraps the DBAPI error: the code is read from `exc.orig`."""
    engine = create_engine(f"sqlite:///{tmp_path / 'full.sqlite3'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
    with pytest.raises(OperationalError) as err, engine.begin() as conn:
        conn.execute(text("PRAGMA max_page_count = 3"))
        for _ in range(1000):
            conn.execute(text("INSERT INTO t VALUES (:x)"), {"x": "x" * 2000})
    engine.dispose()
    assert sqlite_code(err.value) == SQLITE_FULL
    assert storage_error(err.value).message == FULL


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    path.write_bytes(b"this is not a database at all " * 100)
    conn = sqlite3.connect(path)
    exc = _raised(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    conn.close()
    assert sqlite_code(exc) == SQLITE_NOTADB
    error = storage_error(exc)
    assert type(error) is DatabaseCorrupt and error.message == CORRUPT
    assert quick_check(path) == [str(exc)]  # damaged: a finding, not a raise


def test_damaged_pages(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    conn = _small_table(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    conn.close()
    with open(path, "r+b") as fh:  # page 2 (the table's root) becomes noise
        fh.seek(4096)
        fh.write(b"\xff" * 4096)
    conn = sqlite3.connect(path)
    exc = _raised(lambda: conn.execute("SELECT count(*) FROM t").fetchall())
    conn.close()
    assert sqlite_code(exc) == SQLITE_CORRUPT
    assert type(storage_error(exc)) is DatabaseCorrupt


def test_read_only(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    _small_table(path).close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    exc = _raised(lambda: conn.execute("INSERT INTO t VALUES ('x')"))
    conn.close()
    assert sqlite_code(exc) == SQLITE_READONLY
    error = storage_error(exc)
    assert type(error) is StorageFull and error.message == READ_ONLY


def test_cannot_open(tmp_path: Path) -> None:
    exc = _raised(lambda: sqlite3.connect(tmp_path / "missing" / "kiosk.sqlite3"))
    assert sqlite_code(exc) == SQLITE_CANTOPEN
    assert storage_error(exc).message == READ_ONLY


def test_busy(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    holder = _small_table(path)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    exc = _raised(lambda: other.execute("BEGIN IMMEDIATE"))
    other.close()
    holder.close()
    assert sqlite_code(exc) == SQLITE_BUSY
    error = storage_error(exc)
    assert type(error) is StorageFull and error.message == BUSY


def test_extended_codes_count_as_their_primary_code() -> None:
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorcode = 778  # SQLITE_IOERR_WRITE
    assert sqlite_code(exc) == SQLITE_IOERR
    error = storage_error(exc)
    assert type(error) is StorageFull
    assert error.message == "Erreur de la base de données locale (disk i/o error)."


def test_the_wording_alone_classifies_nothing() -> None:
    """A message that reads like a full disk but carries no code is not called one."""
    exc = sqlite3.OperationalError("database or disk is full")
    assert sqlite_code(exc) is None
    error = storage_error(exc)
    assert type(error) is StorageFull
    assert error.message == "Erreur de la base de données locale (database or disk is full)."
    assert error.text("en") == "Local database error (database or disk is full)."


def test_a_file_sqlite_cannot_open_is_not_sent_to_recovery(tmp_path: Path) -> None:
    """Cannot open (here: a folder in the file's place) says nothing about the data: the
    health check raises a storage error instead of calling the database damaged."""
    blocked = tmp_path / "kiosk.sqlite3"
    blocked.mkdir()
    with pytest.raises(sqlite3.OperationalError):
        quick_check(blocked)
    db = Database(blocked)
    with pytest.raises(StorageFull) as err:
        db.require_healthy()
    assert err.value.message == READ_ONLY
