"""Logging: rotating private files, one line per scan / validation / sync step, secrets masked.

What may be logged: tokens, booking and operation ids, verdicts, durations, counts. What must
not: the API key, the youth's names. Code logs ids only; the `RedactingFilter` is the safety net
for anything registered as secret (the key, and any name a caller chooses to register).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import threading
from collections.abc import Iterable
from pathlib import Path

LOG_NAME = "kiosk.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
MASK = "«masqué»"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFilter(logging.Filter):
    """Replaces every registered secret in the formatted message (and its arguments)."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        for s in secrets:
            self.register(s)

    def register(self, secret: str | None) -> None:
        # Very short strings would mask innocent text everywhere; a key or a name is longer.
        if secret and len(secret.strip()) >= 3:
            with self._lock:
                self._secrets.add(secret.strip())

    def redact(self, text: str) -> str:
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for s in secrets:
            if s in text:
                text = text.replace(s, MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the line
            message = str(record.msg)
        clean = self.redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        record.msg, record.args = clean, None
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Log files readable by the kiosk's user only (0600), also after each rotation."""

    def _open(self):  # type: ignore[override]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)


_installed: tuple[logging.Handler, RedactingFilter] | None = None


def setup_logging(
    log_dir: Path,
    *,
    secrets: Iterable[str | None] = (),
    level: int = logging.INFO,
) -> RedactingFilter:
    """Install the file handler on the root logger (idempotent); returns the filter so callers
    can register more secrets (e.g. a key typed in the wizard)."""
    global _installed
    log_dir = Path(log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    if _installed is not None:
        old_handler, _ = _installed
        root.removeHandler(old_handler)
        old_handler.close()
    redactor = RedactingFilter(secrets)
    handler = PrivateRotatingFileHandler(
        log_dir / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(redactor)
    root.addHandler(handler)
    # Our loggers at `level`; other libraries keep the root's level (warnings and worse).
    logging.getLogger("kiosk").setLevel(level)
    # httpx logs every URL at INFO; URLs carry tokens only, but keep the file to our own lines.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    _installed = (handler, redactor)
    return redactor


def register_secret(secret: str | None) -> None:
    """Mask `secret` in every log line from now on (no-op before `setup_logging`)."""
    if _installed is not None:
        _installed[1].register(secret)


def shutdown_logging() -> None:
    global _installed
    if _installed is not None:
        handler, _ = _installed
        logging.getLogger().removeHandler(handler)
        handler.close()
        _installed = None
