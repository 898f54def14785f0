"""Three counter processes of one venue on loopback (explicit endpoints, no multicast), with
the sandbox cut off: one code, one entry.

A validates, B says DÉJÀ VALIDÉE "au guichet A (pas encore confirmé)"; A is SIGKILLed and
restarted and catches up; B is cut off from the others, validates, comes back: records merge,
none doubled; a process with another key injects and replays: ignored; the sandbox returns:
each validation reaches the server once and the only conflict is the true split.
"""

from __future__ import annotations

import json
import time
from datetime import datetime

import pytest

from kiosk.demo import world as demo
from kiosk.mesh.crypto import MeshKeys
from kiosk.mesh.node import MeshSettings, zenoh_config
from kiosk.store import peers
from tests.e2e.mesh_helpers import CounterProcess, configure, free_ports, until

pytestmark = pytest.mark.slow

# "Within a second" is the product's requirement; benchmarks/bench_mesh.py holds it to far less
# (propagation p99 <= 50 ms). Here B's answer is polled with a deadline no loaded machine
# misses, and the delay is measured from the records' own timestamps (A's record stored with
# its operation, B's copy stored on arrival: one machine, one clock), not from wall time
# around process calls, then reported, never asserted: tests do not time.
HEARD = 10.0


@pytest.fixture
def counters(sandbox, tmp_path):
    ports = free_ports(3)
    procs = {}
    for i, name in enumerate("ABC"):
        data = configure(
            tmp_path / name,
            name=name,
            api_url=sandbox.url,
            venue_ids=demo.DEMO_VENUES,
            port=ports[i],
            peer_ports=[p for j, p in enumerate(ports) if j != i],
        )
        procs[name] = CounterProcess(data, sandbox.api_key)
    try:
        for p in procs.values():
            p.start()
        yield procs, ports
    finally:
        for p in procs.values():
            p.stop()


def _validable_tokens(sandbox, n):
    tickets = demo.pick_tickets(
        sandbox.bookings(), sandbox.bookings(offerer_id=2), sandbox.now(), per_kind=n
    )
    tokens = [t.token for t in tickets if t.kind == "validable"]
    assert len(tokens) >= n
    return tokens[:n]


def _peers(proc):
    return sorted(proc.ask("status")["peers"])


def test_counters_of_a_venue_share_what_they_validate(counters, sandbox, record_property):
    import zenoh

    procs, ports = counters
    a, b, c = procs["A"], procs["B"], procs["C"]
    t1, t2, t3, t4, t5 = _validable_tokens(sandbox, 5)
    youth = {sandbox.booking(t)["userLastName"] for t in (t1, t2, t3, t4, t5)} - {None}

    for p in (a, b, c):
        p.ask("sync", full=True, timeout=120)
    assert until(lambda: _peers(a) == ["B", "C"] and _peers(b) == ["A", "C"], 10)

    # A learns the five codes online (the API never lists tokens): B and C learn them from A.
    for t in (t1, t2, t3, t4, t5):
        assert a.ask("check", code=t)["kind"] == "validable"

    # A sniffer on the LAN with another key: it sees the opaque key expressions and records.
    keys = MeshKeys(sandbox.api_key)
    captured: list[bytes] = []
    spy = zenoh.open(
        zenoh_config(MeshSettings(connect=(f"tcp/127.0.0.1:{ports[0]}",), multicast=False))
    )
    spy_sub = spy.declare_subscriber(
        keys.records, lambda s: captured.append(bytes(s.payload.to_bytes()))
    )
    try:
        assert until(lambda: b.ask("check", code=t2, online=False)["kind"] == "validable", 5)

        sandbox.cut_network()  # the venue's internet is down; its LAN is not

        # -- A validates; B answers DÉJÀ VALIDÉE (within a second: measured below) ----------
        done = a.ask("validate", code=t1, staff="Zoé")
        assert done["kind"] == "validated"
        seen = until(lambda: (r := b.ask("check", code=t1))["kind"] == "already_used" and r, HEARD)
        assert seen, "B did not hear of A's validation"
        # B decided from A's own record (same origin and number), stored on its arrival.
        sent, got = a.ask("record", op_id=done["op_id"]), b.ask("record", op_id=done["op_id"])
        assert got is not None and (got["origin"], got["seq"]) == ("kiosk-A", sent["seq"])
        assert got["at"] == sent["at"]
        delay = datetime.fromisoformat(got["received_at"]) - datetime.fromisoformat(
            sent["received_at"]
        )
        delay_ms = round(delay.total_seconds() * 1000, 1)
        record_property("propagation_a_to_b_ms", delay_ms)
        print(f"A's validation stored at B {delay_ms} ms after A recorded it (goal: < 1000)")
        assert seen["title"] == "DÉJÀ VALIDÉE"
        assert seen["counter"] == "A" and seen["unconfirmed"]
        assert "au guichet « A »" in seen["message"]
        assert "(pas encore confirmé par pass Culture)" in seen["message"]
        # C refuses it too: no second entry, no second operation.
        assert c.ask("validate", code=t1)["kind"] == "already_used"

        # What travelled: the known fields only, never a youth's name.
        assert until(lambda: captured, 2)
        for data in list(captured):
            message = keys.open(data, keys.records)
            assert message is not None and message["type"] == "records"
            for record in message["records"]:
                assert set(record) <= set(peers.FIELDS)
            plain = json.dumps(message, ensure_ascii=False)
            assert not any(name in plain for name in youth)

        # -- A is SIGKILLed; B validates meanwhile; A restarts and catches up ----------------
        a.kill()
        assert b.ask("validate", code=t2, staff="Léo")["kind"] == "validated"
        a.start()
        caught = until(lambda: (r := a.ask("check", code=t2))["kind"] == "already_used" and r, 10)
        assert caught and caught["counter"] == "B"
        assert a.ask("check", code=t1)["kind"] == "already_used"  # its own, kept through a kill

        # -- B is cut off: B validates t3 and t5, A validates t4 and t5 (a true split) -------
        b.ask("mesh_off")
        assert b.ask("validate", code=t3)["kind"] == "validated"
        assert b.ask("validate", code=t5)["kind"] == "validated"
        assert a.ask("validate", code=t4)["kind"] == "validated"
        assert a.ask("validate", code=t5)["kind"] == "validated"  # A could not know
        b.ask("mesh_on")
        assert until(lambda: b.ask("check", code=t4)["kind"] == "already_used", 10)
        assert until(lambda: a.ask("check", code=t3)["kind"] == "already_used", 10)
        assert until(lambda: c.ask("check", code=t3)["kind"] == "already_used", 10)

        def merged():
            seen = [p.ask("records") for p in (a, b, c)]
            return all(s == seen[0] for s in seen) and seen

        records = until(merged, 10)
        assert records, "the three counters do not hold the same records"
        assert records[0]["doubled"] == 0
        assert set(records[0]["per_origin"]) == {"kiosk-A", "kiosk-B"}  # C only refused

        # -- another key injects; a genuine message is replayed: both ignored ----------------
        spy_sub.undeclare()
        genuine = list(captured)
        replays = sum(len(keys.open(x, keys.records)["records"]) for x in genuine)
        before = {n: p.ask("status") for n, p in procs.items()}
        other = MeshKeys("not-the-structure-key")
        forged = {
            "type": "records",
            "records": [
                {
                    "origin": "kiosk-X",
                    "seq": 1,
                    "kind": "op",
                    "op_id": "x" * 36,
                    "op_kind": "use",
                    "token": t3,
                    "at": "2026-12-02T10:00:00+00:00",
                    "counter": "X",
                }
            ],
        }
        spy.put(keys.records, other.seal(forged, keys.records))
        spy.put(keys.records, b"\x01" + bytes(40))
        for data in genuine:
            spy.put(keys.records, data)

        def noticed():
            now = {n: p.ask("status") for n, p in procs.items()}
            return all(
                now[n]["rejected"] >= before[n]["rejected"] + 2
                and now[n]["replayed"] >= before[n]["replayed"] + replays
                for n in "ABC"
            )

        assert until(noticed, 5)
        assert [p.ask("records") for p in (a, b, c)] == records  # nothing stored
    finally:
        spy.close()

    # -- the sandbox returns: each validation once, the true split is the only conflict ------
    sandbox.restore_network()
    ops = []
    for p in (a, b, c):
        deadline = time.monotonic() + 60
        while True:
            p.ask("sync", timeout=120)
            mine = p.ask("ops")
            if all(o["state"] != "pending" for o in mine) or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        ops.extend(mine)
    by_token: dict[str, list[dict]] = {}
    for o in ops:
        by_token.setdefault(o["token"], []).append(o)
    for t in (t1, t2, t3, t4):
        assert [o["state"] for o in by_token[t]] == ["done"], t
    assert sorted(o["state"] for o in by_token[t5]) == ["conflict", "done"]
    assert [o["conflict"] for o in ops if o["state"] == "conflict"] == ["used_elsewhere"]
    for t in (t1, t2, t3, t4, t5):
        assert sandbox.booking(t)["status"] == "USED"
