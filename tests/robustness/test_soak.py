"""A short counter day: scans of every kind, outages, a server restart; memory stays flat and
every validation reaches the server."""

from __future__ import annotations

import sys

import pytest

from tools.soak import run


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RSS from /proc")
def test_short_soak(tmp_path):
    report = run(400, 3, restart=True, seed=3, workdir=tmp_path, samples=10, verbose=False)
    assert report.scans == 400 and report.outages == 3 and report.server_restarts == 1
    assert report.unexpected_errors == 0, report.errors
    assert report.storage_errors == 0, report.errors
    assert report.validations >= 15  # outages make fresh codes "unknown offline"
    assert set(report.kinds) == {"valid", "used", "refused", "garbage", "unknown"}
    assert report.pending_at_end == 0
    assert report.not_at_server == 0
    # In the test process the traced baseline is small (modules are already imported), so a
    # few hundred kB of noise would look like >10 %: also accept an absolute bound.
    grown_mb = sum(report.traced_mb[-3:]) / 3 - report.traced_mb[2]
    assert report.traced_growth < 0.10 or grown_mb < 1.0, report.traced_mb
    assert report.rss_growth < 0.10, report.rss_mb
