"""Storage failures, each with a French message that says what happened and what to do."""

from __future__ import annotations


class StoreError(Exception):
    """A storage problem the user must be told about (message in French)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DataDirError(StoreError):
    pass


class AlreadyRunning(StoreError):
    pass


class DatabaseCorrupt(StoreError):
    pass


class StorageFull(StoreError):
    """Disk full or read-only: new validations must stop until it is fixed."""
