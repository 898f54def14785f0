"""QR code decoding for camera frames and image files (zxing-cpp, QR only).

The common case must be fast: a camera delivers 10 to 30 frames a second and most of them hold no
code at all. So every image first goes through one cheap zxing-cpp pass on the 8-bit grayscale
image (a QImage in ``Format_Grayscale8`` is read in place, without a copy). Only when that finds
nothing do we try rescue passes, pre-processed variants of the frame, stopping at the first that
reads a code. They are ordered by what they rescue per millisecond (greedily: each next pass is
the one with the most *new* rescues per ms of its cost on an empty frame) on the degraded corpus
(``tools/make_qr_corpus.py``; ``benchmarks/bench_camera.py`` prints the table to re-check it):

- ``global_histogram``: zxing's other binarizer, one threshold for the whole frame;
- ``gamma``: darken mid-tones, which restores modules washed out by a glare spot;
- ``half_unsharp``: half size then a strong unsharp mask (heavy blur);
- ``half_sharpen``: half size then a 3x3 sharpen (soft focus, glare edges);
- ``flatten12_histogram``: subtract the local mean (box blur, radius 12 px) and amplify the rest
  (``finders.flatten``), which brings back the modules a glare spot's halo washed out;
- ``smooth``: a light Gaussian blur, which removes sensor noise and screen moire stripes;
- ``upscale2_sharpen``: box blur, unsharp mask, then 2x: the combined cases (tilted, far,
  noisy, soft) that nothing cheaper reads;

and, for image files only (too slow for a video frame, where a neighbour frame is cheaper), the
combinations of three or more degradations, glare halos and heavy blur that are left:

- ``flatten8``, ``flatten16_histogram``, ``flatten12``: the glare flattening at other radii and
  with other binarizers;
- ``smooth2``: a stronger blur, for moire and noise over an out-of-focus code;
- ``smooth_flatten12_histogram``: a light blur, then flattening (noise over a glare halo);
- ``upscale2_gamma``: ``upscale2_sharpen`` then darkened mid-tones (glare on a soft, far code);
- ``soft_upscale2``: blur, 2x, then a wide unsharp mask (blur + moire + low light);
- ``upscale2``, ``upscale3``: 2x and 3x bicubic, for small and tiny codes;
- ``deblur``: a van Cittert deconvolution (Gaussian PSF, sigma 3 px) for out-of-focus codes;
- ``rebuild_finder`` (``kiosk.scan.finders``): when a glare spot's saturated core hides one of the
  three finder patterns zxing needs, find the other two, paint the third where they say it must
  be and read again (a light version, ``rebuild_finder_video``, closes the video chain).

The glare and deblur passes were chosen on the corpora of seeds 2024 and 77 and checked on seed 3;
the finder rebuilding was measured on all three and checked on seed 11.

Dark mode (light modules on a dark screen) is handled inside every pass by zxing's ``try_invert``.

``decode_qr`` runs the chain within a time budget (image files, the CLI): no pass starts once the
budget is spent. ``FrameDecoder`` is for video, where a code missed on one frame is usually read on
a neighbour: it runs the fast pass and the cheap rescue passes on every frame, and the costly ones
only on every ``every``-th frame (or at once when zxing located a code it could not decode), so an
empty frame stays cheap on average.

The module imports no Qt; a QImage is accepted by duck typing and converted with its own methods.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import zxingcpp
from PIL import Image, ImageChops, ImageFilter

from kiosk.scan.finders import flatten, rebuild_finder

__all__ = [
    "DEFAULT_BUDGET_S",
    "FALLBACKS",
    "VIDEO_FALLBACKS",
    "Decoded",
    "FrameDecoder",
    "Variant",
    "decode_detailed",
    "decode_qr",
    "to_gray",
]

_QR = zxingcpp.BarcodeFormat.QRCode
_SHARPEN_3X3 = ImageFilter.Kernel((3, 3), [-1, -1, -1, -1, 9, -1, -1, -1, -1])
_GAMMA_LUT = [round(255 * (v / 255) ** 2.2) for v in range(256)]

# Per image file: past this, no new pass starts. The whole chain takes about 0.2 s on an empty
# 640x480 image on one core, so this only bites on big photos or a slow machine.
DEFAULT_BUDGET_S = 1.0
FAST = "fast"


Reader = Callable[[Image.Image, float | None, Callable[[], float]], list[str]]


@dataclass(frozen=True)
class Variant:
    """One rescue pass: a pre-processing step, then zxing with the given binarizer.

    A pass that needs several zxing calls of its own (``read``) gets the prepared image, the
    deadline and the clock instead, and must not start a step once the deadline has passed.
    """

    name: str
    prepare: Callable[[Image.Image], Image.Image]
    binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage
    read: Reader | None = None

    def run(
        self,
        prepared: Image.Image,
        deadline: float | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> list[str]:
        """The texts this pass reads in an image its ``prepare`` step made."""
        if self.read is not None:
            return self.read(prepared, deadline, clock)
        return _read(prepared, self.binarizer)


def _scale(img: Image.Image, factor: float) -> Image.Image:
    size = (round(img.width * factor), round(img.height * factor))
    return img.resize(size, Image.Resampling.BICUBIC)


def _upscale2_sharpen(img: Image.Image) -> Image.Image:
    # Denoise and sharpen at the source size (4x fewer pixels than after), then a bilinear 2x:
    # as good as sharpening after a bicubic 2x on the corpus, at half the cost.
    sharp = img.filter(ImageFilter.BoxBlur(1)).filter(ImageFilter.UnsharpMask(2, 200, 0))
    return sharp.resize((img.width * 2, img.height * 2), Image.Resampling.BILINEAR)


def _soft_upscale2(img: Image.Image) -> Image.Image:
    smooth = img.filter(ImageFilter.GaussianBlur(1.5))
    big = smooth.resize((img.width * 2, img.height * 2), Image.Resampling.BILINEAR)
    return big.filter(ImageFilter.UnsharpMask(4, 250, 0))


# Named functions, not lambdas: variants sharing one are prepared once (see ``_rescue``).
def _flatten12(img: Image.Image) -> Image.Image:
    return flatten(img, 12, 4)


def _flatten16(img: Image.Image) -> Image.Image:
    return flatten(img, 16, 2)


def _flatten8(img: Image.Image) -> Image.Image:
    return flatten(img, 8, 2)


def _smooth_flatten12(img: Image.Image) -> Image.Image:
    # Noise over a glare halo: flattening amplifies the noise too, so smooth it first.
    return flatten(img.filter(ImageFilter.GaussianBlur(1.2)), 12, 4)


def _deblur(img: Image.Image) -> Image.Image:
    # Van Cittert deconvolution with a Gaussian PSF (sigma 3 px, 10 iterations):
    # est += observed - blur(est). Clipping to 0..255 at each step (8-bit images) acts as the
    # positivity constraint that keeps it from ringing out. Pillow only, ~60 ms at 640x480;
    # undoes the out-of-focus blur (about half a module) that sharpening cannot.
    est = img
    for _ in range(10):
        residual = ImageChops.subtract(img, est.filter(ImageFilter.GaussianBlur(3)), 1, 128)
        est = ImageChops.add(est, residual, 1, -128)
    return est


def _as_is(img: Image.Image) -> Image.Image:
    return img


def _rebuild_finder(
    img: Image.Image, deadline: float | None, clock: Callable[[], float]
) -> list[str]:
    # Raw then smoothed (noise), dark then dark-mode finders, 6 candidates, two binarizers;
    # every other line scanned (as many rescues on the corpora as every line, at 60 % of the cost).
    return rebuild_finder(img, deadline, clock)


def _rebuild_finder_video(
    img: Image.Image, deadline: float | None, clock: Callable[[], float]
) -> list[str]:
    # The light version for one frame's budget: no smoothing, 3 candidates, one binarizer,
    # and an HD frame halved (a code held up to it has modules of 6 px and more).
    local_average = (zxingcpp.Binarizer.LocalAverage,)
    return rebuild_finder(
        img,
        deadline,
        clock,
        smoothing=(0.0,),
        tries=3,
        binarizers=local_average,
        max_side=800,
    )


_VIDEO_PASSES: tuple[Variant, ...] = (
    Variant("global_histogram", lambda im: im, zxingcpp.Binarizer.GlobalHistogram),
    Variant("gamma", lambda im: im.point(_GAMMA_LUT)),
    Variant("half_unsharp", lambda im: im.reduce(2).filter(ImageFilter.UnsharpMask(2, 200, 0))),
    Variant("half_sharpen", lambda im: im.reduce(2).filter(_SHARPEN_3X3)),
    Variant("flatten12_histogram", _flatten12, zxingcpp.Binarizer.GlobalHistogram),
    Variant("smooth", lambda im: im.filter(ImageFilter.GaussianBlur(1.2))),
    Variant("upscale2_sharpen", _upscale2_sharpen),
)
VIDEO_FALLBACKS: tuple[Variant, ...] = (
    *_VIDEO_PASSES,
    Variant("rebuild_finder_video", _as_is, read=_rebuild_finder_video),
)
FALLBACKS: tuple[Variant, ...] = (
    *_VIDEO_PASSES,
    Variant("flatten8", _flatten8),
    Variant("flatten16_histogram", _flatten16, zxingcpp.Binarizer.GlobalHistogram),
    Variant("flatten12", _flatten12),
    Variant("smooth2", lambda im: im.filter(ImageFilter.GaussianBlur(2))),
    Variant("smooth_flatten12_histogram", _smooth_flatten12, zxingcpp.Binarizer.GlobalHistogram),
    Variant("upscale2_gamma", lambda im: _upscale2_sharpen(im).point(_GAMMA_LUT)),
    Variant("soft_upscale2", _soft_upscale2),
    # No new rescue on the corpora (the fast pass reads their small codes), but cheaper than
    # the deconvolution: kept before it for tiny codes in big photos, where the budget bites.
    Variant("upscale2", lambda im: _scale(im, 2)),
    Variant("upscale3", lambda im: _scale(im, 3)),
    Variant("deblur", _deblur, zxingcpp.Binarizer.FixedThreshold),
    Variant("rebuild_finder", _as_is, read=_rebuild_finder),
)
# The passes cheap enough to run on every video frame (about 4 ms together at 640x480).
CHEAP_PASSES = 3
# A costly video frame stops starting passes after this (its chain takes ~35 ms on one core).
VIDEO_BUDGET_S = 0.04


@dataclass
class Decoded:
    """What one decode did: the texts found, the pass that found them, the passes run."""

    texts: list[str]
    found_by: str | None = None
    passes: list[str] = field(default_factory=list)


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


def _read_with_hint(image: Any) -> tuple[list[str], bool]:
    """The fast pass, also saying whether zxing located a QR symbol it could not decode.

    Such a candidate is a strong sign that a code is in view (empty frames of a noisy room give
    none), so the live path spends its costly passes on that frame at once.
    """
    results = zxingcpp.read_barcodes(
        image, formats=_QR, try_rotate=False, try_invert=True, return_errors=True
    )
    texts = _unique(r.text for r in results if r.valid and r.text)
    return texts, any(not r.valid for r in results)


def _unique(texts: Any) -> list[str]:
    return list(dict.fromkeys(texts))


def _is_empty(gray: Any) -> bool:
    if isinstance(gray, Image.Image):
        return gray.width == 0 or gray.height == 0
    return gray.isNull() or gray.width() == 0 or gray.height() == 0


def _rescue(
    gray: Any,
    variants: Sequence[Variant],
    result: Decoded,
    deadline: float | None,
    clock: Callable[[], float],
) -> Decoded:
    """Run the variants in order until one reads a code or the deadline has passed."""
    pil: Image.Image | None = None
    # Variants sharing a prepare step (same pre-processing, another binarizer) prepare it once.
    prepared: dict[Callable[[Image.Image], Image.Image], Image.Image] = {}
    for variant in variants:
        if deadline is not None and clock() >= deadline:
            break
        if pil is None:
            pil = _as_pil(gray)
        result.passes.append(variant.name)
        if variant.prepare not in prepared:
            prepared[variant.prepare] = variant.prepare(pil)
        found = variant.run(prepared[variant.prepare], deadline, clock)
        if found:
            result.texts, result.found_by = found, variant.name
            break
    return result


def decode_detailed(
    image: Any,
    *,
    fallbacks: Sequence[Variant] = FALLBACKS,
    budget_s: float | None = DEFAULT_BUDGET_S,
    clock: Callable[[], float] = time.perf_counter,
) -> Decoded:
    """Like ``decode_qr`` but says which pass read the code and which passes ran."""
    gray = to_gray(image)
    if _is_empty(gray):
        return Decoded([])
    deadline = None if budget_s is None else clock() + budget_s
    result = Decoded(_read(gray), passes=[FAST])
    if result.texts:
        result.found_by = FAST
        return result
    return _rescue(gray, fallbacks, result, deadline, clock)


def decode_qr(
    image: Any,
    *,
    fallbacks: Sequence[Variant] = FALLBACKS,
    budget_s: float | None = DEFAULT_BUDGET_S,
    clock: Callable[[], float] = time.perf_counter,
) -> list[str]:
    """Decode every QR code in a QImage or PIL image; return their texts (possibly empty).

    Tries the fast pass, then each rescue pass in order until one finds a code; no pass starts
    once ``budget_s`` (None: no limit) has elapsed since the call.
    """
    return decode_detailed(image, fallbacks=fallbacks, budget_s=budget_s, clock=clock).texts


class FrameDecoder:
    """Decoder for a stream of frames: cheap passes on every frame, costly ones every n-th.

    Every frame gets the fast pass and the first ``cheap`` rescue passes; every ``every``-th frame
    (counting from the first) also gets the remaining passes, within ``budget_s``. A code held in
    front of the camera is seen on many frames, so it gets the costly passes within ``every``
    frames, while a stream of empty frames costs the full chain only once per ``every`` frames.
    A frame where the fast pass located a QR symbol but could not decode it (``hint``) gets the
    costly passes at once: a code is in view, there is no point waiting for its turn.

    Not thread-safe: give each decoding thread its own instance.
    """

    def __init__(
        self,
        fallbacks: Sequence[Variant] = VIDEO_FALLBACKS,
        *,
        cheap: int = CHEAP_PASSES,
        every: int = 3,
        budget_s: float | None = VIDEO_BUDGET_S,
        clock: Callable[[], float] = time.perf_counter,
        hint: bool = True,
    ) -> None:
        self._cheap = tuple(fallbacks[: max(0, cheap)])
        self._costly = tuple(fallbacks[max(0, cheap) :])
        self._every = max(1, every)
        self._budget_s = budget_s
        self._clock = clock
        self._frame = 0
        self._hint = hint  # act on zxing's "a QR symbol is here" (off: pure turn-taking)
        self.last: Decoded = Decoded([])

    def is_costly_turn(self) -> bool:
        """Whether the next frame gets the costly passes whatever the fast pass sees."""
        return self._frame % self._every == 0

    def __call__(self, image: Any) -> list[str]:
        turn = self.is_costly_turn()
        self._frame += 1
        gray = to_gray(image)
        if _is_empty(gray):
            self.last = Decoded([])
            return []
        deadline = None if self._budget_s is None else self._clock() + self._budget_s
        texts, candidate = _read_with_hint(gray)
        result = Decoded(texts, passes=[FAST])
        if result.texts:
            result.found_by = FAST
        else:
            costly = turn or (self._hint and candidate)
            variants = self._cheap + self._costly if costly else self._cheap
            _rescue(gray, variants, result, deadline, self._clock)
        self.last = result
        return result.texts
