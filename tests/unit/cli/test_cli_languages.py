"""The CLI follows the counter's language where `kiosk doctor` does (an import refused), and
keeps start-up notices in French (stderr, read with the logs)."""

from __future__ import annotations

from pathlib import Path

from kiosk.main import run
from kiosk.platform.config import Config, save
from kiosk.platform.exits import EXIT_USAGE


def _english(data_dir: Path) -> None:
    save(Config(data_dir=data_dir, language="en"))


def test_import_refusal_in_the_counters_language(data_dir: Path, tmp_path: Path, capsys):
    bad = tmp_path / "export.csv"
    bad.write_text("Nom;Prénom\nDurand;Léa\n", encoding="utf-8")
    args = ["import", str(bad), "--data-dir", str(data_dir)]
    assert run(args) == EXIT_USAGE
    assert "Ce fichier n'est pas un export des réservations du portail pro" in (
        capsys.readouterr().err
    )
    _english(data_dir)
    assert run(args) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "This file is not a bookings export from the pro portal: missing columns" in err
    assert "portail" not in err


def test_start_up_notice_stays_french_on_an_english_counter(data_dir: Path, capsys):
    _english(data_dir)
    (data_dir / "kiosk.sqlite3").write_bytes(b"garbage" * 100)
    run(["check", "ABC234", "--data-dir", str(data_dir)])
    err = capsys.readouterr().err
    assert "La base de données du kiosque était endommagée" in err
    assert "vérifiez les validations des dernières heures" in err
