"""ASGI middleware in front of every route: Date header, auth, rate limit, faults."""

from __future__ import annotations

import asyncio
import json
from email.utils import format_datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.sandbox.context import SandboxContext

PUBLIC_PREFIX = "/public/"
SANDBOX_PREFIX = "/sandbox/"
NO_AUTH_PREFIXES = ("/sandbox/images/",)
MUTATING_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})
AUTH_REQUIRED_BODY = {"auth": "API key required"}
RATE_LIMIT_BODY = {
    "rate_limit": "You have made too many requests (rate limit: 200 requests/minute)"
}
FAULT_500_BODY = {"global": "Internal Server Error (sandbox fault)"}


class Gateway:
    def __init__(self, app: ASGIApp, context: SandboxContext) -> None:
        self.app = app
        self.context = context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._with_date_header(send)
        path: str = scope["path"]
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
        await self.app(scope, receive, send)

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
