"""Look of the catalogue: category colours, the stylesheet, and category placeholder images.

Placeholders are painted at runtime (no image files to ship or keep in sync): a coloured tile
with the category's label, used wherever an offer has no cached image.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPixmap, QPixmapCache

from kiosk.domain import categories

# pass Culture-like palette: deep purple brand, one bright colour per category.
BRAND = "#320096"
BRAND_DARK = "#1f005c"
ACCENT = "#eb0055"
INK = "#161617"
MUTED = "#5c5c66"
SURFACE = "#f4f2fb"

CATEGORY_COLOURS: dict[str, str] = {
    "LIVRE": "#8a2be2",
    "MUSIQUE_LIVE": "#eb0055",
    "CINEMA": "#e4004b",
    "FILM": "#c2185b",
    "SPECTACLE": "#ff6b00",
    "MUSEE": "#00897b",
    "PRATIQUE_ART": "#f2a900",
    "MUSIQUE_ENREGISTREE": "#3949ab",
    "CONFERENCE": "#00838f",
    "JEU": "#43a047",
    "MEDIA": "#546e7a",
    "INSTRUMENT": "#6d4c41",
    "BEAUX_ARTS": "#d81b60",
    "CARTE_JEUNES": "#1e88e5",
}
DEFAULT_COLOUR = BRAND

TOUCH = 56  # px: every touch target is at least this tall (≥ 48 px)

STYLESHEET = f"""
QWidget#catalogue {{ background: {SURFACE}; color: {INK}; }}
QWidget#catalogueTop {{ background: {BRAND}; }}
QLabel#catalogueTitle {{ color: white; font-size: 26px; font-weight: 700; }}
QLineEdit#catalogueSearch {{
    min-height: {TOUCH}px; font-size: 24px; padding: 0 18px; border-radius: 28px;
    border: 3px solid white; background: white; color: {INK};
}}
QLineEdit#catalogueSearch:focus {{ border-color: {ACCENT}; }}
QPushButton#topButton {{
    min-height: {TOUCH}px; padding: 0 20px; font-size: 19px; font-weight: 600; color: white;
    background: {BRAND_DARK}; border: none; border-radius: 28px;
}}
QPushButton#topButton:pressed {{ background: {ACCENT}; }}
QPushButton#chip {{
    min-height: 48px; padding: 0 14px; font-size: 18px; border-radius: 24px;
    border: 2px solid {BRAND}; background: white; color: {BRAND};
}}
QPushButton#chip:checked {{ background: {BRAND}; color: white; }}
QComboBox#chipCombo {{
    min-height: 48px; padding: 0 12px; font-size: 18px; border-radius: 24px;
    border: 2px solid {BRAND}; background: white; color: {BRAND};
}}
QComboBox#chipCombo::drop-down {{ border: none; width: 30px; }}
QComboBox#chipCombo::down-arrow {{ width: 14px; height: 14px; }}
QComboBox#chipCombo QAbstractItemView {{ font-size: 18px; min-height: 48px; }}
QLabel#resultsTitle {{ font-size: 22px; font-weight: 700; color: {INK}; }}
QLabel#emptyText {{ font-size: 22px; color: {MUTED}; }}
QScrollArea {{ border: none; background: transparent; }}
QWidget#scrollBody {{ background: {SURFACE}; }}
QWidget#offerCard {{ background: white; border-radius: 20px; }}
QLabel#offerName {{ font-size: 32px; font-weight: 800; color: {INK}; }}
QLabel#offerCategory {{ font-size: 18px; font-weight: 700; }}
QLabel#offerArtist {{ font-size: 21px; color: {MUTED}; }}
QScrollBar:vertical {{ width: 10px; background: transparent; }}
QScrollBar::handle:vertical {{ background: #cfc8e6; border-radius: 5px; min-height: 40px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QLabel#offerPrice {{
    font-size: 24px; font-weight: 800; color: white; background: {ACCENT};
    border-radius: 18px; padding: 4px 16px;
}}
QLabel#duoBadge {{
    font-size: 18px; font-weight: 800; color: {BRAND}; background: #e6ddff;
    border-radius: 14px; padding: 4px 12px;
}}
QLabel#sectionTitle {{ font-size: 17px; font-weight: 700; color: {MUTED}; }}
QLabel#sectionText {{ font-size: 19px; color: {INK}; }}
QLabel#qrCaption {{ font-size: 20px; font-weight: 700; color: {BRAND}; }}
QLabel#qrLink {{ font-size: 17px; color: {INK}; }}
"""


def colour_of(category_id: str | None) -> QColor:
    return QColor(CATEGORY_COLOURS.get(category_id or "", DEFAULT_COLOUR))


def placeholder(category_id: str | None, width: int, height: int) -> QPixmap:
    """A coloured tile with the category's label (cached per category and size)."""
    key = f"catalogue-placeholder:{category_id}:{width}x{height}"
    found = QPixmap()
    if QPixmapCache.find(key, found):
        return found
    pix = QPixmap(width, height)
    pix.fill(Qt.GlobalColor.transparent)
    base = colour_of(category_id)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(0, 0, width, height)
    gradient.setColorAt(0.0, base.lighter(125))
    gradient.setColorAt(1.0, base.darker(135))
    painter.setBrush(gradient)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(0, 0, width, height), 12, 12)
    painter.setBrush(QColor(255, 255, 255, 40))  # two soft discs, for texture
    painter.drawEllipse(QRectF(width * 0.45, -height * 0.15, width * 0.9, width * 0.9))
    painter.drawEllipse(QRectF(-width * 0.3, height * 0.65, width * 0.7, width * 0.7))
    cat = categories.CATEGORY_BY_ID.get(category_id or "")
    label = cat.label if cat else "pass Culture"
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(11, min(width, height) // 8))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    margin = max(6, width // 12)
    painter.drawText(
        QRectF(margin, margin, width - 2 * margin, height - 2 * margin),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap),
        label,
    )
    painter.end()
    QPixmapCache.insert(key, pix)
    return pix


def offer_pixmap(path: str | None, category_id: str | None, width: int, height: int) -> QPixmap:
    """The cached image scaled to fit, or the category placeholder if missing or unreadable."""
    if path:
        key = f"catalogue-image:{path}:{width}x{height}"
        found = QPixmap()
        if QPixmapCache.find(key, found):
            return found
        pix = QPixmap(path)
        if not pix.isNull():
            scaled = pix.scaled(
                width,
                height,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            QPixmapCache.insert(key, scaled)
            return scaled
    return placeholder(category_id, width, height)
