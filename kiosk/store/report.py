"""The manager's report, in SQL: a period of this counter's operations aggregated per venue,
offer, subcategory and staff member, the validations per hour, and the reconciliation with
what pass Culture says (pulls and imported exports).

Every aggregation runs in SQLite: one pass over the period's operations (through the covering
index `ix_outbox_period`, each joined to its booking and offer by primary key) is grouped once
at the finest grain, then rolled up per dimension from that small materialised result. Nothing
loads a table into Python.

Reconciliation cases of a validation recorded here (the last word on it, not invalidated since):
`reimbursed`, `awaiting` (used on the server, not yet reimbursed), `unsent` (not yet sent),
`cancelled` (cancelled on the server, or refused as cancelled), `unknown` (refused, unknown or
not validated on the server); and `elsewhere`: reimbursed bookings never validated here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from kiosk.store.types import to_db

CASES = ("unknown", "cancelled", "unsent", "awaiting", "elsewhere", "reimbursed")
DIMENSIONS = ("venue", "offer", "subcategory", "staff")

# A validation here is "invalidated" when a later invalidation of the same booking was not
# refused (probed through ix_outbox_booking_id_id).
_CASE = """CASE
    WHEN o.kind = 'keep' THEN NULL
    WHEN o.booking_id IS NOT NULL AND EXISTS (SELECT 1 FROM outbox k
        WHERE k.booking_id = o.booking_id AND k.id > o.id AND k.kind = 'keep'
        AND k.state != 'conflict') THEN 'invalidated'
    WHEN o.state = 'pending' THEN 'unsent'
    WHEN o.state = 'conflict' THEN
        CASE o.conflict WHEN 'cancelled' THEN 'cancelled' ELSE 'unknown' END
    WHEN b.id IS NULL THEN 'unknown'
    WHEN b.status = 'REIMBURSED' THEN 'reimbursed'
    WHEN b.status = 'USED' THEN 'awaiting'
    WHEN b.status = 'CANCELLED' THEN 'cancelled'
    ELSE 'unknown' END"""

_SUMS = """sum(validations) AS validations, sum(places) AS places, sum(amount) AS amount,
    sum(invalidations) AS invalidations, sum(conflicts) AS conflicts,
    sum(oldest_n) AS case_n, min(oldest) AS oldest"""

_ROLLUP = f"""
WITH g AS MATERIALIZED (
    SELECT b.venue_id AS venue_id, b.offer_id AS offer_id, o.staff AS staff,
        {_CASE} AS rcase,
        max(b.venue_name) AS venue_name, max(b.offer_name) AS offer_name,
        max(f.subcategory_id) AS subcategory,
        sum(o.kind = 'use') AS validations,
        sum(CASE WHEN o.kind = 'use' THEN coalesce(b.quantity, 1) ELSE 0 END) AS places,
        sum(CASE WHEN o.kind = 'use' THEN coalesce(b.quantity, 1) * coalesce(b.price_cents, 0)
            ELSE 0 END) AS amount,
        sum(o.kind = 'keep') AS invalidations,
        sum(o.state = 'conflict') AS conflicts,
        count(*) AS oldest_n,
        min(coalesce(b.used_at, o.created_at)) AS oldest
    FROM outbox o
    LEFT JOIN booking b ON b.id = o.booking_id
    LEFT JOIN offer f ON f.id = b.offer_id
    WHERE o.created_at >= :start AND o.created_at < :end
    GROUP BY 1, 2, 3, 4
)
SELECT 'venue' AS dim, CAST(venue_id AS TEXT) AS k, max(venue_name) AS label, {_SUMS}
    FROM g GROUP BY venue_id
UNION ALL SELECT 'offer', CAST(offer_id AS TEXT), max(offer_name), {_SUMS}
    FROM g GROUP BY offer_id
UNION ALL SELECT 'subcategory', subcategory, subcategory, {_SUMS} FROM g GROUP BY subcategory
UNION ALL SELECT 'staff', staff, staff, {_SUMS} FROM g GROUP BY staff
UNION ALL SELECT 'case', rcase, rcase, {_SUMS} FROM g WHERE rcase IS NOT NULL GROUP BY rcase
"""

# Validations per UTC hour: the index alone (the service folds hours into local days).
_PER_HOUR = text(
    "SELECT substr(created_at, 1, 13) AS h, count(*) FROM outbox "
    "WHERE created_at >= :start AND created_at < :end AND kind = 'use' GROUP BY h"
)

_ELSEWHERE_WHERE = """b.status = 'REIMBURSED' AND b.reimbursed_at >= :start
    AND b.reimbursed_at < :end AND NOT EXISTS (SELECT 1 FROM outbox u
    WHERE u.booking_id = b.id AND u.kind = 'use' AND u.state != 'conflict')"""

_ELSEWHERE_SUM = text(
    "SELECT count(*), sum(b.quantity), sum(b.quantity * b.price_cents), min(b.reimbursed_at) "
    f"FROM booking b WHERE {_ELSEWHERE_WHERE}"
)


@dataclass(frozen=True, slots=True)
class Sums:
    validations: int = 0
    places: int = 0
    amount_cents: int = 0
    invalidations: int = 0
    conflicts: int = 0


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


def rollup(conn: Connection, start: datetime, end: datetime) -> Rollup:
    """Per-dimension sums and reconciliation cases of the operations recorded in [start, end)."""
    params = {"start": to_db(start), "end": to_db(end)}
    groups: list[GroupRow] = []
    cases: list[CaseSum] = []
    for r in conn.execute(text(_ROLLUP), params):
        if r.dim == "case":
            if r.k == "invalidated":
                continue
            # In a case group every row is a validation: its sums are the case's.
            cases.append(CaseSum(r.k, r.validations, r.places, r.amount, _dt(r.oldest)))
            continue
        sums = Sums(r.validations, r.places, r.amount, r.invalidations, r.conflicts)
        groups.append(GroupRow(r.dim, r.k, r.label, sums))
    n, places, amount, oldest = conn.execute(_ELSEWHERE_SUM, params).one()
    if n:
        cases.append(CaseSum("elsewhere", n, places or 0, amount or 0, _dt(oldest)))
    return Rollup(groups, cases)


def validations_per_hour(conn: Connection, start: datetime, end: datetime) -> list[tuple[str, int]]:
    """(UTC hour as "YYYY-MM-DDTHH", validations recorded) of the period."""
    rows = conn.execute(_PER_HOUR, {"start": to_db(start), "end": to_db(end)})
    return [(h, n) for h, n in rows]


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


_LINES_HERE = f"""
SELECT rcase, at, token, booking_id, offer, venue, staff, quantity, amount, status, conflict,
    reimbursed_at, reimbursed_source, first_name, last_name FROM (
    SELECT {_CASE} AS rcase, o.created_at AS at, o.token AS token, o.booking_id AS booking_id,
        b.offer_name AS offer, b.venue_name AS venue, o.staff AS staff,
        coalesce(b.quantity, 1) AS quantity,
        coalesce(b.quantity, 1) * coalesce(b.price_cents, 0) AS amount, b.status AS status,
        o.conflict AS conflict, b.reimbursed_at AS reimbursed_at,
        b.reimbursed_source AS reimbursed_source, b.first_name AS first_name,
        b.last_name AS last_name
    FROM outbox o LEFT JOIN booking b ON b.id = o.booking_id
    WHERE o.created_at >= :start AND o.created_at < :end AND o.kind = 'use')
WHERE rcase = :case ORDER BY at, booking_id LIMIT :limit
"""

_LINES_ELSEWHERE = f"""
SELECT 'elsewhere', b.reimbursed_at, b.token, b.id, b.offer_name, b.venue_name, b.used_staff,
    b.quantity, b.quantity * b.price_cents, b.status, NULL, b.reimbursed_at,
    b.reimbursed_source, b.first_name, b.last_name
FROM booking b WHERE {_ELSEWHERE_WHERE} ORDER BY b.reimbursed_at, b.id LIMIT :limit
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
    """The bookings of one reconciliation case, oldest first (at most `limit`)."""
    if case not in CASES:
        raise ValueError(case)
    sql = _LINES_ELSEWHERE if case == "elsewhere" else _LINES_HERE
    params = {"start": to_db(start), "end": to_db(end), "case": case, "limit": limit}
    for r in conn.execute(text(sql), params):
        youth = " ".join(p for p in (r[13], r[14]) if p) or None
        yield CaseLine(
            case=r[0],
            at=datetime.fromisoformat(r[1]),
            token=r[2],
            booking_id=r[3],
            offer=r[4],
            venue=r[5],
            staff=r[6],
            quantity=r[7] or 1,
            amount_cents=r[8] or 0,
            status=r[9],
            conflict=r[10],
            reimbursed_at=_dt(r[11]),
            reimbursed_source=r[12],
            youth=youth if names else None,
        )


def query_plans(conn: Connection, start: datetime, end: datetime) -> dict[str, list[str]]:
    """SQLite's plan of each report statement (tests check that indexes are used)."""
    params: dict[str, Any] = {"start": to_db(start), "end": to_db(end), "case": "x", "limit": 1}
    out = {}
    for name, sql in (
        ("rollup", _ROLLUP),
        ("per_hour", str(_PER_HOUR)),
        ("elsewhere", str(_ELSEWHERE_SUM)),
        ("lines", _LINES_HERE),
    ):
        out[name] = [str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql), params)]
    return out
