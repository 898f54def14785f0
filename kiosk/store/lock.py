"""One kiosk process per data dir: an OS-level lock on a file, released when the process dies."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from kiosk.store.errors import AlreadyRunning, DataDirError

LOCK_NAME = "kiosk.lock"


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        try:
            fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while running
        except OSError as exc:
            raise DataDirError(
                f"Le dossier de données {self.path.parent} n'est pas accessible en écriture "
                f"({exc.strerror} : disque en lecture seule ou droits insuffisants). Vérifiez le "
                "disque et les droits du dossier, ou choisissez-en un autre avec --data-dir."
            ) from None
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            owner = fh.read().strip() or "?"
            fh.close()
            raise AlreadyRunning(
                f"Le kiosque est déjà ouvert sur ce dossier de données (processus {owner}). "
                "Utilisez la fenêtre ouverte, ou fermez-la avant d'en lancer une autre."
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
