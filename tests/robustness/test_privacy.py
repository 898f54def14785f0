"""Privacy by default: nothing personal beyond names is stored, names of closed bookings are
erased after the retention period, and every file is the kiosk user's alone."""

from __future__ import annotations

import os
import re
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from kiosk.store import bookings, models, retention
from kiosk.store.backup import list_backups, take_backup
from kiosk.store.database import Database
from tests.fixtures.store import NOW, booking_row, insert_bookings
from tests.portable import WINDOWS, posix_only_modes, under_wine
from tests.unit.sync.conftest import VENUES


def _kiosk_files(data_dir: Path) -> list[Path]:
    return [p for p in data_dir.rglob("*") if p.is_file() and "sqlite3" in p.name]


def _personal_data(sandbox) -> dict[str, list[str]]:
    rows = sandbox.world.db.all(
        "SELECT user_first_name, user_last_name, user_email, user_phone, user_birth_date "
        f"FROM booking WHERE venue_id IN ({', '.join(str(v) for v in VENUES)})"
    )
    out: dict[str, list[str]] = {"names": [], "contact": []}
    for r in rows:
        out["names"] += [r[0], r[1]]
        out["contact"] += [v for v in (r[2], r[3], r[4]) if v]
    return out


def test_audit_table_has_no_name_column():
    cols = {c.name for c in models.Audit.__table__.columns}
    assert cols == {
        "id", "at", "action", "token", "booking_id", "op_id", "counter", "staff", "outcome",
        "detail",
    }  # fmt: skip


def test_full_sync_stores_no_email_phone_or_birth_date(make_kiosk, sandbox):
    kiosk = make_kiosk()
    summary = kiosk.engine.sync_once(full=True)
    assert summary.error is None and summary.pulled_bookings > 20
    data = _personal_data(sandbox)
    assert len(data["contact"]) > 40
    validated = [b for b in sandbox.bookings() if b["status"] == "CONFIRMED"][:3]
    for b in validated:
        kiosk.counter.validate(b["token"], staff="Ana")
    data_dir = kiosk.services.config.data_dir
    kiosk.services.backup_if_stale(timedelta(0))
    blobs = {p: p.read_bytes() for p in _kiosk_files(data_dir)}  # db, WAL, backup
    assert any(p.name.endswith("-wal") for p in blobs) and list_backups(data_dir)
    everything = b"".join(blobs.values())
    # The grep works: the names are there (the counter needs them for the ID check)...
    assert sum(n.encode() in everything for n in data["names"] if n) > 20
    # ...but no email, phone number or birth date, in any file.
    leaked = [v for v in data["contact"] if v.encode() in everything]
    assert leaked == []
    # The audit never holds a name.
    with kiosk.services.db.connect() as conn:
        audit_text = repr(conn.execute(select(models.Audit.__table__)).all())
    assert audit_text.count("'validate'") >= 3
    assert not [n for n in data["names"] if n and len(n) > 3 and n in audit_text]


def test_closed_bookings_lose_their_names_after_the_retention_period(db):
    rows = [
        booking_row(1, "AAAAA2", status="USED"),  # closed 40 days ago
        booking_row(2, "AAAAA3", status="CANCELLED"),  # closed 10 days ago
        booking_row(3, "AAAAA4"),  # still to collect
        booking_row(4, "AAAAA5", status="REIMBURSED"),  # closed 40 days ago
    ]
    clean = [{k: v for k, v in r.items() if k != "_token"} for r in rows]
    with db.connect_writer() as conn, conn.begin():
        bookings.upsert(conn, [r for r in clean if r["id"] in (1, 4)], NOW - timedelta(days=40))
        bookings.upsert(conn, [r for r in clean if r["id"] == 2], NOW - timedelta(days=10))
        bookings.upsert(conn, [r for r in clean if r["id"] == 3], NOW - timedelta(days=40))
    assert retention.purge(db, NOW, days=30) == 2
    assert retention.purge(db, NOW, days=30) == 0  # idempotent
    names = _names(db)
    assert names[1] == names[4] == (None, None, None)
    assert names[2] == names[3] == ("Léa", "Martin", "lea martin")

    # A later pull of the same closed bookings does not bring the names back...
    insert_bookings(db, rows)
    assert _names(db)[1] == (None, None, None)
    # ...unless the booking is open again (un-validated at the server): the counter needs them.
    with db.connect_writer() as conn, conn.begin():
        bookings.upsert(conn, [{**clean[0], "status": "CONFIRMED"}], NOW)
    assert _names(db)[1] == ("Léa", "Martin", "lea martin")


def test_a_booking_validated_here_counts_from_its_use(db, counter, clock):
    insert_bookings(db, [booking_row(1, "AAAAA2")])
    counter.validate("AAAAA2")
    clock.advance(days=31)
    assert retention.purge(db, clock(), days=30) == 1


def _names(db: Database) -> dict[int, tuple]:
    t = bookings.T
    with db.connect() as conn:
        rows = conn.execute(select(t.c.id, t.c.first_name, t.c.last_name, t.c.search_name))
        return {r[0]: tuple(r[1:]) for r in rows}


def test_purge_runs_at_start(data_dir, make_kiosk, sandbox):
    kiosk = make_kiosk()
    kiosk.engine.sync_once(full=True)
    data_dir = kiosk.services.config.data_dir
    with kiosk.services.db.connect() as conn:
        closed = conn.execute(
            select(bookings.T.c.id).where(bookings.T.c.status.in_(["USED", "CANCELLED"]))
        ).all()
    assert closed
    kiosk.services.close()
    from kiosk.platform.config import Config
    from kiosk.services.wiring import open_services

    later = lambda: NOW.replace(year=2099)  # noqa: E731
    services = open_services(Config(data_dir=data_dir, venue_ids=VENUES), clock=later)
    try:
        with services.db.connect() as conn:
            named = conn.execute(
                select(bookings.T.c.id).where(
                    bookings.T.c.id.in_([c[0] for c in closed]),
                    bookings.T.c.first_name.is_not(None),
                )
            ).all()
        assert named == []
    finally:
        services.close()


@posix_only_modes
def test_files_are_private_even_with_a_loose_umask(data_dir):
    old = os.umask(0o022)
    try:
        data_dir.chmod(0o755)
        db = Database.open(data_dir)
        insert_bookings(db, [booking_row(1, "AAAAA2")])
        take_backup(db.path, data_dir)
        with db.connect() as conn:  # WAL and SHM exist while a connection is open
            conn.exec_driver_sql("SELECT 1")
            files = [p for p in data_dir.rglob("*") if p.is_file()]
            assert {p.name for p in files} >= {"kiosk.sqlite3", "kiosk.sqlite3-wal"}
            for p in files:
                assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
        for d in (data_dir, data_dir / "backups"):
            assert stat.S_IMODE(d.stat().st_mode) == 0o700, d
        db.dispose()
    finally:
        os.umask(old)


@pytest.mark.skipif(not WINDOWS, reason="Windows ACLs; POSIX modes: the test above")
def test_files_are_private_on_windows(data_dir):
    """Permission bits mean nothing on Windows: the data dir's DACL lets in its user alone (and
    the system), protected from the parent's, and everything in it inherits it."""
    if under_wine():
        pytest.skip("Wine keeps no file ACLs (it maps them to Unix modes): real Windows only")
    from kiosk.store import acl

    db = Database.open(data_dir)
    insert_bookings(db, [booking_row(1, "AAAAA2")])
    take_backup(db.path, data_dir)
    allowed = {acl.current_user_sid(), "SY", acl.SYSTEM_SID}
    with db.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
        sddl = acl.dacl_sddl(data_dir)
        assert sddl.startswith("D:P"), sddl  # protected: nothing inherited from the parent
        for p in [data_dir, *data_dir.rglob("*")]:
            sddl = acl.dacl_sddl(p)
            sids = set(re.findall(r";;;([^)]+)\)", sddl))
            assert sids and sids <= allowed, (p, sddl)
    db.dispose()


def test_schema_inspection_matches_models(db):
    with db.connect() as conn:
        assert "email" not in repr(inspect(conn).get_columns("booking"))


def test_the_catalogue_never_reads_bookings(make_kiosk, sandbox):
    """The youth-facing catalogue: every table any of its queries touches is recorded by an
    SQLite authorizer on its connection; `booking` is never among them."""
    import sqlite3

    from kiosk.services.catalogue import Catalogue, Query, Sort

    kiosk = make_kiosk()
    assert kiosk.engine.sync_once(full=True).error is None
    catalogue = Catalogue(kiosk.services.db)
    touched: set[str] = set()

    def authorizer(action, arg1, arg2, _db, _trigger):
        if action == sqlite3.SQLITE_READ and arg1:
            touched.add(arg1)
        return sqlite3.SQLITE_OK

    catalogue.reader.connection().set_authorizer(authorizer)
    try:
        results = []
        for q in (Query(), Query(text="le"), Query(text="concert"), Query(sort=list(Sort)[-1])):
            results.append(catalogue.search(q))
        catalogue.category_counts()
        catalogue.venues()
        found = [o for r in results for o in r.offers][:5]
        assert found
        for o in found:
            assert catalogue.offer(o.id) is not None
    finally:
        catalogue.close()
    assert "offer" in touched
    assert "booking" not in touched
