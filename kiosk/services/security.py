"""PINs: slow salted hashes, constant-time checks, and a back-off that survives a restart.

Hash format: `scrypt$n$r$p$salt_b64$hash_b64`. After `FREE_ATTEMPTS` wrong PINs in a row each
new failure locks the scope for 2 s, 4 s, 8 s… up to `MAX_DELAY`; the failure count and the
"locked until" time live in the `setting` table, so pulling the plug does not reset them.
No Qt here: the UI asks, this module answers.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.engine import Connection

from kiosk.domain.clock import Clock, utcnow
from kiosk.domain.errors import KioskError
from kiosk.domain.texts import Phrase
from kiosk.store import settings
from kiosk.store.database import Database

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
FREE_ATTEMPTS = 3
BASE_DELAY = 2.0
MAX_DELAY = 15 * 60.0

ADMIN = "admin"
ADMIN_HASH_KEY = "pin.admin.hash"
ADMIN_PIN_MIN = 6


class PinError(KioskError, ValueError):
    """A PIN that does not fit the rules: `message` in French, `text(lang)` in either."""

    def __init__(self, said: Phrase) -> None:
        super().__init__(said)


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    digest = hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=HASH_BYTES
    )
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Constant-time comparison; a malformed stored hash never matches."""
    try:
        scheme, n, r, p, salt_b64, hash_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt = base64.b64decode(salt_b64, validate=True)
        expected = base64.b64decode(hash_b64, validate=True)
        digest = hashlib.scrypt(
            pin.encode("utf-8"),
            salt=salt,
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=128 * int(r) * int(n) * 2 + 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)


def check_pin_format(pin: str, *, min_len: int, max_len: int | None = None) -> None:
    if not pin.isdigit() or not pin.isascii():
        raise PinError(Phrase.of("pin.digits_only"))
    if len(pin) < min_len:
        raise PinError(Phrase.of("pin.too_short", n=min_len))
    if max_len is not None and len(pin) > max_len:
        raise PinError(Phrase.of("pin.too_long", n=max_len))


def delay_after(failures: int) -> float:
    """Seconds locked after `failures` consecutive wrong PINs."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(BASE_DELAY * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY)


def wait_text(seconds: float) -> str:
    s = max(1, int(seconds + 0.999))
    if s < 60:
        return f"{s} s"
    m, s = divmod(s, 60)
    return f"{m} min {s:02d} s" if s else f"{m} min"


@dataclass(frozen=True, slots=True)
class Attempt:
    ok: bool
    wait_seconds: float = 0.0  # > 0: locked, try again later
    message: str = ""  # French, for the screen; empty when ok
    phrase: Phrase | None = None  # the same message in either language

    @classmethod
    def refused(cls, said: Phrase, wait_seconds: float = 0.0) -> Attempt:
        return cls(False, wait_seconds, said.text(), said)

    @property
    def locked(self) -> bool:
        return self.wait_seconds > 0

    def text(self, lang: str = "fr") -> str:
        """The message in `lang` ("fr" or "en")."""
        return self.phrase.text(lang) if self.phrase else self.message


# -- the setting table (kept under these names: other modules read settings through them) --
get_setting = settings.get
put_setting = settings.put


class Security:
    """PIN checks with persistent back-off, one scope per secret ("admin", "staff:3")."""

    def __init__(self, db: Database, *, clock: Clock = utcnow) -> None:
        self.db = db
        self.clock = clock

    # -- admin PIN ------------------------------------------------------------------------
    def has_admin_pin(self) -> bool:
        with self.db.connect() as conn, conn.begin():
            return bool(get_setting(conn, ADMIN_HASH_KEY))

    def set_admin_pin(self, pin: str) -> None:
        check_pin_format(pin, min_len=ADMIN_PIN_MIN, max_len=12)
        hashed = hash_pin(pin)
        with self.db.connect_writer() as conn, conn.begin():
            put_setting(conn, ADMIN_HASH_KEY, hashed)
            self._reset(conn, ADMIN)

    def check_admin_pin(self, pin: str) -> Attempt:
        with self.db.connect() as conn, conn.begin():
            stored = get_setting(conn, ADMIN_HASH_KEY)
        if not stored:
            return Attempt.refused(Phrase.of("pin.no_admin_pin"))
        return self.check(ADMIN, stored, pin)

    # -- any scope ------------------------------------------------------------------------
    def locked_for(self, scope: str) -> float:
        """Seconds before `scope` accepts a new try (0: now)."""
        with self.db.connect() as conn, conn.begin():
            until = get_setting(conn, f"pin.{scope}.locked_until")
        if not until:
            return 0.0
        return max(0.0, (datetime.fromisoformat(until) - self.clock()).total_seconds())

    def failures(self, scope: str) -> int:
        with self.db.connect() as conn, conn.begin():
            return int(get_setting(conn, f"pin.{scope}.failures") or 0)

    def check(self, scope: str, stored_hash: str, pin: str) -> Attempt:
        """Verify `pin` for `scope`, unless locked; records the failure or clears the count."""
        wait = self.locked_for(scope)
        if wait > 0:
            return Attempt.refused(Phrase.of("pin.locked", wait=wait_text(wait)), wait)
        ok = verify_pin(pin, stored_hash)
        with self.db.connect_writer() as conn, conn.begin():
            if ok:
                self._reset(conn, scope)
                return Attempt(True)
            failures = int(get_setting(conn, f"pin.{scope}.failures") or 0) + 1
            put_setting(conn, f"pin.{scope}.failures", str(failures))
            delay = delay_after(failures)
            if delay:
                until = self.clock() + timedelta(seconds=delay)
                put_setting(conn, f"pin.{scope}.locked_until", until.isoformat())
        if delay:
            return Attempt.refused(Phrase.of("pin.wrong_locked", wait=wait_text(delay)), delay)
        left = FREE_ATTEMPTS - failures
        key = "wrong_tries" if left > 1 else "wrong_last_try"
        return Attempt.refused(Phrase.of(f"pin.{key}", left=left))

    def reset(self, scope: str) -> None:
        with self.db.connect_writer() as conn, conn.begin():
            self._reset(conn, scope)

    @staticmethod
    def _reset(conn: Connection, scope: str) -> None:
        put_setting(conn, f"pin.{scope}.failures", "0")
        put_setting(conn, f"pin.{scope}.locked_until", None)
