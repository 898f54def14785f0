"""Test-wide set-up: offscreen Qt before anything imports it, an isolated data dir per test."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault(
    "QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg=false"
)
os.environ["KIOSK_NO_KEYRING"] = "1"  # never touch the developer's real keyring
for var in ("KIOSK_API_URL", "KIOSK_API_KEY", "KIOSK_VENUE_IDS", "KIOSK_DATA_DIR"):
    os.environ.pop(var, None)

import gc  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

pytest_plugins = ["tests.fixtures.store", "tests.fixtures.sandbox"]

# Test runs write their screenshots to a git-ignored folder; the curated ones in docs/screenshots
# are refreshed on purpose with KIOSK_SCREENSHOTS=docs/screenshots (a test run never dirties
# the tree).
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def screenshot_dir() -> Path:
    """Where UI tests save the PNGs of each screen state (committed ones go in docs/)."""
    out = Path(os.environ.get("KIOSK_SCREENSHOTS", SCREENSHOTS))
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture
def screen_reader(monkeypatch) -> Iterator[list[tuple[str, object]]]:
    """What Qt hands over to a screen reader (none runs here): (announcement, politeness)."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    heard: list[tuple[str, object]] = []

    def record(event: object) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append((event.message(), event.politeness()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    QAccessible.setActive(True)
    yield heard
    QAccessible.setActive(False)


@pytest.fixture(scope="session", autouse=True)
def _gui_thread_gc(qapp) -> Iterator[None]:
    """As in the application: cycles are collected by the GUI thread only (ui/common/gui_gc.py)."""
    from kiosk.ui.common import gui_gc

    collector = gui_gc.install(qapp)
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def _free_qt_objects_between_tests() -> Iterator[None]:
    """Destroy what a test closed before the next one starts, outside any event: windows
    pytest-qt closed (deleteLater) and cyclic garbage holding Qt objects."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect(1)  # the young generations: where a finished test left its garbage
