"""Qt tests of the scan package run offscreen (set before anything imports Qt)."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_NONE_REFS_FLOOR = 1_000_000


@pytest.fixture(autouse=True)
def _none_refcount_headroom() -> Iterator[None]:
    """Work around a PySide6 6.12.0 bug on CPython 3.11 for these key-heavy tests.

    Every call of a Qt method returning ``void`` (``QKeyEvent.setTimestamp``, ``QTimer.start``…)
    drops one reference to ``None``; after a few thousand calls CPython aborts with
    ``none_dealloc``. The tests build thousands of key events with ``setTimestamp``, so give
    ``None`` spare references (harmless: ``None`` is never freed anyway; CPython ≥ 3.12 makes it
    immortal).
    """
    if sys.version_info < (3, 12):
        missing = _NONE_REFS_FLOOR - sys.getrefcount(None)
        if missing > 0:
            ctypes.c_ssize_t.from_address(id(None)).value += missing
    yield
