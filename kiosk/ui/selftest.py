"""`kiosk --self-test`: does this installation (source or bundle) have everything it needs?

One line per check, exit 0 only if all pass. Screens by other parts of the application are
built when importable and reported when not, so the self-test runs at every stage of the build.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

PAYLOAD = "PASSCULTURE:v3;TOKEN:ABC123"

# (module, what to build). Builders take the temporary data dir.
Screen = tuple[str, str, Callable[[Any, Path], Any]]


def _check_database(tmp: Path) -> str:
    from kiosk.store.database import Database
    from kiosk.store.migrate import current_revision, head_revision

    db = Database.open(tmp / "db")
    try:
        with db.connect() as conn:
            rev = current_revision(conn)
        if rev != head_revision():
            raise RuntimeError(f"schéma {rev} au lieu de {head_revision()}")
        if db.integrity_check() != ["ok"]:
            raise RuntimeError("contrôle d'intégrité en échec")
    finally:
        db.dispose()
    return f"migrations appliquées (révision {rev})"


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.common import gui_gc

    app = QApplication.instance() or QApplication(["kiosk-self-test"])
    gui_gc.install(app)  # build the screens under the application's own collection rules
    return app


def _check_translations(_tmp: Path) -> str:
    """The catalogues `kiosk.ui.common.i18n.install` loads (one per language) are readable."""
    from PySide6.QtCore import QTranslator

    from kiosk.platform.resources import translation_path

    app = _app()
    files = [translation_path(lang) for lang in ("en", "fr")]
    for qm in files:
        translator = QTranslator(app)
        if not translator.load(str(qm)):
            raise RuntimeError(f"{qm.name} absent ou illisible dans {qm.parent}")
    return ", ".join(f.name for f in files)


def _check_font(_tmp: Path) -> str:
    from PySide6.QtGui import QFontDatabase

    from kiosk.ui.common.fonts import FAMILY, load_fonts

    app = _app()
    family = load_fonts(app)
    if family != FAMILY or FAMILY not in QFontDatabase.families():
        raise RuntimeError(f"police {FAMILY} absente")
    return f"{family} chargée"


def _check_qr(_tmp: Path) -> str:
    import qrcode
    import zxingcpp

    from kiosk.domain.payload import parse_payload

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=4)
    qr.add_data(PAYLOAD)
    qr.make(fit=True)
    image = qr.make_image(fill_color="black", back_color="white").get_image().convert("L")
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    if not found or found[0].text != PAYLOAD:
        raise RuntimeError("QR code non relu")
    scan = parse_payload(found[0].text)
    if not scan.ok or scan.candidates[0] != "ABC123":
        raise RuntimeError(f"contremarque mal lue ({scan.reason})")
    return "QR généré, relu et analysé (ABC123)"


def _check_mesh(_tmp: Path) -> str:
    """The venue's mesh can start here: Zenoh's native library loads and opens a session on
    loopback (no multicast, no LAN traffic), and the payload cipher seals and opens."""
    import zenoh

    from kiosk.mesh.crypto import MeshKeys
    from kiosk.mesh.node import MeshSettings, zenoh_config

    keys = MeshKeys("self-test")
    if keys.open(keys.seal({"ok": True}, keys.records), keys.records) != {"ok": True}:
        raise RuntimeError("chiffrement AES-GCM en échec")
    session = zenoh.open(zenoh_config(MeshSettings(listen=("tcp/127.0.0.1:0",), multicast=False)))
    session.close()
    return "Zenoh et AES-GCM disponibles"


def _services(tmp: Path) -> Any:
    from kiosk.platform.config import Config
    from kiosk.services.wiring import open_services

    return open_services(Config(data_dir=tmp / "screens"), lock=False)


def _own_screens() -> list[Screen]:
    def wizard(_app: Any, tmp: Path) -> Any:
        from kiosk.ui.admin.wizard import SetupWizard

        return SetupWizard(tmp / "wizard")

    def settings(_app: Any, tmp: Path) -> Any:
        from kiosk.ui.admin.settings import SettingsDialog

        services = _services(tmp)
        _cleanups.append(services.close)
        return SettingsDialog(services)

    def pin(_app: Any, _tmp: Path) -> Any:
        from kiosk.ui.common.pin_dialog import PinDialog

        return PinDialog("Code administrateur")

    def staff_bar(_app: Any, tmp: Path) -> Any:
        from kiosk.services.security import Security
        from kiosk.services.staff import StaffService
        from kiosk.store.database import Database
        from kiosk.ui.counter.staff_bar import StaffBar

        db = Database.open(tmp / "staff")
        _cleanups.append(db.dispose)
        return StaffBar(StaffService(db, Security(db)))

    def lockdown(_app: Any, tmp: Path) -> Any:
        from PySide6.QtWidgets import QWidget

        from kiosk.services.security import Security
        from kiosk.store.database import Database
        from kiosk.ui.admin.lockdown import Lockdown

        w = QWidget()
        db = Database.open(tmp / "lock")
        _cleanups.append(db.dispose)
        Lockdown(w, Security(db))
        return w

    def counter(_app: Any, tmp: Path) -> Any:
        from kiosk.ui.app import open_window

        services = _services(tmp / "counter")
        _cleanups.append(services.close)
        window = open_window(services)
        _cleanups.append(window.shutdown)
        return window

    def catalogue(_app: Any, tmp: Path) -> Any:
        from kiosk.services.catalogue import Catalogue
        from kiosk.store.database import Database
        from kiosk.sync.images import images_dir
        from kiosk.ui.catalogue.screen import CatalogueScreen

        db = Database.open(tmp / "catalogue")
        _cleanups.append(db.dispose)  # runs after the screen's shutdown (a stack)
        screen = CatalogueScreen(Catalogue(db), images_dir(db.path), youth_mode=True)
        _cleanups.append(screen.shutdown)
        return screen

    def camera(_app: Any, _tmp: Path) -> Any:
        from kiosk.scan.camera import CameraScanner
        from kiosk.ui.counter.camera_view import CameraView

        scanner = CameraScanner()
        _cleanups.append(scanner.shutdown)
        return CameraView(scanner)

    return [
        ("kiosk.ui.main_window", "guichet", counter),
        ("kiosk.ui.catalogue.screen", "catalogue", catalogue),
        ("kiosk.ui.counter.camera_view", "caméra", camera),
        ("kiosk.ui.admin.wizard", "assistant d'installation", wizard),
        ("kiosk.ui.admin.settings", "réglages", settings),
        ("kiosk.ui.common.pin_dialog", "saisie du code", pin),
        ("kiosk.ui.counter.staff_bar", "personnel en service", staff_bar),
        ("kiosk.ui.admin.lockdown", "verrouillage", lockdown),
    ]


# Screens by other parts of the application: imported (and so checked for missing
# dependencies in a bundle) when present.
OTHER_SCREENS = (
    "kiosk.ui.demo_menu",
    "kiosk.ui.counter.conflicts_dialog",
    "kiosk.ui.counter.name_search",
    "kiosk.scan.wedge",
    "kiosk.ui.entry",
)
# Stop the threads of the screens built (camera, sync) and close their databases: Windows
# cannot delete the temporary folder while a file in it is open.
_cleanups: list[Callable[[], Any]] = []


def _check_screens(tmp: Path) -> str:
    from PySide6.QtCore import QEvent

    app = _app()
    built, absent = [], []
    try:
        for module, label, build in _own_screens():
            widget = build(app, tmp)
            widget.grab()  # paints it: a missing plugin or glyph problem shows up here
            widget.deleteLater()
            built.append(label)
            del module
    finally:
        while _cleanups:
            _cleanups.pop()()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for module in OTHER_SCREENS:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("kiosk"):
                absent.append(module.rsplit(".", 1)[-1])
                continue
            raise
        built.append(module.rsplit(".", 1)[-1])
    app.processEvents()
    line = "construits : " + ", ".join(built)
    if absent:
        line += " ; pas encore présents : " + ", ".join(absent)
    return line


def native_platform_plugin() -> str:
    """The file of the Qt platform plugin that opens this system's windows (not offscreen)."""
    if sys.platform == "win32":
        return "qwindows.dll"
    if sys.platform == "darwin":
        return "libqcocoa.dylib"
    return "libqwayland.so" if os.environ.get("WAYLAND_DISPLAY") else "libqxcb.so"


def _check_display(_tmp: Path) -> str:
    """The platform plugin the kiosk will really use is there and loads.

    The self-test itself draws offscreen when there is no display (a server, CI, Wine), so
    without this a bundle missing qwindows.dll would pass and then not open on the counter.
    """
    from PySide6.QtCore import QPluginLoader

    app = _app()
    name = native_platform_plugin()
    folders = [Path(p) / "platforms" for p in app.libraryPaths()]
    found = next((f / name for f in folders if (f / name).is_file()), None)
    if found is None:
        where = ", ".join(str(f) for f in folders) or "aucun dossier de modules Qt"
        raise RuntimeError(f"{name} absent ({where}) : la fenêtre ne pourra pas s'ouvrir")
    loader = QPluginLoader(str(found))
    if not loader.load():
        raise RuntimeError(f"{name} ne se charge pas : {loader.errorString()}")
    return f"{name} présent et chargeable (auto-test en {app.platformName()})"


CHECKS: list[tuple[str, Callable[[Path], str]]] = [
    ("Base de données", _check_database),
    ("Affichage", _check_display),
    ("Traductions", _check_translations),
    ("Police", _check_font),
    ("Écrans", _check_screens),
    ("QR code", _check_qr),
    ("Guichets du lieu", _check_mesh),
]


def run(out: Any = None) -> int:
    out = out or sys.stdout
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform != "win32":  # Windows always has a desktop
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a bare server or CI
    # QtMultimedia's optional-library probing is noise here (VA-API, PipeWire absent).
    os.environ.setdefault(
        "QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg=false"
    )
    failed = 0
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-selftest-") as tmp_name:
            tmp = Path(tmp_name)
            for label, check in CHECKS:
                try:
                    detail = check(tmp)
                except Exception as exc:
                    failed += 1
                    print(f"ÉCHEC {label} : {type(exc).__name__}: {exc}", file=out)
                    if os.environ.get("KIOSK_DEBUG"):
                        traceback.print_exc()
                else:
                    print(f"OK    {label} : {detail}", file=out)
    except OSError as exc:  # a file left open in it (Windows will not delete it)
        failed += 1
        print(f"ÉCHEC Nettoyage : dossier temporaire non supprimé ({exc})", file=out)
    print(
        "Auto-test réussi." if not failed else f"Auto-test en échec ({failed} problème(s)).",
        file=out,
    )
    out.flush()
    return 0 if not failed else 1
