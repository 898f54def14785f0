"""The data-dir lock holds between two real processes, on Linux and on Windows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.store.errors import AlreadyRunning
from kiosk.store.lock import DataDirLock

ROOT = Path(__file__).resolve().parents[3]

HOLDER = """
import sys
from pathlib import Path
from kiosk.store.errors import AlreadyRunning
from kiosk.store.lock import DataDirLock
lock = DataDirLock(Path(sys.argv[1]))
try:
    lock.acquire()
except AlreadyRunning:
    print("refused", flush=True)
    sys.exit(3)
print("locked", flush=True)
sys.stdin.readline()  # hold it until the test says so
lock.release()
print("released", flush=True)
"""


def _process(data_dir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_a_second_process_is_refused_while_the_first_holds_it(data_dir: Path) -> None:
    first = _process(data_dir)
    try:
        assert first.stdout is not None and first.stdin is not None
        assert first.stdout.readline().strip() == "locked"
        # The first process has written its pid: a second process must still be refused
        # (on Windows it used to lock another byte, at the new end of the file, and get in).
        second = _process(data_dir)
        out, _ = second.communicate(timeout=60)
        assert second.returncode == 3, out
        assert out.strip() == "refused"
        # And so is this one, told who holds it.
        with pytest.raises(AlreadyRunning) as err:
            DataDirLock(data_dir).acquire()
        assert str(first.pid) in err.value.message
        first.stdin.write("\n")
        first.stdin.flush()
        assert first.stdout.readline().strip() == "released"
    finally:
        first.kill()
        first.wait(timeout=60)
    # Released: the next one gets it.
    third = _process(data_dir)
    out, _ = third.communicate("\n", timeout=60)
    assert third.returncode == 0, out
    assert out.split() == ["locked", "released"]
