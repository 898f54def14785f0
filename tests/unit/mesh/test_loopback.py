"""Two nodes on loopback (explicit endpoints, multicast off), in one process: live records,
catch-up of what was said before a node started, peers counted for the request budget."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.domain.operations import OpKind
from kiosk.mesh.node import MeshNode, MeshSettings
from kiosk.store import outbox, peers
from kiosk.store.database import Database
from tests.e2e.mesh_helpers import free_ports, until


@pytest.fixture
def two(tmp_path):
    ports = free_ports(2)
    dbs = [Database.open(tmp_path / n) for n in "AB"]
    counts: dict[str, list[int]] = {"A": [], "B": []}

    def node(i: int) -> MeshNode:
        name = "AB"[i]
        return MeshNode(
            dbs[i],
            api_key="structure key",
            origin=f"kiosk-{name}",
            counter_name=name,
            settings=MeshSettings(
                listen=(f"tcp/127.0.0.1:{ports[i]}",),
                connect=tuple(f"tcp/127.0.0.1:{p}" for j, p in enumerate(ports) if j != i),
                multicast=False,
            ),
            on_peers=counts[name].append,
        )

    made: list[MeshNode] = []
    yield dbs, node, made, counts
    for n in made:
        n.close()
    for db in dbs:
        db.dispose()


def _validate(db, token):
    with db.connect_writer() as conn, conn.begin():
        outbox.record(
            conn,
            kind=OpKind.USE,
            token=token,
            booking_id=None,
            now=datetime.now(UTC),
            counter="A",
            staff=None,
            kiosk_id="k",
        )


def _tokens(db, origin):
    with db.connect() as conn:
        return [r["token"] for r in peers.after(conn, origin, 0)]


def test_live_records_and_catch_up_of_what_was_said_before(two):
    dbs, node, made, counts = two
    a = node(0).start()
    made.append(a)
    _validate(dbs[0], "AAA111")  # said while B was not there
    a.notify()
    b = node(1).start()
    made.append(b)
    assert until(lambda: _tokens(dbs[1], "kiosk-A") == ["AAA111"], 10)  # catch-up
    assert until(lambda: [p.counter for p in a.live_peers()] == ["B"], 10)
    assert counts["A"][-1] == 1  # one peer: the budget's background share is halved
    _validate(dbs[0], "BBB222")
    a.notify()
    assert until(lambda: _tokens(dbs[1], "kiosk-A") == ["AAA111", "BBB222"], 10)
    b.close()
    assert until(lambda: a.live_peers() == (), 10)  # liveliness: B is gone
    assert counts["A"][-1] == 0
