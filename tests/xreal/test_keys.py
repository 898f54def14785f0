"""Issue 14, "a scan is a scan, a PIN is a PIN", in a real X window: `kiosk demo` typed with
xdotool at human (~55-60 ms a key) and scanner (~5 ms) speeds.

What the subprocess did is read from what staff would see (windows, the band's colour) and from
its real files: the log (`scan received from …` for every scan the window took, never the text)
and the SQLite outbox (nothing validated behind a dialog).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from tests.xreal.harness import (
    HUMAN_DELAY_MS,
    SCANNER_DELAY_MS,
    RealApp,
    band_family,
    load,
    wait_for,
    wait_verdict,
)

DEMO_ADMIN_PIN = "123456"
VERDICTS = ("ok", "warning", "refused")


def start_demo(x_screen: Any, real_app: Any) -> tuple[RealApp, Path]:
    screen = x_screen(1366, 768)
    data = screen.workdir / "data"
    app = real_app(screen, "demo", "--no-help", "--data-dir", str(data))
    time.sleep(1.0)  # the first sync's progress settles; keys then go to the counter
    app.activate()
    return app, data


def type_then_enter(app: RealApp, text: str, delay_ms: int) -> None:
    """`text` then the Return key, as a person or a scanner sends it. (xdotool's `type "\\n"`
    is not a Return to Qt: it never reaches QLineEdit.returnPressed.)"""
    app.type(text, delay_ms=delay_ms)
    app.key("Return", delay_ms=delay_ms)


def scans_logged(data: Path) -> int:
    log = data / "logs" / "kiosk.log"
    return log.read_text(errors="replace").count("scan received from") if log.exists() else 0


def refusals_logged(data: Path) -> int:
    log = data / "logs" / "kiosk.log"
    return log.read_text(errors="replace").count("scan refused") if log.exists() else 0


def operations(data: Path) -> int:
    with sqlite3.connect(data / "kiosk.sqlite3") as conn:
        return int(conn.execute("SELECT count(*) FROM outbox").fetchone()[0])


def open_pin_dialog(app: RealApp) -> str:
    app.key("ctrl+comma")  # Réglages du guichet: behind the admin PIN
    found = wait_for(lambda: app.windows("Code administrateur"), 15, "the admin PIN dialog")
    return str(found[0])  # type: ignore[index]


def settings_open(app: RealApp) -> bool:
    return bool(app.windows("Réglages du guichet"))


def _pin_reaches_the_dialog(x_screen: Any, real_app: Any, delay_ms: int, shot: Path) -> None:
    app, data = start_demo(x_screen, real_app)
    before = scans_logged(data)
    open_pin_dialog(app)
    type_then_enter(app, DEMO_ADMIN_PIN, delay_ms)
    wait_for(lambda: settings_open(app), 15, "the settings, opened by the right PIN")
    app.screen.screenshot(shot)
    assert scans_logged(data) == before, app.log  # not one key of the PIN left as a scan
    assert operations(data) == 0
    app.key("Escape")


def test_admin_pin_typed_at_human_speed_opens_the_settings(
    x_screen: Any, real_app: Any, xreal_artifacts: Path
) -> None:
    _pin_reaches_the_dialog(
        x_screen, real_app, HUMAN_DELAY_MS, xreal_artifacts / "keys-pin-human.png"
    )


def test_admin_pin_typed_at_scanner_speed_still_opens_the_settings(
    x_screen: Any, real_app: Any, xreal_artifacts: Path
) -> None:
    _pin_reaches_the_dialog(
        x_screen, real_app, SCANNER_DELAY_MS, xreal_artifacts / "keys-pin-scanner.png"
    )


def test_a_scan_while_the_pin_dialog_is_open_is_refused(
    x_screen: Any, real_app: Any, demo_tickets: dict[str, list[Any]], xreal_artifacts: Path
) -> None:
    app, data = start_demo(x_screen, real_app)
    dialog = open_pin_dialog(app)
    ticket = demo_tickets["validable"][0]
    type_then_enter(app, ticket.qr_payload, SCANNER_DELAY_MS)
    wait_for(lambda: refusals_logged(data) >= 1, 15, "the scan to be refused")
    time.sleep(0.5)  # the dialog repaints with "Scan ignoré…"
    app.screen.screenshot(xreal_artifacts / "keys-scan-under-pin.png")
    assert dialog in app.windows("Code administrateur")  # still asking: no wrong PIN sent
    assert not settings_open(app)
    assert operations(data) == 0  # nothing validated behind the dialog
    app.key("Escape")
    wait_for(lambda: not app.windows("Code administrateur"), 10, "the PIN dialog to close")
    image = load(app.screen.screenshot(xreal_artifacts / "keys-after-pin.png"))
    assert band_family(app, image) not in VERDICTS  # the counter still waits for a scan


def test_librarian_search_typed_at_human_speed_stays_in_the_catalogue(
    x_screen: Any, real_app: Any, demo_tickets: dict[str, list[Any]], xreal_artifacts: Path
) -> None:
    app, data = start_demo(x_screen, real_app)
    app.key("F5")  # librarian mode: the search field has focus
    time.sleep(1.0)
    before = scans_logged(data)
    app.type("cinema", delay_ms=60)
    time.sleep(1.0)
    app.type(" poesie", delay_ms=SCANNER_DELAY_MS)  # a fast typist, or queued keys
    time.sleep(1.0)
    image = load(app.screen.screenshot(xreal_artifacts / "keys-librarian-search.png"))
    assert scans_logged(data) == before, app.log
    assert band_family(app, image) not in VERDICTS  # no jump to the counter, no INCONNUE
    # A real scan there still brings the counter, with a verdict (which one depends on whether
    # the online check answered in time on a loaded machine: VALIDABLE or INCONNUE HORS LIGNE).
    type_then_enter(app, demo_tickets["validable"][0].qr_payload, SCANNER_DELAY_MS)
    assert wait_verdict(app, xreal_artifacts / "keys-librarian-scan.png") in VERDICTS, app.log
    assert scans_logged(data) == before + 1
