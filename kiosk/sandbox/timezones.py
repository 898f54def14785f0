"""Department code → IANA time zone, as the real backend maps offer addresses."""

from __future__ import annotations

from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Europe/Paris"

_OVERSEAS_TIMEZONES: dict[str, str] = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "975": "America/Miquelon",
    "976": "Indian/Mayotte",
    "977": "America/St_Barthelemy",
    "978": "America/Marigot",
    "984": "Indian/Kerguelen",
    "986": "Pacific/Wallis",
    "987": "Pacific/Tahiti",
    "988": "Pacific/Noumea",
}


def timezone_name_for_department(department_code: str | None) -> str:
    """IANA zone name of a French department; Europe/Paris for metropolitan or unknown codes."""
    if not department_code:
        return DEFAULT_TIMEZONE
    return _OVERSEAS_TIMEZONES.get(department_code.strip().upper(), DEFAULT_TIMEZONE)


def zone_for_department(department_code: str | None) -> ZoneInfo:
    return ZoneInfo(timezone_name_for_department(department_code))
