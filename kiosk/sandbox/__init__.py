"""Local stand-in for the pass Culture public API (tests, benchmarks, ``kiosk demo``).

Independent from the rest of ``kiosk``: nothing here imports other kiosk packages.
"""

from kiosk.sandbox.context import WireOptions
from kiosk.sandbox.server import DEFAULT_API_KEY, OTHER_API_KEY, SandboxServer

__all__ = ["DEFAULT_API_KEY", "OTHER_API_KEY", "SandboxServer", "WireOptions"]
