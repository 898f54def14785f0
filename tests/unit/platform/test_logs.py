"""Log files: private, rotating, with secrets masked."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.platform import logs
from tests.portable import NO_MODES, WINDOWS, posix_only_modes


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    d = tmp_path / "logs"
    yield d
    logs.shutdown_logging()


def _text(d: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(d.glob("kiosk.log*")))


def test_file_is_private_and_secrets_masked(log_dir: Path) -> None:
    logs.setup_logging(log_dir, secrets=["sk-live-123456789"])
    logs.register_secret("Léa Martin")
    log = logging.getLogger("kiosk.test")
    log.info("request with key %s for %s", "sk-live-123456789", "Léa Martin")
    try:
        raise ValueError("boom sk-live-123456789")
    except ValueError:
        log.exception("failed")
    text = _text(log_dir)
    assert "sk-live-123456789" not in text and "Léa Martin" not in text
    assert text.count(logs.MASK) >= 3


@posix_only_modes
def test_file_is_private(log_dir: Path) -> None:
    logs.setup_logging(log_dir)
    logging.getLogger("kiosk.test").info("hello")
    mode = stat.S_IMODE((log_dir / logs.LOG_NAME).stat().st_mode)
    assert mode == 0o600


def test_rotation_keeps_files_private(log_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    logs.setup_logging(log_dir)
    log = logging.getLogger("kiosk.test")
    for i in range(200):
        log.info("scan %03d token ABC123 verdict validable", i)
    files = sorted(log_dir.glob("kiosk.log*"))
    assert 2 <= len(files) <= logs.BACKUPS + 1
    if WINDOWS:
        pytest.skip(NO_MODES)
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)


def test_other_libraries_stay_quiet(log_dir: Path) -> None:
    logs.setup_logging(log_dir)
    logging.getLogger("httpx").info("HTTP Request: GET http://x/public")
    logging.getLogger("kiosk.sync").info("sync step")
    text = _text(log_dir)
    assert "sync step" in text and "HTTP Request" not in text
