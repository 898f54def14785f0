"""Offline decisions with what the other counters of the venue said (kiosk.store.peers): the
transport is the mesh's (tests/unit/mesh, tests/e2e/test_mesh_counters.py); here, the verdicts."""

from __future__ import annotations

import pytest

from kiosk.domain.booking import BookingStatus
from kiosk.domain.messages import render
from kiosk.domain.verdict import VerdictKind
from kiosk.services.counter import Counter
from kiosk.store import bookings, outbox, peers
from kiosk.store.database import Database
from tests.fixtures.store import NOW, VENUE, booking_row, insert_bookings


@pytest.fixture
def venue(tmp_path, clock):
    """Two counters of one venue, A and B, with the same cache (token known to both or not)."""
    made = {}
    for name in "AB":
        db = Database.open(tmp_path / name)
        with db.connect_writer() as conn, conn.begin():
            peers.set_origin(conn, f"kiosk-{name}")
        insert_bookings(db, [booking_row(1, "ABC234"), booking_row(2, None)])
        made[name] = Counter(db, venue_ids=[VENUE], counter_name=name, kiosk_id=name, clock=clock)
    yield made
    for c in made.values():
        c.close()
        c.db.dispose()


def tell(src: Counter, dst: Counter) -> int:
    """What the mesh does: every record of `src` it does not hold yet reaches `dst`."""
    with src.db.connect() as conn:
        records = [r for o in peers.origins(conn) for r in peers.after(conn, o, 0)]
    with dst.db.connect_writer() as conn, conn.begin():
        return peers.insert_received(conn, records, NOW)[0]


def test_a_code_validated_at_another_counter_is_already_used_here(venue, clock):
    a, b = venue["A"], venue["B"]
    assert b.check("ABC234", online=False).verdict.kind is VerdictKind.VALIDABLE
    a.validate("ABC234", staff="Zoé")
    clock.advance(minutes=1)
    tell(a, b)
    seen = b.check("ABC234", online=False).verdict
    assert seen.kind is VerdictKind.ALREADY_USED
    assert (seen.used_counter, seen.used_staff, seen.used_at, seen.unconfirmed) == (
        "A",
        "Zoé",
        NOW,
        True,
    )
    shown = render(seen)
    assert shown.title == "DÉJÀ VALIDÉE"
    assert shown.message == (
        "Cette contremarque a déjà été validée le 27/11/2026 à 15:00, au guichet « A », "
        "par Zoé (pas encore confirmé par pass Culture)."
    )
    assert "(not yet confirmed by pass Culture)" in render(seen, "en").message
    # B refuses a second entry and records nothing.
    assert b.validate("ABC234").verdict.kind is VerdictKind.ALREADY_USED
    with b.db.connect() as conn:
        assert outbox.all_ops(conn) == []


def test_once_the_server_confirmed_it_the_verdict_says_no_more_pending(venue):
    a, b = venue["A"], venue["B"]
    op_id = a.validate("ABC234").op_id
    with a.db.connect_writer() as conn, conn.begin():
        outbox.mark_done(conn, op_id, NOW, 204)
    tell(a, b)
    seen = b.check("ABC234", online=False).verdict
    assert seen.kind is VerdictKind.ALREADY_USED and not seen.unconfirmed


def test_an_invalidation_at_the_other_counter_makes_it_validable_again(venue, clock):
    a, b = venue["A"], venue["B"]
    a.validate("ABC234")
    clock.advance(minutes=2)
    assert a.unvalidate("ABC234").verdict.kind is VerdictKind.UNVALIDATED
    tell(a, b)
    assert b.check("ABC234", online=False).verdict.kind is VerdictKind.VALIDABLE


def _settled(counter: Counter, op_id: str | None) -> None:
    assert op_id
    with counter.db.connect_writer() as conn, conn.begin():
        outbox.mark_done(conn, op_id, NOW, 204)


def _b_invalidates(b: Counter) -> None:
    """B's cache saw the code used (a pull after A's validation), B invalidates it and
    pass Culture confirms: nothing of B's is pending any more."""
    with b.db.connect_writer() as conn, conn.begin():
        bookings.set_use_state(conn, 1, BookingStatus.USED, used_at=NOW, used_counter="A")
    result = b.unvalidate("ABC234")
    assert result.verdict.kind is VerdictKind.UNVALIDATED
    _settled(b, result.op_id)


def test_an_own_settled_invalidation_after_a_peers_validation_decides(venue, clock):
    a, b = venue["A"], venue["B"]
    _settled(a, a.validate("ABC234").op_id)
    tell(a, b)
    assert b.check("ABC234", online=False).verdict.kind is VerdictKind.ALREADY_USED
    clock.advance(minutes=1)
    _b_invalidates(b)
    # B's own invalidation is the latest word on the token: the youth may come in.
    assert b.check("ABC234", online=False).verdict.kind is VerdictKind.VALIDABLE
    tell(b, a)  # and A, whose cache says used by its own validation, agrees once told
    assert a.check("ABC234", online=False).verdict.kind is VerdictKind.VALIDABLE


def test_a_peers_validation_after_an_own_settled_invalidation_decides(venue, clock):
    a, b = venue["A"], venue["B"]
    _b_invalidates(b)
    clock.advance(minutes=1)
    _settled(a, a.validate("ABC234").op_id)
    tell(a, b)
    seen = b.check("ABC234", online=False).verdict
    assert seen.kind is VerdictKind.ALREADY_USED and seen.used_counter == "A"


def test_at_the_same_instant_the_operation_ids_decide_on_every_counter(venue):
    """No clock moves: whichever of the two operations has the higher id wins, on both."""
    a, b = venue["A"], venue["B"]
    _settled(a, a.validate("ABC234").op_id)
    tell(a, b)
    _b_invalidates(b)
    tell(b, a)
    with b.db.connect() as conn:
        [own] = outbox.all_ops(conn)
        [peer_op] = [r["op_id"] for r in peers.after(conn, "kiosk-A", 0) if r["kind"] == "op"]
    expected = VerdictKind.VALIDABLE if own.op_id > peer_op else VerdictKind.ALREADY_USED
    assert b.check("ABC234", online=False).verdict.kind is expected
    assert a.check("ABC234", online=False).verdict.kind is expected


def test_a_validation_the_server_refused_as_cancelled_does_not_count(venue):
    a, b = venue["A"], venue["B"]
    op_id = a.validate("ABC234").op_id
    with a.db.connect_writer() as conn, conn.begin():
        outbox.mark_conflict(conn, op_id, NOW, 410, "cancelled", "annulée")
    tell(a, b)
    assert b.check("ABC234", online=False).verdict.kind is VerdictKind.VALIDABLE


def test_a_token_learned_at_another_counter_is_known_here(venue):
    a, b = venue["A"], venue["B"]
    assert b.check("XYZ789", online=False).verdict.kind is VerdictKind.UNKNOWN_OFFLINE
    with a.db.connect_writer() as conn, conn.begin():
        bookings.learn_token(conn, 2, "XYZ789", "online")  # A's online check taught it
    tell(a, b)
    known = b.check("XYZ789", online=False)
    assert known.verdict.kind is VerdictKind.VALIDABLE and known.booking.id == 2
    done = b.validate("XYZ789")
    assert done.verdict.kind is VerdictKind.VALIDATED
    with b.db.connect() as conn:
        [op] = outbox.all_ops(conn)
    assert (op.token, op.booking_id) == ("XYZ789", 2)


def test_records_told_twice_are_stored_once(venue):
    a, b = venue["A"], venue["B"]
    a.validate("ABC234")
    assert tell(a, b) == 2  # the token A learned (fixture's import), the validation
    assert tell(a, b) == 0


def test_another_venues_booking_stays_another_venue_whoever_used_it(tmp_path, clock):
    made = []
    for name, venue in (("A", 200), ("B", VENUE)):
        db = Database.open(tmp_path / name)
        with db.connect_writer() as conn, conn.begin():
            peers.set_origin(conn, f"kiosk-{name}")
        insert_bookings(db, [booking_row(7, "OTHR23", venue_id=200, venue_name="La Halle")])
        made.append(Counter(db, venue_ids=[venue], counter_name=name, clock=clock))
    a, b = made
    try:
        a.validate("OTHR23")
        tell(a, b)
        assert b.check("OTHR23", online=False).verdict.kind is VerdictKind.WRONG_VENUE
    finally:
        for c in made:
            c.close()
            c.db.dispose()


def test_online_the_other_counters_validation_on_its_way_still_counts(sandbox, tmp_path):
    """The server says usable, but another counter let the youth in and its validation has not
    reached pass Culture yet: DÉJÀ VALIDÉE, not yet confirmed (no second entry)."""
    from kiosk.demo import world as demo
    from kiosk.services.wiring import open_services

    services = open_services(demo.demo_config(sandbox, tmp_path / "B"))
    try:
        token = next(
            t.token
            for t in demo.pick_tickets(
                sandbox.bookings(), sandbox.bookings(offerer_id=2), sandbox.now()
            )
            if t.kind == "validable"
        )
        first = services.counter.check(token)
        assert first.source == "online" and first.verdict.kind is VerdictKind.VALIDABLE
        with services.db.connect_writer() as conn, conn.begin():
            peers.set_origin(conn, "kiosk-B")
            peers.insert_received(
                conn,
                [
                    {
                        "origin": "kiosk-A",
                        "seq": 1,
                        "kind": "op",
                        "op_id": "op-a-1",
                        "op_kind": "use",
                        "token": token,
                        "booking_id": first.booking.id,
                        "at": sandbox.now().isoformat(),
                        "counter": "A",
                        "staff": "Zoé",
                    }
                ],
                NOW,
            )
        seen = services.counter.check(token)
        assert seen.source == "online"
        assert seen.verdict.kind is VerdictKind.ALREADY_USED and seen.verdict.unconfirmed
        assert seen.verdict.used_counter == "A"
    finally:
        services.close()
