"""Issue 14, "a scan is a scan, a PIN is a PIN": the real window with its app-wide WedgeCapture,
keys typed at human (~50-150 ms) and scanner (~5 ms) speeds.

Key events are built by hand with controlled timestamps (qtbot.keyClicks stamps 0 and aborts on
accents, docs/qt-stack-notes.md §3). Human typing also waits for real between keys, so the
wedge's timers run as they would; a scanner's keys, or a person's keys queued while the window
was busy, arrive back to back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.services.staff import StaffService
from kiosk.store import outbox
from kiosk.ui.common.pin_dialog import PinDialog, ask_admin_pin
from kiosk.ui.counter.staff_bar import StaffSwitchDialog
from tests.unit.ui.conftest import settle

ADMIN_PIN = "482913"
_clock = [900_000]


def key(target: QWidget, text: str, ts: int | None, k: Qt.Key = Qt.Key.Key_unknown) -> None:
    ev = QKeyEvent(QEvent.Type.KeyPress, k, Qt.KeyboardModifier.NoModifier, text)
    if ts is not None:
        ev.setTimestamp(ts)
    QApplication.sendEvent(target, ev)


def type_keys(qtbot, target: QWidget, text: str, gap_ms: int, *, enter: bool = False) -> None:
    """`text` (then Enter) every `gap_ms`. Human gaps (>= 40 ms) also wait for real."""
    human = gap_ms >= 40
    for ch in text:
        _clock[0] += gap_ms
        key(target, ch, _clock[0])
        if human:
            qtbot.wait(gap_ms)
    if enter:
        _clock[0] += gap_ms
        key(target, "\r", _clock[0], Qt.Key.Key_Return)
    _clock[0] += 2000  # whatever comes next is a new burst
    qtbot.wait(200)  # past every threshold: held keys are released or emitted


def queued(target: QWidget, text: str) -> None:
    """Keys a person typed while the window was busy: delivered together, no timestamp
    (what xdotool's XSendEvent or a stalled event loop gives), so timing says nothing."""
    for ch in text:
        key(target, ch, None)


def wedge_window(services, window_factory, **kw):
    w = window_factory(services, install_wedge=True, **kw)
    w.activateWindow()
    w.screen.entry.field.setFocus()
    scans: list[str] = []
    w.wedge.scanned.connect(lambda p, _s: scans.append(p))
    w.scans = scans  # type: ignore[attr-defined]
    return w


def ops(services) -> list:
    with services.db.connect() as conn, conn.begin():
        return outbox.all_ops(conn)


def run_modal(qtbot, cls: type, act) -> None:
    """Run `act(dialog)` once the modal `cls` is up (from inside its own event loop)."""

    def poll() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, cls) and w.isVisible():
            timer.stop()
            act(w)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    run_modal.timer = timer  # type: ignore[attr-defined]


# -- PINs never leave their field ---------------------------------------------------------------
def _admin_pin_typed(qtbot, window, gap_ms: int) -> bool:
    window.security.set_admin_pin(ADMIN_PIN)
    seen: list[str] = []

    def act(dialog: PinDialog) -> None:
        field = dialog.pad.field
        field.setFocus()
        type_keys(qtbot, field, ADMIN_PIN, gap_ms, enter=False)
        seen.append(field.text())
        _clock[0] += gap_ms
        key(field, "\r", _clock[0], Qt.Key.Key_Return)

    run_modal(qtbot, PinDialog, act)
    ok = ask_admin_pin(window, window.security)
    assert seen == [ADMIN_PIN]  # every digit reached the masked field, in order
    return ok


def test_admin_pin_typed_at_human_speed_stays_in_the_pin_field(services, window_factory, qtbot):
    window = wedge_window(services, window_factory)
    assert _admin_pin_typed(qtbot, window, 50)
    qtbot.wait(200)
    assert window.scans == [] and ops(services) == []
    assert window.screen.band.title == "PRÊT"


def test_admin_pin_typed_as_fast_as_a_scanner_still_stays_in_the_pin_field(
    services, window_factory, qtbot
):
    window = wedge_window(services, window_factory)
    assert _admin_pin_typed(qtbot, window, 5)  # a burst with Enter: still the PIN, not a scan
    qtbot.wait(200)
    assert window.scans == [] and ops(services) == []
    assert window.screen.band.title == "PRÊT"


def test_pin_enter_in_a_fast_burst_reaches_the_dialog(services, window_factory, qtbot):
    window = wedge_window(services, window_factory)
    window.security.set_admin_pin(ADMIN_PIN)

    def act(dialog: PinDialog) -> None:
        dialog.pad.field.setFocus()
        type_keys(qtbot, dialog.pad.field, ADMIN_PIN, 4, enter=True)

    run_modal(qtbot, PinDialog, act)
    assert ask_admin_pin(window, window.security)  # the Enter of the burst submitted the PIN
    assert window.scans == []


def test_scan_into_the_admin_pin_field_is_refused_not_acted_on(services, window_factory, qtbot):
    window = wedge_window(services, window_factory, start_sync=False)
    window.security.set_admin_pin(ADMIN_PIN)
    said: list[str] = []

    def act(dialog: PinDialog) -> None:
        field = dialog.pad.field
        field.setFocus()
        type_keys(qtbot, field, "PASSCULTURE:v3;TOKEN:ABC234", 5, enter=True)
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=2000)
        said.append(dialog.message.text())
        assert field.text() == ""  # the payload did not fill the PIN
        assert dialog.isVisible()  # its Enter did not submit a wrong PIN
        dialog.reject()

    run_modal(qtbot, PinDialog, act)
    assert not ask_admin_pin(window, window.security)
    assert said and "Scan ignoré" in said[0]
    assert window.scans == [] and ops(services) == []
    assert window.security.failures("admin") == 0
    assert window.screen.band.title == "PRÊT"


def test_scan_while_the_staff_pin_dialog_is_open_does_not_validate_behind_it(
    make_services, window_factory, qtbot
):
    from tests.fixtures.store import insert_bookings
    from tests.unit.ui.conftest import ROWS

    services = make_services(two_step=False)  # one-step: a scan would validate at once
    insert_bookings(services.db, ROWS)
    window = wedge_window(services, window_factory)
    StaffService(services.db, window.security).add("Yanis", "5678")
    window.staff_bar.refresh()
    window.staff_bar.make_dialog = lambda: StaffSwitchDialog(  # type: ignore[method-assign]
        window.staff_service, window, lang="fr"
    )
    said: list[str] = []

    def act(dialog: StaffSwitchDialog) -> None:
        # On the names page (a button has focus), then on the PIN page: both refused.
        dialog.name_buttons["Yanis"].setFocus()
        type_keys(qtbot, dialog.name_buttons["Yanis"], "PASSCULTURE:v3;TOKEN:ABC234", 5, enter=True)
        qtbot.waitUntil(lambda: window.status.currentMessage().startswith("Scan ignoré"))
        dialog.choose("Yanis")
        type_keys(qtbot, dialog.pad.field, "PASSCULTURE:v3;TOKEN:ABC234", 5, enter=True)
        said.append(dialog.message.text())
        type_keys(qtbot, dialog.pad.field, "5678", 60, enter=True)

    run_modal(qtbot, StaffSwitchDialog, act)
    assert window.staff_bar.open_switch()
    assert said and "Scan ignoré" in said[0]
    assert ops(services) == []
    assert window.screen.band.title == "PRÊT"
    assert window.staff_bar.current_name() == "Yanis"
    # The dialog gone, the same scan is a scan again.
    type_keys(qtbot, window.screen.entry.field, "PASSCULTURE:v3;TOKEN:ABC234", 5, enter=True)
    settle(qtbot, window)
    assert window.screen.band.title == "VALIDÉE"
    assert [(o.token, o.staff) for o in ops(services)] == [("ABC234", "Yanis")]


# -- the librarian's search and other text fields keep what is typed ----------------------------
def test_librarian_search_typed_quickly_stays_in_the_search(services, window_factory, qtbot):
    window = wedge_window(services, window_factory)
    window.show_catalogue()
    search = window.catalogue_screen.search
    search.setFocus()
    type_keys(qtbot, search, "cinema", 60)
    assert search.text() == "cinema"
    search.clear()
    type_keys(qtbot, search, "poesie", 12)  # a fast typist, or keys queued behind a busy loop
    assert search.text() == "poesie"
    search.clear()
    queued(search, "cinema")
    qtbot.wait(300)
    assert search.text() == "cinema"
    assert window.scans == []
    assert window.stack.currentWidget() is window.catalogue_screen  # no jump to the counter
    assert window.screen.current is None


def test_a_real_scan_in_the_librarian_search_still_brings_the_counter(
    services, window_factory, qtbot
):
    window = wedge_window(services, window_factory)
    window.show_catalogue()
    search = window.catalogue_screen.search
    search.setFocus()
    type_keys(qtbot, search, "PASSCULTURE:v3;TOKEN:ABC234", 5)  # no Enter: accepted on idle
    qtbot.waitUntil(lambda: window.screen.band.title == "VALIDABLE", timeout=3000)
    assert search.text() == ""
    assert window.stack.currentWidget() is window.screen


def test_name_search_keeps_a_name_typed_fast(services, window_factory, qtbot):
    window = wedge_window(services, window_factory)
    screen = window.screen
    type_keys(qtbot, screen.entry.field, "ZZZ234", 5, enter=True)
    qtbot.waitUntil(lambda: screen.band.title == "INCONNUE HORS LIGNE", timeout=3000)
    window.scans.clear()
    screen.open_name_search()
    dialog = screen.name_search
    dialog.query.setFocus()
    type_keys(qtbot, dialog.query, "MARTIN", 8, enter=True)  # token-shaped, fast, with Enter
    assert dialog.query.text() == "MARTIN"
    assert dialog.isVisible()
    assert window.scans == []


# -- hand typing at the counter -----------------------------------------------------------------
def test_letters_typed_after_a_staff_switch_reach_the_code_field(services, window_factory, qtbot):
    window = wedge_window(services, window_factory)
    StaffService(services.db, window.security).add("Yanis", "5678")
    window.staff_bar.refresh()
    run_modal(qtbot, StaffSwitchDialog, lambda d: d.reject())
    assert not window.staff_bar.open_switch()  # cancelled: focus is back on "Changer"
    window.staff_bar.change_button.setFocus()
    type_keys(qtbot, window.staff_bar.change_button, "ABC234", 150)
    qtbot.waitUntil(lambda: window.screen.band.title == "VALIDABLE", timeout=3000)
    assert window.focusWidget() is window.screen.entry.field


def test_a_typed_code_does_not_stay_in_the_field_after_its_verdict(services, window_factory, qtbot):
    window = wedge_window(services, window_factory)
    field = window.screen.entry.field
    type_keys(qtbot, field, "USED23", 120)
    qtbot.waitUntil(lambda: window.screen.band.title == "DÉJÀ VALIDÉE", timeout=3000)
    assert field.text() == ""
    type_keys(qtbot, field, "CANC23", 120)
    qtbot.waitUntil(lambda: window.screen.band.title == "ANNULÉE", timeout=3000)
    assert field.text() == ""
    assert window.scans == []  # typed, not scanned: the field submitted them


# -- a repeated scan is harmless ----------------------------------------------------------------
def test_two_step_rescans_only_reshow_and_own_validation_is_said_here(
    services, window_factory, qtbot
):
    window = wedge_window(services, window_factory)
    screen = window.screen
    now = [1000.0]
    screen.monotonic = lambda: now[0]
    payload = "PASSCULTURE:v3;TOKEN:ABC234"
    for _ in range(3):  # three quick scans of the same code
        type_keys(qtbot, screen.entry.field, payload, 5, enter=True)
        settle(qtbot, window)
        now[0] += 1
    assert screen.band.title == "VALIDABLE"
    assert screen.band.source_text.startswith("Même contremarque, déjà affichée")
    assert ops(services) == []  # nobody pressed Valider
    screen.validate_button.click()
    settle(qtbot, window)
    assert screen.band.title == "VALIDÉE"
    type_keys(qtbot, screen.entry.field, payload, 5, enter=True)  # rescanned at once
    settle(qtbot, window)
    assert screen.band.title == "VALIDÉE"
    assert "Même contremarque" in screen.band.source_text
    now[0] += 60  # later: a new look at it, said as this counter's own validation
    type_keys(qtbot, screen.entry.field, payload, 5, enter=True)
    settle(qtbot, window)
    assert screen.band.title == "DÉJÀ VALIDÉE"
    assert screen.band.message.startswith("Validée ici à ")
    assert "guichet" not in screen.band.message
    assert len(ops(services)) == 1


def test_one_step_rescans_validate_once_and_say_so(make_services, window_factory, qtbot):
    from tests.fixtures.store import insert_bookings
    from tests.unit.ui.conftest import ROWS

    services = make_services(two_step=False)
    insert_bookings(services.db, ROWS)
    window = wedge_window(services, window_factory)
    for _ in range(3):
        type_keys(qtbot, window.screen.entry.field, "ABC234", 5, enter=True)
    settle(qtbot, window)
    assert window.screen.band.title == "VALIDÉE"
    assert "Même contremarque" in window.screen.band.source_text
    assert len(ops(services)) == 1


def test_name_search_picks_nobody_for_staff(window, services, qtbot):
    screen = window.screen
    window.handle_scan("ZZZ234", "wedge")
    screen.open_name_search()
    dialog = screen.name_search
    dialog.query.setText("martin")
    qtbot.waitUntil(lambda: len(dialog.results) >= 1, timeout=5000)
    assert dialog.list.selectedItems() == []
    assert not dialog.record.isEnabled()
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)  # Enter: searches again, records nothing
    settle(qtbot, window)
    assert dialog.isVisible() and ops(services) == []
    dialog.list.setCurrentRow(0)  # staff pick the youth themselves
    assert dialog.record.isEnabled()
    dialog.record.click()
    settle(qtbot, window)
    assert screen.band.title == "À CONFIRMER"
    assert ops(services)[0].booking_id == dialog.results[0].id
