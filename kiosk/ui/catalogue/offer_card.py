"""One offer, as a youth reads it, with a large QR code of its page in the youth app."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import categories
from kiosk.domain.display import format_price
from kiosk.domain.texts import say
from kiosk.services.catalogue import OfferDetail, date_text, places_text, price_text
from kiosk.ui.catalogue.qr import qr_pixmap
from kiosk.ui.catalogue.style import colour_of, offer_pixmap

IMAGE_W, IMAGE_H = 240, 360
MAX_DATES = 6
# Below this window height (a 768-pixel screen) the picture and the QR code are drawn smaller
# so the whole card, QR code included, stays on screen; the QR code stays >= 260 px (~7 cm).
COMPACT_BELOW = 800
COMPACT_IMAGE = (160, 240)
QR_PX, QR_PX_LARGE, QR_PX_COMPACT = 320, 420, 260


def _label(text: str = "", name: str = "sectionText", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class OfferCard(QWidget):
    """Shows an `OfferDetail`; `back_requested` when the youth taps "back"."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, lang: str = "fr") -> None:
        super().__init__(parent)
        self.lang = lang
        self.detail: OfferDetail | None = None
        self.image_path: str | None = None
        self.compact = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)
        self.outer = outer
        self.back = QPushButton(self.tr("← Retour aux résultats"))
        self.back.setObjectName("chip")
        self.back.setCursor(Qt.CursorShape.PointingHandCursor)
        self.back.clicked.connect(self.back_requested)
        outer.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)

        card = QFrame()
        card.setObjectName("offerCard")
        row = QHBoxLayout(card)
        self.card_row = row
        row.setContentsMargins(24, 24, 24, 24)
        row.setSpacing(28)
        outer.addWidget(card, 1)

        self.image = QLabel()
        self.image.setFixedSize(IMAGE_W, IMAGE_H)
        self.image.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        row.addWidget(self.image, 0, Qt.AlignmentFlag.AlignTop)

        # The middle column scrolls: a description or a list of dates can be long.
        info = QWidget()
        info.setObjectName("offerCard")
        self.info = QVBoxLayout(info)
        self.info.setContentsMargins(0, 0, 0, 0)
        self.info.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(info)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        row.addWidget(scroll, 1)

        self.category = _label(name="offerCategory")
        self.name = _label(name="offerName")
        self.artist = _label(name="offerArtist")
        badges = QHBoxLayout()
        self.price = _label(name="offerPrice", wrap=False)
        self.duo = _label(self.tr("DUO : 2 places"), name="duoBadge", wrap=False)
        badges.addWidget(self.price)
        badges.addWidget(self.duo)
        badges.addStretch(1)
        self.info.addWidget(self.category)
        self.info.addWidget(self.name)
        self.info.addWidget(self.artist)
        self.info.addLayout(badges)
        self.sections: dict[str, tuple[QLabel, QLabel]] = {}
        for key, title in (
            ("where", self.tr("Où ?")),
            ("when", self.tr("Quand ?")),
            ("how", self.tr("Comment l’obtenir ?")),
            ("access", self.tr("Accessibilité")),
            ("about", self.tr("En quelques mots")),
        ):
            head, body = _label(title, "sectionTitle"), _label()
            self.info.addWidget(head)
            self.info.addWidget(body)
            self.sections[key] = (head, body)
        self.info.addStretch(1)

        qr_col = QVBoxLayout()
        qr_col.setSpacing(10)
        caption = _label(self.tr("Scanne-moi avec ton téléphone"), "qrCaption")
        caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.link = _label(name="qrLink")
        self.link.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = _label(self.tr("et réserve l’offre dans l’application pass Culture"), "qrLink")
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        qr_col.addWidget(caption)
        qr_col.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        qr_col.addWidget(self.link)
        qr_col.addWidget(hint)
        qr_col.addStretch(1)
        row.addLayout(qr_col)

    def _set_compact(self, compact: bool) -> None:
        self.compact = compact
        margin = 12 if compact else 24
        self.card_row.setContentsMargins(margin, margin, margin, margin)
        self.outer.setContentsMargins(24, 8 if compact else 16, 24, 8 if compact else 16)
        width, height = COMPACT_IMAGE if compact else (IMAGE_W, IMAGE_H)
        self.image.setFixedSize(width, height)

    def _paint_pictures(self) -> None:
        detail = self.detail
        if detail is None:
            return
        s = detail.summary
        width, height = self.image.width(), self.image.height()
        self.image.setPixmap(offer_pixmap(self.image_path, s.category_id, width, height))
        px = QR_PX_LARGE if self.width() >= 1600 else QR_PX
        px = QR_PX_COMPACT if self.compact else px
        self.qr.setPixmap(qr_pixmap(detail.link, px))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        compact = self.window().height() < COMPACT_BELOW
        if compact != self.compact:
            self._set_compact(compact)
            self._paint_pictures()

    def show_offer(self, detail: OfferDetail, image_path: str | None = None) -> None:
        self.detail = detail
        self.image_path = image_path
        s = detail.summary
        self._set_compact(self.window().height() < COMPACT_BELOW)
        sub = categories.subcategory_label(s.subcategory_id, self.lang)
        cat = categories.category_label(s.category_id, self.lang)
        self.category.setText(cat if not sub or sub == cat else f"{cat} · {sub}")
        self.category.setStyleSheet(f"color: {colour_of(s.category_id).name()};")
        self.name.setText(s.name)
        self.price.setText(price_text(s.min_price_cents, s.max_price_cents, self.lang) or "—")
        self.duo.setVisible(s.is_duo)
        self._section("where", self._where(detail))
        self._section("when", self._when(detail))
        self._section("how", self._how(detail))
        self._section("access", self._access(detail))
        self.artist.setText(s.artist or "")
        self.artist.setVisible(bool(s.artist))
        self._section("about", detail.description or "")
        self._paint_pictures()
        self.link.setText(detail.link)

    def _section(self, key: str, text: str) -> None:
        head, body = self.sections[key]
        body.setText(text)
        head.setVisible(bool(text))
        body.setVisible(bool(text))

    def _where(self, d: OfferDetail) -> str:
        if d.summary.is_digital:
            return self.tr("En ligne, sur ton téléphone ou ton ordinateur")
        return "\n".join(p for p in (d.summary.venue_name, d.address) if p)

    def _when(self, d: OfferDetail) -> str:
        if not d.summary.is_event:
            return ""
        lines = []
        for line in d.dates[:MAX_DATES]:
            if line.beginning is None:
                continue
            parts = [date_text(line.beginning, d.summary.department_code, self.lang)]
            price = (
                say("catalogue.free", self.lang)
                if line.price_cents == 0
                else format_price(line.price_cents)
            )
            colon = ": " if self.lang == "en" else " : "  # French typography's space
            parts.append(f"{line.price_label}{colon}{price}" if line.price_label else price)
            places = places_text(line.places_left, self.lang)
            if places:
                parts.append(places)
            lines.append(" · ".join(parts))
        if len(d.dates) > MAX_DATES:
            lines.append(self.tr("… et d’autres dates dans l’application"))
        return "\n".join(lines) or self.tr("Pas de date à venir")

    def _how(self, d: OfferDetail) -> str:
        parts = []
        if d.withdrawal_type:
            parts.append(categories.withdrawal_label(d.withdrawal_type, self.lang))
        elif d.summary.is_digital:
            parts.append(self.tr("Accès en ligne après la réservation dans l’application"))
        elif not d.summary.is_event:
            parts.append(self.tr("À retirer sur place après la réservation dans l’application"))
        if d.withdrawal_details:
            parts.append(d.withdrawal_details)
        return "\n".join(p for p in parts if p)

    def _access(self, d: OfferDetail) -> str:
        yes = [
            categories.accessibility_label(k, self.lang) for k, v in d.accessibility.items() if v
        ]
        return ("♿ " + " · ".join(sorted(yes))) if yes else ""
