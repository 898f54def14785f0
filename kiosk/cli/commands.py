"""The counter without a screen: parse, check, validate, unvalidate, db, sync, status, import.
Registered into the `kiosk` command by `kiosk.main`, beside the other packages' subcommands.

Exit codes: 0 the operation succeeded; 1 refused by a rule (cancelled, already used, …);
2 bad input or usage; 3 the environment failed (database, disk, configuration).
Every error is one French sentence on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kiosk.platform.config import Config, load, resolve_data_dir
from kiosk.platform.exits import EXIT_ENV, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, CliError


def _config(args: argparse.Namespace) -> Config:
    return load(resolve_data_dir(getattr(args, "data_dir", None)))


def _print(args: argparse.Namespace, payload: dict[str, Any], line: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, default=str, sort_keys=True))
    else:
        print(line)


def _services(args: argparse.Namespace, *, lock: bool = True):
    from kiosk.services.wiring import open_services

    services = open_services(_config(args), lock=lock)
    for notice in services.notices:  # e.g. a damaged database was restored from a backup
        print(notice.text(), file=sys.stderr)
    return services


# -- counter commands -------------------------------------------------------------------
def cmd_parse(args: argparse.Namespace) -> int:
    from kiosk.domain.payload import parse_payload

    scan = parse_payload(args.payload)
    payload = {
        "ok": scan.ok,
        "candidates": list(scan.candidates),
        "form": scan.form.value if scan.form else None,
        "layout": scan.layout,
        "ean13": scan.ean13,
        "reason": scan.reason,
    }
    if scan.ok:
        extra = f" (clavier corrigé : {scan.layout})" if scan.layout else ""
        others = (
            f" ; autres possibilités : {', '.join(scan.candidates[1:])}"
            if len(scan.candidates) > 1
            else ""
        )
        line = f"Contremarque {scan.candidates[0]}{extra}{others}"
    else:
        line = f"Code refusé : {scan.reason}"
    _print(args, payload, line)
    return EXIT_OK if scan.ok else EXIT_USAGE


def _result_payload(result: Any, lang: str = "fr") -> dict[str, Any]:
    from kiosk.domain.messages import render

    shown = render(result.verdict, lang)
    b = result.booking
    return {
        "token": result.token,
        "verdict": result.verdict.kind.value,
        "family": result.verdict.family.value,
        "title": shown.title,
        "message": shown.message,
        "source": result.source,
        "data_as_of": result.data_as_of.isoformat() if result.data_as_of else None,
        "op_id": result.op_id,
        "op_state": result.op_state.value if result.op_state else None,
        "booking": None
        if b is None
        else {
            "id": b.id,
            "offer": b.offer_name,
            "venue": b.venue_name,
            "youth": b.youth_name,
            "quantity": b.quantity,
            "total_price_cents": b.total_price_cents,
            "status": b.status.value,
            "beginning": b.beginning.isoformat() if b.beginning else None,
        },
    }


def _zone(services: Any) -> Any:
    """The venue's timezone (what the counter shows); None (the machine's) before a sync."""
    from kiosk.services.today import counter_zone

    with services.db.connect() as conn, conn.begin():
        return counter_zone(conn, services.config.venue_ids)


def _result_line(result: Any, zone: Any = None) -> str:
    from kiosk.domain.display import card_lines, source_line
    from kiosk.domain.messages import render

    shown = render(result.verdict)
    lines = [f"{shown.title} — {shown.message}"]
    if result.booking is not None:
        lines.extend("  " + line for line in card_lines(result.booking))
    lines.append(
        "  "
        + source_line(
            result.source,
            result.data_as_of,
            zone=zone,
            limited_for=result.limited_for,
            late=result.late,
        )
    )
    return "\n".join(lines)


def _exit_for(result: Any) -> int:
    from kiosk.domain.verdict import VerdictKind

    if result.verdict.kind is VerdictKind.INVALID_SCAN:
        return EXIT_USAGE
    return EXIT_OK if result.ok else EXIT_REFUSED


def cmd_check(args: argparse.Namespace) -> int:
    services = _services(args)
    try:
        result = services.counter.check(args.payload)
        zone = _zone(services)
    finally:
        services.close()
    _print(args, _result_payload(result), _result_line(result, zone))
    return _exit_for(result)


def cmd_validate(args: argparse.Namespace) -> int:
    services = _services(args)
    try:
        try:
            result = services.counter.validate(
                args.payload,
                staff=args.staff,
                unverified=args.unverified,
                booking_id=args.booking,
            )
        except LookupError:
            raise CliError(
                f"Aucune réservation {args.booking} dans les données locales.", EXIT_USAGE
            ) from None
        zone = _zone(services)
    finally:
        services.close()
    _print(args, _result_payload(result), _result_line(result, zone))
    return _exit_for(result)


def cmd_unvalidate(args: argparse.Namespace) -> int:
    services = _services(args)
    try:
        result = services.counter.unvalidate(args.token, staff=args.staff)
        zone = _zone(services)
    finally:
        services.close()
    _print(args, _result_payload(result), _result_line(result, zone))
    return _exit_for(result)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from kiosk.store.migrate import current_revision

    services = _services(args)
    try:
        with services.db.connect() as conn:
            rev = current_revision(conn)
    finally:
        services.close()
    _print(args, {"revision": rev, "path": str(services.db.path)}, f"Base à jour ({rev}).")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    services = _services(args)
    try:
        if services.engine is None:
            raise CliError(
                "Aucun serveur configuré : renseignez KIOSK_API_URL, KIOSK_API_KEY et "
                "KIOSK_VENUE_IDS, ou lancez l'assistant (kiosk run).",
                EXIT_ENV,
            )

        def progress(stage: str, done: int, total: int | None) -> None:
            if not getattr(args, "json", False) and sys.stderr.isatty():
                print(
                    f"\r{stage} : {done}" + (f"/{total}" if total else ""), end="", file=sys.stderr
                )

        if args.once:
            summary = services.engine.sync_once(full=True, progress=progress)
        else:  # pragma: no cover - runs until interrupted
            import threading

            stop = threading.Event()
            try:
                services.engine.run(stop, progress=progress)
            except KeyboardInterrupt:
                stop.set()
            return EXIT_OK
    finally:
        services.close()
    line = (
        f"Envoyées : {summary.pushed}, conflits : {summary.conflicts}, à réessayer : "
        f"{summary.retries}, réservations reçues : {summary.pulled_bookings}, offres : "
        f"{summary.pulled_offers}, durée : {summary.duration:.1f} s"
    )
    if summary.error:
        line += f"\nSynchronisation incomplète : {summary.error}"
    _print(args, summary.as_dict(), line)
    return EXIT_ENV if summary.error else EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from kiosk.services.wiring import reader_log

    cfg = _config(args)
    with reader_log(cfg, "status"):
        return _status(args, cfg)


def _status(args: argparse.Namespace, cfg: Config) -> int:
    """In the counter's language, times in its venue's timezone (what the counter shows)."""
    from kiosk.domain.display import age_text
    from kiosk.domain.texts import say
    from kiosk.services.today import counter_zone
    from kiosk.store import outbox, state
    from kiosk.store.database import Database
    from kiosk.sync.connectivity import reason_text

    lang = cfg.language if cfg.language in ("fr", "en") else "fr"
    db = Database.open(cfg.data_dir)
    try:
        with db.connect() as conn, conn.begin():
            counts = outbox.counts(conn)
            as_of = state.get_time(conn, state.PULLED_AT)
            zone = counter_zone(conn, cfg.venue_ids)
    finally:
        db.dispose()
    net = "unconfigured"
    reason = ""
    if cfg.configured:
        from kiosk.services.wiring import open_services

        probe = open_services(cfg, lock=False)
        try:
            assert probe.engine is not None
            net = "online" if probe.engine.probe() else "offline"
            reason = reason_text(probe.connectivity.said, lang)
        finally:
            probe.close()
    shown = say(f"status.{net}", lang)
    payload = {
        "network": say(f"status.{net}"),  # the JSON keeps its French values
        "reason": reason_text(probe.connectivity.said) if cfg.configured else "",
        "pending": counts["pending"],
        "conflicts": counts["conflicts"],
        "done": counts["done"],
        "data_as_of": as_of.isoformat() if as_of else None,
    }
    line = "\n".join(
        (
            say("status.network", lang, state=shown + (f" ({reason})" if reason else "")),
            say("status.pending", lang, n=counts["pending"]),
            say("status.conflicts", lang, n=counts["conflicts"]),
            say("status.data", lang, age=age_text(as_of, lang=lang, zone=zone)),
        )
    )
    _print(args, payload, line)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from kiosk.domain.texts import say
    from kiosk.services.importer import ImportError_, import_file

    services = _services(args)
    try:
        try:
            report = import_file(services.db, args.file, venue_ids=services.config.venue_ids)
        except ImportError_ as exc:  # in the counter's language, like `kiosk doctor`
            raise CliError(exc.text(services.config.language), EXIT_USAGE) from None
    finally:
        services.close()
    _print(
        args,
        report.as_dict(),
        f"Import terminé : {report.bookings} réservations, dont {report.tokens} contremarques "
        f"connues ({report.format}). "
        + say("import.coverage", known=report.covered, total=report.current),
    )
    return EXIT_OK


# -- subcommands ------------------------------------------------------------------------
def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """The counter's subcommands; `common` carries --data-dir and --json."""
    p = sub.add_parser("parse", parents=[common], help="lire un code scanné (sans rien vérifier)")
    p.add_argument("payload", help="texte du QR code ou contremarque")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("check", parents=[common], help="vérifier une contremarque")
    p.add_argument("payload")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("validate", parents=[common], help="valider une contremarque")
    p.add_argument("payload")
    p.add_argument("--staff", help="nom du membre du personnel")
    p.add_argument(
        "--unverified",
        action="store_true",
        help="enregistrer « à confirmer » une contremarque inconnue hors ligne",
    )
    p.add_argument("--booking", type=int, help="avec --unverified : réservation choisie")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("unvalidate", parents=[common], help="invalider une contremarque validée")
    p.add_argument("token")
    p.add_argument("--staff")
    p.set_defaults(func=cmd_unvalidate)

    p = sub.add_parser("db", parents=[common], help="base de données locale")
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION")
    up = dbsub.add_parser("upgrade", parents=[common], help="mettre le schéma à jour")
    up.set_defaults(func=cmd_db_upgrade)

    p = sub.add_parser("sync", parents=[common], help="synchroniser avec pass Culture")
    p.add_argument("--once", action="store_true", help="une synchronisation complète puis quitter")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("status", parents=[common], help="état du réseau, de la file et des données")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser(
        "import",
        parents=[common],
        help="importer l'export des réservations du portail pro (CSV ou XLSX)",
    )
    p.add_argument("file")
    p.set_defaults(func=cmd_import)
