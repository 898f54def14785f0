"""What can go wrong when talking to the central API, in the sync layer's terms."""

from __future__ import annotations

from typing import Any

from kiosk.domain.errors import KioskError
from kiosk.domain.texts import Phrase


class ApiError(KioskError):
    """Base: `message` is French, for staff."""


class NetworkError(ApiError):
    """No usable answer. `maybe_sent`: the request may have reached the server (read timeout,
    connection dropped after sending, 5xx), so a change may have been committed. `late`: the
    server was reached but did not answer within the time allowed (not "unreachable")."""

    def __init__(self, message: str | Phrase, *, maybe_sent: bool, late: bool = False) -> None:
        super().__init__(message)
        self.maybe_sent = maybe_sent
        self.late = late


class KeyRefused(ApiError):
    """401 (or a 403 not about a booking): the API key is missing, wrong or revoked."""


class RateLimited(ApiError):
    def __init__(self, retry_after: float) -> None:
        super().__init__(Phrase.of("sync.rate_limited", seconds=retry_after))
        self.retry_after = retry_after


class BadResponse(ApiError):
    """The server answered something the kiosk cannot trust (malformed, unexpected shape)."""


class WrongAddress(BadResponse):
    """404 with an empty body: the path does not exist there (pcapi answers `{}` to an unknown
    path, before any key check), so the server address is wrong — not the key, not a booking."""


# Keys of pcapi's error bodies whose message speaks for itself; any other key is a field name
# (ApiErrors `{"<field>": ["<message>"]}`) shown with its message.
PLAIN_KEYS = frozenset({"global", "booking", "payment", "auth"})


def server_words(body: Any, limit: int = 300) -> str:
    """An error body as the server's own words, verbatim: every message, each prefixed by its
    field unless the key is a known one (`{"limit": ["ensure…"]}` → `limit : ensure…`)."""
    if isinstance(body, dict):
        parts = []
        for key, value in body.items():
            values = value if isinstance(value, list) else [value]
            said = " ; ".join(str(v) for v in values)
            parts.append(said if key in PLAIN_KEYS else f"{key} : {said}")
        words = " | ".join(parts)
    elif isinstance(body, list):
        words = " | ".join(str(v) for v in body)
    else:
        words = str(body or "").strip()
    return words[:limit] + ("…" if len(words) > limit else "")


class HttpRefusal(ApiError):
    """A 4xx about the request itself: the booking (404, 403 reimbursed/too early/closed
    structure, 410 used/cancelled) or its parameters (400 ApiErrors)."""

    def __init__(self, status: int, body: Any) -> None:
        self.status = status
        self.body = body
        super().__init__(Phrase.of("sync.refused", status=status, words=self.words()))

    def words(self) -> str:
        """The server's words, verbatim (what staff see and the conflict keeps)."""
        return server_words(self.body)

    def unknown_keys(self) -> bool:
        """True when the body has keys the kiosk does not know (or no dict at all)."""
        return not (isinstance(self.body, dict) and self.body and set(self.body) <= PLAIN_KEYS)

    def field(self) -> tuple[str, str]:
        """The first (key, message) of the error body, e.g. ("booking", "This booking has…")."""
        if isinstance(self.body, dict) and self.body:
            key, value = next(iter(self.body.items()))
            if isinstance(value, list):
                value = value[0] if value else ""
            return str(key), str(value)
        return "", str(self.body or "")
