"""`kiosk status` and `kiosk doctor` speak the counter's language and give times in its
venue's timezone (what the counter shows), not the machine's UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.clock import utcnow
from kiosk.main import run
from kiosk.platform import config as config_mod
from kiosk.store import catalogue, state
from kiosk.store.database import Database

REUNION = ZoneInfo("Indian/Reunion")  # UTC+4 all year: never the machine's UTC
PULLED = datetime(2026, 11, 27, 9, 5, tzinfo=UTC)


def _counter(data_dir: Path, language: str) -> None:
    config_mod.save(config_mod.Config(data_dir=data_dir, venue_ids=(974,), language=language))
    db = Database.open(data_dir)
    try:
        with db.connect_writer() as conn, conn.begin():
            catalogue.upsert_venues(
                conn,
                [
                    {
                        "id": 974,
                        "name": "Médiathèque",
                        "city": "Saint-Denis",
                        "department_code": "974",
                    }
                ],
                PULLED,
            )
            state.put_time(conn, state.PULLED_AT, PULLED)
    finally:
        db.dispose()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_status_in_the_counters_language_and_venue_time(
    language: str, data_dir: Path, capsys: pytest.CaptureFixture
) -> None:
    _counter(data_dir, language)
    assert run(["status", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "13:05" in out and "09:05" not in out  # 09:05 UTC is 13:05 in Réunion
    if language == "en":
        assert out.splitlines()[:3] == [
            "Network: not configured",
            "Validations waiting to be sent: 0",
            "Conflicts to handle: 0",
        ]
        assert out.splitlines()[3].startswith("Data: Data from 27/11 at 13:05")
    else:
        assert out.splitlines()[0] == "Réseau : non configuré"
        assert "Données : Données du 27/11 à 13:05" in out


def test_doctor_times_in_the_venues_timezone(data_dir: Path, capsys: pytest.CaptureFixture):
    _counter(data_dir, "en")
    before = utcnow().astimezone(REUNION)
    run(["doctor", "--no-devices", "--data-dir", str(data_dir)])
    after = utcnow().astimezone(REUNION)
    out = capsys.readouterr().out
    title = out.splitlines()[0]
    assert title.startswith("Kiosk diagnostics — ")
    stamps = {f"{t:%d/%m/%Y %H:%M}" for t in (before, after)}
    assert any(stamp in title for stamp in stamps), (title, stamps)
    assert "Data from 27/11 at 13:05" in out


def test_check_gives_the_datas_age_in_the_venues_time(data_dir: Path, capsys):
    from tests.fixtures.store import booking_row, insert_bookings

    _counter(data_dir, "fr")
    db = Database.open(data_dir)
    try:
        insert_bookings(db, [booking_row(1, "ABC234", venue_id=974, department_code="974")])
    finally:
        db.dispose()
    run(["check", "ABC234", "--data-dir", str(data_dir)])
    out = capsys.readouterr().out
    assert "Données du 27/11 à 13:05" in out and "09:05" not in out
