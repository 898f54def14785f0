"""The CLI answers in French with the documented exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kiosk.main import run
from kiosk.platform.exits import EXIT_OK, EXIT_REFUSED, EXIT_USAGE


def test_parse_garbled_scan(capsys):
    assert run(["parse", 'PQSSCULTUREMv"mTOKENMQBC&é"']) == EXIT_OK
    assert "ABC123" in capsys.readouterr().out


def test_parse_url_refused(capsys):
    assert run(["parse", "https://example.org/x", "--json"]) == EXIT_USAGE
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and out["reason"]


def test_unknown_token_offline_is_refused_then_recorded_to_confirm(data_dir, capsys):
    args = ["--data-dir", str(data_dir)]
    assert run(["validate", "ABC234", *args]) == EXIT_REFUSED
    assert "INCONNUE HORS LIGNE" in capsys.readouterr().out
    assert run(["validate", "ABC234", "--unverified", *args]) == EXIT_OK
    assert "À CONFIRMER" in capsys.readouterr().out
    assert run(["validate", "ABC234", "--json", *args]) == EXIT_REFUSED
    assert json.loads(capsys.readouterr().out)["verdict"] == "already_used"


def test_help_lists_commands(capsys):
    assert run(["--help"]) == EXIT_OK  # plain `kiosk` opens the counter (kiosk.ui.entry)
    assert "kiosk" in capsys.readouterr().out


def test_corrupt_database_gives_a_message_not_a_traceback(data_dir, capsys):
    (data_dir / "kiosk.sqlite3").write_bytes(b"garbage" * 100)
    # The damaged file is set aside and a fresh database used (kiosk.store.recovery): the
    # command goes on, and says so in French.
    assert run(["check", "ABC234", "--data-dir", str(data_dir)]) == 1  # unknown offline
    err = capsys.readouterr().err
    assert "endommagée" in err and "Traceback" not in err
    assert list(data_dir.glob("kiosk.sqlite3.corrupt-*"))


def test_second_process_on_the_same_data_dir_is_refused(data_dir, capsys):
    from kiosk.store.lock import DataDirLock

    with DataDirLock(data_dir):
        assert run(["validate", "ABC234", "--data-dir", str(data_dir)]) == 3
    assert "déjà ouvert" in capsys.readouterr().err


def test_data_dir_that_cannot_be_created(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert run(["check", "ABC234", "--data-dir", str(blocker / "sub")]) == 3
    assert "Impossible de créer le dossier" in capsys.readouterr().err


def test_unknown_booking_for_unverified(data_dir, capsys):
    code = run(
        ["validate", "ABC234", "--unverified", "--booking", "5", "--data-dir", str(data_dir)]
    )
    assert code == 2
    assert "Aucune réservation 5" in capsys.readouterr().err


def test_piped_output_is_utf8(data_dir) -> None:
    """Piped, Windows would write cp1252: a script reading the CLI gets UTF-8 everywhere."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUTF8", "PYTHONIOENCODING")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[3])
    code = "from kiosk.main import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data_dir), "parse", "n'importe quoi"],
        capture_output=True,
        env=env,
        timeout=120,
    )
    out = (result.stdout + result.stderr).decode("utf-8")  # raises if not UTF-8
    assert "é" in out or "è" in out, out
