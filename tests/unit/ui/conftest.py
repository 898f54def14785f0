"""Counter window fixtures: real services on a real SQLite file, real widgets offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.platform.config import Config
from kiosk.services.wiring import Services, open_services
from tests.fixtures.store import NOW, OTHER_VENUE, VENUE, FixedClock, booking_row, insert_bookings

# One booking per verdict, all for the counter's venue unless said otherwise.
ROWS = [
    booking_row(1, "ABC234"),  # validable book
    booking_row(
        2,
        "DUO234",
        offer_name="Orelsan en concert",
        offer_ean=None,
        quantity=2,
        price_cents=2500,
        price_category_label="Tarif unique",
        beginning=NOW + timedelta(hours=6),
        cancellation_limit=NOW - timedelta(days=1),
        first_name="Inès",
        last_name="Bouvier",
    ),
    booking_row(
        3,
        "USED23",
        status="USED",
        used_at=NOW - timedelta(hours=2),
        used_counter="Accueil",
        used_staff="Sam",
    ),
    booking_row(4, "CANC23", status="CANCELLED"),
    booking_row(5, "RMBR23", status="REIMBURSED"),
    booking_row(
        6,
        "SOON23",
        offer_name="Ibrahim Maalouf",
        offer_ean=None,
        beginning=NOW + timedelta(days=5),
        cancellation_limit=NOW + timedelta(days=1),
    ),
    booking_row(7, "OTHR23", venue_id=OTHER_VENUE, venue_name="La Halle aux Sons"),
    booking_row(8, None, first_name="Éloïse", last_name="Durand", offer_name="Dune - Tome 1"),
]


@pytest.fixture
def make_services(data_dir: Path, clock: FixedClock) -> Iterator[Callable[..., Services]]:
    opened: list[Services] = []

    def make(**over: Any) -> Services:
        cfg = Config(data_dir=data_dir, venue_ids=(VENUE,), counter_name="Accueil")
        for k, v in over.items():
            setattr(cfg, k, v)
        services = open_services(cfg, clock=clock)
        opened.append(services)
        return services

    yield make
    for s in opened:
        s.close()


@pytest.fixture
def services(make_services: Callable[..., Services]) -> Services:
    s = make_services()
    insert_bookings(s.db, ROWS)
    return s


@pytest.fixture
def window_factory(qtbot) -> Iterator[Callable[..., Any]]:
    from kiosk.ui.main_window import MainWindow

    made: list[MainWindow] = []

    def make(services: Services, size: tuple[int, int] = (1280, 720), **kw: Any) -> MainWindow:
        kw.setdefault("install_wedge", False)
        w = MainWindow(services, **kw)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.shutdown()


@pytest.fixture
def window(services: Services, window_factory: Callable[..., Any]):
    return window_factory(services)


def settle(qtbot, window) -> None:
    """Wait until background calls (online checks, validations, refreshes) have landed."""
    qtbot.waitUntil(
        lambda: window.tasks.pending == 0 and not window.screen.card_pending, timeout=10_000
    )
