"""The offer image cache: bounded with LRU eviction, only valid images kept, used offline;
and the whole librarian path against the sandbox with the network cut."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx
import pytest
from PIL import Image

from kiosk.platform.config import Config
from kiosk.sandbox.seed import BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID, DIGITAL_VENUE_ID
from kiosk.services.catalogue import Catalogue, Query
from kiosk.services.wiring import open_services
from kiosk.sync.images import ImageCache, images_dir, is_valid_image


def png(width: int = 60, height: int = 90, colour=(200, 30, 90)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        body = self.routes.get(self.path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fetch(url: str) -> bytes | None:
    try:
        r = httpx.get(url, timeout=2.0)
    except httpx.HTTPError:
        return None
    return r.content if r.status_code == 200 else None


def test_only_whole_images_are_kept(tmp_path: Path, server: str) -> None:
    good = png()
    _Handler.routes = {
        "/ok.png": good,
        "/html.png": b"<html>not an image</html>",
        "/truncated.png": good[: len(good) // 2],
        "/huge.png": png(5000, 10),
    }
    cache = ImageCache(tmp_path / "img")
    summary = cache.fetch_all([f"{server}{p}" for p in (*_Handler.routes, "/missing.png")], fetch)
    assert (summary.stored, summary.rejected, summary.failed) == (1, 3, 1)
    assert cache.get(f"{server}/ok.png").read_bytes() == good
    for bad in ("/html.png", "/truncated.png", "/huge.png", "/missing.png"):
        assert cache.get(f"{server}{bad}") is None
    assert not list((tmp_path / "img").glob(".part-*"))
    assert not is_valid_image(b"")


def test_cache_is_bounded_and_evicts_least_recently_used(tmp_path: Path) -> None:
    one = png(200, 200, (1, 2, 3))
    cache = ImageCache(tmp_path, max_bytes=int(len(one) * 3.5))
    urls = [f"http://img/{i}.png" for i in range(5)]
    for i, url in enumerate(urls[:3]):
        cache.put(url, png(200, 200, (i, 2, 3)))
        os.utime(cache.path_for(url), (1000 + i, 1000 + i))
    assert cache.get(urls[0]) is not None  # reading makes it the most recently used
    for url in urls[3:]:
        cache.put(url, png(200, 200, (9, 9, 9)))
    cache.evict()
    assert cache.size() <= cache.max_bytes
    assert cache.has(urls[0]) and cache.has(urls[4])
    assert not cache.has(urls[1])  # the oldest untouched one went first


def test_failures_in_a_row_stop_the_download(tmp_path: Path) -> None:
    calls: list[str] = []

    def down(url: str) -> bytes | None:
        calls.append(url)
        return None

    summary = ImageCache(tmp_path).fetch_all([f"http://x/{i}" for i in range(50)], down)
    assert summary.failed == len(calls) == 3 and summary.more


def test_downloads_come_in_batches(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path)
    urls = [f"http://x/{i}" for i in range(5)]
    first = cache.fetch_all(urls, lambda url: png(), max_downloads=3)
    assert (first.stored, first.more) == (3, True)
    second = cache.fetch_all(urls, lambda url: png(), max_downloads=3)
    assert (second.cached, second.stored, second.more) == (3, 2, False)


@pytest.mark.slow
def test_librarian_path_with_the_network_cut(sandbox, tmp_path: Path) -> None:
    """Sync offers and images from the sandbox, cut the network, then find and show offers."""
    cfg = Config(
        data_dir=tmp_path / "kiosk",
        api_url=sandbox.url,
        api_key=sandbox.api_key,
        venue_ids=(BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID, DIGITAL_VENUE_ID),
        kiosk_id="k1",
        rate_limit=False,
    )
    services = open_services(cfg)
    try:
        assert services.engine is not None
        summary = services.engine.sync_once(full=True)
        assert summary.error is None and summary.pulled_offers > 0
        cache = ImageCache(images_dir(services.db.path))
        assert cache.size() > 0  # the sync fetched a first batch of images
        catalogue = Catalogue(services.db)
        cluny = catalogue.search(Query(text="cluny")).offers
        cache.fetch_all([cluny[0].image_url], services.client.get_bytes)  # as later passes do
        sandbox.cut_network()
        cluny = catalogue.search(Query(text="cluny")).offers
        assert cluny and "Cluny" in cluny[0].name
        assert any("izneo" in o.name.lower() for o in catalogue.search(Query(text="izneo")).offers)
        concerts = catalogue.search(Query(text="concert")).offers
        assert concerts and concerts[0].category_id == "MUSIQUE_LIVE"
        detail = catalogue.offer(cluny[0].id)
        assert detail.link == f"https://passculture.app/offre/{cluny[0].id}"
        path = cache.get(cluny[0].image_url)
        assert path is not None and is_valid_image(path.read_bytes())  # shown offline
        concert = catalogue.offer(concerts[0].id)
        assert concert.address  # filled from the venue during the pull
        catalogue.close()
    finally:
        services.close()
