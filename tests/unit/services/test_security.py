"""PIN hashing and the wrong-PIN back-off, persisted across a restart."""

from __future__ import annotations

import base64
import hmac
from pathlib import Path

import pytest

from kiosk.domain import texts
from kiosk.services import security
from kiosk.services.security import Security, delay_after, hash_pin, verify_pin
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


@pytest.mark.parametrize(
    ("pin", "min_len", "max_len", "french", "english"),
    [
        (
            "12a456",
            6,
            12,
            "Le code ne doit contenir que des chiffres.",
            "The PIN must contain digits only.",
        ),
        (
            "１２３４５６",
            6,
            12,
            "Le code ne doit contenir que des chiffres.",
            "The PIN must contain digits only.",
        ),
        (
            "12345",
            6,
            12,
            "Le code doit comporter au moins 6 chiffres.",
            "The PIN must have at least 6 digits.",
        ),
        (
            "1234567",
            4,
            6,
            "Le code doit comporter au plus 6 chiffres.",
            "The PIN must have at most 6 digits.",
        ),
    ],
)
def test_pin_rule_errors_in_french_and_english(
    pin: str, min_len: int, max_len: int, french: str, english: str
) -> None:
    with pytest.raises(security.PinError) as caught:
        security.check_pin_format(pin, min_len=min_len, max_len=max_len)
    assert caught.value.message == str(caught.value) == caught.value.text() == french
    assert caught.value.text("en") == english


# After `wrong` wrong admin PINs (None: no admin PIN at all), one more wrong try says…
@pytest.mark.parametrize(
    ("wrong", "french", "english"),
    [
        (
            None,
            "Aucun code administrateur n'est défini : relancez l'assistant d'installation.",
            "No administrator PIN is set: run the setup wizard again.",
        ),
        (
            0,
            "Code incorrect. Encore 2 essais avant un temps d'attente.",
            "Wrong PIN. 2 more tries before a waiting time.",
        ),
        (
            1,
            "Code incorrect. Encore 1 essai avant un temps d'attente.",
            "Wrong PIN. 1 more try before a waiting time.",
        ),
        (
            2,
            "Code incorrect. Trop d'essais : réessayez dans 2 s.",
            "Wrong PIN. Too many tries: try again in 2 s.",
        ),
        (3, "Trop d'essais : réessayez dans 2 s.", "Too many tries: try again in 2 s."),
    ],
)
def test_attempt_messages_in_french_and_english(
    db: Database, wrong: int | None, french: str, english: str
) -> None:
    sec = Security(db, clock=FixedClock())
    if wrong is not None:
        sec.set_admin_pin("482913")
        for _ in range(wrong):
            sec.check_admin_pin("000000")
    attempt = sec.check_admin_pin("000000")
    assert not attempt.ok
    assert attempt.message == attempt.text() == attempt.text("fr") == french
    assert attempt.text("en") == english
    assert attempt.text("de") == french  # an unknown language falls back to French


def test_lockout_wait_in_minutes_in_english(db: Database) -> None:
    clock = FixedClock()
    sec = Security(db, clock=clock)
    sec.set_admin_pin("482913")
    for _ in range(9):  # the 9th wrong PIN locks for 2 s × 2⁶ = 128 s
        clock.advance(seconds=security.MAX_DELAY)
        last = sec.check_admin_pin("000000")
    assert last.message == "Code incorrect. Trop d'essais : réessayez dans 2 min 08 s."
    assert last.text("en") == "Wrong PIN. Too many tries: try again in 2 min 08 s."


def test_an_attempt_without_a_phrase_says_its_message() -> None:
    refused = security.Attempt(False, message="Refusé.")
    assert refused.text("en") == refused.text() == "Refusé."
    assert security.Attempt(True).text("en") == ""


def test_every_pin_text_exists_in_both_languages() -> None:
    pin_ids = {k for k in texts.FR if k.startswith("pin.")}
    assert pin_ids and pin_ids == {k for k in texts.EN if k.startswith("pin.")}
