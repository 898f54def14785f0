"""A damaged database: move it aside, restore the last good backup, recover the operations.

Validations recorded since the backup live only in the damaged file's outbox: they are read row
by row (tolerating unreadable pages) and re-inserted, keyed by `op_id` so nothing is doubled.
The booking cache is re-pulled at the next sync. Staff get a message (a catalogue `Phrase`)
saying what happened and what to check.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.domain.booking import BookingStatus
from kiosk.domain.texts import Phrase
from kiosk.store import bookings, models
from kiosk.store.backup import FILE_MODE, BackupFile, newest_good
from kiosk.store.database import Database
from kiosk.store.types import to_db

log = logging.getLogger("kiosk.store.recovery")

DB_NAME = "kiosk.sqlite3"
SIDE_FILES = ("-wal", "-shm")
OUTBOX_COLUMNS = [c.name for c in models.table(models.Outbox).columns]
AUDIT_COLUMNS = [c.name for c in models.table(models.Audit).columns]
_STATES = {"pending", "done", "conflict"}
_KINDS = {"use", "keep"}
MAX_PROBE = 500_000  # rowids probed one by one past unreadable pages


@dataclass
class RecoveryReport:
    moved_to: Path
    restored_from: BackupFile | None
    recovered_ops: int = 0  # operations re-inserted from the damaged file
    updated_ops: int = 0  # operations whose later state (done, conflict) was recovered
    pending_ops: int = 0  # operations still to send after recovery
    unreadable_rows: int = 0  # outbox rows that could not be read (rowid gaps)
    salvage_error: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def phrase(self) -> Phrase:
        """What happened and what to do, for staff: the UI says it in its language."""
        if self.restored_from is not None:
            what = Phrase.of("recovery.restored", at=self.restored_from.taken_at.astimezone())
        else:
            what = Phrase.of("recovery.fresh")
        n = self.recovered_ops
        if self.unreadable_rows or self.salvage_error:
            saved = Phrase.of("recovery.partly_lost", n=n)
        elif n:
            saved = Phrase.of("recovery.saved_many" if n > 1 else "recovery.saved_one", n=n)
        else:
            saved = Phrase.of("recovery.none_lost")
        return Phrase.of("recovery.notice", what=what, saved=saved, then=Phrase.of("recovery.then"))

    @property
    def message(self) -> str:
        """The same, in French (logs, CLI)."""
        return self.phrase.text()


def recover(data_dir: Path, *, now: datetime | None = None) -> RecoveryReport:
    """Move the damaged database aside, restore the newest good backup (or start empty), and
    re-insert the operations read from the damaged file. Call with the data-dir lock held and
    no connection open on the database."""
    data_dir = Path(data_dir)
    now = now or datetime.now(UTC)
    path = data_dir / DB_NAME
    aside = data_dir / f"{DB_NAME}.corrupt-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    for suffix in ("", *SIDE_FILES):
        src = Path(str(path) + suffix)
        if src.exists():
            os.replace(src, Path(str(aside) + suffix))
    log.error("damaged database moved aside to %s", aside.name)

    good = newest_good(data_dir)
    if good is not None:
        tmp = data_dir / (DB_NAME + ".restoring")
        shutil.copyfile(good.path, tmp)
        os.chmod(tmp, FILE_MODE)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        log.warning("restored backup %s", good.path.name)
    report = RecoveryReport(moved_to=aside, restored_from=good)

    # Bring the restored (or a fresh) file to the current schema before writing into it.
    db = Database.open(data_dir, check=None)
    db.dispose()
    ops: dict[int, dict[str, Any]] = {}
    audits: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="kiosk-salvage-") as tmpdir:
        copy = Path(tmpdir) / DB_NAME
        for suffix in ("", "-wal"):  # a copy: the file set aside stays as it was, for support
            src = Path(str(aside) + suffix)
            if src.exists():
                shutil.copyfile(src, Path(str(copy) + suffix))
        try:
            ops, gaps = salvage_rows(copy, "outbox", OUTBOX_COLUMNS)
            report.unreadable_rows = gaps
            audits, _ = salvage_rows(copy, "audit", AUDIT_COLUMNS)
        except sqlite3.Error as exc:
            report.salvage_error = str(exc)
            log.error("could not read the damaged outbox: %s", exc)
    _merge(path, report, [r for r in ops.values() if _plausible_op(r)], audits.values())
    return report


def salvage_rows(
    path: Path, table: str, columns: list[str]
) -> tuple[dict[int, dict[str, Any]], int]:
    """Every row of `table` that can still be read, by rowid; and how many rowids below the
    highest one seen could not be read. Raises sqlite3.Error if the table cannot be found."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA query_only=ON")
    conn.execute("PRAGMA writable_schema=ON")  # a truncated file: read the pages that remain
    cols = ", ".join(columns)
    rows: dict[int, dict[str, Any]] = {}
    try:
        conn.execute(f"SELECT 1 FROM {table} LIMIT 0").fetchall()  # the schema is readable
        for order in ("ASC", "DESC"):  # a bad page in the middle: read up to it from each end
            try:
                for r in conn.execute(f"SELECT rowid, {cols} FROM {table} ORDER BY rowid {order}"):
                    rows[r[0]] = dict(zip(columns, r[1:], strict=True))
            except sqlite3.Error:
                pass
        top = max(rows, default=0)
        with contextlib.suppress(sqlite3.Error):
            seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,))
            top = max(top, (seq.fetchone() or (0,))[0] or 0)
        gaps = 0
        for rowid in range(1, min(top, MAX_PROBE) + 1):
            if rowid in rows:
                continue
            try:
                r = conn.execute(
                    f"SELECT rowid, {cols} FROM {table} WHERE rowid = ?", (rowid,)
                ).fetchone()
            except sqlite3.Error:
                r = None
            if r is None:
                gaps += 1
            else:
                rows[r[0]] = dict(zip(columns, r[1:], strict=True))
        return rows, gaps
    finally:
        conn.close()


def _plausible_op(row: dict[str, Any]) -> bool:
    """A damaged page may still parse: keep only rows that look like real operations."""
    try:
        datetime.fromisoformat(row["created_at"])
    except (TypeError, ValueError):
        return False
    return (
        isinstance(row["op_id"], str)
        and len(row["op_id"]) == 36
        and row["kind"] in _KINDS
        and row["state"] in _STATES
        and isinstance(row["token"], str)
        and 1 <= len(row["token"]) <= 6
    )


def _merge(
    path: Path,
    report: RecoveryReport,
    ops: list[dict[str, Any]],
    audits: Iterable[dict[str, Any]],
) -> None:
    """Re-insert missing operations (and their audit rows) into the restored database; a
    recovered later state (done, conflict) wins over the backup's older one."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("BEGIN IMMEDIATE")
        known = {op_id: state for op_id, state in conn.execute("SELECT op_id, state FROM outbox")}
        fields = [c for c in OUTBOX_COLUMNS if c != "id"]
        for row in sorted(ops, key=lambda r: r["created_at"]):
            values = [row[c] for c in fields]
            if row["op_id"] not in known:
                conn.execute(
                    f"INSERT INTO outbox ({', '.join(fields)}) "
                    f"VALUES ({', '.join('?' for _ in fields)})",
                    values,
                )
                report.recovered_ops += 1
                if row["state"] != "conflict":
                    _apply_to_booking(conn, row)
            elif known[row["op_id"]] == "pending":  # states only move on: the damaged file's
                # row is as new or newer (attempts, ambiguous, settled)
                sets = ", ".join(f"{c} = ?" for c in fields)
                conn.execute(f"UPDATE outbox SET {sets} WHERE op_id = ?", [*values, row["op_id"]])
                report.updated_ops += known[row["op_id"]] != row["state"]
        top = conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
        acols = [c for c in AUDIT_COLUMNS if c != "id"]
        for a in sorted((a for a in audits if _audit_id(a) > top), key=_audit_id):
            conn.execute(
                f"INSERT INTO audit ({', '.join(acols)}) VALUES ({', '.join('?' for _ in acols)})",
                [a[c] for c in acols],
            )
        # The cache is older than the server now: walk every booking again at the next sync.
        conn.execute(
            "DELETE FROM sync_state WHERE key LIKE 'cursor.%' OR key = 'bookings_pulled_at'"
        )
        conn.execute(
            "INSERT INTO audit (at, action, outcome, detail) VALUES (?, 'recovery', ?, ?)",
            (
                to_db(datetime.now(UTC)),
                "restored" if report.restored_from else "fresh",
                f"{report.recovered_ops} recovered, {report.unreadable_rows} unreadable",
            ),
        )
        report.pending_ops = conn.execute(
            "SELECT count(*) FROM outbox WHERE state = 'pending'"
        ).fetchone()[0]
        conn.execute("COMMIT")
    finally:
        conn.close()


def _audit_id(row: dict[str, Any]) -> int:
    return row["id"] if isinstance(row.get("id"), int) else 0


def _apply_to_booking(conn: sqlite3.Connection, op: dict[str, Any]) -> None:
    """The backup's booking predates the operation: show it used (or not) as recorded."""
    if op["booking_id"] is None:
        return
    if op["kind"] == "use":
        bookings.set_use_state_raw(
            conn,
            op["booking_id"],
            BookingStatus.USED,
            used_at=op["created_at"],
            used_counter=op["counter"],
            used_staff=op["staff"],
        )
    else:
        bookings.set_use_state_raw(conn, op["booking_id"], BookingStatus.CONFIRMED)
