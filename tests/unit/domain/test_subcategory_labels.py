"""Every subcategory has an English label: the librarian card no longer shows French (or only
the tile's label) on an English counter."""

from __future__ import annotations

from kiosk.domain import categories

# Labels the youth app already gives in a word English shares.
SAME_IN_ENGLISH = frozenset({"CONCERT", "SUPPORT_PHYSIQUE_MUSIQUE_CD", "ESCAPE_GAME", "PODCAST"})


def test_all_73_subcategories_have_an_english_label() -> None:
    assert len(categories.SUBCATEGORIES) == 73
    for sub_id, sub in categories.SUBCATEGORIES.items():
        english = categories.subcategory_label(sub_id, "en")
        assert english, sub_id
        # Not the tile's label standing in for it (what English showed before).
        assert english != categories.category_label(sub.category_id, "en"), sub_id
        if sub_id in SAME_IN_ENGLISH:
            assert english == sub.label, sub_id
        else:
            assert english != sub.label, (sub_id, english)
    assert set(categories.SUBCATEGORY_LABELS_EN) == set(categories.SUBCATEGORIES)


def test_french_labels_are_unchanged_and_unknown_ids_are_empty() -> None:
    assert categories.subcategory_label("SEANCE_CINE") == "Séance de cinéma"
    assert categories.subcategory_label("SEANCE_CINE", "en") == "Cinema screening"
    assert categories.subcategory_label("NOPE", "en") == ""


def test_english_labels_are_distinct_within_a_category() -> None:
    for cat_id in {s.category_id for s in categories.SUBCATEGORIES.values()}:
        if cat_id == categories.HIDDEN_CATEGORY:
            continue
        labels = [categories.subcategory_label(i, "en") for i in categories.subcategory_ids(cat_id)]
        assert len(labels) == len(set(labels)), cat_id
