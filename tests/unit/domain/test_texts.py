"""The message catalogue of the Qt-free layers: complete in both languages, one lookup."""

from __future__ import annotations

import string

import pytest

from kiosk.domain import texts
from kiosk.domain.texts import Phrase, say
from kiosk.domain.verdict import VerdictKind
from kiosk.sync.conflicts import Conflict, ConflictText


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_id_has_french_and_english() -> None:
    assert set(texts.FR) == set(texts.EN)
    assert set(texts.CATALOGUE) == set(texts.LANGUAGES)
    for msg_id, french in texts.FR.items():
        english = texts.EN[msg_id]
        assert french.strip() and english.strip(), msg_id
        assert _fields(french) == _fields(english), msg_id


def test_every_verdict_and_conflict_has_its_ids() -> None:
    for kind in VerdictKind:
        for part in ("title", "message"):
            assert f"verdict.{kind.value}.{part}" in texts.FR
    for conflict in Conflict:
        for part in ("title", "what", "todo"):
            assert f"conflict.{conflict.value}.{part}" in texts.FR


def test_conflict_texts_in_english_french_unchanged() -> None:
    fr = ConflictText.of(Conflict.USED_ELSEWHERE)
    assert fr.title == "Validée ailleurs"
    assert fr.what_to_do == (
        "Vérifiez que le jeune n'a pas reçu son offre deux fois. Si c'est le cas, contactez-le."
    )
    en = ConflictText.of(Conflict.USED_ELSEWHERE, "en")
    assert en.title == "Validated elsewhere"
    assert "another counter" in en.what_happened


def test_say_fills_values_and_falls_back_to_french() -> None:
    assert say("pin.too_short", "fr", n=4) == "Le code doit comporter au moins 4 chiffres."
    assert say("pin.too_short", "en", n=4) == "The PIN must have at least 4 digits."
    assert say("pin.too_short", "de", n=4) == say("pin.too_short", "fr", n=4)
    with pytest.raises(KeyError):
        say("no.such.message")


def test_a_phrase_speaks_either_language() -> None:
    said = Phrase.of("staff.name_taken", name="Léa")
    assert said.text() == "« Léa » existe déjà : choisissez un autre nom (ou réactivez ce compte)."
    assert (
        said.text("en")
        == '"Léa" already exists: choose another name (or enable that account again).'
    )


def test_a_phrase_inside_a_phrase_speaks_the_same_language() -> None:
    said = Phrase.of("import.bad_date", line=3, what=Phrase.of("import.what.used"), value="x")
    assert said.text() == "Ligne 3 : date de validation illisible (« x »)."
    assert said.text("en") == 'Line 3: unreadable validation date ("x").'
