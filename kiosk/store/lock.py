"""One kiosk process per data dir: an OS-level lock on a file, released when the process dies."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from kiosk.domain.texts import Phrase
from kiosk.store.errors import AlreadyRunning, DataDirError

LOCK_NAME = "kiosk.lock"
# Windows locks byte ranges, not files, and refuses reads of a locked byte to other processes:
# the lock is on one byte past the pid (locking beyond the end of a file is allowed), so a second
# process can still read who holds it. The position must be fixed: msvcrt.locking locks at the
# current position, which for a file opened "a+" is its end (a moving target once a pid is
# written, and two processes would each lock a different byte).
WIN_LOCK_OFFSET = 4096


def make_data_dir(data_dir: Path) -> None:
    """The data dir, created if needed; DataDirError (said in French) when it cannot be."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(
            Phrase.of("store.cannot_create_dir", path=data_dir, reason=exc.strerror)
        ) from None


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        try:
            fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while running
        except OSError as exc:
            raise DataDirError(
                Phrase.of("store.dir_not_writable", path=self.path.parent, reason=exc.strerror)
            ) from None
        try:
            if sys.platform == "win32":
                import msvcrt

                fh.seek(WIN_LOCK_OFFSET)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            owner = fh.read().strip() or "?"
            fh.close()
            raise AlreadyRunning(Phrase.of("store.already_running", pid=owner)) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            if sys.platform == "win32":
                import msvcrt

                # Closing frees the lock only "eventually" on Windows: free it now.
                self._fh.seek(WIN_LOCK_OFFSET)
                msvcrt.locking(self._fh.fileno(), msvcrt.LK_UNLCK, 1)
            self._fh.close()
            self._fh = None

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
