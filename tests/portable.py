"""What differs between the systems the suite runs on (Linux, Windows, Windows under Wine)."""

from __future__ import annotations

import os
import sys

import pytest

WINDOWS = sys.platform == "win32"
# Root ignores permission bits; Windows has no effective uid at all.
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def under_wine() -> bool:
    """Windows under Wine: it keeps no file ACLs and is lenient about open/locked files."""
    if not WINDOWS:
        return False
    import ctypes

    return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")


NO_MODES = "Windows has no permission bits: the data dir's private ACL covers it (test_privacy)"

posix_only_modes = pytest.mark.skipif(WINDOWS, reason=NO_MODES)
