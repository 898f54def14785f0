"""Small lookups over ``SandboxServer.bookings()`` shared by the sandbox tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiosk.sandbox import SandboxServer


def find_booking(server: SandboxServer, **criteria: Any) -> dict[str, Any]:
    """First booking matching every ``field=value`` (``isEvent``, ``status``...)."""
    for booking in server.bookings():
        if all(booking.get(key) == value for key, value in criteria.items()):
            return booking
    raise LookupError(f"no booking with {criteria}")


def validatable_event_booking(server: SandboxServer) -> dict[str, Any]:
    now = server.now()
    for booking in server.bookings(status="CONFIRMED"):
        limit = booking["confirmationDate"]
        if booking["isEvent"] and limit and datetime.fromisoformat(limit) <= now:
            return booking
    raise LookupError("no validatable event booking")


def too_early_booking(server: SandboxServer, department: str | None = None) -> dict[str, Any]:
    now = server.now()
    for booking in server.bookings(status="CONFIRMED"):
        limit = booking["confirmationDate"]
        if (
            booking["isEvent"]
            and limit
            and datetime.fromisoformat(limit) > now
            and (department is None or booking["offerDepartmentCode"] == department)
        ):
            return booking
    raise LookupError("no booking inside its cancellation window")
