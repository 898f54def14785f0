"""The offer's QR code, sized for a phone camera at arm's length.

qrcode + Pillow draw it with whole pixels per module (no smoothing), error correction M and
the standard 4-module quiet zone, at least `min_px` wide (320 px ≈ 8.5 cm at 96 dpi).
"""

from __future__ import annotations

import io
import math

import qrcode
from PySide6.QtGui import QPixmap
from qrcode.constants import ERROR_CORRECT_M

MIN_PX = 320
BORDER = 4


def qr_png(text: str, min_px: int = MIN_PX) -> bytes:
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=BORDER, box_size=1)
    qr.add_data(text)
    qr.make(fit=True)
    qr.box_size = max(1, math.ceil(min_px / (qr.modules_count + 2 * BORDER)))
    image = qr.make_image(fill_color="black", back_color="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def qr_pixmap(text: str, min_px: int = MIN_PX) -> QPixmap:
    pix = QPixmap()
    pix.loadFromData(qr_png(text, min_px), "PNG")
    return pix
