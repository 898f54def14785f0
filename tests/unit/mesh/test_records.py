"""The peers' log: own records appended with the operation, sequences, replays and gaps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.domain.operations import OpKind
from kiosk.mesh.node import MeshNode, MeshSettings, valid_record
from kiosk.store import bookings, outbox, peers
from tests.fixtures.store import NOW, booking_row, insert_bookings


def _record(db, token="ABC234", booking_id=1):
    with db.connect_writer() as conn, conn.begin():
        return outbox.record(
            conn,
            kind=OpKind.USE,
            token=token,
            booking_id=booking_id,
            now=NOW,
            counter="A",
            staff="Zoé",
            kiosk_id="k",
        )


def _own(db, origin="kiosk-A"):
    with db.connect() as conn:
        return peers.after(conn, origin, 0)


def test_nothing_is_recorded_for_peers_while_the_mesh_is_off(db):
    _record(db)
    with db.connect() as conn:
        assert peers.origins(conn) == []


def test_own_operations_outcomes_and_tokens_are_numbered_in_order(db):
    insert_bookings(db, [booking_row(1, None), booking_row(2, None)])
    with db.connect_writer() as conn, conn.begin():
        peers.set_origin(conn, "kiosk-A")
    op_id = _record(db)
    with db.connect_writer() as conn, conn.begin():
        outbox.mark_done(conn, op_id, NOW, 204)
        bookings.learn_token(conn, 2, "XYZ789", "online")
        bookings.learn_token(conn, 2, "XYZ789", "online")  # no news: nothing travels
        bookings.learn_token(conn, -5, "LOC123", "import")  # a local stand-in: stays here
    own = _own(db)
    assert [(r["seq"], r["kind"]) for r in own] == [(1, "op"), (2, "outcome"), (3, "token")]
    assert own[0] == {
        "origin": "kiosk-A",
        "seq": 1,
        "kind": "op",
        "op_id": op_id,
        "op_kind": "use",
        "token": "ABC234",
        "booking_id": 1,
        "at": own[0]["at"],
        "counter": "A",
        "staff": "Zoé",
        "unverified": False,
    }
    assert own[1]["state"] == "done" and own[1]["op_id"] == op_id
    assert own[2]["token"] == "XYZ789" and own[2]["booking_id"] == 2
    for r in own:  # what travels: the known fields only
        assert set(r) <= set(peers.FIELDS)
        assert valid_record(r)


def test_held_counts_each_sequence_once_and_sees_gaps():
    held = peers.Held()
    assert held.add(1) and held.add(2)
    assert not held.add(2)  # replay
    assert held.add(5) and held.gap and held.head == 2
    assert held.add(3) and held.add(4)
    assert held.head == 5 and not held.gap
    assert not held.add(4)


@pytest.mark.parametrize(
    "bad",
    [
        {"first_name": "Léa"},  # a field that has no business on the wire
        {"seq": 0},
        {"seq": True},
        {"kind": "booking"},
        {"op_kind": "cancel"},
        {"token": "X" * 40},
        {"booking_id": "12"},
        {"at": "yesterday"},
        {"at": "2026-12-02T10:00:00"},  # naive
        {"unverified": "no"},
    ],
)
def test_malformed_records_are_refused(bad):
    good = {
        "origin": "kiosk-B",
        "seq": 1,
        "kind": "op",
        "op_id": "x",
        "op_kind": "use",
        "token": "ABC234",
        "at": "2026-12-02T10:00:00+00:00",
    }
    assert valid_record(good)
    assert not valid_record({**good, **bad})


def _node(db, origin="kiosk-A"):
    return MeshNode(db, api_key="K", origin=origin, counter_name="A", settings=MeshSettings())


def _peer_record(seq, origin="kiosk-B", token="ABC234"):
    return {
        "origin": origin,
        "seq": seq,
        "kind": "op",
        "op_id": f"{origin}-{seq}",
        "op_kind": "use",
        "token": token,
        "at": datetime.now(UTC).isoformat(),
        "counter": "B",
    }


def test_replayed_and_own_records_are_dropped_and_counted(db):
    node = _node(db)
    assert node._ingest([_peer_record(1), _peer_record(2)], live=True) == 2
    assert node._ingest([_peer_record(2)], live=True) == 0  # replay
    assert node._ingest([_peer_record(1, origin="kiosk-A")], live=True) == 0  # "ours", live
    s = node.status()
    assert (s.received, s.replayed) == (2, 2)
    with db.connect() as conn:
        assert [r["seq"] for r in peers.after(conn, "kiosk-B", 0)] == [1, 2]
        assert peers.after(conn, "kiosk-A", 0) == []


def test_a_catch_up_gives_back_own_records_lost_with_a_restored_database(db):
    node = _node(db)
    assert node._ingest([_peer_record(1, origin="kiosk-A")], live=False) == 1
    with db.connect() as conn:
        assert peers.last_seq(conn, "kiosk-A") == 1  # the next own record is numbered 2


def test_a_gap_in_a_live_sequence_asks_for_a_catch_up(db):
    node = _node(db)
    node._ingest([_peer_record(1)], live=True)
    assert not node._want_catchup.is_set()
    node._ingest([_peer_record(3)], live=True)
    assert node._want_catchup.is_set()
    assert node.heads() == {"kiosk-B": 1}  # asks from the last sequence held without a gap


def test_what_is_held_survives_a_restart(db):
    _node(db)._ingest([_peer_record(1), _peer_record(2), _peer_record(4)], live=True)
    with db.connect() as conn:
        held = peers.held(conn)
    assert held["kiosk-B"].head == 2 and held["kiosk-B"].above == {4}
