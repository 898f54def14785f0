"""During a first sync, once the bookings are in the counter answers; the status bar says the
catalogue (offers, then images) is still coming, in French and in English, and stops saying it
when the first sync ends. Real widgets offscreen; the real window on the real sandbox."""

from __future__ import annotations

from pathlib import Path

from kiosk.platform.config import Config
from kiosk.sandbox.seed import BOOKSHOP_VENUE_ID
from kiosk.services.wiring import open_services
from kiosk.ui.counter.status_bar import KioskStatusBar

FR = "Guichet prêt — catalogue en cours de synchronisation…"
EN = "Counter ready — catalogue still synchronising…"


def test_catalogue_still_coming_after_the_bookings(qtbot) -> None:
    bar = KioskStatusBar()
    qtbot.addWidget(bar)
    bar.show_progress("venues", 0, -1)
    bar.show_progress("bookings", 100, -1)
    assert bar.currentMessage() == ""  # not usable yet: only the progress bar
    bar.show_progress("offers", 50, -1)
    assert bar.currentMessage() == FR
    bar.show_progress("images", 0, -1)
    assert bar.currentMessage() == FR and "Images" in bar.bar.format()
    bar.hide_progress()
    assert bar.currentMessage() == ""


def test_hiding_the_progress_keeps_another_message(qtbot) -> None:
    bar = KioskStatusBar()
    qtbot.addWidget(bar)
    bar.show_progress("offers", 1, -1)
    bar.showMessage("Synchronisation demandée…")
    bar.hide_progress()
    assert bar.currentMessage() == "Synchronisation demandée…"


def test_catalogue_still_coming_in_english(qtbot) -> None:
    from kiosk.ui.common import i18n

    assert i18n.install("en")
    try:
        bar = KioskStatusBar()
        qtbot.addWidget(bar)
        bar.show_progress("offers", 3, -1)
        assert bar.currentMessage() == EN
    finally:
        i18n.install("fr")


def test_the_window_says_it_during_a_real_first_sync(
    qtbot, sandbox, tmp_path: Path, window_factory
):
    services = open_services(
        Config(
            data_dir=tmp_path / "kiosk",
            api_url=sandbox.url,
            api_key=sandbox.api_key,
            venue_ids=(BOOKSHOP_VENUE_ID,),
            kiosk_id="k1",
        )
    )
    try:
        window = window_factory(services, start_sync=False)
        seen: list[tuple[str, str]] = []
        assert window.runner is not None
        # connected after the window's own slot: sees the bar as the window left it
        window.runner.progress.connect(
            lambda stage, *_: seen.append((stage, window.status.currentMessage()))
        )
        with qtbot.waitSignal(window.runner.first_sync_done, timeout=60_000):
            window.runner.start()
        said = {stage: message for stage, message in seen}
        assert said["bookings"] == ""
        assert said["offers"] == FR and said["images"] == FR
        qtbot.waitUntil(lambda: window.status.currentMessage() != FR, timeout=5_000)
        assert window.status.bar.isHidden()
    finally:
        window.shutdown()
        services.close()
