"""Start the Qt application and the counter window (used by `kiosk run` and `kiosk demo`)."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk.services import Services
from kiosk.ui import i18n
from kiosk.ui.main_window import MainWindow

log = logging.getLogger("kiosk.ui")


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("kiosk-passculture")
        app.setApplicationDisplayName("Guichet pass Culture")
    assert isinstance(app, QApplication)
    if "DejaVu Sans" in QFontDatabase.families():
        app.setFont(QFont("DejaVu Sans", 11))
    return app


def open_window(services: Services, *, fullscreen: bool = False) -> MainWindow:
    i18n.install(i18n.lang_of(services.config.language))
    window = MainWindow(services)
    screen = QGuiApplication.primaryScreen()
    if fullscreen and screen is not None:
        window.setGeometry(screen.geometry())
        window.showFullScreen()
    else:
        if screen is not None:
            geo = screen.availableGeometry()
            window.resize(min(1280, geo.width()), min(800, geo.height()))
        window.show()
    return window
