"""Shared helpers: a data dir with history, and ways to damage a database file for real."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.common import tokens
from kiosk.services.counter import Counter
from kiosk.store.backup import take_backup
from kiosk.store.database import DB_NAME, Database
from kiosk.store.types import to_db
from tests.fixtures.store import NOW, VENUE, FixedClock


@dataclass
class History:
    data_dir: Path
    tokens: list[str]
    before_backup: list[str] = field(default_factory=list)  # op ids in the backup
    after_backup: list[str] = field(default_factory=list)  # op ids only in the live file
    validated_after: list[str] = field(default_factory=list)  # their tokens

    @property
    def path(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def all_ops(self) -> list[str]:
        return self.before_backup + self.after_backup


def make_history(
    data_dir: Path, *, bookings: int = 3000, before: int = 4, after: int = 6, backup: bool = True
) -> History:
    """Bookings, validations, a backup, bookings pulled later, more validations; closed.
    The outbox page sits between the two booking batches, so the tail of the file (and pages
    in the middle of the first batch) hold only bookings."""
    toks = tokens(bookings + 10, seed=11)
    db = Database.open(data_dir)
    half = bookings // 2
    fast_bookings(db.path, toks[:half])
    counter = Counter(
        db, venue_ids=[VENUE], counter_name="Accueil", kiosk_id="k", clock=FixedClock()
    )
    h = History(data_dir, toks)
    for t in toks[:before]:
        h.before_backup.append(counter.validate(t, staff="Ana").op_id)
    fast_bookings(db.path, toks[half:bookings], first_id=half + 1)
    if backup:
        take_backup(db.path, data_dir)
    for t in toks[before : before + after]:
        h.after_backup.append(counter.validate(t, staff="Ana").op_id)
        h.validated_after.append(t)
    counter.close()
    db.dispose()  # the last connection checkpoints the WAL into the file
    return h


def fast_bookings(path: Path, toks: list[str], first_id: int = 1) -> None:
    """CONFIRMED bookings at VENUE, one per token, straight through sqlite3 (fast)."""
    created = to_db(NOW)
    con = sqlite3.connect(path)
    con.executemany(
        "INSERT INTO booking (id, token, token_source, status, quantity, price_cents, offer_id, "
        "offer_name, venue_id, venue_name, first_name, last_name, search_name, created_at) "
        "VALUES (?, ?, 'import', 'CONFIRMED', 1, 1000, 10, 'Le Petit Prince', ?, 'Librairie', "
        "'Léa', ?, ?, ?)",
        [
            (first_id + i, t, VENUE, f"Nom{first_id + i}", f"lea nom{first_id + i}", created)
            for i, t in enumerate(toks)
        ],
    )
    con.commit()
    con.close()


def pages_of(path: Path, table: str) -> list[int]:
    con = sqlite3.connect(path)
    try:
        try:
            rows = con.execute(
                "SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", (table,)
            ).fetchall()
        except sqlite3.OperationalError:  # python.org's Windows SQLite has no dbstat
            roots = con.execute(
                "SELECT rootpage FROM sqlite_schema WHERE name = ? UNION ALL "
                "SELECT 1 WHERE ? = 'sqlite_schema'",
                (table, table),
            ).fetchall()
            size = con.execute("PRAGMA page_size").fetchone()[0]
            data = path.read_bytes()
            return sorted(p for (root,) in roots for p in _btree_pages(data, size, root))
        return [r[0] for r in rows]
    finally:
        con.close()


def _btree_pages(data: bytes, size: int, page: int) -> list[int]:
    """The b-tree pages under `page` (file format: sqlite.org/fileformat.html#b_tree_pages)."""
    base = (page - 1) * size
    header = base + (100 if page == 1 else 0)
    kind = data[header]
    pages = [page]
    if kind in (0x02, 0x05):  # interior index / table page: left children, then the right-most
        cells = int.from_bytes(data[header + 3 : header + 5], "big")
        for i in range(cells):
            at = int.from_bytes(data[header + 12 + 2 * i : header + 14 + 2 * i], "big")
            child = int.from_bytes(data[base + at : base + at + 4], "big")
            pages += _btree_pages(data, size, child)
        pages += _btree_pages(data, size, int.from_bytes(data[header + 8 : header + 12], "big"))
    return pages


def page_size(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()


def overwrite_pages(path: Path, pages: list[int], seed: int = 3) -> None:
    """Random bytes over whole pages (a bad sector, a torn write)."""
    size = page_size(path)
    rng = random.Random(seed)
    with open(path, "r+b") as fh:
        for p in pages:
            fh.seek((p - 1) * size)
            fh.write(rng.randbytes(size))


def truncate_after_page(path: Path, last_page: int) -> None:
    size = page_size(path)
    with open(path, "r+b") as fh:
        fh.truncate(last_page * size)
