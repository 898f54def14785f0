"""The counter when pass Culture limits the key's requests (429) because another client of the
structure spent the budget: a local verdict that says so, not an outage. Real sandbox, its
rate limit on."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kiosk.domain.display import source_line
from kiosk.domain.messages import render
from kiosk.domain.verdict import VerdictKind
from kiosk.platform.config import Config
from kiosk.sandbox.seed import BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID
from kiosk.services.wiring import open_services
from kiosk.store import outbox
from kiosk.sync.connectivity import NetState
from tests.fixtures.sandbox import client_for

LIMITED = "pass Culture limite les requêtes — décidé sur les données locales (nouvel essai dans"


def _open(sandbox, tmp_path: Path):
    cfg = Config(
        data_dir=tmp_path / "kiosk",
        api_url=sandbox.url,
        api_key=sandbox.api_key,
        venue_ids=(BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID),
        counter_name="Guichet 1",
        kiosk_id="k1",
        rate_limit=True,  # the kiosk's own scheduler on, as in production
    )
    return open_services(cfg)


def _exhaust(sandbox) -> None:
    """Another client of the structure (another counter, a `kiosk sync`) spends the key."""
    with client_for(sandbox) as http:
        while http.get("/public/offers/v1/offerer_venues").status_code != 429:
            pass


def _a_confirmed_token(sandbox, skip: str = "") -> str:
    for b in sandbox.bookings():
        if (
            b["token"] != skip
            and b.get("status") == "CONFIRMED"
            and b.get("venueId")
            in (
                BOOKSHOP_VENUE_ID,
                CONCERT_HALL_VENUE_ID,
            )
        ):
            return str(b["token"])
    raise LookupError("no confirmed booking")


@pytest.mark.sandbox_options(rate_limit=True, rate_limit_per_minute=20)
def test_a_429_at_the_counter_is_a_local_verdict_that_says_so(sandbox, tmp_path):
    services = _open(sandbox, tmp_path)
    try:
        token = _a_confirmed_token(sandbox)  # never seen here: not in the local data
        _exhaust(sandbox)
        started = time.monotonic()
        result = services.counter.check(token)
        assert time.monotonic() - started < 2.0  # the counter never waits out the limit
        assert result.source == "local"
        assert result.verdict.kind is VerdictKind.UNKNOWN_OFFLINE
        assert result.verdict.rate_limited
        assert result.limited_for is not None and 0 < result.limited_for <= 60
        line = source_line(result.source, result.data_as_of, limited_for=result.limited_for)
        assert line.startswith(LIMITED)
        assert "Aucune donnée synchronisée" in line  # the data's age, always
        assert "injoignable" not in render(result.verdict).message
        en = source_line(result.source, result.data_as_of, "en", limited_for=result.limited_for)
        assert en.startswith("pass Culture is limiting requests — decided on local data")
        assert services.connectivity.state is NetState.LIMITED
        assert services.connectivity.is_online()  # reachable: not "Hors ligne"
        assert "limite les requêtes" in services.connectivity.reason

        # meanwhile the counter keeps deciding locally, at once, without asking the server
        again = services.counter.check(token)
        assert again.limited_for is not None and again.source == "local"
    finally:
        services.close()


@pytest.mark.sandbox_options(rate_limit=True, rate_limit_per_minute=20)
def test_validation_while_limited_is_recorded_not_ambiguous_then_online_again(sandbox, tmp_path):
    sandbox.context.limiter.window = 2.0  # the key's budget comes back within seconds
    services = _open(sandbox, tmp_path)
    try:
        token = _a_confirmed_token(sandbox)
        assert services.counter.check(token).source == "online"  # learnt from the server
        _exhaust(sandbox)
        result = services.counter.validate(token)
        assert result.verdict.kind is VerdictKind.VALIDATED and result.source == "local"
        with services.db.connect() as conn:
            [op] = outbox.all_ops(conn)
        # refused by a 429 (or our scheduler during the pause): never reached the server
        assert op.state.value == "pending" and not op.ambiguous
        assert services.connectivity.state is NetState.LIMITED

        deadline = time.monotonic() + 10.0
        while time.monotonic() < deadline:
            checked = services.counter.check(_a_confirmed_token(sandbox, skip=token))
            if checked.source == "online":
                break
            time.sleep(0.2)
        assert checked.source == "online" and checked.limited_for is None
        assert services.connectivity.state is NetState.ONLINE
    finally:
        services.close()
