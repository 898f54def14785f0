"""A one-line label that never cuts its text silently: when it is narrower than its text it
ends with "…" and the whole text is in its tooltip (and its accessible description).

A plain QLabel asks for its whole text as its minimum width, so one long status message
widens the window past a small screen; this one asks for `min_chars` characters at most.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyleOption, QWidget

ELLIPSIS = "…"


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None, *, min_chars: int = 8):
        super().__init__(parent)
        self.min_chars = min_chars
        self._own_tooltip = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setWordWrap(False)
        self.setText(text)

    def setText(self, text: str) -> None:  # type: ignore[override]
        super().setText(text)
        self._sync_tooltip()

    def setToolTip(self, tip: str) -> None:  # type: ignore[override]
        self._own_tooltip = tip  # a tooltip set on purpose wins over the elided text's
        super().setToolTip(tip)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        fm = self.fontMetrics()
        text = self.text()
        short = fm.horizontalAdvance(text[: self.min_chars] + ELLIPSIS) if text else 0
        margins = self.contentsMargins()
        width = min(hint.width(), short + margins.left() + margins.right() + 2 * self.margin())
        return QSize(width, hint.height())

    def is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def shown_text(self) -> str:
        """What is painted: the text, or its start and "…" when it does not fit."""
        width = self.contentsRect().width() - 2 * self.margin()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._sync_tooltip()

    def _sync_tooltip(self) -> None:
        if self._own_tooltip:
            return
        tip = self.text() if self.is_elided() else ""
        if tip != super().toolTip():
            super().setToolTip(tip)
            self.setAccessibleDescription(tip)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.is_elided():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        rect = self.contentsRect().adjusted(self.margin(), 0, -self.margin(), 0)
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
        painter.end()


class WrappedLabel(QLabel):
    """A label that wraps its words and whose minimum height is the height of all its lines at
    the width its layout gave it. A plain word-wrapped QLabel lets the layout squeeze it below
    its lines when the window is short: the last line vanished ("02/12/2026 -", "50 € (DUO — 2").

    The minimum is set once the layout has given the label a width (resizeEvent), never
    guessed before: a label not laid out yet is 100 px wide, and its lines at that width would
    make the window, for a moment, taller than the screen (a window grows but never shrinks).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._laid_out = False
        self._hinted = -1  # the height last given as hint to the layout

    def setText(self, text: str) -> None:  # type: ignore[override]
        super().setText(text)
        if self._laid_out:
            self._fit_lines(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.isHidden():  # also the resize Qt sends while showing it (not yet visible)
            self._laid_out = True
            self._fit_lines(event.size().width())

    def sizeHint(self) -> QSize:
        # QLabel's own hint measures the lines at a narrower width than the label has: more
        # lines, so the layout made it taller than its text (a gap under each sentence).
        hint = super().sizeHint()
        if self._laid_out and self.text():
            return QSize(hint.width(), self.lines_height(self.width()))
        return hint

    def lines_height(self, width: int) -> int:
        """The height of the text wrapped as it is painted at `width` (QLabel's heightForWidth
        said one line more than painted for some texts under X, leaving a gap)."""
        m = self.contentsMargins()
        inner = max(1, width - m.left() - m.right() - 2 * self.margin())
        flags = int(self.alignment()) | int(Qt.TextFlag.TextWordWrap)
        box = self.fontMetrics().boundingRect(QRect(0, 0, inner, 1 << 20), flags, self.text())
        return box.height() + m.top() + m.bottom() + 2 * self.margin()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The style sheet's font arrives after the first layout: fewer or more lines.
        if self._laid_out and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_lines(self.width())

    def _fit_lines(self, width: int) -> None:
        need = max(0, self.lines_height(width) if self.text() else 0)
        if need != self.minimumHeight():  # new width or text, new number of lines
            self.setMinimumHeight(need)  # (also tells the layout: new hints)
        elif need != self._hinted:
            # Same minimum, but the hint the layout cached (QLabel's, before the first
            # layout) was taller: without this a gap stayed under the sentence.
            self.updateGeometry()
        self._hinted = need
