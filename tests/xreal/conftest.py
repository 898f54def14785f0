"""Fixtures of the real-X suite (see harness.py): a screen, the application on it, demo codes.

    def test_something(x_screen, real_app, demo_tickets):
        screen = x_screen(1366, 768)
        app = real_app(screen, "demo", "--no-help")
        app.type(demo_tickets["validable"][0].token + "\\n", delay_ms=SCANNER_DELAY_MS)
        screen.screenshot(artifacts / "name.png")

The tools are installed by `make test` (tools/sysdeps.sh); without them every test here is
skipped with the list of what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.xreal.harness import RealApp, XScreen, artifacts_dir, missing_tools

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = missing_tools()
    for item in items:
        if HERE not in Path(item.path).resolve().parents:
            continue
        item.add_marker(pytest.mark.xreal)
        if missing:
            item.add_marker(
                pytest.mark.skip(
                    reason=f"X tools missing: {', '.join(missing)} — run "
                    "`sh tools/sysdeps.sh --test` as root (make test does)"
                )
            )


@pytest.fixture(scope="session")
def xreal_artifacts() -> Path:
    """Screenshots and logs of the suite: $KIOSK_TEST_ARTIFACTS/xreal (build/test-artifacts)."""
    return artifacts_dir()


@pytest.fixture
def x_screen(tmp_path: Path) -> Iterator[Callable[[int, int], XScreen]]:
    """`x_screen(w, h)`: an Xvfb display of that size with openbox; stopped after the test."""
    started: list[XScreen] = []

    def start(width: int, height: int) -> XScreen:
        screen = XScreen(width, height, tmp_path / f"x-{len(started)}")
        started.append(screen)
        return screen.start()

    yield start
    for screen in reversed(started):
        screen.stop()


@pytest.fixture
def real_app(tmp_path: Path) -> Iterator[Callable[..., RealApp]]:
    """`real_app(screen, *argv)`: `python -m kiosk *argv` on `screen`, its main window mapped
    and focused; stopped after the test (its output is in the failure message)."""
    started: list[RealApp] = []

    def start(screen: XScreen, *argv: str, title: str = r"Guichet pass Culture$") -> RealApp:
        app = RealApp(screen, argv, tmp_path / f"app-{len(started)}.log")
        started.append(app)
        return app.start(title)

    yield start
    for app in reversed(started):
        app.stop()


@pytest.fixture(scope="session")
def demo_tickets() -> dict[str, list[Any]]:
    """The codes of `kiosk demo --seed 1`, by kind ("validable", "duo", "used", ...)."""
    from kiosk.demo import world

    server = world.start_sandbox(1)
    try:
        tickets = world.tickets_from_server(server.url, server.api_key, server.other_api_key)
    finally:
        server.stop()
    by_kind: dict[str, list[Any]] = {}
    for ticket in tickets:
        by_kind.setdefault(ticket.kind, []).append(ticket)
    return by_kind
