"""Push: drain the outbox to the central API. Each answer becomes done, conflict or retry.

Rules (docs/architecture.md, "Offline truth"):
- 204 → done. 410 "already validated" → done if an earlier attempt of this very operation may
  have reached the server (it was ours), else conflict "validée ailleurs".
- 410 cancelled, 403 reimbursed, 403 too early, 403 closed structure, 404, 400 and any
  refusal we do not know → conflicts (with the server's words), kept until acknowledged.
- keep (invalidate) refused 403 `payment` → conflict "paiement engagé": the booking stays USED.
- 404 with an empty body (unknown path: wrong server address) → stop, operations stay pending.
- 401/403 on the key → stop and say the key is refused (operations stay pending).
- 5xx, timeouts, connection errors → retry later (exponential backoff with jitter).
- Per token, operations go in order: a later one never overtakes an earlier one.
Before each PATCH the attempt is committed as possibly-sent, so a crash mid-request can never
turn our own validation into a false conflict.
"""

from __future__ import annotations

import logging
import random
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.engine import Connection

from kiosk.domain.booking import BookingStatus
from kiosk.domain.clock import Clock
from kiosk.domain.operations import Conflict, Operation, OpKind, OpState
from kiosk.store import audit, bookings, outbox
from kiosk.store.database import Database
from kiosk.sync.api import ApiClient
from kiosk.sync.conflicts import classify
from kiosk.sync.connectivity import Connectivity
from kiosk.sync.errors import (
    ApiError,
    BadResponse,
    HttpRefusal,
    KeyRefused,
    NetworkError,
    RateLimited,
    WrongAddress,
)
from kiosk.sync.limiter import Priority

log = logging.getLogger("kiosk.sync.push")


@dataclass
class Backoff:
    base: float = 2.0
    maximum: float = 300.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempts: int) -> float:
        raw = min(self.maximum, self.base * 2 ** max(0, attempts - 1))
        return float(raw * self.rng.uniform(0.5, 1.0))


@dataclass
class PushSummary:
    done: int = 0
    conflicts: int = 0
    retries: int = 0
    stopped: str | None = None  # why the round stopped early (offline, key refused, 429)


class _Settled(Exception):
    """Raised from inside a step that already settled the operation."""

    def __init__(self, state: OpState) -> None:
        super().__init__(state.value)
        self.state = state


class Stop(Exception):
    """End the push round (network down, key refused, rate limited)."""


class Pusher:
    def __init__(
        self,
        db: Database,
        client: ApiClient,
        connectivity: Connectivity,
        clock: Clock,
        backoff: Backoff | None = None,
    ) -> None:
        self.db = db
        self.client = client
        self.connectivity = connectivity
        self.clock = clock
        self.backoff = backoff or Backoff()
        self.lock = threading.Lock()  # one pusher at a time: never send an operation twice

    def push_due(self, *, ignore_backoff: bool = False) -> PushSummary:
        summary = PushSummary()
        with self.lock, self.db.connect_writer() as conn:
            with conn.begin():
                ops = outbox.pending(conn)
            blocked: set[str] = set()
            released = False  # once the lock was let go, `ops` may be stale
            now = self.clock()
            for op in ops:
                if op.token in blocked:
                    continue
                if not ignore_backoff and op.next_attempt_at and op.next_attempt_at > now:
                    blocked.add(op.token)
                    continue
                if self.client.limiter.wait_time(Priority.PUSH) > 0:
                    # Wait for the background share without the lock: the counter's own
                    # validations (push_op) must never queue behind this round.
                    self.lock.release()
                    try:
                        self.client.limiter.wait_for(Priority.PUSH)
                    finally:
                        self.lock.acquire()
                    released = True
                if released:  # the counter may have settled this one meanwhile
                    with conn.begin():
                        fresh = outbox.get(conn, op.op_id)
                    if fresh is None or fresh.state is not OpState.PENDING:
                        continue
                    op = fresh
                try:
                    state = self._push_one(conn, op, quick=False)
                except Stop as stop:
                    summary.stopped = str(stop)
                    break
                if state is OpState.DONE:
                    summary.done += 1
                elif state is OpState.CONFLICT:
                    summary.conflicts += 1
                else:
                    summary.retries += 1
                    blocked.add(op.token)
        return summary

    def push_op(self, op_id: str, *, quick: bool = True) -> OpState | None:
        """Settle one operation now (the counter's online validation). None when another push is
        running, an earlier operation on the same token is still pending, or no answer came."""
        if not self.lock.acquire(timeout=0.2):
            return None
        try:
            with self.db.connect_writer() as conn:
                with conn.begin():
                    op = outbox.get(conn, op_id)
                    if op is None or op.state is not OpState.PENDING:
                        return op.state if op else None
                    earlier = [o for o in outbox.pending_for_token(conn, op.token) if o.id < op.id]
                if earlier:
                    return None
                try:
                    state = self._push_one(conn, op, quick=quick)
                except Stop:
                    return None
                return state if state is not OpState.PENDING else None
        finally:
            self.lock.release()

    # -- one operation ------------------------------------------------------------------
    def _push_one(self, conn: Connection, op: Operation, *, quick: bool) -> OpState:
        # Settled at the time of the answer, not of the request (what the conflict list shows).
        learned: dict[str, Any] | None = None
        try:
            if op.unverified and op.kind is OpKind.USE:
                learned = self._verify_unverified(conn, op, quick)
                if learned is None:
                    return OpState.CONFLICT
            with conn.begin():
                outbox.mark_attempt(conn, op.op_id, ambiguous=True)
            started = self.clock()
            try:
                if op.kind is OpKind.USE:
                    self.client.use(op.token, quick=quick)
                else:
                    self.client.keep(op.token, quick=quick)
            except NetworkError as exc:
                if not exc.maybe_sent and not op.ambiguous:
                    with conn.begin():
                        outbox.mark_not_sent(conn, op.op_id)
                raise
            self.connectivity.success((self.clock() - started).total_seconds())
            with conn.begin():
                self._settle_done(conn, op, self.clock(), 204, learned)
            return OpState.DONE
        except _Settled as settled:
            return settled.state
        except HttpRefusal as refusal:
            self.connectivity.success()
            return self._settle_refusal(conn, op, refusal, self.clock())
        except KeyRefused as exc:
            self.connectivity.key_refused(exc.phrase or exc.message)
            raise Stop(exc.message) from None
        except RateLimited as exc:
            # a 429 (or our own scheduler) means the server did not act: not an ambiguous send
            self.connectivity.limited(exc.retry_after)
            with conn.begin():
                if not op.ambiguous:
                    outbox.mark_not_sent(conn, op.op_id)
            raise Stop(exc.message) from None
        except WrongAddress as exc:  # nothing reached pass Culture: not a conflict, not sent
            self.connectivity.failure(exc.message)
            with conn.begin():
                if not op.ambiguous:
                    outbox.mark_not_sent(conn, op.op_id)
            self._retry(conn, op, exc.message, ambiguous=False)
            raise Stop(exc.message) from None
        except NetworkError as exc:
            self.connectivity.failure(exc.phrase or exc.message)
            self._retry(conn, op, exc.message, ambiguous=exc.maybe_sent)
            if not exc.maybe_sent:
                raise Stop(exc.message) from None
            return OpState.PENDING
        except BadResponse as exc:
            self._retry(conn, op, exc.message, ambiguous=True)
            return OpState.PENDING
        except ApiError as exc:  # pragma: no cover - every subclass is handled above
            self._retry(conn, op, exc.message, ambiguous=True)
            return OpState.PENDING

    def _verify_unverified(
        self, conn: Connection, op: Operation, quick: bool
    ) -> dict[str, Any] | None:
        """A validation recorded *to confirm*: learn which booking the token really is first.
        Returns the booking row, or None after recording a conflict."""
        try:
            row = self.client.get_booking(op.token, quick=quick)
        except HttpRefusal as refusal:
            now = self.clock()
            if refusal.status == 410 and op.ambiguous:
                _key, msg = refusal.field()
                if "cancel" not in msg.lower():
                    with conn.begin():
                        self._settle_done(conn, op, now, 410, None)
                    raise _Settled(OpState.DONE) from None
            self._settle_refusal(conn, op, refusal, now)
            return None
        now = self.clock()
        if op.booking_id is not None and row["id"] != op.booking_id:
            with conn.begin():
                outbox.mark_conflict(
                    conn,
                    op.op_id,
                    now,
                    200,
                    Conflict.MISMATCH.value,
                    f"Réservation {row['id']} au lieu de {op.booking_id}",
                )
                self._restore_booking(conn, op.booking_id, BookingStatus.CONFIRMED)
                self._audit(conn, op, now, "conflict", Conflict.MISMATCH.value)
            return None
        return row

    def _settle_done(
        self,
        conn: Connection,
        op: Operation,
        now: datetime,
        status: int,
        learned: dict[str, Any] | None,
    ) -> None:
        outbox.mark_done(conn, op.op_id, now, status)
        if learned is not None:
            learned = dict(learned)
            bookings.upsert(conn, [learned], now)
            bookings.learn_token(conn, learned["id"], op.token, "online")
            if op.kind is OpKind.USE:
                bookings.set_use_state(
                    conn,
                    learned["id"],
                    BookingStatus.USED,
                    used_at=op.created_at,
                    used_counter=op.counter,
                    used_staff=op.staff,
                )
        self._audit(conn, op, now, "synced", "done")

    def _settle_refusal(
        self, conn: Connection, op: Operation, refusal: HttpRefusal, now: datetime
    ) -> OpState:
        _verdict, conflict = classify(refusal, op.kind)
        ours = op.ambiguous and (
            (op.kind is OpKind.USE and conflict is Conflict.USED_ELSEWHERE)
            or (op.kind is OpKind.KEEP and conflict is Conflict.NOT_USED)
        )
        with conn.begin():
            if ours:
                self._settle_done(conn, op, now, refusal.status, None)
                return OpState.DONE
            words = refusal.words()  # verbatim: the conflict list and the verdict quote it
            outbox.mark_conflict(conn, op.op_id, now, refusal.status, conflict.value, words)
            booking_id = op.booking_id
            if booking_id is None:
                found = bookings.by_token(conn, op.token)
                booking_id = found.id if found else None
            if booking_id is not None:
                new_status = {
                    Conflict.CANCELLED: BookingStatus.CANCELLED,
                    Conflict.REIMBURSED: BookingStatus.REIMBURSED,
                    Conflict.USED_ELSEWHERE: BookingStatus.USED,
                    Conflict.NOT_USED: BookingStatus.CONFIRMED,
                    Conflict.PAYMENT_LOCKED: BookingStatus.USED,  # still used, being paid
                }.get(conflict)
                if new_status is None and op.kind is OpKind.USE:
                    new_status = BookingStatus.CONFIRMED
                if new_status is not None:
                    self._restore_booking(conn, booking_id, new_status)
            self._audit(conn, op, now, "conflict", conflict.value)
        log.info(
            "operation %s on %s: conflict %s (HTTP %s: %s)",
            op.kind,
            op.token,
            conflict.value,
            refusal.status,
            refusal.words(),
        )
        return OpState.CONFLICT

    def _restore_booking(self, conn: Connection, booking_id: int, status: BookingStatus) -> None:
        # Used elsewhere, not here: no counter or staff of ours, the use time is left as is.
        used_at = bookings.KEEP if status is BookingStatus.USED else None
        bookings.set_use_state(conn, booking_id, status, used_at=used_at)

    def _retry(self, conn: Connection, op: Operation, error: str, *, ambiguous: bool) -> None:
        delay = self.backoff.delay(op.attempts + 1)
        with conn.begin():
            outbox.mark_retry(
                conn, op.op_id, self.clock() + timedelta(seconds=delay), error, ambiguous=ambiguous
            )

    def _audit(
        self, conn: Connection, op: Operation, now: datetime, action: str, outcome: str
    ) -> None:
        audit.log(
            conn,
            at=now,
            action=action,
            token=op.token,
            booking_id=op.booking_id,
            op_id=op.op_id,
            counter=op.counter,
            staff=op.staff,
            outcome=outcome,
        )
