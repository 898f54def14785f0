"""decide(): every verdict, in the server's order, with the Guichet's exact words."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.domain.booking import Booking, BookingStatus
from kiosk.domain.messages import render
from kiosk.domain.rules import cancellation_limit, decide
from kiosk.domain.verdict import Family, Verdict, VerdictKind

NOW = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
BASE = Booking(
    id=1,
    token="ABC234",
    status=BookingStatus.CONFIRMED,
    quantity=1,
    unit_price_cents=1000,
    offer_id=5,
    offer_name="Concert",
    venue_id=100,
    venue_name="Salle",
    department_code="75",
)


@pytest.mark.parametrize(
    ("over", "kind", "family"),
    [
        ({}, VerdictKind.VALIDABLE, Family.OK),
        ({"status": BookingStatus.USED}, VerdictKind.ALREADY_USED, Family.WARNING),
        ({"status": BookingStatus.CANCELLED}, VerdictKind.CANCELLED, Family.REFUSED),
        ({"status": BookingStatus.REIMBURSED}, VerdictKind.REIMBURSED, Family.REFUSED),
        ({"cancellation_limit": NOW + timedelta(hours=1)}, VerdictKind.TOO_EARLY, Family.REFUSED),
        ({"cancellation_limit": NOW}, VerdictKind.VALIDABLE, Family.OK),
        ({"cancellation_limit": NOW - timedelta(hours=1)}, VerdictKind.VALIDABLE, Family.OK),
        ({"venue_id": 999}, VerdictKind.WRONG_VENUE, Family.REFUSED),
        # order: reimbursed beats used, used beats cancelled, cancelled beats too early
        (
            {"status": BookingStatus.REIMBURSED, "cancellation_limit": NOW + timedelta(1)},
            VerdictKind.REIMBURSED,
            Family.REFUSED,
        ),
        (
            {"status": BookingStatus.CANCELLED, "cancellation_limit": NOW + timedelta(1)},
            VerdictKind.CANCELLED,
            Family.REFUSED,
        ),
        (
            {"status": BookingStatus.USED, "cancellation_limit": NOW + timedelta(1)},
            VerdictKind.ALREADY_USED,
            Family.WARNING,
        ),
        # the venue is checked first (provider API: 404 outside the key's venues)
        ({"venue_id": 999, "status": BookingStatus.USED}, VerdictKind.WRONG_VENUE, Family.REFUSED),
    ],
)
def test_decide_table(over, kind, family):
    v = decide(replace(BASE, **over), {100}, NOW)
    assert v.kind is kind
    assert v.family is family


def test_unknown_offline_when_not_cached():
    assert decide(None, {100}, NOW).kind is VerdictKind.UNKNOWN_OFFLINE


def test_no_venue_restriction_when_counter_serves_all():
    assert decide(replace(BASE, venue_id=999), (), NOW).kind is VerdictKind.VALIDABLE


@pytest.mark.parametrize(
    ("verdict", "title", "message"),
    [
        (
            Verdict(VerdictKind.VALIDABLE),
            "VALIDABLE",
            'Coupon vérifié, cliquez sur "Valider" pour enregistrer',
        ),
        (Verdict(VerdictKind.VALIDATED), "VALIDÉE", "Contremarque validée !"),
        (Verdict(VerdictKind.UNVALIDATED), "INVALIDÉE", "Contremarque invalidée !"),
        (Verdict(VerdictKind.CANCELLED), "ANNULÉE", "Cette réservation a été annulée"),
        (Verdict(VerdictKind.REIMBURSED), "REMBOURSÉE", "Cette réservation a été remboursée"),
        (Verdict(VerdictKind.UNKNOWN), "INCONNUE", "La contremarque n'existe pas"),
        (
            Verdict(VerdictKind.NOT_USED),
            "NON VALIDÉE",
            "Cette réservation n'a pas encore été validée",
        ),
        (
            Verdict(VerdictKind.WRONG_VENUE),
            "AUTRE LIEU",
            "Vous n'avez pas les droits nécessaires pour voir cette contremarque",
        ),
        (
            Verdict(VerdictKind.WRONG_VENUE, venue_name="Salle B"),
            "AUTRE LIEU",
            "Vous n'avez pas les droits nécessaires pour voir cette contremarque "
            "(réservation pour Salle B)",
        ),
        (
            Verdict(VerdictKind.ALREADY_USED),
            "DÉJÀ VALIDÉE",
            "Cette contremarque a déjà été validée.",
        ),
        (
            Verdict(
                VerdictKind.ALREADY_USED,
                used_at=datetime(2026, 11, 27, 13, 5, tzinfo=UTC),
                used_counter="Accueil",
                used_staff="Marie",
                department_code="75",
            ),
            "DÉJÀ VALIDÉE",
            "Cette contremarque a déjà été validée le 27/11/2026 à 14:05, au guichet « Accueil », "
            "par Marie.",
        ),
        (
            Verdict(VerdictKind.INVALID_SCAN, reason="Ce code est un lien."),
            "CODE REFUSÉ",
            "Ce code est un lien.",
        ),
    ],
)
def test_messages_are_the_guichets(verdict, title, message):
    shown = render(verdict)
    assert (shown.title, shown.message) == (title, message)


@pytest.mark.parametrize(
    ("department", "expected"),
    [
        ("75", "29/11/2026 à 21:00"),  # Paris, UTC+1 in winter
        ("974", "30/11/2026 à 00:00"),  # La Réunion, UTC+4
        ("971", "29/11/2026 à 16:00"),  # Guadeloupe, UTC-4
        ("988", "30/11/2026 à 07:00"),  # Nouvelle-Calédonie, UTC+11
        (None, "29/11/2026 à 21:00"),
    ],
)
def test_too_early_message_in_the_offer_department_timezone(department, expected):
    limit = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)
    booking = replace(BASE, cancellation_limit=limit, department_code=department)
    shown = render(decide(booking, {100}, NOW))
    assert shown.title == "TROP TÔT"
    assert shown.message == (
        f"Vous pourrez valider cette contremarque à partir du {expected}, une fois le délai "
        "d’annulation passé."
    )


def test_english_is_available():
    assert render(Verdict(VerdictKind.CANCELLED), "en").message == "This booking has been cancelled"


def test_duo_is_two_places_one_token():
    duo = replace(BASE, quantity=2)
    assert duo.is_duo and duo.total_price_cents == 2000
    assert decide(duo, {100}, NOW).kind is VerdictKind.VALIDABLE


def test_cancellation_limit_rule():
    booked = datetime(2026, 11, 20, 10, tzinfo=UTC)
    # event far away: booking + 48 h
    assert cancellation_limit(booked, booked + timedelta(days=10)) == booked + timedelta(hours=48)
    # event in 3 days: event − 48 h is earlier than booking + 48 h? no: min picks event − 48 h
    event = booked + timedelta(hours=60)
    assert cancellation_limit(booked, event) == event - timedelta(hours=48)
    # event within 48 h of booking: never before the booking itself
    assert cancellation_limit(booked, booked + timedelta(hours=10)) == booked
    assert cancellation_limit(booked, None) is None
