"""A counter keeps its identity across starts, also with a kiosk.toml written by hand."""

from __future__ import annotations

from pathlib import Path

from kiosk.platform.config import load
from kiosk.services.wiring import open_services


def _open_and_close(data_dir: Path) -> str:
    services = open_services(load(data_dir), housekeeping=False)
    try:
        return services.config.kiosk_id
    finally:
        services.close()


def test_a_hand_written_config_without_an_id_keeps_the_one_made_at_first_start(tmp_path: Path):
    data_dir = tmp_path / "counter"
    data_dir.mkdir()
    # As an IT person writes it from docs/operations.md: no kiosk_id line.
    (data_dir / "kiosk.toml").write_text('counter_name = "Accueil"\n', encoding="utf-8")
    first = _open_and_close(data_dir)
    assert first
    assert _open_and_close(data_dir) == first
    assert f'kiosk_id = "{first}"' in (data_dir / "kiosk.toml").read_text(encoding="utf-8")


def test_a_reader_does_not_rewrite_the_config(tmp_path: Path):
    data_dir = tmp_path / "counter"
    data_dir.mkdir()
    (data_dir / "kiosk.toml").write_text('counter_name = "Accueil"\n', encoding="utf-8")
    services = open_services(load(data_dir), lock=False, housekeeping=False)
    services.close()
    assert "kiosk_id" not in (data_dir / "kiosk.toml").read_text(encoding="utf-8")
