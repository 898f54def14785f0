"""Alembic, driven from code: the schema is brought to head at every start.

Alembic (with Mako and its dialect modules) costs about a tenth of a second to import, at
every start of the counter, for nothing on the usual morning: the schema is already at head.
So the stored revision is read with one plain query first, and Alembic is loaded only when
there is something to migrate (a new data dir, an update). `SCHEMA_HEAD` names the newest
revision; a test checks it against Alembic's own head, so a new migration cannot forget it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
SCHEMA_HEAD = "0004"  # the newest file in migrations/versions (tests check it)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def stored_revision(connection: Connection) -> str | None:
    """The revision recorded in the database, without Alembic; None on a new database."""
    try:
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except OperationalError:  # no such table: never migrated
        return None
    return rows[0][0] if len(rows) == 1 else None


def upgrade(connection: Connection, revision: str = "head") -> None:
    if revision == "head" and stored_revision(connection) == SCHEMA_HEAD:
        return
    from alembic import command

    command.upgrade(alembic_config(connection), revision)


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
