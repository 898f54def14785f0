"""What the counter needs from an online channel (the sync layer implements it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.domain.verdict import Verdict


@dataclass(frozen=True, slots=True)
class OnlineAnswer:
    """What the central API said about a token, already mapped to the counter's terms."""

    verdict: Verdict  # VALIDABLE on 200, or the refusal the server gave
    booking_row: dict[str, Any] | None = None  # store row of the booking on 200
    message: str | None = None  # the server's own sentence, when it gave one


class OnlineChannel(Protocol):
    def is_online(self) -> bool: ...

    def lookup(self, token: str) -> OnlineAnswer | None:
        """Ask the server about a token (short timeout). None: no answer (offline, error)."""
        ...

    def limited_for(self) -> float | None:
        """After `lookup` gave no answer: seconds before the server takes requests again when
        it limits them (429, not an outage); None otherwise."""
        ...

    def late(self) -> bool:
        """True when pass Culture was reached but did not answer in time: after `lookup` gave
        no answer, or while offline because of it (a slow or loaded server, not an
        unreachable one)."""
        ...

    def push_now(self, op_id: str) -> object | None:
        """Try to settle one recorded operation right away; its new state, or None."""
        ...
