"""A damaged database is set aside, the last good backup restored, no validation lost."""

from __future__ import annotations

import os
import stat

import pytest

from kiosk.domain.verdict import VerdictKind
from kiosk.platform.config import Config
from kiosk.services.wiring import open_services
from kiosk.store import outbox
from kiosk.store.backup import list_backups, newest_good, take_backup
from kiosk.store.database import DB_NAME, Database
from kiosk.store.errors import DatabaseCorrupt
from kiosk.store.health import quick_check
from tests.fixtures.store import VENUE
from tests.portable import NO_MODES, WINDOWS
from tests.robustness.helpers import (
    make_history,
    overwrite_pages,
    pages_of,
    truncate_after_page,
)


def _open(data_dir):
    return open_services(Config(data_dir=data_dir, venue_ids=(VENUE,), kiosk_id="k"))


def _op_ids(services) -> list[str]:
    with services.db.connect() as conn:
        return [op.op_id for op in outbox.all_ops(conn)]


def _assert_recovered(services, history) -> None:
    ids = _op_ids(services)
    assert sorted(ids) == sorted(history.all_ops), "lost or doubled operations"
    assert services.db.integrity_check() == ["ok"]
    for token in history.validated_after:  # the booking in the backup predates them
        assert services.counter.check(token).verdict.kind is VerdictKind.ALREADY_USED
    with services.db.connect() as conn:
        assert len(outbox.pending(conn)) == len(history.all_ops)
    [notice] = services.notices
    assert "endommagée" in notice.text() and "restaurée" in notice.text()


def test_pages_overwritten_in_the_middle(data_dir):
    h = make_history(data_dir)
    booking_pages = pages_of(h.path, "booking")
    middle = booking_pages[len(booking_pages) // 3 : len(booking_pages) // 3 + 4]
    overwrite_pages(h.path, middle)
    assert quick_check(h.path) != ["ok"]

    services = _open(data_dir)
    try:
        report = services.recovery
        assert report is not None and report.restored_from is not None
        assert report.recovered_ops == len(h.after_backup) and report.unreadable_rows == 0
        _assert_recovered(services, h)
        aside = list(data_dir.glob(f"{DB_NAME}.corrupt-*"))
        assert aside and report.moved_to in aside
        assert "6 validations récentes ont été récupérées" in services.notices[0].text()
    finally:
        services.close()

    # Recovered once: the next start is a normal one, nothing recovered twice.
    again = _open(data_dir)
    try:
        assert again.recovery is None and again.notices == []
        assert sorted(_op_ids(again)) == sorted(h.all_ops)
    finally:
        again.close()


def test_truncated_file(data_dir):
    h = make_history(data_dir)
    # The schema, outbox and audit pages survive; the bookings pulled later are cut off.
    keep = max(pages_of(h.path, "sqlite_schema") + pages_of(h.path, "outbox"))
    keep = max(keep, *pages_of(h.path, "audit"), *pages_of(h.path, "stock"))
    booking_pages = pages_of(h.path, "booking")
    assert max(booking_pages) > keep + 20
    truncate_after_page(h.path, (keep + max(booking_pages)) // 2)
    services = _open(data_dir)
    try:
        assert services.recovery is not None
        _assert_recovered(services, h)
    finally:
        services.close()


def test_header_destroyed_restores_backup_and_says_to_check_the_portal(data_dir):
    h = make_history(data_dir)
    with open(h.path, "r+b") as fh:
        fh.write(b"\0" * 4096)  # page 1: header and schema gone, nothing can be read
    services = _open(data_dir)
    try:
        report = services.recovery
        assert report is not None and report.salvage_error
        assert sorted(_op_ids(services)) == sorted(h.before_backup)  # nothing doubled
        assert "portail" in services.notices[0].text()
    finally:
        services.close()


def test_no_backup_starts_fresh_with_the_operations(data_dir):
    h = make_history(data_dir, backup=False)
    pages = pages_of(h.path, "booking")
    overwrite_pages(h.path, pages[5:9])
    services = _open(data_dir)
    try:
        report = services.recovery
        assert report is not None and report.restored_from is None
        assert sorted(_op_ids(services)) == sorted(h.all_ops)
        assert report.pending_ops == len(h.all_ops)
        assert "aucune sauvegarde" in services.notices[0].text()
    finally:
        services.close()


def test_damaged_backup_is_skipped(data_dir):
    h = make_history(data_dir)
    older = list_backups(data_dir)[0]
    db = Database.open(data_dir)
    newer = take_backup(db.path, data_dir)
    db.dispose()
    overwrite_pages(newer.path, [3, 4])
    assert newest_good(data_dir) == older
    overwrite_pages(h.path, pages_of(h.path, "booking")[10:12])
    services = _open(data_dir)
    try:
        assert services.recovery.restored_from == older
        assert sorted(_op_ids(services)) == sorted(h.all_ops)
    finally:
        services.close()


def test_backups_rotate_and_are_private(data_dir):
    db = Database.open(data_dir)
    from datetime import UTC, datetime, timedelta

    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(8):
        take_backup(db.path, data_dir, now=t0 + timedelta(hours=i), keep=5)
    db.dispose()
    kept = list_backups(data_dir)
    assert [b.taken_at for b in kept] == [t0 + timedelta(hours=i) for i in (7, 6, 5, 4, 3)]
    assert not list((data_dir / "backups").glob("*.tmp"))
    if WINDOWS:
        pytest.skip(NO_MODES)
    for b in kept:
        assert stat.S_IMODE(os.stat(b.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(data_dir / "backups").st_mode) == 0o700


def test_a_stale_temporary_backup_is_never_restored(data_dir):
    h = make_history(data_dir)
    (data_dir / "backups" / "kiosk-20990101T000000000000Z.sqlite3.tmp").write_bytes(b"half")
    overwrite_pages(h.path, pages_of(h.path, "booking")[10:12])
    services = _open(data_dir)
    try:
        assert services.recovery.restored_from.path.suffix == ".sqlite3"
    finally:
        services.close()


def test_clean_shutdown_takes_a_backup(data_dir):
    services = _open(data_dir)
    services.close()
    assert len(list_backups(data_dir)) == 1
    services = _open(data_dir)
    services.close()  # a fresh backup exists: not taken again
    assert len(list_backups(data_dir)) == 1


def test_damage_found_while_running_is_reported_not_validated(data_dir):
    h = make_history(data_dir)
    db = Database.open(data_dir)
    from kiosk.services.counter import Counter

    counter = Counter(db, venue_ids=[VENUE])
    # Pages of the booking table's token index go bad under the running kiosk.
    overwrite_pages(h.path, pages_of(h.path, "ix_booking_token") + pages_of(h.path, "booking"))
    with pytest.raises(DatabaseCorrupt) as err:
        counter.validate(h.tokens[20])
    assert "endommagée" in err.value.message
    counter.close()
    db.dispose()
