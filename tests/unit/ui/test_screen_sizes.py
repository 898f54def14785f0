"""The window fits every screen from 1024×768 to 1920×1080 and cuts no text silently, offscreen.

The room a window gets on a screen is the screen less what the window manager and a task bar
take (`kiosk.ui.app.DECORATION`). The real window under a real window manager is checked by
tests/xreal/test_screens.py; here the size logic, widget by widget.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget

from kiosk.ui.app import DECORATION, PREFERRED_SIZE, start_size
from kiosk.ui.common.elided import ElidedLabel
from kiosk.ui.common.theme import text_scale
from tests.unit.services import catalogue_corpus as corpus
from tests.unit.ui.conftest import settle

SCREENS = [(1024, 768), (1366, 768), (1920, 1080)]
# A long offer name, a date and a DUO price: the card's lines that were cut on small screens.
LONG_SCANS = ["DUO234", "SOON23", "ABC234", "USED23"]


def room(width: int, height: int) -> QSize:
    """The client area the window gets at most on a `width`×`height` screen."""
    return QSize(width, height) - DECORATION


def shown_lines(label: QLabel) -> list[str]:
    return label.text().split("\n")


def ancestors(widget: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def cut_texts(root: QWidget) -> list[str]:
    """Texts on screen that are cut with no sign: a one-line label narrower than its text, a
    wrapped label shorter than its lines, an elided label without the whole text in its
    tooltip, or any label reaching outside the window (unless it scrolls)."""
    cut: list[str] = []
    window = root.window()
    inside = window.rect()
    for label in root.findChildren(QLabel):
        text = label.text()
        if not text or not label.isVisibleTo(window) or label.textFormat().name == "RichText":
            continue
        top_left = label.mapTo(window, QPoint(0, 0))
        scrolls = any(isinstance(p, QAbstractScrollArea) for p in ancestors(label))
        if not scrolls and not inside.contains(QRect(top_left, label.size())):
            cut.append(f"outside the window: {text!r} at {top_left.toTuple()}")
            continue
        if isinstance(label, ElidedLabel):
            if label.is_elided() and label.toolTip() != text:
                cut.append(f"elided without tooltip: {text!r}")
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height():
                cut.append(f"wrapped lines cut: {text!r} ({label.width()}×{label.height()})")
            continue
        fm = label.fontMetrics()
        need = max(fm.horizontalAdvance(line) for line in shown_lines(label))
        if need > label.contentsRect().width():
            cut.append(f"cut: {text!r} needs {need} px, has {label.contentsRect().width()}")
    return cut


def cut_tiles(catalogue: Any) -> list[str]:
    """Category tiles whose name or count does not fit, with no "…" and tooltip."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    from kiosk.services.catalogue import offers_text
    from kiosk.ui.catalogue.tiles import count_text, fits, label_font

    cut = []
    for tile in catalogue.tiles.values():
        r = QRectF(tile.rect()).adjusted(4, 4, -4, -4)
        name_rect = r.adjusted(22, 18, -22, -50)
        if not fits(tile.label, label_font(tile.label, name_rect, 20), name_rect):
            cut.append(f"name: {tile.label!r} in {name_rect.width():.0f} px")
        if tile.count is None:
            continue
        full = offers_text(tile.count, tile.lang)
        font, shown = count_text(full, r.width() - 44)
        if QFontMetricsF(font).horizontalAdvance(shown) > r.width() - 44:
            cut.append(f"count: {shown!r}")
        if shown != full and (not shown.endswith("…") or full not in tile.toolTip()):
            cut.append(f"count elided without a sign: {shown!r}")
    return cut


@pytest.fixture
def services_with_offers(services: Any) -> Any:
    corpus.load_default(services.db)
    return services


@pytest.fixture
def window_for(services_with_offers: Any, window_factory: Any) -> Any:
    """`window_for(w, h)`: the window as the application opens it on a w×h screen (its size,
    its type scale)."""

    def make(width: int, height: int) -> Any:
        size = start_size(QSize(width, height)) or room(width, height)
        return window_factory(
            services_with_offers, size=size.toTuple(), text_scale=text_scale(height)
        )

    return make


@pytest.fixture
def small(window_for: Any) -> Any:
    return window_for(1024, 768)


def fits(hint: QSize, space: QSize) -> bool:
    return hint.width() <= space.width() and hint.height() <= space.height()


def test_start_size_maximizes_when_the_preferred_size_and_its_frame_do_not_fit() -> None:
    # A window resized to the whole free area was taller than the screen with its title bar.
    assert start_size(QSize(1024, 768)) is None
    assert start_size(QSize(1366, 768)) is None
    assert start_size(QSize(1366, 728)) is None  # a task bar takes 40 px
    assert start_size(QSize(1920, 1040)) == PREFERRED_SIZE
    assert start_size(PREFERRED_SIZE) is None


def test_type_is_smaller_on_a_short_screen_only(services: Any, window_factory: Any) -> None:
    from kiosk.ui.common.theme import style

    assert text_scale(768) < 1.0 and text_scale(728) < 1.0
    assert text_scale(1040) == 1.0
    assert "font-size: 22px" in style(1.0) and "font-size: 22px" not in style(text_scale(768))
    window = window_factory(services, text_scale=text_scale(768))
    assert window.styleSheet() == style(text_scale(768))
    assert window.screen.band.minimumSizeHint().height() < 150


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_counter_minimum_fits_the_screen_in_every_state(
    width: int, height: int, window_for: Any, qtbot: Any
) -> None:
    space = room(width, height)
    window = window_for(width, height)
    assert fits(window.minimumSizeHint(), space), window.minimumSizeHint()
    for code in LONG_SCANS:
        window.handle_scan(code, "wedge")
        settle(qtbot, window)
        assert fits(window.minimumSizeHint(), space), (code, window.minimumSizeHint())
        assert fits(window.size(), space), (code, window.size())  # it never grew meanwhile


def test_librarian_mode_and_back_keeps_the_minimum(small: Any, qtbot: Any) -> None:
    """F5 then back used to leave the window at librarian mode's minimum width (1162 px)."""
    window = small
    space = room(1024, 768)
    window.handle_scan("DUO234", "wedge")
    settle(qtbot, window)
    before = window.minimumSizeHint()
    assert fits(window.size(), space), window.size()

    def still_fits(step: str) -> None:
        qtbot.wait(20)  # the layout runs on the next event loop turn
        assert fits(window.minimumSizeHint(), space), (step, window.minimumSizeHint())
        assert fits(window.size(), space), (step, window.size())
        assert cut_texts(window) == [], step

    window.librarian_action.trigger()  # F5
    catalogue = window.catalogue_screen
    assert window.stack.currentWidget() is catalogue
    qtbot.waitUntil(lambda: catalogue.tiles["MUSIQUE_LIVE"].count is not None, timeout=5000)
    still_fits("categories")
    assert cut_tiles(catalogue) == []
    with qtbot.waitSignal(catalogue.results_shown, timeout=5000):
        catalogue.tiles["MUSIQUE_LIVE"].click()
    still_fits("results")
    with qtbot.waitSignal(catalogue.offer_shown, timeout=5000):
        catalogue.result_tiles[0].click()
    still_fits("offer")

    window.show_counter()  # F6 / "← Guichet"
    qtbot.wait(20)
    assert window.minimumSizeHint() == before
    still_fits("back to the counter")


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_no_text_cut_silently_on_the_counter(
    width: int, height: int, window_for: Any, qtbot: Any
) -> None:
    window = window_for(width, height)
    for code in LONG_SCANS:
        window.handle_scan(code, "wedge")
        settle(qtbot, window)
        qtbot.wait(10)  # the layout of the new texts
        assert cut_texts(window) == [], code
    qtbot.keyClicks(window.screen.entry.field, "ABCDEFGHJKLMNPQRSTUVWXYZ")  # too long a code
    qtbot.wait(10)
    assert window.screen.entry.hint.property("error")
    assert cut_texts(window) == []  # the error sentence wraps
    window.status.showMessage("Import terminé : 1500 réservations, dont 1263 à venir " * 3)
    qtbot.wait(10)
    assert cut_texts(window) == []
    message = window.status.message
    assert message.is_elided() and message.toolTip() == message.text()


def test_count_text_shrinks_then_elides() -> None:
    from PySide6.QtGui import QFontMetricsF

    from kiosk.ui.catalogue.tiles import count_text

    font, shown = count_text("210 offres", 300)
    assert shown == "210 offres" and font.pixelSize() == 18
    font, shown = count_text("Aucune offre pour l’instant", 150)
    assert shown.endswith("…") and QFontMetricsF(font).horizontalAdvance(shown) <= 150


def test_status_bar_is_inside_the_window_at_the_smallest_size(small: Any, qtbot: Any) -> None:
    window = small
    window.status.set_net("offline", "timeout")
    window.status.show_progress("bookings", 10, 100)
    qtbot.wait(10)
    bar = window.status
    assert window.rect().contains(QRect(bar.mapTo(window, QPoint(0, 0)), bar.size()))
    assert bar.sync.isVisible() and bar.sync.x() + bar.sync.width() <= bar.width()
    assert fits(window.minimumSizeHint(), room(1024, 768))


def test_changer_in_guillemets_never_splits_over_two_lines(small: Any) -> None:
    # It wrapped as "… touchez «" / "Changer »" on a 1024-pixel screen.
    small.staff_service.add("Marie", "2468")
    small.staff_bar.refresh()
    assert "«\u00a0Changer\u00a0»" in small.staff_bar.label.text()
