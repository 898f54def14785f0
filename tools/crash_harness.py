"""Crash-consistency harness: validate continuously, SIGKILL at random points, check nothing is
lost or doubled.

A driver SUBPROCESS runs the kiosk's counter and sync engine against the sandbox (which runs in
this process, with latency, some 500s and drops after commit) and validates tokens without a
pause, printing `REC <op_id> <token>` for each validation AFTER the counter returned it as
recorded. The harness SIGKILLs it at a random moment, then reopens the data dir (start-up check
and recovery included), syncs with the faults off and compares the kiosk's outbox and audit with
the sandbox: every reported validation must have reached the server exactly once or be a
visible conflict, and `PRAGMA integrity_check` must say ok.

    python tools/crash_harness.py --kills 300          # the long run (docs/robustness.md)
    python tools/crash_harness.py --kills 25 --quick   # what CI runs (tests/robustness)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter as Tally
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kiosk.platform.config import Config  # noqa: E402
from kiosk.sandbox.seed import BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID  # noqa: E402

VENUES = (BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID)
KIOSK_ID = "crash-harness"


@dataclass
class Report:
    kills: int = 0
    reported: int = 0  # validations the counter reported as recorded (printed before the kill)
    reached_server: int = 0  # of those: done, and the booking is used at the server
    conflicts: int = 0  # of those: a visible conflict
    lost: int = 0  # of those: missing from the outbox, or done but not used at the server
    doubled: int = 0  # an operation recorded or sent twice
    still_pending: int = 0  # after the post-kill sync (must be 0)
    integrity_failures: int = 0
    recoveries: int = 0  # start-ups that had to restore a backup
    unreported_recorded: int = 0  # recorded but killed before printing (settled like the rest)
    kill_points: dict[str, int] = field(default_factory=dict)  # what the driver was doing
    duration_s: float = 0.0
    problems: list[str] = field(default_factory=list)
    conflict_details: dict[str, str] = field(default_factory=dict)  # op_id → what happened

    @property
    def ok(self) -> bool:
        return not (self.lost or self.doubled or self.still_pending or self.integrity_failures)

    def line(self) -> str:
        return (
            f"kills={self.kills} reported={self.reported} reached_server={self.reached_server} "
            f"conflicts={self.conflicts} lost={self.lost} doubled={self.doubled} "
            f"pending={self.still_pending} integrity_failures={self.integrity_failures} "
            f"recoveries={self.recoveries} unreported_recorded={self.unreported_recorded}"
        )


# -- the driver (subprocess) ------------------------------------------------------------------
def driver(data_dir: str, url: str, key: str, tokens_file: str, seed: int) -> None:
    from kiosk.domain.verdict import VerdictKind
    from kiosk.services.wiring import open_services
    from kiosk.store.errors import StoreError
    from kiosk.sync.push import Backoff

    cfg = Config(
        data_dir=Path(data_dir),
        api_url=url,
        api_key=key,
        venue_ids=VENUES,
        counter_name="Guichet crash",
        kiosk_id=KIOSK_ID,
        rate_limit=False,
    )
    services = open_services(cfg)
    assert services.engine is not None
    services.engine.pusher.backoff = Backoff(base=0.02, maximum=0.2)
    stop = threading.Event()
    threading.Thread(target=services.engine.run, args=(stop, 0.05), daemon=True).start()
    tokens = Path(tokens_file).read_text().split()
    rng = random.Random(seed)
    print("READY", flush=True)
    while True:
        token = rng.choice(tokens)
        try:
            result = services.counter.validate(token, staff="crash")
            if result.verdict.kind is VerdictKind.UNKNOWN_OFFLINE:
                result = services.counter.validate(token, staff="crash", unverified=True)
        except StoreError as exc:
            print(f"ERR {exc.message}", flush=True)
            continue
        if result.op_id is not None:
            print(f"REC {result.op_id} {token}", flush=True)


# -- the harness --------------------------------------------------------------------------------
def _tokens(server: Any, wanted: int) -> list[str]:
    """CONFIRMED tokens of the kiosk's venues; more bookings are made if there are too few."""
    toks = [
        b["token"]
        for b in server.bookings()
        if b["status"] == "CONFIRMED" and b["venueId"] in VENUES and not b["isEvent"]
    ]
    offers = sorted({b["offerId"] for b in server.bookings() if b["venueId"] == BOOKSHOP_VENUE_ID})
    # Made days ago: a booking made minutes ago is "too early" to collect (a real rule).
    old = (server.now() - timedelta(days=5)).isoformat()
    i = 0
    while len(toks) < wanted and offers:
        offer = offers[i % len(offers)]
        try:
            toks.append(server.create_booking(offerId=offer, creationDate=old)["token"])
        except Exception:  # sold out, not bookable: try another offer
            offers.remove(offer)
            continue
        i += 1
    return toks


def _read_lines(proc: subprocess.Popen[str], out: list[str]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.endswith("\n"):  # a line cut by the kill was never reported
            out.append(line.rstrip("\n"))


def _verify(data_dir: Path, server: Any, reported: dict[str, str], report: Report) -> None:
    from kiosk.domain.operations import OpKind, OpState
    from kiosk.services.wiring import open_services
    from kiosk.store import outbox
    from kiosk.store.models import Audit
    from kiosk.sync.push import Backoff

    cfg = Config(
        data_dir=data_dir,
        api_url=server.url,
        api_key=server.api_key,
        venue_ids=VENUES,
        counter_name="Guichet crash",
        kiosk_id=KIOSK_ID,
        rate_limit=False,
    )
    services = open_services(cfg)
    try:
        if services.recovery is not None:
            report.recoveries += 1
            report.problems.append(f"recovery: {services.recovery.message}")
        if services.db.integrity_check() != ["ok"]:
            report.integrity_failures += 1
        assert services.engine is not None
        services.engine.pusher.backoff = Backoff(base=0.0, maximum=0.0)
        for _ in range(6):
            services.engine.sync_once()
            with services.db.connect() as conn:
                if not outbox.pending(conn):
                    break
        with services.db.connect() as conn:
            ops = outbox.all_ops(conn)
            audits = conn.execute(
                Audit.__table__.select().where(Audit.__table__.c.action == "validate")
            ).all()
    finally:
        services.close()
    by_id = {op.op_id: op for op in ops}
    per_op = Tally(a.op_id for a in audits)
    report.doubled = sum(n - 1 for n in per_op.values() if n > 1)
    report.still_pending = sum(op.state is OpState.PENDING for op in ops)
    # Two validations of one booking both sent (no un-validation in this harness): doubled.
    done_uses = Tally(op.token for op in ops if op.kind is OpKind.USE and op.state is OpState.DONE)
    report.doubled += sum(n - 1 for n in done_uses.values() if n > 1)
    reached = conflicts = lost = 0
    for op_id, token in reported.items():
        op = by_id.get(op_id)
        if op is None or per_op.get(op_id, 0) == 0:
            lost += 1
            report.problems.append(f"lost: {token} {op_id}")
        elif op.state is OpState.CONFLICT:
            conflicts += 1
            if op_id not in report.conflict_details:  # what happened, to tell true from false
                booking = server.booking(token)
                report.conflict_details[op_id] = (
                    f"{token}: {op.conflict} (HTTP {op.http_status}, attempts {op.attempts}, "
                    f"ambiguous {op.ambiguous}, error {op.last_error!r}); server: "
                    f"{booking and booking['status']} at {booking and booking.get('dateUsed')}, "
                    f"recorded here {op.created_at:%H:%M:%S.%f}; all ops on it: "
                    + "; ".join(
                        f"{o.kind.value} {o.state.value} unverified={o.unverified} "
                        f"booking={o.booking_id} at {o.created_at:%H:%M:%S.%f} settled "
                        f"{o.settled_at and o.settled_at.strftime('%H:%M:%S.%f')}"
                        for o in ops
                        if o.token == op.token
                    )
                )
        elif op.state is OpState.DONE:
            booking = server.booking(token)
            if booking is not None and booking["status"] in ("USED", "REIMBURSED"):
                reached += 1
            else:
                lost += 1
                report.problems.append(f"done but not used at the server: {token}")
    report.reached_server, report.conflicts, report.lost = reached, conflicts, lost
    report.reported = len(reported)
    report.unreported_recorded = sum(
        1 for op in ops if op.kind is OpKind.USE and op.op_id not in reported
    )


def run(
    kills: int,
    *,
    seed: int = 1,
    workdir: Path | None = None,
    max_run_s: float = 2.5,
    min_run_s: float = 0.05,
    faults: dict[str, Any] | None = None,
    verbose: bool = True,
) -> Report:
    """Kill the driver `kills` times; returns the counts."""
    from kiosk.sandbox import SandboxServer

    t0 = time.monotonic()
    own_tmp = None
    if workdir is None:
        own_tmp = tempfile.TemporaryDirectory(prefix="kiosk-crash-")
        workdir = Path(own_tmp.name)
    data_dir = workdir / "kiosk"
    rng = random.Random(seed)
    server = SandboxServer(db_path=workdir / "sandbox.sqlite3", rate_limit=False).start()
    faults = faults or {"latency_ms": 5, "error_rate": 0.05, "drop_after_commit": 0.1}
    report = Report()
    reported: dict[str, str] = {}
    try:
        tokens_file = workdir / "tokens.txt"
        tokens_file.write_text("\n".join(_tokens(server, max(300, kills * 25))))
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        for cycle in range(kills):
            server.set_faults(**faults, seed=seed * 10_000 + cycle)
            proc = subprocess.Popen(
                [
                    sys.executable,
                    str(Path(__file__).resolve()),
                    "--driver",
                    str(data_dir),
                    server.url,
                    server.api_key,
                    str(tokens_file),
                    str(seed * 10_000 + cycle),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                env=env,
            )
            lines: list[str] = []
            reader = threading.Thread(target=_read_lines, args=(proc, lines), daemon=True)
            reader.start()
            # Random points: sometimes during start-up (migration, recovery), mostly mid-work.
            if rng.random() < 0.15:
                time.sleep(rng.uniform(0.0, 1.5))
            else:
                deadline = time.monotonic() + 30
                while "READY" not in lines and proc.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.01)
                time.sleep(rng.uniform(min_run_s, max_run_s))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            reader.join(timeout=10)
            report.kills += 1
            phase = "start-up" if "READY" not in lines else "validating"
            report.kill_points[phase] = report.kill_points.get(phase, 0) + 1
            for line in lines:
                if line.startswith("REC "):
                    _, op_id, token = line.split()
                    reported[op_id] = token
            server.clear_faults()
            _verify(data_dir, server, reported, report)
            if verbose:
                print(f"[{cycle + 1}/{kills}] {report.line()}", flush=True)
    finally:
        server.stop()
        if own_tmp is not None:
            own_tmp.cleanup()
    report.duration_s = round(time.monotonic() - t0, 1)
    return report


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--driver":
        driver(*argv[1:5], int(argv[5]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="short runs between kills (CI)")
    ap.add_argument("--json", type=Path, help="write the report there")
    args = ap.parse_args(argv)
    report = run(args.kills, seed=args.seed, max_run_s=1.0 if args.quick else 2.5)
    print(report.line(), f"duration={report.duration_s}s", "OK" if report.ok else "FAILED")
    print("kill points:", report.kill_points)
    for p in report.problems[:20]:
        print("  ", p)
    for detail in list(report.conflict_details.values())[:20]:
        print("   conflict:", detail)
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2, ensure_ascii=False) + "\n")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
