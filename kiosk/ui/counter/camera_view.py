"""Live camera preview with an aiming frame, for the counter screen.

The widget only shows things: it paints the latest frame of the scanner's video sink (scaled to
fit, mirrored like a selfie so that moving the phone to the left moves it left on screen), a
rounded square guide in the centre with "Présentez le QR code dans le cadre", and the scanner's
status message when there is no picture (no camera, unplugged, permission refused...). Decoding
is the scanner's job: it reads the same sink, not this widget.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtMultimedia import QVideoFrame
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.scan.camera import CameraScanner, CameraState

__all__ = ["CameraView"]

_BACKGROUND = QColor("#1b1b1f")
_GUIDE = QColor(255, 255, 255, 230)
_GUIDE_OK = QColor("#2fbf71")
_SHADE = QColor(0, 0, 0, 110)
_TEXT = QColor("#f5f5f7")


class CameraView(QWidget):
    """Preview of a ``CameraScanner``; flashes the guide green when a code was read."""

    FLASH_MS = 600

    def __init__(
        self, scanner: CameraScanner, parent: QWidget | None = None, *, mirrored: bool = True
    ) -> None:
        super().__init__(parent)
        self._scanner = scanner
        self.mirrored = mirrored
        self._image: QImage | None = None
        self._flash = False
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(QCoreApplication.translate("CameraView", "Aperçu de la caméra"))
        scanner.video_sink.videoFrameChanged.connect(self._on_frame)
        scanner.status_changed.connect(self._on_status)
        scanner.scanned.connect(self._on_scanned)

    # ----------------------------------------------------------------- state

    @property
    def scanner(self) -> CameraScanner:
        return self._scanner

    def latest_image(self) -> QImage | None:
        """The frame painted last (for tests and screenshots)."""
        return self._image

    def guide_text(self) -> str:
        return QCoreApplication.translate("CameraView", "Présentez le QR code dans le cadre")

    def overlay_message(self) -> str:
        """What is written over the preview now: the status when there is no picture."""
        if self._showing_status():
            return self._scanner.status or QCoreApplication.translate(
                "CameraView", "Caméra arrêtée"
            )
        return self.guide_text()

    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 180)

    def _showing_status(self) -> bool:
        problem = self._scanner.state in (
            CameraState.NO_CAMERA,
            CameraState.UNPLUGGED,
            CameraState.DENIED,
            CameraState.ERROR,
        )
        return problem or self._image is None

    # ----------------------------------------------------------------- slots

    @Slot(QVideoFrame)
    def _on_frame(self, frame: QVideoFrame) -> None:
        if not self.isVisible() or not frame.isValid():
            return
        image = frame.toImage()
        if image.isNull():
            return
        self._image = image
        self.update()

    @Slot(str)
    def _on_status(self, _message: str) -> None:
        if self._scanner.state in (CameraState.NO_CAMERA, CameraState.UNPLUGGED):
            self._image = None  # do not freeze on the last picture of a camera that is gone
        self.update()

    @Slot(str, str)
    def _on_scanned(self, _payload: str, _source: str) -> None:
        self._flash = True
        self._flash_timer.start(self.FLASH_MS)
        self.update()

    @Slot()
    def _end_flash(self) -> None:
        self._flash = False
        self.update()

    # ----------------------------------------------------------------- painting

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.fillRect(self.rect(), _BACKGROUND)
        if self._showing_status():
            self._paint_message(p, self.rect().toRectF(), self.overlay_message(), 0.045)
            p.end()
            return
        assert self._image is not None
        target = self._fit(self._image.size())
        if self.mirrored:
            p.save()
            p.translate(target.center())
            p.scale(-1, 1)
            p.translate(-target.center())
            p.drawImage(target, self._image)
            p.restore()
        else:
            p.drawImage(target, self._image)
        self._paint_guide(p, target)
        p.end()

    def _fit(self, size: QSize) -> QRectF:
        w, h = self.width(), self.height()
        scale = min(w / max(1, size.width()), h / max(1, size.height()))
        sw, sh = size.width() * scale, size.height() * scale
        return QRectF((w - sw) / 2, (h - sh) / 2, sw, sh)

    def _paint_guide(self, p: QPainter, area: QRectF) -> None:
        side = min(area.width(), area.height()) * 0.62
        guide = QRectF(0, 0, side, side)
        guide.moveCenter(area.center())
        radius = side * 0.08
        # Shade everything outside the guide so the eye goes to the middle.
        shade = QPainterPath()
        shade.addRect(area)
        hole = QPainterPath()
        hole.addRoundedRect(guide, radius, radius)
        p.fillPath(shade.subtracted(hole), _SHADE)
        pen = QPen(_GUIDE_OK if self._flash else _GUIDE, max(3.0, side * 0.015))
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(guide, radius, radius)
        text_area = QRectF(
            area.left(), guide.bottom(), area.width(), area.bottom() - guide.bottom()
        )
        self._paint_message(p, text_area, self.guide_text(), 0.04, shadow=True)

    def _paint_message(
        self, p: QPainter, area: QRectF, text: str, size_ratio: float, *, shadow: bool = False
    ) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(12, int(min(self.width(), self.height()) * size_ratio)))
        font.setWeight(QFont.Weight.DemiBold)
        p.setFont(font)
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        inner = area.adjusted(16, 8, -16, -8)
        if shadow:
            p.setPen(QColor(0, 0, 0, 160))
            p.drawText(inner.translated(1.5, 1.5), flags, text)
        p.setPen(_TEXT)
        p.drawText(inner, flags, text)
