"""Pull: page by page, resumable, new bookings and cancellations found, age always known."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kiosk.sandbox.seed import MAIN_OFFERER_ID
from kiosk.store import bookings, models, state
from tests.fixtures.sandbox import client_for
from tests.unit.sync.conftest import VENUES, sandbox_token


def _count(kiosk, table=bookings.T) -> int:
    with kiosk.services.db.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _server_count(sandbox) -> int:
    return sum(1 for b in sandbox.bookings() if b["venueId"] in VENUES)


def test_full_pull_brings_every_booking_offer_and_date(make_kiosk, sandbox):
    kiosk = make_kiosk()
    seen: list[tuple[str, int]] = []
    summary = kiosk.engine.sync_once(full=True, progress=lambda s, d, t: seen.append((s, d)))
    assert summary.error is None
    assert _count(kiosk) == _server_count(sandbox) == summary.pulled_bookings
    assert _count(kiosk, models.Offer.__table__) == summary.pulled_offers > 0
    assert _count(kiosk, models.Venue.__table__) >= len(VENUES)
    assert {s for s, _ in seen} >= {"offers", "bookings"}
    # in the order the counter needs: venues, its bookings, then the offers
    stages = [s for s, _ in seen]
    assert stages[0] == "venues"
    assert stages.index("bookings") < stages.index("offers")
    assert "bookings" not in stages[stages.index("offers") :]
    with kiosk.services.db.connect() as conn:
        assert state.get_time(conn, state.PULLED_AT) is not None
        # event bookings know their date (from the event's dates), things don't
        events = conn.execute(
            select(func.count()).where(bookings.T.c.beginning.is_not(None))
        ).scalar_one()
    assert events > 0


def test_the_cache_never_keeps_contact_data(make_kiosk, sandbox):
    kiosk = make_kiosk()
    kiosk.engine.sync_once(full=True)
    raw = kiosk.services.db.path.read_bytes()
    wal = kiosk.services.db.path.with_name(kiosk.services.db.path.name + "-wal")
    if wal.exists():
        raw += wal.read_bytes()
    with client_for(sandbox) as http:  # what the API hands over about each youth
        page = http.get("/public/bookings/v1/bookings", params={"venueId": VENUES[0]}).json()
    users = page["bookings"]
    assert users
    for u in users:
        for field in ("userEmail", "userPhoneNumber", "userBirthDate"):
            if u.get(field):
                assert u[field].encode() not in raw, field
        assert u["userLastName"].encode() in raw  # the name is kept, for the ID check


def test_network_cut_in_the_middle_of_a_pull_resumes_where_it_stopped(make_kiosk, sandbox):
    kiosk = make_kiosk()
    pages = {"n": 0}

    def cut_after_two_pages(stage: str, done: int, total) -> None:
        if stage == "bookings":
            pages["n"] += 1
            if pages["n"] == 2:
                sandbox.cut_network()

    summary = kiosk.engine.sync_once(full=True, progress=cut_after_two_pages)
    assert summary.error is not None
    partial = _count(kiosk)
    assert 0 < partial < _server_count(sandbox)
    with kiosk.services.db.connect() as conn:
        assert state.get_time(conn, state.PULLED_AT) is None  # incomplete: no age claimed
        cursor = state.get(conn, f"cursor.bookings.{VENUES[0]}")
    assert cursor is not None and int(cursor) > 1
    sandbox.restore_network()
    requests_before = _requests(sandbox)
    summary = kiosk.engine.sync_once(full=True)
    assert summary.error is None
    assert _count(kiosk) == _server_count(sandbox)
    # resumed: the already-fetched pages were not walked again
    assert _requests(sandbox) - requests_before < _server_count(sandbox) // 50 + 40


def _requests(sandbox) -> int:
    return getattr(sandbox.context, "request_count", 0)


def test_new_bookings_show_up_with_the_next_light_pull(make_kiosk, sandbox):
    kiosk = make_kiosk()
    kiosk.engine.sync_once(full=True)
    offer = next(b for b in sandbox.bookings(status="CONFIRMED") if not b["isEvent"])
    created = sandbox.create_booking(
        offerId=offer["offerId"], userFirstName="Inès", userLastName="Nouvelle"
    )
    assert kiosk.engine.puller.bookings_new() >= 1
    with kiosk.services.db.connect() as conn:
        assert bookings.by_id(conn, created["id"]) is not None


def test_cancellations_of_active_bookings_are_found(make_kiosk, sandbox):
    kiosk = make_kiosk()
    kiosk.engine.sync_once(full=True)
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    sandbox.world.cancel_by_beneficiary(MAIN_OFFERER_ID, b["token"])
    kiosk.engine.puller.bookings_active()
    with kiosk.services.db.connect() as conn:
        assert bookings.by_id(conn, b["id"]).status.value == "CANCELLED"


@pytest.mark.sandbox_options(rate_limit=True, rate_limit_per_minute=60)
def test_429_storm_is_waited_out_not_fatal(make_kiosk, sandbox):
    """The kiosk's own limiter is off here: the server's 429s must be honoured with
    Retry-After, and the pull must still complete."""
    limiter = sandbox.context.limiter
    limiter.window = 2.0  # 60 requests per 2 s: the storm is over within seconds
    kiosk = make_kiosk()
    # Another process spent the key's quota: a storm awaits. Spent in the server's own limiter,
    # not by racing the window over HTTP: under Wine the loopback serves ~100 requests/s, and a
    # loop waiting for its 429 never ended. A fresh window, so the storm outlasts the next line.
    limiter.reset()
    while limiter.hit(sandbox.api_key) is None:
        pass
    with client_for(sandbox) as http:
        assert http.get("/public/offers/v1/offerer_venues").status_code == 429
    summary = kiosk.engine.sync_once(full=True)
    assert summary.error is None
    assert kiosk.services.client.limiter.throttled > 0
    assert _count(kiosk) == _server_count(sandbox)
