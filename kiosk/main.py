"""The `kiosk` command: the composition root that puts every package's subcommands together.

Each package registers its own subcommands (the counter's CLI, doctor and decode in
`kiosk.cli`, the sandbox, the Qt entry points in `kiosk.ui.entry`, the demo in
`kiosk.demo.entry`); only this module sees them all, so the CLI and the UI stay independent.

Exit codes: `kiosk.platform.exits`. Every error is one French sentence on stderr, never a
traceback.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from typing import Any

from kiosk import __version__
from kiosk.domain.errors import KioskError
from kiosk.platform.exits import EXIT_ENV, EXIT_OK, EXIT_USAGE, CliError

Registrar = Callable[[Any], None]


def _registrars() -> list[Registrar]:
    """Subcommands of the other packages (each package registers its own)."""
    from kiosk.cli import decode, doctor
    from kiosk.cli import report as report_cli
    from kiosk.demo import entry as demo_entry
    from kiosk.sandbox import cli as sandbox_cli
    from kiosk.ui import entry

    return [
        sandbox_cli.register,
        decode.register,
        entry.register,
        demo_entry.register,
        lambda sub: doctor.register(sub, device_probe=_qt_device_probe),
        lambda sub: report_cli.register(sub, pdf_writer=_qt_pdf_writer),
    ]


def _qt_device_probe() -> dict[str, list[str]] | None:
    """Cameras and sound outputs through QtMultimedia; None when Qt cannot look here."""
    try:
        from kiosk.ui.common.devices import list_devices
    except ImportError:
        return None
    return list_devices()


def _qt_pdf_writer(report: object, path: object) -> None:
    """The report's PDF, drawn by Qt (offscreen when no window runs)."""
    from kiosk.ui.admin.report_pdf import write_pdf

    write_pdf(report, path)  # type: ignore[arg-type]


def opens_counter(argv: Sequence[str]) -> bool:
    """`kiosk` alone or `kiosk run …` (no help asked): the counter's start, every morning."""
    args = list(argv)
    return not args or (args[0] == "run" and not {"-h", "--help"} & set(args))


def build_parser(*, counter_only: bool = False) -> argparse.ArgumentParser:
    """The whole command line, or with `counter_only` the root and `run` alone: building
    every subcommand's parser (and importing the modules that register them) is a tenth of
    the way to the counter's window."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        help="dossier de données (défaut : KIOSK_DATA_DIR ou le dossier de l'utilisateur)",
    )
    common.add_argument("--json", action="store_true", help="sortie JSON pour les machines")

    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Guichet pass Culture : vérifier et valider les contremarques, même hors "
        "ligne.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument(  # ops: checks an installation or a bundle (kiosk.ui.selftest)
        "--self-test", action="store_true", help="vérifier l'installation puis quitter"
    )
    # The subcommands accept the same options after their name; their copies default to
    # SUPPRESS so `kiosk --data-dir X status` keeps X (a plain default would overwrite it).
    sub_common = argparse.ArgumentParser(add_help=False)
    sub_common.add_argument("--data-dir", default=argparse.SUPPRESS, help="dossier de données")
    sub_common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="sortie JSON"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")
    if counter_only:
        from kiosk.ui import entry

        entry.register(sub)
    else:
        from kiosk.cli import commands

        commands.register(sub, sub_common)
        for register in _registrars():
            register(sub)
    # A registrar may name what plain `kiosk` does (kiosk.ui.entry: open the counter).
    parser.set_defaults(default_func=getattr(sub, "default_func", None))
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(counter_only=opens_counter(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage in French-ish
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    if getattr(args, "self_test", False):
        from kiosk.ui.selftest import run as self_test

        return self_test()
    func = getattr(args, "func", None)
    if func is None:
        func = getattr(args, "default_func", None) if args.command is None else None
    if func is None:
        parser.print_help()
        return EXIT_USAGE if args.command else EXIT_OK
    try:
        return int(func(args))
    except CliError as exc:
        print(exc.message, file=sys.stderr)
        return exc.code
    except KioskError as exc:  # store, config, API…: said in French, no traceback
        print(exc.message, file=sys.stderr)
        return EXIT_ENV
    except KeyboardInterrupt:
        return 130


def utf8_output() -> None:
    """UTF-8 on stdout/stderr everywhere: piped or redirected, Windows would write the ANSI
    code page (cp1252), where « é » becomes garbage for the reading script and « → » fails."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (getattr(stream, "encoding", "") or "").lower() != "utf-8":
            reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    utf8_output()
    args = sys.argv[1:] if argv is None else list(argv)
    if opens_counter(args):
        # The window turns Python's automatic collector off for good (kiosk/ui/common/gui_gc.py:
        # a GUI-thread collector instead); off from here, the start's imports are not walked
        # by some thirty collections on the way (6 ms, a twentieth of the way to the window).
        gc.disable()
    sys.exit(run(args))


if __name__ == "__main__":  # pragma: no cover - `python -m kiosk.main`
    main()
