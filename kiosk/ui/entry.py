"""`kiosk run`, `kiosk demo`, `kiosk tickets` (and plain `kiosk` = run): the application's
entry points, registered into `kiosk.cli.commands` through `_optional_registrars()`."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.platform.config import Config, ConfigError, load, resolve_data_dir

log = logging.getLogger("kiosk")


def first_run_wizard(config: Config) -> Config | None:
    """The set-up wizard (server, key, venues, admin PIN, first sync): the saved Config, or
    None when cancelled, to open the counter unconfigured (offline, with a clear banner).
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
    server: Any = None  # the demo's sandbox
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


def _claim(data_dir: Path) -> Any:
    """One window per data dir: a second launch brings the first forward and exits (3)."""
    from kiosk.cli.commands import EXIT_ENV, CliError
    from kiosk.store.errors import AlreadyRunning
    from kiosk.ui.single_instance import claim_single_instance

    try:
        return claim_single_instance(data_dir)
    except AlreadyRunning as exc:
        raise CliError(exc.message, EXIT_ENV) from None


def _open_services(config: Config) -> Any:
    from kiosk.cli.commands import EXIT_ENV, CliError
    from kiosk.services.wiring import open_services
    from kiosk.store.errors import AlreadyRunning, StoreError
    from kiosk.ui.single_instance import explain_lock_refusal

    try:
        return open_services(config)
    except StoreError as exc:
        # Locked by a process without a window (`kiosk sync`, a hung kiosk), a full disk…
        message = explain_lock_refusal(exc) if isinstance(exc, AlreadyRunning) else exc.message
        alert(message)
        raise CliError(message, EXIT_ENV) from None


def start_counter(args: argparse.Namespace) -> Session:
    """`kiosk run` up to the window on screen (the wizard first on an unconfigured data dir)."""
    from kiosk.cli.commands import CliError
    from kiosk.ui.app import application, open_window

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    try:
        config = load(data_dir)
    except ConfigError as exc:
        raise CliError(exc.message) from None
    app = application()
    instance = _claim(data_dir)
    try:
        if not config.configured:
            config = first_run_wizard(config) or config
        services = _open_services(config)
        try:
            window = open_window(
                services,
                fullscreen=getattr(args, "fullscreen", False),
                lockdown=getattr(args, "kiosk", False) or config.lockdown,
            )
        except BaseException:
            services.close()
            raise
    except BaseException:
        instance.close()
        raise
    instance.attach(window)
    return Session(app, window, services, instance)


def start_demo(args: argparse.Namespace) -> Session:
    """`kiosk demo`: a local sandbox, a counter configured against it, two staff accounts."""
    from kiosk.demo import world as demo
    from kiosk.ui.app import application, open_window
    from kiosk.ui.demo_menu import DemoMenu

    app = application()
    server = demo.start_sandbox(getattr(args, "seed", 1))
    try:
        data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else None
        config = demo.demo_config(server, data_dir)
        print(f"Démo : serveur pass Culture de démonstration sur {server.url}", flush=True)
        print(f"Démo : données du guichet dans {config.data_dir}", flush=True)
        instance = _claim(config.data_dir)
        try:
            services = _open_services(config)
            try:
                demo.seed_demo_people(services.db)
                window = open_window(
                    services,
                    fullscreen=getattr(args, "fullscreen", False),
                    lockdown=getattr(args, "kiosk", False),
                )
                window.demo_menu = DemoMenu(window, server)
                if not getattr(args, "no_help", False):
                    window.demo_menu.show_tokens()
            except BaseException:
                services.close()
                raise
        except BaseException:
            instance.close()
            raise
    except BaseException:
        server.stop()
        raise
    instance.attach(window)
    return Session(app, window, services, instance, server)


def cmd_run(args: argparse.Namespace) -> int:
    return start_counter(args).run()


def cmd_demo(args: argparse.Namespace) -> int:
    return start_demo(args).run()


def cmd_tickets(args: argparse.Namespace) -> int:
    from kiosk.cli.commands import CliError
    from kiosk.demo import world as demo
    from kiosk.demo.tickets import TicketError, write_tickets

    out = Path(args.out)
    server = None
    try:
        if args.url:
            url, key, other = args.url, args.api_key or "sandbox-key", demo.OTHER_OFFERER_KEY
        else:
            server = demo.start_sandbox(args.seed)
            url, key, other = server.url, server.api_key, server.other_api_key
        try:
            tickets = demo.tickets_from_server(url, key, other)
        except Exception as exc:  # httpx errors, unexpected answers: one French sentence
            raise CliError(
                f"Impossible de lire les réservations de démonstration sur {url} "
                f"({type(exc).__name__}). Vérifiez l'adresse et la clé (--url, --api-key)."
            ) from None
        try:
            write_tickets(tickets, out)
        except TicketError as exc:
            raise CliError(exc.message) from None
    finally:
        if server is not None:
            server.stop()
    if getattr(args, "json", False):
        import json

        print(json.dumps([t.__dict__ for t in tickets], ensure_ascii=False))
    else:
        for t in tickets:
            print(f"{t.token}  {t.kind:<12} {t.expect}  — {t.offer}")
        print(f"{len(tickets)} billets écrits dans {out}")
    return 0


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

    parser = subparsers.add_parser(
        "demo", help="le guichet sur un serveur pass Culture de démonstration (local)"
    )
    parser.add_argument(
        "--data-dir", default=argparse.SUPPRESS, help="dossier de données (défaut : temporaire)"
    )
    parser.add_argument("--seed", type=int, default=1, help="graine du monde de démo")
    parser.add_argument("--fullscreen", action="store_true")
    parser.add_argument("--kiosk", action="store_true", help="mode kiosque (code : 123456)")
    parser.add_argument("--no-help", action="store_true", help="ne pas ouvrir la liste des codes")
    parser.set_defaults(func=cmd_demo)

    parser = subparsers.add_parser(
        "tickets", help="imprimer les QR codes des réservations de démonstration (PDF ou PNG)"
    )
    parser.add_argument("--out", required=True, help="fichier .pdf ou .png")
    parser.add_argument("--seed", type=int, default=1, help="graine du monde (comme kiosk demo)")
    parser.add_argument("--url", help="adresse d'un bac à sable déjà lancé")
    parser.add_argument("--api-key", help="sa clé (défaut : sandbox-key)")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=cmd_tickets)

    # Plain `kiosk` opens the counter: kiosk.cli.commands sets this as the root's `default_func`.
    subparsers.default_func = cmd_run


def main() -> None:  # pragma: no cover - console entry for `python -m kiosk.ui.entry`
    from kiosk.cli.commands import run

    sys.exit(run(sys.argv[1:] or ["run"]))
