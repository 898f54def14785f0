"""Finder rebuilding: a QR code whose finder pattern is lost under a glare spot is read again."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import qrcode
from PIL import Image, ImageDraw, ImageFilter, ImageOps

from kiosk.cli import decode as decode_cli
from kiosk.scan import finders
from kiosk.scan.decoder import FALLBACKS, VIDEO_FALLBACKS, FrameDecoder, decode_detailed, decode_qr

PAYLOAD = "PASSCULTURE:v3;TOKEN:ABC234"
MODULE, BORDER = 5, 4  # px a module, quiet-zone modules


def code_image() -> Image.Image:
    return qrcode.make(PAYLOAD, box_size=MODULE, border=BORDER).get_image().convert("L")


def in_frame(code: Image.Image, angle: float = 0.0) -> Image.Image:
    """The code rotated about the centre of a 640x480 grey frame, slightly out of focus."""
    rotated = code.rotate(angle, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    frame = Image.new("L", (640, 480), 110)
    frame.paste(rotated, (320 - rotated.width // 2, 240 - rotated.height // 2))
    return frame.filter(ImageFilter.GaussianBlur(0.8))


def glare_on_a_finder(angle: float = 20.0) -> Image.Image:
    """A saturated spot over the top-right finder: zxing no longer locates the code."""
    code = code_image()
    n, b, m = code.width, BORDER * MODULE, MODULE
    ImageDraw.Draw(code).ellipse((n - b - 8 * m, b - m, n - b + m, b + 8 * m), fill=255)
    return in_frame(code, angle)


def expected_centres(angle: float) -> list[tuple[float, float]]:
    """The three finder centres of ``in_frame(code_image(), angle)``."""
    n = code_image().width
    near, far = (BORDER + 3.5) * MODULE, n - (BORDER + 3.5) * MODULE
    out = []
    a = math.radians(angle)
    for x, y in ((near, near), (far, near), (near, far)):
        dx, dy = x - n / 2, y - n / 2  # PIL rotates counter-clockwise on screen
        c, s = math.cos(a), math.sin(a)
        out.append((320 + dx * c + dy * s, 240 - dx * s + dy * c))
    return out


def dark_finders(frame: Image.Image) -> list[finders.Finder]:
    return finders.find_finders(finders.flatten(frame, 12).point(finders._DARK_LUT))


@pytest.mark.parametrize("angle", [0.0, 20.0, -35.0])
def test_finds_the_three_finders_and_their_axis(angle: float) -> None:
    frame = in_frame(code_image(), angle)
    found = dark_finders(frame)[:3]
    assert len(found) == 3
    for x, y in expected_centres(angle):
        nearest = min(found, key=lambda f: math.hypot(f[0] - x, f[1] - y))
        assert math.hypot(nearest[0] - x, nearest[1] - y) < MODULE
        assert nearest[2] == pytest.approx(MODULE, rel=0.25)
    binary = finders.flatten(frame, 12).point(finders._DARK_LUT)
    axis = finders._axis(binary.tobytes(), 640, 480, found[0])
    assert axis is not None
    error = (math.degrees(axis) + angle) % 90  # image y points down: the angle turns sign
    assert min(error, 90 - error) < 4


def test_a_code_with_a_finder_under_glare_is_read_by_this_pass_only() -> None:
    frame = glare_on_a_finder()
    others = [v for v in FALLBACKS if v.name != "rebuild_finder"]
    assert decode_qr(frame, fallbacks=others, budget_s=None) == []
    result = decode_detailed(frame, budget_s=None)
    assert result.texts == [PAYLOAD] and result.found_by == "rebuild_finder"


def test_dark_mode_code_with_a_finder_under_glare() -> None:
    frame = ImageOps.invert(glare_on_a_finder(0.0))
    assert finders.rebuild_finder(frame) == [PAYLOAD]


def test_the_video_chain_rebuilds_a_finder_on_its_costly_turn() -> None:
    """A phone held still under a fixed lamp: the spot stays on the finder frame after frame."""
    frame = glare_on_a_finder()
    decoder = FrameDecoder(every=3, hint=False, budget_s=None)  # no wall-clock cut-off
    assert decoder(frame) == [PAYLOAD]
    assert decoder.last.found_by == "rebuild_finder_video"
    assert VIDEO_FALLBACKS[-1].name == "rebuild_finder_video"
    without = FrameDecoder(VIDEO_FALLBACKS[:-1], every=3, hint=False, budget_s=None)
    assert [without(frame) for _ in range(6)] == [[]] * 6


def test_no_step_starts_once_the_deadline_has_passed() -> None:
    frame = glare_on_a_finder()
    calls: list[float] = []

    def clock() -> float:
        # The first check is on time; every later one is past the deadline (5.0).
        calls.append(0.0 if not calls else 10.0)
        return calls[-1]

    assert finders.rebuild_finder(frame, deadline=5.0, clock=clock) == []
    # Finding the finders ran; the first read's check saw the deadline passed and stopped.
    assert calls == [0.0, 10.0]
    assert finders.rebuild_finder(frame, deadline=None) == [PAYLOAD]


def test_a_symbol_whose_finders_are_not_ours_is_not_taken() -> None:
    """Painting a finder must never yield a read of some other symbol's finders."""
    frame = in_frame(code_image())
    centres = expected_centres(0.0)
    reader = finders._read_if_ours
    binarizer = finders.zxingcpp.Binarizer.LocalAverage
    assert reader(frame, binarizer, centres, MODULE) == [PAYLOAD]
    elsewhere = [(x + 6 * MODULE, y) for x, y in centres]
    assert reader(frame, binarizer, elsewhere, MODULE) == []


def test_empty_frames_give_nothing() -> None:
    noise = Image.effect_noise((640, 480), 40).filter(ImageFilter.GaussianBlur(1))
    assert finders.rebuild_finder(noise) == []
    assert finders.rebuild_finder(Image.new("L", (640, 480), 128)) == []


def test_kiosk_decode_reads_it(tmp_path: Path) -> None:
    import io

    path = tmp_path / "glare.png"
    glare_on_a_finder().save(path)
    out = io.StringIO()
    assert decode_cli.run([str(path)], out=out) == 0
    assert f"{path} : {PAYLOAD}" in out.getvalue()


def test_a_big_photo_is_scanned_at_about_1280_px(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scans are pure Python: a 12 MP photo is reduced first, and its code still read."""
    photo = glare_on_a_finder().resize((2560, 1920), Image.Resampling.BICUBIC)
    sizes: list[tuple[int, int]] = []
    scan = finders.find_finders

    def spy(binary: Image.Image, step: int = 1) -> list[finders.Finder]:
        sizes.append(binary.size)
        return scan(binary, step)

    monkeypatch.setattr(finders, "find_finders", spy)
    assert finders.rebuild_finder(photo) == [PAYLOAD]
    assert sizes and all(max(size) <= 1280 for size in sizes)
