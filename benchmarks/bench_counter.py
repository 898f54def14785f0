"""`check` and `validate` latency with 10k, 100k and 1M cached bookings, beside the floor:
a raw sqlite3 indexed lookup, and a raw UPDATE + 2 INSERTs + COMMIT of the same rows with the
same pragmas (WAL, synchronous=FULL).

Targets (issue 2): validate p99 within 3× the raw floor and under 2 ms at 1M; check p99 < 0.5 ms.
Run: python -m benchmarks.bench_counter [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import functools
import random
import sqlite3
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.common import print_table, summary, timed, tokens, write_result
from kiosk.services.counter import Counter
from kiosk.store.database import Database

NOW = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)


def fill(db_path: Path, n: int) -> list[str]:
    toks = tokens(n)
    con = sqlite3.connect(db_path)
    created = (NOW - timedelta(days=2)).isoformat(timespec="microseconds")
    rows = (
        (
            i + 1,
            t,
            "import",
            "CONFIRMED",
            1,
            1000,
            10 + i % 500,
            f"Offre {i % 500}",
            None,
            i + 1,
            None,
            100,
            "Librairie",
            "75",
            "Léa",
            f"Nom{i}",
            f"lea nom{i}",
            created,
        )
        for i, t in enumerate(toks)
    )
    con.executemany(
        "INSERT INTO booking (id, token, token_source, status, quantity, price_cents, offer_id, "
        "offer_name, offer_ean, stock_id, price_category_label, venue_id, venue_name, "
        "department_code, first_name, last_name, search_name, created_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    con.commit()
    con.close()
    return toks


def raw_floor(db_path: Path, lookups: list[str], writes: list[str]) -> tuple[list, list]:
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    it = iter(lookups)
    look = timed(
        lambda: con.execute("SELECT * FROM booking WHERE token=?", (next(it),)).fetchone(),
        len(lookups),
    )
    now = NOW.isoformat(timespec="microseconds")
    wit = iter(writes)

    def write() -> None:
        t = next(wit)
        con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE booking SET status='USED', used_at=? WHERE token=?", (now, t))
        con.execute(
            "INSERT INTO outbox (op_id, kind, token, booking_id, created_at, created_local, "
            "counter, staff, kiosk_id, unverified, state, attempts, ambiguous) "
            "VALUES (?, 'use', ?, 1, ?, ?, 'Accueil', 'Marie', 'k', 0, 'pending', 0, 0)",
            (str(uuid.uuid4()), t, now, now),
        )
        con.execute(
            "INSERT INTO audit (at, action, token, counter, staff) "
            "VALUES (?, 'validate', ?, 'Accueil', 'Marie')",
            (now, t),
        )
        con.execute("COMMIT")

    wr = timed(write, len(writes))
    con.close()
    return look, wr


def _next_check(counter: Counter, it) -> None:
    counter.check_local(next(it))


def _next_validate(counter: Counter, it) -> None:
    counter.validate(next(it), staff="Marie")


def run(sizes: list[int], checks: int = 2000, validates: int = 300) -> dict:
    results = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            db = Database.open(Path(tmp))
            toks = fill(db.path, n)
            rng = random.Random(n)
            sample = rng.sample(toks, checks + 2 * validates)
            check_toks = sample[:checks]
            val_toks = sample[checks : checks + validates]
            floor_toks = sample[checks + validates :]
            counter = Counter(
                db, venue_ids=[100], counter_name="Accueil", kiosk_id="k", clock=lambda: NOW
            )
            counter.check_local(check_toks[0])  # warm the connection
            chk = timed(functools.partial(_next_check, counter, iter(check_toks)), checks - 1)
            val = timed(functools.partial(_next_validate, counter, iter(val_toks)), validates)
            counter.close()
            db.dispose()
            look, wr = raw_floor(db.path, rng.sample(toks, checks), floor_toks)
            row = {
                "bookings": n,
                "check": summary(chk),
                "raw_lookup": summary(look),
                "validate": summary(val),
                "raw_write_commit": summary(wr),
            }
            row["validate_p99_vs_floor"] = round(
                row["validate"]["p99_ms"] / row["raw_write_commit"]["p99_ms"], 2
            )
            results.append(row)
    print_table(
        "Counter latency (ms) — check/validate vs. raw sqlite3 floor, same run",
        [
            "bookings",
            "check p50",
            "check p99",
            "raw lookup p99",
            "validate p50",
            "validate p99",
            "raw write+commit p99",
            "validate/floor p99",
        ],
        [
            [
                r["bookings"],
                r["check"]["p50_ms"],
                r["check"]["p99_ms"],
                r["raw_lookup"]["p99_ms"],
                r["validate"]["p50_ms"],
                r["validate"]["p99_ms"],
                r["raw_write_commit"]["p99_ms"],
                r["validate_p99_vs_floor"],
            ]
            for r in results
        ],
    )
    return {
        "results": results,
        "targets": {"check_p99_ms": 0.5, "validate_p99_ms": 2.0, "validate_vs_floor": 3.0},
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="10000,100000,1000000")
    args = ap.parse_args(argv)
    data = run([int(s) for s in args.sizes.split(",")])
    print(f"\nwritten: {write_result('counter', data)}")


if __name__ == "__main__":
    main()
