"""The manager's report, in SQL: a period's validations at this counter per venue, offer,
subcategory and staff member, validations per day, and the reconciliation with what pass
Culture says (pulls and imported exports).

Where the numbers come from:
- A validation that stands (recorded here, not invalidated, not refused) is a booking with
  `used_counter` set: the counter writes it on validating, clears it on invalidating, and a
  refusal by pass Culture (a conflict) restores the booking without it. Its status says how
  pass Culture sees it: USED (waiting to be paid), REIMBURSED, or (rarely) CANCELLED/CONFIRMED.
- Invalidations, refusals (conflicts) and validations not yet sent are operations of the
  outbox (few: found through an index filter before anything is joined).

Speed (a year of a big venue, benchmarks/bench_report.py): no statement sorts the year's rows.
The sums stream through `ix_booking_report` in its own order (GROUP BY its leading columns, the
period filtered inside the index); the days are one range count per day on `ix_booking_status_used`;
the detail lines stop at their LIMIT in index order.

Reconciliation cases (CASES): `unknown` (refused or unknown at pass Culture, or not validated
there), `cancelled`, `unsent` (not yet sent), `awaiting` (used, not yet reimbursed),
`elsewhere` (reimbursed, never validated here), `reimbursed`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from kiosk.store.types import to_db

CASES = ("unknown", "cancelled", "unsent", "awaiting", "elsewhere", "reimbursed")

# -- the sums of standing validations, streamed in ix_booking_report's order ------------------
_STANDING = """
WITH g AS MATERIALIZED (
    SELECT offer_id, venue_id, used_staff AS staff, status,
        count(*) AS n, sum(quantity) AS places, sum(quantity * price_cents) AS amount,
        min(used_at) AS oldest
    FROM booking INDEXED BY ix_booking_report
    -- unary +: a filter read in the index, never a skip-scan seek (ANALYZE would pick one)
    WHERE +used_counter IS NOT NULL AND +used_at >= :start AND +used_at < :end
    GROUP BY offer_id, venue_id, used_staff, status
)
SELECT 'offer' AS dim, offer_id AS k, max(venue_id) AS venue_id, NULL AS staff,
    sum(n) AS n, sum(places) AS places, sum(amount) AS amount, min(oldest) AS oldest
    FROM g GROUP BY offer_id
UNION ALL SELECT 'venue', venue_id, venue_id, NULL, sum(n), sum(places), sum(amount),
    min(oldest) FROM g GROUP BY venue_id
UNION ALL SELECT 'staff', NULL, NULL, staff, sum(n), sum(places), sum(amount), min(oldest)
    FROM g GROUP BY staff
UNION ALL SELECT 'status', status, NULL, NULL, sum(n), sum(places), sum(amount), min(oldest)
    FROM g GROUP BY status
"""

# -- the few operations that are not a standing validation ---------------------------------
# Invalidations, refusals, validations not yet sent: filtered inside ix_outbox_period (kind and
# state are in it), then joined to their booking.
_OTHER_OPS = """
SELECT b.offer_id AS offer_id, b.venue_id AS venue_id, o.staff AS staff,
    CASE WHEN o.kind = 'keep' THEN 'keep'
         WHEN o.state = 'pending' THEN 'unsent'
         WHEN o.conflict = 'cancelled' THEN 'cancelled'
         ELSE 'unknown' END AS what,
    o.state = 'pending' AND b.id IS NULL AS no_booking,
    count(*) AS n, sum(coalesce(b.quantity, 1)) AS places,
    sum(coalesce(b.quantity, 1) * coalesce(b.price_cents, 0)) AS amount,
    min(o.created_at) AS oldest
FROM outbox o INDEXED BY ix_outbox_period
LEFT JOIN booking b ON b.id = o.booking_id
WHERE o.created_at >= :start AND o.created_at < :end AND (kind = 'keep' OR state != 'done')
    AND ((o.kind = 'keep' AND o.state != 'conflict') OR (o.kind = 'use' AND o.state != 'done'))
GROUP BY 1, 2, 3, 4, 5
"""

_DAY_COUNTS = """
SELECT d.key, (SELECT count(*) FROM booking INDEXED BY ix_booking_status_used
    WHERE status IN ('USED', 'REIMBURSED', 'CANCELLED', 'CONFIRMED')
    AND used_at >= json_extract(d.value, '$[0]') AND used_at < json_extract(d.value, '$[1]')
    AND used_counter IS NOT NULL)
FROM json_each(:days) d
"""

_ELSEWHERE_WHERE = """status = 'REIMBURSED' AND reimbursed_at >= :start AND reimbursed_at < :end
    AND used_counter IS NULL"""
_ELSEWHERE_SUM = text(
    "SELECT count(*), sum(quantity), sum(quantity * price_cents), min(reimbursed_at) "
    f"FROM booking INDEXED BY ix_booking_status_reimbursed_at WHERE {_ELSEWHERE_WHERE}"
)

_LABELS = """
SELECT o.id, o.name, o.subcategory_id FROM offer o WHERE o.id IN (SELECT value FROM json_each(:ids))
"""
_BOOKING_OFFER_NAME = text(
    "SELECT offer_name FROM booking WHERE offer_id = :id ORDER BY id DESC LIMIT 1"
)
_VENUE_NAMES = """
SELECT v.id, coalesce(v.public_name, v.name) FROM venue v
WHERE v.id IN (SELECT value FROM json_each(:ids))
"""
_BOOKING_VENUE_NAME = text(
    "SELECT venue_name FROM booking WHERE venue_id = :id ORDER BY id DESC LIMIT 1"
)


@dataclass(frozen=True, slots=True)
class Sums:
    validations: int = 0
    places: int = 0
    amount_cents: int = 0
    invalidations: int = 0
    conflicts: int = 0

    def __add__(self, o: Sums) -> Sums:
        return Sums(
            self.validations + o.validations,
            self.places + o.places,
            self.amount_cents + o.amount_cents,
            self.invalidations + o.invalidations,
            self.conflicts + o.conflicts,
        )


@dataclass(frozen=True, slots=True)
class GroupRow:
    dimension: str  # venue | offer | subcategory | staff
    key: str | None
    label: str | None
    sums: Sums


@dataclass(frozen=True, slots=True)
class CaseSum:
    case: str
    count: int
    places: int
    amount_cents: int
    oldest: datetime | None  # the oldest validation (or reimbursement, for `elsewhere`)


@dataclass(frozen=True, slots=True)
class Rollup:
    groups: list[GroupRow]
    cases: list[CaseSum]


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class _Acc:
    """Sums per key of one dimension, and case sums."""

    def __init__(self) -> None:
        self.dims: dict[str, dict[Any, Sums]] = {d: {} for d in ("offer", "venue", "staff")}
        self.venue_of: dict[Any, Any] = {}
        self.cases: dict[str, list[Any]] = {}

    def add(self, dim: str, key: Any, s: Sums) -> None:
        d = self.dims[dim]
        d[key] = d.get(key, Sums()) + s

    def case(self, case: str, n: int, places: int, amount: int, oldest: str | None) -> None:
        c = self.cases.setdefault(case, [0, 0, 0, None])
        c[0] += n
        c[1] += places or 0
        c[2] += amount or 0
        if oldest and (c[3] is None or oldest < c[3]):
            c[3] = oldest


def rollup(conn: Connection, start: datetime, end: datetime) -> Rollup:
    """Per-dimension sums and reconciliation cases of the period [start, end)."""
    params = {"start": to_db(start), "end": to_db(end)}
    acc = _Acc()
    for r in conn.execute(text(_STANDING), params):
        s = Sums(r.n, r.places or 0, r.amount or 0)
        if r.dim == "status":
            case = {"REIMBURSED": "reimbursed", "USED": "awaiting", "CANCELLED": "cancelled"}
            acc.case(case.get(r.k, "unknown"), r.n, r.places, r.amount, r.oldest)
        elif r.dim == "staff":
            acc.add("staff", r.staff, s)
        else:
            acc.add(r.dim, r.k, s)
            if r.dim == "offer":
                acc.venue_of[r.k] = r.venue_id
    for r in conn.execute(text(_OTHER_OPS), params):
        if r.what == "keep":
            s = Sums(invalidations=r.n)
        elif r.what == "unsent":
            # a validation not yet sent: standing already (counted above) unless it has no
            # booking here (an unknown code recorded "to confirm")
            s = Sums(r.n, r.places, r.amount) if r.no_booking else Sums()
            acc.case("unsent", r.n, r.places, r.amount, r.oldest)
            if not r.no_booking:  # it was counted as awaiting through its USED booking
                acc.case("awaiting", -r.n, -(r.places or 0), -(r.amount or 0), None)
        else:
            s = Sums(conflicts=r.n)
            acc.case(r.what, r.n, r.places, r.amount, r.oldest)
        acc.add("offer", r.offer_id, s)
        acc.add("venue", r.venue_id, s)
        acc.add("staff", r.staff, s)
        if r.offer_id is not None:
            acc.venue_of.setdefault(r.offer_id, r.venue_id)
    n, places, amount, oldest = conn.execute(_ELSEWHERE_SUM, params).one()
    if n:
        acc.case("elsewhere", n, places, amount, oldest)
    groups = _labelled(conn, acc)
    cases = [
        CaseSum(case, c[0], c[1], c[2], _dt(c[3])) for case, c in acc.cases.items() if c[0] > 0
    ]
    return Rollup(groups, cases)


def _labelled(conn: Connection, acc: _Acc) -> list[GroupRow]:
    """Names of the offers, their subcategories and venues (the cached catalogue first, else
    the name a booking carries: imported or never-synced offers)."""
    offer_ids = [k for k in acc.dims["offer"] if k is not None]
    venue_ids = [k for k in acc.dims["venue"] if k is not None]
    offers = {
        r[0]: (r[1], r[2]) for r in conn.execute(text(_LABELS), {"ids": json.dumps(offer_ids)})
    }
    venues = {r[0]: r[1] for r in conn.execute(text(_VENUE_NAMES), {"ids": json.dumps(venue_ids)})}
    out: list[GroupRow] = []
    subs: dict[str | None, Sums] = {}
    for oid, s in acc.dims["offer"].items():
        name, sub = offers.get(oid, (None, None))
        if name is None and oid is not None:
            name = conn.execute(_BOOKING_OFFER_NAME, {"id": oid}).scalar()
        out.append(GroupRow("offer", None if oid is None else str(oid), name, s))
        subs[sub] = subs.get(sub, Sums()) + s
    for vid, s in acc.dims["venue"].items():
        name = venues.get(vid)
        if name is None and vid is not None:
            name = conn.execute(_BOOKING_VENUE_NAME, {"id": vid}).scalar()
        out.append(GroupRow("venue", None if vid is None else str(vid), name, s))
    out.extend(GroupRow("subcategory", sub, sub, s) for sub, s in subs.items())
    out.extend(GroupRow("staff", k, k, s) for k, s in acc.dims["staff"].items())
    return out


def validations_per_day(
    conn: Connection, days: Sequence[tuple[str, datetime, datetime]]
) -> dict[str, int]:
    """Standing validations per day: `days` = (key, start, end) with local midnights."""
    payload = json.dumps({k: [to_db(s), to_db(e)] for k, s, e in days})
    return {k: n for k, n in conn.execute(text(_DAY_COUNTS), {"days": payload})}


@dataclass(frozen=True, slots=True)
class CaseLine:
    """One booking of a reconciliation case. Names only when asked for (and still kept)."""

    case: str
    at: datetime  # when validated here (for `elsewhere`: when reimbursed)
    token: str | None
    booking_id: int | None
    offer: str | None
    venue: str | None
    staff: str | None
    quantity: int
    amount_cents: int
    status: str | None  # on the server, as last seen
    conflict: str | None
    reimbursed_at: datetime | None
    reimbursed_source: str | None
    youth: str | None


_B_COLS = """b.offer_name, b.venue_name, b.quantity, b.quantity * b.price_cents, b.status,
    b.reimbursed_at, b.reimbursed_source, b.first_name, b.last_name"""

# A booking validated here, of a status, oldest first: ix_booking_status_used in its order,
# stopping at the LIMIT. Those with an operation not yet sent are the `unsent` case, not this one.
_LINES_STANDING = f"""
SELECT b.used_at, b.token, b.id, b.used_staff, NULL, {_B_COLS}
FROM booking b INDEXED BY ix_booking_status_used
WHERE b.status = :status AND b.used_at >= :start AND b.used_at < :end
    AND b.used_counter IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.token = b.token AND p.state = 'pending')
ORDER BY b.used_at LIMIT :limit
"""

_LINES_OPS = f"""
SELECT o.created_at, o.token, o.booking_id, o.staff, o.conflict,
    {_B_COLS.replace("b.quantity * b.price_cents", "coalesce(b.quantity, 1) * b.price_cents")}
FROM outbox o INDEXED BY ix_outbox_period
LEFT JOIN booking b ON b.id = o.booking_id
WHERE o.created_at >= :start AND o.created_at < :end AND (kind = 'keep' OR state != 'done')
    AND o.kind = 'use' AND o.state = :state
    AND (:conflict IS NULL OR (o.conflict = 'cancelled') = :cancelled)
ORDER BY o.created_at LIMIT :limit
"""

_LINES_ELSEWHERE = f"""
SELECT b.reimbursed_at, b.token, b.id, NULL, NULL, {_B_COLS}
FROM booking b INDEXED BY ix_booking_status_reimbursed_at WHERE {_ELSEWHERE_WHERE}
ORDER BY b.reimbursed_at LIMIT :limit
"""


def case_lines(
    conn: Connection,
    start: datetime,
    end: datetime,
    case: str,
    *,
    limit: int = 1000,
    names: bool = False,
) -> Iterator[CaseLine]:
    """The bookings of one reconciliation case, oldest first (at most `limit`; -1: all)."""
    if case not in CASES:
        raise ValueError(case)
    base: dict[str, Any] = {"start": to_db(start), "end": to_db(end), "limit": limit}
    queries: list[tuple[str, dict[str, Any]]] = []
    if case == "elsewhere":
        queries.append((_LINES_ELSEWHERE, base))
    elif case == "unsent":
        queries.append((_LINES_OPS, {**base, "state": "pending", "conflict": None, "cancelled": 0}))
    else:
        status = {
            "reimbursed": "REIMBURSED",
            "awaiting": "USED",
            "cancelled": "CANCELLED",
            "unknown": "CONFIRMED",
        }[case]
        queries.append((_LINES_STANDING, {**base, "status": status}))
        if case in ("cancelled", "unknown"):
            cancelled = 1 if case == "cancelled" else 0
            queries.append(
                (_LINES_OPS, {**base, "state": "conflict", "conflict": 1, "cancelled": cancelled})
            )
    rows: list[Any] = []
    for sql, params in queries:
        rows.extend(conn.execute(text(sql), params))
    rows.sort(key=lambda r: (r[0], r[2] or 0))
    if limit >= 0:
        rows = rows[:limit]
    for r in rows:
        youth = " ".join(p for p in (r[12], r[13]) if p) or None
        yield CaseLine(
            case=case,
            at=datetime.fromisoformat(r[0]),
            token=r[1],
            booking_id=r[2],
            offer=r[5],
            venue=r[6],
            staff=r[3],
            quantity=r[7] or 1,
            amount_cents=r[8] or 0,
            status=r[9],
            conflict=r[4],
            reimbursed_at=_dt(r[10]),
            reimbursed_source=r[11],
            youth=youth if names else None,
        )


def query_plans(conn: Connection, start: datetime, end: datetime) -> dict[str, list[str]]:
    """SQLite's plan of each report statement (tests check the indexes are used, no sort)."""
    p: dict[str, Any] = {
        "start": to_db(start),
        "end": to_db(end),
        "limit": 1,
        "days": "{}",
        "status": "USED",
        "state": "x",
        "conflict": None,
        "cancelled": 0,
    }
    out = {}
    for name, sql in (
        ("standing", _STANDING),
        ("other_ops", _OTHER_OPS),
        ("days", _DAY_COUNTS),
        ("elsewhere", str(_ELSEWHERE_SUM)),
        ("lines_standing", _LINES_STANDING),
        ("lines_ops", _LINES_OPS),
        ("lines_elsewhere", _LINES_ELSEWHERE),
    ):
        out[name] = [str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql), p)]
    return out
