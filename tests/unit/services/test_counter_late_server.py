"""The counter when pass Culture is reached but answers too slowly (a loaded server): the
quick online check times out, the verdict is decided locally and says so — "n'a pas répondu à
temps", never "injoignable" — and connectivity no longer says a plain "En ligne". Real
sandbox, its latency injection on.

Why such a code is unknown locally at all, even after a full sync: pass Culture's bookings
list has no tokens (facts §8); a code is known once asked about online or imported from the
pro portal's export.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.domain.display import source_line
from kiosk.domain.messages import render
from kiosk.domain.verdict import VerdictKind
from kiosk.platform.config import Config
from kiosk.sandbox.seed import BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID
from kiosk.services.wiring import open_services
from kiosk.store import bookings
from kiosk.sync.api import QUICK_TIMEOUT
from kiosk.sync.connectivity import NetState, reason_text

LATE = "pass Culture n'a pas répondu à temps — décidé sur les données locales"
VENUES = (BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID)


def _open(sandbox, tmp_path: Path):
    cfg = Config(
        data_dir=tmp_path / "kiosk",
        api_url=sandbox.url,
        api_key=sandbox.api_key,
        venue_ids=VENUES,
        counter_name="Guichet 1",
        kiosk_id="k1",
        rate_limit=False,
    )
    return open_services(cfg)


def _confirmed_tokens(sandbox) -> list[str]:
    return [
        str(b["token"])
        for b in sandbox.bookings()
        if b.get("status") == "CONFIRMED" and b.get("venueId") in VENUES
    ]


def test_a_server_too_slow_for_the_quick_check_is_late_not_unreachable(sandbox, tmp_path):
    services = _open(sandbox, tmp_path)
    try:
        services.engine.sync_once(full=True)
        first, second, *_ = _confirmed_tokens(sandbox)
        with services.db.connect() as conn:  # the list never gives tokens: unknown here
            raw = conn.connection.driver_connection
            assert bookings.lookup(raw, first).booking is None
        assert services.connectivity.state is NetState.ONLINE

        # Longer than the counter's wait for an answer, shorter than any outage.
        sandbox.set_faults(latency_ms=int((QUICK_TIMEOUT.read or 2.0) * 1000) + 1500)
        result = services.counter.check(first)
        assert result.source == "local" and result.late
        assert result.verdict.kind is VerdictKind.UNKNOWN_OFFLINE and result.verdict.late
        for lang in ("fr", "en"):
            message = render(result.verdict, lang).message
            assert "injoignable" not in message and "unreachable" not in message
        assert "n'a pas répondu à temps" in render(result.verdict).message
        assert "did not answer in time" in render(result.verdict, "en").message
        line = source_line(result.source, result.data_as_of, late=result.late)
        assert line.startswith(LATE)
        en = source_line(result.source, result.data_as_of, "en", late=result.late)
        assert en.startswith("pass Culture did not answer in time — decided on local data")
        # What the status bar shows follows what the counter just met.
        assert services.connectivity.state is NetState.UNSTEADY
        assert services.connectivity.is_online()  # reached: still worth asking
        assert reason_text(services.connectivity.said) == "pass Culture n'a pas répondu à temps"

        # Validating it: recorded "to confirm" is staff's choice; the plain refusal says late.
        refused = services.counter.validate(second)
        assert refused.verdict.kind is VerdictKind.UNKNOWN_OFFLINE
        assert refused.verdict.late  # the second miss in a row: offline, for slowness

        # Offline for slowness, the local answer still says why.
        assert services.connectivity.state is NetState.OFFLINE
        offline = services.counter.check(first)
        assert offline.late and offline.verdict.late

        # The server answers in time again: online, and the code is checked there.
        sandbox.clear_faults()
        services.connectivity.success(0.01)  # what the sync loop's probe does
        back = services.counter.check(first)
        assert back.source == "online" and not back.late
        assert back.verdict.kind is VerdictKind.VALIDABLE
        assert services.connectivity.state is NetState.ONLINE
    finally:
        services.close()


def test_an_unreachable_server_is_still_said_unreachable(sandbox, tmp_path):
    services = _open(sandbox, tmp_path)
    try:
        services.engine.sync_once(full=True)
        token = _confirmed_tokens(sandbox)[0]
        sandbox.cut_network()
        result = services.counter.check(token)
        assert result.verdict.kind is VerdictKind.UNKNOWN_OFFLINE
        assert not result.late and not result.verdict.late
        assert "injoignable" in render(result.verdict).message
        assert services.connectivity.state is NetState.UNSTEADY  # one miss: not yet offline
    finally:
        services.close()
