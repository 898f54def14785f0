"""Keyboard-wedge scanner capture: an application-wide key filter around :class:`ScanAssembler`.

Install once (``WedgeCapture().install()``); it sees every key press of the application, whatever
window, screen or dialog (modal or not) has focus. Key presses are *held back* while they might be
a scan, so a scan never types into a QLineEdit; scans are emitted as ``scanned(payload, "wedge")``
(raw payload, parse it with :func:`kiosk.domain.payload.parse_payload`). When the timing says a
person typed, the held keys are re-delivered, unchanged and in order, to the widget that had focus
when each was typed (a person's first key is thus delayed by ~40 ms, unnoticeable).

PySide6 6.12.0 on CPython 3.11 drops a reference to ``None`` on every call of a Qt method
returning ``void`` (``QTimer.start``, ``QWidget.setText``…) and to ``True``/``False`` on every
``Signal.emit``; the interpreter aborts (``none_dealloc``) once the count reaches zero. The hot path
here therefore avoids per-key ``void`` calls (the timer is re-armed a few times per burst).

Where the keys go matters as much as their speed (docs/operations.md, "Scanner"):

- the counter's code field (marked with :func:`mark_scan_field`) and widgets that take no text
  (buttons, the screen itself): a fast burst forming a payload or a token is a scan;
- any other text field (a search, a name, the wizard): only a whole ``PASSCULTURE:…`` payload at
  scanner speed is a scan; "cinema" typed quickly, or a run of queued keys, stays in the field;
- a secret field (a QLineEdit whose echo mode hides the text): what is
  typed there is never emitted. A whole payload scanned into it is swallowed and reported by
  ``refused`` (no text), so a scanner fired at the PIN dialog neither fills the PIN nor acts.

Keys that are never held: modifiers alone (Shift…), auto-repeat, shortcuts (Ctrl/Alt/Meta
combinations, except AltGr characters), and non-text keys (Backspace, arrows, Escape, F-keys…);
those end a burst first, so the order of keys is always kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import shiboken6
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from kiosk.scan.assembler import Action, KeyKind, ReleaseKeys, ScanAssembler, ScanComplete

SOURCE = "wedge"

_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
    }
)
_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_META = Qt.KeyboardModifier.MetaModifier


class Focus(Enum):
    """What kind of widget a key is going to (see the module doc)."""

    SCAN = "scan"
    TEXT = "text"
    SECRET = "secret"


_SCAN_FIELD = "_kiosk_scan_field"  # plain Python attributes: no Qt call per key
_HIDDEN_ECHO = frozenset(
    {
        QLineEdit.EchoMode.Password,
        QLineEdit.EchoMode.PasswordEchoOnEdit,
        QLineEdit.EchoMode.NoEcho,
    }
)


def mark_scan_field(widget: QWidget) -> None:
    """This text field is where scans belong (the counter's code field)."""
    setattr(widget, _SCAN_FIELD, True)


def takes_text(widget: object) -> bool:
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return True
    return isinstance(widget, QComboBox) and widget.isEditable()


def focus_kind(widget: object) -> Focus:
    if widget is None:
        return Focus.SCAN
    if isinstance(widget, QLineEdit) and widget.echoMode() in _HIDDEN_ECHO:
        return Focus.SECRET
    if getattr(widget, _SCAN_FIELD, False):
        return Focus.SCAN
    return Focus.TEXT if takes_text(widget) else Focus.SCAN


@dataclass(frozen=True)
class _KeyCopy:
    """What is needed to re-create a held key press for the widget it was going to."""

    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    native_scan_code: int
    native_virtual_key: int
    native_modifiers: int
    target: QObject | None
    focus: Focus = Focus.SCAN

    def to_event(self) -> QKeyEvent:
        # No setTimestamp(): one void call per re-delivered key (PySide6 6.12 refcount bug),
        # and widgets do not look at key timestamps.
        return QKeyEvent(
            QEvent.Type.KeyPress,
            self.key,
            self.modifiers,
            self.native_scan_code,
            self.native_virtual_key,
            self.native_modifiers,
            self.text,
        )


def _is_command(modifiers: Qt.KeyboardModifier) -> bool:
    """Ctrl/Alt/Meta shortcuts; Ctrl+Alt together is AltGr on Windows (it types characters)."""
    ctrl, alt = bool(modifiers & _CTRL), bool(modifiers & _ALT)
    if ctrl and alt:
        return False
    return ctrl or alt or bool(modifiers & _META)


class WedgeCapture(QObject):
    """Application-wide keyboard-wedge scan capture. ``scanned(payload, "wedge")``;
    ``refused()`` when a scan hit a secret field (it was swallowed, never acted on)."""

    scanned = Signal(str, str)
    refused = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        assembler: ScanAssembler | None = None,
        clock: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self._assembler = assembler or ScanAssembler()
        self._elapsed = QElapsedTimer()
        self._elapsed.start()
        self._clock: Callable[[], int] = clock or self._elapsed.elapsed
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)
        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.setInterval(0)
        self._emit_timer.timeout.connect(self._emit_pending)
        self._pending_scans: list[str | None] = []  # None: a refused scan
        # Where typed text goes when it was aimed at no text field (a button, nothing): set by
        # the window so a person typing after a menu or a dialog reaches the code field.
        self.text_home: Callable[[QObject | None], QWidget | None] | None = None
        self._enabled = True
        self._replaying = False
        self._app: QCoreApplication | None = None
        # Event timestamps (X server time…) and our clock differ: map one onto the other.
        self._last_event_ts: int | None = None
        self._last_local_ms = 0
        self._timer_due: int | None = None  # local clock time the armed timer fires at

    # --- public API ----------------------------------------------------------------------

    def install(self, app: QCoreApplication | None = None) -> None:
        """Start filtering every key press of ``app`` (default: the running application)."""
        app = app or QCoreApplication.instance()
        if app is None:
            raise RuntimeError("WedgeCapture.install() needs a QApplication")
        if self._app is not None:
            self.uninstall()
        app.installEventFilter(self)
        self._app = app

    def uninstall(self) -> None:
        self._apply(self._assembler.flush())
        self._reschedule()
        if self._app is not None and shiboken6.isValid(self._app):
            self._app.removeEventFilter(self)
        self._app = None

    def set_enabled(self, enabled: bool) -> None:
        """Disabled: keys go straight to widgets (anything held is released first)."""
        if not enabled and self._enabled:
            self._apply(self._assembler.flush())
            self._reschedule()
        self._enabled = enabled

    def is_enabled(self) -> bool:
        return self._enabled

    @property
    def assembler(self) -> ScanAssembler:
        return self._assembler

    @property
    def gap_threshold_ms(self) -> int:
        return self._assembler.gap_threshold_ms

    @gap_threshold_ms.setter
    def gap_threshold_ms(self, value: int) -> None:
        self._assembler.gap_threshold_ms = value

    @property
    def idle_accept_ms(self) -> int:
        return self._assembler.idle_accept_ms

    @idle_accept_ms.setter
    def idle_accept_ms(self, value: int) -> None:
        self._assembler.idle_accept_ms = value

    @property
    def prefix(self) -> str:
        return self._assembler.prefix

    @prefix.setter
    def prefix(self, value: str) -> None:
        self._assembler.prefix = value

    # --- Qt ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self._replaying or not self._enabled:
            return False
        if not isinstance(event, QKeyEvent):
            return False
        return self._on_key_press(watched, event)

    def _on_key_press(self, watched: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False  # Shift pressed by the scanner between characters: not a key of its own
        text = event.text()
        modifiers = event.modifiers()
        if key in _ENTER_KEYS:
            kind = KeyKind.ENTER
        elif key == Qt.Key.Key_Tab and not _is_command(modifiers):
            kind = KeyKind.TAB
        elif text and text.isprintable() and not _is_command(modifiers):
            kind = KeyKind.CHAR
        elif text and self._assembler.prefix and text in self._assembler.prefix:
            kind = KeyKind.CHAR  # a control-character prefix (STX…) configured on the scanner
        else:
            kind = KeyKind.OTHER

        if kind is KeyKind.OTHER or event.isAutoRepeat():
            # Deliver what is held first, then let this key through: order is kept.
            self._apply(self._assembler.flush())
            self._reschedule()
            return False
        if kind is not KeyKind.CHAR and self._assembler.idle:
            return False  # a lone Enter/Tab: no need to delay it

        local = self._clock()
        ts = event.timestamp() or local
        self._last_event_ts, self._last_local_ms = ts, local
        # The receiver of a key event is the focus widget, except when Qt first hands it to the
        # window (QWidgetWindow): only then ask. (focusWidget() returning None leaks a reference
        # to None in PySide6 6.12, see above.)
        target = watched if isinstance(watched, QWidget) else QApplication.focusWidget()
        focus = focus_kind(target)
        copy = _KeyCopy(
            key=key,
            modifiers=modifiers,
            text=text,
            native_scan_code=event.nativeScanCode(),
            native_virtual_key=event.nativeVirtualKey(),
            native_modifiers=event.nativeModifiers(),
            target=target,
            focus=focus,
        )
        strict = focus is not Focus.SCAN
        self._apply(self._assembler.feed(text, kind, ts, copy, strict=strict))
        self._reschedule()
        return True

    # --- internals -------------------------------------------------------------------------

    def _now(self) -> int:
        """Current time in the time base of the key events' timestamps."""
        local = self._clock()
        if self._last_event_ts is None:
            return local
        return self._last_event_ts + (local - self._last_local_ms)

    def _reschedule(self) -> None:
        """Arm the timer for the assembler's next deadline.

        Deadlines only move later while a burst goes on, so a timer already armed for an
        earlier time is left alone: it fires, ticks (a no-op) and re-arms. This keeps timer
        calls to a few per burst instead of one per key (see the PySide6 6.12 note in the
        module docstring).
        """
        deadline = self._assembler.next_deadline()
        if deadline is None:
            if self._timer_due is not None:
                self._timer.stop()
                self._timer_due = None
            return
        delay = max(0, deadline - self._now())
        due = self._clock() + delay
        if self._timer_due is None or due < self._timer_due:
            self._timer.start(delay)
            self._timer_due = due

    def _on_timer(self) -> None:
        self._timer_due = None
        self._apply(self._assembler.tick(self._now()))
        self._reschedule()

    def _apply(self, actions: list[Action]) -> None:
        for action in actions:
            if isinstance(action, ScanComplete):
                first = action.keys[0].ref if action.keys else None
                secret = isinstance(first, _KeyCopy) and first.focus is Focus.SECRET
                # Queued: slots may open dialogs; never run them inside a key event filter.
                self._pending_scans.append(None if secret else action.payload)
                self._emit_timer.start()
            elif isinstance(action, ReleaseKeys):
                home: QWidget | None = None
                for held in action.keys:
                    if isinstance(held.ref, _KeyCopy):
                        home = self._redeliver(held.ref, home)

    def _emit_pending(self) -> None:
        pending, self._pending_scans = self._pending_scans, []
        for payload in pending:
            if payload is None:
                self.refused.emit()
            else:
                self.scanned.emit(payload, SOURCE)

    def _redeliver(self, copy: _KeyCopy, home: QWidget | None) -> QWidget | None:
        """Send a held key on; returns the text home it was redirected to (for the next keys
        of the same release)."""
        target = copy.target
        if target is None or not shiboken6.isValid(target):
            if copy.focus is Focus.SECRET:
                return home  # the secret field is gone: its keys go nowhere else
            target = QApplication.focusWidget()
        if copy.focus is not Focus.SECRET and not takes_text(target):
            if home is None and self.text_home is not None and copy.text.isprintable():
                home = self.text_home(target)
                if home is not None:
                    home.setFocus()
            if home is not None and shiboken6.isValid(home):
                target = home
        if target is None:
            return home
        self._replaying = True  # our own events must not be captured again
        try:
            QCoreApplication.sendEvent(target, copy.to_event())
        finally:
            self._replaying = False
        return home
