"""ASGI middleware in front of every route: Date header, auth, rate limit, faults."""

from __future__ import annotations

import asyncio
import json
import random
from email.utils import format_datetime
from typing import Any

from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.sandbox.context import SandboxContext
from kiosk.sandbox.faults import FaultSettings, damage

PUBLIC_PREFIX = "/public/"
SANDBOX_PREFIX = "/sandbox/"
NO_AUTH_PREFIXES = ("/sandbox/images/",)
MUTATING_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})
AUTH_REQUIRED_BODY = {"auth": "API key required"}
# pcapi routes/error_handlers/generic_error_handlers.py (ratelimit_handler, internal_error,
# method_not_allowed, restize_not_found_route_errors).
RATE_LIMIT_BODY = {
    "global": ["Nombre de tentatives de connexion dépassé, veuillez réessayer dans une minute"]
}
SERVER_ERROR_BODY = {
    "global": ["Il semble que nous ayons des problèmes techniques :( On répare ça au plus vite."]
}
FAULT_500_BODY = SERVER_ERROR_BODY
METHOD_NOT_ALLOWED_BODY = {
    "global": ["La méthode que vous utilisez n'existe pas sur notre serveur"]
}
NOT_FOUND_ROUTE_BODY: dict[str, Any] = {}


class Gateway:
    def __init__(
        self, app: ASGIApp, context: SandboxContext, routes: list[BaseRoute] | None = None
    ) -> None:
        self.app = app
        self.context = context
        self.routes = routes

    def _routing(self, scope: Scope) -> int | None:
        """404/405 as Flask answers them: routing comes before authentication."""
        if self.routes is None:
            return None
        matches = [route.matches(scope)[0] for route in self.routes]
        if Match.FULL in matches:
            return None
        return 405 if Match.PARTIAL in matches else 404

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._with_date_header(send)
        path: str = scope["path"]
        unrouted = self._routing(scope)
        if unrouted == 404:
            await _json(send, 404, NOT_FOUND_ROUTE_BODY)
            return
        if unrouted == 405:
            await _json(send, 405, METHOD_NOT_ALLOWED_BODY)
            return
        is_public = path.startswith(PUBLIC_PREFIX)
        needs_auth = (is_public or path.startswith(SANDBOX_PREFIX)) and not path.startswith(
            NO_AUTH_PREFIXES
        )
        faults = self.context.faults
        settings = faults.settings
        if is_public:
            if settings.latency_ms:
                await asyncio.sleep(settings.latency_ms / 1000)
            if faults.draw(settings.error_rate):
                await _json(send, 500, FAULT_500_BODY)
                return
        if needs_auth:
            key = _bearer_key(scope)
            offerer_id = self.context.world.offerer_id_for_key(key) if key else None
            if offerer_id is None:
                await _json(send, 401, AUTH_REQUIRED_BODY)
                return
            scope["sandbox.offerer_id"] = offerer_id
            scope["sandbox.api_key"] = key
            if is_public:
                retry_after = self.context.limiter.hit(key or "")
                if retry_after is not None:
                    await _json(send, 429, RATE_LIMIT_BODY, [(b"retry-after", str(retry_after))])
                    return
        if (
            is_public
            and scope["method"] in MUTATING_METHODS
            and faults.draw(settings.drop_after_commit)
        ):
            await self._run_then_drop(scope, receive)
            return
        if is_public and settings.damages_bodies:
            kind = faults.body_fault()
            if kind is not None:
                await self._damaged(scope, receive, send, kind, faults.child_rng(), settings)
                return
        await self.app(scope, receive, send)

    async def _damaged(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        kind: str,
        rng: random.Random,
        settings: FaultSettings,
    ) -> None:
        """Run the handler, then send its answer damaged (successful answers with a body; a
        slow fault also delays empty answers)."""
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        assert start is not None
        body = b"".join(chunks)
        ok = 200 <= start["status"] < 300
        slow = kind == "slow" and ok
        if ok and body and not slow:
            body = damage(kind, body, rng)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        seconds = settings.slow_ms / 1000
        if slow and not body:
            await asyncio.sleep(seconds)
        await send({**start, "headers": headers})
        if slow and body:  # trickle: each piece well inside a read timeout, the whole far beyond
            pieces = 30
            step = max(1, -(-len(body) // pieces))
            for i in range(0, len(body), step):
                await send(
                    {"type": "http.response.body", "body": body[i : i + step], "more_body": True}
                )
                await asyncio.sleep(seconds / pieces)
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.body", "body": body})

    async def _run_then_drop(self, scope: Scope, receive: Receive) -> None:
        """Let the handler commit, then close the connection without any response."""

        async def swallow(message: Message) -> None:
            return None

        await self.app(scope, receive, swallow)
        abort = self.context.abort_connection
        if abort is not None and abort(scope.get("client")):
            for _ in range(3):  # let connection_lost run so uvicorn sends nothing
                await asyncio.sleep(0)
            return
        raise ConnectionAbortedError("sandbox dropAfterCommit fault")

    def _with_date_header(self, send: Send) -> Send:
        clock = self.context.clock

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"date"]
                stamp = format_datetime(clock.now(), usegmt=True).encode()
                headers.append((b"date", stamp))
                message = {**message, "headers": headers}
            await send(message)

        return wrapped


def _bearer_key(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            text = value.decode("latin-1")
            if text.startswith("Bearer "):
                key = text[len("Bearer ") :].strip()
                return key or None
    return None


async def _json(
    send: Send, status: int, body: Any, extra_headers: list[tuple[bytes, str]] | None = None
) -> None:
    payload = json.dumps(body, ensure_ascii=False).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
    ]
    headers += [(name, value.encode()) for name, value in extra_headers or []]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
