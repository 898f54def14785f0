"""A counter with every reconciliation case, built on the real sandbox (loopback): validations
here pushed, reimbursed through /sandbox/*, cancelled on the server, unknown, unsent, one
invalidated, one validated elsewhere then reimbursed, and the pro export imported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.sandbox.seed import BOOKSHOP_VENUE_ID
from tests.fixtures.sandbox import client_for

REIMBURSED_ON = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@dataclass
class World:
    kiosk: Any
    sandbox: Any
    tokens: dict[str, str]  # case → token
    bookings: dict[str, dict[str, Any]]  # case → the sandbox's booking
    export: Path


def build_world(make_kiosk: Any, sandbox: Any, tmp_path: Path) -> World:
    kiosk = make_kiosk()
    kiosk.engine.sync_once(full=True)
    things = [
        b
        for b in sandbox.bookings(venue_id=BOOKSHOP_VENUE_ID, status="CONFIRMED")
        if not b["isEvent"]
    ]
    cases = ("reimbursed", "awaiting", "cancelled", "unsent", "invalidated", "elsewhere")
    picks = dict(zip(cases, things, strict=False))
    assert len(picks) == 6, "the demo world has enough bookings to collect"
    tok = {k: b["token"] for k, b in picks.items()}
    c = kiosk.counter
    assert c.validate(tok["reimbursed"], staff="Alice").ok
    assert c.validate(tok["awaiting"], staff="Bob").ok
    assert c.validate(tok["invalidated"], staff="Alice").ok
    assert c.unvalidate(tok["invalidated"], staff="Alice").ok
    assert c.check(tok["cancelled"]).booking is not None  # learnt online, then offline:
    sandbox.cut_network()
    assert c.validate(tok["cancelled"], staff="Bob").ok
    c.validate("ZZZZZ2", unverified=True, staff="Bob")  # never existed: unknown
    sandbox.restore_network()
    with client_for(sandbox) as http:
        # the youth cancelled before the counter's validation reached pass Culture
        assert http.post(f"/sandbox/bookings/{tok['cancelled']}/cancel").status_code == 200
        kiosk.engine.sync_once()
        r = http.post(
            f"/sandbox/bookings/{tok['reimbursed']}/reimburse",
            json={"date": REIMBURSED_ON.isoformat()},
        )
        assert r.status_code == 200, r.text
        # another counter (the pro portal's Guichet page) validated this one; then paid
        use = http.patch(f"/public/bookings/v1/use/token/{tok['elsewhere']}")
        assert use.status_code == 204, use.text
        r = http.post(f"/sandbox/bookings/{tok['elsewhere']}/reimburse")
        assert r.status_code == 200, r.text
        kiosk.engine.sync_once(full=True)
        export = http.get(
            "/sandbox/pro-export", params={"venueId": BOOKSHOP_VENUE_ID, "format": "csv"}
        )
    path = tmp_path / "reservations_pass_culture.csv"
    path.write_bytes(export.content)
    # validated here while the network is down: not sent yet
    assert c.check(tok["unsent"]).booking is not None  # the token learnt online first
    sandbox.cut_network()
    assert c.validate(tok["unsent"], staff="Alice").ok  # the cache knows it: decided offline
    sandbox.restore_network()
    tok["unknown"] = "ZZZZZ2"
    return World(kiosk, sandbox, tok, picks, path)


def period_around_now() -> tuple[Any, Any]:
    today = datetime.now(UTC).date()
    return today - timedelta(days=1), today + timedelta(days=1)
