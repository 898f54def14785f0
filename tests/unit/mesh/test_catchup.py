"""Catch-up asks each origin's records of one peer only: the origin itself when it is up, else
one of the others in turn; records no longer arrive once per peer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from kiosk.domain.operations import OpKind
from kiosk.mesh.node import MeshNode, MeshSettings
from kiosk.store import outbox, peers
from kiosk.store.database import Database
from tests.e2e.mesh_helpers import free_ports, until


class CountingNode(MeshNode):
    """Counts the records that catch-up replies bring, new or not."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.delivered = 0

    def _ingest(self, records: list[dict[str, Any]], *, live: bool) -> int:
        if not live:
            self.delivered += len(records)
        return super()._ingest(records, live=live)


def _node(db, name: str, port: int = 0, peer_ports=()) -> CountingNode:
    return CountingNode(
        db,
        api_key="structure key",
        origin=f"kiosk-{name}",
        counter_name=name,
        settings=MeshSettings(
            listen=(f"tcp/127.0.0.1:{port}",) if port else (),
            connect=tuple(f"tcp/127.0.0.1:{p}" for p in peer_ports),
            multicast=False,
        ),
        catchup_every=3600,
    )


def test_each_origin_is_asked_of_itself_when_up_else_of_one_other_in_turn(db):
    node = _node(db, "C")
    tag = node.keys.tag
    assert node.plan() == {}  # nobody up: nobody asked (a peer coming up starts a round)
    node._alive = {tag("kiosk-A"), tag("kiosk-B")}
    node._held = {o: peers.Held(head=h) for o, h in (("kiosk-A", 5), ("kiosk-B", 3), ("X", 2))}
    asked_x = set()
    for _ in range(4):
        plan = node.plan()
        assert plan[tag("kiosk-A")]["heads"]["kiosk-A"] == 5
        assert plan[tag("kiosk-B")]["heads"]["kiosk-B"] == 3
        [x_from] = [t for t, w in plan.items() if "X" in w["heads"]]  # one peer, not all
        asked_x.add(x_from)
        assert sum(len(w["heads"]) for w in plan.values()) == 3  # each origin once
        [rest] = [w["rest"] for w in plan.values() if "rest" in w]  # origins not heard of yet
        assert rest == ["X", "kiosk-A", "kiosk-B"]
    assert asked_x == {tag("kiosk-A"), tag("kiosk-B")}  # in turn: a peer lacking them is no end


def test_a_restarted_counter_gets_each_record_once_not_once_per_peer(tmp_path):
    ports = free_ports(3)
    dbs = [Database.open(tmp_path / n) for n in "ABC"]
    nodes: list[MeshNode] = []

    def start(i: int) -> CountingNode:
        n = _node(dbs[i], "ABC"[i], ports[i], [p for j, p in enumerate(ports) if j != i])
        nodes.append(n)
        return n.start()

    try:
        a, b = start(0), start(1)
        assert until(lambda: len(a.live_peers()) == 1 and len(b.live_peers()) == 1, 10)
        with dbs[0].connect_writer() as conn, conn.begin():
            for i in range(50):
                outbox.record(
                    conn,
                    kind=OpKind.USE,
                    token=f"Z{i:05d}",
                    booking_id=None,
                    now=datetime.now(UTC),
                    counter="A",
                    staff=None,
                    kiosk_id="A",
                )
        a.notify()
        assert until(lambda: b.heads().get("kiosk-A") == 50, 10)  # B holds them too
        c = start(2)
        assert until(lambda: c.heads().get("kiosk-A") == 50, 10)
        assert until(lambda: len(c.live_peers()) == 2, 10)
        c.catch_up()  # one more round with both peers up: nothing new, nothing twice
        assert c.delivered == 50  # from one peer: B held them too, and was not asked
    finally:
        for n in nodes:
            n.close()
        for d in dbs:
            d.dispose()
