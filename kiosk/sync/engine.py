"""The sync engine: push before pull, on a schedule, in a worker thread; and the counter's
online channel (quick lookups, immediate push of a new validation).

Schedule (when running): push due operations every few seconds; new bookings every minute;
the active set re-checked every ten minutes (cancellations); offers and a full booking walk
every few hours. Everything here is plain Python: the UI runs it in a thread and listens to
`Connectivity` and the progress callback.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from kiosk.domain.clock import Clock, utcnow
from kiosk.domain.errors import KioskError
from kiosk.domain.online import OnlineAnswer
from kiosk.domain.operations import OpKind, OpState
from kiosk.domain.texts import Phrase
from kiosk.domain.verdict import Verdict, VerdictKind
from kiosk.store import backup, outbox, retention, state
from kiosk.store.database import Database
from kiosk.sync.api import ApiClient
from kiosk.sync.conflicts import classify
from kiosk.sync.connectivity import Connectivity, NetState
from kiosk.sync.errors import (
    ApiError,
    HttpRefusal,
    KeyRefused,
    NetworkError,
    RateLimited,
)
from kiosk.sync.images import FetchSummary, ImageCache, images_dir, offer_image_urls
from kiosk.sync.pager import Progress
from kiosk.sync.pager import no_progress as _noop
from kiosk.sync.pull import Puller
from kiosk.sync.push import Backoff, Pusher, PushSummary

log = logging.getLogger("kiosk.sync")

NEW_BOOKINGS_EVERY = 60.0
ACTIVE_REFRESH_EVERY = 600.0
FULL_REFRESH_EVERY = 6 * 3600.0
BACKUP_EVERY = 4 * 3600.0
RETENTION_EVERY = 24 * 3600.0
CATALOGUE_PAGES = 20  # pages of the other venues' offers per pass: pushes never wait long
IMAGE_BATCH = 100  # images per sync pass, so pushes never wait long behind downloads


@dataclass
class SyncSummary:
    pushed: int = 0
    conflicts: int = 0
    retries: int = 0
    pulled_bookings: int = 0
    pulled_offers: int = 0
    duration: float = 0.0
    error: str | None = None  # French (logs, the CLI)
    error_phrase: Phrase | None = None  # the same, for the window's language

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "error_phrase"}

    def error_text(self, lang: str = "fr") -> str | None:
        """Why the round stopped, in `lang` (French when the cause has no catalogue id)."""
        if self.error_phrase is not None:
            return self.error_phrase.text(lang)
        return self.error

    def fail(self, exc: KioskError) -> None:
        self.error, self.error_phrase = exc.message, exc.phrase


@dataclass
class Status:
    state: NetState
    reason: str
    pending: int
    conflicts: int
    data_as_of: datetime | None
    extra: dict[str, Any] = field(default_factory=dict)
    last_error: str | None = None  # why the last sync round ended early (the server's words)


# Why connectivity went offline when pass Culture was reached but answered too slowly.
LATE_REASONS = frozenset({"net.late", "net.too_slow", "sync.timeout", "sync.too_slow"})


class SyncEngine:
    def __init__(
        self,
        db: Database,
        client: ApiClient,
        venue_ids: list[int],
        *,
        clock: Clock = utcnow,
        connectivity: Connectivity | None = None,
        backoff: Backoff | None = None,
        retention_days: int = retention.DEFAULT_DAYS,
    ) -> None:
        self.db = db
        self.client = client
        self.venue_ids = list(venue_ids)
        self.clock = clock
        self.connectivity = connectivity or Connectivity()
        self.pusher = Pusher(db, client, self.connectivity, clock, backoff)
        self.puller = Puller(db, client, self.venue_ids, clock)
        self._last: dict[str, float] = {}
        self._pull_lock = threading.Lock()
        self.retention_days = retention_days
        self._images_pending = False  # set by an offers pull, cleared once all are cached
        self._catalogue_rest_until = 0.0  # monotonic time of the next other venues' pass
        self._counter_pulled = False  # a full pull of the counter's own lists completed
        self.last_error: str | None = None  # the last round's error, None once one succeeds
        self._limited_until = 0.0  # monotonic: the last online check was refused (429) until
        self._late = False  # the last online check timed out on a server that was reached

    # -- OnlineChannel (used by kiosk.services.counter.Counter) ------------------------------
    def is_online(self) -> bool:
        return self.connectivity.is_online()

    def lookup(self, token: str) -> OnlineAnswer | None:
        started = time.monotonic()
        self._late = False
        try:
            row = self.client.get_booking(token, quick=True)
        except HttpRefusal as refusal:
            self.connectivity.success(time.monotonic() - started)
            verdict, _ = classify(refusal, OpKind.USE)
            return OnlineAnswer(verdict, None, refusal.words())  # verbatim
        except KeyRefused as exc:
            self.connectivity.key_refused(exc.phrase or exc.message)
            return None
        except NetworkError as exc:
            self._late = exc.late
            said = Phrase.of("net.late") if exc.late else exc.phrase or exc.message
            self.connectivity.failure(said)
            return None
        except RateLimited as exc:
            # The key's budget is spent (here or by another process of the structure): not an
            # outage. The counter decides locally and says when the server takes requests again.
            self._limited_until = started + exc.retry_after
            self.connectivity.limited(exc.retry_after)
            return None
        except ApiError as exc:
            log.warning("online check failed: %s", exc.message)
            return None
        self._limited_until = 0.0
        self.connectivity.success(time.monotonic() - started)
        return OnlineAnswer(Verdict(VerdictKind.VALIDABLE), row)

    def limited_for(self) -> float | None:
        """Seconds before the server takes the counter's requests again, when the last online
        check was refused with 429; None otherwise."""
        left = self._limited_until - time.monotonic()
        return left if left > 0 else None

    def late(self) -> bool:
        if self.connectivity.is_online():
            return self._late  # the last online check timed out
        # Offline: because pass Culture answered too slowly (not unreachable)?
        said = self.connectivity.said
        return isinstance(said, Phrase) and said.msg_id in LATE_REASONS

    def push_now(self, op_id: str) -> OpState | None:
        return self.pusher.push_op(op_id, quick=True)

    # -- sync ---------------------------------------------------------------------------
    def push(self, *, ignore_backoff: bool = False) -> PushSummary:
        return self.pusher.push_due(ignore_backoff=ignore_backoff)

    def sync_once(self, *, full: bool = False, progress: Progress = _noop) -> SyncSummary:
        """Push, then pull. `full`: venues, every booking, then offers (first sync, `--once`)."""

        def pull(summary: SyncSummary) -> bool:
            if not full:
                summary.pulled_bookings = self.puller.bookings_new()
                return False
            # In the order the counter needs: its bookings first (a scan can be answered
            # locally), then the offers (names, dates, prices), then images (later passes).
            progress("venues", 0, None)
            self.puller.venues()
            summary.pulled_bookings = self.puller.bookings_full(progress)
            summary.pulled_offers = self.puller.offers(progress)
            self._counter_pulled = True
            progress("images", 0, None)  # fetched by the round once the pull is done
            return True

        summary = self._round(pull, ignore_backoff=True)
        log.info("sync %s: %s", "full" if full else "new", summary.as_dict())
        return summary

    def tick(self, progress: Progress = _noop) -> SyncSummary:
        """One pass of the schedule; call every few seconds from the sync thread."""
        now = time.monotonic()

        def due(name: str, every: float) -> bool:
            last = self._last.get(name)
            if last is None or now - last >= every:
                self._last[name] = now
                return True
            return False

        def pull(summary: SyncSummary) -> bool:
            if due("full", FULL_REFRESH_EVERY):
                self._last["new"] = self._last["active"] = now
                self.puller.venues()
                summary.pulled_bookings = self.puller.bookings_full(progress)
                summary.pulled_offers = self.puller.offers(progress)
                self._counter_pulled = True
                return True
            if due("active", ACTIVE_REFRESH_EVERY):
                summary.pulled_bookings = self.puller.bookings_active()
            elif due("new", NEW_BOOKINGS_EVERY):
                summary.pulled_bookings = self.puller.bookings_new()
            return self._catalogue_pass(summary)

        self._maintenance(due)
        return self._round(pull, ignore_backoff=False)

    def _catalogue_pass(self, summary: SyncSummary) -> bool:
        """A few pages of the key's other venues' offers (librarian mode), after the counter's
        own lists; each list again once older than a full refresh. True when offers came in
        (their images are due)."""
        now = time.monotonic()
        if not self._counter_pulled or now < self._catalogue_rest_until:
            return False  # the counter's own lists first; then at the catalogue's own pace
        # Resting first: a refused list (an error ends the round) is not asked again at once.
        self._catalogue_rest_until = now + ACTIVE_REFRESH_EVERY
        rows, fresh = self.puller.catalogue_offers(
            CATALOGUE_PAGES, timedelta(seconds=FULL_REFRESH_EVERY)
        )
        if not fresh:  # more pages at the next pass
            self._catalogue_rest_until = 0.0
        summary.pulled_offers += rows
        return rows > 0

    def _round(self, pull: Callable[[SyncSummary], bool], *, ignore_backoff: bool) -> SyncSummary:
        """Push before pull; `pull` fills the summary and says whether images are due. Errors
        end the round and are reported in the summary, never raised."""
        t0 = time.monotonic()
        answers = self.client.requests
        summary = SyncSummary()
        try:
            pushed = self.push(ignore_backoff=ignore_backoff)
            summary.pushed, summary.conflicts, summary.retries = (
                pushed.done,
                pushed.conflicts,
                pushed.retries,
            )
            if pushed.stopped and not self.connectivity.is_online():
                summary.error = pushed.stopped  # offline or key refused: nothing to pull
                return summary
            with self._pull_lock:
                if pull(summary):
                    self._images_pending = True
            if self._images_pending and self.connectivity.is_online():
                self.fetch_images()
            if self.client.requests > answers:  # only a real answer proves the network healthy
                self.connectivity.success()
        except KeyRefused as exc:
            self.connectivity.key_refused(exc.phrase or exc.message)
            summary.fail(exc)
        except NetworkError as exc:
            self.connectivity.failure(exc.phrase or exc.message)
            summary.fail(exc)
            if self._never_pulled():
                self._last.pop("full", None)  # the first full pull is retried next pass
        except ApiError as exc:
            # A refusal (400 on a list's parameters, a body we do not know) ends this round only:
            # each list is asked again on its own schedule, never in a tight loop.
            log.warning("sync round stopped: %s", exc.message)
            summary.fail(exc)
        finally:
            summary.duration = time.monotonic() - t0
            self.last_error = summary.error
        return summary

    def _maintenance(self, due: Any) -> None:
        """Local housekeeping, online or not: retention purge daily, a backup every few hours.
        A failure is logged and retried next time; it never stops the sync."""
        if due("retention", RETENTION_EVERY):
            try:
                erased = retention.purge(self.db, self.clock(), self.retention_days)
                if erased:
                    log.info("retention: names erased from %d closed bookings", erased)
            except Exception as exc:
                log.warning("retention purge failed: %s", exc)
                self._last.pop("retention", None)
        if due("backup", BACKUP_EVERY):
            try:
                backup.take_backup(self.db.path, now=self.clock())
            except Exception as exc:
                log.warning("backup failed: %s", exc)
                self._last.pop("backup", None)

    def fetch_images(self, batch: int = IMAGE_BATCH) -> FetchSummary | None:
        """Download a batch of the offers' missing images into the bounded cache; the next
        passes continue until all are there. Never raises: a missing image only means a
        placeholder on screen."""
        try:
            cache = ImageCache(images_dir(self.db.path))
            urls = offer_image_urls(self.db)
            summary = cache.fetch_all(urls, self.client.get_bytes, max_downloads=batch)
        except Exception:
            log.exception("image download failed")
            return None
        self._images_pending = summary.more
        return summary

    def _never_pulled(self) -> bool:
        with self.db.connect() as conn, conn.begin():
            return state.get_time(conn, state.PULLED_AT) is None

    def run(self, stop: threading.Event, interval: float = 3.0, progress: Progress = _noop) -> None:
        """The sync thread's loop, until `stop` is set. Never raises."""
        while not stop.is_set():
            try:
                self.tick(progress)
            except Exception:  # a bug must not kill the sync thread; it is logged
                log.exception("sync tick failed")
            stop.wait(interval)

    def probe(self) -> bool:
        """One cheap authenticated call, to tell online from offline (and a refused key)."""
        started = time.monotonic()
        try:
            self.client.offerer_venues()
        except KeyRefused as exc:
            self.connectivity.key_refused(exc.phrase or exc.message)
            return False
        except ApiError as exc:
            for _ in range(self.connectivity.failures_to_offline):
                self.connectivity.failure(exc.phrase or exc.message)
            return False
        self.connectivity.success(time.monotonic() - started)
        return True

    def status(self) -> Status:
        with self.db.connect() as conn, conn.begin():
            counts = outbox.counts(conn)
            as_of = state.get_time(conn, state.PULLED_AT)
        return Status(
            self.connectivity.state,
            self.connectivity.reason,
            counts["pending"],
            counts["conflicts"],
            as_of,
            last_error=self.last_error,
        )
