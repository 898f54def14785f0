"""The venue's mesh on loopback: three counters (this process validates, two child processes
listen), explicit endpoints, multicast off.

1. Propagation: A validates at 20 validations/s (the real `Counter.validate`: commit, then the
   node publishes); latency = from the call to the record committed in B's and C's databases.
   Floor: the validation's own local commit, measured in the same run. Goal p99 <= 50 ms.
2. Catch-up: C stops; A records 10,000 operations (B hears them live); C restarts and asks its
   peers: time from the node's start to all 10,000 held. Goal <= 2 s.

python -m benchmarks.bench_mesh [--rate 20] [--count 300] [--backlog 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.common import print_table, summary, tokens, write_result
from kiosk.domain.operations import OpKind
from kiosk.mesh.node import MeshNode, MeshSettings
from kiosk.services.counter import Counter
from kiosk.store import bookings, outbox, peers
from kiosk.store.database import Database

KEY = "benchmark structure key"
ROOT = Path(__file__).resolve().parent.parent


class TimedNode(MeshNode):
    """A node that notes when each operation record was committed here (monotonic: one clock
    for every process of the machine)."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.seen: dict[str, float] = {}

    def _ingest(self, records: list[dict[str, Any]], *, live: bool) -> int:
        n = super()._ingest(records, live=live)
        t = time.monotonic()
        for r in records:
            if r.get("kind") == "op":
                self.seen.setdefault(r["op_id"], t)
        return n


def _settings(port: int, peer_ports: list[int]) -> MeshSettings:
    return MeshSettings(
        listen=(f"tcp/127.0.0.1:{port}",),
        connect=tuple(f"tcp/127.0.0.1:{p}" for p in peer_ports),
        multicast=False,
    )


def child(argv: list[str]) -> None:
    """A listening counter: runs until stdin closes, then prints what it saw."""
    p = argparse.ArgumentParser()
    p.add_argument("name")
    p.add_argument("data")
    p.add_argument("port", type=int)
    p.add_argument("peers", type=int, nargs="*")
    p.add_argument("--expect", type=int, default=0, help="time the catch-up of N records")
    args = p.parse_args(argv)
    db = Database.open(Path(args.data))
    started = time.monotonic()
    node = TimedNode(
        db,
        api_key=KEY,
        origin=f"kiosk-{args.name}",
        counter_name=args.name,
        settings=_settings(args.port, args.peers),
    ).start()
    out: dict[str, Any] = {}
    if args.expect:
        while node.heads().get("kiosk-A", 0) < args.expect and time.monotonic() - started < 60:
            time.sleep(0.005)
        out["caught_up_s"] = time.monotonic() - started
        out["held"] = node.heads().get("kiosk-A", 0)
    print(json.dumps({"ready": True}), flush=True)
    sys.stdin.read()
    node.close()
    out["seen"] = node.seen
    print(json.dumps(out), flush=True)
    db.dispose()


def _spawn(name: str, data: Path, port: int, peer_ports: list[int], *extra: str) -> Any:
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.bench_mesh", "--child", name, str(data), str(port)]
        + [str(p) for p in peer_ports]
        + list(extra),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return proc


def _ready(proc: Any) -> None:
    line = proc.stdout.readline()
    assert json.loads(line)["ready"], line


def _finish(proc: Any) -> dict[str, Any]:
    out, _ = proc.communicate("", timeout=60)
    return dict(json.loads(out.strip().splitlines()[-1]))


def _free_ports(n: int) -> list[int]:
    import socket

    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def run(rate: float, count: int, backlog: int) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-mesh-"))
    pa, pb, pc = _free_ports(3)
    db = Database.open(tmp / "A")
    codes = tokens(count)
    now = datetime.now(UTC)
    rows = [
        {
            "id": i + 1,
            "status": "CONFIRMED",
            "quantity": 1,
            "price_cents": 1000,
            "offer_id": 1,
            "offer_name": "Offre",
            "offer_ean": None,
            "stock_id": 1,
            "price_category_label": None,
            "venue_id": 1,
            "venue_name": "Lieu",
            "department_code": "75",
            "first_name": None,
            "last_name": None,
            "created_at": now - timedelta(days=3),
            "cancellation_limit": None,
            "beginning": None,
            "used_at": None,
        }
        for i in range(count)
    ]
    with db.connect_writer() as conn, conn.begin():
        bookings.upsert(conn, rows, now)
        for i, t in enumerate(codes):
            bookings.learn_token(conn, i + 1, t, "import")

    b = _spawn("B", tmp / "B", pb, [pa, pc])
    c = _spawn("C", tmp / "C", pc, [pa, pb])
    node = MeshNode(
        db, api_key=KEY, origin="kiosk-A", counter_name="A", settings=_settings(pa, [pb, pc])
    )
    node.start()
    _ready(b)
    _ready(c)
    deadline = time.monotonic() + 20
    while len(node.live_peers()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    counter = Counter(db, venue_ids=[1], counter_name="A", kiosk_id="A")
    counter.on_recorded = node.notify

    # -- 1. propagation at `rate` validations per second --------------------------------------
    sent: dict[str, float] = {}
    commit_ms: list[float] = []
    period = 1.0 / rate
    t_next = time.monotonic()
    for code in codes:
        t_next += period
        t0 = time.monotonic()
        result = counter.validate(code)
        commit_ms.append((time.monotonic() - t0) * 1000)
        assert result.op_id
        sent[result.op_id] = t0
        time.sleep(max(0.0, t_next - time.monotonic()))
    time.sleep(1.0)
    c_seen = _finish(c)["seen"]  # C stops here (phase 2 restarts it)
    lat: list[float] = []
    missing = 0
    for op_id, t0 in sent.items():
        for seen in (c_seen,):
            if op_id in seen:
                lat.append((seen[op_id] - t0) * 1000)
            else:
                missing += 1

    # -- 2. C was away: A records `backlog` operations, C restarts and catches up ---------------
    with db.connect_writer() as conn, conn.begin():
        for i in range(backlog):
            outbox.record(
                conn,
                kind=OpKind.USE,
                token=f"Z{i:05d}",
                booking_id=None,
                now=now,
                counter="A",
                staff=None,
                kiosk_id="A",
            )
    node.notify()
    with db.connect() as conn:
        own = peers.last_seq(conn, "kiosk-A")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # B holds them all (heard live) before C returns
        time.sleep(0.1)
        if node.status().sent >= own:
            break
    time.sleep(1.0)
    c2 = _spawn("C", tmp / "C", pc, [pa, pb], "--expect", str(own))
    _ready(c2)
    c2_out = _finish(c2)
    b_seen = _finish(b)["seen"]
    for op_id, t0 in sent.items():
        if op_id in b_seen:
            lat.append((b_seen[op_id] - t0) * 1000)
        else:
            missing += 1
    counter.close()
    node.close()
    db.dispose()
    return {
        "rate_per_s": rate,
        "validations": count,
        "propagation": summary(lat),
        "missing": missing,
        "floor_local_commit": summary(commit_ms),
        "catch_up": {
            "records": own,
            "held_after": c2_out["held"],
            "seconds": round(c2_out["caught_up_s"], 3),
        },
    }


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        child(argv[1:])
        return
    p = argparse.ArgumentParser()
    p.add_argument("--rate", type=float, default=20.0)
    p.add_argument("--count", type=int, default=300)
    p.add_argument("--backlog", type=int, default=10_000)
    args = p.parse_args(argv)
    out = run(args.rate, args.count, args.backlog)
    prop, floor, cu = out["propagation"], out["floor_local_commit"], out["catch_up"]
    print_table(
        f"Mesh on loopback: 3 counters, {args.rate:g} validations/s",
        ["measure", "p50 ms", "p99 ms", "n", "goal"],
        [
            [
                "propagation A → B, C (commit to peer's commit)",
                prop["p50_ms"],
                prop["p99_ms"],
                prop["n"],
                "p99 <= 50",
            ],
            [
                "floor: the validation's local commit",
                floor["p50_ms"],
                floor["p99_ms"],
                floor["n"],
                "",
            ],
        ],
    )
    print_table(
        "Catch-up after a restart",
        ["records", "held after", "seconds", "goal"],
        [[cu["records"], cu["held_after"], cu["seconds"], "<= 2 s"]],
    )
    if out["missing"]:
        print(f"records never received: {out['missing']}")
    write_result("mesh", out)


if __name__ == "__main__":
    main()
