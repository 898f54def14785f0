"""Start the Qt application and the counter window (used by `kiosk run` and `kiosk demo`)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.services.wiring import Services
from kiosk.ui.common import gui_gc, i18n, startup_trace
from kiosk.ui.common.fonts import load_fonts
from kiosk.ui.main_window import MainWindow

log = logging.getLogger("kiosk.ui")
FONT_PROPERTY = "kiosk.font"  # the family load_fonts() made the application font
PREFERRED_SIZE = QSize(1280, 800)
# What a window manager and a task bar may take around the window: borders, title bar, panel.
DECORATION = QSize(16, 72)


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("kiosk-passculture")
    i18n.set_display_name()  # the language's, once `i18n.install` ran
    gui_gc.install(app)
    if not app.property(FONT_PROPERTY):
        # The shipped font, before any widget exists: a bare machine may have none at all.
        family = load_fonts(app)
        if family is None:
            log.warning("shipped font not loaded: text may render as boxes")
        app.setProperty(FONT_PROPERTY, family or "")
    return app


def start_size(available: QSize) -> QSize | None:
    """The window's size at start on a screen whose free area is `available`, or None to
    maximize it. A window resized to the whole free area is taller than the screen once the
    window manager adds its title bar (the status bar fell off a 768-pixel screen); maximized,
    the window manager fits title bar, borders and window in the screen itself."""
    room = PREFERRED_SIZE + DECORATION
    if available.width() >= room.width() and available.height() >= room.height():
        return PREFERRED_SIZE
    return None


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
        size = start_size(screen.availableGeometry().size()) if screen is not None else None
        if size is None:
            window.showMaximized()
        else:
            window.resize(size)
            window.show()
    gui_gc.freeze_startup()
    return window
