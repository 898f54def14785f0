"""The catalogue screen, offscreen: search as you type, the offer card's QR, idle reset,
nothing personal on screen. Screenshots go to the screenshot_dir fixture."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

from kiosk.services.catalogue import Catalogue
from kiosk.store.database import Database
from kiosk.ui.catalogue.screen import PAGE_CATEGORIES, PAGE_OFFER, PAGE_RESULTS, CatalogueScreen
from tests.fixtures.store import booking_row, insert_bookings
from tests.unit.services import catalogue_corpus as corpus

SIZES = [(1280, 720), (1920, 1080)]


@pytest.fixture
def catalogue(db: Database, clock) -> Iterator[Catalogue]:
    corpus.load_default(db)
    cat = Catalogue(db, clock=clock)
    yield cat
    cat.close()


@pytest.fixture
def screen(qtbot, catalogue: Catalogue, tmp_path: Path) -> Iterator[CatalogueScreen]:
    widget = CatalogueScreen(catalogue, tmp_path / "images", youth_mode=True, idle_seconds=600)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    with qtbot.waitSignal(widget.counts_shown, timeout=5000):
        widget.show()
    yield widget
    widget.shutdown()


def type_text(qtbot, screen: CatalogueScreen, text: str) -> None:
    with qtbot.waitSignal(screen.results_shown, timeout=5000):
        qtbot.keyClicks(screen.search, text)


def shown_ids(screen: CatalogueScreen) -> list[int]:
    return [t.offer.id for t in screen.result_tiles]


def all_text(root: QWidget) -> str:
    """Every piece of text a person could read or hear in the widget tree."""
    parts = [root.accessibleName()]
    for w in root.findChildren(QWidget):
        parts.append(w.accessibleName())
        parts.append(w.toolTip())
        if isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
            parts.append(w.text())
        if isinstance(w, QLineEdit):
            parts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            parts.extend(w.itemText(i) for i in range(w.count()))
    return "\n".join(p for p in parts if p)


def test_categories_show_counts(screen: CatalogueScreen) -> None:
    assert screen.pages.currentIndex() == PAGE_CATEGORIES
    assert screen.tiles["LIVRE"].count == 4
    assert screen.tiles["MUSIQUE_LIVE"].count == 2
    assert not screen.tiles["CARTE_JEUNES"].isEnabled()  # nothing to show there
    assert "TECHNIQUE" not in screen.tiles


def test_search_as_you_type(qtbot, screen: CatalogueScreen) -> None:
    type_text(qtbot, screen, "clu")
    assert screen.pages.currentIndex() == PAGE_RESULTS
    assert shown_ids(screen) == [5]
    with qtbot.waitSignal(screen.results_shown, timeout=5000):
        screen.search.setText("izneo")
    assert shown_ids(screen) == [4]
    with qtbot.waitSignal(screen.results_shown, timeout=5000):
        screen.search.setText("concert")
    assert set(shown_ids(screen)) == {10, 11}
    with qtbot.waitSignal(screen.results_shown, timeout=5000):
        screen.this_week.setChecked(True)
    assert shown_ids(screen) == [10]
    with qtbot.waitSignal(screen.results_shown, timeout=5000):
        screen.search.setText('"NEAR( AND -*')  # searched as words: nothing, no error
    assert shown_ids(screen) == []
    assert screen.empty.isVisible()


def test_tile_opens_category_and_offer_card_qr_decodes(qtbot, screen: CatalogueScreen) -> None:
    with qtbot.waitSignal(screen.results_shown, timeout=5000):
        screen.tiles["MUSIQUE_LIVE"].click()
    assert shown_ids(screen) == [10, 11]
    with qtbot.waitSignal(screen.offer_shown, timeout=5000):
        screen.result_tiles[0].click()
    assert screen.pages.currentIndex() == PAGE_OFFER
    card = screen.card
    text = all_text(card)
    assert "Orelsan en concert" in text
    assert "DUO" in text and "25 €" in text
    assert "Retrait sur place (guichet, comptoir...)" in text
    assert "40 places restantes" in text
    assert "Handicap moteur" in text
    qr = card.qr.pixmap()
    assert qr.width() >= 260 and qr.height() >= 260  # ≥ 6 cm at 96 dpi
    image = card.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [b.text for b in found] == ["https://passculture.app/offre/10"]
    assert "https://passculture.app/offre/10" in text
    card.back.click()
    assert screen.pages.currentIndex() == PAGE_RESULTS


def test_idle_resets_to_categories(qtbot, screen: CatalogueScreen) -> None:
    screen.set_idle_interval_ms(300)
    screen.free.setChecked(True)
    type_text(qtbot, screen, "cluny")
    assert screen.pages.currentIndex() == PAGE_RESULTS
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == PAGE_CATEGORIES, timeout=5000)
    assert screen.search.text() == ""
    assert not screen.free.isChecked()
    assert screen.query.text == "" and screen.query.category is None


def test_input_postpones_idle_reset(qtbot, screen: CatalogueScreen) -> None:
    screen.set_idle_interval_ms(400)
    type_text(qtbot, screen, "clu")
    for _ in range(4):  # keep typing a little: no reset meanwhile
        qtbot.wait(150)
        qtbot.keyClick(screen.search, "n")
        qtbot.keyClick(screen.search, "\b")
    assert screen.pages.currentIndex() == PAGE_RESULTS
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == PAGE_CATEGORIES, timeout=5000)


def test_no_personal_data_and_no_booking_query(qtbot, db: Database, screen, catalogue) -> None:
    insert_bookings(
        db,
        [
            booking_row(
                1,
                "ABCDEF",
                offer_id=10,
                offer_name="Orelsan en concert",
                first_name="Zéphyrine",
                last_name="Quatrefages",
            )
        ],
    )
    statements: list[str] = []
    catalogue.reader.connection().set_trace_callback(statements.append)
    screen.refresh()
    type_text(qtbot, screen, "orelsan")
    with qtbot.waitSignal(screen.offer_shown, timeout=5000):
        screen.result_tiles[0].click()
    text = all_text(screen)
    assert "Orelsan en concert" in text
    for secret in ("Zéphyrine", "Quatrefages", "ABCDEF", "Accueil", "Guichet Accueil"):
        assert secret not in text
    assert statements and not [s for s in statements if "booking" in s.lower()]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_screenshots(qtbot, screen: CatalogueScreen, screenshot_dir: Path, size) -> None:
    w, h = size
    screen.resize(w, h)
    qtbot.wait(50)
    screen.grab().save(str(screenshot_dir / f"catalogue-categories-{w}x{h}.png"))
    type_text(qtbot, screen, "concert")
    screen.grab().save(str(screenshot_dir / f"catalogue-results-{w}x{h}.png"))
    with qtbot.waitSignal(screen.offer_shown, timeout=5000):
        screen.result_tiles[0].click()
    qtbot.wait(50)  # let the layout take the filter bar's room
    screen.grab().save(str(screenshot_dir / f"catalogue-offer-{w}x{h}.png"))
