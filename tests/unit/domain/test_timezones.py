"""The department → time zone table is the backend's (pcapi utils/date.py CUSTOM_TIMEZONES
@ 04f6ef2d8932eb1cbc3fa599a5f627975e4b55f8), in the kiosk and in its sandbox alike."""

from __future__ import annotations

import pytest

from kiosk.domain.timezones import timezone_name
from kiosk.sandbox.timezones import timezone_name_for_department

BACKEND = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "975": "America/Miquelon",
    "976": "Indian/Mayotte",
    "977": "America/St_Barthelemy",
    "978": "America/Guadeloupe",
    "986": "Pacific/Wallis",
    "987": "Pacific/Tahiti",
    "988": "Pacific/Noumea",
    "989": "Pacific/Pitcairn",
}


@pytest.mark.parametrize("code", [*BACKEND, "984", "75", "2A", "13", None, ""])
def test_same_zone_as_the_backend(code: str | None) -> None:
    expected = BACKEND.get(code or "", "Europe/Paris")  # 984 (TAAF) is left out upstream
    assert timezone_name(code) == expected
    assert timezone_name_for_department(code) == expected


@pytest.mark.parametrize("code", [*BACKEND, None])
def test_every_zone_is_known_to_this_machine(code: str | None) -> None:
    """Windows has no system zone database: the `tzdata` dependency provides it there."""
    from kiosk.domain.timezones import zone_for

    assert zone_for(code).key == timezone_name(code)
