"""The demo world: deterministic, fast, shaped like the real bookings."""

from __future__ import annotations

import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from kiosk.sandbox.clock import Clock
from kiosk.sandbox.db import Database
from kiosk.sandbox.seed import ean_check_digit, seed_world
from kiosk.sandbox.world import BookingFilters, World

NOW = datetime(2026, 3, 10, 15, 30, tzinfo=UTC)


def _dump(path: Path, seed_value: int) -> list[tuple[object, ...]]:
    db = Database(path)
    seed_world(db, "demo", NOW, seed_value)
    rows = [tuple(row) for row in db.all("SELECT * FROM booking ORDER BY id")]
    rows += [tuple(row) for row in db.all("SELECT * FROM offer ORDER BY id LIMIT 500")]
    db.close()
    return rows


def test_same_seed_same_world(tmp_path: Path) -> None:
    first = _dump(tmp_path / "a.sqlite3", 1)
    assert first == _dump(tmp_path / "b.sqlite3", 1)
    assert first != _dump(tmp_path / "c.sqlite3", 2)


def test_seed_is_fast_and_shaped_like_reality(tmp_path: Path) -> None:
    db = Database(tmp_path / "w.sqlite3")
    start = time.perf_counter()
    seed_world(db, "demo", NOW, 1)
    assert time.perf_counter() - start < 3
    world = World(db, Clock(NOW))
    bookings = world.bookings(1, BookingFilters(limit=None))
    assert 300 <= len(bookings) <= 2000
    groups = Counter(
        "book"
        if row["subcategory_id"] in ("LIVRE_PAPIER", "ABO_LIVRE_NUMERIQUE")
        else "music"
        if row["subcategory_id"].startswith(("SUPPORT_PHYSIQUE_MUSIQUE", "LIVESTREAM_MUSIQUE"))
        else "video"
        if row["subcategory_id"] in ("VOD", "ABO_PLATEFORME_VIDEO")
        else "concert"
        if row["subcategory_id"] in ("CONCERT", "FESTIVAL_MUSIQUE")
        else "art"
        if row["subcategory_id"] == "ATELIER_PRATIQUE_ART"
        else "other"
        for row in bookings
    )
    share = {group: count / len(bookings) for group, count in groups.items()}
    assert 0.48 < share["book"] < 0.62
    assert 0.08 < share["music"] < 0.16
    assert 0.06 < share["video"] < 0.14
    assert 0.05 < share["concert"] < 0.12
    assert 0.02 < share["art"] < 0.07
    statuses = Counter(row["status"] for row in bookings)
    assert all(statuses[s] > 20 for s in ("CONFIRMED", "USED", "CANCELLED", "REIMBURSED"))
    assert any(row["quantity"] == 2 for row in bookings)
    assert any(row["department_code"] == "974" and row["is_event"] for row in bookings)
    for row in db.all("SELECT ean FROM offer WHERE ean IS NOT NULL"):
        assert len(row["ean"]) == 13 and int(row["ean"][-1]) == ean_check_digit(row["ean"][:12])
    subcategories = {row[0] for row in db.all("SELECT DISTINCT subcategory_id FROM offer")}
    assert {
        "LIVRE_PAPIER",
        "VOD",
        "ABO_LIVRE_NUMERIQUE",
        "ABO_PLATEFORME_VIDEO",
        "VISITE_VIRTUELLE",
        "CONCERT",
        "FESTIVAL_MUSIQUE",
        "ATELIER_PRATIQUE_ART",
        "LIVESTREAM_MUSIQUE",
        "LIVESTREAM_EVENEMENT",
        "SPECTACLE_REPRESENTATION",
        "SUPPORT_PHYSIQUE_MUSIQUE_CD",
        "SUPPORT_PHYSIQUE_MUSIQUE_VINYLE",
    } <= subcategories
    db.close()
