"""``kiosk decode`` run on generated files: found, no code, missing file, JSON output."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest
import qrcode
from PIL import Image

from kiosk.cli import decode as decode_cli

PAYLOAD = "PASSCULTURE:v3;TOKEN:ABC234"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "capture.png"
    qrcode.make(PAYLOAD, box_size=6).get_image().convert("RGB").save(good)
    photo = tmp_path / "photo.jpg"
    frame = Image.new("RGB", (800, 600), (120, 110, 100))
    frame.paste(qrcode.make("K7MXQ2", box_size=8).get_image().convert("RGB"), (250, 150))
    frame.save(photo, quality=85)
    blank = tmp_path / "blank.png"
    Image.new("L", (200, 200), 255).save(blank)
    junk = tmp_path / "notes.png"
    junk.write_text("pas une image", encoding="utf-8")
    return {"good": good, "photo": photo, "blank": blank, "junk": junk}


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return decode_cli.run(argv, out=out), out.getvalue()


def test_decoded_images_exit_0(files, capsys) -> None:
    code, text = run([str(files["good"]), str(files["photo"])])
    assert code == 0
    assert f"{files['good']} : {PAYLOAD}" in text
    assert f"{files['photo']} : K7MXQ2" in text


def test_image_without_code_exits_1(files) -> None:
    code, text = run([str(files["good"]), str(files["blank"])])
    assert code == 1
    assert "aucun QR code trouvé" in text


def test_missing_or_unreadable_file_exits_2_without_traceback(files, tmp_path, capsys) -> None:
    missing = tmp_path / "absent.png"
    code, _ = run([str(missing), str(files["junk"]), str(files["blank"])])
    err = capsys.readouterr().err
    assert code == 2
    assert f"Fichier introuvable : {missing}" in err
    assert "n'est pas une image lisible" in err
    assert "Traceback" not in err


def test_usage_error_exits_2(capsys) -> None:
    code, _ = run([])
    assert code == 2


def test_json_output(files) -> None:
    code, text = run([str(files["good"]), str(files["blank"]), "--json"])
    doc = json.loads(text)
    assert code == 1 and doc["exit_code"] == 1
    first, second = doc["results"]
    assert [p["text"] for p in first["payloads"]] == [PAYLOAD]
    assert second["payloads"] == [] and second["error"] is None
    if doc["parser"]:
        assert first["payloads"][0]["parsed"]["token"] == "ABC234"
    else:
        assert first["payloads"][0]["parsed"] is None


def test_register_adds_the_subcommand(files) -> None:
    parser = argparse.ArgumentParser(prog="kiosk")
    decode_cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["decode", str(files["good"]), "--json"])
    out = io.StringIO()
    assert args.func(args, out=out) == 0
    assert json.loads(out.getvalue())["results"][0]["payloads"][0]["text"] == PAYLOAD


def test_kiosk_decode_reads_a_hard_photo_through_the_cli(tmp_path: Path, capsys) -> None:
    """A far, out-of-focus code in a photo: only a rescue pass (sharpen then 2x) reads it."""
    from PIL import ImageFilter

    from kiosk.main import run as kiosk_run
    from kiosk.scan.decoder import decode_qr

    frame = Image.new("L", (640, 480), 128)
    frame.paste(qrcode.make(PAYLOAD, box_size=3, border=4).get_image().convert("L"), (200, 120))
    frame = frame.filter(ImageFilter.GaussianBlur(1.5))
    photo = tmp_path / "photo-floue.png"
    frame.convert("RGB").save(photo)
    with Image.open(photo) as loaded:
        assert decode_qr(loaded, fallbacks=()) == []  # the single pass misses it
    assert kiosk_run(["decode", str(photo)]) == 0
    out = capsys.readouterr().out
    assert f"{photo} : {PAYLOAD}" in out
