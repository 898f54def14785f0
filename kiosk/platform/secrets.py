"""The API key: in the operating system's keyring where there is one, else in a file only the
kiosk's user can read. Never logged, never displayed again."""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger("kiosk.platform.secrets")

SERVICE = "kiosk-passculture"
KEY_FILE = "api-key"


def _keyring_usable() -> bool:
    if os.environ.get("KIOSK_NO_KEYRING"):
        return False
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # any backend failure means "no keyring here"
        return False


def _account(data_dir: Path) -> str:
    return str(Path(data_dir).resolve())


def save_api_key(data_dir: Path, key: str) -> str:
    """Store the key; returns where ("keyring" or the file path)."""
    if _keyring_usable():
        try:
            import keyring

            keyring.set_password(SERVICE, _account(data_dir), key)
            (Path(data_dir) / KEY_FILE).unlink(missing_ok=True)
            return "keyring"
        except Exception:
            log.warning("keyring refused the key; falling back to a private file")
    path = Path(data_dir) / KEY_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_suffix(".tmp"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    os.replace(path.with_suffix(".tmp"), path)
    os.chmod(path, 0o600)
    return str(path)


def load_api_key(data_dir: Path) -> str | None:
    path = Path(data_dir) / KEY_FILE
    if path.exists():
        try:
            return path.read_text(encoding="utf-8").strip() or None
        except OSError:
            return None
    if _keyring_usable():
        try:
            import keyring

            return keyring.get_password(SERVICE, _account(data_dir))
        except Exception:
            return None
    return None


def redact(text: str, *secrets: str | None) -> str:
    for s in secrets:
        if s:
            text = text.replace(s, "«clé masquée»")
    return text
