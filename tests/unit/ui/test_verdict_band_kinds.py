"""Every verdict kind, the new ones of the real pass Culture answers included, paints with a
colour, an icon and a sound family (a kind without one would crash the counter screen)."""

from __future__ import annotations

import pytest

from kiosk.domain.verdict import Family, Verdict, VerdictKind
from kiosk.ui.common.theme import BANDS
from kiosk.ui.counter.verdict_band import VerdictBand


@pytest.mark.parametrize("kind", list(VerdictKind))
def test_every_kind_paints(qtbot, kind: VerdictKind) -> None:
    band = VerdictBand()
    qtbot.addWidget(band)
    band.resize(800, 190)
    band.show()
    band.show_verdict(Verdict(kind, reason="Réponse du serveur"), "fr")
    assert band.style_key in BANDS
    if kind is VerdictKind.UNVALIDATED:  # its own look (issue 14), its family's sound
        assert band.style_key == "undone"
    else:
        assert Family(band.style_key) is kind.family
    assert band.title and band.message
    band.grab()  # paints: icon and colours for this family


def test_new_kinds_families() -> None:
    assert VerdictKind.STRUCTURE_CLOSED.family is Family.REFUSED
    assert VerdictKind.SERVER_REFUSED.family is Family.REFUSED
    assert VerdictKind.PAYMENT_LOCKED.family is Family.WARNING


def test_invalidated_does_not_look_validated(qtbot) -> None:
    """INVALIDÉE was green with a tick, like VALIDÉE (issue 14): not green, no tick, and the
    pixels of the two bands differ."""
    shots = {}
    for kind in (VerdictKind.VALIDATED, VerdictKind.UNVALIDATED):
        band = VerdictBand()
        qtbot.addWidget(band)
        band.resize(800, 190)
        band.show()
        band.show_verdict(Verdict(kind), "fr")
        shots[kind] = band.grab().toImage()
        style = band.style
        if kind is VerdictKind.UNVALIDATED:
            assert style.icon not in ("check",) and style.background != BANDS["ok"].background
            green = shots[kind].pixelColor(5, 5)
            assert not (green.green() > green.red() and green.green() > green.blue())
    assert shots[VerdictKind.VALIDATED].pixelColor(5, 5) != shots[
        VerdictKind.UNVALIDATED
    ].pixelColor(5, 5)
