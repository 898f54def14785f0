"""Storage failures, each with a French message that says what happened and what to do, and
their classification by SQLite result code (never by the wording of SQLite's message)."""

from __future__ import annotations

from kiosk.domain.errors import KioskError
from kiosk.domain.texts import Phrase


class StoreError(KioskError):
    """A storage problem the user must be told about (message in French)."""


class DataDirError(StoreError):
    pass


class AlreadyRunning(StoreError):
    pass


class DatabaseCorrupt(StoreError):
    pass


class StorageFull(StoreError):
    """Disk full, read-only or busy: new validations must stop until it is fixed."""


# SQLite primary result codes (https://sqlite.org/rescode.html); Python's sqlite3 errors carry
# the extended code, whose low byte is the primary one (SQLITE_IOERR_WRITE = 778 → 10).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

# Primary code → what staff are told (catalogue id) and the error kind. Anything else:
# "store.other" with SQLite's own words, as a StorageFull (validations must stop).
_BY_CODE: dict[int, tuple[str, type[StorageFull] | type[DatabaseCorrupt]]] = {
    SQLITE_FULL: ("store.disk_full", StorageFull),
    SQLITE_READONLY: ("store.read_only", StorageFull),
    SQLITE_CANTOPEN: ("store.read_only", StorageFull),
    SQLITE_CORRUPT: ("store.corrupt", DatabaseCorrupt),
    SQLITE_NOTADB: ("store.corrupt", DatabaseCorrupt),
    SQLITE_BUSY: ("store.busy", StorageFull),
    SQLITE_LOCKED: ("store.busy", StorageFull),
}


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of `exc` (a sqlite3 error, or SQLAlchemy's wrapper of
    one: the DBAPI error is `exc.orig`); None when it carries none."""
    code = getattr(getattr(exc, "orig", exc), "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def about_the_surroundings(exc: BaseException) -> bool:
    """The failure is the disk's, the folder's or another connection's (full, read-only, cannot
    open, busy), so it says nothing about whether the file is damaged."""
    return sqlite_code(exc) in (
        SQLITE_FULL,
        SQLITE_READONLY,
        SQLITE_CANTOPEN,
        SQLITE_BUSY,
        SQLITE_LOCKED,
    )


def storage_error(exc: BaseException) -> StorageFull | DatabaseCorrupt:
    """The error to raise for a low-level SQLite failure, classified by its result code."""
    code = sqlite_code(exc)
    msg_id, kind = _BY_CODE.get(code or 0, ("store.other", StorageFull))
    detail = str(getattr(exc, "orig", exc)).lower()
    return kind(Phrase.of(msg_id, detail=detail) if msg_id == "store.other" else Phrase.of(msg_id))
