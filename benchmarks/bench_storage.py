"""Cost of the start-up integrity check and of a backup, with 10k, 100k and 1M cached bookings.

Chooses between `PRAGMA quick_check` (every start) and `PRAGMA integrity_check` (backups, before
a restore): see docs/robustness.md.
Run: python -m benchmarks.bench_storage [--sizes 10000,100000]
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.bench_counter import fill
from benchmarks.common import print_table, write_result
from kiosk.store.backup import take_backup
from kiosk.store.database import Database


def _time(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return round(best * 1000, 1)


def run(sizes: list[int]) -> dict:
    out = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = Path(tmp)
            db = Database.open(data_dir)
            db.dispose()
            fill(data_dir / "kiosk.sqlite3", n)
            path = data_dir / "kiosk.sqlite3"

            def pragma(name: str, path: Path = path) -> None:
                con = sqlite3.connect(path)
                assert con.execute(f"PRAGMA {name}").fetchone()[0] == "ok"
                con.close()

            out.append(
                {
                    "bookings": n,
                    "file_mb": round(path.stat().st_size / 1e6, 1),
                    "quick_check_ms": _time(lambda: pragma("quick_check")),
                    "integrity_check_ms": _time(lambda: pragma("integrity_check")),
                    "open_ms": _time(lambda d=data_dir: Database.open(d).dispose()),
                    "backup_ms": _time(lambda d=data_dir, p=path: take_backup(p, d), repeat=1),
                }
            )
    return {"results": out}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000")
    args = ap.parse_args(argv)
    data = run([int(s) for s in args.sizes.split(",")])
    rows = [list(r.values()) for r in data["results"]]
    print_table("Storage checks (best of 3, ms)", list(data["results"][0]), rows)
    print(write_result("storage", data))


if __name__ == "__main__":
    main()
