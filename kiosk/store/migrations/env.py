"""Alembic environment: always called with a live connection (see kiosk.store.migrate)."""

from __future__ import annotations

from alembic import context

from kiosk.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the kiosk never runs Alembic offline
    raise RuntimeError("kiosk migrations run through kiosk.store.migrate with a connection")

# Batch mode: SQLite can't ALTER most things, Alembic rebuilds tables instead.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
