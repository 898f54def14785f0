"""Qt translations: French source strings in the code, English shipped as a .qm file."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from kiosk.platform.resources import translation_path

log = logging.getLogger("kiosk.ui")
_installed: list[QTranslator] = []


def install(lang: str) -> bool:
    """Install the catalogue for `lang` (`kiosk_<lang>.qm`): English texts, or French plural
    forms (the source strings are French). True when the catalogue is active."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "fr":
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    path = translation_path(lang)
    translator = QTranslator(app)
    loaded = translator.load(str(path))
    if loaded:
        app.installTranslator(translator)
        _installed.append(translator)
    else:  # French still works: the sources are French
        log.warning("translation catalogue for %r not loaded: %s", lang, path)
    set_display_name()
    return loaded


def display_name() -> str:
    """The application's name in the installed language."""
    return QCoreApplication.translate("App", "Guichet pass Culture")


def set_display_name() -> None:
    """Qt appends the display name to every window title that does not already end with it
    (QPlatformWindow::formatWindowTitle): in the window's language, or titles mix both."""
    if isinstance(app := QCoreApplication.instance(), QGuiApplication):
        app.setApplicationDisplayName(display_name())


def lang_of(config_lang: str) -> str:
    """The language code the domain texts use ("fr" or "en")."""
    return "en" if config_lang == "en" else "fr"
