"""Decided locally because pass Culture limits the requests: said as such, with the data's age."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.domain.display import source_line
from kiosk.domain.messages import render
from kiosk.domain.verdict import Verdict, VerdictKind


def test_source_line_says_limited_with_the_age():
    as_of = datetime(2026, 11, 27, 13, 2, tzinfo=UTC)
    line = source_line("local", as_of, zone=UTC, limited_for=53.2)
    assert line.startswith(
        "pass Culture limite les requêtes — décidé sur les données locales (nouvel essai dans 54 s)"
    )
    assert "Données du 27/11 à 13:02" in line
    en = source_line("local", as_of, "en", zone=UTC, limited_for=53.2)
    assert en.startswith(
        "pass Culture is limiting requests — decided on local data (next try in 54 s)"
    )
    # unchanged otherwise
    assert source_line("local", None).startswith("Décidé hors ligne")
    assert (
        source_line("online", None, limited_for=10.0) == "Vérifié en ligne auprès de pass Culture"
    )


def test_unknown_while_limited_does_not_say_unreachable():
    plain = render(Verdict(VerdictKind.UNKNOWN_OFFLINE))
    limited = render(Verdict(VerdictKind.UNKNOWN_OFFLINE, rate_limited=True))
    assert "injoignable" in plain.message
    assert "injoignable" not in limited.message and "limite les requêtes" in limited.message
    assert (
        "limiting requests"
        in render(Verdict(VerdictKind.UNKNOWN_OFFLINE, rate_limited=True), "en").message
    )
