"""A full disk stops new validations with a clear message, never a silent loss; it recovers
when space returns."""

from __future__ import annotations

import contextlib
import errno
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import event

from benchmarks.common import tokens
from kiosk.domain.verdict import VerdictKind
from kiosk.services.counter import Counter
from kiosk.store import audit, bookings, outbox
from kiosk.store.database import Database
from kiosk.store.errors import StorageFull
from tests.fixtures.store import VENUE, FixedClock
from tests.portable import ROOT_USER
from tests.robustness.helpers import fast_bookings


def _counts(db: Database) -> tuple[int, int]:
    with db.connect() as conn:
        ops = len(outbox.all_ops(conn))
        audits = len(audit.since(conn, FixedClock().now.replace(year=2000)))
    return ops, audits


def _validate_until_full(counter: Counter, toks: list[str]) -> tuple[list[str], str, str]:
    """Validate tokens until the disk is full; returns the validated ones, the token whose
    validation failed, and the message."""
    done = []
    for t in toks:
        try:
            result = counter.validate(t, staff="Ana")
        except StorageFull as exc:
            return done, t, exc.message
        assert result.verdict.kind is VerdictKind.VALIDATED
        done.append(t)
    raise AssertionError("the disk never filled up")


def _assert_no_silent_loss(db: Database, done: list[str], failed: str) -> None:
    with db.connect() as conn:
        recorded = {op.token for op in outbox.all_ops(conn)}
        assert recorded == set(done)
        assert bookings.by_token(conn, failed).status.value == "CONFIRMED"
    ops, audits = _counts(db)
    assert ops == audits == len(done)  # state, outbox and audit written together or not at all


def test_database_full_stops_validations_then_recovers(data_dir):
    db = Database.open(data_dir)
    toks = tokens(400, seed=5)
    fast_bookings(db.path, toks)
    limit = {"pages": 0}

    @event.listens_for(db.engine, "connect")
    def _cap(dbapi_conn, _record):  # SQLite then answers "database or disk is full"
        dbapi_conn.execute(f"PRAGMA max_page_count = {limit['pages']}")

    with db.connect() as conn:
        limit["pages"] = conn.exec_driver_sql("PRAGMA page_count").scalar() + 1
    db.engine.dispose()  # new connections get the cap
    counter = Counter(db, venue_ids=[VENUE], counter_name="Accueil", clock=FixedClock())
    done, failed, message = _validate_until_full(counter, toks)
    assert done and message.startswith("Le disque est plein")
    assert "n'a pas été enregistrée" in message
    # Checks still work while full (reads only) and say the truth.
    assert counter.check(done[0]).verdict.kind is VerdictKind.ALREADY_USED
    assert counter.check(failed).verdict.kind is VerdictKind.VALIDABLE
    _assert_no_silent_loss(db, done, failed)

    limit["pages"] = 1_000_000  # space returns
    counter.close()
    db.engine.dispose()
    assert counter.validate(failed).verdict.kind is VerdictKind.VALIDATED
    counter.close()
    db.dispose()


@contextlib.contextmanager
def _small_tmpfs(where: Path, size: str):
    where.mkdir()
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _fill(directory: Path) -> Path:
    filler = directory / f"filler-{uuid.uuid4().hex}"
    with open(filler, "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


@pytest.mark.skipif(not ROOT_USER, reason="mounting a tmpfs needs root on Linux")
def test_real_full_disk_on_a_small_tmpfs(tmp_path):
    with _small_tmpfs(tmp_path / "mnt", "3m") as mnt:
        data_dir = mnt / "data"
        db = Database.open(data_dir)
        toks = tokens(300, seed=9)
        fast_bookings(db.path, toks)
        counter = Counter(db, venue_ids=[VENUE], counter_name="Accueil", clock=FixedClock())
        counter.validate(toks[0])  # connections open, WAL exists
        filler = _fill(mnt)
        done, failed, message = _validate_until_full(counter, toks[1:])
        assert message.startswith("Le disque est plein")
        filler.unlink()  # space returns: the same running counter carries on
        assert counter.validate(failed).verdict.kind is VerdictKind.VALIDATED
        counter.close()
        db.dispose()
        db = Database.open(data_dir)
        with db.connect() as conn:
            assert {op.token for op in outbox.all_ops(conn)} == {toks[0], *done, failed}
        assert db.integrity_check() == ["ok"]
        db.dispose()


def _remount(where: Path, mode: str) -> None:
    proc = subprocess.run(
        ["mount", "-o", f"remount,{mode}", str(where)], capture_output=True, check=False
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot remount {mode} here: {proc.stderr.decode().strip()}")


@pytest.mark.skipif(not ROOT_USER, reason="mounting a tmpfs needs root on Linux")
def test_opening_on_a_read_only_disk_is_a_clear_refusal(tmp_path, capsys):
    """A data dir on a read-only mount (even root cannot write there): one French sentence."""
    from kiosk.main import run

    with _small_tmpfs(tmp_path / "mnt", "8m") as mnt:
        Database.open(mnt / "data").dispose()
        _remount(mnt, "ro")
        try:
            code = run(["validate", "ABC234", "--data-dir", str(mnt / "data")])
        finally:
            _remount(mnt, "rw")
    err = capsys.readouterr().err
    assert code == 3
    assert "lecture seule" in err and "Traceback" not in err
