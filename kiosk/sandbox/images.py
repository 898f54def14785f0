"""Small offer cover images generated on the fly (served without auth, cacheable)."""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 120, 180


@lru_cache(maxsize=512)
def offer_png(offer_id: int, title: str) -> bytes:
    digest = hashlib.sha256(f"{offer_id}:{title}".encode()).digest()
    background = (64 + digest[0] // 2, 64 + digest[1] // 2, 64 + digest[2] // 2)
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((6, 6, WIDTH - 7, HEIGHT - 7), outline=(255, 255, 255), width=2)
    words = title.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) > 16 and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    for index, line in enumerate(lines[:8]):
        draw.text((12, 14 + index * 14), line[:18], fill=(255, 255, 255))
    draw.text((12, HEIGHT - 24), f"#{offer_id}", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
