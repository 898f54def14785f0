"""Local stand-in for the pass Culture public API (tests, benchmarks, ``kiosk demo``).

Independent from the rest of ``kiosk``: nothing here imports other kiosk packages.
The server (uvicorn, starlette, openpyxl for the exports) is imported on first use only, so
registering the ``kiosk sandbox`` subcommand costs nothing at the counter's start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.sandbox.context import WireOptions
    from kiosk.sandbox.server import DEFAULT_API_KEY, OTHER_API_KEY, SandboxServer

__all__ = ["DEFAULT_API_KEY", "OTHER_API_KEY", "SandboxServer", "WireOptions"]


def __getattr__(name: str) -> Any:
    if name == "WireOptions":
        from kiosk.sandbox import context

        return context.WireOptions
    if name in ("DEFAULT_API_KEY", "OTHER_API_KEY", "SandboxServer"):
        from kiosk.sandbox import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
