"""QR decoder: input kinds, fallbacks, and the decode rate on a seeded degraded corpus."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import qrcode
from PIL import Image, ImageOps

from kiosk.scan.decoder import FALLBACKS, FrameDecoder, Variant, decode_qr, to_gray

ROOT = Path(__file__).resolve().parents[3]
PAYLOAD = "PASSCULTURE:v3;TOKEN:ABC234"


def load_corpus_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_qr_corpus", ROOT / "tools/make_qr_corpus.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, str]]]:
    tool = load_corpus_tool()
    out = tmp_path_factory.mktemp("corpus")
    items = tool.generate(out, count=60, seed=31)
    return out, items


def code_image(payload: str = PAYLOAD, box: int = 6) -> Image.Image:
    return qrcode.make(payload, box_size=box, border=4).get_image().convert("L")


def test_plain_pil_image() -> None:
    assert decode_qr(code_image()) == [PAYLOAD]


def test_bare_token() -> None:
    assert decode_qr(code_image("K7MXQ2")) == ["K7MXQ2"]


def test_image_without_code_gives_empty_list() -> None:
    assert decode_qr(Image.linear_gradient("L").resize((640, 480))) == []
    assert decode_qr(Image.new("L", (1, 1), 255)) == []


def test_qimage_in_camera_format_is_converted_first(qapp) -> None:
    from PySide6.QtGui import QImage

    rgba = code_image().convert("RGBA")
    image = QImage(rgba.tobytes(), rgba.width, rgba.height, QImage.Format.Format_RGBA8888).copy()
    # zxing-cpp raises TypeError on this format when handed it directly.
    premultiplied = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    assert to_gray(premultiplied).format() == QImage.Format.Format_Grayscale8
    assert decode_qr(premultiplied) == [PAYLOAD]
    assert decode_qr(QImage()) == []


def test_transparent_screenshot_is_put_on_white() -> None:
    code = code_image()
    rgba = Image.new("RGBA", code.size, (0, 0, 0, 0))
    rgba.putalpha(ImageOps.invert(code))  # black modules, transparent background
    assert decode_qr(rgba) == [PAYLOAD]


def test_dark_mode_code() -> None:
    assert decode_qr(ImageOps.invert(code_image())) == [PAYLOAD]


def test_unsupported_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        decode_qr(b"not an image")


def test_fallbacks_run_only_when_the_fast_pass_fails() -> None:
    calls: list[str] = []

    def spy(im: Image.Image) -> Image.Image:
        calls.append("spy")
        return im

    variants = [Variant("spy", spy)]
    assert decode_qr(code_image(), fallbacks=variants) == [PAYLOAD]
    assert calls == []
    assert decode_qr(Image.new("L", (64, 64), 200), fallbacks=variants) == []
    assert calls == ["spy"]


def test_frame_decoder_spreads_fallbacks_over_frames() -> None:
    seen: list[str] = []

    def named(name: str) -> Variant:
        return Variant(name, lambda im: seen.append(name) or im)

    decoder = FrameDecoder([named("a"), named("b"), named("c")], per_frame=1)
    blank = Image.new("L", (64, 64), 200)
    for _ in range(4):
        assert decoder(blank) == []
    assert seen == ["a", "b", "c", "a"]
    assert decoder(code_image()) == [PAYLOAD]
    assert len(seen) == 4  # found by the fast pass: no fallback


def test_every_fallback_keeps_a_readable_code_readable() -> None:
    img = code_image(box=5)
    for variant in FALLBACKS:
        assert decode_qr(variant.prepare(img), fallbacks=()) == [PAYLOAD], variant.name


def test_decode_rate_on_degraded_corpus(corpus) -> None:
    out, items = corpus
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["items"] == items
    kinds = Counter(item["degradation"] for item in items)
    assert len(kinds) == 12 and min(kinds.values()) == 5  # every degradation is covered
    ok = Counter()
    for item in items:
        with Image.open(out / item["file"]) as image:
            if item["payload"] in decode_qr(image):
                ok[item["degradation"]] += 1
    rate = sum(ok.values()) / len(items)
    per_kind = {k: f"{ok[k]}/{n}" for k, n in kinds.items()}
    assert rate >= 0.95, per_kind
    assert ok["clean"] == kinds["clean"]


def test_corpus_is_deterministic(tmp_path: Path) -> None:
    tool = load_corpus_tool()
    a = tool.generate(tmp_path / "a", count=12, seed=5)
    b = tool.generate(tmp_path / "b", count=12, seed=5)
    assert a == b
    for item in a:
        assert (tmp_path / "a" / item["file"]).read_bytes() == (
            tmp_path / "b" / item["file"]
        ).read_bytes()
