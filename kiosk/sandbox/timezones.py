"""Department code → IANA time zone, as the real backend maps offer addresses."""

from __future__ import annotations

from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Europe/Paris"

# The backend's table, exactly (pcapi utils/date.py CUSTOM_TIMEZONES @ 04f6ef2d).
_OVERSEAS_TIMEZONES: dict[str, str] = {
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


def timezone_name_for_department(department_code: str | None) -> str:
    """IANA zone name of a French department; Europe/Paris for metropolitan or unknown codes."""
    if not department_code:
        return DEFAULT_TIMEZONE
    return _OVERSEAS_TIMEZONES.get(department_code.strip().upper(), DEFAULT_TIMEZONE)


def zone_for_department(department_code: str | None) -> ZoneInfo:
    return ZoneInfo(timezone_name_for_department(department_code))
