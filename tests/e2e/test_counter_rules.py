"""The counter's rules and wiring through the real entry points (issue 14): the admin's
settings stay the admin's, librarian mode is the youth's screen without the staff's menus,
someone is on duty before a validation, and every entry point writes its log."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.demo.entry import start_demo
from kiosk.platform import config as config_mod
from kiosk.platform import logs
from kiosk.platform.config import log_dir
from kiosk.ui.common import i18n
from kiosk.ui.common.pin_dialog import PinDialog
from kiosk.ui.counter.staff_bar import StaffSwitchDialog
from kiosk.ui.entry import Session, start_counter
from tests.e2e.entry_helpers import (
    ADMIN_PIN,
    Modal,
    args,
    cancel,
    configure,
    enter_pin,
    outbox_rows,
    wait_idle,
)
from tests.fixtures.store import booking_row

BOOK = booking_row(1, "ABC234")


@pytest.fixture
def sessions(qtbot) -> Iterator[list[Session]]:
    started: list[Session] = []
    yield started
    for s in started:
        s.close()
    i18n.install("fr")


def start(sessions: list[Session], *argv: str) -> Session:
    session = start_counter(args(*argv))
    sessions.append(session)
    return session


# -- logging -----------------------------------------------------------------------------------
def test_kiosk_run_writes_the_log_file(qtbot, data_dir, sessions):
    configure(data_dir, rows=[BOOK], two_step=False)
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    window.handle_scan("ABC234", "wedge")
    wait_idle(qtbot, window)
    text = (log_dir(data_dir) / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "ABC234" in text  # the validation's line
    assert "test-key" not in text


@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)")  # the help panel
def test_kiosk_demo_writes_the_log_file(qtbot, tmp_path, sessions):
    data_dir = tmp_path / "demo"
    session = start_demo(args("demo", "--data-dir", str(data_dir), "--no-help"))
    sessions.append(session)
    path = log_dir(data_dir) / logs.LOG_NAME
    qtbot.waitUntil(
        lambda: path.exists() and "sync" in path.read_text(encoding="utf-8"), timeout=30_000
    )


# -- the admin's settings --------------------------------------------------------------------------
@pytest.mark.parametrize("kiosk", [False, True], ids=["window", "kiosk"])
def test_menu_switches_of_the_counter_rules_ask_the_admin_pin(qtbot, data_dir, sessions, kiosk):
    configure(data_dir)
    argv = ["run", "--data-dir", str(data_dir)] + (["--kiosk"] if kiosk else [])
    window = start(sessions, *argv).window
    assert window.screen.two_step and window.sounds.enabled
    for action in (window.two_step_action, window.sound_action):
        refused = Modal(PinDialog, cancel)
        action.trigger()
        assert refused.done
        assert action.isChecked()  # the tick went back
    assert window.screen.two_step and window.sounds.enabled
    saved = config_mod.load(data_dir)
    assert saved.two_step and saved.sounds

    allowed = Modal(PinDialog, enter_pin(ADMIN_PIN))
    window.two_step_action.trigger()
    assert allowed.done and not window.screen.two_step
    assert config_mod.load(data_dir).two_step is False


def test_librarian_mode_hides_the_menus_and_staff_shortcuts(qtbot, data_dir, sessions):
    configure(data_dir)
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    window.show()
    assert window.menuBar().isVisible()
    window.librarian_action.trigger()  # F5
    assert window.stack.currentWidget() is window.catalogue_screen
    assert not window.menuBar().isVisible()
    for action in (window.import_action, window.quit_action, window.two_step_action):
        assert not action.isEnabled()
    window.quit_action.trigger()  # Ctrl+Q does nothing for the youth
    assert window.isVisible()
    # F6 (or a scan, or the screen's back button) brings the counter back, though the menu
    # holding its action is hidden: the key itself, as staff press it.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.catalogue_screen, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.screen)
    assert window.menuBar().isVisible() and window.import_action.isEnabled()
    QTest.keyClick(window.screen, Qt.Key.Key_F5)  # and F5 opens librarian mode again
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.catalogue_screen)


# -- someone on duty -----------------------------------------------------------------------------
def _pick(name: str, pin: str):
    def step(dialog: StaffSwitchDialog) -> bool:
        dialog.choose(name)
        dialog.pad.field.setText(pin)
        dialog.ok_button.click()
        return True

    return step


def test_first_validation_asks_who_is_on_duty(qtbot, data_dir, sessions):
    configure(data_dir, staff=(("Camille", "1234"),), rows=[BOOK], two_step=False)
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    # The start's sync attempt (after the first paint) says its outcome first: then the scan.
    with qtbot.waitSignal(window.runner.pass_done, timeout=15_000):
        pass
    assert window.staff_bar.current_name() is None
    refused = Modal(StaffSwitchDialog, cancel)
    window.handle_scan("ABC234", "wedge")
    qtbot.waitUntil(lambda: refused.done, timeout=5_000)
    wait_idle(qtbot, window)
    assert outbox_rows(window.services.db, "ABC234") == []  # nobody on duty: not recorded
    assert "personne en service" in window.status.currentMessage()

    chosen = Modal(StaffSwitchDialog, _pick("Camille", "1234"))
    window.handle_scan("ABC234", "wedge")
    qtbot.waitUntil(lambda: chosen.done, timeout=5_000)
    wait_idle(qtbot, window)
    assert window.screen.band.title == "VALIDÉE"
    assert [(r.kind, r.staff) for r in outbox_rows(window.services.db, "ABC234")] == [
        ("use", "Camille")
    ]


def test_without_staff_accounts_nobody_is_asked(qtbot, data_dir, sessions):
    configure(data_dir, rows=[BOOK], two_step=False)
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    asked = Modal(StaffSwitchDialog, cancel, timeout_s=1)
    window.handle_scan("ABC234", "wedge")
    wait_idle(qtbot, window)
    asked.stop()
    assert not asked.dialogs
    assert window.screen.band.title == "VALIDÉE"


# -- keyboard mnemonics ----------------------------------------------------------------------------
def _mnemonic(text: str) -> str:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if i >= 0 else ""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_alt_letters_of_the_window_are_unique(qtbot, data_dir, sessions, lang):
    """Alt+letter of the menu bar and of the counter's buttons: one meaning each."""
    configure(data_dir, language=lang)
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [window.screen.validate_button.text(), window.screen.unvalidate_button.text()]
    letters = [_mnemonic(t) for t in texts]
    assert all(letters), texts
    assert len(set(letters)) == len(letters), texts


# -- librarian mode: the key's whole catalogue -------------------------------------------------
@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)")
def test_demo_librarian_finds_the_structures_digital_offers(qtbot, tmp_path, sessions, monkeypatch):
    from kiosk.services.catalogue import Query
    from kiosk.sync import engine as engine_mod

    monkeypatch.setattr(engine_mod, "CATALOGUE_PAGES", 1000)  # the whole catalogue in a pass
    session = start_demo(args("demo", "--data-dir", str(tmp_path / "demo"), "--no-help"))
    sessions.append(session)
    window = session.window
    window.show_catalogue()
    cat = window.catalogue
    words = ("cluny", "izneo", "madelen")
    qtbot.waitUntil(lambda: all(cat.search(Query(text=w)).offers for w in words), timeout=180_000)
    screen = window.catalogue_screen
    with qtbot.waitSignal(screen.results_shown, timeout=10_000):
        screen.search.setText("madelen")
    assert screen.result.offers and "madelen" in screen.result.offers[0].name.lower()

    # "spectacle" finds what the Spectacles tile counts (category names, accents aside).
    counted = cat.category_counts()["SPECTACLE"]
    assert counted > 0
    tile = {o.id for o in cat.search(Query(category="SPECTACLE", limit=100_000)).offers}
    for text in ("spectacle", "SPECTACLES", "spéctacle"):
        found = {o.id for o in cat.search(Query(text=text, limit=100_000)).offers}
        assert tile <= found, text
    assert len(tile) == counted


# -- English --------------------------------------------------------------------------------------
FRENCH = (
    "Guichet",
    "injoignable",
    "Hors ligne",
    "trop courte",
    "Aucune offre",
    " offres",
    "1 offre",
    "Dès ",
    "Gratuit",
    "places restantes",
    "Complet",
    "Livres",
    "Spectacles",
    "Cinéma",
    "Musées",
    "lundi ",
    "mardi ",
    "mercredi ",
    "jeudi ",
    "vendredi ",
    "samedi ",
    "dimanche ",
    "Handicap ",
    "Retrait sur place",
    "Aucun billet",
    "Tarif unique : ",
    "« ",
    "Première synchronisation",
)


def _shown_texts(window: Any) -> set[str]:
    from PySide6.QtWidgets import QComboBox, QWidget

    out = {window.windowTitle(), window.status.currentMessage()}
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        for attr in ("text", "toolTip", "accessibleName", "accessibleDescription"):
            get = getattr(w, attr, None)
            try:
                value = get() if callable(get) else None
            except TypeError:
                continue
            if isinstance(value, str) and value.strip():
                out.add(value)
        if isinstance(w, QComboBox):
            out.update(w.itemText(i) for i in range(w.count()))
    for action in window.menuBar().actions():
        out.add(action.text())
        if action.menu() is not None:
            out.update(a.text() for a in action.menu().actions())
    return out


def _french_in(texts: set[str]) -> list[tuple[str, str]]:
    return sorted((word, t) for t in texts for word in FRENCH if word in t)


def test_english_counter_offline_says_nothing_in_french(qtbot, data_dir, sessions):
    configure(data_dir, rows=[BOOK], language="en", counter_name="Guichet")
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    window.show()
    qtbot.waitUntil(lambda: window.net_state == "offline", timeout=20_000)
    window.handle_scan("ABC", "wedge")  # too short: the parser's reason
    wait_idle(qtbot, window)
    texts = _shown_texts(window)
    assert window.windowTitle() == "pass Culture counter"  # the default name is no name
    assert "The countermark is too short: it has 6 characters." in " ".join(texts)
    assert _french_in(texts) == []


def _title_under_x(title: str) -> str:
    """What an X window manager shows: Qt's QPlatformWindow::formatWindowTitle appends the
    application's display name (" — " on xcb) unless the title already ends with it."""
    from PySide6.QtGui import QGuiApplication

    name = QGuiApplication.applicationDisplayName()
    return title if title.endswith(name) else f"{title} \u2014 {name}" if title else name


@pytest.mark.parametrize(
    ("language", "name", "shown"),
    [
        ("fr", "Accueil", "Accueil — Guichet pass Culture"),
        ("en", "Accueil", "Accueil — pass Culture counter"),
        ("fr", "Guichet", "Guichet pass Culture"),
        ("en", "Guichet", "pass Culture counter"),
    ],
)
def test_window_title_names_the_application_once_in_its_language(
    qtbot, data_dir, sessions, language, name, shown
):
    """Under X the title read "Guichet pass Culture — Accueil — Guichet pass Culture"."""
    configure(data_dir, rows=[BOOK], language=language, counter_name=name)
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    assert _title_under_x(window.windowTitle()) == shown


def test_english_librarian_screen_says_nothing_in_french(qtbot, sandbox, data_dir, sessions):
    from kiosk.demo import world as demo

    configure(
        data_dir, url=sandbox.url, key=sandbox.api_key, venues=demo.DEMO_VENUES, language="en"
    )
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    window.show()
    qtbot.waitUntil(lambda: not window.runner.first_sync, timeout=60_000)
    window.show_catalogue()
    screen = window.catalogue_screen
    qtbot.waitUntil(lambda: bool(screen.tiles["LIVRE"].count), timeout=10_000)
    texts = _shown_texts(window)
    tile = screen.tiles["LIVRE"]
    assert any(t.startswith("Books, ") and t.endswith(" offers") for t in texts), (
        tile.accessibleName(),
        tile.isVisibleTo(window),
    )
    with qtbot.waitSignal(screen.results_shown, timeout=10_000):
        screen.search.setText("concert")
    texts |= _shown_texts(window)
    event = next(o for o in screen.result.offers if o.is_event)
    with qtbot.waitSignal(screen.offer_shown, timeout=10_000):
        screen.open_offer(event.id)
    texts |= _shown_texts(window)
    assert any(" at " in t and "/" in t for t in texts)  # an English date
    assert _french_in(texts) == []


# -- the pro portal's export: the one way to know event tokens before an outage -------------------
def test_unknown_offline_with_a_thin_cache_points_to_the_import(qtbot, data_dir, sessions):
    rows = [BOOK] + [booking_row(i, None) for i in range(2, 6)]  # 1 token known of 5
    configure(data_dir, rows=rows)
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    passes: list[object] = []  # the start's sync outcome is said first, then the scan
    window.runner.pass_done.connect(passes.append)
    qtbot.waitUntil(lambda: window.coverage == (1, 5) and bool(passes), timeout=15_000)
    window.handle_scan("XYZ789", "wedge")
    wait_idle(qtbot, window)
    assert window.screen.band.title == "INCONNUE HORS LIGNE"
    hint = window.status.currentMessage()
    assert "importez l'export des réservations" in hint and "1 des 5" in hint
    assert window.import_action.isEnabled()  # Fichier › Importer… is where it says


def test_a_well_covered_cache_gives_no_hint(qtbot, data_dir, sessions):
    configure(data_dir, rows=[BOOK, booking_row(2, "DEF567")])
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    qtbot.waitUntil(lambda: window.coverage == (2, 2), timeout=10_000)
    window.handle_scan("XYZ789", "wedge")
    wait_idle(qtbot, window)
    assert window.screen.band.title == "INCONNUE HORS LIGNE"
    assert "importez" not in window.status.currentMessage()


def test_cli_import_says_how_many_current_bookings_are_covered(sandbox, data_dir, capsys):
    from kiosk.demo import world as demo
    from kiosk.main import run

    configure(data_dir, url=sandbox.url, key=sandbox.api_key, venues=demo.DEMO_VENUES)
    assert run(["sync", "--once", "--data-dir", str(data_dir)]) == 0
    export = demo.download_export(sandbox, data_dir.parent / "export.csv")
    capsys.readouterr()
    assert run(["import", str(export), "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "Contremarques connues hors ligne : " in out and " réservations en cours." in out


# -- a loaded server --------------------------------------------------------------------------
def test_a_code_met_while_pass_culture_answers_late_says_so_in_band_and_status_bar(
    qtbot, sandbox, data_dir, sessions
):
    """Under load a validable code read "INCONNUE HORS LIGNE — pass Culture est injoignable"
    while the status bar said "● En ligne": the 2 s online check had timed out. The demo's
    validable codes (things still to collect) are never in the cache: the bookings list has no
    tokens and the pro export leaves them empty, so the online check is the only answer."""
    from kiosk.demo import world as demo
    from kiosk.sync.api import QUICK_TIMEOUT

    configure(data_dir, url=sandbox.url, key=sandbox.api_key, venues=demo.DEMO_VENUES)
    window = start(sessions, "run", "--data-dir", str(data_dir)).window
    window.show()
    qtbot.waitUntil(lambda: not window.runner.first_sync, timeout=60_000)
    assert window.status.net.text() == "● En ligne"
    tickets = demo.pick_tickets(sandbox.bookings(), sandbox.bookings(offerer_id=2), sandbox.now())
    token = next(t.token for t in tickets if t.kind == "validable")

    sandbox.set_faults(latency_ms=int((QUICK_TIMEOUT.read or 2.0) * 1000) + 1500)
    window.handle_scan(token, "wedge")
    qtbot.waitUntil(lambda: window.screen.band.style_key != "busy", timeout=20_000)
    band = window.screen.band
    assert band.title == "INCONNUE HORS LIGNE"
    assert "n'a pas répondu à temps" in band.message and "injoignable" not in band.message
    assert band.source_text.startswith(
        "pass Culture n'a pas répondu à temps — décidé sur les données locales"
    )
    net = window.status.net.text()
    assert not net.startswith("● En ligne"), net
    assert "n'a pas répondu à temps" in net or "lentes" in net, net

    sandbox.clear_faults()
    window.runner.sync_now()  # the next round answers in time: online again
    qtbot.waitUntil(lambda: window.status.net.text() == "● En ligne", timeout=30_000)
