"""The CLI answers in French with the documented exit codes."""

from __future__ import annotations

import json

from kiosk.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run


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


def test_no_command_prints_help(capsys):
    assert run([]) == EXIT_OK
    assert "kiosk" in capsys.readouterr().out
