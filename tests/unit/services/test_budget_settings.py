"""The request budget's settings in kiosk.toml reach the process's scheduler through the real
wiring (config.load → open_services), and a wrong value is refused with a sentence, not a
traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.platform.config import Config, ConfigError, load, save
from kiosk.services.wiring import open_services
from kiosk.sync.limiter import RequestScheduler, Unlimited


def _write(data_dir: Path, extra: str) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "kiosk.toml").write_text(
        'api_url = "http://127.0.0.1:9"\nvenue_ids = [1]\nkiosk_id = "k"\n' + extra,
        encoding="utf-8",
    )


def test_settings_reach_the_scheduler(tmp_path: Path):
    data_dir = tmp_path / "kiosk"
    _write(
        data_dir,
        "background_share = 0.4\ncounter_quiet_seconds = 7.5\n"
        "request_limit = 40\nrequest_window = 2.0\n",
    )
    services = open_services(load(data_dir, env={"KIOSK_API_KEY": "secret"}))
    try:
        scheduler = services.client.limiter
        assert isinstance(scheduler, RequestScheduler)
        assert scheduler.base_share == scheduler.share == 0.4
        assert scheduler.lend_after == 7.5
        assert scheduler.max_requests == 38  # 95 % of the key's limit
        assert scheduler.period == 2.0
    finally:
        services.close()


def test_defaults_are_the_real_limit_with_lending_after_20_quiet_seconds(tmp_path: Path):
    data_dir = tmp_path / "kiosk"
    _write(data_dir, "")
    services = open_services(load(data_dir, env={"KIOSK_API_KEY": "secret"}))
    try:
        scheduler = services.client.limiter
        assert (scheduler.max_requests, scheduler.period) == (190, 60.0)
        assert scheduler.base_share == 0.6 and scheduler.lend_after == 20.0
    finally:
        services.close()


def test_zero_quiet_seconds_never_lends(tmp_path: Path):
    data_dir = tmp_path / "kiosk"
    _write(data_dir, "counter_quiet_seconds = 0\n")
    services = open_services(load(data_dir, env={"KIOSK_API_KEY": "secret"}))
    try:
        assert services.client.limiter.lend_after is None
        assert not services.client.limiter.lending()
    finally:
        services.close()


def test_rate_limit_off_still_means_no_count_of_our_own(tmp_path: Path):
    data_dir = tmp_path / "kiosk"
    _write(data_dir, "rate_limit = false\nbackground_share = 0.4\n")
    services = open_services(load(data_dir, env={"KIOSK_API_KEY": "secret"}))
    try:
        assert isinstance(services.client.limiter, Unlimited)
    finally:
        services.close()


def test_saved_settings_load_back(tmp_path: Path):
    cfg = Config(data_dir=tmp_path, background_share=0.5, counter_quiet_seconds=45.0)
    save(cfg)
    again = load(tmp_path, env={})
    assert (again.background_share, again.counter_quiet_seconds) == (0.5, 45.0)


@pytest.mark.parametrize(
    "line",
    [
        "background_share = 1.5",
        "background_share = 0",
        'counter_quiet_seconds = "soon"',
        "request_limit = 2.5",
        "request_window = -1",
    ],
)
def test_a_wrong_value_is_said_in_french_and_english(tmp_path: Path, line: str):
    _write(tmp_path, line + "\n")
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, env={})
    key = line.split(" =")[0]
    assert f"Réglage « {key} » invalide" in caught.value.message
    assert f'Invalid setting "{key}"' in caught.value.text("en")
