"""Start the Qt application and the counter window (used by `kiosk run` and `kiosk demo`)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.services.wiring import Services
from kiosk.ui.common import gui_gc, i18n, startup_trace
from kiosk.ui.common.fonts import load_fonts
from kiosk.ui.main_window import MainWindow

log = logging.getLogger("kiosk.ui")
FONT_PROPERTY = "kiosk.font"  # the family load_fonts() made the application font


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("kiosk-passculture")
        app.setApplicationDisplayName("Guichet pass Culture")
    assert isinstance(app, QApplication)
    gui_gc.install(app)
    if not app.property(FONT_PROPERTY):
        # The shipped font, before any widget exists: a bare machine may have none at all.
        family = load_fonts(app)
        if family is None:
            log.warning("shipped font not loaded: text may render as boxes")
        app.setProperty(FONT_PROPERTY, family or "")
    return app


def open_window(
    services: Services,
    *,
    fullscreen: bool = False,
    lockdown: bool = False,
    ask_pin: Callable[[QWidget | None], bool] | None = None,
) -> MainWindow:
    """The counter window, shown. `lockdown`: kiosk mode (see `MainWindow.lock_down`)."""
    i18n.install(i18n.lang_of(services.config.language))
    window = MainWindow(services, ask_pin=ask_pin)
    startup_trace.watch_window(window, window.screen.band, window.screen.result_shown)
    screen = QGuiApplication.primaryScreen()
    if lockdown and window.lock_down():
        return window
    if fullscreen and screen is not None:
        window.setGeometry(screen.geometry())
        window.showFullScreen()
    else:
        if screen is not None:
            geo = screen.availableGeometry()
            window.resize(min(1280, geo.width()), min(800, geo.height()))
        window.show()
    gui_gc.freeze_startup()
    return window
