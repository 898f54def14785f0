"""What can go wrong when talking to the central API, in the sync layer's terms."""

from __future__ import annotations

from typing import Any

from kiosk.domain.errors import KioskError
from kiosk.domain.texts import Phrase


class ApiError(KioskError):
    """Base: `message` is French, for staff."""


class NetworkError(ApiError):
    """No usable answer. `maybe_sent`: the request may have reached the server (read timeout,
    connection dropped after sending, 5xx), so a change may have been committed."""

    def __init__(self, message: str | Phrase, *, maybe_sent: bool) -> None:
        super().__init__(message)
        self.maybe_sent = maybe_sent


class KeyRefused(ApiError):
    """401 (or a 403 not about a booking): the API key is missing, wrong or revoked."""


class RateLimited(ApiError):
    def __init__(self, retry_after: float) -> None:
        super().__init__(Phrase.of("sync.rate_limited", seconds=retry_after))
        self.retry_after = retry_after


class BadResponse(ApiError):
    """The server answered something the kiosk cannot trust (malformed, unexpected shape)."""


class HttpRefusal(ApiError):
    """A 4xx about the booking itself (404, 403 reimbursed/too early, 410 used/cancelled)."""

    def __init__(self, status: int, body: Any) -> None:
        self.status = status
        self.body = body
        super().__init__(f"HTTP {status}: {body}")

    def field(self) -> tuple[str, str]:
        """The first (key, message) of the error body, e.g. ("booking", "This booking has…")."""
        if isinstance(self.body, dict) and self.body:
            key, value = next(iter(self.body.items()))
            if isinstance(value, list):
                value = value[0] if value else ""
            return str(key), str(value)
        return "", str(self.body or "")
