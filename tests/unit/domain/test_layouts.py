"""The garbling table matches docs/qt-stack-notes.md §10 exactly, and repairs invert it."""

from __future__ import annotations

import pytest

from kiosk.domain.layouts import FR_TO_US, LAYOUTS, US_TO_FR, garble, repair, repair_as

V3 = "PASSCULTURE:v3;TOKEN:ABC123"


@pytest.mark.parametrize(
    ("layout", "garbled"),
    [
        ("us->fr", 'PQSSCULTUREMv"mTOKENMQBC&é"'),
        ("us->fr+caps", 'pqssculturemV"Mtokenmqbc&É"'),
        ("fr->us", "PQSSCULTURE.v#,TOKEN.QBC!@#"),
    ],
)
def test_documented_garbling(layout: str, garbled: str) -> None:
    assert garble(V3, layout) == garbled
    assert repair_as(garbled, layout) == V3
    assert (layout, V3) in repair(garbled)


def test_inverse_table_for_the_payload_alphabet() -> None:
    expected = (
        "Q→A A→Q W→Z Z→W ?→M q→a a→q w→z z→w ,→m à→0 &→1 é→2 \"→3 '→4 (→5 -→6 è→7 _→8 ç→9 "
        "M→: m→; )→- °→_ !→/ :→."
    )
    for pair in expected.split():
        fr, us = pair.split("→")
        assert FR_TO_US[fr] == us
    assert len(FR_TO_US) == len(US_TO_FR)


def test_dead_keys_type_nothing_and_accent_the_next_letter() -> None:
    assert garble("[e{u", "us->fr") == "êü"
    assert garble("[a", "us->fr") == "q"  # US 'a' lands on AZERTY 'q': no circumflex form
    assert garble("x[", "us->fr") == "x"


def test_unknown_layout() -> None:
    with pytest.raises(ValueError):
        garble("x", "us->de")
    assert set(LAYOUTS) == {"us->fr", "us->fr+caps", "fr->us", "fr-digits"}
