"""A page read before this counter's own validation reached the server must not reopen the
booking. The crash harness found it: a pull read a page, the counter validated a booking on it
and sent the validation, then the pull stored the page (still "CONFIRMED"); the same code scanned
again was VALIDABLE, validated a second time, and the server refused it ("validée ailleurs")."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest

from kiosk.domain.clock import utcnow
from kiosk.domain.operations import OpState
from kiosk.domain.verdict import VerdictKind
from kiosk.sandbox.seed import BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID
from kiosk.services.importer import import_file
from tests.fixtures.sandbox import client_for
from tests.unit.sync.conftest import sandbox_token


def _read_then(kiosk, booking_id: int, meanwhile) -> None:
    """Make the pull's page holding `booking_id` come back, then run `meanwhile` before the
    page is stored: the race, made certain."""
    client = kiosk.engine.puller.client
    real = client.bookings_page
    fired = []

    def page_then_act(*args: Any, **kw: Any) -> list[dict[str, Any]]:
        page = real(*args, **kw)
        if not fired and any(r["id"] == booking_id for r in page):
            fired.append(True)
            meanwhile()
        return page

    client.bookings_page = page_then_act


def test_a_page_read_before_our_validation_does_not_reopen_it(make_kiosk, sandbox):
    kiosk = make_kiosk()
    assert kiosk.engine.sync_once(full=True).error is None
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False, venueId=BOOKSHOP_VENUE_ID)
    results = []
    _read_then(kiosk, b["id"], lambda: results.append(kiosk.counter.validate(b["token"])))

    kiosk.engine.puller.bookings_full()

    assert results and results[0].verdict.kind is VerdictKind.VALIDATED
    assert [op.state for op in kiosk.ops()] == [OpState.DONE]  # sent, while the page waited
    assert kiosk.booking(b["token"]).status.value == "USED"
    again = kiosk.counter.check_local(b["token"])
    assert again.verdict.kind is VerdictKind.ALREADY_USED


def test_a_validation_still_pending_keeps_the_booking_used(make_kiosk, sandbox):
    kiosk = make_kiosk()
    assert kiosk.engine.sync_once(full=True).error is None
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False, venueId=BOOKSHOP_VENUE_ID)
    assert kiosk.counter.check(b["token"]).booking is not None  # the token, learned online
    sandbox.cut_network()
    assert kiosk.counter.validate(b["token"]).verdict.kind is VerdictKind.VALIDATED
    sandbox.restore_network()
    assert [op.state for op in kiosk.ops()] == [OpState.PENDING]

    kiosk.engine.puller.bookings_full()  # the server has not had it: its pages say CONFIRMED
    assert kiosk.booking(b["token"]).status.value == "USED"

    assert kiosk.engine.sync_once().error is None
    assert [op.state for op in kiosk.ops()] == [OpState.DONE]
    assert kiosk.counter.check_local(b["token"]).verdict.kind is VerdictKind.ALREADY_USED


def test_a_page_read_after_our_validation_settled_is_the_truth(make_kiosk, sandbox):
    """Not held forever: once the server had our validation, its word wins (here the venue
    invalidated the booking from the pro portal's Guichet)."""
    kiosk = make_kiosk()
    assert kiosk.engine.sync_once(full=True).error is None
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False, venueId=BOOKSHOP_VENUE_ID)
    assert kiosk.counter.validate(b["token"]).verdict.kind is VerdictKind.VALIDATED
    assert [op.state for op in kiosk.ops()] == [OpState.DONE]
    with client_for(sandbox) as http:
        assert http.patch(f"/public/bookings/v1/keep/token/{b['token']}").status_code == 204

    kiosk.engine.puller.bookings_full()
    assert kiosk.booking(b["token"]).status.value == "CONFIRMED"


@pytest.mark.parametrize("clock_step_h", [0, -1])
def test_a_page_served_while_our_validation_was_on_its_way_is_older(
    make_kiosk, sandbox, clock_step_h
):
    """The second race the harness found: the page was asked for after the push started but
    served before the server committed it. Decided by outbox ids, not clocks: with the clock
    stepped back an hour while the validation was on its way (NTP), the page is still older."""
    kiosk = make_kiosk()
    pusher = kiosk.engine.pusher
    pusher.clock = lambda: utcnow() + timedelta(hours=clock_step_h)
    assert kiosk.engine.sync_once(full=True).error is None
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False, venueId=BOOKSHOP_VENUE_ID)
    assert kiosk.counter.check(b["token"]).booking is not None  # the token, learned online
    client = kiosk.engine.puller.client
    real_page, real_use = client.bookings_page, client.use
    page_read, settled = threading.Event(), threading.Event()
    pull = threading.Thread(target=kiosk.engine.puller.bookings_full)

    def page(*args: Any, **kw: Any) -> list[dict[str, Any]]:
        rows = real_page(*args, **kw)
        if any(r["id"] == b["id"] for r in rows):
            page_read.set()  # read while the validation is on its way...
            settled.wait(30)  # ...stored once it is settled
        return rows

    def use(token: str, **kw: Any) -> None:
        pull.start()
        assert page_read.wait(30)
        real_use(token, **kw)

    client.bookings_page, client.use = page, use
    result = kiosk.counter.validate(b["token"])
    settled.set()
    pull.join(60)

    assert result.verdict.kind is VerdictKind.VALIDATED
    assert [op.state for op in kiosk.ops()] == [OpState.DONE]
    assert kiosk.booking(b["token"]).status.value == "USED"
    assert kiosk.counter.check_local(b["token"]).verdict.kind is VerdictKind.ALREADY_USED


def test_a_validation_on_an_imported_stand_in_survives_the_pull_that_brings_the_booking(
    make_kiosk, sandbox, tmp_path
):
    """Imported from the pro export before any sync, validated offline on the local stand-in;
    the pull then brings the real booking (still CONFIRMED: the server has not had it yet)."""
    kiosk = make_kiosk()
    with client_for(sandbox) as http:
        r = http.get("/sandbox/pro-export", params={"venueId": CONCERT_HALL_VENUE_ID})
    export = tmp_path / "export.csv"
    export.write_bytes(r.content)
    assert import_file(kiosk.services.db, export, venue_ids=(CONCERT_HALL_VENUE_ID,)).created > 0
    sandbox.cut_network()
    b = next(
        b
        for b in sandbox.bookings(venue_id=CONCERT_HALL_VENUE_ID, status="CONFIRMED")
        if b["token"]
        and b["isEvent"]
        and kiosk.counter.check_local(b["token"]).verdict.kind is VerdictKind.VALIDABLE
    )
    assert kiosk.counter.validate(b["token"]).verdict.kind is VerdictKind.VALIDATED
    assert kiosk.ops()[0].booking_id < 0  # recorded on the stand-in
    sandbox.restore_network()

    kiosk.engine.puller.bookings_full()  # brings the real booking, drops the stand-in
    booking = kiosk.booking(b["token"])
    assert booking.id == b["id"] and booking.status.value == "USED"
    assert kiosk.ops()[0].booking_id == b["id"]

    assert kiosk.engine.sync_once().error is None
    assert [op.state for op in kiosk.ops()] == [OpState.DONE]
    assert kiosk.counter.check_local(b["token"]).verdict.kind is VerdictKind.ALREADY_USED
