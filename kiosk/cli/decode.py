"""``kiosk decode IMAGE... [--json]``: read QR codes from image files (photos, screenshots).

For support and for checking a youth's screenshot by hand: prints each payload found and what
the payload parser makes of it. Exit codes: 0 every image had a code, 1 some image had none,
2 a file could not be read (or bad usage). Messages are in French; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

__all__ = ["register", "run"]

EXIT_OK = 0
EXIT_NO_CODE = 1
EXIT_UNREADABLE = 2


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("images", nargs="+", metavar="IMAGE", help="image files (PNG, JPEG...)")
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")


def register(subparsers: Any) -> None:
    """Add the ``decode`` subcommand to a CLI built with argparse sub-parsers."""
    parser = subparsers.add_parser(
        "decode",
        help="lire les QR codes d'images (photos, captures d'écran)",
        description="Lit les QR codes d'images et affiche ce que le kiosque en comprend.",
    )
    _add_arguments(parser)
    parser.set_defaults(func=run)


def _parse_argv(argv: Sequence[str], err: TextIO) -> argparse.Namespace | None:
    parser = argparse.ArgumentParser(prog="kiosk decode", exit_on_error=False)
    _add_arguments(parser)
    try:
        return parser.parse_args(list(argv))
    except argparse.ArgumentError as exc:
        print(f"Usage incorrect : {exc}", file=err)
    except SystemExit as exc:  # argparse already printed the usage (or --help)
        if exc.code == 0:
            raise
    return None


def _load(path: Path) -> tuple[Any, str | None]:
    """Open an image file; (image, None) or (None, French error message)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if not path.exists():
        return None, f"Fichier introuvable : {path}"
    if path.is_dir():
        return None, f"C'est un dossier, pas une image : {path}"
    try:
        with Image.open(path) as opened:
            image = ImageOps.exif_transpose(opened)  # phone photos carry their rotation in EXIF
            image.load()
        return image, None
    except UnidentifiedImageError:
        return None, f"Ce fichier n'est pas une image lisible : {path}"
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        return None, f"Impossible de lire l'image {path} : {exc}"


def _parser() -> Any | None:
    try:
        from kiosk.domain.payload import parse_payload
    except ImportError:
        return None
    return parse_payload


def _describe(parse: Any, payload: str) -> dict[str, Any] | None:
    if parse is None:
        return None
    try:
        parsed = parse(payload)
    except Exception as exc:  # the parser is another module's: report, don't crash
        return {"ok": False, "reason": f"erreur de l'analyseur : {exc}"}
    fields = ("ok", "token", "candidates", "form", "reason")
    out = {name: getattr(parsed, name, None) for name in fields}
    if out["candidates"] is not None:
        out["candidates"] = list(out["candidates"])
    if out["form"] is not None and not isinstance(out["form"], str | int | float | bool):
        out["form"] = getattr(out["form"], "value", str(out["form"]))
    return out


def _human(result: dict[str, Any]) -> str:
    if result.get("ok"):
        line = f"contremarque {result.get('token')}"
        if result.get("form"):
            line += f" (forme : {result['form']})"
        return line
    candidates = result.get("candidates") or []
    line = f"non reconnu : {result.get('reason') or 'raison inconnue'}"
    if candidates:
        line += f" (candidats : {', '.join(map(str, candidates))})"
    return line


def run(args: argparse.Namespace | Sequence[str], *, out: TextIO | None = None) -> int:
    """Run the command from parsed arguments (from ``register``) or a raw argument list."""
    from kiosk.scan.decoder import decode_qr  # zxing and Pillow: only when decoding

    out = out or sys.stdout
    err = sys.stderr
    if not isinstance(args, argparse.Namespace):
        parsed_args = _parse_argv(args, err)
        if parsed_args is None:
            return EXIT_UNREADABLE
        args = parsed_args
    parse = _parser()
    report: list[dict[str, Any]] = []
    code = EXIT_OK
    for name in args.images:
        entry: dict[str, Any] = {"file": name, "payloads": [], "error": None}
        report.append(entry)
        image, error = _load(Path(name))
        if error is not None:
            entry["error"] = error
            code = EXIT_UNREADABLE
            if not args.json:
                print(error, file=err)
            continue
        try:
            payloads = decode_qr(image)
        except Exception as exc:  # zxing on a weird image: say so, keep going
            entry["error"] = f"Impossible d'analyser l'image {name} : {exc}"
            code = EXIT_UNREADABLE
            if not args.json:
                print(entry["error"], file=err)
            continue
        entry["payloads"] = [{"text": p, "parsed": _describe(parse, p)} for p in payloads]
        if not payloads:
            code = max(code, EXIT_NO_CODE)
            if not args.json:
                print(f"{name} : aucun QR code trouvé", file=out)
            continue
        if not args.json:
            for item in entry["payloads"]:
                print(f"{name} : {item['text']}", file=out)
                if item["parsed"] is not None:
                    print(f"    → {_human(item['parsed'])}", file=out)
    if args.json:
        doc = {"parser": parse is not None, "results": report, "exit_code": code}
        print(json.dumps(doc, ensure_ascii=False, indent=2), file=out)
    elif parse is None:
        print("(analyseur de contremarque indisponible : contenu brut seulement)", file=err)
    return code
