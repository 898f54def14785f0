"""``SandboxServer``: the sandbox on uvicorn in a background thread, with test controls."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import socket
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from kiosk.sandbox import serializers
from kiosk.sandbox.app import create_app
from kiosk.sandbox.clock import Clock
from kiosk.sandbox.context import SandboxContext, WireOptions
from kiosk.sandbox.db import Database
from kiosk.sandbox.faults import FaultSettings
from kiosk.sandbox.ratelimit import RateLimiter
from kiosk.sandbox.seed import MAIN_OFFERER_ID, OTHER_OFFERER_ID, seed_world
from kiosk.sandbox.world import BookingFilters, World

DEFAULT_API_KEY = "sandbox-key"
OTHER_API_KEY = "sandbox-other-key"
DEFAULT_API_KEYS = {DEFAULT_API_KEY: MAIN_OFFERER_ID, OTHER_API_KEY: OTHER_OFFERER_ID}

logger = logging.getLogger(__name__)


class _NoDelayH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with TCP_NODELAY set on every accepted connection.

    uvicorn writes a response's headers and body in two sends; with Nagle on, the body waits for
    the client's delayed ACK (~40 ms on Linux, ~55 ms under Wine) on every response. asyncio
    only sets TCP_NODELAY when the accepted socket says proto == IPPROTO_TCP, which Windows'
    ProactorEventLoop never does: it accepts into ``socket.socket(family)`` (proto 0). So set it
    here, on every platform and loop.
    """

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            # a connection already reset fails here: h11 will see it soon enough
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


class SandboxServer:
    """A local pass Culture API on ``http://host:port``; usable as a context manager."""

    def __init__(
        self,
        db_path: Path | None = None,
        seed: str = "demo",
        seed_value: int = 1,
        api_keys: dict[str, int] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        rate_limit: bool = True,
        now: datetime | None = None,
        *,
        rate_limit_per_minute: int = 200,
        reset: bool = False,
        log_level: str = "warning",
        wire: WireOptions | None = None,
    ) -> None:
        self.host = host
        self._requested_port = port
        self.port = port
        self.api_keys = dict(api_keys or DEFAULT_API_KEYS)
        self.api_key = next(iter(self.api_keys))
        self.seed = seed
        self.seed_value = seed_value
        self.log_level = log_level
        self._tmpdir: Path | None = None
        if db_path is None:
            self._tmpdir = Path(tempfile.mkdtemp(prefix="kiosk-sandbox-"))
            db_path = self._tmpdir / "sandbox.sqlite3"
        elif reset and db_path.exists():
            db_path.unlink()
        self.db_path = Path(db_path)
        self.clock = Clock(now)
        self.db = Database(self.db_path)
        self.world = World(self.db, self.clock)
        if not self.db.is_seeded():
            seed_world(self.db, seed, self.clock.now(), seed_value)
        self.world.set_api_keys(self.api_keys)
        self.context = SandboxContext(
            world=self.world,
            clock=self.clock,
            limiter=RateLimiter(rate_limit_per_minute, enabled=rate_limit),
            abort_connection=self._abort_connection,
            set_network_cut=self._set_network_cut_from_loop,
            wire=wire or WireOptions(),
        )
        self.app = create_app(self.context)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._network_cut = False
        self._restore_timer: asyncio.TimerHandle | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    # --- lifecycle ---------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def other_api_key(self) -> str | None:
        return next((k for k, v in self.api_keys.items() if v != MAIN_OFFERER_ID), None)

    def start(self, timeout: float = 10.0) -> SandboxServer:
        sock = self._listening_socket(self._requested_port)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            http=_NoDelayH11Protocol,
            log_level=self.log_level,
            access_log=False,
            lifespan="off",
            date_header=False,
            server_header=False,
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            loop.call_soon(ready.set)
            assert self._server is not None
            try:
                loop.run_until_complete(self._server.serve(sockets=[sock]))
            finally:
                loop.close()

        self._thread = threading.Thread(target=run, name="kiosk-sandbox", daemon=True)
        self._thread.start()
        ready.wait(timeout)
        self._wait_until_accepting(timeout)
        return self

    def _wait_until_accepting(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._server is not None and self._server.started:
                try:
                    with socket.create_connection((self.host, self.port), timeout=0.5):
                        return
                except OSError:
                    pass
            time.sleep(0.01)
        raise RuntimeError(f"sandbox did not start on {self.url}")

    def _listening_socket(self, port: int) -> socket.socket:
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # proto=IPPROTO_TCP lets asyncio's selector loops set TCP_NODELAY on accepted
        # connections; _NoDelayH11Protocol covers the loops that don't (Windows' Proactor).
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, port))
        sock.listen(128)
        sock.setblocking(False)
        return sock

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
        self._server = None
        self._thread = None
        self.db.close()
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- network faults ------------------------------------------------------------------
    @property
    def network_cut(self) -> bool:
        return self._network_cut

    def cut_network(self) -> None:
        """Close the listening socket and every open connection: clients get ConnectError."""
        self._call_in_loop(self._cut)

    def restore_network(self) -> None:
        """Listen again on the same port."""
        self._call_in_loop(self._restore)

    def _call_in_loop(self, func: Any) -> None:
        if self._loop is None:
            raise RuntimeError("server not started")

        async def call() -> None:
            await func()

        asyncio.run_coroutine_threadsafe(call(), self._loop).result(timeout=10)

    async def _cut(self) -> None:
        if self._network_cut or self._server is None:
            return
        self._network_cut = True
        for server in self._server.servers:
            server.close()
        for protocol in list(self._server.server_state.connections):
            transport = getattr(protocol, "transport", None)
            if transport is not None:
                transport.abort()
        self._server.servers = []
        self.context.faults.update(
            FaultSettings(**{**self.context.faults.settings.__dict__, "refuse_connections": True})
        )

    async def _restore(self) -> None:
        if self._restore_timer is not None:
            self._restore_timer.cancel()
            self._restore_timer = None
        if not self._network_cut or self._server is None:
            return
        server = self._server
        config = server.config
        sock = self._listening_socket(self.port)

        def protocol_factory() -> asyncio.Protocol:
            return config.http_protocol_class(  # type: ignore[call-arg]
                config=config, server_state=server.server_state, app_state={}
            )

        loop = asyncio.get_running_loop()
        server.servers = [await loop.create_server(protocol_factory, sock=sock)]
        self._network_cut = False
        self.context.faults.update(
            FaultSettings(**{**self.context.faults.settings.__dict__, "refuse_connections": False})
        )

    def _set_network_cut_from_loop(self, refuse: bool, duration: float | None) -> None:
        """Called from inside the server loop by ``POST/DELETE /sandbox/faults``."""
        loop = asyncio.get_running_loop()
        if refuse:
            self._spawn(self._cut())
            if duration:
                self._restore_timer = loop.call_later(
                    duration, lambda: self._spawn(self._restore())
                )
        else:
            self._spawn(self._restore())

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _abort_connection(self, client: tuple[str, int] | None) -> bool:
        if self._server is None or client is None:
            return False
        for protocol in list(self._server.server_state.connections):
            if getattr(protocol, "client", None) == tuple(client):
                transport = getattr(protocol, "transport", None)
                if transport is not None:
                    transport.abort()
                    return True
        return False

    # --- direct access for tests -----------------------------------------------------------
    def bookings(self, offerer_id: int = MAIN_OFFERER_ID, **filters: Any) -> list[dict[str, Any]]:
        """Every booking of an offerer as ``GET /sandbox/bookings`` returns them."""
        filters.setdefault("include_inactive", True)
        rows = self.world.bookings(offerer_id, BookingFilters(limit=None, **filters))
        return [serializers.booking_sandbox(row) for row in rows]

    def booking(self, token: str) -> dict[str, Any] | None:
        row = self.world.db.one("SELECT offerer_id FROM booking WHERE token = ?", (token.upper(),))
        if row is None:
            return None
        found = self.world.booking_by_token(row["offerer_id"], token)
        return None if found is None else serializers.booking_sandbox(found)

    def close_offerer(self, offerer_id: int = MAIN_OFFERER_ID, closed: bool = True) -> None:
        self.world.set_offerer_closed(offerer_id, closed)

    def set_venue_provider_active(
        self, venue_id: int, active: bool, offerer_id: int = MAIN_OFFERER_ID
    ) -> None:
        if not self.world.set_venue_provider_active(offerer_id, venue_id, active):
            raise LookupError(f"no venue {venue_id} for offerer {offerer_id}")

    def start_reimbursement(self, token: str, offerer_id: int = MAIN_OFFERER_ID) -> dict[str, Any]:
        return serializers.booking_sandbox(self.world.start_reimbursement(offerer_id, token))

    def create_booking(self, offerer_id: int = MAIN_OFFERER_ID, **payload: Any) -> dict[str, Any]:
        return serializers.booking_sandbox(self.world.create_booking(offerer_id, payload))

    def now(self) -> datetime:
        return self.clock.now()

    def set_now(self, now: datetime, *, frozen: bool = False) -> None:
        self.clock.set_now(now, frozen=frozen)

    def advance(self, delta: timedelta | float) -> None:
        seconds = delta.total_seconds() if isinstance(delta, timedelta) else float(delta)
        self.clock.advance(seconds)

    def set_faults(
        self,
        latency_ms: int = 0,
        error_rate: float = 0.0,
        drop_after_commit: float = 0.0,
        refuse_connections: bool = False,
        seed: int | None = 0,
        *,
        malformed_rate: float = 0.0,
        truncate_rate: float = 0.0,
        oversize_rate: float = 0.0,
        wrong_types_rate: float = 0.0,
        slow_rate: float = 0.0,
        slow_ms: int = 30_000,
    ) -> None:
        settings = FaultSettings(
            latency_ms,
            error_rate,
            drop_after_commit,
            False,
            malformed_rate=malformed_rate,
            truncate_rate=truncate_rate,
            oversize_rate=oversize_rate,
            wrong_types_rate=wrong_types_rate,
            slow_rate=slow_rate,
            slow_ms=slow_ms,
        )
        self.context.faults.update(settings, seed)
        if refuse_connections:
            self.cut_network()
        elif self._network_cut:
            self.restore_network()

    def clear_faults(self) -> None:
        self.context.faults.reset()
        if self._network_cut:
            self.restore_network()
