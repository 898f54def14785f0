"""The counter screen on a real cache, offscreen: verdicts, two-step/one-step, invalidation,
the to-confirm flow, scans during dialogs and validations, manual entry hints, today's list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.domain.operations import OpKind
from kiosk.domain.verdict import Family
from kiosk.store import outbox
from tests.fixtures.store import NOW
from tests.unit.ui.conftest import settle


def shot(window, screenshot_dir, name: str) -> None:
    (screenshot_dir / "states").mkdir(exist_ok=True)
    window.grab().save(str(screenshot_dir / "states" / f"{name}.png"))


def kind_name(title: str) -> str:
    """An ASCII file name for a verdict word ("DÉJÀ VALIDÉE" → "deja_validee")."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return plain.lower().replace(" ", "_")


def outbox_ops(services):
    with services.db.connect() as conn, conn.begin():
        return outbox.all_ops(conn)


@pytest.mark.parametrize(
    ("payload", "style", "title", "words"),
    [
        ("PASSCULTURE:v3;TOKEN:ABC234", "ok", "VALIDABLE", ['cliquez sur "Valider"']),
        ("USED23", "warning", "DÉJÀ VALIDÉE", ["déjà été validée le 27/11/2026 à 13:00"]),
        ("CANC23", "refused", "ANNULÉE", ["Cette réservation a été annulée"]),
        ("RMBR23", "refused", "REMBOURSÉE", ["Cette réservation a été remboursée"]),
        ("SOON23", "refused", "TROP TÔT", ["à partir du 28/11/2026 à 15:00", "délai"]),
        ("OTHR23", "refused", "AUTRE LIEU", ["La Halle aux Sons"]),
        ("ZZZ234", "refused", "INCONNUE HORS LIGNE", ["par le nom du jeune"]),
        ("https://passculture.app/offre/12", "refused", "CODE REFUSÉ", ["lien"]),
    ],
)
def test_every_verdict_paints_its_colour_word_and_reason(
    window, qtbot, screenshot_dir, payload, style, title, words
):
    window.handle_scan(payload, "wedge")
    band = window.screen.band
    assert band.style_key == style
    assert band.title == title
    for w in words:
        assert w in band.message
    assert "Décidé hors ligne" in band.source_text  # says where the answer came from
    assert window.sounds.last_requested is Family(style)
    # The ID reminder is always on screen.
    assert window.screen.reminder.isVisible()
    assert "vérifier l’identité" in window.screen.reminder.text()
    settle(qtbot, window)
    shot(window, screenshot_dir, f"verdict_{kind_name(title)}")


def test_duo_booking_shows_two_places(window, qtbot, screenshot_dir):
    window.handle_scan("DUO234", "wedge")
    settle(qtbot, window)
    card = window.screen.card
    assert card.duo.isVisible() and "2 places" in card.duo.text()
    assert card.values["price"].startswith("50 €")
    assert card.values["price_category"] == "Tarif unique"
    shot(window, screenshot_dir, "counter_duo_1280x720")


def test_two_step_scan_then_valider_validates(window, services, qtbot, screenshot_dir):
    screen = window.screen
    window.handle_scan("PASSCULTURE:v3;TOKEN:ABC234", "wedge")
    assert screen.validate_button.isEnabled()
    assert outbox_ops(services) == []  # nothing recorded before staff confirm
    window.handle_scan("ABC234", "wedge")  # the same code again only re-shows it (issue 14)
    assert screen.band.title == "VALIDABLE" and outbox_ops(services) == []
    screen.validate_button.click()
    assert screen.band.title == "VALIDATION EN COURS..." or screen.busy
    assert not screen.validate_button.isEnabled()  # no double submission
    settle(qtbot, window)
    assert screen.band.title == "VALIDÉE"
    assert screen.band.style_key == "ok"
    ops = outbox_ops(services)
    assert [(o.kind, o.token) for o in ops] == [(OpKind.USE, "ABC234")]
    qtbot.waitUntil(lambda: window.screen.today.table.rowCount() == 1)
    assert window.status.pending_count == 1
    shot(window, screenshot_dir, "counter_validated_1280x720")


def test_enter_key_validates(window, services, qtbot):
    window.handle_scan("ABC234", "wedge")
    window.screen.validate_button.setFocus()
    qtbot.keyClick(window.screen, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.screen.band.title == "VALIDÉE"
    assert len(outbox_ops(services)) == 1


def test_validate_button_double_click_records_once(window, services, qtbot):
    window.handle_scan("ABC234", "wedge")
    window.screen.validate_button.click()
    window.screen.validate()  # a second press before the answer
    settle(qtbot, window)
    assert len(outbox_ops(services)) == 1


def test_one_step_validates_on_scan(services, window_factory, qtbot):
    services.config.two_step = False
    window = window_factory(services)
    window.handle_scan("ABC234", "wedge")
    settle(qtbot, window)
    assert window.screen.band.title == "VALIDÉE"
    now = [0.0]
    window.screen.monotonic = lambda: now[0]
    window.handle_scan("ABC234", "wedge")  # rescanned at once: harmless, said so (issue 14)
    assert window.screen.band.title == "VALIDÉE"
    assert window.screen.band.source_text.startswith("Même contremarque, déjà affichée")
    now[0] += 60
    window.handle_scan("ABC234", "wedge")  # a second scan at the door later: already in
    assert window.screen.band.title == "DÉJÀ VALIDÉE"
    assert window.screen.band.message.startswith("Validée ici à ")  # here, not "au guichet"
    assert len(outbox_ops(services)) == 1


def test_refused_booking_cannot_be_validated(window, services, qtbot):
    window.handle_scan("CANC23", "wedge")
    assert not window.screen.validate_button.isEnabled()
    window.screen.validate()
    window.handle_scan("CANC23", "wedge")
    settle(qtbot, window)
    assert outbox_ops(services) == []


def test_invalidation_asks_first_then_invalidates(window, services, qtbot, screenshot_dir):
    screen = window.screen
    window.handle_scan("USED23", "wedge")
    assert screen.unvalidate_button.isVisible()
    screen.unvalidate_button.click()
    box = screen.unvalidate_dialog
    assert box.isVisible()
    assert box.text() == "Voulez-vous vraiment invalider cette contremarque ?"
    assert "ne vous sera pas remboursée" in box.informativeText()
    names = [b.text() for b in box.buttons()]
    assert "Annuler" in names and "Continuer" in names
    shot(window.screen.unvalidate_dialog, screenshot_dir, "invalidate_confirm")
    cancel = next(b for b in box.buttons() if b.text() == "Annuler")
    cancel.click()
    settle(qtbot, window)
    assert outbox_ops(services) == []
    assert screen.band.title == "DÉJÀ VALIDÉE"

    screen.unvalidate_button.click()
    box = screen.unvalidate_dialog
    go = next(b for b in box.buttons() if b.text() == "Continuer")
    go.click()
    settle(qtbot, window)
    assert screen.band.title == "INVALIDÉE"
    assert [o.kind for o in outbox_ops(services)] == [OpKind.KEEP]
    window.handle_scan("USED23", "wedge")  # at once: the same code, only re-shown (issue 14)
    assert screen.band.title == "INVALIDÉE"
    screen.reset()  # Escape: the next scan of it is a new look
    window.handle_scan("USED23", "wedge")
    assert screen.band.title == "VALIDABLE"


def test_scan_while_confirm_dialog_is_open_closes_it_and_is_handled(window, services, qtbot):
    screen = window.screen
    window.handle_scan("USED23", "wedge")
    screen.unvalidate_button.click()
    box = screen.unvalidate_dialog
    assert box.isVisible()
    window.handle_scan("ABC234", "wedge")  # the next youth's code
    assert not box.isVisible()
    assert screen.transients == []
    assert screen.band.title == "VALIDABLE"
    assert screen.current.token == "ABC234"
    settle(qtbot, window)
    assert outbox_ops(services) == []  # the abandoned invalidation did not happen


def test_scan_during_validation_is_queued_not_lost(window, services, qtbot):
    screen = window.screen
    window.handle_scan("ABC234", "wedge")
    screen.validate()
    assert screen.busy
    window.handle_scan("CANC23", "wedge")  # arrives before the validation's answer
    assert screen.queued == [("CANC23", "wedge")]
    settle(qtbot, window)
    assert screen.queued == []
    assert screen.current.token == "CANC23"
    assert screen.band.title == "ANNULÉE"
    assert len(outbox_ops(services)) == 1


def test_unknown_offline_to_confirm_by_name(window, services, qtbot, screenshot_dir):
    screen = window.screen
    window.handle_scan("ZZZ234", "wedge")
    assert screen.search_button.isVisible()
    qtbot.keyClick(screen, Qt.Key.Key_F3)
    dialog = screen.name_search
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.query, "eloise dur")  # ASCII: accents are matched anyway
    qtbot.waitUntil(lambda: len(dialog.results) == 1, timeout=5000)
    assert dialog.results[0].youth_name == "Éloïse Durand"
    shot(dialog, screenshot_dir, "name_search")
    assert not dialog.record.isEnabled()  # nobody is picked for staff (issue 14)
    dialog.list.setCurrentRow(0)
    dialog.record.click()
    settle(qtbot, window)
    assert screen.band.title == "À CONFIRMER"
    assert screen.band.style_key == "warning"
    assert screen.card.values["user"] == "Éloïse Durand"
    ops = outbox_ops(services)
    assert len(ops) == 1 and ops[0].unverified and ops[0].booking_id == 8
    qtbot.waitUntil(lambda: screen.today.table.rowCount() == 1)
    assert screen.today.table.item(0, 4).text() == "à confirmer"
    shot(window, screenshot_dir, "counter_to_confirm_1280x720")


def test_name_search_lists_only_bookings_to_collect(window, qtbot):
    window.handle_scan("ZZZ234", "wedge")
    window.screen.open_name_search()
    dialog = window.screen.name_search
    qtbot.keyClicks(dialog.query, "martin")  # Léa Martin has used/cancelled/refunded ones too
    qtbot.waitUntil(lambda: dialog.status.text() != "Recherche...", timeout=5000)
    qtbot.waitUntil(lambda: len(dialog.results) >= 1, timeout=5000)
    assert {b.status.value for b in dialog.results} == {"CONFIRMED"}
    assert all(b.venue_id == 100 for b in dialog.results)


@pytest.mark.parametrize(
    ("typed", "hint", "error"),
    [
        ("", "Saisissez une contremarque", False),
        ("AB", "Caractères restants : 4/6", False),
        ("ab-", "Caractères valides : de A à Z et de 0 à 9", True),
        ("ABC2345", "La contremarque ne peut pas faire plus de 6 caractères", True),
    ],
)
def test_manual_entry_hints(window, qtbot, typed, hint, error):
    entry = window.screen.entry
    if len(typed) > 6:  # typed, the 6th key submits the code; pasted, it is one edit
        QApplication.clipboard().setText(typed)
        qtbot.keyClick(entry.field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.keyClicks(entry.field, typed)
    if not typed:
        qtbot.keyClicks(entry.field, "A")
        qtbot.keyClick(entry.field, Qt.Key.Key_Backspace)
    assert entry.hint.text() == hint
    assert entry.is_error is error
    if len(typed) < 6:
        assert window.screen.band.title == "PRÊT"  # nothing checked before 6 characters


def test_manual_entry_checks_at_six_then_enter_validates(window, services, qtbot):
    entry = window.screen.entry
    entry.field.setFocus()
    qtbot.keyClicks(entry.field, "abc23")
    assert window.screen.current is None
    qtbot.keyClicks(entry.field, "4")
    assert entry.field.text() == ""  # submitted: the next code typed is not appended (issue 14)
    assert window.screen.band.title == "VALIDABLE"
    qtbot.keyClick(entry.field, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.screen.band.title == "VALIDÉE"
    assert entry.field.text() == ""  # cleared after validation, like the Guichet
    assert len(outbox_ops(services)) == 1


def test_today_list_counts_and_chart(window, services, qtbot, clock, screenshot_dir):
    screen = window.screen
    for token in ("ABC234", "DUO234"):
        window.handle_scan(token, "wedge")
        screen.validate()
        settle(qtbot, window)
    clock.advance(hours=1)
    window.handle_scan("USED23", "wedge")
    screen.unvalidate_button.click()
    next(b for b in screen.unvalidate_dialog.buttons() if b.text() == "Continuer").click()
    settle(qtbot, window)
    window.refresh()
    settle(qtbot, window)
    today = screen.today
    assert today.counts.validated == 2
    assert today.counts.places == 3  # the DUO brings two people
    assert today.counts.unvalidated == 1
    assert sum(today.chart.per_hour) == 2
    assert today.table.rowCount() == 3
    assert today.table.item(0, 1).text() == "USED23"
    assert "validation" in today.summary.text()
    window.resize(1920, 1080)
    qtbot.wait(50)
    shot(window, screenshot_dir, "counter_today_1920x1080")


def test_conflicts_list_and_treated(window, services, qtbot, screenshot_dir):
    with services.db.connect_writer() as conn, conn.begin():
        op_id = outbox.record(
            conn,
            kind=OpKind.USE,
            token="CANC23",
            booking_id=4,
            now=NOW - timedelta(minutes=30),
            counter="Accueil",
            staff=None,
            kiosk_id=services.config.kiosk_id,
        )
        outbox.mark_conflict(conn, op_id, NOW, 410, "cancelled", "Cette réservation a été annulée")
    window.refresh()
    qtbot.waitUntil(lambda: window.status.conflict_count == 1, timeout=5000)
    assert "1 conflit" in window.status.conflicts.text()
    window.status.conflicts.click()
    qtbot.waitUntil(lambda: window.conflicts_dialog is not None, timeout=5000)
    dialog = window.conflicts_dialog
    assert dialog.isVisible()
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.empty)))
    assert "Réservation annulée" in texts
    assert "Que faire" in texts and "Ce qui s’est passé" in texts
    shot(dialog, screenshot_dir, "conflicts")
    dialog.buttons[op_id].click()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.status.conflict_count == 0, timeout=5000)
    with services.db.connect() as conn, conn.begin():
        assert outbox.conflicts(conn) == []
    assert dialog.empty.isVisible()


def test_scan_while_conflicts_list_open_closes_it(window, qtbot):
    window.show_conflicts()
    qtbot.waitUntil(lambda: window.conflicts_dialog is not None, timeout=5000)
    assert window.conflicts_dialog.isVisible()
    window.handle_scan("ABC234", "wedge")
    assert not window.conflicts_dialog.isVisible()
    assert window.screen.band.title == "VALIDABLE"


def test_sounds_can_be_muted(window):
    window.sound_action.setChecked(False)
    window.sounds.last_requested = None
    window.handle_scan("CANC23", "wedge")
    assert window.sounds.last_requested is None
    assert window.config.sounds is False


def test_escape_returns_to_ready(window, qtbot):
    window.handle_scan("ABC234", "wedge")
    qtbot.keyClick(window.screen, Qt.Key.Key_Escape)
    assert window.screen.band.title == "PRÊT"
    assert not window.screen.validate_button.isEnabled()


def test_unconfigured_banner(window, screenshot_dir):
    assert window.banner.isVisible()
    assert "Serveur non configuré" in window.banner.label.text()
    shot(window, screenshot_dir, "counter_unconfigured")


def test_every_control_has_an_accessible_name(window):
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    window.handle_scan("USED23", "wedge")
    controls = window.findChildren(QAbstractButton) + window.findChildren(QLineEdit)
    unnamed = [
        c
        for c in controls
        if c.isVisible()
        and not (c.accessibleName() or c.text())
        and not c.objectName().startswith("qt_")
    ]
    assert unnamed == []


def test_screen_reader_hears_each_verdict(window, screen_reader):
    from PySide6.QtGui import QAccessible

    heard = screen_reader
    window.handle_scan("CANC23", "wedge")
    window.handle_scan("PASSCULTURE:v3;TOKEN:ABC234", "wedge")
    assert [m.split(".")[0] for m, _ in heard] == ["ANNULÉE", "VALIDABLE"]
    assert "Cette réservation a été annulée" in heard[0][0]
    assert [p for _, p in heard] == [
        QAccessible.AnnouncementPoliteness.Assertive,
        QAccessible.AnnouncementPoliteness.Polite,
    ]


def test_english_catalogue(services, window_factory, qtbot):
    from kiosk.ui.common import i18n

    services.config.language = "en"
    assert i18n.install("en")
    try:
        window = window_factory(services)
        assert window.screen.band.title == "READY"
        window.handle_scan("ABC234", "wedge")
        settle(qtbot, window)
        assert window.screen.band.title == "VALID"  # domain texts follow the language too
        assert window.screen.entry.label.text() == "Countermark"
        assert window.screen.card.values["date"] == "Permanent"
        assert "Remember to check" in window.screen.reminder.text()
    finally:
        i18n.install("fr")


def test_french_plurals(window, qtbot):
    from kiosk.ui.common import i18n

    assert i18n.install("fr")
    window.screen.today.set_day([], window.screen.today.counts)
    assert "0 validation " in window.screen.today.summary.text() + " "
    window.status.set_counts(2, 1)
    assert window.status.pending.text() == "2 validations en attente d’envoi"
    assert window.status.conflicts.text() == "1 conflit à traiter"


def test_scan_in_librarian_mode_brings_the_counter_back(window, qtbot):
    pytest.importorskip("kiosk.ui.catalogue.screen")
    window.show_catalogue()
    assert window.stack.currentWidget() is window.catalogue_screen
    window.handle_scan("ABC234", "wedge")
    assert window.stack.currentWidget() is window.screen
    assert window.screen.band.title == "VALIDABLE"


def test_invalidation_has_its_own_look_and_changes_the_day(window, services, qtbot, screenshot_dir):
    """Issue 14: INVALIDÉE looked like VALIDÉE and left the day's row and counts unchanged."""
    screen = window.screen
    window.handle_scan("ABC234", "wedge")
    screen.validate()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: screen.today.counts.validated == 1)
    assert screen.band.style_key == "ok"
    screen.ask_unvalidate()
    go = next(b for b in screen.unvalidate_dialog.buttons() if b.text() == "Continuer")
    go.click()
    settle(qtbot, window)
    assert screen.band.title == "INVALIDÉE"
    assert screen.band.style_key == "undone" and screen.band.style.icon != "check"
    qtbot.waitUntil(lambda: screen.today.counts.unvalidated == 1)
    counts = screen.today.counts
    assert (counts.validated, counts.places, sum(counts.per_hour)) == (0, 0, 0)
    use_row = next(r for r in screen.today.rows if r.kind == "use")
    assert screen.today.state_text(use_row) == "invalidée"
    summary = screen.today.summary.text()
    assert summary.startswith("0 validation") and "1 invalidation" in summary
    shot(window, screenshot_dir, "counter_invalidated_1280x720")
