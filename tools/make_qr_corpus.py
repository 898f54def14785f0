"""Generate a seeded corpus of degraded QR code images of real pass Culture payloads.

Each image is a synthetic webcam frame: a textured background, a phone (dark bezel, screen) and the
booking QR code on the screen, then one degradation (or a mix) applied to the whole frame. The aim
is realism: every image should still be readable by a phone camera held by a person, so that the
decode rate measures the decoder rather than the generator.

Usage::

    python tools/make_qr_corpus.py OUT_DIR [--count 400] [--seed 2024]

Writes ``OUT_DIR/*.png`` and ``OUT_DIR/manifest.json``:
``{"seed": ..., "items": [{"file": ..., "payload": ..., "degradation": ...}, ...]}``.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import qrcode
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps
from qrcode.constants import ERROR_CORRECT_M

TOKEN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ234567"
DEGRADATIONS: tuple[str, ...] = (
    "clean",
    "rotation",
    "perspective",
    "blur",
    "noise",
    "low_contrast",
    "low_light",
    "glare",
    "moire",
    "inverted",
    "small",
    "mixed",
    "combined",
    "phone_screen",
)
# The kinds held to the stricter target (>= 97 %): what a counter sees on a bad day.
HARD_KINDS: tuple[str, ...] = ("combined", "phone_screen")
FRAME_SIZE = (640, 480)


@dataclass(frozen=True)
class Sample:
    """One generated image, before it is written to disk."""

    image: Image.Image
    payload: str
    degradation: str
    steps: tuple[str, ...] = ()  # what a combination applied, in order (for the manifest)


@dataclass(frozen=True)
class HeldPhone:
    """A sequence of camera frames of one phone being held up (see ``held_phone``)."""

    payload: str
    frames: list[Image.Image]
    arrival: int  # frames during which the phone is still moving in


def random_token(rng: random.Random) -> str:
    return "".join(rng.choice(TOKEN_ALPHABET) for _ in range(6))


def random_payload(rng: random.Random) -> str:
    """A v3 voucher payload (most bookings) or a bare token (event tickets)."""
    token = random_token(rng)
    return f"PASSCULTURE:v3;TOKEN:{token}" if rng.random() < 0.65 else token


def render_qr(payload: str, module_px: int) -> Image.Image:
    """The code as the youth app shows it: ECC M, a 4-module quiet zone, black on white."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=module_px, border=4)
    qr.add_data(payload)
    qr.make(fit=True)
    return qr.make_image(fill_color="black", back_color="white").get_image().convert("L")


def _background(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    """A blurry, uneven room: a gradient plus low-frequency blotches and a few edges."""
    w, h = size
    base = Image.linear_gradient("L").resize(size).rotate(rng.uniform(0, 360))
    lo, hi = rng.randint(40, 110), rng.randint(130, 210)
    base = base.point(lambda v: lo + (hi - lo) * v // 255)
    blotches = _noise(rng, (max(4, w // 40), max(3, h // 40)), 22).resize(
        size, Image.Resampling.BICUBIC
    )
    img = ImageChops.add(base, blotches, 1.0, -128)
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randint(2, 5)):  # furniture edges, a keyboard, a till...
        x0, y0 = rng.randint(0, w), rng.randint(0, h)
        x1, y1 = x0 + rng.randint(40, 300), y0 + rng.randint(20, 200)
        draw.rectangle((x0, y0, x1, y1), fill=rng.randint(20, 230))
    return img.filter(ImageFilter.GaussianBlur(3))


def _phone(
    code: Image.Image, rng: random.Random, dark_mode: bool
) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """Put the code on a phone screen, with a little UI text around it and a bezel.

    Returns the phone (mode "LA", transparent outside the rounded body) and the code's box.
    """
    cw, ch = code.size
    pad = cw // 8
    screen_bg = 18 if dark_mode else 250
    ink = 230 if dark_mode else 40
    screen = Image.new("L", (cw + 2 * pad, int(ch * 1.7)), screen_bg)
    draw = ImageDraw.Draw(screen)
    title_h = max(4, cw // 20)
    for i in range(2):  # title and caption lines
        y = pad // 2 + i * (title_h + 4)
        draw.rectangle((pad, y, pad + rng.randint(cw // 3, cw), y + title_h), fill=ink)
    code_img = ImageOps.invert(code) if dark_mode else code
    top = int(ch * 0.25)
    screen.paste(code_img, (pad, top))
    y = top + ch + pad // 2
    draw.rectangle((pad + cw // 4, y, pad + 3 * cw // 4, y + title_h * 2), fill=ink)  # token
    return _in_body(screen, max(6, cw // 14), 3, 0, (pad, top, pad + cw, top + ch))


def _in_body(
    screen: Image.Image, bezel: int, roundness: int, body: int, code_box: tuple[int, int, int, int]
) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """Frame a screen in a rounded phone body (mode "LA"); move the code's box along with it."""
    phone = Image.new("L", (screen.width + 2 * bezel, screen.height + 2 * bezel), body)
    mask = Image.new("L", phone.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, *phone.size), radius=bezel * roundness, fill=255)
    phone.paste(screen, (bezel, bezel))
    phone.putalpha(mask)
    x0, y0, x1, y1 = code_box
    return phone, (x0 + bezel, y0 + bezel, x1 + bezel, y1 + bezel)


def _text_line(draw: ImageDraw.ImageDraw, x: int, y: int, w: int, h: int, ink: int) -> None:
    """A line of 'text' as word blocks (no font needed, same look at any scale)."""
    end = x + w
    while x < end:
        word = min(end - x, max(2, h * (2 + (x * 7 + y) % 5)))
        draw.rectangle((x, y, x + word, y + h), fill=ink)
        x += word + max(2, h)


def _phone_app(
    code: Image.Image, rng: random.Random, dark_mode: bool
) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """A real-looking booking screen: status bar, app header, card with the code, buttons, tab bar.

    Screen brightness varies (auto-brightness, battery saver), and the screen carries its own
    moire (the camera sampling the pixel grid), so only the phone gets the stripes.
    Returns the phone (mode "LA") and the code's box, like ``_phone``.
    """
    cw, ch = code.size
    pad = max(8, cw // 7)
    sw = cw + 2 * pad
    sh = int(sw * rng.uniform(1.9, 2.15))  # a 19.5:9-ish phone
    bg = 16 if dark_mode else 246
    ink = 225 if dark_mode else 45
    card = 40 if dark_mode else 255
    screen = Image.new("L", (sw, sh), bg)
    draw = ImageDraw.Draw(screen)
    unit = max(3, sw // 40)
    # Status bar: clock on the left, signal/wifi/battery on the right.
    bar = 3 * unit
    draw.rectangle((unit * 2, unit, unit * 7, unit * 2), fill=ink)
    for i in range(3):
        x = sw - unit * (4 + 3 * i)
        draw.rectangle((x, unit, x + 2 * unit, 2 * unit), fill=ink)
    # App header: a coloured band (grey here) with a back arrow and a title.
    header_fill = rng.choice((70, 110, 150)) if not dark_mode else rng.choice((45, 60))
    header_h = 5 * unit
    draw.rectangle((0, bar, sw, bar + header_h), fill=header_fill)
    title_ink = 250 if header_fill < 128 else 20
    draw.polygon(
        [
            (unit * 2, bar + header_h // 2),
            (unit * 4, bar + unit),
            (unit * 4, bar + header_h - unit),
        ],
        fill=title_ink,
    )
    _text_line(draw, unit * 6, bar + 2 * unit, sw // 2, unit, title_ink)
    # Offer title and venue above the card.
    y = bar + header_h + 2 * unit
    _text_line(draw, pad, y, sw - 2 * pad, unit + 1, ink)
    _text_line(draw, pad, y + 3 * unit, (sw - 2 * pad) // 2, unit, ink)
    # The card holding the code; it keeps the code's quiet zone.
    top = y + 6 * unit
    draw.rounded_rectangle(
        (pad // 2, top - pad // 3, sw - pad // 2, top + ch + 4 * unit), radius=unit * 2, fill=card
    )
    code_img = ImageOps.invert(code) if dark_mode else code
    if dark_mode:
        code_img = code_img.point(lambda v: max(v, card) if v < 128 else v)
    screen.paste(code_img, (pad, top))
    _text_line(draw, sw // 3, top + ch + unit, sw // 3, unit + 1, ink)  # the token under the code
    # Buttons and a tab bar with icons.
    y = top + ch + 6 * unit
    for _ in range(2):
        if y + 4 * unit < sh - 8 * unit:
            draw.rounded_rectangle((pad, y, sw - pad, y + 4 * unit), radius=unit * 2, fill=ink)
            y += 6 * unit
    tab_y = sh - 6 * unit
    draw.rectangle((0, tab_y, sw, sh), fill=card)
    for i in range(4):
        x = sw * (2 * i + 1) // 8
        draw.ellipse((x - unit, tab_y + unit, x + unit, tab_y + 3 * unit), fill=ink)
    # Brightness: a dim screen squeezes the range, a bright one in a dark room clips a bit.
    gain = rng.uniform(0.45, 1.15)
    screen = screen.point(lambda v: min(255, round(v * gain)))
    if rng.random() < 0.8:
        screen = _moire(screen, rng, depth=(0.1, 0.22), period=(3.0, 9.0))
    return _in_body(screen, max(6, cw // 16), 4, 8, (pad, top, pad + cw, top + ch))


def _compose(
    rng: random.Random,
    payload: str,
    code_px: tuple[int, int],
    frame: tuple[int, int] = FRAME_SIZE,
    dark_mode: bool = False,
    angle: float = 0.0,
    app: bool = False,
) -> Image.Image:
    """A frame with the code near the centre (a person aims, not perfectly), fully in view.

    ``app`` puts the code in a full booking screen (``_phone_app``) instead of the plain one.
    """
    qr = render_qr(payload, 10)
    size = rng.randint(*code_px)
    code = qr.resize((size, size), Image.Resampling.BILINEAR)
    phone, box = (_phone_app if app else _phone)(code, rng, dark_mode)
    code_mask = Image.new("L", phone.size, 0)
    code_mask.paste(255, box)
    if angle:
        phone = phone.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
        code_mask = code_mask.rotate(angle, expand=True)
    x0, y0, x1, y1 = code_mask.getbbox() or (0, 0, *phone.size)
    margin = 12
    # Where the code's top-left may go so that the whole code stays inside the frame.
    lo_x, hi_x = margin - x0, frame[0] - margin - x1
    lo_y, hi_y = margin - y0, frame[1] - margin - y1
    cx, cy = (frame[0] - (x0 + x1)) // 2, (frame[1] - (y0 + y1)) // 2
    jx, jy = frame[0] // 8, frame[1] // 8
    x = min(max(cx + rng.randint(-jx, jx), lo_x), hi_x)
    y = min(max(cy + rng.randint(-jy, jy), lo_y), hi_y)
    bg = _background(rng, frame)
    bg.paste(phone.convert("L"), (x, y), phone.getchannel("A"))
    return bg


def _noise(rng: random.Random, size: tuple[int, int], sigma: float) -> Image.Image:
    """Near-Gaussian noise centred on 128, from the seeded generator (Pillow's is not seedable).

    The mean of three uniform bytes has a standard deviation of about 42.5; rescale to sigma.
    """
    w, h = size
    planes = [Image.frombytes("L", size, rng.randbytes(w * h)) for _ in range(3)]
    # add(a, b, 2) is (a + b) / 2; blending in c with weight 1/3 gives (a + b + c) / 3.
    mean = Image.blend(ImageChops.add(planes[0], planes[1], 2.0), planes[2], 1 / 3)
    k = sigma / 42.5
    return mean.point(lambda v: max(0, min(255, round(128 + (v - 128) * k))))


def _gaussian_noise(img: Image.Image, sigma: float, rng: random.Random) -> Image.Image:
    return ImageChops.add(img, _noise(rng, img.size, sigma), 1.0, -128)


def _levels(img: Image.Image, lo: int, hi: int) -> Image.Image:
    return img.point(lambda v: lo + (hi - lo) * v // 255)


def _perspective(img: Image.Image, rng: random.Random, strength: float) -> Image.Image:
    """Tilt the frame as a phone held at an angle: one side further from the camera."""
    w, h = img.size
    d = strength * min(w, h)
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    side = rng.randrange(4)
    src = list(corners)
    # Shrink one edge towards its middle (that edge is further away).
    a, b = side, (side + 1) % 4
    (ax, ay), (bx, by) = corners[a], corners[b]
    ux, uy = (bx - ax), (by - ay)
    n = math.hypot(ux, uy)
    ux, uy = ux / n, uy / n
    src[a] = (ax - ux * d, ay - uy * d)
    src[b] = (bx + ux * d, by + uy * d)
    coeffs = _perspective_coeffs(corners, src)
    return img.transform(
        img.size, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC, fillcolor=90
    )


def _perspective_coeffs(
    dst: Sequence[tuple[float, float]], src: Sequence[tuple[float, float]]
) -> list[float]:
    """Solve the 8 coefficients mapping output (dst) points to input (src) points."""
    rows: list[list[float]] = []
    rhs: list[float] = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rhs.append(u)
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.append(v)
    return _solve(rows, rhs)


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (8x8, no numpy needed)."""
    n = len(b)
    m = [[*row, rhs] for row, rhs in zip(a, b, strict=True)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] for i in range(n)]


def _glare(
    img: Image.Image, rng: random.Random, centre: tuple[int, int], radius: int
) -> Image.Image:
    """A soft specular highlight from a ceiling light reflected on the phone glass."""
    spot = Image.radial_gradient("L").resize((2 * radius, int(1.4 * radius)))
    # Gain > 1 saturates the core: a white plateau where modules are lost, soft edges around it.
    gain = rng.uniform(1.3, 1.8)
    spot = ImageOps.invert(spot).point(lambda v: min(255, int(max(0, v - 40) * gain)))
    layer = Image.new("L", img.size, 0)
    layer.paste(spot, (centre[0] - radius, centre[1] - int(0.7 * radius)))
    return ImageChops.screen(img, layer)


def _moire(
    img: Image.Image,
    rng: random.Random,
    depth: tuple[float, float] = (0.18, 0.3),
    period: tuple[float, float] = (3.0, 7.0),
) -> Image.Image:
    """Screen-door interference: fine sinusoidal stripes at an angle, modulating brightness."""
    w, h = img.size
    diag = int(math.hypot(w, h)) + 2
    period_px = rng.uniform(*period)
    amp = rng.uniform(*depth)
    row = Image.new("L", (diag, 1))
    row.putdata(
        [
            int(255 * (1 - amp * (0.5 + 0.5 * math.sin(2 * math.pi * x / period_px))))
            for x in range(diag)
        ]
    )
    stripes = row.resize((diag, diag), Image.Resampling.NEAREST)
    stripes = stripes.rotate(rng.uniform(0, 180), resample=Image.Resampling.BILINEAR)
    left, top = (diag - w) // 2, (diag - h) // 2
    stripes = stripes.crop((left, top, left + w, top + h))
    return ImageChops.multiply(img, stripes)


def _centre(img: Image.Image) -> tuple[int, int]:
    return img.width // 2, img.height // 2 - img.height // 12


def make_sample(rng: random.Random, degradation: str) -> Sample:
    payload = random_payload(rng)
    steps: list[str] = []
    img = _make(rng, payload, degradation, steps)
    return Sample(image=img, payload=payload, degradation=degradation, steps=tuple(steps))


def _make(rng: random.Random, payload: str, kind: str, steps: list[str]) -> Image.Image:
    normal = (150, 260)
    if kind == "clean":
        return _gaussian_noise(_compose(rng, payload, normal), 4, rng)
    if kind == "rotation":
        return _gaussian_noise(_compose(rng, payload, normal, angle=rng.uniform(-180, 180)), 4, rng)
    if kind == "perspective":
        img = _compose(rng, payload, normal, angle=rng.uniform(-10, 10))
        return _gaussian_noise(_perspective(img, rng, rng.uniform(0.12, 0.22)), 4, rng)
    if kind == "blur":  # out of focus webcam: about half a module of blur
        img = _compose(rng, payload, normal)
        return _gaussian_noise(img.filter(ImageFilter.GaussianBlur(rng.uniform(1.8, 3.0))), 3, rng)
    if kind == "noise":  # dim room, high sensor gain
        return _gaussian_noise(_compose(rng, payload, normal), rng.uniform(28, 45), rng)
    if kind == "low_contrast":  # washed out exposure, screen at low brightness
        img = _levels(_compose(rng, payload, normal), rng.randint(85, 110), rng.randint(150, 175))
        return _gaussian_noise(img, 6, rng)
    if kind == "low_light":  # dark counter: everything in the bottom of the range
        img = _levels(_compose(rng, payload, normal), rng.randint(2, 10), rng.randint(45, 70))
        return _gaussian_noise(img, 5, rng)
    if kind == "glare":
        img = _compose(rng, payload, normal)
        cx, cy = _centre(img)
        c = (cx + rng.randint(-60, 60), cy + rng.randint(-60, 60))
        return _gaussian_noise(_glare(img, rng, c, rng.randint(25, 45)), 4, rng)
    if kind == "moire":
        return _gaussian_noise(_moire(_compose(rng, payload, normal), rng), 4, rng)
    if kind == "inverted":  # dark mode: light modules on a dark screen
        return _gaussian_noise(_compose(rng, payload, normal, dark_mode=True), 4, rng)
    if kind == "small":  # phone far away in an HD frame: about 3 px per module
        return _gaussian_noise(_compose(rng, payload, (90, 130), frame=(1280, 720)), 4, rng)
    if kind == "mixed":
        return _mixed(rng, payload)
    if kind == "combined":
        return _combined(rng, payload, steps)
    if kind == "phone_screen":
        return _phone_screen(rng, payload)
    raise ValueError(f"unknown degradation: {kind}")


def _mixed(rng: random.Random, payload: str) -> Image.Image:
    """Two or three milder degradations at once (a realistic bad day at the counter)."""
    img = _compose(
        rng, payload, (170, 260), angle=rng.uniform(-30, 30), dark_mode=rng.random() < 0.25
    )
    steps: list[Callable[[Image.Image], Image.Image]] = [
        lambda im: _perspective(im, rng, rng.uniform(0.06, 0.12)),
        lambda im: im.filter(ImageFilter.GaussianBlur(rng.uniform(1.0, 1.8))),
        lambda im: _levels(im, rng.randint(50, 80), rng.randint(170, 200)),
        lambda im: _glare(im, rng, _centre(im), rng.randint(30, 45)),
        lambda im: _moire(im, rng),
    ]
    for step in rng.sample(steps, rng.randint(2, 3)):
        img = step(img)
    return _gaussian_noise(img, rng.uniform(6, 14), rng)


def _jpeg(img: Image.Image, quality: int) -> Image.Image:
    """A round trip through JPEG, as a photo sent by messaging app or a webcam's MJPEG stream."""
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    with Image.open(buf) as out:
        return out.convert("L")


COMBINED_STEPS = (
    "perspective",
    "blur",
    "low_contrast",
    "low_light",
    "glare",
    "moire",
    "noise",
)


def _combined_steps(rng: random.Random) -> list[Callable[[Image.Image], Image.Image]]:
    """The degradations a combination draws from, named by ``COMBINED_STEPS``."""
    return [
        lambda im: _perspective(im, rng, rng.uniform(0.06, 0.14)),
        lambda im: im.filter(ImageFilter.GaussianBlur(rng.uniform(1.1, 1.9))),
        lambda im: _levels(im, rng.randint(55, 85), rng.randint(160, 195)),
        lambda im: _levels(im, rng.randint(3, 12), rng.randint(70, 110)),
        lambda im: _glare(im, rng, _centre(im), rng.randint(22, 36)),
        lambda im: _moire(im, rng, depth=(0.12, 0.22)),
        lambda im: _gaussian_noise(im, rng.uniform(14, 24), rng),
    ]


def _combined(rng: random.Random, payload: str, names: list[str]) -> Image.Image:
    """Three or four degradations at once, over a tilted phone at arm's length.

    The normal case at a counter: tilted, a bit far, under a lamp, a bit out of focus. Low contrast
    and low light exclude each other (one exposure), and a JPEG pass may come last.
    """
    dark_mode, app = rng.random() < 0.2, rng.random() < 0.5
    angle = rng.uniform(-40, 40)
    img = _compose(rng, payload, (120, 230), angle=angle, dark_mode=dark_mode, app=app)
    names.extend(["rotation"] + ["dark_mode"] * dark_mode + ["app_screen"] * app)
    steps = _combined_steps(rng)
    chosen = rng.sample(range(len(steps)), rng.randint(3, 4))
    if 2 in chosen and 3 in chosen:
        chosen.remove(3)
        chosen.append(rng.choice([i for i in range(len(steps)) if i not in chosen and i != 3]))
    for i in sorted(chosen):  # optics first (tilt, focus), then exposure, then sensor
        img = steps[i](img)
        names.append(COMBINED_STEPS[i])
    img = _gaussian_noise(img, rng.uniform(4, 8), rng)
    if rng.random() < 0.4:
        img = _jpeg(img, rng.randint(40, 75))
        names.append("jpeg")
    return img


def _phone_screen(rng: random.Random, payload: str) -> Image.Image:
    """A booking app screen photographed by the webcam: chrome, brightness, moire, a slight tilt."""
    img = _compose(
        rng,
        payload,
        (140, 230),
        angle=rng.uniform(-20, 20),
        dark_mode=rng.random() < 0.3,
        app=True,
    )
    if rng.random() < 0.5:
        img = _perspective(img, rng, rng.uniform(0.04, 0.12))
    if rng.random() < 0.5:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.4)))
    return _gaussian_noise(img, rng.uniform(5, 12), rng)


def held_phone(seed: int, frames: int = 45, size: tuple[int, int] = FRAME_SIZE) -> HeldPhone:
    """Frames of one phone held up to the camera at 30 frames/s, each degraded differently.

    The phone slides in (motion blur, partly out of view), then is held by a hand: it shakes a
    few pixels and degrees, the focus hunts, the glare spot of the ceiling light moves over the
    screen, and the sensor noise is new on every frame. Exposure, dark mode, app chrome, the
    tilt and the distance are drawn once per phone. Used by the live-path benchmark and tests.
    """
    rng = random.Random(seed)
    payload = random_payload(rng)
    dark_mode, app = rng.random() < 0.25, rng.random() < 0.6
    code_px = rng.randint(120, 220)
    code = render_qr(payload, 10).resize((code_px, code_px), Image.Resampling.BILINEAR)
    phone, box = (_phone_app if app else _phone)(code, rng, dark_mode)
    code_mask = Image.new("L", phone.size, 0)
    code_mask.paste(255, box)
    bg = _background(rng, size)
    base_angle = rng.uniform(-35, 35)
    exposure = rng.choice(("normal", "normal", "low_contrast", "low_light"))
    lo, hi = {"normal": (0, 255), "low_contrast": (70, 180), "low_light": (4, 90)}[exposure]
    tilt = rng.uniform(0.0, 0.12)
    tilt_side = rng.randrange(4)
    focus = rng.uniform(0.5, 1.7)
    glare = rng.random() < 0.5
    glare_at = (rng.randint(-40, 40), rng.randint(-40, 40))
    glare_radius = rng.randint(20, 34)
    sigma = rng.uniform(6, 16)
    cx = size[0] // 2 + rng.randint(-size[0] // 10, size[0] // 10)
    cy = size[1] // 2 + rng.randint(-size[1] // 10, size[1] // 10)
    arrival = rng.randint(4, 8)  # frames before the hand is still
    out: list[Image.Image] = []
    for t in range(frames):
        moving = max(0.0, 1.0 - t / arrival)
        angle = base_angle + rng.gauss(0, 1.5) + 20 * moving
        turned = phone.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
        x0, y0, x1, y1 = code_mask.rotate(angle, expand=True).getbbox() or (0, 0, *turned.size)
        x = cx - (x0 + x1) // 2 + round(rng.gauss(0, 3))
        y = cy - (y0 + y1) // 2 + round(rng.gauss(0, 3) + moving * size[1] * 0.6)
        img = bg.copy()
        img.paste(turned.convert("L"), (x, y), turned.getchannel("A"))
        if tilt:
            frame_rng = random.Random(tilt_side)  # same side every frame: one way of holding
            img = _perspective(img, frame_rng, max(0.0, tilt + rng.gauss(0, 0.01)))
        blur = focus + rng.uniform(-0.4, 0.4) + 6 * moving
        if blur > 0.3:
            img = img.filter(ImageFilter.GaussianBlur(blur))
        if exposure != "normal":
            img = _levels(img, lo, hi)
        if glare:
            gx = cx + glare_at[0] + round(rng.gauss(0, 12))
            gy = cy + glare_at[1] + round(rng.gauss(0, 12))
            img = _glare(img, rng, (gx, gy), glare_radius)
        out.append(_gaussian_noise(img, sigma, rng))
    return HeldPhone(payload=payload, frames=out, arrival=arrival)


def generate(
    out_dir: Path, count: int = 400, seed: int = 2024, kinds: Sequence[str] = DEGRADATIONS
) -> list[dict[str, str]]:
    """Write ``count`` images spread evenly over ``kinds`` and a manifest; return its items."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    items: list[dict[str, str]] = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        sample_rng = random.Random(rng.getrandbits(64))
        sample = make_sample(sample_rng, kind)
        name = f"{i:04d}_{kind}.png"
        sample.image.save(out_dir / name, optimize=False, compress_level=1)
        item = {"file": name, "payload": sample.payload, "degradation": kind}
        if sample.steps:
            item["steps"] = ",".join(sample.steps)
        items.append(item)
    manifest = {"seed": seed, "count": count, "items": items}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return items


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    items = generate(args.out_dir, args.count, args.seed)
    print(f"{len(items)} images written to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
