"""What sync says to staff (the network reason, a malformed answer) is a catalogue Phrase: the
window shows it in its language, the logs and the CLI keep the French, unchanged."""

from __future__ import annotations

import pytest

from kiosk.domain.texts import Phrase
from kiosk.sync import schema
from kiosk.sync.connectivity import Connectivity, NetState, reason_text
from kiosk.sync.errors import BadResponse, NetworkError


def test_unconfigured_and_slow_reasons_speak_either_language() -> None:
    net = Connectivity(state=NetState.UNCONFIGURED)
    assert net.reason == "Serveur non configuré"
    assert reason_text(net.said, "en") == "Server not configured"
    net = Connectivity(failures_to_offline=1, slow_seconds=1.0)
    net.success(latency=5.0)
    assert net.state is NetState.OFFLINE
    assert net.reason == "Réponses trop lentes du serveur pass Culture"
    assert reason_text(net.said, "en") == "pass Culture server answers too slowly"


def test_listeners_get_the_phrase_of_the_error_not_its_french() -> None:
    heard: list[tuple[NetState, object]] = []
    net = Connectivity(failures_to_offline=1)
    net.add_listener(lambda state, reason: heard.append((state, reason)))
    error = NetworkError(Phrase.of("sync.unreachable", kind="ConnectError"), maybe_sent=False)
    net.failure(error.phrase or error.message)
    [(state, reason)] = heard
    assert state is NetState.OFFLINE and isinstance(reason, Phrase)
    assert reason_text(reason, "en") == "pass Culture server unreachable (ConnectError)."
    assert net.reason == "Serveur pass Culture injoignable (ConnectError)."
    net.failure("coupure")  # a caller without a catalogue id: its French, in both languages
    assert reason_text(net.said, "en") == "coupure"


@pytest.mark.parametrize(
    ("call", "french", "english"),
    [
        (
            lambda: schema.booking_row({}),
            "Réponse inattendue du serveur : « status » manque (réservation).",
            'Unexpected server answer: "status" is missing (booking).',
        ),
        (
            lambda: schema.venues(
                [{"offerer": {"name": 3}, "venues": [{"id": 1, "legalName": "Salle"}]}]
            ),
            "Réponse inattendue du serveur : « name » mal typé (structure).",
            'Unexpected server answer: "name" has the wrong type (offerer).',
        ),
        (
            lambda: schema.bookings_page({"bookings": None}),
            "Réponse inattendue du serveur : « bookings » est vide (liste des réservations).",
            'Unexpected server answer: "bookings" is empty (booking list).',
        ),
        (
            lambda: schema.parse_datetime("2026-03-01T10:00", "creationDate"),
            "Réponse inattendue du serveur : date sans fuseau « creationDate ».",
            'Unexpected server answer: date without time zone "creationDate".',
        ),
        (
            lambda: schema.venues({}),
            "Réponse inattendue du serveur : liste des lieux attendue.",
            "Unexpected server answer: a list of venues was expected.",
        ),
    ],
)
def test_malformed_answers_speak_either_language(call, french: str, english: str) -> None:
    with pytest.raises(BadResponse) as caught:
        call()
    assert caught.value.message == french
    assert caught.value.text("en") == english
