"""Storage failures, each with a French message that says what happened and what to do."""

from __future__ import annotations

from kiosk.domain.errors import KioskError


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
