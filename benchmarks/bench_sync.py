"""Sync throughput against the real sandbox on loopback.

1. Rate limit lifted: pull rate (bookings/s into the cache) and push rate (operations/s),
   beside the floor of the same rows inserted straight into SQLite (one commit per 50-row
   page, as the pull does; one commit per operation, as the push does).
2. With the rate limit on: the time to pull 5,000 bookings and push 1,000 validations, beside
   the limit's own bound. `--scale 10` shrinks the window 10× (20 requests / 6 s): the same
   throughput, so the same bound, with finer windows; `--scale 1` is the real 200/minute.

Run: python -m benchmarks.bench_sync [--bookings 5000] [--pushes 1000] [--scale 10]
"""

from __future__ import annotations

import argparse
import math
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.common import print_table, write_result
from kiosk.platform.config import Config
from kiosk.sandbox import SandboxServer
from kiosk.sandbox.seed import BOOKSHOP_VENUE_ID, MAIN_OFFERER_ID
from kiosk.services.wiring import open_services
from kiosk.sync.limiter import RequestScheduler
from kiosk.sync.push import Backoff
from kiosk.sync.schema import booking_row


def _grow(sandbox: SandboxServer, target: int) -> None:
    """Add bookings on the bookshop's click-and-collect offers until the venue has `target`."""
    have = len(sandbox.bookings(venue_id=BOOKSHOP_VENUE_ID))
    offer = sandbox.world.create_offer(
        MAIN_OFFERER_ID,
        {"venueId": BOOKSHOP_VENUE_ID, "name": "Banc d'essai", "price": 1000, "quantity": None},
    )
    for i in range(max(0, target - have)):
        sandbox.world.create_booking(
            MAIN_OFFERER_ID,
            {"offerId": offer["id"], "userFirstName": "Bench", "userLastName": f"N{i}"},
        )


def _kiosk(sandbox: SandboxServer, data_dir: Path, limiter: RequestScheduler | None):
    cfg = Config(
        data_dir=data_dir,
        api_url=sandbox.url,
        api_key=sandbox.api_key,
        venue_ids=(BOOKSHOP_VENUE_ID,),
        rate_limit=limiter is not None,
        kiosk_id="bench",
    )
    services = open_services(cfg)
    if limiter is not None:
        services.client.limiter = limiter
    services.engine.pusher.backoff = Backoff(base=0.0, maximum=0.0)
    return services


def _pull_and_push(services, sandbox, pushes: int) -> dict:
    t0 = time.perf_counter()
    pulled = services.engine.puller.bookings_full()
    pull_s = time.perf_counter() - t0
    tokens = [
        b["token"]
        for b in sandbox.bookings(venue_id=BOOKSHOP_VENUE_ID, status="CONFIRMED")
        if not b["isEvent"]
    ][:pushes]
    # record them offline first (tokens taught through the import path's index)
    from kiosk.store import bookings as store_bookings

    with services.db.connect_writer() as conn, conn.begin():
        for b in sandbox.bookings(venue_id=BOOKSHOP_VENUE_ID):
            if b["token"] in tokens:
                store_bookings.learn_token(conn, b["id"], b["token"], "import")
    services.connectivity.failure("bench")
    services.connectivity.failure("bench")  # offline: validations stay local
    for t in tokens:
        services.counter.validate(t)
    t0 = time.perf_counter()
    done = 0
    while True:
        summary = services.engine.push(ignore_backoff=True)
        done += summary.done
        if not summary.done and not summary.retries:
            break
    push_s = time.perf_counter() - t0
    return {"pulled": pulled, "pull_s": pull_s, "pushed": done, "push_s": push_s}


def _floor(n_rows: int, pushes: int, sample_rows: list[dict]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        con = sqlite3.connect(Path(tmp) / "f.sqlite3", isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute(
            "CREATE TABLE b (id INTEGER PRIMARY KEY, status, quantity, price, offer_id, "
            "offer_name, venue_id, first_name, last_name, created)"
        )
        con.execute("CREATE TABLE o (id INTEGER PRIMARY KEY, state)")
        rows = [
            (
                i + 1,
                r["status"],
                r["quantity"],
                r["price_cents"],
                r["offer_id"],
                r["offer_name"],
                r["venue_id"],
                r["first_name"],
                r["last_name"],
                str(r["created_at"]),
            )
            for i, r in enumerate((sample_rows * (n_rows // max(1, len(sample_rows)) + 1))[:n_rows])
        ]
        t0 = time.perf_counter()
        for start in range(0, len(rows), 50):
            con.execute("BEGIN")
            con.executemany("INSERT INTO b VALUES (?,?,?,?,?,?,?,?,?,?)", rows[start : start + 50])
            con.execute("COMMIT")
        pull_floor = time.perf_counter() - t0
        con.executemany("INSERT INTO o VALUES (?, 'pending')", [(i,) for i in range(pushes)])
        t0 = time.perf_counter()
        for i in range(pushes):
            con.execute("BEGIN")
            con.execute("UPDATE o SET state='done' WHERE id=?", (i,))
            con.execute("COMMIT")
        push_floor = time.perf_counter() - t0
        con.close()
    return {"pull_s": pull_floor, "push_s": push_floor}


def run(n_bookings: int, pushes: int, scale: float) -> dict:
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        # -- 1. rate limit lifted ----------------------------------------------------------
        with SandboxServer(db_path=tmp_path / "s1.sqlite3", rate_limit=False) as sandbox:
            _grow(sandbox, n_bookings)
            services = _kiosk(sandbox, tmp_path / "k1", None)
            free = _pull_and_push(services, sandbox, pushes)
            sample = [booking_row(b) for b in _sample(sandbox)]
            services.close()
        floor = _floor(free["pulled"], free["pushed"], sample)
        out["unlimited"] = {
            **free,
            "pull_rate": free["pulled"] / free["pull_s"],
            "push_rate": free["pushed"] / free["push_s"],
            "floor_pull_rate": free["pulled"] / floor["pull_s"],
            "floor_push_rate": free["pushed"] / floor["push_s"],
        }
        # -- 2. with the rate limit ------------------------------------------------------
        window = 60.0 / scale
        per_window = int(200 / scale)
        with SandboxServer(
            db_path=tmp_path / "s2.sqlite3", rate_limit=True, rate_limit_per_minute=per_window
        ) as sandbox:
            sandbox.context.limiter.window = window
            _grow(sandbox, n_bookings)
            # as production: 190 of the 200
            limiter = RequestScheduler(max(1, int(per_window * 0.95)), window)
            services = _kiosk(sandbox, tmp_path / "k2", limiter)
            t0 = time.perf_counter()
            limited = _pull_and_push(services, sandbox, pushes)
            total_s = time.perf_counter() - t0
            throttled = limiter.throttled
            services.close()
        requests = math.ceil(n_bookings / 50) + 1 + limited["pushed"]
        bound_s = (math.ceil(requests / per_window) - 1) * window
        out["limited"] = {
            **limited,
            "requests": requests,
            "window_s": window,
            "per_window": per_window,
            "total_s": total_s,
            "bound_s": bound_s,
            "over_bound": (total_s - bound_s) / bound_s if bound_s else None,
            "server_429s": throttled,
        }
    u, li = out["unlimited"], out["limited"]
    print_table(
        "Sync throughput, rate limit lifted (same run floor: straight SQLite inserts)",
        ["what", "kiosk", "floor (raw SQLite)"],
        [
            ["pull (bookings/s)", f"{u['pull_rate']:.0f}", f"{u['floor_pull_rate']:.0f}"],
            ["push (operations/s)", f"{u['push_rate']:.0f}", f"{u['floor_push_rate']:.0f}"],
        ],
    )
    print_table(
        f"With the rate limit ({li['per_window']} requests / {li['window_s']:.0f} s)",
        [
            "bookings pulled",
            "validations pushed",
            "requests",
            "time (s)",
            "limit's bound (s)",
            "over bound",
            "429s",
        ],
        [
            [
                li["pulled"],
                li["pushed"],
                li["requests"],
                f"{li['total_s']:.1f}",
                f"{li['bound_s']:.1f}",
                f"{(li['over_bound'] or 0) * 100:.1f} %",
                li["server_429s"],
            ]
        ],
    )
    return out


def _sample(sandbox: SandboxServer) -> list[dict]:
    from tests.fixtures.sandbox import client_for

    with client_for(sandbox) as http:
        return http.get(
            "/public/bookings/v1/bookings", params={"venueId": BOOKSHOP_VENUE_ID}
        ).json()["bookings"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bookings", type=int, default=5000)
    ap.add_argument("--pushes", type=int, default=1000)
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args(argv)
    data = run(args.bookings, args.pushes, args.scale)
    print(f"\nwritten: {write_result('sync', data)}")


if __name__ == "__main__":
    main()
