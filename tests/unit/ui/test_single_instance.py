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
    RAISED_MESSAGE,
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
    from kiosk.platform.config import Config
    from kiosk.services.wiring import open_services

    silent = DataDirLock(data_dir)
    silent.acquire()
    try:
        instance = claim_single_instance(data_dir)  # nobody answers: we may go on…
        with pytest.raises(AlreadyRunning) as info:
            open_services(Config(data_dir=data_dir))  # …but the lock still says no
        text = explain_lock_refusal(info.value)
        assert "déjà ouvert" in text and "ne répond pas" in text
        instance.close()
    finally:
        silent.release()
