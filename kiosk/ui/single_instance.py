"""One kiosk window per data dir: a second launch brings the first to the front and exits.

Two layers. The data-dir file lock (`kiosk.store.lock`) is taken first: it is the truth (one
process per data dir, also a `kiosk sync` in a terminal) and costs nothing, so the window maps
at once. Once the window is up, a local socket (named from a hash of the data dir) lets a second
launch, refused by the lock, ask the first to show itself; a holder that does not answer (a hung
window, a `kiosk sync`) is explained.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.store.errors import AlreadyRunning
from kiosk.store.lock import DataDirLock, make_data_dir

RAISE = b"raise\n"
ACK = b"ok\n"

RAISED_MESSAGE = (
    "Le kiosque est déjà ouvert sur cet ordinateur : sa fenêtre a été mise au premier plan."
)
NO_ANSWER = (
    " Il ne répond pas : s'il s'agit d'une synchronisation en ligne de commande, attendez sa "
    "fin ; sinon fermez ce kiosque (ou redémarrez l'ordinateur), puis relancez."
)


def server_name(data_dir: Path) -> str:
    import hashlib

    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()
    return f"kiosk-passculture-{digest[:16]}"


def ask_first_instance(data_dir: Path, timeout_ms: int = 1500, patience_s: float = 0.0) -> bool:
    """True when a kiosk already serves `data_dir` and promised to show its window. With
    `patience_s`, a kiosk still starting (its lock taken, its window not yet built) is asked
    again until it listens."""
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + patience_s
    sock = QLocalSocket()
    while True:
        sock.connectToServer(server_name(data_dir))
        if sock.waitForConnected(timeout_ms):
            break
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    try:
        sock.write(RAISE)
        sock.flush()
        if not sock.waitForBytesWritten(timeout_ms) and sock.bytesToWrite():
            return False
        while sock.bytesAvailable() < len(ACK):
            if not sock.waitForReadyRead(timeout_ms):
                return False
        return bytes(sock.readAll().data()).startswith(ACK)
    finally:
        sock.disconnectFromServer()


class SingleInstance(QObject):
    """The first instance: its data-dir lock (until `hand_over_lock`) and its listener.
    Connect `raise_requested`, or call `attach(window)`, which listens."""

    raise_requested = Signal()

    def __init__(
        self, data_dir: Path, parent: QObject | None = None, *, lock: DataDirLock | None = None
    ) -> None:
        super().__init__(parent)
        self.lock = lock
        self.data_dir = Path(data_dir)
        self.server: Any = None  # QLocalServer, made by listen(): QtNetwork after the window

    def listen(self) -> bool:
        from PySide6.QtNetwork import QLocalServer

        if self.server is None:
            self.name = server_name(self.data_dir)
            self.server = QLocalServer(self)
            self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            self.server.newConnection.connect(self._on_connection)
        if self.server.isListening():
            return True
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)  # a socket left behind by a crash
        return self.server.listen(self.name)

    def hand_over_lock(self) -> DataDirLock | None:
        """The data-dir lock, for the services that own it from now on."""
        lock, self.lock = self.lock, None
        return lock

    def attach(self, window: QWidget) -> None:
        """Listens, and brings `window` to the front when a second launch asks."""
        from kiosk.ui.admin.lockdown import bring_to_front  # the services: not before the window

        self.listen()

        def show() -> None:
            if window.isMinimized():
                window.showNormal()
            window.show()
            bring_to_front(window)

        self.raise_requested.connect(show)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            # Wait for the message here rather than juggling per-socket slots: the client
            # writes it right after connecting and we answer within the same call.
            if sock.bytesAvailable() or sock.waitForReadyRead(1000):
                data = bytes(sock.readAll().data())
                if RAISE.strip() in data:
                    sock.write(ACK)
                    sock.flush()
                    sock.waitForBytesWritten(1000)
                    self.raise_requested.emit()
            sock.disconnectFromServer()
            sock.deleteLater()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
        if self.lock is not None:  # never handed over (the start failed before the services)
            self.lock.release()
            self.lock = None


class HeldElsewhere(AlreadyRunning):
    """The data dir is held by a process that did not answer (no window to raise)."""


def claim_single_instance(
    data_dir: Path, parent: QObject | None = None, *, patience_s: float = 3.0
) -> SingleInstance:
    """Call first (before anything heavy): takes the data dir's lock. When another process
    holds it, a kiosk window is asked to come to the front — AlreadyRunning(RAISED_MESSAGE) —,
    waiting up to `patience_s` for one still starting; else HeldElsewhere says who may hold it
    and what to do. DataDirError when the folder cannot be made. Nothing of the network is
    imported while the lock is free: the window's listener starts with `attach`."""
    make_data_dir(Path(data_dir))
    lock = DataDirLock(Path(data_dir))
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        if ask_first_instance(data_dir, patience_s=patience_s):
            raise AlreadyRunning(RAISED_MESSAGE) from None
        raise HeldElsewhere(explain_lock_refusal(exc)) from None
    return SingleInstance(data_dir, parent, lock=lock)


def explain_lock_refusal(exc: AlreadyRunning) -> str:
    """The data-dir lock refused us although no window answered: say why it may be."""
    return exc.message + NO_ANSWER
