"""The Qt catalogue: one per language, complete, in step with the code and with its .qm files."""

from __future__ import annotations

import ast
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtMultimedia import QCameraDevice, QMediaDevices

from kiosk.scan import camera as camera_module
from kiosk.scan.camera import CameraScanner, CameraState
from kiosk.ui.common import i18n
from kiosk.ui.counter.camera_view import CameraView
from tools import translations

ROOT = Path(__file__).resolve().parents[3]
I18N = ROOT / "resources" / "i18n"
LANGS = ("en", "fr")
APP_CLASSES = {"QCoreApplication", "QGuiApplication", "QApplication"}

Key = tuple[str, str]  # (context, French source text)


def catalogue(lang: str) -> dict[Key, ET.Element]:
    """(context, source) -> <message> of kiosk_<lang>.ts."""
    found: dict[Key, ET.Element] = {}
    for context in ET.parse(I18N / f"kiosk_{lang}.ts").iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            found[(name, msg.findtext("source") or "")] = msg
    return found


def _text_arg(call: ast.Call) -> ast.expr | None:
    return call.args[0] if call.args else None


class _Finder(ast.NodeVisitor):
    """The texts lupdate extracts: `self.tr("…")` (context: the enclosing class) and
    `QCoreApplication.translate("Context", "…")`. Calls whose text is not a literal are kept
    apart: lupdate cannot see them, so they would never be translated."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.classes: list[str] = []
        self.functions: list[str] = []
        self.texts: set[Key] = set()
        self.hidden: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "tr":
            self._record(node, self.classes[-1] if self.classes else "", _text_arg(node))
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "translate"
            and isinstance(func.value, ast.Name)
            and func.value.id in APP_CLASSES
        ):
            ctx = node.args[0] if node.args else None
            context = ctx.value if isinstance(ctx, ast.Constant) else None
            text = node.args[1] if len(node.args) > 1 else None
            if isinstance(context, str):
                self._record(node, context, text)
            elif not self._in_tr_wrapper():
                self.hidden.append(f"{self.path.name}:{node.lineno}: context is not a literal")
        self.generic_visit(node)

    def _in_tr_wrapper(self) -> bool:
        # `def tr(text)` forwarding to QCoreApplication.translate: its callers are what counts.
        return bool(self.functions) and self.functions[-1] == "tr"

    def _record(self, node: ast.Call, context: str, text: ast.expr | None) -> None:
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            self.texts.add((context, text.value))
        elif not self._in_tr_wrapper():
            self.hidden.append(f"{self.path.name}:{node.lineno}: text is not a literal")


def translatable_texts() -> tuple[set[Key], list[str]]:
    texts: set[Key] = set()
    hidden: list[str] = []
    for package in translations.SOURCE_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            finder = _Finder(path)
            finder.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
            texts |= finder.texts
            hidden += finder.hidden
    return texts, hidden


@pytest.fixture
def english(qapp) -> Iterator[None]:
    assert i18n.install("en")
    try:
        yield
    finally:
        i18n.install("fr")


def test_one_catalogue_per_language() -> None:
    """i18n.install loads kiosk_<lang>.qm only: any other catalogue would be ignored."""
    shipped = {p.name for p in I18N.iterdir()}
    assert shipped == {f"kiosk_{lang}.{ext}" for lang in LANGS for ext in ("ts", "qm")}


def test_every_english_message_has_a_finished_translation() -> None:
    unfinished = []
    for (context, source), msg in catalogue("en").items():
        tr = msg.find("translation")
        assert tr is not None
        forms = [f.text for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else []
        texts = forms or [tr.text]
        if tr.get("type") is not None or not all(texts):
            unfinished.append(f"{context}: {source!r}")
    assert unfinished == []


def test_french_plural_forms_are_finished() -> None:
    plurals = [(k, m) for k, m in catalogue("fr").items() if m.get("numerus") == "yes"]
    assert plurals
    for (context, source), msg in plurals:
        tr = msg.find("translation")
        assert tr is not None and tr.get("type") is None, (context, source)
        assert all(f.text for f in tr.iter("numerusform")), (context, source)


@pytest.mark.parametrize("lang", LANGS)
def test_shipped_qm_is_compiled_from_the_ts(lang: str, tmp_path: Path) -> None:
    lrelease = translations._tool("lrelease")
    if not Path(lrelease).exists() and shutil.which(lrelease) is None:
        pytest.skip("pyside6-lrelease not installed")
    fresh = tmp_path / f"kiosk_{lang}.qm"
    subprocess.run(
        [lrelease, str(I18N / f"kiosk_{lang}.ts"), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == (I18N / f"kiosk_{lang}.qm").read_bytes(), (
        "run tools/translations.py and commit the .qm files"
    )


def test_shipped_english_qm_translates_every_message(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(I18N / "kiosk_en.qm"))
    untranslated = []
    for (context, source), msg in catalogue("en").items():
        n = 1 if msg.get("numerus") == "yes" else -1
        if not translator.translate(context, source, None, n):
            untranslated.append(f"{context}: {source!r}")
    assert untranslated == []


def test_every_translatable_text_of_the_code_is_in_the_catalogue() -> None:
    texts, hidden = translatable_texts()
    assert hidden == [], "lupdate cannot extract these: pass the literal text to tr/translate"
    assert len(texts) > 250  # the finder does see the code's texts
    for lang in LANGS:
        known = set(catalogue(lang))
        missing = sorted(f"{c}: {s!r}" for c, s in texts - known)
        assert missing == [], f"not in kiosk_{lang}.ts: run tools/translations.py"
        stale = sorted(f"{c}: {s!r}" for c, s in known - texts)
        assert stale == [], f"kiosk_{lang}.ts has texts the code no longer uses"


def test_camera_texts_are_in_the_catalogue() -> None:
    texts, _ = translatable_texts()
    camera = {s for c, s in texts if c == "CameraView"}
    assert {"Aucune caméra détectée", "Caméra arrêtée", "Aperçu de la caméra"} <= camera
    assert {("CameraView", s) for s in camera} <= set(catalogue("en"))


def test_one_french_word_can_have_two_english_ones(english) -> None:
    assert QCoreApplication.translate("StaffManager", "Code") == "PIN"  # the staff PIN field
    assert QCoreApplication.translate("TodayPanel", "Code") == "Code"  # a countermark column


class _NoCameras(QMediaDevices):
    @staticmethod
    def videoInputs() -> list[QCameraDevice]:
        return []


def test_camera_status_is_shown_in_english(english, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(camera_module, "QMediaDevices", _NoCameras)
    scanner = CameraScanner(decode_rate_hz=0)
    view = CameraView(scanner)
    qtbot.addWidget(view)
    try:
        assert view.accessibleName() == "Camera preview"
        assert view.overlay_message() == "Camera stopped"
        with qtbot.waitSignal(scanner.status_changed, timeout=2000) as blocker:
            scanner.start()
        assert scanner.state == CameraState.NO_CAMERA
        assert blocker.args == ["No camera detected"]
        assert view.overlay_message() == "No camera detected"
        scanner.stop()
        assert scanner.status == "Camera stopped"
    finally:
        scanner.shutdown()
