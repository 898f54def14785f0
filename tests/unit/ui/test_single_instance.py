"""One kiosk per data dir: a second launch raises the first window and says so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from kiosk.store.errors import AlreadyRunning
from kiosk.store.lock import DataDirLock
from kiosk.ui.single_instance import (
    NO_ANSWER,
    RAISED_MESSAGE,
    HeldElsewhere,
    SingleInstance,
    claim_single_instance,
    explain_lock_refusal,
    server_name,
)

ROOT = Path(__file__).resolve().parents[3]

SECOND_LAUNCH = """
import sys
from PySide6.QtCore import QCoreApplication
from kiosk.store.errors import AlreadyRunning
from kiosk.ui.single_instance import claim_single_instance
app = QCoreApplication([])
try:
    claim_single_instance(sys.argv[1])
except AlreadyRunning as exc:
    print(exc.message)
    sys.exit(3)
print("first")
"""


def _second_launch(data_dir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-c", SECOND_LAUNCH, str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_name_depends_on_the_data_dir(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")


def test_second_launch_raises_the_first_and_exits(qtbot, data_dir: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    first = claim_single_instance(data_dir)
    first.attach(window)
    try:
        with qtbot.waitSignal(first.raise_requested, timeout=10_000):
            proc = _second_launch(data_dir)
        out, _ = proc.communicate(timeout=10)
        assert proc.returncode == 3
        assert out.strip() == RAISED_MESSAGE
        assert window.isVisible()
    finally:
        first.close()


def test_no_first_instance_means_we_are_first(qapp, data_dir: Path) -> None:
    proc = _second_launch(data_dir)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert out.strip() == "first"


def test_stale_socket_after_a_crash_is_replaced(qapp, data_dir: Path) -> None:
    crashed = SingleInstance(data_dir)
    assert crashed.listen()
    again = SingleInstance(data_dir)  # same name while the old one still "exists"
    assert again.listen()
    again.close()
    crashed.close()


def test_lock_held_by_a_silent_process_is_explained(qapp, data_dir: Path) -> None:
    """A `kiosk sync` in a terminal holds the data-dir lock but has no window to raise."""
    silent = DataDirLock(data_dir)
    silent.acquire()
    try:
        with pytest.raises(HeldElsewhere) as info:
            claim_single_instance(data_dir, patience_s=0.3)
    finally:
        silent.release()
    text = info.value.message
    assert "déjà ouvert" in text and "ne répond pas" in text
    assert text == explain_lock_refusal(AlreadyRunning(text.removesuffix(NO_ANSWER)))


def test_the_lock_comes_first_and_the_network_after_the_window(qapp, data_dir: Path) -> None:
    """The claim is the OS lock alone: QtNetwork (and its socket) wait for `attach`."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "from kiosk.ui.single_instance import claim_single_instance\n"
        "app = QApplication([])\n"
        "claim = claim_single_instance(sys.argv[1])\n"
        "print('network before', 'PySide6.QtNetwork' in sys.modules)\n"
        "claim.attach(QWidget())\n"
        "print('network after', 'PySide6.QtNetwork' in sys.modules, claim.server.isListening())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "network before False" in out.stdout
    assert "network after True True" in out.stdout


def test_a_second_launch_waits_for_a_first_still_starting(qtbot, data_dir: Path) -> None:
    """Launched twice in a row (a double click): the first holds the lock but is still building
    its window; the second asks again until it listens, then raises it — no false refusal."""
    window = QWidget()
    qtbot.addWidget(window)
    first = claim_single_instance(data_dir)  # the lock, not yet the listener
    try:
        proc = _second_launch(data_dir)
        qtbot.wait(800)  # the second launch is refused by the lock and asks, in vain so far
        assert proc.poll() is None
        with qtbot.waitSignal(first.raise_requested, timeout=10_000):
            first.attach(window)
        out, _ = proc.communicate(timeout=10)
        assert proc.returncode == 3
        assert out.strip() == RAISED_MESSAGE
    finally:
        first.close()
