"""Today at this counter: the day's counts, a per-hour bar chart and the list of validations."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.texts import say
from kiosk.services.today import TodayCounts, TodayRow
from kiosk.ui.common.elided import WrappedLabel


class HourChart(QWidget):
    """Validations per hour of the opening day (8h–21h, widened when needed), painted by hand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.per_hour = [0] * 24
        self.setAccessibleName(self.tr("Validations par heure"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(110)

    def sizeHint(self) -> QSize:
        return QSize(360, 110)

    def set_counts(self, per_hour: list[int]) -> None:
        self.per_hour = list(per_hour)
        busy = [f"{h}h : {n}" for h, n in enumerate(per_hour) if n]
        self.setAccessibleDescription(", ".join(busy))
        self.update()

    def hours(self) -> range:
        used = [h for h, n in enumerate(self.per_hour) if n]
        first = min([8, *used])
        last = max([20, *used])
        return range(first, last + 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        hours = self.hours()
        w, h = self.width(), self.height()
        label_h, top = 18.0, 16.0
        slot = w / len(hours)
        peak = max(1, *(self.per_hour[x] for x in hours))
        small = QFont(self.font())
        small.setPixelSize(11)
        p.setFont(small)
        p.setPen(QColor("#C9D1D9"))
        p.drawLine(0, int(h - label_h), w, int(h - label_h))
        for i, hour in enumerate(hours):
            n = self.per_hour[hour]
            x = i * slot
            bar_h = (h - label_h - top) * n / peak
            if n:
                p.fillRect(
                    QRectF(x + slot * 0.15, h - label_h - bar_h, slot * 0.7, bar_h),
                    QColor("#2F6DB5"),
                )
                p.setPen(QColor("#1F2A36"))
                p.drawText(
                    QRectF(x, h - label_h - bar_h - 15, slot, 14),
                    int(Qt.AlignmentFlag.AlignCenter),
                    str(n),
                )
            p.setPen(QColor("#5A6772"))
            if hour % 2 == 0:
                p.drawText(
                    QRectF(x - slot / 2, h - label_h + 2, slot * 2, label_h - 2),
                    int(Qt.AlignmentFlag.AlignCenter),
                    f"{hour}h",
                )
        p.end()


class TodayPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "fr"  # the window's language (set by the counter screen)
        self.setAccessibleName(self.tr("Aujourd’hui à ce guichet"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Aujourd’hui à ce guichet"))
        title.setObjectName("sectionTitle")
        lay.addWidget(title)
        self.summary = WrappedLabel()
        self.summary.setObjectName("todayCount")
        self.summary.setAccessibleName(self.tr("Compteurs du jour"))
        lay.addWidget(self.summary)
        self.chart = HourChart()
        lay.addWidget(self.chart)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Validations du jour"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Heure"), self.tr("Code"), self.tr("Offre"), self.tr("Jeune"), self.tr("État")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.rows: list[TodayRow] = []
        self.counts = TodayCounts()
        self.set_day([], TodayCounts())

    def state_text(self, r: TodayRow) -> str:
        if r.undone:
            return self.tr("invalidée")
        if r.state == "conflict" and r.acknowledged:
            return self.tr("conflit traité")
        if r.state == "pending":
            return self.tr("à confirmer") if r.unverified else self.tr("en attente")
        if r.state == "conflict" and r.conflict:
            # Named, as in the conflicts dialog: "conflit : Réservation annulée".
            title = say(f"conflict.{r.conflict}.title", self.lang)
            return self.tr("conflit : %1").replace("%1", title)
        if r.state == "conflict":
            return self.tr("conflit")
        return self.tr("synchronisée")

    def set_day(self, rows: list[TodayRow], counts: TodayCounts) -> None:
        self.rows, self.counts = rows, counts
        parts = [
            self.tr("%n validation(s)", "", counts.validated),
            self.tr("%n place(s)", "", counts.places),
        ]
        if counts.unvalidated:
            parts.append(self.tr("%n invalidation(s)", "", counts.unvalidated))
        parts.append(self.tr("%n en attente d’envoi", "", counts.pending))
        if counts.conflicts:
            parts.append(self.tr("%n conflit(s)", "", counts.conflicts))
        self.summary.setText(" · ".join(parts))
        self.chart.set_counts(counts.per_hour)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            kind = "" if r.kind == "use" else self.tr(" (invalidée)")
            cells = [
                r.at.strftime("%H:%M"),  # already in the venue's timezone
                r.token,
                (r.offer or "—") + kind,
                r.youth or "—",
                self.state_text(r),
            ]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 4 and r.undone:
                    item.setForeground(QColor("#4A2C82"))  # the INVALIDÉE band's colour
                elif j == 4 and r.state == "conflict" and not r.acknowledged:
                    item.setForeground(QColor("#B3121B"))
                elif j == 4 and r.state == "pending":
                    item.setForeground(QColor("#8A6100"))
                self.table.setItem(i, j, item)
