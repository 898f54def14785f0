"""Librarian mode: browse the cached offers with a youth and hand one over as a QR code.

Three pages: category tiles → results → one offer. Searches as you type (debounced), on a
single worker thread (the Catalogue service is plain Python and never touches bookings), so
the UI thread never waits on SQLite; each kind of request is keyed "latest wins", so only the
answer to the last keystroke reaches the screen. In youth mode, after `idle_seconds` without
input, it clears the search and filters and returns to the categories for the next youth.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import categories
from kiosk.services.catalogue import Catalogue, OfferDetail, Place, Price, Query, SearchResult, Sort
from kiosk.sync.images import ImageCache
from kiosk.ui.catalogue.offer_card import OfferCard
from kiosk.ui.catalogue.style import STYLESHEET
from kiosk.ui.catalogue.tiles import CategoryTile, ResultTile
from kiosk.ui.common.page_stack import PageStack
from kiosk.ui.common.tasks import Tasks

DEBOUNCE_MS = 60
INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
}
PAGE_CATEGORIES, PAGE_RESULTS, PAGE_OFFER = 0, 1, 2


class CatalogueScreen(QWidget):
    back_requested = Signal()
    results_shown = Signal()  # a result list (or "no result") is on screen
    offer_shown = Signal(int)  # an offer card is on screen
    counts_shown = Signal()

    def __init__(
        self,
        catalogue: Catalogue,
        image_dir: Path | str,
        youth_mode: bool = True,
        idle_seconds: int = 90,
        parent: QWidget | None = None,
        *,
        lang: str = "fr",
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("catalogue")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLESHEET)
        self.catalogue = catalogue
        self.images = ImageCache(Path(image_dir))
        self.youth_mode = youth_mode
        self.query = Query()
        self.result: SearchResult | None = None
        # One thread, as before: the catalogue reads through one SQLite connection (behind a
        # lock), so more threads would only queue; answers also come back in the order asked.
        self.tasks = Tasks(self, max_threads=1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_query)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(max(1, idle_seconds) * 1000)
        self._idle.timeout.connect(self.reset)
        self._filtering = False

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._build_top())
        self.filters = self._build_filters()
        root.addWidget(self.filters)
        self.pages = PageStack()
        self.pages.addWidget(self._build_categories())
        self.pages.addWidget(self._build_results())
        self.card = OfferCard(lang=lang)
        self.card.back_requested.connect(self._back_to_results)
        self.pages.addWidget(self.card)
        # The offer card needs the room; filters only matter while choosing.
        self.pages.currentChanged.connect(lambda i: self.filters.setVisible(i != PAGE_OFFER))
        root.addWidget(self.pages, 1)
        self.refresh()

    # -- layout -------------------------------------------------------------------------------
    def _build_top(self) -> QWidget:
        top = QWidget()
        top.setObjectName("catalogueTop")
        top.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(top)
        row.setContentsMargins(24, 14, 24, 14)
        row.setSpacing(18)
        self.back_button = QPushButton(self.tr("← Guichet"))
        self.back_button.setObjectName("topButton")
        self.back_button.clicked.connect(self.back_requested)
        title = QLabel(self.tr("Explore l’offre culturelle"))
        title.setObjectName("catalogueTitle")
        self.search = QLineEdit()
        self.search.setObjectName("catalogueSearch")
        self.search.setPlaceholderText(self.tr("Un livre, un concert, un artiste, un lieu…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_text)
        row.addWidget(self.back_button)
        row.addWidget(title)
        row.addWidget(self.search, 1)
        return top

    def _chip(self, text: str) -> QPushButton:
        chip = QPushButton(text)
        chip.setObjectName("chip")
        chip.setCheckable(True)
        chip.setCursor(Qt.CursorShape.PointingHandCursor)
        chip.toggled.connect(self._on_filter)
        return chip

    def _build_filters(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(24, 14, 24, 6)
        row.setSpacing(10)
        self.free = self._chip(self.tr("Gratuit"))
        self.paid = self._chip(self.tr("Payant"))
        self.on_site = self._chip(self.tr("Sur place"))
        self.digital = self._chip(self.tr("En ligne"))
        self.this_week = self._chip(self.tr("Cette semaine"))
        for chip in (self.free, self.paid, self.on_site, self.digital, self.this_week):
            row.addWidget(chip)
        row.addStretch(1)
        self.venue = QComboBox()
        self.venue.setObjectName("chipCombo")
        # A venue's name can be long: the closed box shows its start with "…" (whole name in
        # the tooltip and the open list) instead of widening the window past a small screen.
        self.venue.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.venue.setMinimumContentsLength(12)
        self.venue.currentIndexChanged.connect(self._on_filter)
        self.venue.currentTextChanged.connect(self.venue.setToolTip)
        self.sort = QComboBox()
        self.sort.setObjectName("chipCombo")
        self.sort.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for label, value in (
            (self.tr("Les plus pertinentes"), Sort.RELEVANCE),
            (self.tr("Par date"), Sort.DATE),
            (self.tr("Par prix"), Sort.PRICE),
        ):
            self.sort.addItem(label, value)
        self.sort.currentIndexChanged.connect(self._on_filter)
        row.addWidget(self.venue)
        # The sort order sits above the results it orders (_build_results): the filter row
        # then fits a 1024-pixel screen.
        return bar

    def _build_categories(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(20, 10, 20, 20)
        grid.setSpacing(6)
        self.tiles: dict[str, CategoryTile] = {}
        columns = 5
        for i, cat in enumerate(categories.CATEGORIES):
            tile = CategoryTile(cat, lang=self.lang)
            tile.clicked.connect(lambda _=False, c=cat.id: self.open_category(c))
            grid.addWidget(tile, i // columns, i % columns)
            self.tiles[cat.id] = tile
        return page

    def _build_results(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(24, 6, 24, 12)
        col.setSpacing(10)
        head = QHBoxLayout()
        self.to_categories = QPushButton(self.tr("← Catégories"))
        self.to_categories.setObjectName("chip")
        self.to_categories.clicked.connect(self.reset_search)
        self.results_title = QLabel()
        self.results_title.setObjectName("resultsTitle")
        head.addWidget(self.to_categories)
        head.addWidget(self.results_title, 1)
        head.addWidget(self.sort)
        col.addLayout(head)
        self.empty = QLabel()
        self.empty.setObjectName("emptyText")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(self.empty)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        body = QWidget()
        body.setObjectName("scrollBody")
        self.grid = QGridLayout(body)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(12)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll.setWidget(body)
        col.addWidget(self.scroll, 1)
        self.result_tiles: list[ResultTile] = []
        return page

    # -- public API -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the venues and the category counts (e.g. after a sync)."""
        self._submit("venues", self.catalogue.venues)
        self._refresh_counts()

    def reset(self) -> None:
        """Back to a fresh screen: no text, no filter, the category tiles."""
        self._filtering = True
        try:
            self.search.clear()
            for chip in (self.free, self.paid, self.on_site, self.digital, self.this_week):
                chip.setChecked(False)
            self.venue.setCurrentIndex(0)
            self.sort.setCurrentIndex(0)
        finally:
            self._filtering = False
        self._debounce.stop()
        self.query = Query()
        self.pages.setCurrentIndex(PAGE_CATEGORIES)
        self._refresh_counts()

    def reset_search(self) -> None:
        """Back to the categories, keeping the filters."""
        self._filtering = True
        self.search.clear()
        self._filtering = False
        self.query = replace(self.query, text="", category=None)
        self.pages.setCurrentIndex(PAGE_CATEGORIES)
        self._refresh_counts()

    def open_category(self, category_id: str) -> None:
        self.query = replace(self.query, category=category_id)
        self._run_query()

    def open_offer(self, offer_id: int) -> None:
        self._submit("offer", lambda: self._load_offer(offer_id))

    def set_idle_interval_ms(self, ms: int) -> None:
        self._idle.setInterval(ms)
        if self._idle.isActive():
            self._idle.start()

    def shutdown(self) -> None:
        """Stop the worker thread (call when the application quits)."""
        self.tasks.shutdown()

    # -- events -------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.youth_mode:
            QApplication.instance().installEventFilter(self)
            self._idle.start()
        self.search.setFocus()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self._idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._idle.start()  # any touch or key: someone is there
        return False

    def _on_text(self, _text: str) -> None:
        if not self._filtering:
            self._debounce.start()

    def _on_filter(self, *_: Any) -> None:
        if self._filtering:
            return
        sender = self.sender()
        self._filtering = True  # free/paid and on site/online exclude each other
        for a, b in ((self.free, self.paid), (self.on_site, self.digital)):
            if sender is a and a.isChecked():
                b.setChecked(False)
            elif sender is b and b.isChecked():
                a.setChecked(False)
        self._filtering = False
        self.query = self._query_from_widgets()
        if self.pages.currentIndex() == PAGE_CATEGORIES and self.query.is_blank:
            self._refresh_counts()
        else:
            self._run_query()

    def _query_from_widgets(self) -> Query:
        price = (
            Price.FREE
            if self.free.isChecked()
            else (Price.PAID if self.paid.isChecked() else Price.ANY)
        )
        place = (
            Place.ON_SITE
            if self.on_site.isChecked()
            else (Place.DIGITAL if self.digital.isChecked() else Place.ANY)
        )
        return replace(
            self.query,
            text=self.search.text(),
            price=price,
            place=place,
            this_week=self.this_week.isChecked(),
            venue_id=self.venue.currentData(),
            sort=self.sort.currentData() or Sort.RELEVANCE,
        )

    # -- work on the worker thread --------------------------------------------------------------
    def _submit(self, kind: str, fn: Any) -> None:
        self.tasks.submit(fn, partial(self._on_done, kind), lambda _e: self._show_error(), key=kind)

    def _run_query(self) -> None:
        self.query = self._query_from_widgets()
        if self.query.is_blank:
            self.pages.setCurrentIndex(PAGE_CATEGORIES)
            self._refresh_counts()
            return
        query = self.query
        self._submit("search", lambda: self._search(query))

    def _search(self, query: Query) -> tuple[SearchResult, dict[int, str | None]]:
        result = self.catalogue.search(query)
        paths = {o.id: self._image(o.image_url) for o in result.offers}
        return result, paths

    def _load_offer(self, offer_id: int) -> tuple[OfferDetail | None, str | None]:
        detail = self.catalogue.offer(offer_id)
        return detail, (self._image(detail.summary.image_url) if detail else None)

    def _image(self, url: str | None) -> str | None:
        path = self.images.get(url)
        return str(path) if path else None

    def _refresh_counts(self) -> None:
        query = self.query
        self._submit("counts", lambda: self.catalogue.category_counts(query))

    # -- answers on the UI thread ---------------------------------------------------------------
    def _on_done(self, kind: str, result: object) -> None:
        # Only the latest request of each kind gets here (`key=kind`); older answers are dropped.
        if kind == "search":
            self._show_results(*result)  # type: ignore[misc]
        elif kind == "counts":
            for cat_id, tile in self.tiles.items():
                tile.set_count(result.get(cat_id, 0))  # type: ignore[attr-defined]
            self.counts_shown.emit()
        elif kind == "venues":
            self._fill_venues(result)  # type: ignore[arg-type]
        elif kind == "offer":
            detail, path = result  # type: ignore[misc]
            if detail is None:
                self._show_error(self.tr("Cette offre n’est plus disponible."))
                return
            self.card.show_offer(detail, path)
            # Filters hidden first: for a moment the window would need room for both.
            self.filters.hide()
            self.pages.setCurrentIndex(PAGE_OFFER)
            self.offer_shown.emit(detail.summary.id)

    def _fill_venues(self, venues: list[tuple[int, str]]) -> None:
        self._filtering = True
        current = self.venue.currentData()
        self.venue.clear()
        self.venue.addItem(self.tr("Tous les lieux"), None)
        for venue_id, name in venues:
            self.venue.addItem(name, venue_id)
        index = self.venue.findData(current)
        self.venue.setCurrentIndex(max(0, index))
        self.venue.setVisible(len(venues) > 1)
        self._filtering = False

    def _show_results(self, result: SearchResult, paths: dict[int, str | None]) -> None:
        self.result = result
        for tile in self.result_tiles:
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.result_tiles = []
        columns = 3 if self.width() >= 1600 else 2
        for c in range(3):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
        for i, offer in enumerate(result.offers):
            tile = ResultTile(offer, paths.get(offer.id), lang=self.lang)
            tile.clicked.connect(lambda _=False, oid=offer.id: self.open_offer(oid))
            self.grid.addWidget(tile, i // columns, i % columns)
            self.result_tiles.append(tile)
        self.results_title.setText(self._results_title(result))
        self.empty.setVisible(not result.offers)
        self.empty.setText(
            self.tr("Aucune offre ne correspond. Essaie un autre mot ou enlève un filtre.")
        )
        self.scroll.verticalScrollBar().setValue(0)
        self.pages.setCurrentIndex(PAGE_RESULTS)
        self.results_shown.emit()

    def _results_title(self, result: SearchResult) -> str:
        q = result.query
        n = len(result.offers)
        count = (
            self.tr("plus de %1 offres").replace("%1", str(n))
            if result.more
            else (self.tr("1 offre") if n == 1 else self.tr("%1 offres").replace("%1", str(n)))
        )
        parts = []
        if q.category:
            parts.append(categories.category_label(q.category, self.lang))
        if q.text.strip():
            text = q.text.strip()
            parts.append(f"“{text}”" if self.lang == "en" else f"« {text} »")
        return " · ".join([*parts, count])

    def _show_error(self, message: str | None = None) -> None:
        self.results_title.setText("")
        for tile in self.result_tiles:
            tile.deleteLater()
        self.result_tiles = []
        self.empty.setText(
            message
            or self.tr(
                "Le catalogue est momentanément illisible. Réessaie dans un instant ; "
                "si cela continue, préviens l’équipe de la médiathèque."
            )
        )
        self.empty.setVisible(True)
        self.pages.setCurrentIndex(PAGE_RESULTS)
        self.results_shown.emit()

    def _back_to_results(self) -> None:
        self.pages.setCurrentIndex(PAGE_RESULTS if self.result else PAGE_CATEGORIES)
