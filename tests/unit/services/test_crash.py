"""A validation reported as recorded survives a hard kill of the process right after (SIGKILL;
TerminateProcess on Windows)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from kiosk.store import bookings, outbox
from kiosk.store.database import Database
from tests.fixtures.store import booking_row, insert_bookings
from tests.portable import WINDOWS

ROOT = Path(__file__).resolve().parents[3]


def test_sigkill_right_after_success_keeps_the_validation(data_dir):
    db = Database.open(data_dir)
    insert_bookings(db, [booking_row(1, "ABC234")])
    db.dispose()
    script = textwrap.dedent(
        """
        import sys, time
        from kiosk.main import run
        code = run(["validate", "ABC234", "--json", "--data-dir", sys.argv[1]])
        sys.stdout.flush()
        time.sleep(60)  # still alive (holding the database) when killed
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = proc.stdout.readline()
        assert json.loads(line)["verdict"] == "validated"
        proc.kill()  # SIGKILL; on Windows TerminateProcess, exit code 1: no clean-up either way
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == (1 if WINDOWS else -signal.SIGKILL)

    db = Database.open(data_dir)
    with db.connect() as conn:
        assert bookings.by_token(conn, "ABC234").status.value == "USED"
        [op] = outbox.pending(conn)
        assert op.token == "ABC234"
    assert db.integrity_check() == ["ok"]
    db.dispose()
