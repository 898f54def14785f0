"""Start of day with the structure's rate limit on: the first full sync runs in the background
of the same process while the counter checks youths' codes — answered online, never queued
behind the sync's pages. Real sandbox; its window shortened so the test takes seconds."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from kiosk.platform.config import Config
from kiosk.sandbox.seed import BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID
from kiosk.services.wiring import open_services
from kiosk.store import bookings
from kiosk.sync.limiter import RequestScheduler

VENUES = (BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID)
WINDOW = 2.0  # seconds: the sandbox's and the kiosk's "minute", shortened alike


@pytest.mark.sandbox_options(rate_limit=True, rate_limit_per_minute=20)
def test_first_sync_and_counter_share_the_key(sandbox, tmp_path: Path):
    sandbox.context.limiter.window = WINDOW
    cfg = Config(
        data_dir=tmp_path / "kiosk",
        api_url=sandbox.url,
        api_key=sandbox.api_key,
        venue_ids=VENUES,
        counter_name="Guichet 1",
        kiosk_id="k1",
        rate_limit=True,
    )
    services = open_services(cfg)
    assert services.client is not None and services.engine is not None
    # As wiring builds it (190 of 200 a minute), on the shortened window.
    services.client.limiter = RequestScheduler(19, WINDOW)
    tokens = [
        b["token"]
        for b in sandbox.bookings()
        if b.get("venueId") in VENUES and b.get("status") == "CONFIRMED"
    ][:6]
    assert len(tokens) == 6
    try:
        done = threading.Event()
        summaries = []

        def first_sync() -> None:
            summaries.append(services.engine.sync_once(full=True))
            done.set()

        sync = threading.Thread(target=first_sync, daemon=True)
        sync.start()
        time.sleep(WINDOW)  # the sync is under way and has spent its share of the window
        sources = []
        for token in tokens:
            sources.append(services.counter.check(token).source)
            time.sleep(WINDOW / 4)
        # the sync was still running: the counter did share the key with it
        busy = not done.is_set()
        assert done.wait(120.0), "the first sync never ended"
        [summary] = summaries
        assert summary.error is None
        assert busy
        assert sources == ["online"] * len(tokens)
        with services.db.connect() as conn:
            assert bookings.by_token(conn, tokens[0]) is not None
    finally:
        services.close()
