"""`kiosk demo` and `kiosk tickets`: the counter on an in-process sandbox, and the printable QR
codes of its bookings. Registered into the `kiosk` command by `kiosk.main`.

The demo sits above the UI: it builds the same window as `kiosk run` (`kiosk.ui.entry`) and
hands the Démo menu a `DemoControls` object, so the UI never imports the sandbox.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.platform.exits import CliError

if TYPE_CHECKING:
    from kiosk.ui.entry import Session


def start_demo(args: argparse.Namespace) -> Session:
    """`kiosk demo`: a local sandbox, a counter configured against it, two staff accounts."""
    from kiosk.demo import world as demo
    from kiosk.ui.app import application
    from kiosk.ui.demo_menu import DemoMenu
    from kiosk.ui.entry import claim_data_dir, open_session

    def add_menu(window: Any) -> None:
        window.demo_menu = DemoMenu(window, demo.DemoControls(server))
        if not getattr(args, "no_help", False):
            window.demo_menu.show_tokens()

    app = application()
    server = demo.start_sandbox(getattr(args, "seed", 1))
    try:
        data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else None
        config = demo.demo_config(server, data_dir)
        print(f"Démo : serveur pass Culture de démonstration sur {server.url}", flush=True)
        print(f"Démo : données du guichet dans {config.data_dir}", flush=True)
        return open_session(
            app,
            config,
            claim_data_dir(config.data_dir),
            args,
            lockdown=getattr(args, "kiosk", False),
            before_window=lambda services: demo.seed_demo_people(services.db),
            after_window=add_menu,
            server=server,
        )
    except BaseException:
        server.stop()
        raise


def cmd_demo(args: argparse.Namespace) -> int:
    return start_demo(args).run()


def cmd_tickets(args: argparse.Namespace) -> int:
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
        print(json.dumps([t.__dict__ for t in tickets], ensure_ascii=False))
    else:
        for t in tickets:
            print(f"{t.token}  {t.kind:<12} {t.expect}  — {t.offer}")
        print(f"{len(tickets)} billets écrits dans {out}")
    return 0


def register(subparsers: Any) -> None:
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
