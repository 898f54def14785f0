"""A long counter day: many scans, network outages, a server restart; memory sampled.

Scans mix valid bookings (checked, then validated), already-used ones, refused ones (cancelled,
reimbursed), scanner garbage and unknown tokens, while the sync engine runs in its thread. The
network is cut and restored `outages` times, and the sandbox is restarted once on the same
database file and port. Memory (tracemalloc and RSS) is sampled; after the warm-up it must not
grow by more than 10 %. At the end every validation must have reached the server (or be a
visible conflict).

    python tools/soak.py                        # 10,000 scans, 20 outages (docs/robustness.md)
    python tools/soak.py --scans 1000 --outages 3
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import sys
import tempfile
import threading
import time
import tracemalloc
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
GARBAGE = [
    "",
    "\x00\x01\x02",
    "https://passculture.app/offre/123",
    "9782070612758",
    'PQSSCULTUREMv"mTOKENMQBC&é"',
    "]Q1PASSCULTURE:v3;TOKEN:",
    "A" * 5000,
    bytes(range(256)).decode("latin-1"),
    "&é\"'(-è_çà",
]
MIX = {"valid": 0.35, "used": 0.15, "refused": 0.15, "garbage": 0.2, "unknown": 0.15}


@dataclass
class SoakReport:
    scans: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    verdicts: dict[str, int] = field(default_factory=dict)
    validations: int = 0
    outages: int = 0
    server_restarts: int = 0
    unexpected_errors: int = 0
    storage_errors: int = 0
    pending_at_end: int = 0
    conflicts: int = 0
    not_at_server: int = 0  # done here but not used at the server (must be 0)
    traced_mb: list[float] = field(default_factory=list)  # tracemalloc samples
    rss_mb: list[float] = field(default_factory=list)
    traced_growth: float = 0.0  # end vs. end of warm-up
    rss_growth: float = 0.0
    duration_s: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (
            self.unexpected_errors
            or self.pending_at_end
            or self.not_at_server
            or self.traced_growth > 0.10
            or self.rss_growth > 0.10
        )


def rss_bytes() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _pool(server: Any, valid_needed: int) -> dict[str, list[str]]:
    bookings = [b for b in server.bookings() if b["venueId"] in VENUES]
    valid = [b["token"] for b in bookings if b["status"] == "CONFIRMED" and not b["isEvent"]]
    offers = sorted({b["offerId"] for b in bookings if b["venueId"] == BOOKSHOP_VENUE_ID})
    # Made days ago: a booking made minutes ago is "too early" to collect (a real rule).
    old = (server.now() - timedelta(days=5)).isoformat()
    i = 0
    while len(valid) < valid_needed and offers:
        offer = offers[i % len(offers)]
        try:
            valid.append(server.create_booking(offerId=offer, creationDate=old)["token"])
        except Exception:  # sold out or not bookable
            offers.remove(offer)
            continue
        i += 1
    refused = [b["token"] for b in bookings if b["status"] in ("CANCELLED", "REIMBURSED")]
    return {"valid": valid, "refused": refused}


def _growth(samples: list[float], warmup: int) -> float:
    if len(samples) <= warmup + 1:
        return 0.0
    base = samples[warmup]
    end = sum(samples[-3:]) / len(samples[-3:])  # the last few samples, against noise
    return round((end - base) / base, 4) if base else 0.0


def run(
    scans: int = 10_000,
    outages: int = 20,
    *,
    restart: bool = True,
    seed: int = 1,
    workdir: Path | None = None,
    samples: int = 20,
    verbose: bool = True,
) -> SoakReport:
    from kiosk.domain.operations import OpKind, OpState
    from kiosk.domain.verdict import VerdictKind
    from kiosk.sandbox import SandboxServer
    from kiosk.services.wiring import open_services
    from kiosk.store import outbox
    from kiosk.store.errors import StoreError
    from kiosk.sync.push import Backoff

    t0 = time.monotonic()
    tracemalloc.start()  # from the start: the baseline is the whole working set
    own_tmp = tempfile.TemporaryDirectory(prefix="kiosk-soak-") if workdir is None else None
    workdir = Path(own_tmp.name) if own_tmp else Path(workdir)  # type: ignore[arg-type]
    rng = random.Random(seed)
    report = SoakReport()
    db_path = workdir / "sandbox.sqlite3"
    server = SandboxServer(db_path=db_path, rate_limit=False).start()
    port = server.port
    pool = _pool(server, int(scans * MIX["valid"]) + 50)
    cfg = Config(
        data_dir=workdir / "kiosk",
        api_url=server.url,
        api_key=server.api_key,
        venue_ids=VENUES,
        counter_name="Guichet soak",
        kiosk_id="soak",
        rate_limit=False,
    )
    services = open_services(cfg)
    assert services.engine is not None
    engine = services.engine
    engine.pusher.backoff = Backoff(base=0.05, maximum=1.0)
    engine.sync_once(full=True)
    stop = threading.Event()
    sync_thread = threading.Thread(target=engine.run, args=(stop, 0.3), daemon=True)
    sync_thread.start()

    fresh = list(pool["valid"])
    rng.shuffle(fresh)
    used: list[str] = []
    outage_at = {int(scans * (k + 0.5) / max(1, outages)) for k in range(outages)}
    outage_len = max(5, scans // max(1, outages) // 3)
    restore_at: int | None = None
    restart_at = scans * 2 // 3 if restart else -1
    every = max(1, scans // samples)
    warmup = max(1, samples // 5)
    kinds = list(MIX)
    weights = list(MIX.values())
    tally_kinds: Tally[str] = Tally()
    tally_verdicts: Tally[str] = Tally()
    try:
        for i in range(scans):
            if i in outage_at and not server.network_cut:
                server.cut_network()
                report.outages += 1
                restore_at = i + outage_len
            if restore_at is not None and i >= restore_at:
                server.restore_network()
                restore_at = None
            if i == restart_at:
                server.stop()  # the server goes away mid-day and comes back on the same port
                server = SandboxServer(db_path=db_path, port=port, rate_limit=False).start()
                report.server_restarts += 1
            kind = rng.choices(kinds, weights)[0]
            if (kind == "valid" and not fresh) or (kind == "used" and not used):
                kind = "garbage"
            if kind == "valid":
                raw = fresh.pop()
            elif kind == "used":
                raw = rng.choice(used)
            elif kind == "refused":
                raw = rng.choice(pool["refused"])
            elif kind == "garbage":
                raw = rng.choice(GARBAGE)
            else:
                raw = "".join(rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ234567", k=6))
            tally_kinds[kind] += 1
            try:
                services.counter.check(raw)
                result = services.counter.validate(raw, staff="Soak")
            except StoreError as exc:
                report.storage_errors += 1
                report.errors.append(exc.message)
                continue
            except Exception as exc:  # must never happen: counted, and the run fails
                report.unexpected_errors += 1
                report.errors.append(f"{type(exc).__name__}: {exc}")
                continue
            tally_verdicts[result.verdict.kind.value] += 1
            if result.op_id is not None:
                report.validations += 1
                used.append(raw)
            if (i + 1) % every == 0:
                gc.collect()
                report.traced_mb.append(round(tracemalloc.get_traced_memory()[0] / 1e6, 2))
                report.rss_mb.append(round(rss_bytes() / 1e6, 1))
                if verbose:
                    print(
                        f"{i + 1:>6} scans  validations={report.validations}  "
                        f"traced={report.traced_mb[-1]} MB  rss={report.rss_mb[-1]} MB  "
                        f"net={'cut' if server.network_cut else 'up'}",
                        flush=True,
                    )
        report.scans = scans
    finally:
        tracemalloc.stop()
        if server.network_cut:
            server.restore_network()
        stop.set()
        sync_thread.join(timeout=30)
        try:
            engine.pusher.backoff = Backoff(base=0.0, maximum=0.0)
            for _ in range(10):
                engine.sync_once()
                with services.db.connect() as conn:
                    if not outbox.pending(conn):
                        break
            with services.db.connect() as conn:
                ops = outbox.all_ops(conn)
            report.pending_at_end = sum(op.state is OpState.PENDING for op in ops)
            report.conflicts = sum(op.state is OpState.CONFLICT for op in ops)
            for op in ops:
                if op.kind is OpKind.USE and op.state is OpState.DONE:
                    b = server.booking(op.token)
                    if b is None or b["status"] not in ("USED", "REIMBURSED"):
                        report.not_at_server += 1
        finally:
            services.close()
            server.stop()
            if own_tmp is not None:
                own_tmp.cleanup()
    report.kinds = dict(tally_kinds)
    report.verdicts = dict(tally_verdicts)
    report.traced_growth = _growth(report.traced_mb, warmup)
    report.rss_growth = _growth(report.rss_mb, warmup)
    report.duration_s = round(time.monotonic() - t0, 1)
    _ = VerdictKind  # verdict names are the enum's values
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scans", type=int, default=10_000)
    ap.add_argument("--outages", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    report = run(args.scans, args.outages, seed=args.seed)
    data = asdict(report)
    data["errors"] = data["errors"][:20]
    print(json.dumps({k: v for k, v in data.items() if k not in ("traced_mb", "rss_mb")}))
    print("OK" if report.ok else "FAILED")
    if args.json:
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
