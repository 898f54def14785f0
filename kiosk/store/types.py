"""Column types: timezone-aware datetimes stored as sortable UTC ISO-8601 text."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetime ⇄ `YYYY-MM-DDTHH:MM:SS.ffffff+00:00` (UTC, so text order is time order).

    SQLite has no datetime type and SQLAlchemy's DateTime drops the offset there; naive values
    are refused rather than guessed.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: store timezone-aware values only")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)


def to_db(value: datetime | None) -> str | None:
    """The stored text of an aware datetime, for raw SQL paths and comparisons."""
    return UtcDateTime().process_bind_param(value, None)  # type: ignore[arg-type]
