"""Scanner garbage and curious hands: the parser and the whole scan path on a real database
never raise anything but the documented errors, and a refusal never writes anything."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from benchmarks.common import tokens
from kiosk.domain.payload import MAX_RAW_KEPT, parse_payload
from kiosk.domain.tokens import is_token
from kiosk.domain.verdict import VerdictKind
from kiosk.services.counter import Counter
from kiosk.store import models
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from tests.fixtures.store import VENUE, FixedClock
from tests.robustness.helpers import fast_bookings

TOKENS = tokens(300, seed=21)
WRITES = (VerdictKind.VALIDATED, VerdictKind.TO_CONFIRM, VerdictKind.UNVALIDATED)


def _corpus() -> list[str]:
    rng = random.Random(4)
    t = TOKENS[0]
    binary = bytes(range(256)).decode("latin-1")
    return [
        "",
        "\x00" * 50,
        "\x02PASSCULTURE:v3;TOKEN:" + t + "\x03\r\n",
        "]Q1PASSCULTURE:v3;TOKEN:" + t,
        "\\000026PASSCULTURE:v3;TOKEN:" + t,
        'PQSSCULTUREMv"mTOKENMQBC&é"',  # AZERTY host, QWERTY scanner
        "&é\"'(-è_çà" * 3,
        "PASSCULTURE:v3;TOKEN:" * 500,
        t * 20_000,  # a stuck scanner: a very long burst
        "A" * 1_000_000,
        binary,
        binary[::-1] * 40,
        rng.randbytes(4096).decode("latin-1"),
        "\ud800\udfff" + t,  # lone surrogates (a broken decoder upstream)
        "PASSCULTURE:v1;TOKEN:" + t + ";EMAIL:a@b.c;OFFERNAME:" + "é" * 900,
        "https://passculture.app/reservation/" + t,
        "9782070612758",
        "'; DROP TABLE booking; --",
        t[:3] + "%" + t[3:],
        "_" * 6,
        "%%%%%%",
        "ＡＢＣ１２３",  # full-width letters
        t.lower() + "\u200b",
        "\t \n" + " ".join(t) + "\x7f",
        "PASSCULTURE:v9;TOKEN:" + t + ";" + "X:" * 300,
    ]


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[tuple[Database, Counter]]:
    data_dir: Path = tmp_path_factory.mktemp("fuzz")
    db = Database.open(data_dir)
    fast_bookings(db.path, TOKENS)
    counter = Counter(db, venue_ids=[VENUE], counter_name="Accueil", clock=FixedClock())
    yield db, counter
    counter.close()
    db.dispose()


def _writes(db: Database) -> tuple[int, int, int]:
    with db.connect() as conn:
        return (
            conn.execute(select(func.count()).select_from(models.Outbox.__table__)).scalar_one(),
            conn.execute(select(func.count()).select_from(models.Audit.__table__)).scalar_one(),
            conn.execute(
                select(func.count())
                .select_from(models.Booking.__table__)
                .where(models.Booking.__table__.c.status != "CONFIRMED")
            ).scalar_one(),
        )


def _check_parse(raw: str) -> None:
    scan = parse_payload(raw)
    if scan.ok:
        assert scan.candidates and all(is_token(c) for c in scan.candidates)
        assert scan.reason is None
    else:
        assert scan.reason and not scan.candidates
    assert len(scan.raw) <= MAX_RAW_KEPT


def _scan_path(db: Database, counter: Counter, raw: str) -> None:
    before = _writes(db)
    try:
        checked = counter.check(raw)
        result = counter.validate(raw, staff="Ana")
        again = counter.unvalidate(raw) if result.verdict.kind is VerdictKind.VALIDATED else None
    except StoreError:  # the only documented failure (database, disk)
        raise
    after = _writes(db)
    if result.verdict.kind not in WRITES:
        assert after == before, (raw[:80], result.verdict)
        assert checked.verdict.kind is result.verdict.kind or checked.token is not None
    if again is not None:
        assert again.verdict.kind is VerdictKind.UNVALIDATED


@pytest.mark.parametrize("raw", _corpus(), ids=lambda r: repr(r[:20]))
def test_scanner_garbage_corpus(world, raw):
    db, counter = world
    _check_parse(raw)
    _scan_path(db, counter, raw)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_parser_never_raises_on_any_text(raw):
    _check_parse(raw)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_parser_on_binary_decoded_as_latin1(blob):
    _check_parse(blob.decode("latin-1"))


scan_like = st.one_of(
    st.text(max_size=80),
    st.builds(
        lambda prefix, tok, suffix: prefix + tok + suffix,
        st.sampled_from(["", "PASSCULTURE:v3;TOKEN:", "]Q1", "\x02", " ", "TOKEN:", "v2;"]),
        st.sampled_from([*TOKENS[:40], "ZZZZZZ", "ABC123"]),
        st.text(alphabet=st.characters(max_codepoint=0x2FF), max_size=12),
    ),
    st.builds(lambda tok: tok.lower(), st.sampled_from(TOKENS[:40])),
)


@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(scan_like)
def test_scan_path_never_raises_and_refusals_write_nothing(world, raw):
    db, counter = world
    _check_parse(raw)
    _scan_path(db, counter, raw)
