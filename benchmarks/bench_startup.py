"""Start-up and memory of the counter in a real X server, beside two floors of the same run.

A real process under Xvfb (no window manager: the top-level window maps straight onto the
root, so its MapNotify is the moment it appears). For each data dir (empty, the demo's, a big
venue's: 100,000 bookings + 50,000 offers + 5,000 images) it measures:

- launch → window mapped (MapNotify on the root) and → window painted (the kiosk's own trace:
  `kiosk run` maps its bare frame, "Démarrage du guichet…", then builds the counter into it),
- launch → counter ready (the counter screen's first paint),
- launch → first scan answered (a token typed by xdotool at scanner speed as soon as the
  window maps; the kiosk traces the verdict band's paint),
- resident memory 3 s after the window mapped, after 1,000 scans, after a librarian browse,

beside two floors measured in the same run: a bare PySide6 window (launched again before every
counter session, so the floor spans the whole run), and the same window after importing every
library the kiosk uses. Also `kiosk check` as a CLI process (wall time and
peak memory) beside a bare `python -c pass`.

The counter runs against a server that does not answer (127.0.0.1:9): start-up is measured
without the network's noise; the demo data dir was filled by a real sync first.

    python -m benchmarks.bench_startup [--runs 5] [--sizes empty,demo,big]
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import ctypes
import ctypes.util
import os
import random
import select
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.common import print_table, write_result
from kiosk.store.database import DB_NAME

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent
DEAD_SERVER = "http://127.0.0.1:9"
SCREEN = "1366x768x24"

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 720); w.show()
app.exec()
"""
# Every library the kiosk imports somewhere (the start-up path or later).
IMPORTS = (
    "import sqlalchemy, sqlalchemy.orm, alembic.command, httpx, PIL.Image, qrcode, zxingcpp, "
    "platformdirs, PySide6.QtMultimedia, PySide6.QtSvg, openpyxl\n"
)


# -- X: a display, and the moment a top-level window maps ------------------------------------


@contextlib.contextmanager
def xvfb(screen: str = SCREEN) -> Iterator[str]:
    r, w = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(w), "-screen", "0", screen, "-nolisten", "tcp"],
        pass_fds=(w,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(w)
    try:
        number = b""
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([r], [], [], 10)
            if not ready:
                raise RuntimeError("Xvfb did not start")
            number += os.read(r, 16)
        yield f":{int(number)}"
    finally:
        os.close(r)
        proc.terminate()
        proc.wait(10)


class _XEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("pad", ctypes.c_long * 24)]


MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19


class MapWatch:
    """Wall time of the next MapNotify of a child of the root (a top-level window)."""

    def __init__(self, display: str) -> None:
        self.x = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self.x.XPending.argtypes = [ctypes.c_void_p]
        self.x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
        self.x.XConnectionNumber.argtypes = [ctypes.c_void_p]
        self.x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.dpy = self.x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open X display {display}")
        root = self.x.XDefaultRootWindow(self.dpy)
        self.x.XSelectInput(self.dpy, root, SUBSTRUCTURE_NOTIFY_MASK)
        self.x.XPending(self.dpy)  # flush the request
        self.fd = self.x.XConnectionNumber(self.dpy)

    def wait_map(self, timeout: float = 60.0) -> float | None:
        deadline = time.monotonic() + timeout
        ev = _XEvent()
        while time.monotonic() < deadline:
            while self.x.XPending(self.dpy):
                self.x.XNextEvent(self.dpy, ctypes.byref(ev))
                if ev.type == MAP_NOTIFY:
                    return time.time()
            select.select([self.fd], [], [], 0.05)
        return None

    def close(self) -> None:
        self.x.XCloseDisplay(self.dpy)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def xdotool(display: str, *args: str) -> str:
    out = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout


def focus(display: str, pid: int) -> None:
    """Keyboard focus to the process's visible window (no window manager gives it)."""
    windows = xdotool(display, "search", "--sync", "--onlyvisible", "--pid", str(pid)).split()
    xdotool(display, "windowfocus", "--sync", windows[0])


def say(*parts: object) -> None:
    print("bench_startup:", *parts, file=sys.stderr, flush=True)


# -- one launch ---------------------------------------------------------------------------------


class Trace:
    """Reads `kiosk-trace <event> <time>` lines from the child's stderr in a thread."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self.events: dict[str, list[float]] = {}
        self.mapped = float("nan")  # when the window mapped (set by `started`)
        self.cond = threading.Condition()
        self.thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self.thread.start()

    def _read(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            parts = raw.decode(errors="replace").split()
            if len(parts) == 3 and parts[0] == "kiosk-trace":
                with self.cond:
                    self.events.setdefault(parts[1], []).append(float(parts[2]))
                    self.cond.notify_all()

    def quiet(self, event: str, seconds: float, timeout: float = 300.0) -> None:
        """Returns once `event` has not been seen for `seconds` (or after `timeout`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.cond:
                seen = len(self.events.get(event, []))
                self.cond.wait(seconds)
                if len(self.events.get(event, [])) == seen:
                    return

    def wait(self, event: str, count: int = 1, timeout: float = 120.0) -> float | None:
        with self.cond:
            ok = self.cond.wait_for(lambda: len(self.events.get(event, [])) >= count, timeout)
            return self.events[event][count - 1] if ok else None


Started = tuple[subprocess.Popen[bytes], "Trace", float]


@contextlib.contextmanager
def started(display: str, argv: list[str]) -> Iterator[Started]:
    """A GUI process on `display`, its window mapped, with the kiosk's traces: (process, trace,
    launch time).
    Stopped (and its X watch closed) on the way out, whatever happened."""
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "KIOSK_TRACE_STARTUP": "1",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("KIOSK_DATA_DIR", None)
    watch = MapWatch(display)
    t0 = time.time()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        trace = Trace(proc)
        mapped = watch.wait_map()
        if mapped is None:
            raise RuntimeError(f"no window from {argv}")
        trace.mapped = mapped
        yield proc, trace, t0
    finally:
        watch.close()
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def launch(display: str, argv: list[str], data_dir: Path | None = None) -> dict[str, float]:
    """One process: launch → mapped (and the kiosk's traces), memory 3 s later."""
    with started(display, argv) as (proc, trace, t0):
        out = {"mapped_s": trace.mapped - t0}
        if data_dir is not None:
            painted = trace.wait("window-painted")
            out["painted_s"] = (painted or float("nan")) - t0
        time.sleep(3)
        out["rss_mb"] = rss_mb(proc.pid)
        return out


def counter_session(display: str, data_dir: Path, tokens: list[str]) -> dict[str, float]:
    """The counter: first scan at once, then 1,000 scans, then a librarian browse."""
    argv = [PY, "-m", "kiosk", "run", "--data-dir", str(data_dir)]
    with started(display, argv) as (proc, trace, t0):
        out = {"mapped_s": trace.mapped - t0}
        painted = trace.wait("window-painted")
        out["painted_s"] = (painted or float("nan")) - t0
        focus(display, proc.pid)
        # The first youth is already there: a scanner burst as soon as the window is up.
        xdotool(display, "type", "--delay", "4", tokens[0] + "\n")
        answered = trace.wait("verdict-painted")
        out["first_scan_s"] = (answered or float("nan")) - t0
        ready = trace.wait("counter-painted")
        out["counter_s"] = (ready or float("nan")) - t0
        time.sleep(3)
        out["rss_start_mb"] = rss_mb(proc.pid)
        burst = "".join(t + "\n" for t in tokens[1:1001])
        xdotool(display, "type", "--delay", "2", burst)
        trace.quiet("verdict-painted", 3.0)  # the last verdicts painted (paints coalesce)
        out["rss_scans_mb"] = rss_mb(proc.pid)
        xdotool(display, "key", "F5")
        time.sleep(1)
        for word in ("concert", "livre", "theatre", "musique"):
            xdotool(display, "type", "--delay", "60", word)
            time.sleep(1)
            xdotool(display, "key", "ctrl+a", "BackSpace")
        time.sleep(2)
        out["rss_browse_mb"] = rss_mb(proc.pid)
        return out


# Starts the command from a small process: a child forked from this benchmark (its Qt, its
# data) would count this process's memory in its peak (Linux keeps ru_maxrss across exec).
LAUNCHER = """
import os, sys, time
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - t0, usage.ru_maxrss, status)
"""


def cli_run(argv: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of one CLI process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [PY, "-S", "-c", LAUNCHER, *argv], env=env, check=True, capture_output=True, text=True
    )
    wall, maxrss_kb, _status = out.stdout.split()
    return float(wall), int(maxrss_kb) / 1024


# -- data dirs ------------------------------------------------------------------------------------


def configure(data_dir: Path, venues: tuple[int, ...]) -> None:
    from kiosk.platform.config import Config, save
    from kiosk.platform.secrets import save_api_key

    data_dir.mkdir(parents=True, exist_ok=True)
    cfg = Config(data_dir, api_url=DEAD_SERVER, venue_ids=venues, counter_name="Accueil")
    save(cfg)
    save_api_key(data_dir, "bench-key")
    subprocess.run(
        [PY, "-m", "kiosk", "db", "upgrade", "--data-dir", str(data_dir)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
        stdout=subprocess.DEVNULL,
    )


def demo_dir(root: Path) -> Path:
    """A counter synced from the demo world by a real `kiosk sync --once`."""
    from kiosk.sandbox.server import SandboxServer

    data_dir = root / "demo"
    with SandboxServer(seed="demo", rate_limit=False) as server:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "KIOSK_API_URL": server.url,
            "KIOSK_API_KEY": server.api_key,
            "KIOSK_VENUE_IDS": "1,2",
        }
        subprocess.run(
            [PY, "-m", "kiosk", "sync", "--once", "--data-dir", str(data_dir)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    configure(data_dir, (1, 2))
    return data_dir


def big_dir(root: Path) -> Path:
    """100,000 bookings, 50,000 offers, 5,000 images on disk."""
    from PIL import Image

    from benchmarks.bench_counter import fill
    from benchmarks.bench_search import build
    from kiosk.sync.images import ImageCache, images_dir

    data_dir = root / "big"
    configure(data_dir, (100,))
    build(data_dir, 50_000).dispose()
    fill(data_dir / DB_NAME, 100_000)
    cache = ImageCache(images_dir(data_dir / DB_NAME))
    rng = random.Random(3)
    con = sqlite3.connect(data_dir / DB_NAME)
    for offer_id in range(1, 5001):
        url = f"https://img.example/{offer_id}.jpg"
        img = Image.new("RGB", (300, 400), tuple(rng.randrange(256) for _ in range(3)))
        path = cache.path_for(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        img.save(path, "JPEG", quality=70)
        con.execute("UPDATE offer SET image_url = ? WHERE id = ?", (url, offer_id))
    con.commit()
    con.close()
    return data_dir


def tokens_of(data_dir: Path, n: int = 1001) -> list[str]:
    con = sqlite3.connect(data_dir / DB_NAME)
    known = [
        r[0]
        for r in con.execute("SELECT token FROM booking WHERE token IS NOT NULL LIMIT ?", (n // 2,))
    ]
    con.close()
    rng = random.Random(11)
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    unknown = ["".join(rng.choice(alphabet) for _ in range(6)) for _ in range(n - len(known))]
    mixed = known + unknown
    rng.shuffle(mixed)
    return mixed


def _median(rows: list[dict[str, float]], key: str) -> float:
    values = [r[key] for r in rows if key in r and r[key] == r[key]]
    return statistics.median(values) if values else float("nan")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="empty,demo,big")
    args = ap.parse_args(argv)
    if not shutil.which("Xvfb") or not shutil.which("xdotool"):
        print("bench_startup: Xvfb and xdotool are needed (make test installs them)")
        return
    sizes = args.sizes.split(",")
    # Byte-compiled, as pip and PyInstaller install it (the floors' libraries are): run from a
    # checkout with PYTHONDONTWRITEBYTECODE, every start compiled the kiosk's sources again.
    compileall.compile_dir(ROOT / "kiosk", quiet=1)
    root = Path(tempfile.mkdtemp(prefix="kiosk-bench-startup-"))
    result: dict[str, object] = {"runs": args.runs}
    try:
        dirs: dict[str, Path] = {}
        if "empty" in sizes:
            dirs["empty"] = root / "empty"
            configure(dirs["empty"], (1,))
        if "demo" in sizes:
            dirs["demo"] = demo_dir(root)
        if "big" in sizes:
            dirs["big"] = big_dir(root)
        rows = []
        sessions: dict[str, list[dict[str, float]]] = {}
        with xvfb() as display:
            bare = [launch(display, [PY, "-c", BARE_WINDOW]) for _ in range(args.runs)]
            imported = [
                launch(display, [PY, "-c", IMPORTS + BARE_WINDOW]) for _ in range(args.runs)
            ]
            say("floors", bare, imported)
            for name, data_dir in dirs.items():
                runs = []
                for _ in range(args.runs):
                    # The bare window again between sessions: a floor measured over the whole
                    # run, not only its first minute (a machine's speed drifts).
                    bare.append(launch(display, [PY, "-c", BARE_WINDOW]))
                    # Each run on a copy: scans change the data; the first start stays the first.
                    work = root / f"run-{name}"
                    shutil.rmtree(work, ignore_errors=True)
                    shutil.copytree(data_dir, work)
                    runs.append(counter_session(display, work, tokens_of(data_dir)))
                    say(name, runs[-1])
                sessions[name] = runs
        result["floors"] = {"bare": bare, "imports": imported}
        result.update(sessions)
        floor_s, floor_mb = _median(bare, "mapped_s"), _median(bare, "rss_mb")
        imp_s, imp_mb = _median(imported, "mapped_s"), _median(imported, "rss_mb")
        rows.append(
            ["bare window (floor)", f"{floor_s:.3f}", "", "", "", f"{floor_mb:.0f}", "", ""]
        )
        rows.append(["+ every import (floor)", f"{imp_s:.3f}", "", "", "", f"{imp_mb:.0f}", "", ""])
        for name, runs in sessions.items():
            m = _median(runs, "mapped_s")
            start_mb, scans_mb = _median(runs, "rss_start_mb"), _median(runs, "rss_scans_mb")
            rows.append(
                [
                    f"kiosk run, {name}",
                    f"{m:.3f} ({m / floor_s:.2f}×)",
                    f"{_median(runs, 'painted_s'):.3f}",
                    f"{_median(runs, 'counter_s'):.3f}",
                    f"{_median(runs, 'first_scan_s'):.3f}",
                    f"{start_mb:.0f} (+{start_mb - imp_mb:.0f})",
                    f"{scans_mb:.0f} ({scans_mb / start_mb - 1:+.1%})",
                    f"{_median(runs, 'rss_browse_mb'):.0f}",
                ]
            )
        print_table(
            "Start-up under Xvfb (median of runs; memory in MB)",
            [
                "process",
                "→ mapped s",
                "→ painted s",
                "→ counter s",
                "→ 1st scan s",
                "RSS start",
                "1k scans",
                "browse",
            ],
            rows,
        )
        cli_rows = []
        floor = [cli_run([PY, "-c", "pass"]) for _ in range(args.runs)]
        cli_rows.append(
            [
                "python -c pass (floor)",
                f"{statistics.median(t for t, _ in floor):.3f}",
                f"{statistics.median(m for _, m in floor):.0f}",
            ]
        )
        for name, data_dir in dirs.items():
            token = tokens_of(data_dir, 2)[0]
            runs_cli = [
                cli_run([PY, "-m", "kiosk", "check", token, "--data-dir", str(data_dir)])
                for _ in range(args.runs)
            ]
            cli_rows.append(
                [
                    f"kiosk check, {name}",
                    f"{statistics.median(t for t, _ in runs_cli):.3f}",
                    f"{statistics.median(m for _, m in runs_cli):.0f}",
                ]
            )
            result[f"check_{name}"] = runs_cli
        print_table(
            "kiosk check as a CLI process (median)", ["process", "wall s", "peak MB"], cli_rows
        )
        write_result("startup", result)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
