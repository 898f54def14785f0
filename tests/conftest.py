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
