"""Counter processes on loopback for the mesh tests and benchmark (tests/e2e/mesh_counter.py)."""

from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.platform.config import Config, save

ROOT = Path(__file__).resolve().parents[2]


def free_ports(n: int) -> list[int]:
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def configure(
    data_dir: Path,
    *,
    name: str,
    api_url: str,
    venue_ids: tuple[int, ...],
    port: int,
    peer_ports: list[int],
) -> Path:
    """kiosk.toml of one counter: mesh on, explicit loopback endpoints, no multicast."""
    save(
        Config(
            data_dir=data_dir,
            api_url=api_url,
            venue_ids=venue_ids,
            counter_name=name,
            kiosk_id=f"kiosk-{name}",
            rate_limit=False,
            mesh=True,
            mesh_listen=(f"tcp/127.0.0.1:{port}",),
            mesh_connect=tuple(f"tcp/127.0.0.1:{p}" for p in peer_ports),
            mesh_multicast=False,
        )
    )
    return data_dir


class CounterProcess:
    """One counter process; `ask` sends a command and waits for its answer."""

    def __init__(self, data_dir: Path, api_key: str) -> None:
        self.data_dir = data_dir
        self.api_key = api_key
        self.proc: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str] = queue.Queue()

    def start(self, timeout: float = 60.0) -> CounterProcess:
        env = {
            **os.environ,
            "KIOSK_API_KEY": self.api_key,
            "KIOSK_NO_KEYRING": "1",
            "PYTHONPATH": str(ROOT),
        }
        env.pop("KIOSK_DATA_DIR", None)
        self._lines = queue.Queue()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.mesh_counter", str(self.data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
            env=env,
        )
        threading.Thread(target=self._read, args=(self.proc,), daemon=True).start()
        ready = json.loads(self._lines.get(timeout=timeout))
        assert "ready" in ready, ready
        return self

    def _read(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            self._lines.put(line)

    def ask(self, cmd: str, timeout: float = 60.0, **args: Any) -> Any:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"cmd": cmd, **args}) + "\n")
        self.proc.stdin.flush()
        answer = json.loads(self._lines.get(timeout=timeout))
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer["ok"]

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, nothing flushed but what was committed."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=15)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait(timeout=10)


def until(predicate: Callable[[], Any], deadline: float, interval: float = 0.05) -> Any:
    """Poll `predicate` until it is truthy or `deadline` seconds pass; the last value."""
    end = time.monotonic() + deadline
    while True:
        value = predicate()
        if value or time.monotonic() >= end:
            return value
        time.sleep(interval)
