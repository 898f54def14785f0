"""The key's request budget shared by 1, 2 and 3 counters while a first sync runs.

One API key (200 requests a minute on the real server), the real sandbox with its limit on.
Counter 1 is a new counter in its first full sync of the demo world; counters 2 and 3 (each an
OS process of its own, already synced) check youths' codes as they arrive, every few seconds.
Measured: the share of counter checks answered online, their p50/p99 latency, the 429s the
processes received, the time until counter 1 is ready (its bookings are in) and until its sync
is complete (offers and images), beside the limit's own bound (the requests the sync needs at
200 a minute) and the same sync with the limit lifted (the machine's own floor), both measured
in the same run.

Shortened: the window and every delay are divided by `--scale` (default 5: 200 requests per
12 s, scans every 0.6 s, the counter's quiet delay 4 s), so the run takes a few minutes; at
scale 10 this machine's own time for the pulls weighs on the sync beside a 6 s window. Ratios
to the bound are what carry over. Latencies are real milliseconds. The sandbox serves
offer images from its own host outside its limit; the kiosk counts them against its budget all
the same, so the bound counts them too.

Scenarios: "1 alone" (the new counter's sync, nobody scanning: the wizard), "1 + scans" (the
same counter scanning as soon as it starts), "2" and "3" (one or two other counters scanning).

Run: python -m benchmarks.bench_rate_budget [--scale 5] [--scan-every 3] [--scenarios ...]
     [--grow 3000]  (more bookings: the pulls, which the sandbox counts, then fill the key)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.common import percentile, print_table, write_result

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 200  # requests per window and key, as pass Culture
QUIET = 20.0  # the kiosk's default counter_quiet_seconds (scaled with the window)
SCENARIOS = ("1-alone", "1-scans", "2", "3")


# -- the worker processes ------------------------------------------------------------------
def _wait_until(start_at: float) -> None:
    time.sleep(max(0.0, start_at - time.time()))


def _scanner(services: Any, tokens: list[str], every: float, stop: threading.Event, out: list):
    rng = random.Random(os.getpid())
    i = rng.randrange(len(tokens))
    while not stop.wait(every * rng.uniform(0.5, 1.5)):
        t0 = time.perf_counter()
        result = services.counter.check(tokens[i % len(tokens)])
        out.append({"source": result.source, "ms": (time.perf_counter() - t0) * 1000})
        i += 1


def _worker(args: argparse.Namespace) -> None:
    from kiosk.platform.config import load
    from kiosk.services.wiring import open_services

    services = open_services(load(Path(args.data_dir)))
    assert services.engine is not None and services.client is not None
    tokens = json.loads(Path(args.tokens).read_text()) if args.tokens else []
    checks: list[dict[str, Any]] = []
    stop = threading.Event()
    out: dict[str, Any] = {}
    _wait_until(args.start_at)
    t0 = time.monotonic()
    scanner = None
    if args.scan_every > 0:
        scanner = threading.Thread(
            target=_scanner, args=(services, tokens, args.scan_every, stop, checks), daemon=True
        )
        scanner.start()
    try:
        if args.role == "sync":
            ready: list[float] = []

            def progress(stage: str, done: int, total: int | None) -> None:
                if stage in ("offers", "images") and not ready:
                    ready.append(time.monotonic() - t0)  # the bookings are in

            summary = services.engine.sync_once(full=True, progress=progress)
            while True:  # the later passes that fetch the rest of the images
                fetched = services.engine.fetch_images()
                if fetched is None or not fetched.more:
                    break
            out.update(
                ready_s=ready[0] if ready else None,
                synced_s=time.monotonic() - t0,
                error=summary.error,
                bookings=summary.pulled_bookings,
                offers=summary.pulled_offers,
            )
        else:  # a live counter: scans until the first sync is over
            stop_file = Path(args.stop_file)
            while not stop_file.exists():
                time.sleep(0.05)
    finally:
        stop.set()
        if scanner is not None:
            scanner.join(10)
        limiter = services.client.limiter
        out.update(
            checks=checks,
            throttled=limiter.throttled,
            foreign=limiter.foreign,
            sent={p.name: n for p, n in limiter.sent.items()},
        )
        services.close()
    print(json.dumps(out))


# -- the parent ----------------------------------------------------------------------------
def _configure(data_dir: Path, url: str, name: str, window: float, scale: float, limited: bool):
    from kiosk.demo.world import DEMO_VENUES
    from kiosk.platform.config import Config, save

    cfg = Config(
        data_dir=data_dir,
        api_url=url,
        venue_ids=DEMO_VENUES,
        counter_name=name,
        kiosk_id=name,
        rate_limit=limited,
        counter_quiet_seconds=QUIET / scale,
        request_limit=LIMIT,
        request_window=window,
    )
    save(cfg)
    # request_limit / request_window describe a shortened sandbox: not written by save()
    with cfg.path.open("a", encoding="utf-8") as f:
        f.write(f"request_limit = {LIMIT}\nrequest_window = {window}\n")


def _spawn(data_dir: Path, role: str, env: dict[str, str], **kw: Any) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "benchmarks.bench_rate_budget", "--worker", role]
    cmd += ["--data-dir", str(data_dir)]
    for k, v in kw.items():
        cmd += [f"--{k.replace('_', '-')}", str(v)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def _result(proc: subprocess.Popen[str]) -> dict[str, Any]:
    out, _ = proc.communicate(timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"worker failed ({proc.returncode})")
    return json.loads(out.strip().splitlines()[-1])


def _scenario(
    name: str,
    tmp: Path,
    window: float,
    scale: float,
    scan_every: float,
    limited: bool = True,
    grow: int = 0,
) -> dict[str, Any]:
    from kiosk.sandbox import SandboxServer
    from kiosk.services.wiring import open_services

    counters = 1 if name.startswith("1") else int(name)
    with SandboxServer(
        db_path=tmp / f"sandbox-{name}.sqlite3", rate_limit=limited, rate_limit_per_minute=LIMIT
    ) as sandbox:
        sandbox.context.limiter.window = window
        if grow:
            from benchmarks.bench_sync import _grow

            _grow(sandbox, grow)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "KIOSK_API_KEY": sandbox.api_key}
        os.environ["KIOSK_API_KEY"] = sandbox.api_key
        from kiosk.demo.world import DEMO_VENUES
        from kiosk.platform.config import load

        tokens = [
            b["token"]
            for v in DEMO_VENUES
            for b in sandbox.bookings(venue_id=v)
            if b.get("status") == "CONFIRMED"
        ]
        token_file = tmp / f"tokens-{name}.json"
        token_file.write_text(json.dumps(tokens))
        new = tmp / f"{name}-new"
        _configure(new, sandbox.url, "new", window, scale, limited)
        live: list[Path] = []
        sandbox.context.limiter.enabled = False  # the live counters were synced earlier
        for i in range(2, counters + 1):
            d = tmp / f"{name}-counter{i}"
            _configure(d, sandbox.url, f"counter{i}", window, scale, limited)
            services = open_services(load(d))
            assert services.engine is not None
            services.engine.sync_once(full=True)
            services.close()
            live.append(d)
        sandbox.context.limiter.reset()
        sandbox.context.limiter.enabled = limited
        stop_file = tmp / f"stop-{name}"
        start_at = time.time() + 4.0  # after every worker's imports
        scans = scan_every / scale
        sync = _spawn(
            new,
            "sync",
            env,
            start_at=start_at,
            tokens=token_file,
            scan_every=scans if name == "1-scans" else 0,
        )
        others = [
            _spawn(
                d,
                "counter",
                env,
                start_at=start_at,
                tokens=token_file,
                scan_every=scans,
                stop_file=stop_file,
            )
            for d in live
        ]
        try:
            synced = _result(sync)
        finally:
            stop_file.write_text("")
        results = [synced] + [_result(p) for p in others]
        os.environ.pop("KIOSK_API_KEY", None)
    checks = [c for r in results for c in r["checks"]]
    latencies = [c["ms"] for c in checks]
    online = sum(c["source"] == "online" for c in checks)
    needed = sum(synced["sent"].get(p, 0) for p in ("PUSH", "PULL", "IMAGES"))
    return {
        "scenario": name,
        "counters": counters,
        "checks": len(checks),
        "online_share": online / len(checks) if checks else None,
        "p50_ms": percentile(latencies, 50) if latencies else None,
        "p99_ms": percentile(latencies, 99) if latencies else None,
        "throttled": sum(r["throttled"] for r in results),
        "foreign": sum(r["foreign"] for r in results),
        "ready_s": synced["ready_s"],
        "synced_s": synced["synced_s"],
        "sync_requests": needed,
        "sync_error": synced["error"],
        "bookings": synced["bookings"],
        "offers": synced["offers"],
    }


def run(scale: float, scan_every: float, scenarios: list[str], grow: int = 0) -> dict[str, Any]:
    window = 60.0 / scale
    rate = LIMIT / window  # requests per second the key allows
    out: dict[str, Any] = {"scale": scale, "window_s": window, "per_window": LIMIT, "grow": grow}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "floor").mkdir()
        floor = _scenario(
            "1-alone", tmp / "floor", window, scale, scan_every, limited=False, grow=grow
        )
        out["floor"] = floor
        rows = []
        for name in scenarios:
            (tmp / name).mkdir()
            r = _scenario(name, tmp / name, window, scale, scan_every, grow=grow)
            r["bound_s"] = r["sync_requests"] / rate
            r["over_bound"] = (r["synced_s"] - r["bound_s"]) / r["bound_s"]
            rows.append(r)
        out["scenarios"] = rows
    print_table(
        f"Request budget, one key: {LIMIT} requests / {window:g} s (the real 200/min shortened "
        f"{scale:g}x; scans every {scan_every / scale:g} s, quiet delay {QUIET / scale:g} s)",
        [
            "counters",
            "checks",
            "online",
            "p50 ms",
            "p99 ms",
            "429s (foreign)",
            "ready s",
            "synced s",
            "bound s",
            "over bound",
            "no-limit floor s",
        ],
        [
            [
                r["scenario"],
                r["checks"],
                "-" if r["online_share"] is None else f"{r['online_share'] * 100:.1f} %",
                "-" if r["p50_ms"] is None else f"{r['p50_ms']:.0f}",
                "-" if r["p99_ms"] is None else f"{r['p99_ms']:.0f}",
                f"{r['throttled']} ({r['foreign']})",
                f"{r['ready_s']:.1f}" if r["ready_s"] is not None else "-",
                f"{r['synced_s']:.1f}",
                f"{r['bound_s']:.1f}",
                f"{r['over_bound'] * 100:+.1f} %",
                f"{out['floor']['synced_s']:.1f}",
            ]
            for r in out["scenarios"]
        ],
    )
    print(
        f"bound = the sync's {out['scenarios'][0]['sync_requests'] if rows else '?'} requests at "
        f"{LIMIT} per {window:g} s; floor = the same sync with the limit lifted (this machine)."
        "\nGoals: >= 99 % of checks online, p99 <= 2000 ms, '1-alone' within 15 % of the bound."
    )
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scale", type=float, default=5.0)
    ap.add_argument("--scan-every", type=float, default=3.0, help="real-world seconds")
    ap.add_argument("--scenarios", nargs="*", default=list(SCENARIOS), choices=SCENARIOS)
    ap.add_argument(
        "--grow",
        type=int,
        default=0,
        help="bookings of the bookshop (the demo world has ~940): a longer pull phase, which "
        "the sandbox counts against the key (it does not count its images)",
    )
    ap.add_argument("--worker", choices=("sync", "counter"), help=argparse.SUPPRESS)
    ap.add_argument("--data-dir", help=argparse.SUPPRESS)
    ap.add_argument("--tokens", help=argparse.SUPPRESS)
    ap.add_argument("--start-at", type=float, default=0.0, help=argparse.SUPPRESS)
    ap.add_argument("--stop-file", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        args.role = args.worker
        _worker(args)
        return
    data = run(args.scale, args.scan_every, args.scenarios, args.grow)
    name = "rate_budget" + (f"_grow{args.grow}" if args.grow else "")
    print(f"\nwritten: {write_result(name, data)}")


if __name__ == "__main__":
    main()
