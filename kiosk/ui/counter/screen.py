"""The counter screen: every scan (wedge, camera, typed) goes through `handle_scan`.

Path of a scan: the local cache answers at once (`Counter.check_local`, on this thread: one
indexed lookup), the band and card are painted; when the network is up the online answer
(`check_online`, in a pool thread) refines it, unless staff have moved on to another scan.
Validation and invalidation run in the pool too ("Validation en cours..."), one at a time;
a scan arriving meanwhile waits for the answer, so none is ever lost.

A repeated scan is harmless: the code on screen, waiting for "Valider" or just validated or
invalidated here, scanned again within `same_scan_seconds` only re-shows its verdict ("Même
contremarque, déjà affichée"); it never validates (only "Valider" or Enter does, or the scan
itself in one-step mode). A refusal, or the same code later, is checked again as a new scan.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import messages
from kiosk.domain.booking import Booking
from kiosk.domain.display import source_line
from kiosk.domain.errors import KioskError
from kiosk.domain.operations import OpState
from kiosk.domain.payload import parse_payload
from kiosk.domain.verdict import Family, VerdictKind
from kiosk.services.counter import CheckResult, Counter
from kiosk.ui.common.elided import WrappedLabel
from kiosk.ui.common.sounds import SoundPlayer
from kiosk.ui.common.tasks import Tasks
from kiosk.ui.counter.booking_card import BookingCard
from kiosk.ui.counter.manual_entry import ManualEntry
from kiosk.ui.counter.name_search import NameSearchDialog
from kiosk.ui.counter.today_panel import TodayPanel
from kiosk.ui.counter.verdict_band import VerdictBand

log = logging.getLogger("kiosk.ui.counter")
_NOTHING = object()


def _explain(exc: BaseException, lang: str = "fr") -> str:
    """A sentence for a failure in a background call (never a traceback), in `lang` when the
    error comes from the catalogue."""
    if isinstance(exc, KioskError) and exc.message:
        return exc.text(lang)
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message:
        return message
    log.error("counter operation failed", exc_info=exc)
    return (
        "Erreur inattendue : l’opération n’a pas été enregistrée. Réessayez ; si cela se "
        "reproduit, redémarrez le kiosque."
    )


class CounterScreen(QWidget):
    scan_arrived = Signal(str, str)  # before handling: the window closes transient dialogs
    result_shown = Signal(object)  # CheckResult now on screen (tests, today refresh)
    operation_done = Signal(object)  # CheckResult of a validate/unvalidate that was recorded
    # A validation waits for someone on duty (staff accounts, nobody chosen): the window asks
    # who, then calls the argument (the held validation) once someone is.
    staff_required = Signal(object)

    def __init__(
        self,
        counter: Counter,
        tasks: Tasks,
        sounds: SoundPlayer,
        *,
        lang: str = "fr",
        two_step: bool = True,
        is_online: Callable[[], bool] = lambda: False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.counter = counter
        self.tasks = tasks
        self.sounds = sounds
        self.lang = lang
        self.two_step = two_step
        self.is_online = is_online
        self.staff: str | None = None  # filled by the staff sign-in when there is one
        # True while staff accounts exist and nobody is on duty (set by the window).
        self.needs_staff: Callable[[], bool] = lambda: False
        self.current: CheckResult | None = None
        self.zone: tzinfo | None = None  # the venue's timezone, set from the status snapshot
        self.busy = False  # a validation/invalidation is in flight
        self.queued: list[tuple[str, str]] = []
        self._seq = 0
        self._transients: list[QWidget] = []
        self._card_next: object = _NOTHING  # booking to show once the band is on screen
        self.same_scan_seconds = 10  # kiosk.toml `same_scan_seconds`
        self.monotonic: Callable[[], float] = time.monotonic  # injectable for tests
        self._last_scan: tuple[str, float] | None = None  # token on screen, when last scanned
        self._build()
        # Queued: the card is changed after the band's paint event has returned.
        self.band.painted.connect(self._flush_card, Qt.ConnectionType.QueuedConnection)
        self.reset()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.band = VerdictBand()
        outer.addWidget(self.band)
        body = QHBoxLayout()
        body.setContentsMargins(16, 12, 16, 8)
        body.setSpacing(20)
        outer.addLayout(body, 1)

        left = QVBoxLayout()
        left.setSpacing(10)
        self.card = BookingCard()
        left.addWidget(self.card)
        self.callout = QFrame()
        self.callout.setObjectName("callout")
        self.callout.setAccessibleName(self.tr("Rappel : vérifier l’identité"))
        cl = QVBoxLayout(self.callout)
        cl.setContentsMargins(14, 8, 14, 8)
        self.reminder = WrappedLabel(messages.text(messages.ID_REMINDER, self.lang))
        self.reminder.setObjectName("calloutTitle")
        self.reminder_detail = WrappedLabel(messages.text(messages.ID_REMINDER_DETAIL, self.lang))
        self.reminder_detail.setObjectName("calloutDetail")
        cl.addWidget(self.reminder)
        cl.addWidget(self.reminder_detail)
        left.addWidget(self.callout)

        actions = QHBoxLayout()
        self.validate_button = QPushButton("&" + messages.text(messages.VALIDATE_BUTTON, self.lang))
        self.validate_button.setObjectName("validate")
        self.validate_button.setAccessibleName(messages.text(messages.VALIDATE_BUTTON, self.lang))
        self.validate_button.setToolTip(self.tr("Entrée"))
        self.validate_button.clicked.connect(self.validate)
        actions.addWidget(self.validate_button)
        self.unvalidate_button = QPushButton(
            "&" + messages.text(messages.UNVALIDATE_BUTTON, self.lang)
        )
        self.unvalidate_button.setObjectName("unvalidate")
        self.unvalidate_button.setAccessibleName(
            messages.text(messages.UNVALIDATE_BUTTON, self.lang)
        )
        self.unvalidate_button.clicked.connect(self.ask_unvalidate)
        actions.addWidget(self.unvalidate_button)
        self.search_button = QPushButton(self.tr("Chercher par le nom du jeune (F3)"))
        self.search_button.setObjectName("secondary")
        self.search_button.setAccessibleName(self.tr("Chercher la réservation par le nom du jeune"))
        self.search_button.clicked.connect(self.open_name_search)
        actions.addWidget(self.search_button)
        actions.addStretch(1)
        left.addLayout(actions)
        left.addStretch(1)
        body.addLayout(left, 3)

        right = QVBoxLayout()
        right.setSpacing(10)
        self.side = right  # staff bar on top, camera panel under the typed entry
        self.staff_bar: QWidget | None = None
        self.camera_view: QWidget | None = None
        self.entry = ManualEntry()
        self.entry.submitted.connect(lambda code: self.handle_scan(code, "manual"))
        self.entry.enter_pressed.connect(self._enter)
        right.addWidget(self.entry)
        self.today = TodayPanel()
        self.today.lang = self.lang
        right.addWidget(self.today, 1)
        body.addLayout(right, 2)

        QShortcut(QKeySequence(Qt.Key.Key_F3), self, self.open_name_search)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.entry.field.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.reset)
        self.setFocusProxy(self.entry.field)

    def put_staff_bar(self, bar: QWidget) -> None:
        """Who is on duty, above the typed entry: visible at a glance, "Changer" in one click."""
        self.staff_bar = bar
        self.side.insertWidget(0, bar)

    def put_camera(self, view: QWidget | None) -> None:
        """The camera preview under the typed entry (None removes it)."""
        if self.camera_view is not None:
            self.side.removeWidget(self.camera_view)
            self.camera_view.hide()
        self.camera_view = view
        # The preview takes the hourly chart's room: the day's list stays, and 1280x720 fits.
        self.today.chart.setVisible(view is None)
        if view is not None:
            view.setMinimumHeight(130)
            view.setMaximumHeight(300)
            self.side.insertWidget(self.side.indexOf(self.entry) + 1, view, 2)

    # -- the one path of a scan -------------------------------------------------------------
    def handle_scan(self, payload: str, source: str = "wedge") -> None:
        self.scan_arrived.emit(payload, source)
        self.close_transients()
        # The field never keeps a code past its verdict: the next one typed is not appended.
        self.entry.clear()
        if self.busy:
            self.queued.append((payload, source))  # answered after the current validation
            return
        if self._same_as_shown(payload):
            return
        self._seq += 1
        seq = self._seq
        try:
            result = self.counter.check_local(payload)
        except Exception as exc:  # a storage failure: say it, never a traceback
            self._show_error(self.tr("ERREUR"), _explain(exc, self.lang))
            return
        online = bool(result.token) and self.is_online()
        if online and result.verdict.kind is VerdictKind.UNKNOWN_OFFLINE:
            # Not in the cache but pass Culture is reachable: wait for its answer.
            self.current = result
            self._set_card(None)
            self.band.show_busy(
                self.tr("VÉRIFICATION…"),
                self.tr("Vérification de la contremarque %1 auprès de pass Culture...").replace(
                    "%1", result.token or ""
                ),
            )
            self._update_actions()
        else:
            self._show(result, pending_online=online)
            if not self.two_step and result.verdict.can_validate:
                self.validate()
                return
        if online:
            self.tasks.submit(
                lambda: self.counter.check_online(result),
                lambda refined: self._online_answer(seq, result, refined),
                lambda exc: self._online_answer(seq, result, result),
            )

    def _same_as_shown(self, payload: str) -> bool:
        """The code on screen scanned again shortly after: re-show it, say so, do nothing."""
        cur, last, now = self.current, self._last_scan, self.monotonic()
        scan = parse_payload(payload)
        token = scan.token if scan.ok else None
        if token is None:
            return False
        # Only where a second look could mislead or act: a code waiting for "Valider", or this
        # counter's own operation just recorded. A refusal is checked again (the network, the
        # structure… may have changed since), and so is a one-step code left unvalidated (nobody
        # on duty was chosen): scanning it again is how staff retry.
        same = (
            cur is not None
            and ((cur.verdict.can_validate and self.two_step) or cur.op_id is not None)
            and cur.token is not None
            and cur.token in scan.candidates
            and last is not None
            and last[0] == cur.token
            and now - last[1] <= self.same_scan_seconds
        )
        self._last_scan = (cur.token if same and cur and cur.token else token, now)
        if not same or cur is None:
            return False
        if self.band.style_key != "busy":  # an answer on its way will show it anyway
            note = self.tr("Même contremarque, déjà affichée")
            source = self.band.source_text
            if not source.startswith(note):
                source = f"{note} — {source}" if source else note
            self.band.show_verdict(cur.verdict, self.lang, source, announce=True)
        return True

    def _online_answer(self, seq: int, local: CheckResult, refined: CheckResult) -> None:
        if seq != self._seq or self.busy:
            return  # staff moved on: a newer scan owns the screen
        shown_kind = self.current.verdict.kind if self.current else None
        was_busy = self.band.style_key == "busy"
        self._show(refined, sound=was_busy or refined.verdict.kind is not shown_kind)
        if not self.two_step and refined.verdict.can_validate:
            self.validate()

    def _show(self, result: CheckResult, *, pending_online: bool = False, sound: bool = True):
        self.current = result
        source = source_line(
            result.source, result.data_as_of, self.lang, self.zone, result.limited_for, result.late
        )
        if pending_online:
            source += self.tr(" — vérification en ligne…")
        elif result.op_id is not None and result.op_state == "pending":
            source = self.tr("Enregistrée sur ce guichet — en attente d’envoi à pass Culture")
        elif result.op_id is not None and result.op_state == "done" and result.source == "local":
            source = self.tr("Enregistrée sur ce guichet — reçue par pass Culture")
        elif result.op_id is not None and result.op_state == "conflict":
            source = self.tr("Refusée ensuite par pass Culture — voir « Conflits à traiter »")
        # The online answer repeating the local verdict is neither heard nor said again.
        self.band.show_verdict(result.verdict, self.lang, source, announce=sound)
        self._set_card(result.booking)
        self._update_actions()
        if sound:
            self.sounds.play(result.verdict.family)
        self.result_shown.emit(result)

    def settled(self, states: dict[str, str]) -> None:
        """The outbox moved on (a sync, a push): the operation on screen says where it is now,
        instead of "en attente d'envoi" forever. `states`: op_id -> state, from the snapshot."""
        cur = self.current
        if cur is None or cur.op_id is None or self.busy:
            return
        state = states.get(cur.op_id)
        if state is None or state == cur.op_state:
            return
        settled = replace(cur, op_state=OpState(state))
        if state == OpState.CONFLICT.value:
            # Refused after the fact (the youth had cancelled…): the band says what it is now,
            # as when the refusal comes at once, not a green VALIDÉE with a footnote.
            try:
                verdict = self.counter.conflict_verdict(cur.op_id)
            except Exception:  # a storage failure: the footnote still says it
                log.warning("conflict verdict not read for %s", cur.op_id, exc_info=True)
                verdict = None
            if verdict is not None:
                settled = replace(settled, verdict=verdict)
        self._show(settled, sound=False)

    def _set_card(self, booking: Booking | None) -> None:
        """The verdict first, the card right after: re-laying out the card costs several ms,
        so it is done once the band has been painted (the next frame), not before."""
        if booking == self.card.booking and self._card_next is _NOTHING:
            return
        self._card_next = booking
        if not self.band.isVisible():
            self._flush_card()

    def _flush_card(self) -> None:
        if self._card_next is _NOTHING:
            return
        booking, self._card_next = self._card_next, _NOTHING
        self.card.show_booking(booking, self.lang)  # type: ignore[arg-type]

    @property
    def card_pending(self) -> bool:
        return self._card_next is not _NOTHING

    def _show_error(self, title: str, message: str) -> None:
        self.band.show_error(title, message)
        self.sounds.play(Family.REFUSED)
        self._update_actions()

    def _update_actions(self) -> None:
        cur = self.current
        kind = cur.verdict.kind if cur else None
        states = (
            (
                self.validate_button,
                kind not in (VerdictKind.ALREADY_USED, VerdictKind.UNKNOWN_OFFLINE),
                bool(cur and cur.verdict.can_validate and not self.busy),
            ),
            (self.unvalidate_button, bool(cur and cur.verdict.can_unvalidate), not self.busy),
            (self.search_button, kind is VerdictKind.UNKNOWN_OFFLINE, not self.busy),
        )
        for button, visible, enabled in states:  # only real changes: each one re-lays out
            if button.isVisibleTo(self) != visible:
                button.setVisible(visible)
            if button.isEnabled() != enabled:
                button.setEnabled(enabled)

    def reset(self) -> None:
        """Back to "waiting for a scan" (Escape)."""
        if self.busy:
            return
        self._seq += 1
        self.current = None
        self.band.show_idle(
            self.tr("PRÊT"),
            self.tr("Scannez le QR code du jeune ou saisissez sa contremarque."),
        )
        self._set_card(None)
        self._update_actions()

    def _enter(self, _typed: str = "") -> None:
        if self.current is not None and self.current.verdict.can_validate:
            self.validate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.entry.field.hasFocus():
            self._enter()
            return
        super().keyPressEvent(event)

    # -- validate / invalidate --------------------------------------------------------------
    def validate(self) -> None:
        cur = self.current
        if self.busy or cur is None or not cur.verdict.can_validate or not cur.token:
            return
        if self._hold_for_staff(self.validate):
            return
        token = cur.token
        self._run_operation(
            self.tr("Validation en cours..."),
            lambda: self.counter.validate(token, staff=self.staff),
        )

    def _hold_for_staff(self, resume: Callable[[], None]) -> bool:
        """With staff accounts, nobody validates anonymously: ask who is on duty first."""
        if self.staff or not self.needs_staff():
            return False
        self.staff_required.emit(resume)
        return True

    def record_to_confirm(self, booking: Booking) -> None:
        cur = self.current
        if self.busy or cur is None or not cur.token:
            return
        if self._hold_for_staff(lambda: self.record_to_confirm(booking)):
            return
        token = cur.token
        self._run_operation(
            self.tr("Enregistrement en cours..."),
            lambda: self.counter.validate(
                token, staff=self.staff, unverified=True, booking_id=booking.id
            ),
        )

    def ask_unvalidate(self) -> None:
        cur = self.current
        if self.busy or cur is None or not cur.verdict.can_unvalidate or not cur.token:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(messages.text(messages.UNVALIDATE_BUTTON, self.lang))
        box.setText(messages.text(messages.UNVALIDATE_CONFIRM_TITLE, self.lang))
        box.setInformativeText(messages.text(messages.UNVALIDATE_CONFIRM_BODY, self.lang))
        cancel = box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        go = box.addButton(self.tr("Continuer"), QMessageBox.ButtonRole.AcceptRole)
        cancel.setAccessibleName(self.tr("Annuler"))
        go.setAccessibleName(self.tr("Continuer"))
        box.setDefaultButton(cancel)  # the safe choice on Enter
        box.setAccessibleName(messages.text(messages.UNVALIDATE_CONFIRM_TITLE, self.lang))
        token = cur.token
        seq = self._seq

        def finished(_code: int) -> None:
            self._forget(box)
            if box.clickedButton() is go and seq == self._seq:
                self._run_operation(
                    self.tr("Invalidation en cours..."),
                    lambda: self.counter.unvalidate(token, staff=self.staff),
                )

        box.finished.connect(finished)
        self.open_transient(box)
        self.unvalidate_dialog = box

    def open_name_search(self) -> None:
        cur = self.current
        if self.busy or cur is None or cur.verdict.kind is not VerdictKind.UNKNOWN_OFFLINE:
            return

        def search(query: str, answer: Callable[[list[Booking]], None]) -> None:
            self.tasks.submit(
                lambda: self.counter.find_to_collect(query),
                answer,
                lambda exc: answer([]),
                key="name-search",  # typing: only the last query's answer matters
                owner=dialog,
            )

        dialog = NameSearchDialog(cur.token or "", search, self.lang, self)
        dialog.chosen.connect(self.record_to_confirm)
        dialog.finished.connect(lambda _c: self._forget(dialog))
        self.open_transient(dialog)
        self.name_search = dialog

    def _run_operation(self, busy_text: str, fn: Callable[[], CheckResult]) -> None:
        self.busy = True
        self._seq += 1
        cur = self.current
        self.band.show_busy(
            busy_text, cur.token if cur and cur.token else "", self.band.source_text
        )
        self._update_actions()
        self.tasks.submit(fn, self._operation_done, self._operation_failed)

    def _operation_done(self, result: CheckResult) -> None:
        self.busy = False
        kept = self.current.booking if self.current is not None else None
        done = result.verdict.kind in (VerdictKind.VALIDATED, VerdictKind.TO_CONFIRM)
        if result.booking is None and kept is not None and done:
            result = replace(result, booking=kept)
        self._show(result)
        if result.op_id is not None:
            self.entry.clear()
            self.operation_done.emit(result)
        self._drain_queue()

    def _operation_failed(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, LookupError):
            message = self.tr("Cette réservation n’est plus dans les données locales.")
        else:
            message = _explain(exc, self.lang)
        self._show_error(self.tr("NON ENREGISTRÉE"), message)
        self._drain_queue()

    def _drain_queue(self) -> None:
        if self.queued:
            payload, source = self.queued.pop(0)
            self.handle_scan(payload, source)

    # -- transient dialogs ------------------------------------------------------------------
    def open_transient(self, dialog: QWidget) -> None:
        """Open a dialog that a new scan closes (the scan is then handled as usual)."""
        self._transients.append(dialog)
        dialog.open()  # type: ignore[attr-defined]

    def _forget(self, dialog: QWidget) -> None:
        if dialog in self._transients:
            self._transients.remove(dialog)

    def close_transients(self) -> None:
        for dialog in list(self._transients):
            self._transients.remove(dialog)
            dialog.reject()  # type: ignore[attr-defined]

    @property
    def transients(self) -> list[QWidget]:
        return list(self._transients)
