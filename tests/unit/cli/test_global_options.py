"""`kiosk --data-dir X <command>`: the global option reaches every subcommand (argparse copies
a subparser's defaults over the global value unless they are SUPPRESS), and each command that
opens the data dir writes its log there."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.main import run
from kiosk.platform import logs
from kiosk.platform.config import log_dir

# Every subcommand that reads the data dir, with what it needs besides.
COMMANDS: list[list[str]] = [
    ["status"],
    ["doctor", "--no-devices"],
    ["check", "ABC234"],
    ["validate", "ABC234"],
    ["unvalidate", "ABC234"],
    ["db", "upgrade"],
    ["sync", "--once"],
    ["import", "missing.csv"],
]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default place (platformdirs) inside the test's own folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    return home


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a))
def test_global_data_dir_is_kept_by_every_subcommand(
    argv: list[str], home: Path, data_dir: Path
) -> None:
    run(["--data-dir", str(data_dir), *argv])
    assert [p for p in home.rglob("*")] == []  # nothing created in the default place
    assert (data_dir / "kiosk.sqlite3").exists() or list(data_dir.iterdir())


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a))
def test_every_cli_command_writes_the_log_file(argv: list[str], home: Path, data_dir: Path) -> None:
    run([*argv, "--data-dir", str(data_dir)])
    path = log_dir(data_dir) / logs.LOG_NAME
    assert path.exists() and path.read_text(encoding="utf-8").strip()
    assert logs._installed is None  # closed with the command


def test_global_json_is_kept(home: Path, data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    assert run(["--json", "--data-dir", str(data_dir), "status"]) == 0
    assert capsys.readouterr().out.lstrip().startswith("{")
