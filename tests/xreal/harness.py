"""Drive the real application in a real X server: Xvfb + openbox, typed with xdotool.

What staff see is what is tested here: the window as the window manager placed it, keys sent
through the X server at human (~50–60 ms a key) and scanner (~5 ms) speeds, and screenshots of
the whole screen taken by ImageMagick's `import`. The application runs as a subprocess
(`python -m kiosk ...`), exactly as launched from a terminal.

Every process started here is stopped by `stop()`, which the fixtures call even on failure.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QImage

ROOT = Path(__file__).resolve().parents[2]
# The X tools the suite needs (Debian: xvfb, openbox, xdotool, x11-utils, imagemagick).
TOOLS = ("Xvfb", "openbox", "xdotool", "xwininfo", "xprop", "import")
HUMAN_DELAY_MS = 55  # a person typing briskly: 40–200 ms a key
SCANNER_DELAY_MS = 5  # a keyboard-wedge scanner: 2–30 ms a key
SIZES: dict[str, tuple[int, int]] = {
    "1024x768": (1024, 768),  # old library PCs
    "1366x768": (1366, 768),  # the commonest laptop
    "1920x1080": (1920, 1080),
}


def missing_tools() -> list[str]:
    return [t for t in TOOLS if shutil.which(t) is None]


def artifacts_dir() -> Path:
    """Where screenshots go: $KIOSK_TEST_ARTIFACTS, default build/test-artifacts (git-ignored)."""
    base = Path(os.environ.get("KIOSK_TEST_ARTIFACTS") or ROOT / "build" / "test-artifacts")
    out = base / "xreal"
    out.mkdir(parents=True, exist_ok=True)
    return out


def wait_for(
    check: Callable[[], object], timeout: float, what: str, interval: float = 0.1
) -> object:
    """Poll `check` until it returns something truthy; fail with `what` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def _stop(proc: subprocess.Popen[bytes] | None, grace: float = 5.0) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


@dataclass(frozen=True)
class Geometry:
    """A top-level window: its client area and the frame the window manager put around it."""

    x: int
    y: int
    width: int
    height: int
    frame: tuple[int, int, int, int] = (0, 0, 0, 0)  # left, right, top, bottom

    @property
    def outer(self) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) of the window including its decorations."""
        left, right, top, bottom = self.frame
        return (
            self.x - left,
            self.y - top,
            self.x + self.width + right,
            self.y + self.height + bottom,
        )

    def inside(self, width: int, height: int) -> bool:
        x0, y0, x1, y1 = self.outer
        return x0 >= 0 and y0 >= 0 and x1 <= width and y1 <= height


class XScreen:
    """An Xvfb display of a given size with openbox managing its windows."""

    def __init__(self, width: int, height: int, workdir: Path) -> None:
        self.width, self.height = width, height
        self.workdir = workdir
        self.xvfb: subprocess.Popen[bytes] | None = None
        self.wm: subprocess.Popen[bytes] | None = None
        self.display = ""

    def start(self) -> XScreen:
        self.workdir.mkdir(parents=True, exist_ok=True)
        read_fd, write_fd = os.pipe()
        try:
            # -displayfd: Xvfb picks a free display itself and writes its number when ready.
            self.xvfb = subprocess.Popen(
                [
                    "Xvfb",
                    "-displayfd",
                    str(write_fd),
                    "-screen",
                    "0",
                    f"{self.width}x{self.height}x24",
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ],
                pass_fds=(write_fd,),
                stdout=subprocess.DEVNULL,
                stderr=open(self.workdir / "xvfb.log", "wb"),  # noqa: SIM115
            )
            os.close(write_fd)
            write_fd = -1
            number = b""
            deadline = time.monotonic() + 20
            while not number.endswith(b"\n"):
                chunk = os.read(read_fd, 16)
                if not chunk or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"Xvfb did not start: {(self.workdir / 'xvfb.log').read_text()}"
                    )
                number += chunk
        finally:
            os.close(read_fd)
            if write_fd >= 0:
                os.close(write_fd)
        self.display = f":{int(number)}"
        self.wm = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=open(self.workdir / "openbox.log", "wb"),  # noqa: SIM115
        )
        # openbox is managing once it has set the EWMH "supporting WM" window on the root.
        wait_for(
            lambda: "window id" in self.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK"),
            15,
            "openbox to manage the screen",
        )
        return self

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        env.update(extra)
        return env

    def run(self, *argv: str, check: bool = False, timeout: float = 20) -> str:
        done = subprocess.run(
            list(argv), env=self.env(), capture_output=True, text=True, timeout=timeout
        )
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(argv)} failed: {done.stderr.strip()}")
        return done.stdout

    def xdotool(self, *args: str, timeout: float = 30) -> str:
        return self.run("xdotool", *args, check=True, timeout=timeout)

    def screenshot(self, path: Path) -> Path:
        """The whole screen as staff see it (window decorations included)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.run("import", "-window", "root", str(path), check=True)
        return path

    def grab(self, x: int, y: int, width: int, height: int) -> QImage:
        """A small part of the screen, in memory (polling a colour costs little)."""
        done = subprocess.run(
            ["import", "-window", "root", "-crop", f"{width}x{height}+{x}+{y}", "png:-"],
            env=self.env(),
            capture_output=True,
            timeout=20,
        )
        image = QImage.fromData(done.stdout, "PNG")
        assert not image.isNull(), f"import gave no image: {done.stderr!r}"
        return image

    def stop(self) -> None:
        _stop(self.wm)
        _stop(self.xvfb)


class RealApp:
    """The application as a subprocess on an `XScreen`."""

    def __init__(self, screen: XScreen, argv: Sequence[str], log_path: Path) -> None:
        self.screen = screen
        self.argv = list(argv)
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None
        self.window = ""  # X id of the main window

    def start(self, title: str = r"Guichet pass Culture$", timeout: float = 60) -> RealApp:
        env = self.screen.env(PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", *self.argv],
            env=env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=open(self.log_path, "wb"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        self.window = str(wait_for(lambda: self._find(title), timeout, "the window to be mapped"))
        self.activate()
        return self

    def _find(self, title: str) -> str:
        if self.proc is not None and self.proc.poll() is not None:
            raise AssertionError(f"the application exited ({self.proc.returncode}):\n{self.log}")
        ids = self.windows(title)
        # The biggest visible window of ours with that title is the main one.
        return max(ids, key=lambda w: self.geometry(w).width * self.geometry(w).height, default="")

    def windows(self, title: str = "") -> list[str]:
        """Visible top-level windows of the application (optionally: whose title matches)."""
        assert self.proc is not None
        args = ["search", "--all", "--onlyvisible", "--pid", str(self.proc.pid)]
        if title:
            args += ["--name", title]
        done = subprocess.run(
            ["xdotool", *args], env=self.screen.env(), capture_output=True, text=True
        )
        return done.stdout.split()

    @property
    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def geometry(self, window: str | None = None) -> Geometry:
        """Client area (xwininfo) and decorations (_NET_FRAME_EXTENTS) of a window."""
        wid = window or self.window
        info = self.screen.run("xwininfo", "-id", wid, check=True)

        def field(name: str) -> int:
            match = re.search(rf"{name}:\s+(-?\d+)", info)
            assert match, f"xwininfo gave no {name}: {info}"
            return int(match.group(1))

        frame = (0, 0, 0, 0)
        extents = self.screen.run("xprop", "-id", wid, "_NET_FRAME_EXTENTS")
        numbers = [int(n) for n in re.findall(r"\d+", extents.partition("=")[2])]
        if len(numbers) == 4:
            frame = (numbers[0], numbers[1], numbers[2], numbers[3])
        return Geometry(
            field("Absolute upper-left X"),
            field("Absolute upper-left Y"),
            field("Width"),
            field("Height"),
            frame,
        )

    def activate(self) -> None:
        self.screen.xdotool("windowactivate", "--sync", self.window)

    def type(self, text: str, delay_ms: int = HUMAN_DELAY_MS) -> None:
        """Keys sent through the X server to the focused window, `delay_ms` apart."""
        self.screen.xdotool("type", "--delay", str(delay_ms), "--", text, timeout=60)

    def key(self, *keys: str, delay_ms: int = HUMAN_DELAY_MS) -> None:
        self.screen.xdotool("key", "--delay", str(delay_ms), *keys)

    def pixel(self, image: QImage, x: int, y: int) -> QColor:
        """A pixel of a screen shot, at window (client) coordinates."""
        g = self.geometry()
        return image.pixelColor(g.x + x, g.y + y)

    def stop(self) -> None:
        if self.proc is None:
            return
        _stop(self.proc, grace=10)


def load(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull(), f"unreadable screenshot {path}"
    return image


def nearest(colour: QColor, palette: dict[str, str], tolerance: int = 40) -> str | None:
    """The palette entry `colour` is, or None when it is none of them."""
    best, best_d = None, tolerance + 1
    for name, hex_ in palette.items():
        ref = QColor(hex_)
        d = max(
            abs(ref.red() - colour.red()),
            abs(ref.green() - colour.green()),
            abs(ref.blue() - colour.blue()),
        )
        if d < best_d:
            best, best_d = name, d
    return best


def band_family(app: RealApp, image: QImage | None = None) -> str | None:
    """Which verdict band staff see: the colour of the band's left margin (left of its icon),
    sampled from 30 to 130 px under the window's top (the band is at least 120 px tall, under
    the menu bar); None unless most samples are one band colour (librarian mode, a dialog).
    From `image` (a whole-screen shot), else from a small grab of that strip (cheap to poll)."""
    from kiosk.ui.common.theme import BANDS

    if image is None:
        g = app.geometry()
        strip = app.screen.grab(g.x, g.y, 12, 140)

        def pixel(x: int, y: int) -> QColor:
            return strip.pixelColor(x, y)
    else:
        shot = image

        def pixel(x: int, y: int) -> QColor:
            return app.pixel(shot, x, y)

    palette = {name: style.background for name, style in BANDS.items()}
    votes: dict[str, int] = {}
    samples = range(30, 130, 5)
    for y in samples:
        name = nearest(pixel(6, y), palette, tolerance=12)
        if name is not None:
            votes[name] = votes.get(name, 0) + 1
    best = max(votes, key=lambda k: votes[k], default=None)
    return best if best is not None and votes[best] * 10 >= len(samples) * 7 else None


def wait_verdict(app: RealApp, shot: Path, timeout: float = 20) -> str:
    """Until the band shows a verdict (ok, warning, refused); returns its family, and saves a
    screenshot of the whole screen at that moment to `shot`."""

    def seen() -> str | None:
        family = band_family(app)
        return family if family in ("ok", "warning", "refused") else None

    family = str(wait_for(seen, timeout, "a verdict on the band", interval=0.2))
    app.screen.screenshot(shot)
    return family


def wait_first_sync(data_dir: Path, timeout: float = 90) -> None:
    """Until the application's log says its first full sync ended: from then on the codes are
    in its local cache, so a verdict does not depend on the server answering in time (under
    load, an online check of an unknown code can time out: INCONNUE HORS LIGNE)."""
    log = data_dir / "logs" / "kiosk.log"

    def done() -> bool:
        try:
            return "sync full:" in log.read_text(errors="replace")
        except OSError:
            return False

    wait_for(done, timeout, f"the first sync in {log}", interval=0.3)
