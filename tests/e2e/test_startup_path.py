"""`kiosk run` up to its first paint does only what the first screen needs (issue 16).

Sync, the retention purge, the sound backend and the camera start right after the first paint;
the sandbox, the catalogue, the wizard, Alembic (schema at head), QtMultimedia, zxing,
openpyxl, httpx and SQLAlchemy's ORM are not even imported on the way. Measured in
benchmarks/bench_startup.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.domain.clock import utcnow
from kiosk.store import models
from kiosk.store.database import Database
from kiosk.ui.common import i18n
from kiosk.ui.entry import Session, start_counter
from tests.e2e.entry_helpers import args, configure
from tests.fixtures.store import booking_row

ROOT = Path(__file__).resolve().parents[2]

# Runs `kiosk run` through kiosk.main and lists which heavy modules are loaded at two moments:
# the first turn of the event loop, while the window's bare frame is painted ("FRAME="), and
# once the counter is built into it, before anything deferred ran ("LOADED=").
PROBE = """
import sys
from PySide6.QtCore import QTimer
from kiosk.ui.app import application
app = application()
HEAVY = sys.argv[2].split(",")
FRAME_HEAVY = HEAVY + sys.argv[3].split(",")
seen = {}
def loaded(names):
    return ",".join(m for m in names if m in sys.modules)
def probe():
    windows = [w for w in app.topLevelWidgets() if hasattr(w, "attached") and w.isVisible()]
    if "frame" not in seen and windows:
        seen["frame"] = 1
        page = type(windows[0].centralWidget()).__name__
        print("FRAME=" + loaded(FRAME_HEAVY) + ";" + page, flush=True)
    if not any(w.attached for w in windows):
        QTimer.singleShot(5, probe)
        return
    print("LOADED=" + loaded(HEAVY), flush=True)
    app.quit()
QTimer.singleShot(0, probe)
from kiosk.main import run
sys.exit(run(["run", "--data-dir", sys.argv[1]]))
"""
# Not even imported when the window first appears: the counter's parts and the network.
NOT_BEFORE_THE_FRAME = (
    "sqlalchemy",
    "kiosk.store.database",
    "kiosk.services.wiring",
    "kiosk.ui.counter.screen",
    "PySide6.QtNetwork",
    "platformdirs",  # the data dir is given: no default to look up
)
NOT_ON_THE_WAY = (
    "kiosk.sandbox.server",
    "uvicorn",
    "openpyxl",
    "alembic",
    "PySide6.QtMultimedia",
    "zxingcpp",
    "qrcode",
    "PIL.Image",
    "kiosk.ui.catalogue.screen",
    "kiosk.ui.admin.wizard",
    "kiosk.scan.camera",
    "kiosk.demo.world",
    "kiosk.services.importer",
    "httpx",
    "sqlalchemy.orm",
    "kiosk.mesh.node",  # sharing is off unless the venue turns it on
    "zenoh",
    "cryptography.hazmat.primitives.ciphers.aead",
)


@pytest.fixture
def sessions(qtbot) -> Iterator[list[Session]]:
    started: list[Session] = []
    yield started
    for s in started:
        s.close()
    i18n.install("fr")


def test_the_way_to_the_first_paint_imports_only_what_it_needs(tmp_path):
    data_dir = tmp_path / "data"
    configure(data_dir)  # migrated once: the morning's start finds the schema at head
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE,
            str(data_dir),
            ",".join(NOT_ON_THE_WAY),
            ",".join(NOT_BEFORE_THE_FRAME),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    frame = [ln for ln in out.stdout.splitlines() if ln.startswith("FRAME=")]
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("LOADED=")]
    assert frame and lines, out.stderr[-2000:]
    # The window appears bare, before the counter's parts are even imported…
    assert frame[0] == "FRAME=;StartingPage", f"loaded before the frame: {frame[0][6:]}"
    # …and the counter built into it still leaves the rest for later.
    assert lines[0] == "LOADED=", f"loaded before the first paint: {lines[0][7:]}"


def test_sync_and_purge_start_after_the_first_paint(qtbot, tmp_path, sessions):
    data_dir = tmp_path / "data"
    old = utcnow() - timedelta(days=45)
    configure(
        data_dir,
        rows=[booking_row(1, "ABC234", status="USED", used_at=old, venue_id=100)],
        retention_days=1,  # closed when the fixture saw it (NOW, days ago): past retention
    )
    session = start_counter(args("run", "--data-dir", str(data_dir)))
    sessions.append(session)
    window = session.window
    # The window is shown; the event loop has not turned yet: nothing painted, nothing deferred.
    assert window.runner is not None and window.runner._thread is None
    assert _names(window.services.db) == ("Léa", "Martin")
    qtbot.waitUntil(lambda: window.runner._thread is not None, timeout=10_000)
    qtbot.waitUntil(lambda: _names(window.services.db) == (None, None), timeout=10_000)


def _names(db: Database) -> tuple[str | None, str | None]:
    t = models.table(models.Booking)
    with db.connect() as conn:
        row = conn.execute(select(t.c.first_name, t.c.last_name).where(t.c.id == 1)).one()
    return row[0], row[1]


def test_damage_found_after_the_first_paint_is_said_in_the_window(qtbot, tmp_path, sessions):
    from kiosk.store.health import mark_clean, quick_check
    from tests.robustness.helpers import make_history, overwrite_pages, pages_of

    data_dir = tmp_path / "data"
    configure(data_dir)
    h = make_history(data_dir)
    mark_clean(data_dir)  # closed cleanly, then a bad sector at rest
    pages = pages_of(h.path, "booking")
    overwrite_pages(h.path, pages[len(pages) // 3 : len(pages) // 3 + 4])
    assert quick_check(h.path) != ["ok"]
    session = start_counter(args("run", "--data-dir", str(data_dir)))
    sessions.append(session)
    window = session.window
    qtbot.waitUntil(lambda: getattr(window, "info_box", None) is not None, timeout=10_000)
    assert window.info_box.windowTitle() == "Base de données à réparer"
    assert "redémarrez-le dès que possible" in window.info_box.text()
