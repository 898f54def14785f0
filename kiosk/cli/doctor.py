"""`kiosk doctor`: is this counter ready? (`--self-test` checks a bundle: kiosk.main)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

DeviceProbe = Callable[[], "dict[str, list[str]] | None"]


def cmd_doctor(args: argparse.Namespace) -> int:
    from kiosk.platform.config import load, resolve_data_dir
    from kiosk.services.doctor import run_doctor
    from kiosk.services.wiring import reader_log

    config = load(resolve_data_dir(getattr(args, "data_dir", None)))
    with reader_log(config, "doctor"):
        report = run_doctor(
            config,
            device_probe=None if args.no_devices else args.device_probe,
            lang=config.language,  # French unless the counter is set to English
        )
    text = (
        json.dumps(report.as_dict(), ensure_ascii=False, indent=2)
        if getattr(args, "json", False)
        else report.text()
    )
    print(text)
    if args.output:
        path = Path(args.output)
        path.write_text(text + "\n", encoding="utf-8")
        print(f"Rapport enregistré dans {path}", file=sys.stderr)
    return 0 if report.healthy else 1


def register(subparsers: Any, device_probe: DeviceProbe | None = None) -> None:
    """`device_probe` lists cameras and sound outputs (Qt's, given by `kiosk.main`: the CLI
    does not import the UI)."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: the global `kiosk --data-dir X doctor` must not be overwritten by a default.
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help="dossier de données")
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="sortie JSON"
    )
    p = subparsers.add_parser(
        "doctor",
        parents=[common],
        help="diagnostic : serveur, clé, horloge, disque, base, caméra, son, file d'envoi",
    )
    p.add_argument("--output", "-o", help="enregistrer aussi le rapport dans ce fichier")
    p.add_argument("--no-devices", action="store_true", help="ne pas interroger caméra et son")
    p.set_defaults(func=cmd_doctor, device_probe=device_probe)
