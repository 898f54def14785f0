"""Staff accounts: a name and a short PIN each, so every validation says who did it.

Disabling keeps the row (past validations still name the person); names are unique.
PIN checks go through `Security`, so wrong PINs slow down per person and survive a restart.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.clock import Clock, utcnow
from kiosk.domain.errors import KioskError
from kiosk.domain.texts import Phrase
from kiosk.services.security import Attempt, PinError, Security, check_pin_format, hash_pin
from kiosk.store import staff as store
from kiosk.store.database import Database

PIN_MIN, PIN_MAX = 4, 6
NAME_MAX = 100


class StaffError(KioskError, ValueError):
    """A refused account change: `message` in French, `text(lang)` in either."""

    def __init__(self, said: Phrase) -> None:
        super().__init__(said)


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    name: str
    active: bool


def _scope(staff_id: int) -> str:
    return f"staff:{staff_id}"


def _check_pin(pin: str) -> None:
    try:
        check_pin_format(pin, min_len=PIN_MIN, max_len=PIN_MAX)
    except PinError as exc:
        raise StaffError(exc.phrase) from None


class StaffService:
    def __init__(self, db: Database, security: Security, *, clock: Clock = utcnow) -> None:
        self.db = db
        self.security = security
        self.clock = clock

    def members(self, *, include_inactive: bool = False) -> list[StaffMember]:
        with self.db.connect() as conn, conn.begin():
            rows = store.members(conn, include_inactive=include_inactive)
        return [StaffMember(r.id, r.name, r.active) for r in rows]

    def get(self, staff_id: int) -> StaffMember | None:
        with self.db.connect() as conn, conn.begin():
            r = store.get(conn, staff_id)
        return StaffMember(r.id, r.name, r.active) if r else None

    def add(self, name: str, pin: str) -> StaffMember:
        name = " ".join(name.split())
        if not name:
            raise StaffError(Phrase.of("staff.no_name"))
        if len(name) > NAME_MAX:
            raise StaffError(Phrase.of("staff.name_too_long", n=NAME_MAX))
        _check_pin(pin)
        try:
            with self.db.connect_writer() as conn, conn.begin():
                staff_id = store.add(conn, name, hash_pin(pin), self.clock())
        except store.NameTaken:
            raise StaffError(Phrase.of("staff.name_taken", name=name)) from None
        return StaffMember(int(staff_id), name, True)

    def set_active(self, staff_id: int, active: bool) -> None:
        with self.db.connect_writer() as conn, conn.begin():
            store.set_active(conn, staff_id, active)

    def reset_pin(self, staff_id: int, pin: str) -> None:
        _check_pin(pin)
        with self.db.connect_writer() as conn, conn.begin():
            store.set_pin_hash(conn, staff_id, hash_pin(pin))
        self.security.reset(_scope(staff_id))

    def authenticate(self, staff_id: int, pin: str) -> Attempt:
        with self.db.connect() as conn, conn.begin():
            r = store.get(conn, staff_id)
        if r is None or not r.active:
            return Attempt.refused(Phrase.of("staff.gone"))
        return self.security.check(_scope(staff_id), r.pin_hash, pin)
