"""The counter service: check, validate, unvalidate. Plain Python, used by the CLI, the UI,
the tests and the benchmarks alike.

Every validation is written locally first, in ONE committed transaction (booking state, outbox
row, audit row) before anyone is told "Validée"; the online channel (when there is one and the
network is healthy) is asked afterwards and may turn the answer into a conflict at once.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from kiosk.domain.booking import Booking, BookingStatus
from kiosk.domain.clock import Clock, utcnow
from kiosk.domain.online import OnlineChannel
from kiosk.domain.operations import Conflict, Operation, OpKind, OpState
from kiosk.domain.payload import ParsedScan, parse_payload
from kiosk.domain.rules import decide
from kiosk.domain.timezones import local
from kiosk.domain.verdict import Verdict, VerdictKind
from kiosk.store import audit, bookings, outbox, state
from kiosk.store.database import Database, storage_error

log = logging.getLogger("kiosk.services.counter")  # tokens and ids only: never the youth's name

Source = Literal["local", "online"]

# A validation at another counter that pass Culture refused for one of these is used all the same.
_STILL_USED = frozenset({Conflict.USED_ELSEWHERE.value, Conflict.PAYMENT_LOCKED.value})


@dataclass(frozen=True, slots=True)
class CheckResult:
    scan: ParsedScan
    token: str | None
    booking: Booking | None
    verdict: Verdict
    source: Source  # decided online, or from the local cache
    data_as_of: datetime | None  # when the cache was last refreshed from the server
    op_id: str | None = None  # validate/unvalidate: the recorded operation
    op_state: OpState | None = None
    unverified: bool = False
    # Decided locally because pass Culture limits the key's requests (429): seconds before it
    # takes them again. Not an outage: the verdict says so.
    limited_for: float | None = None
    # Decided locally because pass Culture did not answer the online check in time (a slow or
    # loaded server): not "injoignable".
    late: bool = False

    @property
    def ok(self) -> bool:
        return self.verdict.kind in (
            VerdictKind.VALIDABLE,
            VerdictKind.VALIDATED,
            VerdictKind.UNVALIDATED,
            VerdictKind.TO_CONFIRM,
        )


class Counter:
    """One counter: the venues it serves, its name, and the local database."""

    def __init__(
        self,
        db: Database,
        *,
        venue_ids: Collection[int] = (),
        counter_name: str = "Guichet",
        kiosk_id: str = "",
        clock: Clock = utcnow,
        channel: OnlineChannel | None = None,
    ) -> None:
        self.db = db
        self.venue_ids = frozenset(venue_ids)
        self.counter_name = counter_name
        self.kiosk_id = kiosk_id
        self.clock = clock
        self.channel = channel
        # Called after each commit that recorded something the other counters of the venue
        # should hear of (an operation, a token learned): the mesh publishes it at once.
        self.on_recorded: Callable[[], None] | None = None
        self._local = threading.local()

    # -- connections: one per thread, kept open (the hot path is a single indexed lookup) --
    def _conn(self) -> Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self.db.connect_writer()
            self._local.conn = conn
        return conn

    def _reader(self) -> Any:
        """A raw DBAPI connection for the scan hot path (autocommit reads, no write lock)."""
        raw = getattr(self._local, "raw", None)
        if raw is None:
            raw = self.db.engine.raw_connection()
            self._local.raw = raw
        return raw.driver_connection

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
        raw = getattr(self._local, "raw", None)
        if raw is not None:
            raw.close()
            self._local.raw = None

    def data_as_of(self) -> datetime | None:
        # Reads use a plain (deferred) transaction: the writer connection's BEGIN IMMEDIATE
        # would queue them behind the sync thread's writes for nothing.
        with self.db.connect() as conn, conn.begin():
            return state.get_time(conn, state.PULLED_AT)

    # -- check --------------------------------------------------------------------------
    def check(self, payload: str, *, online: bool = True) -> CheckResult:
        """Booking card and verdict for a scan. Changes nothing but the token index."""
        result = self.check_local(payload)
        if online and result.token and self._online():
            result = self.check_online(result)
        log.info("scan %s: %s (%s)", result.token, result.verdict.kind.value, result.source)
        return result

    def check_local(self, payload: str) -> CheckResult:
        scan = parse_payload(payload)
        if not scan.ok:
            return CheckResult(
                scan,
                None,
                None,
                Verdict(
                    VerdictKind.INVALID_SCAN,
                    reason=scan.reason,
                    reason_id=scan.rejection.msg_id if scan.rejection else None,
                ),
                "local",
                None,
            )
        try:
            token, look = self._find(self._reader(), scan)
        except sqlite3.Error as exc:  # the raw hot path: damaged file, I/O error
            raise storage_error(exc) from None
        verdict = self._here(self._reader(), token, self._verdict(look))
        result = CheckResult(scan, token, look.booking, verdict, "local", look.pulled_at)
        if self.channel is not None and not self.channel.is_online() and self.channel.late():
            return self._late(result)  # offline because pass Culture answers too slowly
        return result

    @staticmethod
    def _late(result: CheckResult) -> CheckResult:
        """Decided locally because pass Culture did not answer in time: said so, not
        "injoignable"."""
        verdict = result.verdict
        if verdict.kind is VerdictKind.UNKNOWN_OFFLINE:
            verdict = replace(verdict, late=True)
        return replace(result, verdict=verdict, late=True)

    def check_online(self, result: CheckResult) -> CheckResult:
        """Refine a local result with the server's answer; keep the local one if none."""
        if self.channel is None or result.token is None:
            return result
        with self.db.connect() as conn, conn.begin():
            asked = outbox.watermark(conn)  # what the answer may not know yet
        answer = self.channel.lookup(result.token)
        if answer is None:
            limited = self.channel.limited_for()
            if limited is None:
                return self._late(result) if self.channel.late() else result
            verdict = result.verdict
            if verdict.kind is VerdictKind.UNKNOWN_OFFLINE:
                verdict = replace(verdict, rate_limited=True)  # not "unreachable": limited
            return replace(result, verdict=verdict, limited_for=limited)
        try:
            return self._refine(result, answer, asked)
        except (DBAPIError, sqlite3.Error) as exc:  # caching the answer failed (disk full…)
            raise storage_error(exc) from None

    def _refine(self, result: CheckResult, answer: Any, asked: outbox.Watermark) -> CheckResult:
        booking = result.booking
        conn = self._conn()
        with conn.begin():
            if answer.booking_row is not None:
                bookings.upsert(conn, [answer.booking_row], self.clock(), asked=asked)
                bookings.learn_token(conn, answer.booking_row["id"], result.token, "online")
                booking = bookings.by_id(conn, answer.booking_row["id"])
            verdict = answer.verdict
            if answer.verdict.kind is VerdictKind.VALIDABLE and booking is not None:
                # The server says usable; our venue check still applies (a key may see several
                # venues while this counter serves one).
                verdict = decide(booking, self.venue_ids, self.clock())
                look = bookings.lookup(self._raw(conn), result.token)
                peer = look.peer if look.peer_is_latest() else None
                if (
                    verdict.kind is VerdictKind.VALIDABLE
                    and peer is not None
                    and peer.kind == OpKind.USE.value
                    and peer.state is None
                ):
                    # Another counter of the venue let the youth in and its validation is on
                    # its way to pass Culture: the server cannot know yet.
                    verdict = Verdict(
                        VerdictKind.ALREADY_USED,
                        used_at=peer.created_at,
                        used_counter=peer.counter,
                        used_staff=peer.staff,
                        department_code=booking.department_code,
                        unconfirmed=True,
                    )
            elif answer.verdict.kind is VerdictKind.ALREADY_USED and booking is not None:
                local = decide(booking, self.venue_ids, self.clock())
                if local.kind is VerdictKind.ALREADY_USED:
                    verdict = local  # ours knows when, where and by whom
            elif answer.verdict.kind is VerdictKind.TOO_EARLY and booking is not None:
                local = decide(booking, self.venue_ids, self.clock())
                if local.kind is VerdictKind.TOO_EARLY and local.available_from is not None:
                    verdict = local  # the booking's own limit, in its department's time
            elif answer.verdict.kind is VerdictKind.UNKNOWN and booking is not None:
                local = decide(booking, self.venue_ids, self.clock())
                if local.kind is VerdictKind.WRONG_VENUE:
                    verdict = local
            pending = outbox.pending_for_token(conn, result.token)
            if pending and pending[-1].kind is OpKind.USE:
                verdict = self._used_here(booking, pending[-1])
            verdict = self._here(self._raw(conn), result.token, verdict)
        self._recorded()  # a token learned online
        return replace(result, booking=booking, verdict=verdict, source="online")

    # -- validate -----------------------------------------------------------------------
    def validate(
        self,
        payload: str,
        *,
        staff: str | None = None,
        unverified: bool = False,
        booking_id: int | None = None,
    ) -> CheckResult:
        """Record a validation. `unverified`: staff record a token unknown offline *to confirm*
        (optionally tied to a booking they picked by name); sync settles it."""
        first = self.check_local(payload)
        if first.token is None:
            return first
        if first.booking is None and not unverified and self._online():
            first = self.check_online(first)  # learn the booking from the server first
        now = self.clock()
        conn = self._conn()
        try:
            with conn.begin():
                token, look = self._find(self._raw(conn), first.scan)
                booking = look.booking
                verdict = self._verdict(look)
                if verdict.kind is VerdictKind.UNKNOWN_OFFLINE and unverified:
                    if booking_id is not None:
                        booking = bookings.by_id(conn, booking_id)
                        if booking is None:
                            raise LookupError(booking_id)
                        verdict = decide(booking, self.venue_ids, now)
                        if verdict.kind is VerdictKind.VALIDABLE:
                            verdict = Verdict(VerdictKind.TO_CONFIRM)
                    else:
                        verdict = Verdict(VerdictKind.TO_CONFIRM)
                if verdict.kind not in (VerdictKind.VALIDABLE, VerdictKind.TO_CONFIRM):
                    if verdict.kind is VerdictKind.UNKNOWN_OFFLINE and first.source == "online":
                        return first  # the server's refusal (cancelled, unknown…) is the answer
                    if verdict.kind is first.verdict.kind is VerdictKind.UNKNOWN_OFFLINE:
                        verdict = first.verdict  # why it is unknown: limited, late
                    return replace(first, booking=booking, verdict=verdict)
                op_id, booking = self._record(
                    conn, OpKind.USE, token, booking, now, staff, verdict.kind
                )
        except (DBAPIError, sqlite3.Error) as exc:
            raise storage_error(exc) from None
        done_kind = VerdictKind.VALIDATED if verdict.kind is VerdictKind.VALIDABLE else verdict.kind
        result = replace(
            first,
            token=token,
            booking=booking,
            verdict=Verdict(done_kind),
            op_id=op_id,
            op_state=OpState.PENDING,
            unverified=done_kind is VerdictKind.TO_CONFIRM,
        )
        return self._push(result)

    def unvalidate(self, payload: str, *, staff: str | None = None) -> CheckResult:
        """Invalidate ("Invalider"): refused unless the booking is used and not reimbursed."""
        first = self.check_local(payload)
        if first.token is None:
            return first
        now = self.clock()
        conn = self._conn()
        try:
            with conn.begin():
                token, look = self._find(self._raw(conn), first.scan)
                booking = look.booking
                verdict = self._verdict(look)
                if verdict.kind is not VerdictKind.ALREADY_USED:
                    if verdict.kind is VerdictKind.VALIDABLE or (
                        verdict.kind is VerdictKind.TOO_EARLY
                    ):
                        verdict = Verdict(VerdictKind.NOT_USED)
                    return replace(first, booking=booking, verdict=verdict)
                op_id, booking = self._record(
                    conn, OpKind.KEEP, token, booking, now, staff, VerdictKind.UNVALIDATED
                )
        except (DBAPIError, sqlite3.Error) as exc:
            raise storage_error(exc) from None
        result = replace(
            first,
            token=token,
            booking=booking,
            verdict=Verdict(VerdictKind.UNVALIDATED),
            op_id=op_id,
            op_state=OpState.PENDING,
        )
        return self._push(result)

    def conflict_verdict(self, op_id: str) -> Verdict | None:
        """What to show for a recorded operation pass Culture refused after the fact (the
        refusal's verdict, e.g. ANNULÉE); None while it is not a conflict."""
        from kiosk.sync.conflicts import verdict_for_conflict

        with self.db.connect() as conn, conn.begin():
            op = outbox.get(conn, op_id)
        if op is None or op.state is not OpState.CONFLICT:
            return None
        return verdict_for_conflict(op)

    def find_to_collect(self, query: str, limit: int = 30) -> list[Booking]:
        """Bookings still to collect at this counter's venues, by the youth's name."""
        with self.db.connect() as conn, conn.begin():
            return bookings.find_to_collect(conn, query, self.venue_ids, limit)

    # -- internals ----------------------------------------------------------------------
    def _online(self) -> bool:
        return self.channel is not None and self.channel.is_online()

    @staticmethod
    def _raw(conn: Connection) -> Any:
        return conn.connection.driver_connection

    def _find(self, raw: Any, scan: ParsedScan) -> tuple[str, bookings.Lookup]:
        """The first candidate token the cache knows (or has pending operations for)."""
        first: bookings.Lookup | None = None
        for candidate in scan.candidates:
            look = bookings.lookup(raw, candidate)
            if look.booking is not None or look.pending is not None or look.peer is not None:
                return candidate, look
            first = first or look
        assert first is not None
        # Not in the cache, nothing pending: a validation this counter already sent may still
        # be the only trace (one settled by a 410 as ours never teaches the booking). Without
        # this, the same code scanned offline again would be recorded "to confirm" twice.
        for candidate in scan.candidates:
            done = bookings.last_done_op(raw, candidate)
            if done is not None and done.kind == OpKind.USE.value:
                return candidate, replace(first, pending=done)
        return scan.candidates[0], first

    def _verdict(self, look: bookings.Lookup) -> Verdict:
        dept = look.booking.department_code if look.booking else None
        peer = look.peer
        booking = look.booking
        if booking is not None and self.venue_ids and booking.venue_id not in self.venue_ids:
            peer = None  # another venue's booking stays "autre lieu", whoever used it
        if peer is not None and look.peer_is_latest():
            # Another counter of the venue acted on this code after this one's latest operation
            # (pending or settled), or this one never did: its operation is the freshest word
            # until the server's own. An older one gives way to this counter's.
            if peer.kind == OpKind.USE.value and peer.state != OpState.CONFLICT.value:
                return Verdict(
                    VerdictKind.ALREADY_USED,
                    used_at=peer.created_at,
                    used_counter=peer.counter,
                    used_staff=peer.staff,
                    department_code=dept,
                    unconfirmed=peer.state is None,
                )
            if peer.kind == OpKind.USE.value and peer.conflict in _STILL_USED:
                return Verdict(VerdictKind.ALREADY_USED, department_code=dept)
            # An invalidation there (or a validation pass Culture refused): the cache decides,
            # but a use it shows from before that invalidation is undone by it.
            if (
                peer.kind == OpKind.KEEP.value
                and peer.state != OpState.CONFLICT.value
                and booking is not None
                and booking.status is BookingStatus.USED
                and (booking.used_at is None or booking.used_at <= peer.created_at)
            ):
                booking = replace(
                    booking,
                    status=BookingStatus.CONFIRMED,
                    used_at=None,
                    used_counter=None,
                    used_staff=None,
                )
            return decide(booking, self.venue_ids, self.clock())
        if look.pending is not None and look.pending.kind == OpKind.USE.value:
            p = look.pending
            return Verdict(
                VerdictKind.ALREADY_USED,
                used_at=p.created_at,
                used_counter=p.counter,
                used_staff=p.staff,
                department_code=dept,
            )
        return decide(look.booking, self.venue_ids, self.clock())

    def _here(self, raw: Any, token: str | None, verdict: Verdict) -> Verdict:
        """ALREADY_USED by this kiosk's own last operation on the code: say so ("validée ici")."""
        if verdict.kind is not VerdictKind.ALREADY_USED or not token:
            return verdict
        at = bookings.used_here_at(raw, token, self.kiosk_id)
        if at is None:
            return verdict
        dept = verdict.department_code
        today = local(at, dept).date() == local(self.clock(), dept).date()
        return replace(verdict, used_at=at, used_here=True, used_today=today)

    def _used_here(self, booking: Booking | None, op: Operation) -> Verdict:
        return Verdict(
            VerdictKind.ALREADY_USED,
            used_at=op.created_at,
            used_counter=op.counter,
            used_staff=op.staff,
            department_code=booking.department_code if booking else None,
        )

    def _record(
        self,
        conn: Connection,
        kind: OpKind,
        token: str,
        booking: Booking | None,
        now: datetime,
        staff: str | None,
        outcome: VerdictKind,
    ) -> tuple[str, Booking | None]:
        """Inside the caller's transaction: the outbox row, the booking's new local state and
        the audit row — together or not at all."""
        op_id = outbox.record(
            conn,
            kind=kind,
            token=token,
            booking_id=booking.id if booking else None,
            now=now,
            counter=self.counter_name,
            staff=staff,
            kiosk_id=self.kiosk_id,
            unverified=outcome is VerdictKind.TO_CONFIRM,
        )
        if booking is not None:
            if kind is OpKind.USE:
                bookings.set_use_state(
                    conn,
                    booking.id,
                    BookingStatus.USED,
                    used_at=now,
                    used_counter=self.counter_name,
                    used_staff=staff,
                )
            else:
                bookings.set_use_state(conn, booking.id, BookingStatus.CONFIRMED)
            booking = bookings.by_id(conn, booking.id)
        audit.log(
            conn,
            at=now,
            action="validate" if kind is OpKind.USE else "unvalidate",
            token=token,
            booking_id=booking.id if booking else None,
            op_id=op_id,
            counter=self.counter_name,
            staff=staff,
            outcome=outcome.value,
        )
        return op_id, booking

    def _recorded(self) -> None:
        if self.on_recorded is not None:
            try:
                self.on_recorded()
            except Exception:  # the mesh never stops the counter
                log.exception("peers not told")

    def _push(self, result: CheckResult) -> CheckResult:
        """Online: settle the new operation now, so a conflict shows at the counter at once."""
        log.info("recorded %s on %s: %s", result.op_id, result.token, result.verdict.kind.value)
        self._recorded()  # the other counters hear of it before the server answers
        if result.op_id is None or not self._online():
            return result
        assert self.channel is not None
        settled = self.channel.push_now(result.op_id)
        if settled is None:
            return result
        conn = self._conn()
        with conn.begin():
            op = outbox.get(conn, result.op_id)
            booking = bookings.by_id(conn, result.booking.id) if result.booking else None
        if settled is OpState.CONFLICT and op is not None:
            from kiosk.sync.conflicts import verdict_for_conflict

            return replace(
                result,
                booking=booking,
                verdict=verdict_for_conflict(op),
                op_state=settled,
                source="online",
            )
        verdict = result.verdict
        if verdict.kind is VerdictKind.TO_CONFIRM and settled is OpState.DONE:
            verdict = Verdict(VerdictKind.VALIDATED)
        return replace(
            result,
            booking=booking,
            verdict=verdict,
            op_state=settled,
            source="online",
            unverified=result.unverified and settled is not OpState.DONE,
        )
