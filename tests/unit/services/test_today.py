"""Today at this counter is the venue's day, in its department's timezone, whatever zone the
machine was left in (a fresh Debian install is on UTC)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from kiosk.domain.display import age_text
from kiosk.services import counter_overview, today
from kiosk.store import models
from tests.fixtures.store import VENUE, booking_row, insert_bookings


@pytest.fixture
def machine_on_utc(monkeypatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):  # Windows: a process cannot move itself to another zone
        if time.timezone != 0 or time.daylight:
            pytest.skip("Windows has no time.tzset: needs a machine on UTC (as under Wine in CI)")
        yield
        return
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def set_department(db, code: str) -> None:
    with db.connect_writer() as conn, conn.begin():
        conn.execute(
            models.Venue.__table__.insert(),
            [{"id": VENUE, "name": "Médiathèque", "department_code": code}],
        )


def validate_at(counter, clock, when: datetime, token: str) -> None:
    clock.now = when
    assert counter.validate(token).op_id is not None


def test_the_day_and_its_hours_are_the_venues(machine_on_utc, db, counter, clock):
    set_department(db, "974")  # La Réunion, UTC+4
    insert_bookings(db, [booking_row(1, "ABC234"), booking_row(2, "DEF234")])
    validate_at(counter, clock, datetime(2026, 11, 27, 19, 30, tzinfo=UTC), "ABC234")  # 23:30
    validate_at(counter, clock, datetime(2026, 11, 27, 21, 15, tzinfo=UTC), "DEF234")  # 01:15

    snap = counter_overview.snapshot(db, clock.now, "k-1", venue_ids=[VENUE])
    assert [r.token for r in snap.rows] == ["DEF234"]  # 23:30 was yesterday in Saint-Denis
    assert snap.rows[0].at.strftime("%H:%M") == "01:15"
    assert snap.counts.per_hour[1] == 1 and sum(snap.counts.per_hour) == 1
    assert age_text(clock.now, clock.now, zone=snap.zone).startswith("Données du 28/11 à 01:15")


def test_metropolitan_venue_on_a_utc_machine(machine_on_utc, db, counter, clock):
    set_department(db, "75")
    insert_bookings(db, [booking_row(1, "ABC234")])
    validate_at(counter, clock, datetime(2026, 11, 27, 23, 30, tzinfo=UTC), "ABC234")  # 00:30

    snap = counter_overview.snapshot(db, clock.now, "k-1", venue_ids=[VENUE])
    assert snap.rows[0].at.strftime("%d/%m %H:%M") == "28/11 00:30"
    assert snap.counts.per_hour[0] == 1


def test_before_the_venues_are_synced_the_machine_zone_is_used(db, counter, clock):
    insert_bookings(db, [booking_row(1, "ABC234")])
    validate_at(counter, clock, clock.now, "ABC234")
    snap = counter_overview.snapshot(db, clock.now, "k-1", venue_ids=[VENUE])
    assert snap.zone is None
    assert snap.rows[0].at == clock.now.astimezone()


def test_a_day_the_clocks_change_has_25_hours():
    start, end = today.day_bounds(datetime(2026, 10, 25, 12, tzinfo=UTC), today.zone_for("75"))
    assert (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() == 25 * 3600


def test_a_counter_serving_every_venue_takes_the_first_known_one(machine_on_utc, db, clock):
    set_department(db, "974")
    with db.connect() as conn:
        assert today.counter_zone(conn, ()) is not None
        assert today.counter_zone(conn, ()).key == "Indian/Reunion"  # type: ignore[union-attr]
