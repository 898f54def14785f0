"""CameraScanner driven by frames pushed into its QVideoSink (no camera on this machine)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")

import threading
from collections.abc import Iterator
from io import BytesIO

import pytest
import qrcode
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame

from kiosk.scan.camera import CameraScanner, CameraState
from kiosk.scan.decoder import FrameDecoder

PAYLOAD = "PASSCULTURE:v3;TOKEN:K7MXQ2"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def qimage_of(pil: Image.Image) -> QImage:
    buf = BytesIO()
    pil.save(buf, "PNG")
    image = QImage()
    assert image.loadFromData(buf.getvalue(), "PNG")
    # What a camera typically hands over: a 32-bit frame, not grayscale.
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def qr_frame(payload: str = PAYLOAD) -> QImage:
    code = qrcode.make(payload, box_size=6, border=4).get_image().convert("L")
    frame = Image.new("L", (640, 480), 128)
    frame.paste(code, ((640 - code.width) // 2, (480 - code.height) // 2))
    return qimage_of(frame)


def empty_frame() -> QImage:
    return qimage_of(Image.linear_gradient("L").resize((640, 480)))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def scanner(qtbot, clock: FakeClock) -> Iterator[CameraScanner]:
    s = CameraScanner(decode_rate_hz=0, duplicate_window_s=5.0, clock=clock)
    yield s
    s.shutdown()


def push(scanner: CameraScanner, qtbot, image: QImage) -> None:
    """Push one frame and wait until the worker has answered it."""
    before = scanner.frames_decoded
    scanner.video_sink.setVideoFrame(QVideoFrame(image))
    qtbot.waitUntil(lambda: scanner.frames_decoded > before, timeout=5000)


def test_valid_code_is_emitted_once_with_source(scanner, qtbot) -> None:
    with qtbot.waitSignal(scanner.scanned, timeout=5000) as blocker:
        scanner.video_sink.setVideoFrame(QVideoFrame(qr_frame()))
    assert blocker.args == [PAYLOAD, "camera"]


def test_same_payload_within_window_is_suppressed_then_emitted_again(scanner, qtbot, clock) -> None:
    got: list[str] = []
    scanner.scanned.connect(lambda p, _s: got.append(p))
    frame = qr_frame()
    push(scanner, qtbot, frame)
    clock.now += 2.0
    push(scanner, qtbot, frame)
    assert got == [PAYLOAD]
    # Held in view: each sighting restarts the window, so still nothing 4.9 s after the last.
    clock.now += 4.9
    push(scanner, qtbot, frame)
    assert got == [PAYLOAD]
    # Away for longer than the window, then shown again: a new scan.
    clock.now += 5.1
    push(scanner, qtbot, frame)
    assert got == [PAYLOAD, PAYLOAD]


def test_other_payload_is_not_suppressed(scanner, qtbot) -> None:
    got: list[str] = []
    scanner.scanned.connect(lambda p, _s: got.append(p))
    push(scanner, qtbot, qr_frame())
    push(scanner, qtbot, qr_frame("K7MXQ3"))
    assert got == [PAYLOAD, "K7MXQ3"]


def test_frame_without_code_emits_nothing(scanner, qtbot) -> None:
    got: list[str] = []
    scanner.scanned.connect(lambda p, _s: got.append(p))
    for _ in range(3):
        push(scanner, qtbot, empty_frame())
    assert got == []
    assert scanner.frames_decoded == 3


def test_decoding_runs_off_the_qt_thread(qtbot, clock) -> None:
    threads: list[int] = []
    real = FrameDecoder()

    def spy(image: QImage) -> list[str]:
        threads.append(threading.get_ident())
        return real(image)

    s = CameraScanner(decode_rate_hz=0, decoder=spy, clock=clock)
    try:
        with qtbot.waitSignal(s.scanned, timeout=5000):
            s.video_sink.setVideoFrame(QVideoFrame(qr_frame()))
        assert threads and threads[0] != threading.get_ident()
    finally:
        s.shutdown()


def test_frames_are_dropped_while_a_decode_is_in_flight(qtbot, clock) -> None:
    release = threading.Event()
    calls: list[int] = []

    def slow(image: QImage) -> list[str]:
        calls.append(1)
        release.wait(10)
        return []

    s = CameraScanner(decode_rate_hz=0, decoder=slow, clock=clock)
    try:
        frame = QVideoFrame(empty_frame())
        s.video_sink.setVideoFrame(frame)
        qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
        for _ in range(5):
            s.video_sink.setVideoFrame(QVideoFrame(empty_frame()))
        assert s.frames_dropped == 5
        release.set()
        qtbot.waitUntil(lambda: s.frames_decoded == 1, timeout=5000)
        assert len(calls) == 1
    finally:
        release.set()
        s.shutdown()


def test_decode_rate_is_throttled_by_the_clock(qtbot, clock) -> None:
    s = CameraScanner(decode_rate_hz=10, clock=clock)
    try:
        push(s, qtbot, empty_frame())
        # 50 ms later: too soon for 10 decodes/s, the frame is skipped.
        clock.now += 0.05
        s.video_sink.setVideoFrame(QVideoFrame(empty_frame()))
        qtbot.wait(50)
        assert s.frames_decoded == 1
        clock.now += 0.06
        push(s, qtbot, empty_frame())
        assert s.frames_decoded == 2
    finally:
        s.shutdown()


def test_no_camera_gives_a_french_status_and_frames_still_work(scanner, qtbot) -> None:
    assert scanner.available_cameras() == []
    with qtbot.waitSignal(scanner.status_changed, timeout=2000) as blocker:
        scanner.start()
    assert blocker.args == ["Aucune caméra détectée"]
    assert scanner.state == CameraState.NO_CAMERA
    assert not scanner.is_active()
    scanner.select_camera("does-not-exist")  # nothing to switch to, nothing breaks
    assert scanner.status == "Aucune caméra détectée"
    with qtbot.waitSignal(scanner.scanned, timeout=5000):
        scanner.video_sink.setVideoFrame(QVideoFrame(qr_frame()))
    scanner.stop()
    assert scanner.state == CameraState.IDLE


def test_permission_refused_is_said_plainly(qtbot) -> None:
    class Denied(CameraScanner):
        def _permission_status(self) -> Qt.PermissionStatus:
            return Qt.PermissionStatus.Denied

    s = Denied()
    try:
        s.start()
        assert s.state == CameraState.DENIED
        assert s.status.startswith("Accès à la caméra refusé")
    finally:
        s.shutdown()


def test_invalid_frame_is_ignored(scanner, qtbot) -> None:
    scanner.video_sink.setVideoFrame(QVideoFrame())
    qtbot.wait(20)
    assert scanner.frames_seen == 0


def test_shutdown_is_idempotent(qtbot) -> None:
    s = CameraScanner()
    s.shutdown()
    s.shutdown()
    s.video_sink.setVideoFrame(QVideoFrame(empty_frame()))  # after shutdown: ignored, no crash


def small_soft_frame(payload: str = PAYLOAD) -> QImage:
    """A far, out-of-focus code: the fast pass misses it, the costly 2x pass reads it."""
    from PIL import ImageFilter

    frame = Image.new("L", (640, 480), 128)
    frame.paste(qrcode.make(payload, box_size=3, border=4).get_image().convert("L"), (200, 120))
    return qimage_of(frame.filter(ImageFilter.GaussianBlur(1.5)))


HARD_UNLOCATED = "PASSCULTURE:v3;TOKEN:ABC234"  # zxing does not even locate it blurred
HARD_LOCATED = PAYLOAD  # zxing locates it but cannot decode it without a rescue pass


def test_live_path_reads_a_hard_code_on_a_later_frame(qtbot, clock) -> None:
    """The default decoder keeps the costly passes for every 3rd frame: the code held in view is
    read within three frames, and frames in between stay cheap."""
    # The default decoder, minus its wall-clock budget (a loaded machine must not change the test).
    s = CameraScanner(decode_rate_hz=0, clock=clock, decoder=FrameDecoder(budget_s=None))
    got: list[str] = []
    s.scanned.connect(lambda p, _s: got.append(p))
    try:
        push(s, qtbot, empty_frame())  # the costly turn goes to an empty frame
        hard = small_soft_frame(HARD_UNLOCATED)
        for _ in range(2):
            push(s, qtbot, hard)
        assert got == []
        push(s, qtbot, hard)
        assert got == [HARD_UNLOCATED]
    finally:
        s.shutdown()


def test_live_path_reads_a_located_code_at_once(qtbot, clock) -> None:
    s = CameraScanner(decode_rate_hz=0, clock=clock, decoder=FrameDecoder(budget_s=None))
    got: list[str] = []
    s.scanned.connect(lambda p, _s: got.append(p))
    try:
        push(s, qtbot, empty_frame())  # the costly turn goes to an empty frame
        push(s, qtbot, small_soft_frame(HARD_LOCATED))  # off turn, but a code is in view
        assert got == [HARD_LOCATED]
    finally:
        s.shutdown()


def test_live_path_spends_costly_passes_on_every_nth_frame_only(qtbot, clock) -> None:
    from kiosk.scan.decoder import Variant

    calls: list[str] = []

    def named(name: str) -> Variant:
        return Variant(name, lambda im: calls.append(name) or im)

    decoder = FrameDecoder([named("cheap"), named("costly")], cheap=1, every=4)
    s = CameraScanner(decode_rate_hz=0, decoder=decoder, clock=clock)
    try:
        for _ in range(8):
            push(s, qtbot, empty_frame())
        assert calls.count("cheap") == 8
        assert calls.count("costly") == 2
    finally:
        s.shutdown()
