"""Catalogue search on a fixed corpus in a real SQLite database (FTS5 via migration 0002)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.services.catalogue import Catalogue, Place, Price, Query, Sort, fts_query, price_text
from kiosk.store import models
from kiosk.store.database import Database
from tests.unit.services import catalogue_corpus as corpus


@pytest.fixture
def catalogue(db: Database, clock) -> Iterator[Catalogue]:
    corpus.load_default(db)
    cat = Catalogue(db, clock=clock)
    yield cat
    cat.close()


def ids(cat: Catalogue, **kw) -> list[int]:
    return [o.id for o in cat.search(Query(**kw)).offers]


def test_accents_and_case_are_ignored(catalogue: Catalogue) -> None:
    assert 1 in ids(catalogue, text="theatre ")
    assert 1 in ids(catalogue, text="THÉÂTRE ")
    assert 3 in ids(catalogue, text="miserables ")
    assert 5 in ids(catalogue, text="cluny ")
    assert 5 in ids(catalogue, text="moyen age ")


def test_prefix_matches_while_typing(catalogue: Catalogue) -> None:
    assert 4 in ids(catalogue, text="izn")
    assert 10 in ids(catalogue, text="orel")
    assert 5 in ids(catalogue, text="musée de clu")
    # a finished word (followed by a space) is not a prefix any more
    assert ids(catalogue, text="orel ") == []


def test_author_and_performer_are_searched(catalogue: Catalogue) -> None:
    assert ids(catalogue, text="victor hugo") == [3]
    assert ids(catalogue, text="orelsan")[0] == 10


def test_title_match_ranks_above_description_match(catalogue: Catalogue) -> None:
    found = ids(catalogue, text="théâtre ")
    assert found.index(1) < found.index(2)  # 1: in the name; 2: only in its description
    assert found[0] in (1, 12)


def test_expired_events_and_technical_offers_are_not_shown(catalogue: Catalogue) -> None:
    assert 13 not in ids(catalogue, text="concert")
    assert ids(catalogue, text="secret") == []


def test_filters_combine_with_text(catalogue: Catalogue) -> None:
    assert ids(catalogue, text="concert", price=Price.PAID) == [10, 11] or set(
        ids(catalogue, text="concert", price=Price.PAID)
    ) == {10, 11}
    assert ids(catalogue, text="mus", price=Price.FREE) == [5]
    assert ids(catalogue, text="mus", place=Place.DIGITAL, price=Price.PAID) == []
    assert set(ids(catalogue, text="a", place=Place.DIGITAL)) <= {4, 5}
    assert ids(catalogue, text="concert", this_week=True) == [10]
    assert set(ids(catalogue, text="concert", venue_id=200)) == {10, 11}
    assert ids(catalogue, text="concert", venue_id=100) == []
    assert ids(catalogue, text="theatre", category="PRATIQUE_ART") == [12]


def test_category_browse_and_sorts(catalogue: Catalogue) -> None:
    assert ids(catalogue, category="MUSIQUE_LIVE") == [10, 11]  # soonest first
    assert ids(catalogue, category="MUSIQUE_LIVE", sort=Sort.PRICE) == [11, 10]
    assert ids(catalogue, text="concert", sort=Sort.DATE) == [10, 11]
    assert ids(catalogue, text="concert", sort=Sort.PRICE) == [11, 10]
    by_price = ids(catalogue, category="LIVRE", sort=Sort.PRICE)
    assert by_price[0] == 3  # free first
    free = ids(catalogue, price=Price.FREE, category="MUSEE")
    assert free == [5]


def test_limit_and_more(catalogue: Catalogue) -> None:
    result = catalogue.search(Query(category="LIVRE", limit=2))
    assert len(result.offers) == 2 and result.more


def test_category_counts(catalogue: Catalogue) -> None:
    counts = catalogue.category_counts()
    assert counts["LIVRE"] == 4  # 1, 2, 3 and izneo (4)
    assert counts["MUSIQUE_LIVE"] == 2  # the past concert is not counted
    assert counts["MUSEE"] == 1
    assert counts["PRATIQUE_ART"] == 1
    assert counts["INSTRUMENT"] == 1
    assert "TECHNIQUE" not in counts
    assert catalogue.category_counts(Query(price=Price.FREE))["LIVRE"] == 1


def test_offer_detail(catalogue: Catalogue) -> None:
    detail = catalogue.offer(10)
    assert detail is not None
    assert detail.link == "https://passculture.app/offre/10"
    assert detail.summary.venue_name == "Salle du Dôme"
    assert detail.address == "48 avenue de Saint-Just, 13004 Marseille"  # from the venue
    assert [d.places_left for d in detail.dates] == [40, 40]
    assert detail.accessibility == {"audio": False, "mental": True, "motor": True, "visual": False}
    assert detail.subcategory_label == "Concert"
    assert catalogue.offer(999) is None
    assert catalogue.offer(5).address is None  # digital: no address


def test_price_text() -> None:
    assert price_text(0, 0) == "Gratuit"
    assert price_text(1250, 1250) == "12,50 €"
    assert price_text(1500, 2500) == "Dès 15 €"
    assert price_text(None, None) == ""


def test_fts_query_quotes_every_word() -> None:
    assert fts_query("") is None
    assert fts_query("  - * ( ") is None
    assert fts_query("the") == '"the"*'
    assert fts_query("the ") == '"the"'
    assert fts_query('a"b NEAR(') == '"a""b" "NEAR("*'
    assert fts_query("x AND y") == '"x" "AND" "y"*'


# Pieces of FTS5 syntax, glued together in any order: quotes, stars, operators, parentheses.
HOSTILE = st.lists(
    st.sampled_from(
        [
            '"',
            "*",
            "-",
            "(",
            ")",
            "^",
            ":",
            "{name}",
            "+",
            " ",
            "NEAR(",
            "AND",
            "OR",
            "NOT",
            "é",
            "a",
            "1",
            "'",
            ".",
            "\t",
            "\\",
            "col:",
            "NEAR/2",
        ]
    ),
    max_size=15,
).map("".join)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(HOSTILE, st.text(max_size=40)))
def test_any_text_searches_without_error(catalogue: Catalogue, text: str) -> None:
    result = catalogue.search(Query(text=text))
    assert len(result.offers) <= result.query.limit
    catalogue.search(Query(text=text, sort=Sort.PRICE, category="LIVRE"))


def test_operators_are_searched_as_words(db: Database, clock) -> None:
    corpus.insert_all(
        db,
        [corpus.offer(1, "Rock AND roll"), corpus.offer(2, "Rock")],
        [corpus.stock(-1, 1, 1000), corpus.stock(-2, 2, 1000)],
    )
    cat = Catalogue(db, clock=clock)
    assert [o.id for o in cat.search(Query(text="rock and roll")).offers] == [1]
    assert [o.id for o in cat.search(Query(text="NOT rock")).offers] == []
    cat.close()


def test_index_follows_inserts_updates_and_deletes(db: Database, clock) -> None:
    cat = Catalogue(db, clock=clock)
    corpus.insert_all(db, [corpus.offer(1, "Le Petit Prince")], [corpus.stock(-1, 1, 800)])
    assert [o.id for o in cat.search(Query(text="prince")).offers] == [1]
    table = models.Offer.__table__
    with db.connect_writer() as conn, conn.begin():
        conn.execute(sa.update(table).where(table.c.id == 1).values(name="Vol de nuit"))
    assert cat.search(Query(text="prince")).offers == ()
    assert [o.id for o in cat.search(Query(text="vol de nuit")).offers] == [1]
    # a price-only update (as the pull does) keeps the index right
    with db.connect_writer() as conn, conn.begin():
        conn.execute(sa.update(table).where(table.c.id == 1).values(min_price_cents=0))
    assert [o.id for o in cat.search(Query(text="nuit")).offers] == [1]
    with db.connect_writer() as conn, conn.begin():
        conn.execute(sa.delete(table).where(table.c.id == 1))
    assert cat.search(Query(text="nuit")).offers == ()
    with db.connect() as conn:
        n = conn.execute(sa.text("SELECT COUNT(*) FROM offer_fts WHERE offer_fts MATCH 'nuit'"))
        assert n.scalar_one() == 0
        check = sa.text("INSERT INTO offer_fts(offer_fts, rank) VALUES ('integrity-check', 1)")
        conn.execute(check)  # raises if the index and the offer table disagree
    cat.close()


def test_many_matches_stay_bounded_and_titles_first(db: Database, clock) -> None:
    offers = [corpus.offer(i, f"Roman numéro {i}") for i in range(1, 1300)]
    offers.append(corpus.offer(5000, "Essai", description="Un roman à part."))
    corpus.insert_all(db, offers, [corpus.stock(-o["id"], o["id"], 500) for o in offers])
    cat = Catalogue(db, clock=clock)
    result = cat.search(Query(text="roman", limit=30))
    assert len(result.offers) == 30 and result.more
    assert 5000 not in [o.id for o in result.offers]  # a name match comes first
    assert [o.id for o in cat.search(Query(text="roman a part")).offers] == [5000]
    cat.close()
