"""`kiosk run` (and plain `kiosk`): the counter window's entry point, registered into the
`kiosk` command by `kiosk.main`. `kiosk.demo.entry` builds the demo on the same pieces."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.platform.config import Config, ConfigError, load, resolve_data_dir

log = logging.getLogger("kiosk")


def first_run_wizard(config: Config) -> Any:
    """The set-up wizard (server, key, venues, admin PIN, first sync): its `Setup` (config,
    staff member on duty), or None when cancelled, to open the counter unconfigured
    (offline, with a clear banner).
    In the configured language (a kiosk.toml prepared with `language = "en"`)."""
    from kiosk.ui.admin.wizard import run_first_run_wizard
    from kiosk.ui.common import i18n

    lang = i18n.lang_of(config.language)
    i18n.install(lang)
    return run_first_run_wizard(config.data_dir, lang=lang)


@dataclass
class Session:
    """A started counter window and everything it holds; `run()` is the Qt event loop."""

    app: Any
    window: Any
    services: Any
    instance: Any  # SingleInstance: raises this window when a second launch asks
    server: Any = None  # the demo's sandbox: stopped with the window
    _closed: bool = field(default=False, repr=False)

    def run(self) -> int:
        try:
            return int(self.app.exec())
        finally:
            self.close()

    def close(self) -> None:
        if self._closed:
            return
        from PySide6.QtCore import QCoreApplication, QEvent

        self._closed = True
        window = self.window
        if window.lockdown is not None:
            window.lockdown.locked = False  # our own exit, not someone leaving the kiosk
        window.shutdown()
        window.close()
        window.deleteLater()  # destroyed by Qt, not whenever Python's collector finds it
        # The event loop has returned (or never ran): carry the deletion out now.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.instance.close()
        self.services.close()
        if self.server is not None:
            self.server.stop()


def alert(message: str) -> None:
    """A refusal said in a dialog as well: a kiosk started from an icon has no terminal."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Warning, "Guichet pass Culture", message, QMessageBox.StandardButton.Ok
    )
    box.setObjectName("startRefused")
    box.exec()


def claim_data_dir(data_dir: Path) -> Any:
    """One window per data dir, decided first (the lock costs nothing): a second launch brings
    the first forward and exits (3); a data dir held without a window is explained."""
    from kiosk.platform.exits import EXIT_ENV, CliError
    from kiosk.store.errors import AlreadyRunning, StoreError
    from kiosk.ui.single_instance import HeldElsewhere, claim_single_instance

    try:
        return claim_single_instance(data_dir)
    except HeldElsewhere as exc:  # a `kiosk sync` in a terminal, a hung kiosk…
        alert(exc.message)
        raise CliError(exc.message, EXIT_ENV) from None
    except AlreadyRunning as exc:  # the first window came forward: that is the answer
        raise CliError(exc.message, EXIT_ENV) from None
    except StoreError as exc:  # the folder cannot be made
        alert(exc.message)
        raise CliError(exc.message, EXIT_ENV) from None


def open_counter_services(config: Config, instance: Any) -> Any:
    """The services, owning the data-dir lock `instance` took."""
    from kiosk.platform.exits import EXIT_ENV, CliError
    from kiosk.services.wiring import open_services
    from kiosk.store.errors import StoreError
    from kiosk.ui.common.i18n import lang_of

    try:
        # The retention purge runs after the window's first paint (MainWindow).
        held = instance.hand_over_lock()
        return open_services(config, lock=True if held is None else held, housekeeping=False)
    except StoreError as exc:  # a full disk, a damaged file without backup…
        alert(exc.text(lang_of(config.language)))  # the window's language, not the log's
        raise CliError(exc.message, EXIT_ENV) from None


def open_session(
    app: Any,
    config: Config,
    instance: Any,
    args: argparse.Namespace,
    *,
    lockdown: bool,
    before_window: Callable[[Any], None] | None = None,
    after_window: Callable[[Any], None] | None = None,
    server: Any = None,
    frame: Any = None,
) -> Session:
    """Services and the counter window on a claimed data dir (`instance`), built into `frame`
    when the window is already on screen (`kiosk.ui.app.open_frame`). Whatever fails, what was
    opened is closed again, so a refusal never leaves a lock, a thread or a window behind."""
    from kiosk.ui.app import fill_frame, open_window

    fullscreen = getattr(args, "fullscreen", False)
    try:
        services = open_counter_services(config, instance)
        try:
            if before_window is not None:
                before_window(services)
            if frame is not None:
                window = fill_frame(frame, services, fullscreen=fullscreen, lockdown=lockdown)
            else:
                window = open_window(services, fullscreen=fullscreen, lockdown=lockdown)
            if after_window is not None:
                after_window(window)
        except BaseException:
            services.close()
            raise
    except BaseException:
        instance.close()
        if frame is not None:
            frame.close()
            frame.deleteLater()
        raise
    instance.attach(window)
    return Session(app, window, services, instance, server)


def start_counter(args: argparse.Namespace) -> Session:
    """`kiosk run` up to the window on screen (the wizard first on an unconfigured data dir).
    A configured counter's window maps at once, bare (its colours, no text yet), and the
    counter is built into it: a counter restarted every morning shows up in a blink."""
    from kiosk.platform.exits import CliError
    from kiosk.ui.app import application, ensure_fonts, open_frame

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    try:
        config = load(data_dir)
    except ConfigError as exc:
        raise CliError(exc.message) from None
    app = application(fonts=False)  # the frame draws no text: the font comes with the counter
    instance = claim_data_dir(data_dir)
    on_duty: str | None = None
    frame = None
    try:
        if not config.configured:
            ensure_fonts(app)
            setup = first_run_wizard(config)
            if setup is not None:
                config, on_duty = setup.config, setup.on_duty
        lockdown = getattr(args, "kiosk", False) or config.lockdown
        if config.configured:
            fullscreen = getattr(args, "fullscreen", False)
            frame = open_frame(config, fullscreen=fullscreen, lockdown=lockdown)
    except BaseException:
        instance.close()
        raise

    def after_window(window: Any) -> None:
        if on_duty:
            window.put_on_duty(on_duty)

    return open_session(
        app, config, instance, args, lockdown=lockdown, after_window=after_window, frame=frame
    )


def cmd_run(args: argparse.Namespace) -> int:
    return start_counter(args).run()


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("run", help="ouvrir le guichet (défaut sans commande)")
    parser.add_argument("--data-dir", default=argparse.SUPPRESS, help="dossier de données")
    parser.add_argument("--fullscreen", action="store_true", help="plein écran")
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="mode kiosque : plein écran, sortie avec le code administrateur "
        "(aussi : lockdown = true dans kiosk.toml)",
    )
    parser.set_defaults(func=cmd_run)

    # Plain `kiosk` opens the counter: kiosk.main sets this as the root's `default_func`.
    subparsers.default_func = cmd_run
