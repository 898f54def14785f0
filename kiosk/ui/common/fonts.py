"""The shipped font (DejaVu Sans), loaded at start: a bare machine may have no fonts at all,
and then Qt draws every letter as a box without a warning."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.platform.resources import resource_path

log = logging.getLogger("kiosk.ui.common.fonts")

FAMILY = "DejaVu Sans"
FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
POINT_SIZE = 12


def load_fonts(app: QApplication, point_size: int = POINT_SIZE) -> str | None:
    """Register the shipped TTFs and make them the application font; returns the family."""
    families: set[str] = set()
    for name in FILES:
        path = resource_path("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font not loaded: %s", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FAMILY not in families and FAMILY not in QFontDatabase.families():
        return None
    font = QFont(FAMILY, point_size)
    app.setFont(font)
    return FAMILY
