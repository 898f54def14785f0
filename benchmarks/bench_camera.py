"""Camera scanning benchmark: decode throughput per frame size, and decode rate per degradation.

Usage::

    python benchmarks/bench_camera.py [--count 480] [--seed 2024] [--corpus DIR] [--seconds 2]

Pinned to one CPU core. Throughput measures what the camera's worker thread does per frame:
``QVideoFrame.toImage()`` of a 32-bit frame, conversion to Grayscale8, then ``FrameDecoder``
(fast pass, plus one fallback in turn when nothing was found). It also reports ``decode_qr``'s
whole fallback chain on empty frames, the worst case (used for image files, not for video).
The decode rate runs ``decode_qr`` on every image of the generated corpus.

Prints a table and writes ``benchmarks/results/camera.json``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402
from PySide6.QtMultimedia import QVideoFrame  # noqa: E402

from kiosk.scan.decoder import FrameDecoder, _read, decode_qr, to_gray  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "camera.json"


def load_tool() -> ModuleType:
    path = ROOT / "tools" / "make_qr_corpus.py"
    spec = importlib.util.spec_from_file_location("make_qr_corpus", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def to_qimage(img: Image.Image) -> QImage:
    rgba = img.convert("RGBA")
    q = QImage(rgba.tobytes(), rgba.width, rgba.height, QImage.Format.Format_RGBA8888)
    # What webcams hand to the sink once mapped: 32-bit (toImage gives ARGB32_Premultiplied).
    return q.convertToFormat(QImage.Format.Format_RGB32)


def frames(tool: ModuleType, size: tuple[int, int], with_code: bool, n: int = 8) -> list[QImage]:
    rng = random.Random(99 + size[0] + with_code)
    code_px = (150, 210) if size[0] <= 640 else (220, 320)  # a phone about 25 cm away
    out = []
    for _ in range(n):
        if with_code:
            img = tool._compose(rng, tool.random_payload(rng), code_px, frame=size)
        else:
            img = tool._background(rng, size)
        out.append(to_qimage(tool._gaussian_noise(img, 8, rng)))
    return out


def throughput(work: Callable[[QImage], Any], images: list[QImage], seconds: float) -> float:
    for image in images:  # warm-up
        work(image)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        work(images[done % len(images)])
        done += 1
    return done / (time.perf_counter() - start)


def camera_pipeline() -> Callable[[QImage], list[str]]:
    decoder = FrameDecoder()

    def work(image: QImage) -> list[str]:
        return decoder(QVideoFrame(image).toImage())

    return work


def bench_fps(tool: ModuleType, seconds: float) -> list[dict[str, Any]]:
    rows = []
    for size in ((640, 480), (1280, 720)):
        for with_code in (True, False):
            imgs = frames(tool, size, with_code)
            found = sum(bool(decode_qr(i)) for i in imgs)
            row = {
                "size": f"{size[0]}x{size[1]}",
                "frame": "qr" if with_code else "empty",
                "camera_fps": round(throughput(camera_pipeline(), imgs, seconds), 1),
                "fast_pass_fps": round(throughput(lambda i: _read(to_gray(i)), imgs, seconds), 1),
                "full_chain_fps": round(throughput(decode_qr, imgs, seconds), 1),
                "frames_with_code_found": f"{found}/{len(imgs)}",
            }
            rows.append(row)
    return rows


def bench_rates(corpus: Path) -> dict[str, Any]:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    total, ok, fast_ok = Counter(), Counter(), Counter()
    ms: Counter[str] = Counter()
    for item in manifest["items"]:
        kind = item["degradation"]
        with Image.open(corpus / item["file"]) as image:
            image.load()
            t = time.perf_counter()
            got = decode_qr(image)
            ms[kind] += (time.perf_counter() - t) * 1000
            fast_ok[kind] += item["payload"] in _read(to_gray(image))
        total[kind] += 1
        ok[kind] += item["payload"] in got
    per = {
        k: {
            "images": total[k],
            "decoded": ok[k],
            "rate": round(ok[k] / total[k], 3),
            "fast_pass_rate": round(fast_ok[k] / total[k], 3),
            "mean_ms": round(ms[k] / total[k], 2),
        }
        for k in total
    }
    n = sum(total.values())
    return {
        "seed": manifest["seed"],
        "images": n,
        "rate": round(sum(ok.values()) / n, 4),
        "fast_pass_rate": round(sum(fast_ok.values()) / n, 4),
        "per_degradation": per,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="camera scanning benchmark")
    parser.add_argument("--count", type=int, default=480)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--corpus", type=Path, help="reuse a corpus made by make_qr_corpus.py")
    parser.add_argument("--seconds", type=float, default=2.0, help="per throughput measurement")
    args = parser.parse_args()

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    app = QGuiApplication.instance() or QGuiApplication([])
    tool = load_tool()

    fps = bench_fps(tool, args.seconds)
    print(f"{'frame':<16}{'camera fps':>12}{'fast pass':>12}{'full chain':>12}{'found':>8}")
    for r in fps:
        print(
            f"{r['size'] + ' ' + r['frame']:<16}{r['camera_fps']:>12}{r['fast_pass_fps']:>12}"
            f"{r['full_chain_fps']:>12}{r['frames_with_code_found']:>8}"
        )

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp)
            tool.generate(corpus, count=args.count, seed=args.seed)
        rates = bench_rates(corpus)
    print(f"\n{'degradation':<14}{'decoded':>10}{'rate':>8}{'fast pass':>11}{'mean ms':>9}")
    for kind, r in rates["per_degradation"].items():
        print(
            f"{kind:<14}{r['decoded']:>6}/{r['images']:<3}{r['rate']:>8.1%}"
            f"{r['fast_pass_rate']:>11.1%}{r['mean_ms']:>9.2f}"
        )
    print(f"{'all':<14}{rates['images']:>10}{rates['rate']:>8.1%}{rates['fast_pass_rate']:>11.1%}")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or "?"},
        "cores_used": 1,
        "throughput": fps,
        "corpus": rates,
    }
    RESULTS.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {RESULTS.relative_to(ROOT)}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
