"""A start after a clean shutdown skips the whole-file check and runs it after the window's
first paint; after a crash the check runs first, as before (kiosk.store.health CLEAN_MARK)."""

from __future__ import annotations

from kiosk.platform.config import Config
from kiosk.services.wiring import open_services
from kiosk.store.health import CLEAN_MARK, mark_clean, quick_check
from tests.fixtures.store import VENUE
from tests.robustness.helpers import make_history, overwrite_pages, pages_of


def _open(data_dir, *, window: bool):
    # The window defers housekeeping (and so the check) to after its first paint.
    cfg = Config(data_dir=data_dir, venue_ids=(VENUE,), kiosk_id="k")
    return open_services(cfg, housekeeping=not window)


def _damage(h) -> None:
    pages = pages_of(h.path, "booking")
    overwrite_pages(h.path, pages[len(pages) // 3 : len(pages) // 3 + 4])
    assert quick_check(h.path) != ["ok"]


def test_clean_shutdown_leaves_the_mark_and_the_start_takes_it(data_dir):
    services = _open(data_dir, window=True)
    assert services.check_deferred is False  # a first start: no mark, checked at once
    services.close()
    assert (data_dir / CLEAN_MARK).exists()
    services = _open(data_dir, window=True)
    try:
        assert services.check_deferred is True
        assert not (data_dir / CLEAN_MARK).exists()  # a crash from now on leaves none
        services.housekeeping()
        assert services.check_deferred is False and services.damaged is None
    finally:
        services.close()
    assert (data_dir / CLEAN_MARK).exists()


def test_damage_after_a_clean_shutdown_is_found_after_start_and_repaired_next(data_dir):
    h = make_history(data_dir)
    mark_clean(data_dir)
    _damage(h)
    services = _open(data_dir, window=True)
    try:
        assert services.recovery is None  # not checked on the way to the window
        services.housekeeping()  # what the window runs after its first paint
        assert services.damaged is not None
        assert "redémarrez" in services.damaged.text()
        assert "restart" in services.damaged.text("en")
    finally:
        services.close()
    assert not (data_dir / CLEAN_MARK).exists()  # damaged: no clean mark
    again = _open(data_dir, window=True)
    try:
        assert again.recovery is not None and again.recovery.restored_from is not None
        assert again.db.integrity_check() == ["ok"]
    finally:
        again.close()


def test_after_a_crash_the_check_runs_before_anything(data_dir):
    h = make_history(data_dir)  # no mark: as after a power cut
    _damage(h)
    services = _open(data_dir, window=True)
    try:
        assert services.recovery is not None and services.check_deferred is False
    finally:
        services.close()


def test_the_cli_always_checks_at_open(data_dir):
    h = make_history(data_dir)
    mark_clean(data_dir)
    _damage(h)
    services = _open(data_dir, window=False)
    try:
        assert services.recovery is not None
    finally:
        services.close()
