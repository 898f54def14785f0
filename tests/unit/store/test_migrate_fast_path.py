"""Start-up cost of migrations: Alembic is loaded only when the schema is not at head."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kiosk.store.database import DB_NAME, Database
from kiosk.store.migrate import SCHEMA_HEAD, current_revision, head_revision, upgrade

ROOT = Path(__file__).resolve().parents[3]

OPEN_AND_SAY = (
    "import sys; from pathlib import Path; from kiosk.store.database import Database; "
    "Database.open(Path(sys.argv[1])).dispose(); print('alembic' in sys.modules)"
)


def _alembic_loaded(data_dir: Path) -> bool:
    out = subprocess.run(
        [sys.executable, "-c", OPEN_AND_SAY, str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return out.stdout.strip() == "True"


def test_schema_head_names_alembics_head():
    """A new migration must move SCHEMA_HEAD too, or the fast path would skip it."""
    assert head_revision() == SCHEMA_HEAD


def test_up_to_date_database_opens_without_alembic(tmp_path):
    assert _alembic_loaded(tmp_path) is True  # a new data dir is migrated by Alembic
    assert (tmp_path / DB_NAME).exists()
    assert _alembic_loaded(tmp_path) is False  # the morning's start: nothing to migrate


def test_older_schema_is_still_migrated(tmp_path):
    db = Database.open(tmp_path, migrate=False)
    with db.engine.begin() as conn:
        upgrade(conn, "0001")
    with db.connect() as conn:
        assert current_revision(conn) == "0001"
    db.dispose()
    db = Database.open(tmp_path)
    with db.connect() as conn:
        assert current_revision(conn) == SCHEMA_HEAD
    db.dispose()
