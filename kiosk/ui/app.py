"""Start the Qt application and the counter window (used by `kiosk run` and `kiosk demo`)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.platform.config import Config
from kiosk.ui.common import gui_gc, i18n, startup_trace
from kiosk.ui.common.first_paint import after_first_paint
from kiosk.ui.common.fonts import load_fonts
from kiosk.ui.main_window import MainWindow

if TYPE_CHECKING:  # the services import SQLAlchemy: not on the way to the window
    from kiosk.services.wiring import Services

log = logging.getLogger("kiosk.ui")
FONT_PROPERTY = "kiosk.font"  # the family load_fonts() made the application font
PREFERRED_SIZE = QSize(1280, 800)
# What a window manager and a task bar may take around the window: borders, title bar, panel.
DECORATION = QSize(16, 72)


def application(*, fonts: bool = True) -> QApplication:
    """The Qt application. `fonts=False` leaves the shipped font to `ensure_fonts`: the
    window's bare frame draws no text, and the font database costs a tenth of the way to it."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("kiosk-passculture")
    i18n.set_display_name()  # the language's, once `i18n.install` ran
    gui_gc.install(app)
    if fonts:
        ensure_fonts(app)
    return app


def ensure_fonts(app: QApplication) -> None:
    """The shipped font as the application's, before any text is drawn: a bare machine may
    have no fonts at all. Once."""
    if not app.property(FONT_PROPERTY):
        family = load_fonts(app)
        if family is None:
            log.warning("shipped font not loaded: text may render as boxes")
        app.setProperty(FONT_PROPERTY, family or "")


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
    """The counter window, whole, shown. `lockdown`: kiosk mode (see `MainWindow.lock_down`)."""
    i18n.install(i18n.lang_of(services.config.language))
    window = MainWindow(services, ask_pin=ask_pin)
    startup_trace.watch_window(window)
    startup_trace.watch_counter(window.screen, window.screen.band, window.screen.result_shown)
    if not (lockdown and window.lock_down()):
        place(window, fullscreen=fullscreen)
    gui_gc.freeze_startup()
    return window


def open_frame(config: Config, *, fullscreen: bool = False, lockdown: bool = False) -> MainWindow:
    """The counter window's bare frame (title, colours, no text yet), shown and painted before
    anything heavy is imported: `kiosk run` maps its window this early, then `fill_frame`s it.
    Keys typed meanwhile wait in Qt's queue and reach the counter once it is built."""
    i18n.install(i18n.lang_of(config.language))
    window = MainWindow(config=config)
    # Kiosk mode is full screen from the first picture (the lock itself needs the services).
    place(window, fullscreen=fullscreen or lockdown)
    # Watched once shown: a Python event filter on the window while it is set up and shown
    # costs more than what it measures (10 ms before the window maps, bench_startup).
    startup_trace.watch_window(window)
    wait_painted(window)
    return window


def fill_frame(
    window: MainWindow, services: Services, *, fullscreen: bool = False, lockdown: bool = False
) -> MainWindow:
    """The counter built into a frame from `open_frame`, in the shipped font."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ensure_fonts(app)
    window.attach(services)
    startup_trace.watch_counter(window.screen, window.screen.band, window.screen.result_shown)
    if lockdown and not window.lock_down() and not fullscreen:
        place(window)  # refused (no admin PIN): a normal window, as `open_window` would open
    gui_gc.freeze_startup()
    return window


def place(window: QWidget, *, fullscreen: bool = False) -> None:
    """Shows the window full screen, at its start size, or maximized (see `start_size`)."""
    screen = QGuiApplication.primaryScreen()
    if fullscreen and screen is not None:
        window.setGeometry(screen.geometry())
        window.showFullScreen()
        return
    size = start_size(screen.availableGeometry().size()) if screen is not None else None
    if window.isFullScreen():
        window.showNormal()
    if size is None:
        window.showMaximized()
    else:
        window.resize(size)
        window.show()


def wait_painted(window: QWidget, timeout_ms: int = 1000) -> None:
    """Runs the event loop until `window` is painted (or `timeout_ms`), without taking a key
    or a click: user input stays queued, in order, with its timestamps (the wedge tells a
    scanner's burst from typing by them), for the counter that will be there to take it."""
    loop = QEventLoop()
    after_first_paint(window, loop.quit, fallback_ms=timeout_ms)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
