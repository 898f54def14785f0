"""The shared records are purged with the retention: each origin's latest one stays (its
numbering goes on), what went counts as held, and a catch-up after a purge ends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.mesh.node import MeshNode, MeshSettings
from kiosk.services.wiring import open_services
from kiosk.store import peers, retention
from tests.e2e.mesh_helpers import free_ports, until
from tests.unit.mesh.test_wiring import _config

NOW = datetime(2026, 12, 2, 20, 0, tzinfo=UTC)
OLD = NOW - timedelta(days=40)


def _rec(origin: str, seq: int) -> dict:
    return {
        "origin": origin,
        "seq": seq,
        "kind": "op",
        "op_id": f"{origin}-{seq}",
        "op_kind": "use",
        "token": f"T{seq:05d}",
        "at": OLD.isoformat(),
        "counter": origin[-1],
    }


def _receive(db, origin: str, seqs, when: datetime) -> None:
    with db.connect_writer() as conn, conn.begin():
        peers.insert_received(conn, [_rec(origin, s) for s in seqs], when)


def _seqs(db, origin: str) -> list[int]:
    with db.connect() as conn:
        return [r["seq"] for r in peers.after(conn, origin, 0)]


def test_old_records_go_each_origins_latest_stays_and_numbering_goes_on(db):
    with db.connect_writer() as conn, conn.begin():
        peers.set_origin(conn, "kiosk-A")
        for _ in range(3):
            peers.append_own(conn, peers.TOKEN, now=OLD, token="OWN234", booking_id=1)
    _receive(db, "kiosk-B", range(1, 5), OLD)
    _receive(db, "kiosk-B", [5], NOW - timedelta(days=1))
    _receive(db, "kiosk-C", [1, 2], OLD)

    retention.purge(db, NOW, 30)

    assert (_seqs(db, "kiosk-A"), _seqs(db, "kiosk-B"), _seqs(db, "kiosk-C")) == ([3], [5], [2])
    with db.connect() as conn:
        assert peers.floors(conn) == {"kiosk-A": 2, "kiosk-B": 4, "kiosk-C": 1}
        held = peers.held(conn)
    assert {o: (h.head, h.gap) for o, h in held.items()} == {
        "kiosk-A": (3, False),
        "kiosk-B": (5, False),
        "kiosk-C": (2, False),
    }
    with db.connect_writer() as conn, conn.begin():  # own numbering goes on, not restarted
        assert peers.append_own(conn, peers.TOKEN, now=NOW, token="NEW234", booking_id=1) == 4
    retention.purge(db, NOW, 30)  # the old one is no longer the latest: it goes now
    assert _seqs(db, "kiosk-A") == [4]
    with db.connect() as conn:
        assert peers.floors(conn)["kiosk-A"] == 3

    # After a restart, B's next record is news, not a replay, and leaves no gap to fill.
    node = MeshNode(db, api_key="K", origin="kiosk-A", counter_name="A", settings=MeshSettings())
    with db.connect() as conn:
        node._held = peers.held(conn)
    assert node._ingest([_rec("kiosk-B", 6)], live=True) == 1
    assert node._ingest([_rec("kiosk-B", 3)], live=True) == 0  # purged: held, a replay
    assert not node._want_catchup.is_set()
    assert node.status().replayed == 1


def test_a_catch_up_below_what_remains_gets_what_remains_and_ends(tmp_path):
    from kiosk.store.database import Database

    ports = free_ports(2)
    dbs = [Database.open(tmp_path / n) for n in "AB"]
    made: list[MeshNode] = []

    def node(i: int) -> MeshNode:
        name = "AB"[i]
        n = MeshNode(
            dbs[i],
            api_key="structure key",
            origin=f"kiosk-{name}",
            counter_name=name,
            settings=MeshSettings(
                listen=(f"tcp/127.0.0.1:{ports[i]}",),
                connect=(f"tcp/127.0.0.1:{ports[1 - i]}",),
                multicast=False,
            ),
            catchup_every=3600,
        )
        made.append(n)
        return n.start()

    try:
        # A heard C's 1..10 long ago (1..7) and lately (8..10); its purge keeps 8..10.
        _receive(dbs[0], "kiosk-C", range(1, 8), datetime.now(UTC) - timedelta(days=40))
        _receive(dbs[0], "kiosk-C", range(8, 11), datetime.now(UTC))
        retention.purge(dbs[0], datetime.now(UTC), 30)
        assert _seqs(dbs[0], "kiosk-C") == [8, 9, 10]
        a = node(0)
        b = node(1)  # B asks from 0: A gives what remains, and says 1..7 were purged
        assert until(lambda: _seqs(dbs[1], "kiosk-C") == [8, 9, 10], 10)
        assert until(lambda: b.heads().get("kiosk-C") == 10, 5)
        assert b.catch_up() == 0
        with dbs[1].connect() as conn:
            held = peers.held(conn)["kiosk-C"]  # and after a restart: nothing to ask again
        assert (held.head, held.gap) == (10, False)
        assert a.running
    finally:
        for n in made:
            n.close()
        for d in dbs:
            d.dispose()


def test_the_start_housekeeping_purges_the_shared_records(data_dir):
    services = open_services(_config(data_dir), housekeeping=False)
    try:
        old = services.clock() - timedelta(days=services.config.retention_days + 1)
        _receive(services.db, "kiosk-B", [1, 2, 3], old)
        services.housekeeping()
        assert _seqs(services.db, "kiosk-B") == [3]
    finally:
        services.close()
