"""Generate the counter's three verdict sounds into resources/sounds/ (stdlib only).

ok.wav: a short rising two-note chime; warning.wav: a double beep; refused.wav: a low buzz.
16-bit mono PCM at 44.1 kHz, short and quiet enough for a shared counter. Run:
    python tools/make_sounds.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def _envelope(i: int, n: int, attack: int = 300, release: int = 1500) -> float:
    """Soft start and end, so notes never click."""
    return min(1.0, i / attack, (n - i) / release) if n > 0 else 0.0


def tone(freq: float, seconds: float, volume: float = 0.5, harmonics: int = 1) -> list[float]:
    n = int(RATE * seconds)
    out = []
    for i in range(n):
        t = i / RATE
        v = sum(math.sin(2 * math.pi * freq * k * t) / k for k in range(1, harmonics + 1))
        out.append(volume * _envelope(i, n) * v)
    return out


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def write(path: Path, samples: list[float]) -> None:
    peak = max(1e-9, max(abs(s) for s in samples))
    scale = 0.8 * 32767 / max(1.0, peak)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(s * scale)) for s in samples))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "ok.wav", tone(880, 0.12) + tone(1318.5, 0.22))  # A5 then E6: rising
    write(OUT / "warning.wav", tone(740, 0.11) + silence(0.07) + tone(740, 0.11))
    write(OUT / "refused.wav", tone(160, 0.45, harmonics=5))  # low, buzzy (odd harmonics)
    for f in sorted(OUT.glob("*.wav")):
        print(f"{f.relative_to(OUT.parent.parent)}: {f.stat().st_size} bytes")


if __name__ == "__main__":
    main()
