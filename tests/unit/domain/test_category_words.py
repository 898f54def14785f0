"""Search words that name a category or a subcategory (librarian mode's search)."""

from __future__ import annotations

from kiosk.domain import categories


def test_a_tile_word_names_all_its_subcategories_accents_and_case_aside() -> None:
    spectacle = set(categories.subcategory_ids("SPECTACLE"))
    for text in ("spectacle", "Spectacles", "SPÉCTACLE ", "spect"):
        assert spectacle <= set(categories.subcategories_named(text)), text


def test_a_subcategory_word_names_that_subcategory() -> None:
    assert "CONCERT" in categories.subcategories_named("concert")
    assert "SEANCE_CINE" in categories.subcategories_named("séance")


def test_short_or_unknown_words_name_nothing() -> None:
    assert categories.subcategories_named("sp") == ()
    assert categories.subcategories_named("madelen") == ()
    assert categories.subcategories_named("   ") == ()
    hidden = set(categories.subcategory_ids(categories.HIDDEN_CATEGORY))
    assert not hidden & set(categories.subcategories_named("activation"))
