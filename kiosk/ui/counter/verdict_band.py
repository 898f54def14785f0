"""The full-width verdict band: a colour, a shape, ONE big word, the reason, where it came from.

Painted by hand so the word, the icon and the colour always change together in one frame
(colour is never the only signal: a tick, a triangle or a cross goes with it).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.domain.messages import render
from kiosk.domain.verdict import Verdict, VerdictKind
from kiosk.ui.common.theme import BANDS, UNDONE, BandStyle

# Combined once: OR-ing Qt flags in Python builds new enum values each time (slow in paint).
LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
LEFT_TOP_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
    Qt.TextFlag.TextWordWrap
)


def style_key(verdict: Verdict) -> str:
    """The band's look: the verdict's family, except INVALIDÉE, which has its own."""
    if verdict.kind is VerdictKind.UNVALIDATED:
        return UNDONE
    return verdict.family.value


class VerdictBand(QWidget):
    painted = Signal()  # after every paint: the benchmark times scan → pixels with it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # 190 px when there is room, down to 150 on a 768-pixel screen (fonts follow the height).
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(self.tr("Verdict"))
        self.style_key = "idle"
        self.title = ""
        self.message = ""
        self.source_text = ""
        self.verdict: Verdict | None = None
        self.min_height = 150  # the window scales it down on a short screen

    def sizeHint(self) -> QSize:
        return QSize(800, 190)

    def minimumSizeHint(self) -> QSize:
        return QSize(400, self.min_height)

    # -- states -------------------------------------------------------------------------
    def show_idle(self, title: str, message: str) -> None:
        self._set("idle", title, message, "", None)

    def show_busy(self, title: str, message: str, source_text: str = "") -> None:
        self._set("busy", title, message, source_text, None)

    def show_verdict(
        self, verdict: Verdict, lang: str, source_text: str = "", *, announce: bool = True
    ) -> None:
        shown = render(verdict, lang)
        self._set(style_key(verdict), shown.title, shown.message, source_text, verdict, announce)

    def show_error(self, title: str, message: str) -> None:
        self._set("refused", title, message, "", None)

    def _set(
        self,
        key: str,
        title: str,
        message: str,
        source: str,
        verdict: Verdict | None,
        announce: bool = True,
    ) -> None:
        self.style_key, self.title, self.message, self.source_text = key, title, message, source
        self.verdict = verdict
        spoken = f"{title}. {message} {source}".strip()
        self.setAccessibleDescription(spoken)
        self.update()
        if announce and key not in ("idle", "busy") and QAccessible.isActive():
            self._announce(spoken, assertive=key == "refused")

    def _announce(self, text: str, *, assertive: bool) -> None:
        """A screen reader says each verdict as it comes (a refusal interrupts what it says)."""
        event = QAccessibleAnnouncementEvent(self, text)
        event.setPoliteness(
            QAccessible.AnnouncementPoliteness.Assertive
            if assertive
            else QAccessible.AnnouncementPoliteness.Polite
        )
        QAccessible.updateAccessibility(event)

    @property
    def style(self) -> BandStyle:  # type: ignore[override]
        return BANDS[self.style_key]

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        st = BANDS[self.style_key]
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect())
        fg = QColor(st.foreground)
        p.fillRect(r, QColor(st.background))
        h = r.height()
        pad = max(12.0, h * 0.1)
        icon = h - 2 * pad
        icon = min(icon, 150.0)
        icon_rect = QRectF(pad * 1.5, (h - icon) / 2, icon, icon)
        self._paint_icon(p, st, icon_rect, fg)
        x = icon_rect.right() + pad * 1.8
        text_w = r.width() - x - pad
        p.setPen(fg)
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPixelSize(int(max(30, min(72, h * 0.34))))
        p.setFont(title_font)
        title_h = title_font.pixelSize() * 1.2
        top = pad * 0.7
        p.drawText(
            QRectF(x, top, text_w, title_h),
            LEFT_MIDDLE,
            self.title,
        )
        msg_font = QFont(self.font())
        msg_font.setPixelSize(int(max(16, min(26, h * 0.125))))
        p.setFont(msg_font)
        src_h = 0.0
        if self.source_text:
            src_h = max(16, min(20, h * 0.1)) * 1.4
        msg_rect = QRectF(x, top + title_h, text_w, h - top - title_h - src_h - pad * 0.4)
        p.drawText(
            msg_rect,
            LEFT_TOP_WRAP,
            self.message,
        )
        if self.source_text:
            src_font = QFont(self.font())
            src_font.setPixelSize(int(max(14, min(18, h * 0.09))))
            p.setFont(src_font)
            faded = QColor(fg)
            faded.setAlphaF(0.85)
            p.setPen(faded)
            p.drawText(
                QRectF(x, h - src_h - pad * 0.4, text_w, src_h),
                LEFT_MIDDLE,
                self.source_text,
            )
        p.end()
        self.painted.emit()

    def _paint_icon(self, p: QPainter, st: BandStyle, r: QRectF, fg: QColor) -> None:
        c = r.center()
        rad = r.width() / 2
        stroke = max(4.0, rad * 0.16)
        pen = QPen(fg, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if st.icon == "check":
            p.drawEllipse(c, rad - stroke / 2, rad - stroke / 2)
            path = QPainterPath(QPointF(c.x() - rad * 0.45, c.y() + rad * 0.02))
            path.lineTo(c.x() - rad * 0.12, c.y() + rad * 0.35)
            path.lineTo(c.x() + rad * 0.48, c.y() - rad * 0.32)
            p.drawPath(path)
        elif st.icon == "warning":
            tri = QPolygonF(
                [
                    QPointF(c.x(), r.top() + stroke),
                    QPointF(r.right() - stroke / 2, r.bottom() - stroke),
                    QPointF(r.left() + stroke / 2, r.bottom() - stroke),
                ]
            )
            p.drawPolygon(tri)
            p.drawLine(QPointF(c.x(), c.y() - rad * 0.2), QPointF(c.x(), c.y() + rad * 0.3))
            p.setBrush(fg)
            p.drawEllipse(QPointF(c.x(), c.y() + rad * 0.62), stroke * 0.35, stroke * 0.35)
        elif st.icon == "cross":
            octagon = QPolygonF(
                [
                    QPointF(
                        c.x() + (rad - stroke / 2) * math.cos(math.pi / 8 + k * math.pi / 4),
                        c.y() + (rad - stroke / 2) * math.sin(math.pi / 8 + k * math.pi / 4),
                    )
                    for k in range(8)
                ]
            )
            p.drawPolygon(octagon)
            d = rad * 0.36
            p.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
            p.drawLine(QPointF(c.x() + d, c.y() - d), QPointF(c.x() - d, c.y() + d))
        elif st.icon == "undo":
            # An arrow turning back: an open arc with its head at the top left.
            arc = QRectF(c.x() - rad * 0.62, c.y() - rad * 0.55, rad * 1.24, rad * 1.24)
            path = QPainterPath()
            path.arcMoveTo(arc, 150)
            path.arcTo(arc, 150, -270)
            p.drawPath(path)
            tip = path.pointAtPercent(0)
            head = rad * 0.34
            p.drawLine(tip, QPointF(tip.x() + head, tip.y() - head * 0.15))
            p.drawLine(tip, QPointF(tip.x() + head * 0.2, tip.y() - head))
        elif st.icon == "dots":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(fg)
            for k in (-1, 0, 1):
                p.drawEllipse(QPointF(c.x() + k * rad * 0.55, c.y()), rad * 0.16, rad * 0.16)
        else:  # "scan": the corners of a viewfinder
            d, arm = rad * 0.8, rad * 0.35
            for sx in (-1, 1):
                for sy in (-1, 1):
                    corner = QPointF(c.x() + sx * d, c.y() + sy * d)
                    p.drawLine(corner, QPointF(corner.x() - sx * arm, corner.y()))
                    p.drawLine(corner, QPointF(corner.x(), corner.y() - sy * arm))
            p.drawLine(QPointF(c.x() - d * 0.6, c.y()), QPointF(c.x() + d * 0.6, c.y()))
