"""The manager's report over a year of a big venue: 500,000 bookings, most validated at the
counter (operations in the outbox), reimbursed or not, some invalidated, conflicts, bookings
reimbursed without a validation here.

Run: `python -m benchmarks.bench_report [--bookings N] [--runs N]`. Prints a table and writes
benchmarks/results/report.json. Target: the year's report and its two charts in ≤ 1 s, printed
beside floors measured in the same run (a bare COUNT(*) over each table, and one pass that
reads every operation of the year with its booking).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.common import ALPHABET, print_table, write_result
from kiosk.domain.categories import shown_subcategory_ids
from kiosk.services import report
from kiosk.store.database import Database

FIRST = date(2025, 12, 1)
LAST = date(2026, 11, 30)
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
VENUE = 1
STAFF = ["Alice", "Bob", "Chloé", "David", "Emma", "Farid", "Gaëlle", "Hugo"]


def _iso(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat(timespec="microseconds")


def _token(n: int) -> str:
    out = []
    for _ in range(6):
        n, r = divmod(n, 30)
        out.append(ALPHABET[r])
    return "".join(out)


def populate(path: Path, n_bookings: int, seed: int = 18) -> dict[str, int]:
    """The data dir's database, through its own migrations, filled with plain inserts."""
    db = Database.open(path)
    db.dispose()
    rng = random.Random(seed)
    subs = list(shown_subcategory_ids())
    offers = [
        (i, VENUE, f"Offre {i}", rng.choice(subs), rng.choice([0, 500, 800, 1250, 1990, 3000]))
        for i in range(1, 401)
    ]
    conn = sqlite3.connect(path / "kiosk.sqlite3")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.executemany(
        "INSERT INTO venue (id, name, department_code) VALUES (?, ?, ?)",
        [(VENUE, "Grande Librairie", "75")],
    )
    conn.executemany(
        "INSERT INTO offer (id, venue_id, name, subcategory_id, is_event, is_digital, is_duo) "
        "VALUES (?, ?, ?, ?, 0, 0, 0)",
        [o[:4] for o in offers],
    )
    span = (LAST - FIRST).days + 1
    start = datetime.combine(FIRST, datetime.min.time(), UTC)
    bookings: list[tuple[Any, ...]] = []
    ops: list[tuple[Any, ...]] = []
    counts = {"validated": 0, "invalidated": 0, "conflicts": 0, "elsewhere": 0}
    op_n = 0
    for bid in range(1, n_bookings + 1):
        offer = offers[rng.randrange(len(offers))]
        qty = 2 if rng.random() < 0.1 else 1
        created = start + timedelta(seconds=rng.randrange(span * 86400))
        used = created + timedelta(hours=rng.randrange(1, 240))
        if used >= NOW:
            used = created
        roll = rng.random()
        status, used_at, reimbursed, token, staff = "CONFIRMED", None, None, None, None
        counter = None  # set on a validation here that stands (as the counter writes it)
        if roll < 0.72:  # validated here
            token, staff = _token(bid), rng.choice(STAFF)
            status, used_at = "USED", used
            if used < NOW - timedelta(days=15) and rng.random() < 0.85:
                status, reimbursed = "REIMBURSED", used + timedelta(days=rng.randrange(10, 30))
            op_n += 1
            state = "done"
            conflict = None
            counter = "Accueil"
            if rng.random() < 0.01:  # refused: the booking is restored without our counter
                state, conflict, status = "conflict", "cancelled", "CANCELLED"
                counter, used_at, reimbursed = None, None, None
                counts["conflicts"] += 1
            ops.append((f"op-{op_n}", "use", token, bid, _iso(used), staff, state, conflict))
            counts["validated"] += 1
            if rng.random() < 0.02 and state == "done":
                op_n += 1
                later = used + timedelta(minutes=5)
                ops.append((f"op-{op_n}", "keep", token, bid, _iso(later), staff, "done", None))
                status, used_at, reimbursed, counter = "CONFIRMED", None, None, None
                counts["invalidated"] += 1
        elif roll < 0.77:  # validated elsewhere (the Guichet web page), then reimbursed
            status, reimbursed = "REIMBURSED", min(used + timedelta(days=20), NOW)
            counts["elsewhere"] += 1
        elif roll < 0.87:
            status = "CANCELLED"
        bookings.append(
            (
                bid,
                token,
                status,
                qty,
                offer[4],
                offer[0],
                offer[2],
                VENUE,
                "Grande Librairie",
                _iso(created),
                _iso(used_at) if used_at else None,
                counter,
                staff if counter else None,
                _iso(reimbursed) if reimbursed else None,
                "import" if reimbursed else None,
            )
        )
    conn.executemany(
        "INSERT INTO booking (id, token, status, quantity, price_cents, offer_id, offer_name, "
        "venue_id, venue_name, created_at, used_at, used_counter, used_staff, reimbursed_at, "
        "reimbursed_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        bookings,
    )
    ops.sort(key=lambda o: o[4])  # the outbox grows in time order
    conn.executemany(
        "INSERT INTO outbox (op_id, kind, token, booking_id, created_at, created_local, "
        "counter, staff, kiosk_id, unverified, state, attempts, ambiguous, conflict) "
        "VALUES (?, ?, ?, ?, ?, ?, 'Accueil', ?, 'k1', 0, ?, 1, 0, ?)",
        [(o[0], o[1], o[2], o[3], o[4], o[4], o[5], o[6], o[7]) for o in ops],
    )
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    counts["bookings"], counts["operations"] = n_bookings, len(ops)
    return counts


def _ms(fn: Any, runs: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bookings", type=int, default=500_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize

    from kiosk.ui.admin.report_charts import categories_chart, chart_image, days_chart
    from kiosk.ui.admin.report_pdf import ensure_app

    ensure_app()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp)
        t0 = time.perf_counter()
        counts = populate(path, args.bookings)
        fill_s = time.perf_counter() - t0
        db = Database.open(path)
        year, month = report.Period(FIRST, LAST), report.Period.month(date(2026, 11, 1))
        with db.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            count_b, _ = _ms(lambda: raw.execute("SELECT count(*) FROM booking").fetchone(), 5)
            count_o, _ = _ms(lambda: raw.execute("SELECT count(*) FROM outbox").fetchone(), 5)
            join, _ = _ms(
                lambda: raw.execute(
                    "SELECT count(*), sum(b.price_cents) FROM outbox o "
                    "JOIN booking b ON b.id = o.booking_id"
                ).fetchone(),
                3,
            )

        def build(period: report.Period) -> report.Report:
            return report.build(db, period, now=NOW, venue_ids=(VENUE,))

        def charts(rep: report.Report) -> None:
            chart_image(days_chart(rep), QSize(680, 300), 1.0)
            chart_image(categories_chart(rep), QSize(680, 300), 1.0)

        build(year)  # a first run warms the page cache, as a second opening of the screen
        year_ms, rep = _ms(lambda: build(year), args.runs)
        charts_ms, _ = _ms(lambda: charts(rep), args.runs)
        total_ms, _ = _ms(lambda: charts(build(year)), args.runs)
        month_ms, _ = _ms(lambda: build(month), args.runs)
        csv_ms, data = _ms(lambda: report.to_csv(rep), 1)
        db.dispose()
    rows = [
        ["floor: SELECT count(*) FROM booking", f"{count_b:.1f}"],
        ["floor: SELECT count(*) FROM outbox", f"{count_o:.1f}"],
        ["floor: every operation joined to its booking", f"{join:.1f}"],
        ["report of the year (SQL + folding)", f"{year_ms:.1f}"],
        ["the two charts of the year (QtCharts, drawn)", f"{charts_ms:.1f}"],
        ["report + charts of the year (target ≤ 1000)", f"{total_ms:.1f}"],
        ["report of one month", f"{month_ms:.1f}"],
        [f"CSV of the year ({len(data) // 1024} KiB)", f"{csv_ms:.1f}"],
    ]
    print(
        f"{counts['bookings']} bookings, {counts['operations']} operations "
        f"({counts['validated']} validations, {counts['invalidated']} invalidations, "
        f"{counts['conflicts']} conflicts, {counts['elsewhere']} reimbursed elsewhere); "
        f"filled in {fill_s:.1f} s"
    )
    print(
        f"the year's report: {rep.total.validations} validations, "
        f"{rep.total.amount_cents / 100:.2f} €, {rep.total.invalidations} invalidations, "
        f"{rep.total.conflicts} conflicts; cases "
        + ", ".join(f"{c.case} {c.count}" for c in rep.cases)
    )
    print_table("Manager's report (median ms)", ["measure", "ms"], rows)
    write_result(
        "report",
        {
            "data": counts,
            "median_ms": {r[0]: float(r[1]) for r in rows},
            "target_ms": 1000,
            "met": total_ms <= 1000,
        },
    )


if __name__ == "__main__":
    main()
