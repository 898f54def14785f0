"""Big touch tiles of the catalogue: a category (label and count) and an offer in a result list.

Painted by hand: dozens of them are rebuilt at every keystroke, so each is one cheap widget.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from kiosk.domain import categories
from kiosk.domain.categories import Category
from kiosk.domain.texts import say
from kiosk.services.catalogue import OfferSummary, date_text, offers_text, price_text
from kiosk.ui.catalogue.style import ACCENT, INK, MUTED, colour_of, offer_pixmap

TEXT_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


class CategoryTile(QPushButton):
    def __init__(
        self, category: Category, parent: QWidget | None = None, *, lang: str = "fr"
    ) -> None:
        super().__init__(parent)
        self.category = category
        self.lang = lang
        self.label = categories.category_label(category.id, lang)
        self.count: int | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Five across fit a 1024-pixel screen; the label's size follows the tile (label_font).
        self.setMinimumSize(QSize(172, 120))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.label)

    def set_count(self, count: int | None) -> None:
        self.count = count
        offers = "" if count is None else offers_text(count, self.lang)
        self.setAccessibleName(f"{self.label}, {offers}".strip(", "))
        self.setToolTip(f"{self.label} — {offers}".strip(" —"))
        self.setEnabled(count is None or count > 0)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        base = colour_of(self.category.id)
        if not self.isEnabled():
            base = QColor("#b9b6c6")
        elif self.isDown():
            base = base.darker(120)
        path = QPainterPath()
        path.addRoundedRect(r, 22, 22)
        p.fillPath(path, base)
        p.setClipPath(path)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(255, 255, 255, 38))
        p.drawEllipse(
            QRectF(
                r.right() - r.height() * 0.9,
                r.top() - r.height() * 0.35,
                r.height() * 1.2,
                r.height() * 1.2,
            )
        )
        p.setClipping(False)
        p.setPen(QColor("white"))
        text_rect = r.adjusted(22, 18, -22, -50)
        p.setFont(label_font(self.label, text_rect, 24 if r.width() > 260 else 20))
        p.drawText(text_rect, TEXT_FLAGS, self.label)
        if self.count is not None:
            count_rect = r.adjusted(22, 0, -22, -16)
            font, shown = count_text(offers_text(self.count, self.lang), count_rect.width())
            p.setFont(font)
            p.drawText(
                count_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), shown
            )
        p.end()


def label_font(text: str, rect: QRectF, largest: int, smallest: int = 13) -> QFont:
    """The largest bold font, from `largest` px down, in which `text` wraps inside `rect`:
    a long category name on a small tile gets smaller letters rather than losing words."""
    for px in range(largest, smallest - 1, -1):
        font = _font(px, bold=True)
        if fits(text, font, rect):
            return font
    return _font(smallest, bold=True)


def fits(text: str, font: QFont, rect: QRectF) -> bool:

    need = QFontMetricsF(font).boundingRect(rect, TEXT_FLAGS, text)
    return need.width() <= rect.width() + 0.5 and need.height() <= rect.height() + 0.5


def count_text(text: str, width: float, largest: int = 18, smallest: int = 14) -> tuple[QFont, str]:
    """The count line in the largest font from `largest` px down that holds it on one line;
    at the smallest size, its start and "…" (the whole text is in the tile's tooltip)."""
    for px in range(largest, smallest - 1, -1):
        font = _font(px)
        if QFontMetricsF(font).horizontalAdvance(text) <= width:
            return font, text
    font = _font(smallest)
    return font, QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, width)


class ResultTile(QPushButton):
    THUMB_W, THUMB_H = 96, 140

    def __init__(
        self,
        offer: OfferSummary,
        image_path: str | None,
        parent: QWidget | None = None,
        *,
        lang: str = "fr",
    ) -> None:
        super().__init__(parent)
        self.offer = offer
        self.category_label = categories.category_label(offer.category_id, lang)
        self.image_path = image_path
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(QSize(360, self.THUMB_H + 24))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.price = price_text(offer.min_price_cents, offer.max_price_cents, lang)
        self.when = (
            date_text(offer.next_date, offer.department_code, lang)
            if offer.is_event and offer.next_date
            else (say("catalogue.online", lang) if offer.is_digital else "")
        )
        self.setAccessibleName(
            ", ".join(p for p in (offer.name, self.category_label, self.price) if p)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        o = self.offer
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        path = QPainterPath()
        path.addRoundedRect(r, 16, 16)
        p.fillPath(path, QColor("#ece8f7") if self.isDown() else QColor("white"))
        pix = offer_pixmap(self.image_path, o.category_id, self.THUMB_W, self.THUMB_H)
        top = r.top() + (r.height() - pix.height()) / 2
        p.drawPixmap(int(r.left() + 10), int(top), pix)
        x = r.left() + self.THUMB_W + 26
        text = QRectF(x, r.top() + 12, r.right() - x - 14, r.height() - 24)
        p.setPen(colour_of(o.category_id))
        p.setFont(_font(15, bold=True))
        p.drawText(text, TEXT_FLAGS, self.category_label.upper())
        p.setPen(QColor(INK))
        p.setFont(_font(20, bold=True))
        name_box = text.adjusted(0, 22, 0, -52)
        p.drawText(name_box, TEXT_FLAGS, o.name)
        p.setPen(QColor(MUTED))
        p.setFont(_font(16))
        sub = " · ".join(s for s in (self.when, o.venue_name if not o.is_digital else "") if s)
        p.drawText(text.adjusted(0, text.height() - 48, -110, 0), TEXT_FLAGS, sub)
        if self.price:
            p.setFont(_font(18, bold=True))
            width = p.fontMetrics().horizontalAdvance(self.price) + 24
            badge = QRectF(text.right() - width, text.bottom() - 32, width, 32)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(ACCENT))
            p.drawRoundedRect(badge, 16, 16)
            p.setPen(QColor("white"))
            p.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), self.price)
        if o.is_duo:
            p.setFont(_font(14, bold=True))
            p.setPen(QColor(ACCENT))
            p.drawText(
                text.adjusted(0, 0, 0, 0),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                "DUO",
            )
        p.end()
