"""Offer images on disk, downloaded during sync and shown offline (no Qt here).

Bounded: once the folder passes `max_bytes`, the least recently used files go (a read touches
the file's mtime, which serves as the access time: `noatime` mounts would not keep atime).
File names are a hash of the URL. A download is kept only if Pillow can decode it as a PNG,
JPEG, WebP or GIF of sane dimensions; writes are atomic (temporary file, then rename).
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.store import catalogue
from kiosk.store.database import Database

log = logging.getLogger("kiosk.sync.images")

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
MAX_FILE_BYTES = 2_000_000
MAX_SIDE = 4096
FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
SUFFIX = ".img"
GIVE_UP_AFTER = 3  # consecutive failed downloads: the network is down, try at the next sync

Fetch = Callable[[str], bytes | None]


@dataclass
class FetchSummary:
    stored: int = 0
    cached: int = 0
    rejected: int = 0
    failed: int = 0
    evicted: int = 0
    more: bool = False  # stopped before the end (batch size reached or network down)


def is_valid_image(data: bytes) -> bool:
    """True when `data` is a whole, decodable image of an accepted format and size."""
    if not data or len(data) > MAX_FILE_BYTES:
        return False
    from PIL import Image, UnidentifiedImageError  # the image pass only, not the counter's start

    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.format not in FORMATS:
                return False
            width, height = img.size
            if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
                return False
            img.verify()  # structure and checksums
        with Image.open(io.BytesIO(data)) as img:
            img.load()  # verify() does not catch truncated pixel data
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return True


class ImageCache:
    def __init__(self, directory: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.dir = Path(directory)
        self.max_bytes = max_bytes

    def path_for(self, url: str) -> Path:
        return self.dir / (hashlib.sha256(url.encode()).hexdigest()[:32] + SUFFIX)

    def get(self, url: str | None) -> Path | None:
        """The cached file of `url`, marked as just used; None when absent."""
        if not url:
            return None
        path = self.path_for(url)
        try:
            os.utime(path)
        except OSError:
            return None
        return path

    def has(self, url: str) -> bool:
        return self.path_for(url).exists()

    def put(self, url: str, data: bytes) -> Path | None:
        """Store a downloaded image; None (and nothing written) if it is not a valid image."""
        if not is_valid_image(data):
            return None
        self.dir.mkdir(parents=True, exist_ok=True)
        path = self.path_for(url)
        fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            return None
        return path

    def size(self) -> int:
        return sum(p.stat().st_size for p in self._files())

    def _files(self) -> list[Path]:
        if not self.dir.is_dir():
            return []
        return [p for p in self.dir.iterdir() if p.suffix == SUFFIX and p.is_file()]

    def evict(self, keep: Path | None = None) -> int:
        """Delete least recently used files until the cache fits `max_bytes`."""
        entries = []
        for p in self._files():
            try:
                st = p.stat()
            except OSError:
                continue
            entries.append((st.st_mtime, st.st_size, p))
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, path in sorted(entries, key=lambda e: e[0]):
            if total <= self.max_bytes:
                break
            if path == keep:
                continue
            path.unlink(missing_ok=True)
            total -= size
            removed += 1
        for stale in self.dir.glob(".part-*") if self.dir.is_dir() else ():
            if time.time() - stale.stat().st_mtime > 3600:  # left by a crash mid-write
                stale.unlink(missing_ok=True)
        return removed

    def fetch_all(
        self, urls: Iterable[str], fetch: Fetch, max_downloads: int | None = None
    ) -> FetchSummary:
        """Download what is missing, at most `max_downloads` (the rest at the next call).
        Stops after a few failures in a row (network down)."""
        summary = FetchSummary()
        failures = downloads = 0
        for url in dict.fromkeys(urls):  # unique, in order
            if self.has(url):
                summary.cached += 1
                continue
            if (max_downloads is not None and downloads >= max_downloads) or (
                failures >= GIVE_UP_AFTER
            ):
                summary.more = True
                break
            downloads += 1
            data = fetch(url)
            if data is None:
                summary.failed += 1
                failures += 1
                continue
            failures = 0
            if self.put(url, data) is None:
                summary.rejected += 1
                log.info("image refused (not a valid image): %s", url)
            else:
                summary.stored += 1
        summary.evicted = self.evict()
        return summary


def offer_image_urls(db: Database, limit: int = 5000) -> list[str]:
    """Image URLs of cached offers, soonest events and then the rest (most useful first)."""
    with db.connect() as conn, conn.begin():
        return catalogue.image_urls(conn, limit)


def images_dir(db_path: Path) -> Path:
    """Where a kiosk keeps its images: beside its database, in the data folder."""
    return Path(db_path).parent / "images"
