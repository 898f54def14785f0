"""QR code decoding for camera frames and image files (zxing-cpp, QR only).

The common case must be fast: a camera delivers 10 to 30 frames a second and most of them hold no
code at all. So every image first goes through one cheap zxing-cpp pass on the 8-bit grayscale
image (a QImage in ``Format_Grayscale8`` is read in place, without a copy). Only when that finds
nothing do we try pre-processed variants, ordered by what they recover per millisecond on the
degraded corpus (``tools/make_qr_corpus.py``):

- ``gamma``: darken mid-tones, which restores modules washed out by a glare spot;
- ``half_sharpen``: halve the resolution then sharpen, for out-of-focus webcams;
- ``unsharp``: a stronger unsharp mask at full resolution (blur again);
- ``equalize``: histogram equalisation (glare, very flat exposure);
- ``upscale``: 1.5x bicubic, for small or glare-damaged codes;
- ``global_histogram``: zxing's other binarizer, with a single threshold for the whole frame.

``decode_qr`` runs the whole chain (image files, the CLI). ``FrameDecoder`` is for video: it runs
the fast pass on every frame and only the next ``per_frame`` fallbacks, in turn, so an empty
frame stays cheap while a hard code held still for a few frames still gets every variant.

The module imports no Qt; a QImage is accepted by duck typing and converted with its own methods.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import zxingcpp
from PIL import Image, ImageFilter, ImageOps

__all__ = ["FALLBACKS", "FrameDecoder", "Variant", "decode_qr", "to_gray"]

_QR = zxingcpp.BarcodeFormat.QRCode
_SHARPEN_3X3 = ImageFilter.Kernel((3, 3), [-1, -1, -1, -1, 9, -1, -1, -1, -1])
_GAMMA_LUT = [round(255 * (v / 255) ** 2.2) for v in range(256)]


@dataclass(frozen=True)
class Variant:
    """One pre-processing step tried when the fast pass found nothing."""

    name: str
    prepare: Callable[[Image.Image], Image.Image]
    binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage


def _upscale(img: Image.Image) -> Image.Image:
    return img.resize((img.width * 3 // 2, img.height * 3 // 2), Image.Resampling.BICUBIC)


FALLBACKS: tuple[Variant, ...] = (
    Variant("gamma", lambda im: im.point(_GAMMA_LUT)),
    Variant("half_sharpen", lambda im: im.reduce(2).filter(_SHARPEN_3X3)),
    Variant("unsharp", lambda im: im.filter(ImageFilter.UnsharpMask(2, 150, 0))),
    Variant("equalize", ImageOps.equalize),
    Variant("upscale", _upscale),
    Variant("global_histogram", lambda im: im, zxingcpp.Binarizer.GlobalHistogram),
)


def to_gray(image: Any) -> Any:
    """Return an 8-bit grayscale version of a QImage (stays a QImage) or a PIL image.

    zxing-cpp raises TypeError on some QImage formats (ARGB32_Premultiplied, the one that
    ``QVideoFrame.toImage()`` returns), and grayscale is its fastest input anyway.
    """
    if isinstance(image, Image.Image):
        if image.mode == "L":
            return image
        has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        if has_alpha:
            # Screenshots often have a transparent background: put them on white, not black.
            rgba = image.convert("RGBA")
            white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            return Image.alpha_composite(white, rgba).convert("L")
        return image.convert("L")
    if hasattr(image, "convertToFormat") and hasattr(image, "format"):
        grayscale8 = type(image).Format.Format_Grayscale8
        return image if image.format() == grayscale8 else image.convertToFormat(grayscale8)
    raise TypeError(f"unsupported image type: {type(image).__name__}")


def _qimage_to_pil(gray: Any) -> Image.Image:
    w, h, stride = gray.width(), gray.height(), gray.bytesPerLine()
    return Image.frombuffer("L", (w, h), bytes(gray.constBits()), "raw", "L", stride, 1)


def _as_pil(gray: Any) -> Image.Image:
    return gray if isinstance(gray, Image.Image) else _qimage_to_pil(gray)


def _read(image: Any, binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage) -> list[str]:
    # try_rotate only concerns 1D codes (QR finding is rotation invariant); try_invert covers
    # phones in dark mode (light modules on a dark screen) for a fraction of the cost.
    results = zxingcpp.read_barcodes(
        image, formats=_QR, try_rotate=False, try_invert=True, binarizer=binarizer
    )
    return _unique(r.text for r in results if r.valid and r.text)


def _unique(texts: Any) -> list[str]:
    return list(dict.fromkeys(texts))


def _is_empty(gray: Any) -> bool:
    if isinstance(gray, Image.Image):
        return gray.width == 0 or gray.height == 0
    return gray.isNull() or gray.width() == 0 or gray.height() == 0


def _try_variants(gray: Any, variants: Sequence[Variant]) -> list[str]:
    if not variants:
        return []
    pil = _as_pil(gray)
    for variant in variants:
        found = _read(variant.prepare(pil), variant.binarizer)
        if found:
            return found
    return []


def decode_qr(image: Any, *, fallbacks: Sequence[Variant] = FALLBACKS) -> list[str]:
    """Decode every QR code in a QImage or PIL image; return their texts (possibly empty).

    Tries the fast pass, then each fallback in order until one finds a code.
    """
    gray = to_gray(image)
    if _is_empty(gray):
        return []
    return _read(gray) or _try_variants(gray, fallbacks)


class FrameDecoder:
    """Decoder for a stream of frames: fast pass always, then fallbacks spread over frames.

    Not thread-safe: give each decoding thread its own instance.
    """

    def __init__(self, fallbacks: Sequence[Variant] = FALLBACKS, per_frame: int = 1) -> None:
        self._fallbacks = tuple(fallbacks)
        self._per_frame = max(0, per_frame)
        self._next = 0

    def __call__(self, image: Any) -> list[str]:
        gray = to_gray(image)
        if _is_empty(gray):
            return []
        found = _read(gray)
        if found or not self._fallbacks or not self._per_frame:
            return found
        n = len(self._fallbacks)
        batch = [self._fallbacks[(self._next + i) % n] for i in range(min(self._per_frame, n))]
        self._next = (self._next + len(batch)) % n
        return _try_variants(gray, batch)
