"""An English counter window shows in English what the lower layers say: the network reason in
the status bar, the start-up notice of a recovered database, an import refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from kiosk.domain.texts import Phrase
from kiosk.ui.counter.status_bar import KioskStatusBar


def test_status_bar_says_the_reason_in_its_language(qtbot) -> None:
    bar = KioskStatusBar()
    qtbot.addWidget(bar)
    reason = Phrase.of("sync.timeout", kind="ReadTimeout")
    bar.set_net("offline", reason, "en")
    assert "The pass Culture server does not answer in time (ReadTimeout)." in bar.net.text()
    bar.set_net("offline", reason)
    assert "Le serveur pass Culture ne répond pas à temps (ReadTimeout)." in bar.net.text()


def test_english_window_shows_the_network_reason_in_english(make_services, window_factory):
    services = make_services(language="en")
    for _ in range(services.connectivity.failures_to_offline):
        services.connectivity.failure(Phrase.of("sync.unreachable", kind="ConnectError"))
    window = window_factory(services, start_sync=False)
    assert "pass Culture server unreachable (ConnectError)." in window.status.net.text()
    assert "injoignable" not in window.status.net.text()
    # A later change, as the sync thread reports it (state value, Phrase).
    window.set_net("key_refused", Phrase.of("sync.key_refused"))
    assert "The API key is refused by pass Culture (HTTP 401)." in window.status.net.text()


def test_english_window_says_the_recovered_database_in_english(
    data_dir: Path, make_services, window_factory
):
    (data_dir / "kiosk.sqlite3").write_bytes(b"garbage" * 100)  # recovered at open
    services = make_services(language="en")
    [notice] = services.notices
    assert "endommagée" in notice.text()  # French for the CLI and the log
    window = window_factory(services, start_sync=False)
    box = window.info_box
    assert box.icon() is QMessageBox.Icon.Warning
    assert box.text().startswith("The kiosk's database was damaged")
    assert "check the validations of the last hours on the pass Culture portal" in box.text()
    assert window.status.currentMessage() == box.text()


def test_english_window_says_an_import_refusal_in_english(
    tmp_path: Path, qtbot, make_services, window_factory
):
    window = window_factory(make_services(language="en"), start_sync=False)
    empty = tmp_path / "export.csv"
    empty.write_text(";;\n", encoding="utf-8")
    window.import_file(empty, announce=False)
    qtbot.waitUntil(lambda: window.last_import is not None, timeout=10_000)
    assert window.last_import == "The file is empty."
    assert window.info_box.text() == "The file is empty."
