"""Everything a request handler needs, shared by the ASGI app and ``SandboxServer``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.requests import Request

from kiosk.sandbox.clock import Clock
from kiosk.sandbox.faults import FaultState
from kiosk.sandbox.ratelimit import RateLimiter
from kiosk.sandbox.world import World


@dataclass(frozen=True)
class WireOptions:
    """How close to the real server the public answers are. Each flag is True when the sandbox
    answers as pcapi does; False keeps the sandbox's earlier answer (docs/sandbox.md)."""

    # Booking dates as ``2026-03-01T10:00:00Z`` (pcapi format_into_utc_date), else ``+00:00``.
    utc_z_dates: bool = True
    # Invalid query parameters: 400 ``{"field": ["message"]}`` (ApiErrors), else 422 list.
    api_errors_400: bool = True


@dataclass
class SandboxContext:
    world: World
    clock: Clock
    limiter: RateLimiter
    faults: FaultState = field(default_factory=FaultState)
    wire: WireOptions = field(default_factory=WireOptions)
    # Set by SandboxServer: abort one client's TCP connection / cut the listening socket.
    abort_connection: Callable[[tuple[str, int] | None], bool] | None = None
    set_network_cut: Callable[[bool, float | None], None] | None = None


def context_of(request: Request) -> SandboxContext:
    return request.app.state.sandbox


def offerer_id_of(request: Request) -> int:
    return request.scope["sandbox.offerer_id"]
