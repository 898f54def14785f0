"""Printable demo tickets: each demo booking's QR code as the youth's app shows it (facts §2),
with its token, offer and what the counter should answer — so anyone with a USB scanner or a
webcam can try the counter. PDF (one ticket per page) or PNG (a sheet of all of them)."""

from __future__ import annotations

from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont

from kiosk.demo.world import KIND_LABELS, DemoTicket
from kiosk.domain.errors import KioskError
from kiosk.domain.texts import Phrase

W, H = 1240, 1754  # A4 at 150 dpi
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)


class TicketError(KioskError):
    """Demo tickets that cannot be printed (`message` French, `text(lang)` either)."""


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for d in FONT_DIRS:
        if (d / name).exists():
            return ImageFont.truetype(str(d / name), size)
    return ImageFont.load_default(size=size)


def qr_image(payload: str, side: int = 640) -> Image.Image:
    """About `side` pixels wide, in whole pixels per module (sharp for cameras)."""
    # The error correction pass Culture's own server used for its QR images (facts §2).
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, box_size=1, border=2)
    qr.add_data(payload)
    qr.make(fit=True)
    qr.box_size = max(4, side // (qr.modules_count + 4))
    return qr.make_image(fill_color="black", back_color="white").convert("RGB")


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def render_ticket(t: DemoTicket) -> Image.Image:
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, W, 150), fill="#E0004B")  # the app's pink header
    d.text((60, 40), "pass Culture — billet de démonstration", font=_font(46, True), fill="white")
    y = 200
    d.text((60, y), KIND_LABELS[t.kind].upper(), font=_font(40, True), fill="#1F2A36")
    y += 70
    for line in _wrap(d, t.offer, _font(44, True), W - 120)[:3]:
        d.text((60, y), line, font=_font(44, True), fill="black")
        y += 58
    d.text((60, y + 6), t.youth, font=_font(36), fill="#44525F")
    y += 80
    qr = qr_image(t.qr_payload)
    img.paste(qr, ((W - qr.width) // 2, y))
    y += qr.height + 20
    token_font = _font(110, True)
    tw = d.textlength(t.token, font=token_font)
    d.text(((W - tw) / 2, y), t.token, font=token_font, fill="black")
    y += 140
    caption = (
        "À échanger contre le billet."
        if t.is_event
        else "Présente le code ci-dessus à la caisse du lieu indiqué pour récupérer ton offre."
    )
    for line in _wrap(d, caption, _font(30), W - 120):
        lw = d.textlength(line, font=_font(30))
        d.text(((W - lw) / 2, y), line, font=_font(30), fill="#44525F")
        y += 40
    y = max(y + 30, H - 230)
    d.rectangle((40, y, W - 40, H - 60), outline="#1F2A36", width=4)
    d.text((70, y + 25), "Au guichet, le kiosque doit afficher :", font=_font(32), fill="#1F2A36")
    d.text((70, y + 80), t.expect, font=_font(42, True), fill="black")
    payload = "QR : " + t.qr_payload
    d.text((60, H - 45), payload, font=_font(22), fill="#7A8A99")
    return img


def write_tickets(tickets: list[DemoTicket], out: Path) -> Path:
    if not tickets:
        raise TicketError(Phrase.of("tickets.none"))
    pages = [render_ticket(t) for t in tickets]
    suffix = out.suffix.lower()
    try:
        if suffix == ".pdf":
            pages[0].save(out, "PDF", resolution=150, save_all=True, append_images=pages[1:])
        elif suffix == ".png":
            cols = 4
            thumb_w, thumb_h = W // 2, H // 2
            rows = (len(pages) + cols - 1) // cols
            sheet = Image.new("RGB", (cols * thumb_w, rows * thumb_h), "white")
            for i, p in enumerate(pages):
                sheet.paste(
                    p.resize((thumb_w, thumb_h), Image.Resampling.LANCZOS),
                    ((i % cols) * thumb_w, (i // cols) * thumb_h),
                )
            sheet.save(out, "PNG", optimize=True)
        else:
            raise TicketError(Phrase.of("tickets.bad_format", suffix=out.suffix))
    except OSError as exc:
        raise TicketError(
            Phrase.of("tickets.cannot_write", path=out, error=exc.strerror or exc)
        ) from None
    return out
