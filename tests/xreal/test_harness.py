"""The harness itself: `kiosk demo` comes up in a real X window and answers a scanned code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.xreal.harness import (
    SCANNER_DELAY_MS,
    band_family,
    load,
    wait_first_sync,
    wait_for,
    wait_verdict,
)


def test_demo_window_answers_a_code_typed_at_scanner_speed(
    x_screen: Any, real_app: Any, demo_tickets: dict[str, list[Any]], xreal_artifacts: Path
) -> None:
    screen = x_screen(1366, 768)
    data = screen.workdir / "data"
    app = real_app(screen, "demo", "--no-help", "--data-dir", str(data))
    wait_for(lambda: band_family(app) is not None, 30, "the counter's first paint")
    # The title as the window manager has it: Qt appends the application's name unless the
    # title ends with it (it read "Guichet pass Culture — Accueil — Guichet pass Culture").
    assert screen.xdotool("getwindowname", app.window).strip() == "Accueil — Guichet pass Culture"
    start = screen.screenshot(xreal_artifacts / "harness-start.png")
    assert not load(start).isNull()
    wait_first_sync(data)

    app.type(demo_tickets["validable"][0].token + "\n", delay_ms=SCANNER_DELAY_MS)

    # The band turns to a verdict's colour (green, amber or red), whichever the answer.
    assert wait_verdict(app, xreal_artifacts / "harness-scan.png") in ("ok", "warning", "refused")
