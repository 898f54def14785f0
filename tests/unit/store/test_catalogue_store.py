"""Reads of the cached offers the sync and the catalogue rely on."""

from __future__ import annotations

from datetime import timedelta

from kiosk.store import catalogue
from kiosk.sync.images import offer_image_urls
from tests.fixtures.store import NOW
from tests.unit.services import catalogue_corpus as corpus


def test_image_urls_soonest_events_first_through_the_database(db):
    corpus.insert_all(
        db,
        [
            corpus.offer(1, "Livre", image_url="https://img/1"),
            corpus.offer(2, "Sans image"),
            corpus.offer(
                3, "Concert", is_event=True, next_date=NOW + timedelta(days=3), image_url="u3"
            ),
            corpus.offer(
                4, "Théâtre", is_event=True, next_date=NOW + timedelta(days=1), image_url="u4"
            ),
        ],
    )
    assert offer_image_urls(db) == ["u4", "u3", "https://img/1"]
    with db.connect() as conn:
        assert catalogue.image_urls(conn, limit=1) == ["u4"]
