"""Start of day for a structure with several counters on one API key: one counter process in
its first sync (`kiosk sync --once`, as a new counter's wizard does) and one or two others
checking youths' codes (`kiosk check`, one OS process per scan), all against the real sandbox
with its rate limit on (window shortened to 2 s, the kiosks told so in kiosk.toml).

Someone else also spends the key once (the window filled to the limit right after the first
sync's first request): the first sync gets a 429 it did not cause, backs off and completes;
the counters' checks, all made after that window, are answered online."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk.sandbox.seed import CONCERT_HALL_VENUE_ID

ROOT = Path(__file__).resolve().parents[2]
WINDOW = 2.0  # seconds: the sandbox's and the kiosks' "minute", shortened alike
LIMIT = 40  # requests per window and key (200 a minute on the real server)


def _configure(data_dir: Path, url: str, kiosk_id: str) -> Path:
    data_dir.mkdir(parents=True)
    (data_dir / "kiosk.toml").write_text(
        f'api_url = "{url}"\nvenue_ids = [{CONCERT_HALL_VENUE_ID}]\nkiosk_id = "{kiosk_id}"\n'
        f'counter_name = "{kiosk_id}"\nrequest_limit = {LIMIT}\nrequest_window = {WINDOW}\n',
        encoding="utf-8",
    )
    return data_dir


def _kiosk(command: str, data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "kiosk", command, "--data-dir", str(data_dir), "--json", *args]


@pytest.mark.parametrize("checking", [1, 2], ids=["two-processes", "three-processes"])
@pytest.mark.sandbox_options(rate_limit=True, rate_limit_per_minute=LIMIT)
def test_counters_answer_online_while_a_new_counter_syncs(sandbox, tmp_path: Path, checking: int):
    limiter = sandbox.context.limiter
    limiter.window = WINDOW
    key = sandbox.api_key
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KIOSK_API_KEY": key}
    tokens = [
        b["token"]
        for b in sandbox.bookings(venue_id=CONCERT_HALL_VENUE_ID)
        if b.get("status") == "CONFIRMED"
    ]
    assert len(tokens) >= 10
    syncing = _configure(tmp_path / "new-counter", sandbox.url, "new")
    counters = [
        _configure(tmp_path / f"counter-{i}", sandbox.url, f"guichet-{i}") for i in range(checking)
    ]

    first_sync = subprocess.Popen(
        _kiosk("sync", syncing, "--once"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        # Someone else spends the key right after the first sync's first request.
        deadline = time.monotonic() + 60.0
        while not limiter._windows.get(key, (0.0, 0))[1] and first_sync.poll() is None:
            assert time.monotonic() < deadline, "the first sync never asked the server"
            time.sleep(0.005)
        while limiter.hit(key) is None:
            pass
        time.sleep(WINDOW + 0.2)  # that window is over: the counters start scanning

        checks: list[tuple[bool, subprocess.CompletedProcess[str]]] = []
        lock = threading.Lock()

        def scan(data_dir: Path, offset: int) -> None:
            n = 0
            while first_sync.poll() is None or n < 2:
                token = tokens[(offset + n) % len(tokens)]
                during = first_sync.poll() is None
                done = subprocess.run(
                    _kiosk("check", data_dir, token),
                    capture_output=True,
                    text=True,
                    env=env,
                    timeout=60,
                )
                with lock:
                    checks.append((during, done))
                n += 1

        scanners = [
            threading.Thread(target=scan, args=(d, 5 * i), daemon=True)
            for i, d in enumerate(counters)
        ]
        for t in scanners:
            t.start()
        out, err = first_sync.communicate(timeout=120)
        for t in scanners:
            t.join(120)
    finally:
        if first_sync.poll() is None:
            first_sync.kill()
            first_sync.communicate()

    # The first sync completed, after a 429 it did not cause.
    assert first_sync.returncode == 0, err
    summary = json.loads(out)
    assert summary["error"] is None
    assert summary["pulled_bookings"] > 0 and summary["pulled_offers"] > 0
    log = (syncing / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "HTTP 429" in log and "another user of the key" in log
    # Every counter's check, during the first sync and after, was answered online.
    assert sum(during for during, _ in checks) >= checking
    for _, done in checks:
        assert "Traceback" not in done.stderr
        assert done.returncode == 0, done.stdout + done.stderr
        answer = json.loads(done.stdout)
        assert answer["source"] == "online", answer
        assert "injoignable" not in answer["message"]
