"""Tell a keyboard-wedge scanner from a person typing, from key timing alone.

Pure Python (no Qt): :class:`ScanAssembler` is fed every key press with its timestamp and answers
with actions: "a scan is complete" or "release these held keys, a person typed them". The Qt
adapter (:mod:`kiosk.scan.wedge`) holds key presses back meanwhile, so a scan never reaches a
text field.

Rules (``docs/qt-stack-notes.md`` §10):

- a *burst* is a run of keys whose every gap is ≤ ``gap_threshold_ms`` (default 40 ms; scanners
  type every 7-16 ms, people rarely under 60 ms);
- a burst ending in Enter or Tab with ≥ ``min_terminated_length`` characters is a scan (the
  terminator is swallowed);
- a burst without terminator that forms a complete payload (``parse_payload(...).ok``) is a scan
  once nothing came for ``idle_accept_ms`` (default 120 ms): some scanners send no suffix. Such a
  burst also tolerates one late key within that idle time (timing jitter under load);
- a gap over the threshold otherwise ends the burst: its keys are released unchanged, in order;
- an optional ``prefix`` (characters a scanner is programmed to send first) marks a scan
  whatever the timing; it ends at Enter/Tab or after ``prefix_timeout_ms`` without a key;
- a burst longer than ``max_length`` is emitted as a scan at once (the parser will reject it)
  and the rest of that burst is swallowed, so a runaway scanner never floods a field;
- a *strict* burst (``feed(..., strict=True)`` on its first key: the key goes to a text field
  that is not the counter's code field, e.g. a search or a PIN) is a scan only if it forms a
  whole ``PASSCULTURE:vN;…TOKEN:…`` payload (``is_full``); a fast run of letters or digits that
  merely looks like a 6-character token ("cinema", a PIN) is released to the field, Enter
  included. Speed alone is ambiguous there (a burst of queued keys looks fast); the shape is not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from kiosk.domain.payload import PayloadForm, parse_payload
from kiosk.domain.tokens import TOKEN_LENGTH


class KeyKind(Enum):
    CHAR = "char"
    """A key that types text."""
    ENTER = "enter"
    TAB = "tab"
    OTHER = "other"
    """Any other key (Backspace, arrows, Escape…): always ends a burst, never part of a scan."""


@dataclass(frozen=True)
class HeldKey:
    text: str
    kind: KeyKind
    ts_ms: int
    ref: Any = None
    """Opaque to the assembler: the adapter's copy of the event and its target widget."""


@dataclass(frozen=True)
class ScanComplete:
    payload: str
    terminator: KeyKind | None = None
    """ENTER or TAB when the scanner sent one, None when accepted on idle or overflow."""
    keys: tuple[HeldKey, ...] = field(default=(), compare=False, repr=False)
    """The swallowed key presses (the adapter looks at where they were going)."""


@dataclass(frozen=True)
class ReleaseKeys:
    keys: tuple[HeldKey, ...]
    """Deliver these, in order, to where they were going: a person typed them."""


Action = ScanComplete | ReleaseKeys


def _payload_is_complete(text: str) -> bool:
    return parse_payload(text).ok


_FULL_FORMS = frozenset({PayloadForm.V1, PayloadForm.V2, PayloadForm.V3})


def payload_is_full(text: str) -> bool:
    """A whole pass Culture QR payload (header and token), layout-repaired if need be: nobody
    types that by hand, unlike a bare 6-character token."""
    scan = parse_payload(text)
    return scan.ok and scan.form in _FULL_FORMS


class ScanAssembler:
    def __init__(
        self,
        *,
        gap_threshold_ms: int = 40,
        idle_accept_ms: int = 120,
        min_terminated_length: int = 4,
        prefix: str = "",
        prefix_timeout_ms: int = 500,
        max_length: int = 2048,
        is_complete: Callable[[str], bool] = _payload_is_complete,
        is_full: Callable[[str], bool] = payload_is_full,
    ) -> None:
        self.gap_threshold_ms = gap_threshold_ms
        self.idle_accept_ms = idle_accept_ms
        self.min_terminated_length = min_terminated_length
        self.prefix = prefix
        self.prefix_timeout_ms = prefix_timeout_ms
        self.max_length = max_length
        self._is_complete = is_complete
        self._is_full = is_full
        self._strict = False  # the current burst goes to a field where only whole payloads scan
        self._held: list[HeldKey] = []
        self._length = 0
        self._last_ts: int | None = None
        self._prefix_mode = False
        self._prefix_pending = False  # held text is a proper start of ``prefix``
        self._discarding = False
        self._complete_cache: tuple[int, bool] | None = None

    # --- state ---------------------------------------------------------------------------

    @property
    def idle(self) -> bool:
        """Nothing held and no burst in progress: a key can go straight through."""
        return not self._held and not self._discarding

    @property
    def held(self) -> tuple[HeldKey, ...]:
        return tuple(self._held)

    def next_deadline(self) -> int | None:
        """When :meth:`tick` may have something to do (same time base as ``ts_ms``)."""
        if self._last_ts is None or self.idle:
            return None
        if self._discarding:
            return self._last_ts + self.gap_threshold_ms + 1
        if self._prefix_mode or self._prefix_pending:
            return self._last_ts + self.prefix_timeout_ms + 1
        if self._complete_cache is not None and self._complete_cache == (self._length, True):
            return self._last_ts + self.idle_accept_ms
        return self._last_ts + self.gap_threshold_ms + 1

    # --- input ---------------------------------------------------------------------------

    @property
    def strict(self) -> bool:
        """The burst in progress is strict (see the module doc)."""
        return self._strict

    def feed(
        self, text: str, key: KeyKind, ts_ms: int, ref: Any = None, *, strict: bool = False
    ) -> list[Action]:
        """A key press. Every fed key is held until an action says what became of it.
        `strict` counts on the first key of a burst (where that key is going)."""
        item = HeldKey(text, key, ts_ms, ref)
        if self._discarding:
            assert self._last_ts is not None
            if ts_ms - self._last_ts <= self.gap_threshold_ms:
                self._last_ts = ts_ms
                if key in (KeyKind.ENTER, KeyKind.TAB):
                    self._reset()
                return []  # the tail of an overlong burst: swallowed
            self._reset()

        actions = self._on_gap(ts_ms)

        if key is KeyKind.OTHER:
            actions.append(ReleaseKeys((*self._held, item)))
            self._reset()
            return actions

        if key in (KeyKind.ENTER, KeyKind.TAB):
            if not self._held:
                actions.append(ReleaseKeys((item,)))
                return actions
            payload = self._payload()
            if self._strict and not self._prefix_mode:
                scan = self._is_full(payload)
            else:
                scan = self._prefix_mode or len(payload) >= self.min_terminated_length
            if scan:
                actions.append(ScanComplete(payload, key, (*self._held, item)))
            else:
                actions.append(ReleaseKeys((*self._held, item)))
            self._reset()
            return actions

        if not self._held:
            self._strict = strict
        self._held.append(item)
        self._length += len(text)
        self._last_ts = ts_ms
        if self.prefix and not self._prefix_mode:
            typed = "".join(k.text for k in self._held) if self._length <= len(self.prefix) else ""
            self._prefix_mode = typed == self.prefix
            self._prefix_pending = bool(typed) and not self._prefix_mode
            self._prefix_pending = self._prefix_pending and self.prefix.startswith(typed)
        if self._length > self.max_length:
            actions.append(ScanComplete(self._payload(), None, tuple(self._held)))
            self._reset()
            self._discarding = True
            self._last_ts = ts_ms
        return actions

    def tick(self, now_ms: int) -> list[Action]:
        """Call when :meth:`next_deadline` has passed: ends bursts that went quiet."""
        if self._discarding:
            assert self._last_ts is not None
            if now_ms - self._last_ts > self.gap_threshold_ms:
                self._reset()
            return []
        if not self._held:
            return []
        assert self._last_ts is not None
        gap = now_ms - self._last_ts
        if self._prefix_mode or self._prefix_pending:
            return self._close() if gap > self.prefix_timeout_ms else []
        if gap <= self.gap_threshold_ms:
            return []
        if self._complete() and gap < self.idle_accept_ms:
            return []  # a complete payload: wait a little for a late terminator
        return self._close()

    def flush(self) -> list[Action]:
        """Release whatever is held now (focus change, capture disabled, a shortcut…)."""
        actions: list[Action] = [ReleaseKeys(tuple(self._held))] if self._held else []
        self._reset()
        return actions

    # --- internals -------------------------------------------------------------------------

    def _payload(self) -> str:
        text = "".join(k.text for k in self._held)
        return text[len(self.prefix) :] if self._prefix_mode else text

    def _complete(self) -> bool:
        if self._complete_cache is None or self._complete_cache[0] != self._length:
            payload = self._payload()
            check = self._is_full if self._strict else self._is_complete
            ok = len(payload) >= TOKEN_LENGTH and check(payload)
            self._complete_cache = (self._length, ok)
        return self._complete_cache[1]

    def _on_gap(self, ts_ms: int) -> list[Action]:
        """Before a new key: end the current burst if the gap says it is over."""
        if not self._held or self._last_ts is None:
            return []
        gap = ts_ms - self._last_ts
        if self._prefix_mode or self._prefix_pending:
            return self._close() if gap > self.prefix_timeout_ms else []
        if gap <= self.gap_threshold_ms:
            return []
        if self._complete() and gap < self.idle_accept_ms:
            return []  # jitter inside a scan that is already complete: keep going
        return self._close()

    def _close(self) -> list[Action]:
        """The burst went quiet: a scan if it is complete (or prefixed), else a person."""
        payload = self._payload()
        if (self._prefix_mode and payload) or (not self._prefix_mode and self._complete()):
            action: Action = ScanComplete(payload, None, tuple(self._held))
        else:
            action = ReleaseKeys(tuple(self._held))
        self._reset()
        return [action]

    def _reset(self) -> None:
        self._held = []
        self._length = 0
        self._last_ts = None
        self._prefix_mode = False
        self._prefix_pending = False
        self._discarding = False
        self._complete_cache = None
        self._strict = False
