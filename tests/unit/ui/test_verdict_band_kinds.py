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
    assert band.style_key in BANDS and Family(band.style_key) is kind.family
    assert band.title and band.message
    band.grab()  # paints: icon and colours for this family


def test_new_kinds_families() -> None:
    assert VerdictKind.STRUCTURE_CLOSED.family is Family.REFUSED
    assert VerdictKind.SERVER_REFUSED.family is Family.REFUSED
    assert VerdictKind.PAYMENT_LOCKED.family is Family.WARNING
