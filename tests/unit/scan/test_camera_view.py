"""CameraView: preview of pushed frames, aiming guide, status when there is no camera."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")

from collections.abc import Iterator

import pytest
import qrcode
from PIL import Image
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QVideoFrame

from kiosk.scan.camera import CameraScanner
from kiosk.ui.counter.camera_view import CameraView

PAYLOAD = "PASSCULTURE:v3;TOKEN:K7MXQ2"


def qr_frame() -> QImage:
    code = qrcode.make(PAYLOAD, box_size=6, border=4).get_image().convert("L")
    frame = Image.new("L", (640, 480), 128)
    frame.paste(code, ((640 - code.width) // 2, (480 - code.height) // 2))
    data = frame.convert("RGBA").tobytes()
    return QImage(data, 640, 480, 640 * 4, QImage.Format.Format_RGBA8888).copy()


@pytest.fixture
def view(qtbot) -> Iterator[CameraView]:
    scanner = CameraScanner(decode_rate_hz=0)
    v = CameraView(scanner)
    qtbot.addWidget(v)
    v.resize(640, 480)
    v.show()
    qtbot.waitExposed(v)
    yield v
    scanner.shutdown()


def test_no_camera_message_is_painted_instead_of_a_preview(view, qtbot) -> None:
    view.scanner.start()
    assert view.overlay_message() == "Aucune caméra détectée"
    shot = view.grab().toImage()
    assert not shot.isNull()
    assert view.latest_image() is None
    if os.environ.get("KIOSK_SHOTS"):
        shot.save(os.path.join(os.environ["KIOSK_SHOTS"], "camera_view_no_camera.png"))


def test_pushed_frame_is_previewed_with_the_guide(view, qtbot) -> None:
    assert view.overlay_message() == "Caméra arrêtée"  # nothing yet
    with qtbot.waitSignal(view.scanner.scanned, timeout=5000) as blocker:
        view.scanner.video_sink.setVideoFrame(QVideoFrame(qr_frame()))
    assert blocker.args == [PAYLOAD, "camera"]
    image = view.latest_image()
    assert image is not None and image.size().width() == 640
    assert view.overlay_message() == "Présentez le QR code dans le cadre"
    shot = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    # The guide flashes green right after a scan: some clearly green pixels are on screen.
    greens = sum(
        1
        for x in range(0, shot.width(), 4)
        for y in range(0, shot.height(), 4)
        if _is_green(QColor(shot.pixel(x, y)))
    )
    assert greens > 10
    if os.environ.get("KIOSK_SHOTS"):
        shot.save(os.path.join(os.environ["KIOSK_SHOTS"], "camera_view.png"))


def _is_green(c: QColor) -> bool:
    return c.green() > 150 and c.red() < 110 and c.blue() < 150
