"""Rebuild a QR finder pattern lost under a glare spot, so zxing can locate the code again.

zxing needs all three finder patterns (the big squares in three corners) to locate a QR code. A
specular glare spot whose saturated core sits on one of them hides it for good: no filtering
brings those pixels back. But the other two finders are still there and most of the data too
(error correction covers the modules under the spot). So we find the finders ourselves, and
where exactly two of them (a pair consistent in size) are visible, we infer where the third must
be, paint a synthetic one there and let zxing read the code.

1. Binarize against the local mean (a box blur) and find the finder centres with the classic
   1:1:3:1:1 run-length scan: a regular expression over the rows of the bytes, then over the
   columns (the transposed image), and keep the centres both directions agree on. The ratio
   holds on any line through a finder's centre, so this works at any rotation.
2. Each finder's axis: rays from its centre to the outer edge of its dark ring are shortest along
   its sides and longest along its diagonals; the fourth harmonic of their lengths gives the angle.
3. A pair of finders is either diagonal (the missing one is where the side lines through the two
   meet, on either side) or adjacent (the missing one is one pair-distance away along the axis
   perpendicular to the pair, from either finder, on either side): six candidates per pair.
4. Each candidate is nudged onto what is left of the real finder (a template match that ignores
   saturated pixels), ranked by how well it fits (saturated pixels count as fitting: that is
   the glare), painted (separator, dark ring, light ring, dark core) and handed to zxing.
5. A read counts only if the symbol zxing located has its finders where ours are (its version
   gives the finder centres inside its corners): painting a finder into a random spot must never
   produce a wrong read.

Pure Python over Pillow's bytes, scanning every other line: about 6 ms per polarity to find the
finders of a 640x480 frame, then about 3 ms per candidate tried. The caller's deadline is checked
between the steps.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Sequence
from typing import Any

import zxingcpp
from PIL import Image, ImageChops, ImageDraw, ImageFilter

__all__ = ["Finder", "find_finders", "flatten", "rebuild_finder"]

_QR = zxingcpp.BarcodeFormat.QRCode
# Five runs dark/light/dark/light/dark after a light pixel, at least 2 px each (4 px for the
# core). The literal prefix (light, dark, dark) lets the regex engine skip to the next edge; the
# rest is a lookahead, so overlapping candidates are all found. The ratio is checked in Python.
_RUNS = re.compile(rb"\xff\x00\x00(?=(\x00*)(\xff{2,})(\x00{4,})(\xff{2,})(\x00{2,}))")
_DARK_LUT = [0 if v < 128 else 255 for v in range(256)]
_LIGHT_LUT = [255 - v for v in _DARK_LUT]
_MIN_WIDTH = 14  # px across a finder: 2 px a module
_SATURATED = 250
# (i, j, expected) in module units around the centre: the 7x7 pattern and its light separator.
_TEMPLATE = [
    (i, j, 0 if max(abs(i), abs(j)) in (0, 1, 3) else 255)
    for i in range(-4, 5)
    for j in range(-4, 5)
]

Finder = tuple[float, float, float, int]  # centre x, centre y, module size (px), line hits
Vec = tuple[float, float]


def flatten(img: Image.Image, radius: int, gain: float = 1.0) -> Image.Image:
    """128 + gain × (pixel − local mean, a box blur of `radius`): below 128 is darker than its
    surroundings. A glare spot adds a smooth bright layer: the dark modules under its halo turn
    light grey, a few levels below the white ones, too little for the binarizers (LocalAverage
    treats a block spanning < 24 levels as flat). Subtracting the local mean (about two modules
    wide) and amplifying what is left brings those modules back; the saturated core stays lost
    (`rebuild_finder` is for a finder pattern under it)."""
    return ImageChops.subtract(img, img.filter(ImageFilter.BoxBlur(radius)), 1 / gain, 128)


def _line_hits(data: bytes, width: int, height: int, step: int) -> list[tuple[float, int, int]]:
    """(centre along the line, line index, width) of every 1:1:3:1:1 run sequence."""
    hits = []
    for y in range(0, height, step):
        start = y * width
        for m in _RUNS.finditer(data, start, start + width):
            a, b = m.start() + 1, m.end(1)
            c, d, e, f = m.end(2), m.end(3), m.end(4), m.end(5)
            total = f - a
            if total < _MIN_WIDTH:
                continue
            mod = total / 7.0
            tol = mod * 0.75
            if (
                abs(b - a - mod) < tol
                and abs(c - b - mod) < tol
                and abs(e - d - mod) < tol
                and abs(f - e - mod) < tol
                and abs(d - c - 3 * mod) < 1.5 * mod
            ):
                hits.append(((c + d) / 2.0 - start, y, total))
    return hits


def _group(hits: list[tuple[float, int, int]], step: int) -> list[tuple[float, float, float, int]]:
    """Merge hits on consecutive lines at about the same centre: (centre, line, width, count)."""
    done: list[list[float]] = []
    active: list[list[float]] = []  # sum centre, sum line, sum width, count, last line, last centre
    for x, y, width in hits:  # in line order
        gap = 2 * step  # a line may be missed
        if active and min(g[4] for g in active) < y - gap:
            done += [g for g in active if g[4] < y - gap]
            active = [g for g in active if g[4] >= y - gap]
        for g in active:
            if y - g[4] > 0 and abs(x - g[5]) <= width / 7.0:
                g[0] += x
                g[1] += y
                g[2] += width
                g[3] += 1
                g[4], g[5] = y, x
                break
        else:
            active.append([x, y, width, 1, y, x])
    return [(g[0] / g[3], g[1] / g[3], g[2] / g[3], int(g[3])) for g in done + active if g[3] >= 2]


def find_finders(binary: Image.Image, step: int = 1) -> list[Finder]:
    """Finder pattern centres in a 0/255 image (dark = 0), most line hits first.

    ``step`` 2 scans every other row and column: half the time, for finders of 3 px a module
    and more (the core must still cross two lines each way).
    """
    w, h = binary.size
    rows = _group(_line_hits(binary.tobytes(), w, h, step), step)
    columns = _group(
        _line_hits(binary.transpose(Image.Transpose.TRANSPOSE).tobytes(), h, w, step), step
    )
    found = []
    for hx, hy, hw, hn in rows:
        for cy, cx, cw, cn in columns:  # transposed: the centre is a y, the line an x
            mod = (hw + cw) / 14.0
            if abs(hx - cx) < 1.5 * mod and abs(hy - cy) < 1.5 * mod and 0.6 < hw / cw < 1.66:
                found.append(((hx + cx) / 2, (hy + cy) / 2, mod, hn + cn))
    finders: list[Finder] = []
    for f in sorted(found, key=lambda f: -f[3]):
        if all(math.hypot(f[0] - g[0], f[1] - g[1]) > 3 * g[2] for g in finders):
            finders.append(f)
    return finders


def _ray(data: bytes, w: int, h: int, f: Finder, angle: float) -> float | None:
    """Distance from the centre to the outer edge of the dark ring (second dark-to-light step)."""
    dx, dy = math.cos(angle), math.sin(angle)
    t, steps, previous = 0.0, 0, 0
    while t < 7 * f[2]:
        x, y = int(f[0] + dx * t), int(f[1] + dy * t)
        if not (0 <= x < w and 0 <= y < h):
            return None
        value = data[y * w + x]
        if previous == 0 and value == 255:
            steps += 1
            if steps == 2:
                return t
        previous = value
        t += 0.5
    return None


def _axis(data: bytes, w: int, h: int, f: Finder) -> float | None:
    """The angle (0..pi/2) of a finder's sides, from the fourth harmonic of its ray lengths."""
    rays = [(a, _ray(data, w, h, f, a)) for a in (math.radians(k) for k in range(0, 360, 3))]
    lengths = sorted(r for _, r in rays if r is not None)
    if len(lengths) < len(rays) // 2:
        return None
    median = lengths[len(lengths) // 2]
    re_, im = 0.0, 0.0
    for a, r in rays:
        if r is not None and 0.7 * median < r < 1.5 * median:  # outliers: noise, glare holes
            re_ += (r - median) * math.cos(4 * a)
            im += (r - median) * math.sin(4 * a)
    return (math.atan2(im, re_) / 4 - math.pi / 4) % (math.pi / 2)  # diagonal -> side


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1]


def _meet(p: Finder, u: Vec, q: Finder, v: Vec) -> Vec | None:
    """Where the line through p along u meets the line through q along v."""
    det = -u[0] * v[1] + u[1] * v[0]
    if abs(det) < 0.3:  # nearly parallel
        return None
    s = (-(q[0] - p[0]) * v[1] + (q[1] - p[1]) * v[0]) / det
    return p[0] + s * u[0], p[1] + s * u[1]


Candidate = tuple[float, float, float, Vec]  # x, y, module size, side direction


def _third(a: Finder, b: Finder, phi_a: float, phi_b: float) -> list[Candidate]:
    """Candidate (x, y, module, side direction) of the finder missing from the pair a, b."""
    a1, a2 = (math.cos(phi_a), math.sin(phi_a)), (-math.sin(phi_a), math.cos(phi_a))
    b1, b2 = (math.cos(phi_b), math.sin(phi_b)), (-math.sin(phi_b), math.cos(phi_b))
    if abs(_dot(a1, b1)) < abs(_dot(a1, b2)):
        b1, b2 = b2, b1
    if _dot(a1, b1) < 0:
        b1 = (-b1[0], -b1[1])
    sx, sy = a1[0] + b1[0], a1[1] + b1[1]
    norm = math.hypot(sx, sy) or 1.0
    side = (sx / norm, sy / norm)
    module = (a[2] + b[2]) / 2
    out = []
    # Diagonal pair: the missing corner is where a side line through a meets one through b.
    for u, v in ((a1, b2), (a2, b1)):
        corner = _meet(a, u, b, v)
        if corner:
            out.append((corner[0], corner[1], module, side))
    # Adjacent pair: one pair-distance from a (or b), perpendicular to the pair.
    dist = math.hypot(b[0] - a[0], b[1] - a[1])
    pair = ((b[0] - a[0]) / dist, (b[1] - a[1]) / dist)
    for f, (p1, p2) in ((a, (a1, a2)), (b, (b1, b2))):
        perp = p1 if abs(_dot(p1, pair)) < abs(_dot(p2, pair)) else p2
        for sign in (1, -1):
            out.append((f[0] + sign * perp[0] * dist, f[1] + sign * perp[1] * dist, f[2], side))
    return out


def _points(w: int, h: int, x: float, y: float, module: float, side: Vec) -> list[tuple[int, int]]:
    """(pixel index, expected value) of the finder template centred on (x, y)."""
    ux, uy = side
    out = []
    for i, j, want in _TEMPLATE:
        px = int(x + (i * ux - j * uy) * module)
        py = int(y + (i * uy + j * ux) * module)
        if 0 <= px < w and 0 <= py < h:
            out.append((py * w + px, want))
    return out


def _rank(binary: bytes, gray: bytes, points: list[tuple[int, int]]) -> float:
    """How well a finder fits here; saturated pixels count as fitting (they are the glare)."""
    return sum(gray[p] >= _SATURATED or binary[p] == want for p, want in points) / len(_TEMPLATE)


def _fit(
    binary: bytes, gray: bytes, w: int, h: int, x: float, y: float, module: float, side: Vec
) -> tuple[float, float]:
    """The candidate moved onto what is left of a real finder, if anything is.

    Offsets up to 1.5 modules are scored on the unsaturated pixels only; the move is kept when
    at least 70 % of them agree (the candidate comes from two other finders' geometry, which
    perspective bends).
    """
    ux, uy = side
    best = (0.7, x, y)
    for a in range(-3, 4):
        for b in range(-3, 4):
            ox = x + (a * ux - b * uy) * 0.5 * module
            oy = y + (a * uy + b * ux) * 0.5 * module
            used = agree = 0
            for p, want in _points(w, h, ox, oy, module, side):
                if gray[p] < _SATURATED:
                    used += 1
                    agree += binary[p] == want
            if used >= 20 and agree / used > best[0]:
                best = (agree / used, ox, oy)
    return best[1], best[2]


def _paint(
    img: Image.Image, x: float, y: float, side: Vec, module: float, dark: int, light: int
) -> None:
    ux, uy = side
    nx, ny = -uy, ux
    draw = ImageDraw.Draw(img)
    for half, ink in ((4.5, light), (3.5, dark), (2.5, light), (1.5, dark)):
        s = half * module
        corners = ((-1, -1), (1, -1), (1, 1), (-1, 1))
        points = [(x + (a * ux + b * nx) * s, y + (a * uy + b * ny) * s) for a, b in corners]
        draw.polygon(points, ink)


def _finder_centres(result: Any) -> list[Vec]:
    """Where the finders of a symbol zxing decoded are: 3.5 modules in from its corners."""
    try:
        n = 17 + 4 * int(result.extra["Version"])
    except (AttributeError, KeyError, TypeError, ValueError):
        return []
    p = result.position
    q = [p.top_left, p.top_right, p.bottom_right, p.bottom_left]

    def at(u: float, v: float) -> Vec:
        wts = ((1 - u) * (1 - v), u * (1 - v), u * v, (1 - u) * v)
        pairs = list(zip(wts, q, strict=True))
        return sum(w * c.x for w, c in pairs), sum(w * c.y for w, c in pairs)

    near, far = 3.5 / n, 1 - 3.5 / n
    return [at(near, near), at(far, near), at(near, far)]


def _read_if_ours(
    img: Image.Image, binarizer: zxingcpp.Binarizer, ours: Sequence[Vec], module: float
) -> list[str]:
    """Texts of the symbols whose three finders are the two we saw and the one we painted."""
    texts = []
    results = zxingcpp.read_barcodes(
        img, formats=_QR, try_rotate=False, try_invert=True, binarizer=binarizer
    )
    for r in results:
        centres = _finder_centres(r) if r.valid and r.text else []
        if centres and all(
            min(math.hypot(x - cx, y - cy) for cx, cy in centres) < 2 * module for x, y in ours
        ):
            texts.append(r.text)
    return list(dict.fromkeys(texts))


def _candidates(
    found: list[Finder], binary: bytes, gray: bytes, w: int, h: int, tries: int
) -> list[tuple[float, float, Candidate, Finder, Finder]]:
    """The ``tries`` best places for a third finder: (x, y, candidate, pair), best first."""
    axes = {f: _axis(binary, w, h, f) for f in found}
    scored = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            phi_a, phi_b = axes[a], axes[b]
            module = (a[2] + b[2]) / 2
            # Same size within perspective; 10-50 modules apart (versions 1 to ~9).
            if phi_a is None or phi_b is None or not 0.7 < a[2] / b[2] < 1.43:
                continue
            if not 10 <= math.hypot(a[0] - b[0], a[1] - b[1]) / module <= 50:
                continue
            for candidate in _third(a, b, phi_a, phi_b):
                x, y, mod, side = candidate
                if not (0 <= x < w and 0 <= y < h):
                    continue
                if any(math.hypot(x - f[0], y - f[1]) < 3 * f[2] for f in found):
                    continue  # a finder is there: zxing had its three
                rank = _rank(binary, gray, _points(w, h, x, y, mod, side))
                scored.append((rank, candidate, a, b))
    scored.sort(key=lambda c: -c[0])
    # The template fit costs 49 placements: only for the best few, then ranked again.
    fitted = []
    for _, candidate, a, b in scored[: 4 * tries]:
        _, _, mod, side = candidate
        x, y = _fit(binary, gray, w, h, candidate[0], candidate[1], mod, side)
        rank = _rank(binary, gray, _points(w, h, x, y, mod, side))
        fitted.append((rank, x, y, candidate, a, b))
    fitted.sort(key=lambda c: -c[0])
    return [(x, y, candidate, a, b) for _, x, y, candidate, a, b in fitted[:tries]]


def rebuild_finder(
    img: Image.Image,
    deadline: float | None = None,
    clock: Callable[[], float] = time.perf_counter,
    *,
    smoothing: Sequence[float] = (0.0, 1.2),
    finders: int = 5,
    tries: int = 6,
    step: int = 2,
    max_side: int = 1280,
    binarizers: Sequence[zxingcpp.Binarizer] = (
        zxingcpp.Binarizer.LocalAverage,
        zxingcpp.Binarizer.GlobalHistogram,
    ),
) -> list[str]:
    """Read a code one of whose finders is lost, by painting it back; [] if none is read.

    For each smoothing (none, then a Gaussian blur against sensor noise) and each polarity (dark
    modules, then dark mode), the ``finders`` strongest finders (scanning every ``step``-th line)
    are paired, the ``tries`` best candidates for a missing third are painted one at a time and
    read with each binarizer. An image larger than ``max_side`` is reduced first.
    No step starts once ``deadline`` (on ``clock``) has passed.
    """

    def late() -> bool:
        return deadline is not None and clock() >= deadline

    if img.mode != "L":
        img = img.convert("L")
    # A big image is worked on at about ``max_side`` px: the scans are pure Python, and a code
    # that fills a fraction of a 12 MP photo still has modules of several pixels at that size.
    factor = math.ceil(max(img.size) / max_side)
    if factor > 1:
        img = img.reduce(factor)
    w, h = img.size
    gray = img.tobytes()
    for sigma in smoothing:
        src = img.filter(ImageFilter.GaussianBlur(sigma)) if sigma else img
        diff = flatten(src, 12)
        for lut, inverted in ((_DARK_LUT, False), (_LIGHT_LUT, True)):
            if late():
                return []
            binary = diff.point(lut)
            found = find_finders(binary, step)[:finders]
            if len(found) < 2:
                continue
            for x, y, (_, _, mod, side), a, b in _candidates(
                found, binary.tobytes(), gray, w, h, tries
            ):
                # Ink and paper: the darkest and lightest levels around the two finders.
                box = (
                    max(0, int(min(a[0], b[0]) - 4 * mod)),
                    max(0, int(min(a[1], b[1]) - 4 * mod)),
                    min(w, int(max(a[0], b[0]) + 4 * mod)),
                    min(h, int(max(a[1], b[1]) + 4 * mod)),
                )
                lo, hi = src.crop(box).getextrema()
                canvas = src.copy()
                _paint(canvas, x, y, side, mod, *((hi, lo) if inverted else (lo, hi)))
                for binarizer in binarizers:
                    if late():
                        return []
                    texts = _read_if_ours(canvas, binarizer, [a[:2], b[:2], (x, y)], mod)
                    if texts:
                        return texts
    return []
