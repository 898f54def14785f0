"""``kiosk sandbox`` / ``python -m kiosk.sandbox``: serve the sandbox until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import threading
from pathlib import Path
from typing import Any

# The server is imported when the subcommand runs: registering it must stay cheap.
DEFAULT_API_KEY = "sandbox-key"  # = kiosk.sandbox.server.DEFAULT_API_KEY (a test checks)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port, 0 = any (default 8765)")
    parser.add_argument("--db", type=Path, default=None, help="SQLite file (default: temporary)")
    parser.add_argument("--seed", choices=("demo", "empty"), default="demo")
    parser.add_argument("--seed-value", type=int, default=1, help="random seed of the world")
    parser.add_argument("--api-key", default=DEFAULT_API_KEY, help="API key of the main offerer")
    parser.add_argument("--no-rate-limit", action="store_true", help="lift 200 requests/minute")
    parser.add_argument("--reset", action="store_true", help="reseed an existing --db file")


def register(subparsers: Any) -> None:
    """Add the ``sandbox`` subcommand to the ``kiosk`` CLI."""
    parser = subparsers.add_parser(
        "sandbox", help="run a local stand-in of the pass Culture public API"
    )
    add_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.sandbox.server import DEFAULT_API_KEYS, SandboxServer

    keys = dict(DEFAULT_API_KEYS)
    if args.api_key != DEFAULT_API_KEY:
        keys = {args.api_key: 1, **{k: v for k, v in keys.items() if v != 1}}
    server = SandboxServer(
        db_path=args.db,
        seed=args.seed,
        seed_value=args.seed_value,
        api_keys=keys,
        host=args.host,
        port=args.port,
        rate_limit=not args.no_rate_limit,
        reset=args.reset,
    )
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        server.start()
        print(f"pass Culture sandbox on {server.url}", flush=True)
        print(f"API key: {server.api_key}", flush=True)
        if server.other_api_key:
            print(f"Other offerer's key: {server.other_api_key}", flush=True)
        print("Ctrl-C to stop.", flush=True)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()
        print("sandbox stopped", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.sandbox", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv))
