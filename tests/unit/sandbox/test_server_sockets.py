"""The sandbox's accepted connections: Nagle off on every platform and event loop."""

from __future__ import annotations

import socket

from kiosk.sandbox import SandboxServer
from tests.fixtures.sandbox import client_for

CATEGORIES = "/public/offers/v1/events/categories"


def _nodelay_of_open_connections(sandbox: SandboxServer) -> list[int]:
    assert sandbox._server is not None
    flags = []
    for protocol in list(sandbox._server.server_state.connections):
        sock = protocol.transport.get_extra_info("socket")  # type: ignore[attr-defined]
        flags.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
    return flags


def test_every_accepted_connection_has_nagle_off(sandbox: SandboxServer) -> None:
    """uvicorn sends a response's headers and body apart: with Nagle on, every response waits
    for the client's delayed ACK (17 requests/s under Wine instead of hundreds). asyncio turns
    Nagle off on selector loops only; Windows' Proactor loop accepts into a proto-0 socket and
    leaves it on, so this fails under Windows/Wine without the server's own TCP_NODELAY."""
    with client_for(sandbox) as client:
        assert client.get(CATEGORIES).status_code == 200  # keep-alive: the connection stays open
        flags = _nodelay_of_open_connections(sandbox)
        assert flags and all(flags), flags
        # connections accepted after a network cut go through the restored listener
        sandbox.cut_network()
        sandbox.restore_network()
        assert client.get(CATEGORIES).status_code == 200
        flags = _nodelay_of_open_connections(sandbox)
        assert flags and all(flags), flags
