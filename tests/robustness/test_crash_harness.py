"""The crash-consistency harness, short: ~20 SIGKILLs of a validating kiosk process."""

from __future__ import annotations

import sys

import pytest

from tools.crash_harness import run


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_at_random_points_loses_and_doubles_nothing(tmp_path):
    report = run(20, seed=7, workdir=tmp_path, max_run_s=0.6, verbose=False)
    assert report.kills == 20
    assert report.kill_points.get("validating", 0) >= 10
    assert report.reported >= 5  # the driver did validate between kills
    assert report.lost == 0, report.problems
    assert report.doubled == 0
    assert report.still_pending == 0
    assert report.integrity_failures == 0
    assert report.reached_server + report.conflicts == report.reported
