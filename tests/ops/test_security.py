"""PIN hashing and the wrong-PIN back-off, persisted across a restart."""

from __future__ import annotations

import base64
import hmac
from pathlib import Path

import pytest

from kiosk import security
from kiosk.security import Security, delay_after, hash_pin, verify_pin
from kiosk.store.database import Database
from tests.fixtures.store import FixedClock


def test_hash_format_is_scrypt_with_salt_and_params() -> None:
    stored = hash_pin("482913")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(base64.b64decode(salt)) == 16
    assert len(base64.b64decode(digest)) == 32
    assert "482913" not in stored
    assert hash_pin("482913") != stored  # a fresh salt each time


def test_verify_right_wrong_and_malformed() -> None:
    stored = hash_pin("482913")
    assert verify_pin("482913", stored)
    assert not verify_pin("482914", stored)
    assert not verify_pin("", stored)
    assert not verify_pin("482913", "plain$482913")
    assert not verify_pin("482913", "scrypt$16384$8$1$!!notbase64$xx")


def test_compare_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    assert not verify_pin("000000", hash_pin("482913"))
    assert len(calls) == 1


def test_delays_double_after_three_failures_and_cap() -> None:
    assert [delay_after(n) for n in range(1, 7)] == [0, 0, 2, 4, 8, 16]
    assert delay_after(40) == security.MAX_DELAY


def test_admin_pin_rules(db: Database) -> None:
    sec = Security(db)
    assert not sec.has_admin_pin()
    for bad in ("12345", "12a456", "１２３４５６"):
        with pytest.raises(security.PinError):
            sec.set_admin_pin(bad)
    sec.set_admin_pin("482913")
    assert sec.has_admin_pin()
    assert sec.check_admin_pin("482913").ok


def test_backoff_and_lockout_survive_a_restart(data_dir: Path) -> None:
    clock = FixedClock()
    db = Database.open(data_dir)
    sec = Security(db, clock=clock)
    sec.set_admin_pin("482913")
    first, second = sec.check_admin_pin("1"), sec.check_admin_pin("2")
    assert not first.ok and not first.locked and "Encore 2 essais" in first.message
    assert not second.locked
    third = sec.check_admin_pin("3")
    assert third.locked and third.wait_seconds == 2
    assert "Trop d'essais" in third.message
    db.dispose()

    # Power cut: a new process, a new Database and Security on the same file.
    db = Database.open(data_dir)
    sec = Security(db, clock=clock)
    assert sec.failures("admin") == 3
    locked = sec.check_admin_pin("482913")  # even the right PIN waits
    assert not locked.ok and locked.locked
    clock.advance(seconds=2)
    fourth = sec.check_admin_pin("4")
    assert fourth.wait_seconds == 4
    clock.advance(seconds=4)
    assert sec.check_admin_pin("5").wait_seconds == 8
    clock.advance(seconds=8)
    assert sec.check_admin_pin("482913").ok
    assert sec.failures("admin") == 0 and sec.locked_for("admin") == 0
    db.dispose()


def test_scopes_are_independent(db: Database) -> None:
    clock = FixedClock()
    sec = Security(db, clock=clock)
    stored = hash_pin("1234")
    for _ in range(3):
        sec.check("staff:1", stored, "0000")
    assert sec.locked_for("staff:1") > 0
    assert sec.locked_for("staff:2") == 0
