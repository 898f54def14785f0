"""Department code → IANA timezone, so event dates show in the offer's local time.

Overseas departments and collectivities each have their own zone; everything else is
metropolitan France (Corsica's 2A/2B included).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

PARIS = "Europe/Paris"

# The backend's table, exactly (pcapi utils/date.py CUSTOM_TIMEZONES @ 04f6ef2d).
_OVERSEAS = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "975": "America/Miquelon",
    "976": "Indian/Mayotte",
    "977": "America/St_Barthelemy",
    "978": "America/Guadeloupe",  # Saint-Martin
    "986": "Pacific/Wallis",
    "987": "Pacific/Tahiti",
    "988": "Pacific/Noumea",
    "989": "Pacific/Pitcairn",  # Clipperton
    # 984 (TAAF) spans several zones: the backend leaves it out, so it is Paris time.
}


def timezone_name(department_code: str | None) -> str:
    if not department_code:
        return PARIS
    return _OVERSEAS.get(department_code.strip(), PARIS)


def zone_for(department_code: str | None) -> ZoneInfo:
    return ZoneInfo(timezone_name(department_code))


def local(dt: datetime, department_code: str | None) -> datetime:
    """The same instant in the department's wall-clock time."""
    return dt.astimezone(zone_for(department_code))
