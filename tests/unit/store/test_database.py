"""The SQLite file: pragmas, migrations from empty, privacy by schema, faults."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from sqlalchemy import inspect, text

from kiosk.store.database import DB_NAME, Database
from kiosk.store.errors import AlreadyRunning, DatabaseCorrupt, DataDirError
from kiosk.store.lock import DataDirLock
from kiosk.store.migrate import current_revision, head_revision
from kiosk.store.models import Base
from tests.portable import ROOT_USER, WINDOWS


def test_pragmas(db):
    with db.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_migrations_from_empty_reach_head_and_match_models(data_dir):
    db = Database.open(data_dir)
    with db.connect() as conn:
        assert current_revision(conn) == head_revision()
        tables = set(inspect(conn).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert db.integrity_check() == ["ok"]
    db.dispose()
    # opening again is a no-op upgrade
    Database.open(data_dir).dispose()


def test_schema_keeps_no_contact_or_birth_data(db):
    """Privacy by schema: only first and last name of the youth are kept."""
    forbidden = ("email", "phone", "birth", "postal")
    with db.connect() as conn:
        insp = inspect(conn)
        for table in insp.get_table_names():
            if table in ("venue", "offer"):  # places, not people: a venue has a postal code
                continue
            for col in insp.get_columns(table):
                assert not any(f in col["name"].lower() for f in forbidden), (table, col["name"])


def test_missing_parent_dir_is_created(tmp_path):
    db = Database.open(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b" / DB_NAME).exists()
    db.dispose()


def test_data_dir_that_is_a_file(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(DataDirError) as err:
        Database.open(f)
    assert "dossier" in err.value.message


def test_not_a_database_is_refused_untouched(data_dir):
    path = data_dir / DB_NAME
    path.write_bytes(b"this is not sqlite at all" * 10)
    with pytest.raises(DatabaseCorrupt) as err:
        Database.open(data_dir)
    assert "endommagé" in err.value.message
    assert path.read_bytes() == b"this is not sqlite at all" * 10


def test_truncated_database_is_refused(data_dir):
    db = Database.open(data_dir)
    db.dispose()
    path = data_dir / DB_NAME
    data = path.read_bytes()
    path.write_bytes(data[:10])
    with pytest.raises(DatabaseCorrupt):
        Database.open(data_dir)


@pytest.mark.skipif(
    WINDOWS, reason="Windows ignores a folder's read-only attribute (read-only file: sqlite_codes)"
)
@pytest.mark.skipif(ROOT_USER, reason="root ignores file permissions")
def test_read_only_data_dir(tmp_path):  # pragma: no cover - CI runs as root
    d = tmp_path / "ro"
    d.mkdir()
    d.chmod(stat.S_IRUSR | stat.S_IXUSR)
    with pytest.raises(Exception):  # noqa: B017
        Database.open(d)


def test_second_process_lock(data_dir):
    first = DataDirLock(data_dir)
    first.acquire()
    try:
        with pytest.raises(AlreadyRunning) as err:
            DataDirLock(data_dir).acquire()
        assert str(os.getpid()) in err.value.message
    finally:
        first.release()
    DataDirLock(data_dir).acquire()


def test_raw_sqlite_can_read_it(db):
    """The file is plain SQLite: support can open it with any tool."""
    con = sqlite3.connect(db.path)
    assert con.execute("select count(*) from booking").fetchone() == (0,)
    con.close()
