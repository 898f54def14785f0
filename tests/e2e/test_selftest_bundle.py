"""`kiosk --self-test` from source, and the PyInstaller bundle built and self-tested."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from kiosk.main import run
from kiosk.platform.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_from_source(qapp, capsys, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from kiosk.ui.selftest import native_platform_plugin

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert run(["--self-test"]) == 0
    out = capsys.readouterr().out
    for label in (
        "Base de données",
        "Affichage",
        "Traductions",
        "Police",
        "Écrans",
        "QR code",
        "Guichets du lieu",
    ):
        assert f"OK    {label}" in out
    assert "Auto-test réussi." in out
    # The window plugin of this system, not the offscreen one the test draws with.
    expected = "qwindows.dll" if sys.platform == "win32" else native_platform_plugin()
    assert f"OK    Affichage : {expected}" in out
    # Everything it opened is closed: its temporary folder is gone (Windows refuses to delete
    # an open database file).
    assert not list(tmp_path.glob("kiosk-selftest-*"))


def test_self_test_reports_a_missing_platform_plugin(qapp, tmp_path: Path) -> None:
    from kiosk.ui import selftest

    paths = qapp.libraryPaths()
    qapp.setLibraryPaths([str(tmp_path)])  # a Qt without its plugins
    try:
        out = io.StringIO()
        assert selftest.run(out) == 1
    finally:
        qapp.setLibraryPaths(paths)
    assert f"ÉCHEC Affichage : RuntimeError: {selftest.native_platform_plugin()} absent" in (
        out.getvalue()
    )


def test_self_test_reports_a_missing_font(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.ui import selftest
    from kiosk.ui.common import fonts

    monkeypatch.setattr(fonts, "FILES", ("absent.ttf",))
    monkeypatch.setattr(fonts, "FAMILY", "Police Absente")
    out = io.StringIO()
    assert selftest.run(out) == 1
    assert "ÉCHEC Police" in out.getvalue()


def test_self_test_reports_a_missing_english_catalogue(
    qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from kiosk.platform import resources as paths
    from kiosk.ui import selftest

    (tmp_path / "i18n").mkdir()
    shutil.copy(paths.translation_path("fr"), tmp_path / "i18n")
    monkeypatch.setattr(paths, "resource_root", lambda: tmp_path)
    with pytest.raises(RuntimeError, match=r"kiosk_en\.qm"):
        selftest._check_translations(tmp_path)


def test_english_catalogue_translates_the_wizard(qtbot, qapp, data_dir: Path) -> None:
    from kiosk.ui.admin.wizard import SetupWizard

    translator = QTranslator()
    assert translator.load(str(resource_path("i18n", "kiosk_en.qm")))
    qapp.installTranslator(translator)
    try:
        w = SetupWizard(data_dir)
        qtbot.addWidget(w)
        assert w.windowTitle() == "pass Culture counter set-up"
    finally:
        qapp.removeTranslator(translator)


@pytest.mark.slow
def test_bundle_builds_and_self_tests(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    exe = tmp_path / "dist" / "kiosk" / ("kiosk.exe" if os.name == "nt" else "kiosk")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(tmp_path / "d")}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [str(exe), "--self-test"], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Auto-test réussi." in result.stdout
    assert "OK    Police : DejaVu Sans" in result.stdout
    # A bundle without the plugin that opens the window fails its self-test.
    plugins = [p for p in (tmp_path / "dist").rglob("platforms/*") if "qoffscreen" not in p.name]
    assert plugins, "no platform plugin in the bundle"
    for p in plugins:
        p.rename(p.with_name(p.name + ".absent"))
    result = subprocess.run(
        [str(exe), "--self-test"], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "ÉCHEC Affichage" in result.stdout
