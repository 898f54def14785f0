"""`kiosk report`: the manager's report of a period as CSV, XLSX or PDF.

The PDF is drawn by Qt (kiosk.ui.admin.report_pdf); `kiosk.main` hands its writer in, the CLI
never imports the UI. Exit codes as everywhere (kiosk.platform.exits): 0 written, 2 bad dates,
format or an out-of-retention list of names, 3 the data or the file could not be read or written.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.platform.exits import EXIT_ENV, EXIT_OK, EXIT_USAGE, CliError

PdfWriter = Callable[[Any, Path], None]
FORMATS = ("csv", "xlsx", "pdf")


def _format(args: argparse.Namespace) -> str:
    fmt = (args.format or Path(args.out).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise CliError(
            f"Format inconnu « {fmt or '?'} » : choisissez --format csv, xlsx ou pdf.", EXIT_USAGE
        )
    return fmt


def cmd_report(args: argparse.Namespace) -> int:
    from kiosk.domain.clock import utcnow
    from kiosk.platform.config import load, resolve_data_dir
    from kiosk.services import report
    from kiosk.store.database import Database

    fmt = _format(args)
    config = load(resolve_data_dir(args.data_dir))
    lang = args.lang or config.language
    now = utcnow()
    try:
        first = report.parse_day(args.date_from) if args.date_from else None
        last = report.parse_day(args.date_to) if args.date_to else None
        db = Database.open(config.data_dir)
        try:
            today = report.counter_today(db, config.venue_ids, now)
            first = first or today.replace(day=1)
            last = last or max(first, today)
            period = report.Period(first, last)
            built = report.build(
                db,
                period,
                now=now,
                venue_ids=config.venue_ids,
                lang=lang,
                names=args.names,
                retention_days=config.retention_days,
            )
        finally:
            db.dispose()
    except report.ReportError as exc:
        raise CliError(exc.text(lang), EXIT_USAGE) from None
    out = Path(args.out)
    try:
        if fmt == "pdf":
            if args.pdf_writer is None:
                raise CliError("Le PDF demande Qt, absent ici : choisissez csv ou xlsx.", EXIT_ENV)
            args.pdf_writer(built, out)
        else:
            out.write_bytes(report.to_csv(built) if fmt == "csv" else report.to_xlsx(built))
    except OSError as exc:
        from kiosk.domain.texts import say

        error = exc.strerror or type(exc).__name__
        raise CliError(say("report.write_failed", lang, path=out, error=error), EXIT_ENV) from None
    payload = {
        "path": str(out),
        "format": fmt,
        "from": first.isoformat(),
        "to": last.isoformat(),
        "validations": built.total.validations,
        "amount_cents": built.total.amount_cents,
        "cases": {c.case: c.count for c in built.cases},
    }
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, sort_keys=True))
    else:
        print(
            f"Bilan du {first:%d/%m/%Y} au {last:%d/%m/%Y} écrit dans {out} : "
            f"{built.total.validations} validations, {built.total.amount_cents / 100:.2f} €."
        )
    return EXIT_OK


def register(subparsers: Any, pdf_writer: PdfWriter | None = None) -> None:
    """`pdf_writer(report, path)`: Qt's, given by `kiosk.main`."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", help="dossier de données")
    common.add_argument("--json", action="store_true", help="sortie JSON pour les machines")
    p = subparsers.add_parser(
        "report",
        parents=[common],
        help="bilan d'une période : validations, montants, rapprochement avec pass Culture",
    )
    p.add_argument(
        "--from", dest="date_from", help="premier jour (AAAA-MM-JJ ; défaut : le 1er du mois)"
    )
    p.add_argument(
        "--to", dest="date_to", help="dernier jour inclus (AAAA-MM-JJ ; défaut : aujourd'hui)"
    )
    p.add_argument(
        "--format", choices=FORMATS, help="csv, xlsx ou pdf (défaut : l'extension de --out)"
    )
    p.add_argument("--out", required=True, help="fichier à écrire")
    p.add_argument(
        "--names",
        action="store_true",
        help="inclure le nom des jeunes (seulement dans la durée de conservation des noms)",
    )
    p.add_argument(
        "--lang", choices=("fr", "en"), help="langue du rapport (défaut : celle du guichet)"
    )
    p.set_defaults(func=cmd_report, pdf_writer=pdf_writer)
