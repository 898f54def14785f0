"""The catalogue covers every venue of the key (librarian mode: the structure's digital venue
too), a few pages per sync pass, while the counter's bookings stay its own venues'."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from kiosk.sandbox.seed import DIGITAL_VENUE_ID
from kiosk.store import bookings, models
from kiosk.sync import engine as engine_mod
from kiosk.sync.api import PAGE_LIMIT
from tests.unit.sync.conftest import VENUES

OFFERS = models.Offer.__table__
FRESH = timedelta(hours=6)


def _offers(kiosk, venue_id: int) -> int:
    with kiosk.services.db.connect() as conn:
        return conn.execute(
            select(func.count()).select_from(OFFERS).where(OFFERS.c.venue_id == venue_id)
        ).scalar_one()


def _server_offers(sandbox, venue_id: int) -> int:
    return int(sandbox.db.scalar("SELECT COUNT(*) FROM offer WHERE venue_id = ?", (venue_id,)))


def test_other_venues_offers_come_a_few_pages_at_a_time(make_kiosk, sandbox):
    kiosk = make_kiosk()
    kiosk.engine.sync_once(full=True)
    assert DIGITAL_VENUE_ID not in VENUES
    assert DIGITAL_VENUE_ID in kiosk.engine.puller.catalogue_venues()
    assert _offers(kiosk, DIGITAL_VENUE_ID) == 0  # the first sync is the counter's

    others = kiosk.engine.puller.catalogue_venues()
    client = kiosk.engine.client
    pages: list[tuple[str, int]] = []
    real = client.offers_page

    def counted(kind: str, venue_id: int, first_index: int = 1):  # the real call, counted
        pages.append((kind, venue_id))
        return real(kind, venue_id, first_index)

    client.offers_page = counted  # type: ignore[method-assign]
    rows, fresh = kiosk.engine.puller.catalogue_offers(3, FRESH)
    assert not fresh and 0 < rows <= 3 * PAGE_LIMIT
    assert len(pages) == 3  # the budget: three list pages, no more
    assert {v for _, v in pages} <= set(others)
    rows2, _ = kiosk.engine.puller.catalogue_offers(2, FRESH)  # resumes after them
    assert sum(_offers(kiosk, v) for v in others) == rows + rows2 > rows

    while not fresh:
        _, fresh = kiosk.engine.puller.catalogue_offers(500, FRESH)
    for venue_id in others:
        assert _offers(kiosk, venue_id) == _server_offers(sandbox, venue_id), venue_id
    assert _offers(kiosk, DIGITAL_VENUE_ID) > 10_000
    assert kiosk.engine.puller.catalogue_offers(500, FRESH) == (0, True)  # fresh: no request
    with kiosk.services.db.connect() as conn:  # bookings: the counter's venues only
        venues = {r[0] for r in conn.execute(select(bookings.T.c.venue_id).distinct())}
    assert venues <= set(VENUES)


def test_sync_passes_walk_the_catalogue_after_the_counter(make_kiosk, monkeypatch):
    monkeypatch.setattr(engine_mod, "CATALOGUE_PAGES", 4)
    kiosk = make_kiosk()
    kiosk.engine.sync_once(full=True)
    kiosk.engine.tick()  # the first pass of a process refreshes the counter's lists
    summary = kiosk.engine.tick()
    assert summary.error is None and summary.pulled_offers > 0
    others = kiosk.engine.puller.catalogue_venues()
    assert 0 < sum(_offers(kiosk, v) for v in others) <= 4 * PAGE_LIMIT
