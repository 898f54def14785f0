"""A stacked widget sized by the page on screen only.

QStackedWidget asks for the largest minimum of all its pages, so once librarian mode (a wide
page) has been opened, the counter window could never again be narrower than it: on a small
screen the counter stayed cut off until a restart.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget


class PageStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def _page(self) -> QWidget | None:
        page = self.currentWidget()
        if page is not None:
            # A page never shown yet has no style sheet applied: its sizes would be wrong
            # (librarian mode measured 1307 px before its first paint, 987 after).
            page.ensurePolished()
        return page

    def sizeHint(self) -> QSize:
        page = self._page()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self._page()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())
