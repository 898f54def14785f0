"""The client against damaged answers: malformed, truncated, oversized, wrongly typed, slow.

The kiosk answers with clear French errors, never writes half a page into its cache, keeps
operations pending, and never waits for ever."""

from __future__ import annotations

import sqlite3

import httpx
import pytest

from kiosk.domain.operations import OpState
from kiosk.domain.verdict import VerdictKind
from kiosk.sync.api import ApiClient
from kiosk.sync.errors import ApiError
from tests.unit.sync.conftest import assert_accounted, sandbox_token

FAULTS = ("malformed_rate", "truncate_rate", "oversize_rate", "wrong_types_rate")
CACHE_TABLES = ("booking", "offer", "stock", "venue")
TYPES = {  # columns the counter relies on, with the only SQLite type they may hold
    "booking": {"id": "integer", "status": "text", "quantity": "integer", "price_cents": "integer",
                "offer_id": "integer", "offer_name": "text", "venue_id": "integer"},
    "offer": {"id": "integer", "venue_id": "integer", "name": "text"},
    "stock": {"id": "integer", "offer_id": "integer", "price_cents": "integer"},
}  # fmt: skip


def _dump(kiosk) -> dict[str, list[tuple]]:
    con = sqlite3.connect(kiosk.services.db.path)
    try:
        out = {}
        for t in CACHE_TABLES:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})")]
            # When this kiosk saw a row (a pull's "first seen reimbursed" date included) is
            # its own history, not the server's data.
            seen = ("synced_at", "refreshed_at", "closed_at", "reimbursed_at")
            keep = [c for c in cols if c not in seen]
            out[t] = con.execute(f"SELECT {', '.join(keep)} FROM {t} ORDER BY id").fetchall()
        return out
    finally:
        con.close()


def _wrong_types_stored(kiosk) -> list[str]:
    con = sqlite3.connect(kiosk.services.db.path)
    try:
        bad = []
        for table, cols in TYPES.items():
            for col, kind in cols.items():
                n = con.execute(f"SELECT count(*) FROM {table} WHERE typeof({col}) != ?", (kind,))
                if n.fetchone()[0]:
                    bad.append(f"{table}.{col}")
        return bad
    finally:
        con.close()


@pytest.mark.parametrize("fault", FAULTS)
def test_every_answer_damaged_leaves_the_cache_untouched(make_kiosk, sandbox, fault):
    kiosk = make_kiosk()
    assert kiosk.engine.sync_once(full=True).error is None
    before = _dump(kiosk)
    sandbox.set_faults(**{fault: 1.0})
    summary = kiosk.engine.sync_once(full=True)
    assert summary.error and "serveur" in summary.error.lower()
    assert _dump(kiosk) == before
    # The counter still answers from its cache, with a clear result.
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    assert kiosk.counter.check(b["token"]).verdict.kind in (
        VerdictKind.VALIDABLE,
        VerdictKind.UNKNOWN_OFFLINE,
    )


@pytest.mark.parametrize("seed", range(2))
def test_partly_damaged_syncs_converge_to_the_clean_cache(make_kiosk, sandbox, seed):
    """Damage a share of answers over several syncs: no wrongly typed value is ever stored,
    and once the server behaves the cache is exactly what a kiosk that saw no damage has."""
    fuzzed, clean = make_kiosk("fuzzed"), make_kiosk("clean")
    sandbox.set_faults(
        malformed_rate=0.05,
        truncate_rate=0.05,
        oversize_rate=0.02,
        wrong_types_rate=0.1,
        seed=seed,
    )
    errors = set()
    for _ in range(4):
        summary = fuzzed.engine.sync_once(full=True)
        if summary.error:
            errors.add(summary.error)
        assert _wrong_types_stored(fuzzed) == []
    assert errors  # the faults did bite
    assert all(e.startswith(("Réponse", "Le serveur", "Connexion")) for e in errors), errors
    sandbox.clear_faults()
    assert fuzzed.engine.sync_once(full=True).error is None
    assert clean.engine.sync_once(full=True).error is None
    assert _dump(fuzzed) == _dump(clean)


@pytest.mark.parametrize("fault", ("malformed_rate", "wrong_types_rate", "truncate_rate"))
def test_an_operation_to_confirm_stays_pending_until_a_sound_answer(make_kiosk, sandbox, fault):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    sandbox.cut_network()
    kiosk.engine.sync_once()  # learns that the network is down
    result = kiosk.counter.validate(b["token"], unverified=True)
    assert result.verdict.kind is VerdictKind.TO_CONFIRM
    sandbox.restore_network()
    sandbox.set_faults(**{fault: 1.0})
    kiosk.engine.sync_once()
    [op] = kiosk.ops()
    assert op.state is OpState.PENDING and op.last_error
    assert sandbox.booking(b["token"])["status"] == "CONFIRMED"
    sandbox.clear_faults()
    kiosk.engine.sync_once()
    assert sandbox.booking(b["token"])["status"] == "USED"
    assert_accounted(kiosk, sandbox)


def test_a_trickling_answer_times_out_instead_of_freezing(sandbox):
    # 30 s to send one page, a piece every second: httpx's per-read timeout never fires.
    sandbox.set_faults(slow_rate=1.0, slow_ms=30_000)
    client = ApiClient(sandbox.url, sandbox.api_key, timeout=httpx.Timeout(3.0, connect=1.0))
    try:
        with pytest.raises(ApiError) as err:
            client.bookings_page(venue_id=sandbox_token(sandbox)["venueId"])
        assert "réponse trop lente" in err.value.message
    finally:
        client.close()


def test_a_slow_use_stays_pending_and_is_not_doubled(make_kiosk, sandbox):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    assert kiosk.counter.check(b["token"]).source == "online"
    kiosk.services.client._client.timeout = httpx.Timeout(1.0, connect=1.0)
    sandbox.set_faults(slow_rate=1.0, slow_ms=3_000)  # the server commits, answers too late
    result = kiosk.counter.validate(b["token"])
    assert result.verdict.kind is VerdictKind.VALIDATED and result.op_state is OpState.PENDING
    sandbox.clear_faults()
    kiosk.engine.sync_once()
    [op] = kiosk.ops()
    assert op.state is OpState.DONE  # the 410 on retry is recognised as ours
    assert_accounted(kiosk, sandbox)


def test_fault_modes_over_http(sandbox):
    headers = {"Authorization": f"Bearer {sandbox.api_key}"}
    with httpx.Client(base_url=sandbox.url, headers=headers) as http:
        r = http.post("/sandbox/faults", json={"wrongTypesRate": 0.5, "slowMs": 10, "seed": 3})
        assert r.status_code == 200
        assert r.json()["wrongTypesRate"] == 0.5 and r.json()["slowMs"] == 10
        assert http.post("/sandbox/faults", json={"malformedRate": 2}).status_code == 400
        http.post("/sandbox/faults", json={"malformedRate": 1, "wrongTypesRate": 0})
        assert http.get("/sandbox/faults").status_code == 200  # sandbox routes never damaged
        with pytest.raises(ValueError):
            http.get("/public/offers/v1/offerer_venues").json()
        assert http.delete("/sandbox/faults").json()["malformedRate"] == 0
