"""Helpers to drive the real entry points (`kiosk run`, `kiosk demo`) in-process.

Modal dialogs (wizard, PIN, settings, staff switch) run their own event loop inside the entry
point; `Modal` answers them from a timer that fires inside that loop.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from kiosk.main import build_parser
from kiosk.platform import config as config_mod
from kiosk.platform.config import Config
from kiosk.platform.secrets import save_api_key
from kiosk.services.security import Security
from kiosk.services.staff import StaffService
from kiosk.store import models
from kiosk.store.database import Database

ADMIN_PIN = "482913"
DEAD_SERVER = "http://127.0.0.1:9"  # nothing listens: the counter works offline


class Modal:
    """Calls `step(dialog)` every few ms while a modal `cls` is the active modal widget, until
    it returns True. Past `timeout_s` the dialog is rejected so a failing test cannot hang."""

    def __init__(
        self, cls: type[QWidget], step: Callable[[Any], bool | None], timeout_s: float = 60
    ) -> None:
        self.cls, self.step = cls, step
        self.dialogs: list[Any] = []
        self.done = False
        self.timed_out = False
        self._deadline = time.monotonic() + timeout_s
        self.timer = QTimer()
        self.timer.setInterval(25)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        w = QApplication.activeModalWidget()
        if not isinstance(w, self.cls):
            return
        if w not in self.dialogs:
            self.dialogs.append(w)
        if time.monotonic() > self._deadline:
            self.timed_out = True
            self.timer.stop()
            w.reject()
            return
        if self.step(w):
            self.done = True
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()


def args(*argv: str) -> Any:
    return build_parser().parse_args(list(argv))


def configure(
    data_dir: Path,
    *,
    url: str = DEAD_SERVER,
    key: str = "test-key",
    venues: tuple[int, ...] = (100,),
    admin_pin: str | None = ADMIN_PIN,
    staff: tuple[tuple[str, str], ...] = (),
    rows: list[dict[str, Any]] | None = None,
    **over: Any,
) -> Config:
    """A data dir as the wizard leaves it (config, key, admin PIN, staff), plus bookings."""
    cfg = Config(data_dir=data_dir, api_url=url, venue_ids=venues, counter_name="Accueil")
    for k, v in over.items():
        setattr(cfg, k, v)
    config_mod.save(cfg)
    save_api_key(data_dir, key)
    db = Database.open(data_dir)
    try:
        security = Security(db)
        if admin_pin:
            security.set_admin_pin(admin_pin)
        for name, pin in staff:
            StaffService(db, security).add(name, pin)
        if rows:
            from tests.fixtures.store import insert_bookings

            insert_bookings(db, rows)
    finally:
        db.dispose()
    return cfg


def outbox_rows(db: Database, token: str) -> list[Any]:
    t = models.Outbox.__table__
    with db.connect() as conn, conn.begin():
        return list(conn.execute(select(t.c.kind, t.c.staff, t.c.state).where(t.c.token == token)))


def enter_pin(pin: str) -> Callable[[Any], bool]:
    def step(dialog: Any) -> bool:
        dialog.pad.field.setText(pin)
        dialog.ok_button.click()
        return True

    return step


def cancel(dialog: Any) -> bool:
    dialog.reject()
    return True


def wait_idle(qtbot: Any, window: Any, timeout: int = 15_000) -> None:
    qtbot.waitUntil(
        lambda: window.tasks.pending == 0 and not window.screen.card_pending, timeout=timeout
    )
