"""`kiosk tickets` prints the demo bookings' QR codes as the youth's app shows them, and plain
`kiosk` opens the counter."""

from __future__ import annotations

import json

import zxingcpp
from PIL import Image

from kiosk.demo import world as demo
from kiosk.demo.tickets import render_ticket
from kiosk.main import build_parser, run
from kiosk.platform.exits import EXIT_OK
from kiosk.ui.entry import cmd_run


def test_tickets_from_a_running_sandbox(sandbox, tmp_path, capsys):
    out = tmp_path / "tickets.pdf"
    code = run(["tickets", "--out", str(out), "--url", sandbox.url, "--json"])
    assert code == EXIT_OK
    printed = json.loads(capsys.readouterr().out)
    kinds = {t["kind"] for t in printed}
    assert kinds >= {"validable", "duo", "used", "cancelled", "too_early", "other_venue"}
    assert out.read_bytes().startswith(b"%PDF")
    expected = demo.pick_tickets(sandbox.bookings(), sandbox.bookings(offerer_id=2), sandbox.now())
    assert [t["token"] for t in printed][: len(expected) - 1] == [
        t.token for t in expected if t.kind != "unknown"
    ]


def test_ticket_qr_is_what_the_app_shows(sandbox):
    tickets = demo.pick_tickets(sandbox.bookings(), [], sandbox.now())
    thing = next(t for t in tickets if t.kind == "validable")
    event = next(t for t in tickets if t.kind == "duo")
    for t, payload in ((thing, f"PASSCULTURE:v3;TOKEN:{thing.token}"), (event, event.token)):
        img: Image.Image = render_ticket(t)
        found = zxingcpp.read_barcodes(img.convert("L"))
        assert [r.text for r in found] == [payload]


def test_png_sheet(sandbox, tmp_path):
    out = tmp_path / "tickets.png"
    assert run(["tickets", "--out", str(out), "--url", sandbox.url]) == EXIT_OK
    assert Image.open(out).format == "PNG"


def test_plain_kiosk_opens_the_counter():
    args = build_parser().parse_args([])
    assert args.default_func is cmd_run
