"""``kiosk sandbox`` registration and ``python -m kiosk.sandbox``."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kiosk.sandbox.cli import register

ROOT = Path(__file__).resolve().parents[3]


def test_register_adds_the_sandbox_subcommand() -> None:
    parser = argparse.ArgumentParser(prog="kiosk")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(
        ["sandbox", "--port", "0", "--seed", "empty", "--no-rate-limit", "--api-key", "k"]
    )
    assert (args.command, args.port, args.seed, args.no_rate_limit, args.api_key) == (
        "sandbox",
        0,
        "empty",
        True,
        "k",
    )
    assert callable(args.func)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="Windows cannot send Ctrl+C to one child process (no SIGINT; CTRL_BREAK_EVENT needs "
    "a shared console)",
)
def test_module_serves_until_ctrl_c(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk.sandbox",
            "--port",
            "0",
            "--seed",
            "empty",
            "--db",
            str(tmp_path / "cli.sqlite3"),
            "--api-key",
            "cli-key",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        # Ctrl+C as a terminal gives it: a test run started in the background by a shell
        # without job control ignores SIGINT, and the child would inherit that.
        preexec_fn=_default_sigint,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        url = first.strip().rsplit(" ", 1)[-1]
        assert url.startswith("http://127.0.0.1:")
        assert "cli-key" in process.stdout.readline()
        response = httpx.get(
            f"{url}/public/offers/v1/offerer_venues", headers={"Authorization": "Bearer cli-key"}
        )
        assert response.status_code == 200
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=10)
        assert process.returncode == 0
        assert "Traceback" not in stderr
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    time.sleep(0)
