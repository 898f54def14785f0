"""The central pass Culture API client (provider API, `/public/...`).

The key goes only in the Authorization header; it is never logged, printed or put in an error
message. Every call has explicit timeouts. Answers are mapped to the sync layer's errors so that
callers never see an httpx exception.

httpx (with its CLI's click and rich where installed) is a tenth of the counter's start-up
imports, and the counter needs it only for its first online check: it is imported and the
connection pool built on first use, or ahead of it by `warm_up()` (the window calls it just
after its first paint, off the GUI thread).
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.domain.texts import Phrase
from kiosk.sync import schema
from kiosk.sync.errors import (
    BadResponse,
    HttpRefusal,
    KeyRefused,
    NetworkError,
    RateLimited,
    WrongAddress,
    server_words,
)
from kiosk.sync.limiter import Priority, RequestScheduler

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("kiosk.sync.api")

BOOKINGS = "/public/bookings/v1"
OFFERS = "/public/offers/v1"
PAGE_LIMIT = 50  # the API's maximum page size
MAX_BODY = 5_000_000  # bytes: a larger answer is refused rather than parsed
MAX_429_RETRIES = 6
MAX_RETRY_AFTER = 120.0  # seconds a background call will wait out; longer ends the round
DEFAULT_RETRY_AFTER = 60.0  # pcapi's 429 says "dans une minute", not always with Retry-After


@dataclass(frozen=True)
class Timeout:
    """Seconds per read/write/pool wait and to connect: httpx.Timeout without importing httpx."""

    read: float
    connect: float

    def for_httpx(self) -> httpx.Timeout:
        import httpx

        return httpx.Timeout(self.read, connect=self.connect)


DEFAULT_TIMEOUT = Timeout(10.0, connect=5.0)
QUICK_TIMEOUT = Timeout(2.0, connect=1.5)  # the counter's online check


def _httpx_timeout(timeout: Timeout | httpx.Timeout) -> httpx.Timeout:
    return timeout.for_httpx() if isinstance(timeout, Timeout) else timeout


def _retry_after(header: str | None) -> float:
    """`Retry-After` in seconds; 60 when absent or unusable (pcapi's body says "une minute")."""
    try:
        seconds = float(header) if header is not None else DEFAULT_RETRY_AFTER
    except ValueError:
        return DEFAULT_RETRY_AFTER
    return seconds if math.isfinite(seconds) and seconds >= 0 else DEFAULT_RETRY_AFTER


class ApiClient:
    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        limiter: RequestScheduler | None = None,
        timeout: Timeout | httpx.Timeout = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.limiter = limiter or RequestScheduler()
        self._client_options: dict[str, Any] = {
            "base_url": self.base_url,
            "headers": {"Authorization": f"Bearer {api_key}", "Accept": "application/json"},
            "timeout": timeout,
            "transport": transport,
            "follow_redirects": False,
        }
        self._http: httpx.Client | None = None
        self._http_lock = threading.Lock()  # the counter's and the sync's threads both ask
        self.last_server_date: str | None = None
        self.requests = 0  # answers received: lets callers tell "healthy" from "did nothing"

    @property
    def _client(self) -> httpx.Client:
        """The httpx client, built (and httpx imported) on first use."""
        client = self._http
        if client is None:
            with self._http_lock:
                if self._http is None:
                    import httpx

                    options = dict(self._client_options)
                    options["timeout"] = _httpx_timeout(options["timeout"])
                    self._http = httpx.Client(**options)
                client = self._http
        return client

    def warm_up(self) -> None:
        """Import httpx and build the client now, so the first online check does not wait."""
        self._client  # noqa: B018 (the property builds it)

    def close(self) -> None:
        with self._http_lock:
            if self._http is not None:
                self._http.close()

    # -- low level --------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        timeout: Timeout | None = None,
        max_wait: float | None = None,
        priority: Priority = Priority.PULL,
    ) -> Any:
        """Send one request; return the decoded JSON (None for 204). Raises sync errors only.

        A 429 means the server did not act on the request, so it is sent again once the
        `Retry-After` delay has passed — unless the caller cannot wait that long (`max_wait`,
        the counter's quick check), which then gets RateLimited at once. `priority`: the
        process's scheduler serves the counter first, then pushes, pulls and images.
        """
        for _ in range(MAX_429_RETRIES):
            if not self.limiter.acquire(max_wait=max_wait, priority=priority):
                raise RateLimited(self.limiter.wait_time(priority))
            try:
                return self._send(method, path, params, timeout)
            except RateLimited as exc:
                if max_wait is not None and exc.retry_after > max_wait:
                    raise
                if exc.retry_after > MAX_RETRY_AFTER:
                    raise
        raise RateLimited(self.limiter.wait_time(priority))

    def _send(
        self,
        method: str,
        path: str,
        params: dict[str, Any] | None,
        timeout: Timeout | None,
    ) -> Any:
        import httpx

        mutating = method != "GET"
        limit = timeout or self._client.timeout
        # httpx's read timeout is per chunk: a server trickling bytes would hold us for ever.
        deadline = time.monotonic() + (limit.read or DEFAULT_TIMEOUT.read or 10.0) * 1.5
        try:
            request = self._client.build_request(
                method,
                path,
                params=params,
                timeout=_httpx_timeout(timeout) if timeout else httpx.USE_CLIENT_DEFAULT,
            )
            response = self._client.send(request, stream=True)
            try:
                content = self._read_capped(response, deadline, mutating)
            finally:
                response.close()
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise NetworkError(
                Phrase.of("sync.unreachable", kind=type(exc).__name__), maybe_sent=False
            ) from None
        except httpx.TimeoutException as exc:
            raise NetworkError(
                Phrase.of("sync.timeout", kind=type(exc).__name__), maybe_sent=mutating, late=True
            ) from None
        except httpx.HTTPError as exc:
            raise NetworkError(
                Phrase.of("sync.interrupted", kind=type(exc).__name__), maybe_sent=mutating
            ) from None
        self.last_server_date = response.headers.get("date")
        self.requests += 1
        return self._decode(response, content, mutating)

    @staticmethod
    def _read_capped(response: httpx.Response, deadline: float, mutating: bool) -> bytes:
        """The body, refused past MAX_BODY bytes or past the deadline (never all in memory
        first, never waiting for ever)."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY:
            raise BadResponse(Phrase.of("sync.too_big"))
        buf = bytearray()
        for chunk in response.iter_bytes():
            buf += chunk
            if len(buf) > MAX_BODY:
                raise BadResponse(Phrase.of("sync.too_big"))
            if time.monotonic() > deadline:
                raise NetworkError(Phrase.of("sync.too_slow"), maybe_sent=mutating, late=True)
        return bytes(buf)

    def _decode(self, response: httpx.Response, content: bytes, mutating: bool) -> Any:
        status = response.status_code
        if status == 429:
            retry_after = _retry_after(response.headers.get("retry-after"))
            foreign = self.limiter.pause(retry_after)
            log.info(
                "HTTP 429 on %s: next try in %.0f s (%s)",
                response.request.url.path,
                retry_after,
                "another user of the key" if foreign else "this kiosk's own budget",
            )
            raise RateLimited(retry_after)
        if status >= 500:
            raise NetworkError(Phrase.of("sync.server_error", status=status), maybe_sent=mutating)
        if status == 204:
            return None
        body: Any = None
        if content:
            try:
                body = json.loads(content)
            except (ValueError, UnicodeDecodeError, RecursionError):  # incl. absurd nesting
                if 200 <= status < 300:
                    raise BadResponse(Phrase.of("sync.bad_json")) from None
                body = content[:500].decode("utf-8", "replace")
        if status == 401:
            raise KeyRefused(Phrase.of("sync.key_refused"))
        if 200 <= status < 300:
            return body
        path = response.request.url.path
        if status == 404 and not (isinstance(body, dict) and body):
            # pcapi routes before it authenticates: an unknown path is 404 `{}` with any key.
            log.warning("HTTP 404 with an empty body on %s: wrong server address?", path)
            raise WrongAddress(Phrase.of("sync.wrong_address", path=path))
        if status == 403 and not (isinstance(body, dict) and {"payment", "booking"} & set(body)):
            if isinstance(body, dict) and body:  # the server said why: its words, not ours
                log.warning("HTTP 403 on %s: %s", path, server_words(body))
                raise KeyRefused(Phrase.of("sync.key_forbidden_said", words=server_words(body)))
            raise KeyRefused(Phrase.of("sync.key_forbidden"))
        # Any other 4xx that says why (a dict body) is a refusal in the server's own words.
        if status in (400, 403, 404, 410, 422) or (
            400 <= status < 500 and isinstance(body, dict) and body
        ):
            refusal = HttpRefusal(status, body)
            if status in (400, 422) or refusal.unknown_keys():
                log.warning("HTTP %s on %s: %s", status, path, refusal.words())
            raise refusal
        if body:
            log.warning("HTTP %s on %s: %s", status, path, server_words(body))
            raise BadResponse(
                Phrase.of("sync.unexpected_said", status=status, words=server_words(body))
            )
        raise BadResponse(Phrase.of("sync.unexpected_status", status=status))

    # -- bookings -----------------------------------------------------------------------
    def get_booking(self, token: str, *, quick: bool = False) -> dict[str, Any]:
        body = self.request(
            "GET",
            f"{BOOKINGS}/token/{token.upper()}",
            timeout=QUICK_TIMEOUT if quick else None,
            max_wait=0.5 if quick else None,
            priority=Priority.COUNTER if quick else Priority.PUSH,
        )
        return schema.booking_row(body)

    def use(self, token: str, *, quick: bool = False) -> None:
        self._patch("use", token, quick)

    def keep(self, token: str, *, quick: bool = False) -> None:
        self._patch("keep", token, quick)

    def _patch(self, action: str, token: str, quick: bool) -> None:
        self.request(
            "PATCH",
            f"{BOOKINGS}/{action}/token/{token.upper()}",
            timeout=QUICK_TIMEOUT if quick else None,
            max_wait=0.5 if quick else None,
            priority=Priority.COUNTER if quick else Priority.PUSH,
        )

    def bookings_page(
        self,
        *,
        first_index: int = 1,
        venue_id: int | None = None,
        offer_id: int | None = None,
        status: str | None = None,
    ) -> list[dict[str, Any]]:
        params: dict[str, Any] = {"firstIndex": first_index, "limit": PAGE_LIMIT}
        if venue_id is not None:
            params["venueId"] = venue_id
        if offer_id is not None:
            params["offerId"] = offer_id
        if status:
            params["status"] = status
        return schema.bookings_page(self.request("GET", f"{BOOKINGS}/bookings", params=params))

    # -- offers ---------------------------------------------------------------------------
    def offerer_venues(self) -> list[dict[str, Any]]:
        return schema.venues(self.request("GET", f"{OFFERS}/offerer_venues"))

    def offers_page(self, kind: str, venue_id: int, first_index: int = 1) -> list[Any]:
        """kind: "products" or "events". Raw items (validated by the caller's mapping)."""
        body = self.request(
            "GET",
            f"{OFFERS}/{kind}",
            params={"venueId": venue_id, "firstIndex": first_index, "limit": PAGE_LIMIT},
        )
        if not isinstance(body, dict) or not isinstance(body.get(kind), list):
            raise BadResponse(Phrase.of("server.list_expected", kind=kind))
        return list(body[kind])

    def event_dates(self, event_id: int, first_index: int = 1) -> Any:
        return self.request(
            "GET",
            f"{OFFERS}/events/{event_id}/dates",
            params={"firstIndex": first_index, "limit": PAGE_LIMIT},
        )

    def get_bytes(self, url: str, max_bytes: int = 2_000_000) -> bytes | None:
        """Download an offer image (any host); None on any failure. Never sends the key
        to another host."""
        import httpx

        try:
            same_host = url.startswith(self.base_url)
            # Only the API's own host counts against the key; last in line, never waiting long
            # (a missing image is a placeholder, tried again on a later pass).
            if same_host and not self.limiter.acquire(max_wait=5.0, priority=Priority.IMAGES):
                return None
            client = (
                self._client if same_host else httpx.Client(timeout=DEFAULT_TIMEOUT.for_httpx())
            )
            try:
                with client.stream("GET", url) as r:
                    if r.status_code != 200:
                        return None
                    data = b""
                    for chunk in r.iter_bytes():
                        data += chunk
                        if len(data) > max_bytes:
                            return None
                    return data
            finally:
                if not same_host:
                    client.close()
        except httpx.HTTPError:
            return None
