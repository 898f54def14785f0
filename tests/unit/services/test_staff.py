"""Staff accounts, and every validation / invalidation carrying who did it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.domain import texts
from kiosk.services.counter import Counter
from kiosk.services.security import Security
from kiosk.services.staff import StaffError, StaffService
from kiosk.store import models
from kiosk.store.database import Database
from tests.fixtures.store import FixedClock, booking_row, insert_bookings


@pytest.fixture
def staff(db: Database, clock: FixedClock) -> StaffService:
    return StaffService(db, Security(db, clock=clock), clock=clock)


def test_add_list_disable_reset(staff: StaffService) -> None:
    marie = staff.add("  Marie  ", "1234")
    staff.add("Ahmed", "654321")
    assert [m.name for m in staff.members()] == ["Ahmed", "Marie"]
    assert staff.authenticate(marie.id, "1234").ok
    assert not staff.authenticate(marie.id, "9999").ok
    staff.set_active(marie.id, False)
    assert [m.name for m in staff.members()] == ["Ahmed"]
    assert "désactivé" in staff.authenticate(marie.id, "1234").message
    staff.set_active(marie.id, True)
    staff.reset_pin(marie.id, "4321")
    assert not staff.authenticate(marie.id, "1234").ok
    assert staff.authenticate(marie.id, "4321").ok


@pytest.mark.parametrize(
    ("name", "pin", "fragment"),
    [
        ("", "1234", "Indiquez"),
        ("Marie", "123", "au moins 4"),
        ("Marie", "1234567", "au plus 6"),
        ("Marie", "12a4", "chiffres"),
    ],
)
def test_add_refuses_with_a_french_reason(
    staff: StaffService, name: str, pin: str, fragment: str
) -> None:
    with pytest.raises(StaffError, match=fragment):
        staff.add(name, pin)


def test_duplicate_name_refused(staff: StaffService) -> None:
    staff.add("Marie", "1234")
    with pytest.raises(StaffError, match="existe déjà"):
        staff.add("Marie", "5678")


def test_staff_pin_backoff(staff: StaffService, clock: FixedClock) -> None:
    m = staff.add("Marie", "1234")
    for _ in range(3):
        last = staff.authenticate(m.id, "0000")
    assert last.locked
    assert not staff.authenticate(m.id, "1234").ok
    clock.advance(seconds=2)
    assert staff.authenticate(m.id, "1234").ok


def test_every_validation_and_invalidation_records_the_staff_member(
    db: Database, counter: Counter, staff: StaffService
) -> None:
    marie = staff.add("Marie", "1234")
    ahmed = staff.add("Ahmed", "5678")
    insert_bookings(db, [booking_row(1, "ABC123"), booking_row(2, "DEF456")])
    assert staff.authenticate(marie.id, "1234").ok
    assert counter.validate("PASSCULTURE:v3;TOKEN:ABC123", staff=marie.name).ok
    assert counter.validate("DEF456", staff=marie.name).ok
    assert counter.unvalidate("ABC123", staff=ahmed.name).ok

    ob, au, bk = models.Outbox.__table__, models.Audit.__table__, models.Booking.__table__
    with db.connect() as conn:
        ops = conn.execute(select(ob.c.kind, ob.c.token, ob.c.staff).order_by(ob.c.id)).all()
        audits = conn.execute(select(au.c.action, au.c.token, au.c.staff).order_by(au.c.id)).all()
        used_by = conn.execute(select(bk.c.used_staff).where(bk.c.id == 2)).scalar_one()
    assert [tuple(r) for r in ops] == [
        ("use", "ABC123", "Marie"),
        ("use", "DEF456", "Marie"),
        ("keep", "ABC123", "Ahmed"),
    ]
    assert [r.staff for r in audits] == ["Marie", "Marie", "Ahmed"]
    assert used_by == "Marie"


@pytest.mark.parametrize(
    ("name", "pin", "french", "english"),
    [
        (
            " ",
            "1234",
            "Indiquez le prénom ou le nom du membre du personnel.",
            "Enter the first name or the name of the staff member.",
        ),
        (
            "x" * 101,
            "1234",
            "Le nom est trop long (100 caractères au plus).",
            "The name is too long (100 characters at most).",
        ),
        (
            "Marie",
            "5678",
            "« Marie » existe déjà : choisissez un autre nom (ou réactivez ce compte).",
            '"Marie" already exists: choose another name (or enable that account again).',
        ),
        (
            "Zoé",
            "123",
            "Le code doit comporter au moins 4 chiffres.",
            "The PIN must have at least 4 digits.",
        ),
        (
            "Zoé",
            "1234567",
            "Le code doit comporter au plus 6 chiffres.",
            "The PIN must have at most 6 digits.",
        ),
        (
            "Zoé",
            "12a4",
            "Le code ne doit contenir que des chiffres.",
            "The PIN must contain digits only.",
        ),
    ],
)
def test_staff_errors_in_french_and_english(
    staff: StaffService, name: str, pin: str, french: str, english: str
) -> None:
    staff.add("Marie", "1234")
    with pytest.raises(StaffError) as caught:
        staff.add(name, pin)
    assert caught.value.message == str(caught.value) == caught.value.text() == french
    assert caught.value.text("en") == english


def test_reset_pin_error_in_english(staff: StaffService) -> None:
    marie = staff.add("Marie", "1234")
    with pytest.raises(StaffError) as caught:
        staff.reset_pin(marie.id, "12")
    assert caught.value.message == "Le code doit comporter au moins 4 chiffres."
    assert caught.value.text("en") == "The PIN must have at least 4 digits."


def test_gone_account_in_french_and_english(staff: StaffService) -> None:
    marie = staff.add("Marie", "1234")
    staff.set_active(marie.id, False)
    for attempt in (staff.authenticate(marie.id, "1234"), staff.authenticate(999, "1234")):
        assert attempt.message == "Ce compte n'existe plus ou a été désactivé."
        assert attempt.text("en") == "This account no longer exists or has been disabled."


def test_every_staff_text_exists_in_both_languages() -> None:
    staff_ids = {k for k in texts.FR if k.startswith("staff.")}
    assert staff_ids and staff_ids == {k for k in texts.EN if k.startswith("staff.")}
