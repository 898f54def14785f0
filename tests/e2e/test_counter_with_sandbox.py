"""End to end: the counter window against the real sandbox on loopback, through an outage.

Online: every verdict from the server. Network cut: a calm banner, scans keep validating from
local data (and to-confirm by name). Network back: everything syncs, a conflict shows.
"""

from __future__ import annotations

import pytest

from kiosk.demo import world as demo
from kiosk.services.wiring import open_services
from kiosk.store import outbox
from kiosk.ui.demo_menu import DemoMenu
from kiosk.ui.main_window import MainWindow

pytestmark = pytest.mark.slow


def wait_idle(qtbot, window, timeout=15_000):
    qtbot.waitUntil(
        lambda: window.tasks.pending == 0 and not window.screen.card_pending, timeout=timeout
    )


def scan(qtbot, window, payload):
    window.handle_scan(payload, "wedge")
    wait_idle(qtbot, window)
    return window.screen.band


def validate(qtbot, window):
    window.screen.validate()
    wait_idle(qtbot, window)
    return window.screen.band


@pytest.fixture
def demo_window(sandbox, tmp_path, qtbot):
    config = demo.demo_config(sandbox, tmp_path / "kiosk")
    services = open_services(config)
    window = MainWindow(services, install_wedge=False)
    assert window.runner is not None
    window.runner.interval = 0.2
    window.runner.probe_every = 0.5
    menu = DemoMenu(window, demo.DemoControls(sandbox))
    window.demo_menu = menu
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: not window.runner.first_sync, timeout=60_000)
    qtbot.waitUntil(lambda: window.last_import is not None, timeout=30_000)  # demo export
    wait_idle(qtbot, window)
    yield window
    window.shutdown()
    services.close()


def test_online_outage_and_recovery(demo_window, sandbox, qtbot, screenshot_dir):
    window = demo_window
    (screenshot_dir / "states").mkdir(exist_ok=True)
    tickets = demo.pick_tickets(sandbox.bookings(), sandbox.bookings(offerer_id=2), sandbox.now())
    by_kind: dict[str, list[demo.DemoTicket]] = {}
    for t in tickets:
        by_kind.setdefault(t.kind, []).append(t)
    assert set(by_kind) >= {"validable", "duo", "used", "cancelled", "too_early", "unknown"}
    assert getattr(window.last_import, "tokens", 0) > 0  # event tokens known from the export

    # -- online: the server decides -----------------------------------------------------
    expected = {
        "used": "DÉJÀ VALIDÉE",
        "cancelled": "ANNULÉE",
        "reimbursed": "REMBOURSÉE",
        "too_early": "TROP TÔT",
        "other_venue": "AUTRE LIEU",
        "unknown": "INCONNUE",
    }
    for kind, title in expected.items():
        if kind not in by_kind:
            continue
        band = scan(qtbot, window, by_kind[kind][0].qr_payload)
        assert band.title == title, kind
    first, second = by_kind["validable"][:2]
    band = scan(qtbot, window, first.qr_payload)
    assert band.title == "VALIDABLE"
    assert "en ligne" in band.source_text
    window.grab().save(str(screenshot_dir / "states" / "e2e_online_validable.png"))
    assert validate(qtbot, window).title == "VALIDÉE"
    assert sandbox.booking(first.token)["status"] == "USED"  # pushed at once
    assert scan(qtbot, window, second.qr_payload).title == "VALIDABLE"  # token learned
    doomed = next(
        b
        for b in demo.cancellable(sandbox)
        if not b["isEvent"] and b["token"] not in (first.token, second.token)
    )
    assert scan(qtbot, window, doomed["token"]).title == "VALIDABLE"  # learned too
    to_find = next(
        b
        for b in demo.cancellable(sandbox)
        if not b["isEvent"] and b["token"] not in (first.token, second.token, doomed["token"])
    )

    # -- network cut --------------------------------------------------------------------
    sandbox.cut_network()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=20_000)
    assert "Hors ligne" in window.banner.label.text()
    assert window.status.net_state == "offline"
    band = scan(qtbot, window, second.qr_payload)
    assert band.title == "VALIDABLE"
    assert "Décidé hors ligne" in band.source_text
    assert validate(qtbot, window).title == "VALIDÉE"
    duo = by_kind["duo"][0]
    band = scan(qtbot, window, duo.qr_payload)  # an event token, known from the export
    assert band.title == "VALIDABLE"
    assert window.screen.card.duo.isVisible()
    assert validate(qtbot, window).title == "VALIDÉE"
    window.grab().save(str(screenshot_dir / "states" / "counter_offline_1280x720.png"))
    window.resize(1920, 1080)
    qtbot.wait(50)
    window.grab().save(str(screenshot_dir / "states" / "counter_offline_1920x1080.png"))
    window.resize(1280, 720)

    # The youth cancels in their app while the counter is offline; the counter validates.
    demo.cancel_as_youth(sandbox, doomed["token"])
    assert scan(qtbot, window, doomed["token"]).title == "VALIDABLE"
    assert validate(qtbot, window).title == "VALIDÉE"

    # A code never seen: found by name, recorded to confirm.
    band = scan(qtbot, window, to_find["token"])
    assert band.title == "INCONNUE HORS LIGNE"
    window.screen.open_name_search()
    dialog = window.screen.name_search
    dialog.query.setText(to_find["userLastName"])
    dialog._run()
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=5000)
    row = next(i for i, b in enumerate(dialog.results) if b.id == to_find["id"])
    dialog.list.setCurrentRow(row)
    dialog.record.click()
    wait_idle(qtbot, window)
    assert window.screen.band.title == "À CONFIRMER"
    window.refresh()
    wait_idle(qtbot, window)
    assert window.status.pending_count == 4

    # -- network back: everything settles -----------------------------------------------
    sandbox.restore_network()
    window.sync_now()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=20_000)
    qtbot.waitUntil(lambda: (window.refresh(), window.status.pending_count == 0)[1], timeout=30_000)
    wait_idle(qtbot, window)
    for token in (second.token, duo.token, to_find["token"]):
        assert sandbox.booking(token)["status"] == "USED", token
    assert window.status.conflict_count == 1
    with window.services.db.connect() as conn:
        (conflict,) = outbox.conflicts(conn)
    assert conflict.token == doomed["token"]
    window.show_conflicts()
    qtbot.waitUntil(lambda: window.conflicts_dialog is not None, timeout=5000)
    window.conflicts_dialog.grab().save(str(screenshot_dir / "states" / "e2e_conflict.png"))
    window.conflicts_dialog.buttons[conflict.op_id].click()
    wait_idle(qtbot, window)
    window.refresh()
    wait_idle(qtbot, window)
    assert window.status.conflict_count == 0
    states = {r.token: r.state for r in window.screen.today.rows}
    assert states[second.token] == "done" and states[doomed["token"]] == "conflict"


def test_an_online_scan_is_announced_once(demo_window, sandbox, qtbot, screen_reader):
    """The local verdict is said at once; the server's answer repeating it is not said again."""
    window = demo_window
    known = window.services.counter.check_local  # a code the cache knows: a local verdict first
    token = next(
        b["token"]
        for b in sandbox.bookings(status="CONFIRMED")
        if b["token"] and known(b["token"]).verdict.kind.value == "validable"
    )
    band = scan(qtbot, window, token)
    assert band.title == "VALIDABLE" and window.screen.current.source == "online"
    assert [m.split(".")[0] for m, _ in screen_reader] == ["VALIDABLE"]


def test_the_demo_shows_a_closed_structure_and_a_venue_switched_off(demo_window, sandbox, qtbot):
    """Démo menu: pass Culture's answers for a closed structure and a venue whose link to the
    key is off, each shown at the counter in its own words, and undone."""
    window = demo_window
    menu = window.demo_menu
    tickets = demo.pick_tickets(sandbox.bookings(), sandbox.bookings(offerer_id=2), sandbox.now())
    bookshop = next(t for t in tickets if t.kind == "validable")
    concert = next(t for t in tickets if t.kind == "duo")  # the concert hall's
    try:
        menu.closed_action.setChecked(True)
        wait_idle(qtbot, window)
        band = scan(qtbot, window, bookshop.qr_payload)
        assert band.title == "STRUCTURE FERMÉE"
        assert "structure fermée" in band.message
        menu.closed_action.setChecked(False)
        wait_idle(qtbot, window)
        assert scan(qtbot, window, bookshop.qr_payload).title == "VALIDABLE"

        menu.hall_off_action.setChecked(True)
        wait_idle(qtbot, window)
        assert scan(qtbot, window, concert.qr_payload).title == "INCONNUE"  # pass Culture: 404
        menu.hall_off_action.setChecked(False)
        wait_idle(qtbot, window)
        assert scan(qtbot, window, concert.qr_payload).title == "VALIDABLE"
    finally:
        sandbox.close_offerer(closed=False)
        sandbox.set_venue_provider_active(demo.CONCERT_HALL_VENUE, True)


def test_the_demo_has_a_validation_whose_payment_is_under_way(demo_window, sandbox, qtbot):
    """One used booking of the demo is being paid: pass Culture says "reimbursed" and
    refuses to undo its validation, which the counter says plainly."""
    window = demo_window
    tickets = demo.pick_tickets(sandbox.bookings(), sandbox.bookings(offerer_id=2), sandbox.now())
    locked = next(t for t in tickets if t.kind == "payment_locked")
    assert sandbox.booking(locked.token)["status"] == "USED"
    assert scan(qtbot, window, locked.qr_payload).title == "REMBOURSÉE"
    refused = window.services.counter.unvalidate(locked.token)  # the export taught the code
    assert refused.verdict.kind.value == "payment_locked"
    assert sandbox.booking(locked.token)["status"] == "USED"


def test_band_summary_and_youth_cancellation_follow_the_outbox(
    demo_window, sandbox, qtbot, screenshot_dir
):
    """Issue 14: after a sync or "Traité" the band and the day's summary say where things are
    now; the demo only offers cancellations the youth can make, and a refusal is said in front."""
    from datetime import datetime

    from PySide6.QtWidgets import QMessageBox

    window, menu = demo_window, demo_window.demo_menu
    now = sandbox.now()
    offered = demo.cancellable(sandbox)
    past_window = [
        b
        for b in sandbox.bookings(status="CONFIRMED")
        if b["isEvent"]
        and b["venueId"] in demo.DEMO_VENUES
        and b.get("token")
        and datetime.fromisoformat(b["confirmationDate"].replace("Z", "+00:00")) <= now
    ]
    assert past_window, "the sandbox seeds events past their cancellation window"
    assert not {b["token"] for b in past_window} & {b["token"] for b in offered}

    things = [b for b in offered if not b["isEvent"]]
    kept, doomed = things[0], things[1]
    assert scan(qtbot, window, kept["token"]).title == "VALIDABLE"
    assert scan(qtbot, window, doomed["token"]).title == "VALIDABLE"  # both learned online
    sandbox.cut_network()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=20_000)
    demo.cancel_as_youth(sandbox, doomed["token"])  # in the app, while the counter is offline
    for b in (doomed, kept):
        window.screen.reset()  # Escape between youths
        assert scan(qtbot, window, b["token"]).title == "VALIDABLE"
        assert validate(qtbot, window).title == "VALIDÉE"
    assert "en attente d’envoi" in window.screen.band.source_text  # kept's validation

    # A youth's cancellation refused (the booking is validated now): said in front.
    sandbox.restore_network()
    window.sync_now()

    def settled() -> bool:
        window.refresh()
        return window.status.conflict_count == 1 and window.status.pending_count == 0

    qtbot.waitUntil(settled, timeout=30_000)
    wait_idle(qtbot, window)
    # The band followed the outbox, with no rescan: kept was received by pass Culture.
    assert window.screen.current.token == kept["token"]
    assert "en attente" not in window.screen.band.source_text
    assert "reçue par pass Culture" in window.screen.band.source_text
    assert "1 conflit" in window.screen.today.summary.text()

    menu._open_cancel([kept])  # a stale list: kept is USED on pass Culture now
    menu.cancel_dialog.list.setCurrentRow(0)
    menu.cancel_dialog.accept()
    qtbot.waitUntil(lambda: bool(menu.last_cancel_refusal), timeout=10_000)
    boxes = [w for w in window.screen.transients if isinstance(w, QMessageBox)]
    assert boxes and "annulation refusée" in boxes[-1].text() and boxes[-1].isVisible()
    assert "validée" in boxes[-1].text()  # pass Culture's reason, not just "refused"
    boxes[-1].accept()

    # "Traité": the summary and the counts drop the conflict at once.
    window.show_conflicts()
    qtbot.waitUntil(lambda: window.conflicts_dialog is not None, timeout=5000)
    (op_id,) = window.conflicts_dialog.buttons
    window.conflicts_dialog.buttons[op_id].click()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.status.conflict_count == 0, timeout=10_000)
    wait_idle(qtbot, window)
    assert "conflit" not in window.screen.today.summary.text().replace("0 conflit", "")
    states = {r.token: window.screen.today.state_text(r) for r in window.screen.today.rows}
    assert states[doomed["token"]] == "conflit traité"
