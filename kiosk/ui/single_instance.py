"""One kiosk window per data dir: a second launch brings the first to the front and exits.

Two layers: this local socket (named from a hash of the data dir) lets the second launch ask the
first to show itself; the data-dir file lock (`kiosk.store.lock`) still refuses any second process
— also one that does not answer (a hung window, or a `kiosk sync` in a terminal).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from kiosk.store.errors import AlreadyRunning
from kiosk.ui.admin.lockdown import bring_to_front

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
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()
    return f"kiosk-passculture-{digest[:16]}"


def ask_first_instance(data_dir: Path, timeout_ms: int = 1500) -> bool:
    """True when a kiosk already serves `data_dir` and promised to show its window."""
    sock = QLocalSocket()
    sock.connectToServer(server_name(data_dir))
    if not sock.waitForConnected(timeout_ms):
        return False
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
    """The first instance's listener. Connect `raise_requested`, or call `attach(window)`."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)  # a socket left behind by a crash
        return self.server.listen(self.name)

    def attach(self, window: QWidget) -> None:
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
        self.server.close()


def claim_single_instance(data_dir: Path, parent: QObject | None = None) -> SingleInstance:
    """Call before opening the services. Raises AlreadyRunning (French message) when another
    kiosk window serves this data dir — it has been asked to come to the front."""
    if ask_first_instance(data_dir):
        raise AlreadyRunning(RAISED_MESSAGE)
    instance = SingleInstance(data_dir, parent)
    instance.listen()
    return instance


def explain_lock_refusal(exc: AlreadyRunning) -> str:
    """The data-dir lock refused us although no window answered: say why it may be."""
    return exc.message + NO_ANSWER
