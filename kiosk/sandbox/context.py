"""Everything a request handler needs, shared by the ASGI app and ``SandboxServer``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.requests import Request

from kiosk.sandbox.clock import Clock
from kiosk.sandbox.faults import FaultState
from kiosk.sandbox.ratelimit import RateLimiter
from kiosk.sandbox.world import World


@dataclass
class SandboxContext:
    world: World
    clock: Clock
    limiter: RateLimiter
    faults: FaultState = field(default_factory=FaultState)
    # Set by SandboxServer: abort one client's TCP connection / cut the listening socket.
    abort_connection: Callable[[tuple[str, int] | None], bool] | None = None
    set_network_cut: Callable[[bool, float | None], None] | None = None


def context_of(request: Request) -> SandboxContext:
    return request.app.state.sandbox


def offerer_id_of(request: Request) -> int:
    return request.scope["sandbox.offerer_id"]
