"""Catalogue search latency over 100k cached offers: FTS5 (as typed) versus a LIKE scan.

Run: `python -m benchmarks.bench_search [--offers N] [--runs N]`. Prints a table and writes
benchmarks/results/search.json. Target: p95 ≤ 5 ms for the FTS5 search at every query length.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.domain.categories import SUBCATEGORIES, shown_subcategory_ids
from kiosk.services.catalogue import Catalogue, Query
from kiosk.store.database import Database
from kiosk.store.types import to_db

NOW = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
RESULTS = Path(__file__).parent / "results" / "search.json"

ADJ = [
    "petit",
    "grand",
    "dernier",
    "premier",
    "noir",
    "rouge",
    "bleu",
    "secret",
    "sauvage",
    "étrange",
    "infini",
    "lointain",
    "doux",
]
NOUN = [
    "prince",
    "château",
    "voyage",
    "nuit",
    "jardin",
    "océan",
    "forêt",
    "mémoire",
    "royaume",
    "silence",
    "orchestre",
    "théâtre",
    "musée",
    "lumière",
    "étoile",
    "chemin",
    "ville",
    "rivière",
    "île",
    "montagne",
    "cœur",
    "histoire",
    "légende",
    "planète",
]
PLACE = [
    "Paris",
    "Marseille",
    "Lyon",
    "Nantes",
    "Lille",
    "Bordeaux",
    "Toulouse",
    "Rennes",
    "Brest",
    "Nice",
    "Cluny",
]
FIRST = [
    "Marie",
    "Jean",
    "Léa",
    "Hugo",
    "Camille",
    "Louis",
    "Chloé",
    "Nathan",
    "Inès",
    "Jules",
    "Manon",
    "Théo",
    "Emma",
    "Lucas",
]
LAST = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Lefèvre",
]
DESC = [
    "Une aventure captivante au cœur de {p}",
    "Un récit bouleversant sur {n}",
    "Découvrez {n} à travers une mise en scène audacieuse",
    "Un classique réédité, idéal pour découvrir {n}",
    "Atelier ouvert à tous, sans prérequis",
    "Concert exceptionnel, places limitées.",
]


SYLLABLES = ["ma", "ri", "lo", "ven", "tar", "bel", "qui", "son", "dé", "fa", "mi", "ror", "ga"]
SYLLABLES += ["lan", "tis", "cor", "nu", "pé", "zan", "dri", "ol", "vé", "sha", "kin", "bru"]


def names(rng: random.Random, n: int = 4000) -> list[str]:
    """Proper names (heroes, places, artists): the long tail that makes real titles diverse."""
    return [
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 5))).capitalize()
        for _ in range(n)
    ]


NAMES = names(random.Random(7))


def title(rng: random.Random) -> str:
    shape = rng.randrange(6)
    if shape >= 4:
        return f"{rng.choice(NAMES)} et le {rng.choice(ADJ)} {rng.choice(NOUN)}"
    n, a, p = rng.choice(NOUN), rng.choice(ADJ), rng.choice(PLACE)
    if shape == 0:
        return f"Le {a} {n}"
    if shape == 1:
        return f"{n.capitalize()} de {p}"
    if shape == 2:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)} en concert"
    return f"La {n} {a} - Tome {rng.randint(1, 30)}"


def build(db_dir: Path, n: int, seed: int = 1) -> Database:
    """A migrated kiosk database holding `n` offers (20% events with dates)."""
    db = Database.open(db_dir)
    rng = random.Random(seed)
    subs = list(shown_subcategory_ids())
    conn = sqlite3.connect(db.path)
    conn.execute("PRAGMA synchronous=OFF")
    conn.executemany(
        "INSERT INTO venue (id, name, city) VALUES (?, ?, ?)",
        [(v, f"Médiathèque de {p}", p) for v, p in enumerate(PLACE, start=1)],
    )
    offers, stocks = [], []
    for i in range(1, n + 1):
        sub = rng.choice(subs)
        event = SUBCATEGORIES[sub].is_event
        price = rng.choice([0, 0, 500, 990, 1500, 2500])
        name = title(rng)
        author = f"{rng.choice(FIRST)} {rng.choice(NAMES if rng.random() < 0.5 else LAST)}"
        desc = rng.choice(DESC).format(n=rng.choice(NOUN), p=rng.choice(PLACE))
        first = NOW + timedelta(days=rng.randint(1, 60)) if event else None
        offers.append(
            (
                i,
                rng.randint(1, len(PLACE)),
                name,
                desc,
                sub,
                event,
                SUBCATEGORIES[sub].is_online,
                rng.random() < 0.2,
                author,
                price,
                price,
                to_db(first),
            )
        )
        if event:
            for k in range(rng.randint(1, 3)):
                at = first + timedelta(days=7 * k)
                stocks.append((i * 10 + k, i, to_db(at), price, "Tarif unique", 50, 3))
        else:
            stocks.append((i * 10, i, None, price, None, None, 0))
    conn.executemany(
        "INSERT INTO offer (id, venue_id, name, description, subcategory_id, is_event, "
        "is_digital, is_duo, author, min_price_cents, max_price_cents, next_date) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        offers,
    )
    conn.executemany(
        "INSERT INTO stock (id, offer_id, beginning, price_cents, price_category_label, "
        "quantity, booked_quantity) VALUES (?, ?, ?, ?, ?, ?, ?)",
        stocks,
    )
    conn.commit()
    conn.execute("INSERT INTO offer_fts(offer_fts) VALUES ('optimize')")
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    return db


LONG = [n[:8].lower() for n in NAMES if len(n) >= 8][:8]  # rare words: bm25-ranked
QUERIES = {
    1: ["c", "m", "p", "l", "t", "é", "s", "b"],
    3: ["thé", "mus", "con", "pri", "cha", "voy", "mar", "nui"],
    8: [
        *LONG,
        "theatre ",
        "chateau ",
        "orchestr",
        "concert ",
        "lumieres",
        "montagne",
        "royaume ",
        "mémoire ",
    ],
}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(fn, queries: list[str], runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        for q in queries:
            t0 = time.perf_counter()
            fn(q)
            times.append((time.perf_counter() - t0) * 1000)
    return {
        "p50_ms": round(statistics.median(times), 3),
        "p95_ms": round(percentile(times, 95), 3),
        "max_ms": round(max(times), 3),
        "n": len(times),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        db = build(Path(tmp), args.offers)
        built = time.perf_counter() - t0
        catalogue = Catalogue(db, clock=lambda: NOW)
        like = sqlite3.connect(db.path)

        def fts(q: str) -> None:
            catalogue.search(Query(text=q))

        def scan(q: str) -> None:
            pattern = f"%{q.strip()}%"
            like.execute(
                "SELECT id, name FROM offer WHERE name LIKE ? OR description LIKE ? LIMIT 61",
                (pattern, pattern),
            ).fetchall()

        def scan_all(q: str) -> None:  # what ranking needs: every match, not the first 61
            pattern = f"%{q.strip()}%"
            like.execute(
                "SELECT COUNT(*) FROM offer WHERE name LIKE ? OR description LIKE ?",
                (pattern, pattern),
            ).fetchall()

        for q in ("a", "the"):  # warm the page cache
            fts(q)
            scan_all(q)
        rows = []
        for length, queries in QUERIES.items():
            rows.append(
                {
                    "chars": length,
                    "fts5": measure(fts, queries, args.runs),
                    "like_first_61": measure(scan, queries, max(3, args.runs // 5)),
                    "like_all": measure(scan_all, queries, max(3, args.runs // 5)),
                }
            )
        counts = measure(lambda q: catalogue.category_counts(), ["-"], 10)
        browse = measure(
            lambda c: catalogue.search(Query(category=c)), ["LIVRE", "MUSIQUE_LIVE", "MUSEE"], 5
        )
        catalogue.close()
        like.close()
        db.dispose()
    print(f"{args.offers} offers (built in {built:.1f} s); times in ms")
    print(
        f"{'chars':>5} | {'FTS5 p50':>9} {'p95':>7} | {'LIKE61 p50':>10} {'p95':>7} "
        f"| {'LIKEall p50':>11} {'p95':>7}"
    )
    for r in rows:
        f, s, a = r["fts5"], r["like_first_61"], r["like_all"]
        print(
            f"{r['chars']:>5} | {f['p50_ms']:>9.2f} {f['p95_ms']:>7.2f} | "
            f"{s['p50_ms']:>10.2f} {s['p95_ms']:>7.2f} | {a['p50_ms']:>11.2f} {a['p95_ms']:>7.2f}"
        )
    print(f"category tile counts: p50 {counts['p50_ms']:.1f} ms, p95 {counts['p95_ms']:.1f} ms")
    print(f"browse a category: p50 {browse['p50_ms']:.1f} ms, p95 {browse['p95_ms']:.1f} ms")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "offers": args.offers,
                "sqlite": sqlite3.sqlite_version,
                "queries": QUERIES,
                "results": rows,
                "category_counts": counts,
                "browse_category": browse,
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
    print(f"written {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
