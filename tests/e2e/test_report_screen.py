"""The "Bilan" through the real entry points: `kiosk run` → Réglages → Bilan behind the admin
PIN, on a data dir synced with the real sandbox (every reconciliation case); its exports; the
PDF rendered with pdftoppm and its pages looked at; and `kiosk report` through `kiosk.main`."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtGui import QImage

from kiosk.main import run
from kiosk.platform import config as config_mod
from kiosk.platform.config import Config
from kiosk.platform.exits import EXIT_ENV, EXIT_OK, EXIT_USAGE
from kiosk.platform.secrets import save_api_key
from kiosk.sandbox.seed import BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID
from kiosk.services.importer import import_file
from kiosk.services.report import Period
from kiosk.services.security import Security
from kiosk.services.wiring import open_services
from kiosk.store.database import Database
from kiosk.ui.admin.report_screen import ReportDialog
from kiosk.ui.common.pin_dialog import PinDialog
from kiosk.ui.entry import Session, start_counter
from tests.e2e.entry_helpers import ADMIN_PIN, Modal, args, cancel, enter_pin
from tests.unit.services.report_world import World, build_world
from tests.unit.sync.conftest import Kiosk

VENUES = (BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID)


@pytest.fixture
def world(sandbox, tmp_path) -> Iterator[World]:
    data_dir = tmp_path / "kiosk"
    cfg = Config(
        data_dir=data_dir,
        api_url=sandbox.url,
        venue_ids=VENUES,
        counter_name="Accueil",
        kiosk_id="k1",
        rate_limit=False,
    )
    data_dir.mkdir()
    config_mod.save(cfg)
    save_api_key(data_dir, sandbox.api_key)
    opened = []

    def make() -> Kiosk:
        services = open_services(config_mod.load(data_dir))
        opened.append(services)
        return Kiosk(services)

    w = build_world(make, sandbox, tmp_path)
    import_file(w.kiosk.services.db, w.export, venue_ids=(BOOKSHOP_VENUE_ID,))
    for s in opened:
        s.close()  # the counter window takes the data dir over
    db = Database.open(data_dir)
    Security(db).set_admin_pin(ADMIN_PIN)
    db.dispose()
    yield w


@pytest.fixture
def sessions(qtbot) -> Iterator[list[Session]]:
    started: list[Session] = []
    yield started
    for s in started:
        s.close()


def _data_dir(world: World) -> Path:
    return Path(world.kiosk.services.config.data_dir)


def test_bilan_behind_the_admin_pin_in_the_real_window(
    qtbot, world, sessions, tmp_path, screenshot_dir
):
    session = start_counter(args("run", "--data-dir", str(_data_dir(world))))
    sessions.append(session)
    window = session.window
    # no PIN, no report
    refused = Modal(PinDialog, cancel)
    window.report_action.trigger()
    assert refused.done and getattr(window, "report_dialog", None) is None
    pin = Modal(PinDialog, enter_pin(ADMIN_PIN))
    window.report_action.trigger()
    assert pin.done
    qtbot.waitUntil(lambda: getattr(window, "report_dialog", None) is not None, timeout=20_000)
    dialog = window.report_dialog
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    # this month, in the venue's timezone (Paris for the demo's venues)
    today = datetime.now(ZoneInfo("Europe/Paris")).date()
    assert dialog.period() == Period.month(today)
    # around today: the validations of this test, whatever the hour
    dialog.kind.setCurrentIndex(3)
    dialog.first.setDate(QDate(today.year, today.month, today.day).addDays(-1))
    dialog.last.setDate(QDate(today.year, today.month, today.day).addDays(1))
    with qtbot.waitSignal(dialog.shown, timeout=20_000):
        dialog.refresh()
    assert dialog.report.period == Period(today - timedelta(days=1), today + timedelta(days=1))
    rep = dialog.report
    # standing: reimbursed, awaiting ×2 (the unsent one went out when the window synced)
    assert rep.total.validations == 3 and rep.total.conflicts == 2
    assert "3 validations" in dialog.summary.text()
    assert dialog.days_view.chart().series() and dialog.categories_view.chart().series()
    staff = dialog.tables["staff"]
    assert {staff.item(r, 0).text() for r in range(staff.rowCount())} == {"Alice", "Bob"}
    cases = dialog.cases_table
    titles = {cases.item(r, 0).text() for r in range(cases.rowCount())}
    assert "Validée ici et remboursée" in titles and "Remboursée mais jamais validée ici" in titles
    actions = [
        dialog.lines_table.item(r, dialog.lines_table.columnCount() - 1).text()
        for r in range(dialog.lines_table.rowCount())
    ]
    assert all(actions)
    assert dialog.lines_table.horizontalHeaderItem(0).text() == "Situation"
    headers = [
        dialog.lines_table.horizontalHeaderItem(c).text()
        for c in range(dialog.lines_table.columnCount())
    ]
    assert "Bénéficiaire" not in headers  # no names unless asked
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        dialog.grab().save(str(screenshot_dir / f"ops-bilan-{i}.png"))
    image = QImage(str(screenshot_dir / "ops-bilan-0.png"))
    assert not image.isNull() and image.width() > 600
    # names on purpose, within the retention period
    dialog.kind.setCurrentIndex(0)  # one day: today
    dialog.first.setDate(QDate(today.year, today.month, today.day))
    dialog.names.setChecked(True)
    with qtbot.waitSignal(dialog.shown, timeout=20_000):
        dialog.refresh()
    assert dialog.report.names
    assert any(ln.youth for ln in dialog.report.lines)
    # far back: refused, said on screen
    dialog.kind.setCurrentIndex(3)
    dialog.first.setDate(dialog.first.date().addDays(-90))
    dialog.refresh()
    qtbot.waitUntil(dialog.error.isVisible, timeout=20_000)
    assert "durée de conservation" in dialog.error.text()
    dialog.names.setChecked(False)
    dialog.first.setDate(QDate(today.year, today.month, today.day).addDays(-1))
    with qtbot.waitSignal(dialog.shown, timeout=20_000):
        dialog.refresh()
    assert not dialog.report.names
    # the three exports from the screen
    for fmt in ("csv", "xlsx", "pdf"):
        out = tmp_path / f"bilan.{fmt}"
        with qtbot.waitSignal(dialog.exported, timeout=30_000) as sig:
            dialog.export_to(out, fmt)
        assert sig.args == [str(out)] and out.stat().st_size > 0
    assert (tmp_path / "bilan.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Par lieu" in load_workbook(tmp_path / "bilan.xlsx").sheetnames
    assert (tmp_path / "bilan.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils: tools/sysdeps.sh")
def test_kiosk_report_cli_writes_each_format_and_the_pdf_renders(
    world, tmp_path, capsys, screenshot_dir
):
    data = ["--data-dir", str(_data_dir(world))]
    today = datetime.now(UTC).date()
    span = ["--from", (today - timedelta(days=1)).isoformat()]
    span += ["--to", (today + timedelta(days=1)).isoformat()]
    for fmt in ("csv", "xlsx", "pdf"):
        out = tmp_path / f"r.{fmt}"
        assert run(["report", *span, "--format", fmt, "--out", str(out), "--json", *data]) == 0
        payload = json.loads(capsys.readouterr().out)
        assert payload["validations"] == 3 and payload["path"] == str(out)
        assert payload["cases"]["awaiting"] == 1
    text = (tmp_path / "r.csv").read_bytes().decode("utf-8-sig")
    assert "Rapprochement avec pass Culture" in text and ";" in text
    pages = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(tmp_path / "r.pdf"), str(pages)], check=True
    )
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) >= 2
    first = QImage(str(pngs[0]))
    assert first.width() > 400
    # the charts are drawn: the accent pink of the day bars is on the first page
    pink = sum(
        1
        for y in range(0, first.height(), 2)
        for x in range(0, first.width(), 2)
        if (c := first.pixelColor(x, y)).red() > 200 and c.green() < 60 and c.blue() > 90
    )
    assert pink > 20
    for p in pngs[:2]:
        shutil.copy(p, screenshot_dir / f"ops-bilan-pdf-{p.name}")
    # refusals: exit codes of the README
    bad = ["report", "--from", "2026-13-45", "--out", str(tmp_path / "x.csv"), *data]
    assert run(bad) == EXIT_USAGE
    assert "Date illisible" in capsys.readouterr().err
    names = ["report", "--from", "2020-01-01", "--to", today.isoformat(), "--names"]
    assert run([*names, "--out", str(tmp_path / "n.csv"), *data]) == EXIT_USAGE
    assert "durée de conservation" in capsys.readouterr().err
    assert run(["report", "--out", str(tmp_path / "x.doc"), *data]) == EXIT_USAGE
    unwritable = tmp_path / "no" / "such" / "dir" / "r.csv"
    assert run(["report", "--out", str(unwritable), *data]) == EXIT_ENV
    assert "n’a pas pu être écrit" in capsys.readouterr().err
    assert run(["report", "--out", str(tmp_path / "d.csv"), *data]) == EXIT_OK
    assert run(["report", "--lang", "en", "--out", str(tmp_path / "en.csv"), *data]) == EXIT_OK
    english = (tmp_path / "en.csv").read_bytes().decode("utf-8-sig")
    assert "Reconciliation with pass Culture" in english and "What to do" in english
