"""Issue 14's scenario through `kiosk demo` and its Démo menu, step by step as a tester does it:
cut the network, the youth cancels in their app, the counter validates offline, network back.
Staff must then see the conflict (validated here, cancelled by the youth) where every conflict
is: in the conflicts list, counted in the status bar, named plainly in the band and the
conflicts dialog — not only as a passing status-bar message."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.demo.entry import start_demo
from kiosk.store import outbox
from kiosk.ui.common import i18n
from kiosk.ui.entry import Session
from tests.e2e.entry_helpers import args, wait_idle

pytestmark = [
    pytest.mark.slow,
    pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)"),
]


@pytest.fixture
def demo_session(qtbot, tmp_path) -> Iterator[Session]:
    session = start_demo(args("demo", "--data-dir", str(tmp_path / "demo"), "--no-help"))
    window = session.window
    window.runner.interval = 0.2
    window.runner.probe_every = 0.5
    try:
        qtbot.waitUntil(lambda: not window.runner.first_sync, timeout=90_000)
        qtbot.waitUntil(lambda: window.last_import is not None, timeout=30_000)  # demo export
        wait_idle(qtbot, window)
        staff = window.staff_bar.staff.members()
        window.staff_bar.set_current(staff[0])  # someone on duty, as the demo asks
        yield session
    finally:
        session.close()
        i18n.install("fr")


def _cancel_as_youth(qtbot: Any, window: Any, token: str) -> None:
    """Démo › Annuler une réservation comme le jeune…, pick the booking, confirm."""
    menu = window.demo_menu
    menu.choose_cancel()
    qtbot.waitUntil(lambda: getattr(menu, "cancel_dialog", None) is not None, timeout=10_000)
    dialog = menu.cancel_dialog
    tokens = [dialog.list.item(i).data(256) for i in range(dialog.list.count())]
    assert token in tokens, "the demo offers the booking to cancel"
    dialog.list.setCurrentRow(tokens.index(token))
    dialog.accept()
    qtbot.waitUntil(lambda: "a annulé" in window.status.currentMessage(), timeout=10_000)


def _scan(qtbot: Any, window: Any, payload: str) -> Any:
    window.screen.reset()
    window.handle_scan(payload, "wedge")
    wait_idle(qtbot, window)
    return window.screen.band


def _record_by_name(qtbot: Any, window: Any, booking: dict[str, Any]) -> None:
    """F3: find the youth's booking by name, record it "à confirmer"."""
    window.screen.open_name_search()
    dialog = window.screen.name_search
    dialog.query.setText(booking["userLastName"])
    dialog._run()
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=5000)
    row = next(i for i, b in enumerate(dialog.results) if b.id == booking["id"])
    dialog.list.setCurrentRow(row)
    dialog.record.click()
    wait_idle(qtbot, window)


def test_youth_cancellation_met_offline_is_a_visible_conflict(qtbot, demo_session):
    from PySide6.QtWidgets import QLabel

    from kiosk.demo import world as demo

    window, server = demo_session.window, demo_session.server
    menu = window.demo_menu
    # Two things the youth may cancel: one this counter learned online before the outage,
    # one it never saw (a thing's code is in no list, nor in the pro export).
    things = [b for b in demo.cancellable(server) if not b["isEvent"]]
    learned, unseen = things[0], things[1]
    assert _scan(qtbot, window, learned["token"]).title == "VALIDABLE"

    menu.cut_action.trigger()  # Démo › Couper le réseau
    qtbot.waitUntil(lambda: window.net_state == "offline", timeout=20_000)
    for b in (learned, unseen):
        _cancel_as_youth(qtbot, window, b["token"])
    said = [menu.cancel_dialog.list.item(i).text() for i in range(menu.cancel_dialog.list.count())]
    assert any(learned["token"] in t and "connue de ce guichet" in t for t in said)
    assert any(unseen["token"] in t and "inconnue hors ligne" in t for t in said)

    band = _scan(qtbot, window, learned["token"])
    assert band.title == "VALIDABLE"  # the cache still has it as booked
    window.screen.validate()
    wait_idle(qtbot, window)
    assert band.title == "VALIDÉE"
    assert _scan(qtbot, window, unseen["token"]).title == "INCONNUE HORS LIGNE"
    _record_by_name(qtbot, window, unseen)
    assert band.title == "À CONFIRMER"

    menu.restore_action.trigger()  # Démo › Rétablir le réseau (and a sync)

    def settled() -> bool:
        window.refresh()
        return window.status.pending_count == 0 and window.status.conflict_count == 2

    qtbot.waitUntil(settled, timeout=30_000)
    wait_idle(qtbot, window)

    # Counted in the status bar, where it stays (not a passing message).
    assert window.status.conflicts.text() == "2 conflits à traiter"
    # The band on screen turned into what happened, not a green/amber "recorded".
    band = window.screen.band
    assert window.screen.current.token == unseen["token"]
    assert band.title == "ANNULÉE", (band.title, band.source_text)
    assert "Refusée ensuite par pass Culture" in band.source_text
    # The day's list names it.
    states = {r.token: window.screen.today.state_text(r) for r in window.screen.today.rows}
    assert states[learned["token"]] == "conflit : Réservation annulée"
    assert states[unseen["token"]] == "conflit : Réservation annulée"
    assert "2 conflits" in window.screen.today.summary.text()
    # The conflicts list: both, each named, with the youth and what to do.
    with window.services.db.connect() as conn:
        assert {c.token for c in outbox.conflicts(conn)} == {learned["token"], unseen["token"]}
    window.show_conflicts()
    qtbot.waitUntil(lambda: window.conflicts_dialog is not None, timeout=5000)
    dialog = window.conflicts_dialog
    texts = " | ".join(w.text() for w in dialog.findChildren(QLabel) if w.isVisibleTo(dialog))
    for b in (learned, unseen):
        assert f"Réservation annulée</b> — {b['token']}" in texts
        assert b["userLastName"] in texts
    assert "annulée (par le jeune" in texts
    assert len(dialog.buttons) == 2
