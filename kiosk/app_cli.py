"""`kiosk run`, `kiosk demo`, `kiosk tickets` (and plain `kiosk` = run): the application's
entry points, registered into `kiosk.cli` through `_optional_registrars()`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from kiosk.config import Config, ConfigError, load, resolve_data_dir

log = logging.getLogger("kiosk")


def first_run_wizard(config: Config) -> Config | None:
    """Hook for the setup wizard (another module will provide it): a configured Config, or None
    to open the counter unconfigured (offline, with a clear banner)."""
    try:
        from kiosk.ui.wizard import run_wizard  # type: ignore[import-not-found]
    except ImportError:
        return None
    return run_wizard(config)


def _exec(app: Any, window: Any) -> int:
    try:
        return int(app.exec())
    finally:
        window.shutdown()


def cmd_run(args: argparse.Namespace) -> int:
    from kiosk.cli import CliError
    from kiosk.services import open_services
    from kiosk.ui.app import application, open_window

    try:
        config = load(resolve_data_dir(getattr(args, "data_dir", None)))
    except ConfigError as exc:
        raise CliError(exc.message) from None
    app = application()
    if not config.configured:
        config = first_run_wizard(config) or config
    services = open_services(config)
    try:
        window = open_window(services, fullscreen=getattr(args, "fullscreen", False))
        return _exec(app, window)
    finally:
        services.close()


def cmd_demo(args: argparse.Namespace) -> int:
    from kiosk import demo
    from kiosk.services import open_services
    from kiosk.ui.app import application, open_window
    from kiosk.ui.demo_menu import DemoMenu

    app = application()
    server = demo.start_sandbox(args.seed)
    try:
        data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else None
        config = demo.demo_config(server, data_dir)
        print(f"Démo : serveur pass Culture de démonstration sur {server.url}", flush=True)
        print(f"Démo : données du guichet dans {config.data_dir}", flush=True)
        services = open_services(config)
        try:
            window = open_window(services, fullscreen=args.fullscreen)
            window.demo_menu = DemoMenu(window, server)
            if not args.no_help:
                window.demo_menu.show_tokens()
            return _exec(app, window)
        finally:
            services.close()
    finally:
        server.stop()


def cmd_tickets(args: argparse.Namespace) -> int:
    from kiosk import demo
    from kiosk.cli import CliError
    from kiosk.tickets import TicketError, write_tickets

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
    parser.add_argument("--fullscreen", action="store_true", help="plein écran (kiosque)")
    parser.set_defaults(func=cmd_run)

    parser = subparsers.add_parser(
        "demo", help="le guichet sur un serveur pass Culture de démonstration (local)"
    )
    parser.add_argument(
        "--data-dir", default=argparse.SUPPRESS, help="dossier de données (défaut : temporaire)"
    )
    parser.add_argument("--seed", type=int, default=1, help="graine du monde de démo")
    parser.add_argument("--fullscreen", action="store_true")
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

    # Plain `kiosk` opens the counter: kiosk.cli sets this as the root's `default_func`.
    subparsers.default_func = cmd_run


def main() -> None:  # pragma: no cover - console entry for `python -m kiosk.app_cli`
    from kiosk.cli import run

    sys.exit(run(sys.argv[1:] or ["run"]))
