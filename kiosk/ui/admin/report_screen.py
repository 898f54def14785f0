"""The "Bilan" screen, behind the administrator PIN (Réglages menu): a period, the charts, the
per-venue/offer/category/staff tables, the reconciliation with pass Culture and what to do,
and the exports (CSV, Excel, PDF). The report is built off the GUI thread
(kiosk.services.report); the PDF is drawn here (charts need the GUI thread)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.texts import say
from kiosk.services import report as service
from kiosk.services.report import Period, Report, ReportError
from kiosk.store.database import Database
from kiosk.ui.admin.report_charts import categories_chart, days_chart
from kiosk.ui.admin.report_pdf import write_pdf
from kiosk.ui.common import tasks

log = logging.getLogger("kiosk.ui")
SCREEN_LINES = 500  # reconciliation lines per case on screen; exports carry them all
KINDS = ("day", "week", "month", "custom")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ReportDialog(QDialog):
    shown = Signal()  # a report was displayed (tests wait for it)
    exported = Signal(str)  # the path written, or the error said

    def __init__(
        self,
        db: Database,
        *,
        venue_ids: tuple[int, ...],
        retention_days: int,
        clock: Callable[[], datetime],
        today: date | None = None,
        lang: str = "fr",
        parent: QWidget | None = None,
    ) -> None:
        """`today`: in the counter's timezone (`report.counter_today`); else the machine's."""
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.db, self.venue_ids, self.retention_days = db, venue_ids, retention_days
        self.clock, self.lang = clock, lang
        self.report: Report | None = None
        self.setWindowTitle(self.tr("Bilan du guichet"))
        self.resize(1100, 760)

        self.kind = QComboBox(self)
        for label in (self.tr("Jour"), self.tr("Semaine"), self.tr("Mois"), self.tr("Période…")):
            self.kind.addItem(label)
        self.kind.setAccessibleName(self.tr("Durée de la période"))
        today = today or clock().astimezone().date()
        self.first = QDateEdit(_qdate(today), self)
        self.last = QDateEdit(_qdate(today), self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.first.setAccessibleName(self.tr("Premier jour"))
        self.last.setAccessibleName(self.tr("Dernier jour"))
        self.names = QCheckBox(self.tr("Liste nominative (noms des jeunes)"), self)
        self.names.setToolTip(
            self.tr(
                "Seulement pour une période dans la durée de conservation des noms ; "
                "à ne demander que si c’est nécessaire."
            )
        )
        self.show_button = QPushButton(self.tr("Afficher"), self)
        self.show_button.clicked.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.first.dateChanged.connect(lambda _d: self._kind_changed())
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(QLabel(self.tr("du")))
        top.addWidget(self.first)
        top.addWidget(QLabel(self.tr("au")))
        top.addWidget(self.last)
        top.addWidget(self.names)
        top.addStretch(1)
        top.addWidget(self.show_button)

        self.summary = QLabel(self.tr("Calcul du bilan…"), self)
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.error = QLabel("", self)
        self.error.setObjectName("reportError")
        self.error.setStyleSheet("color: #b00020; font-weight: bold")
        self.error.setWordWrap(True)
        self.error.hide()

        self.tabs = QTabWidget(self)
        charts = QSplitter(Qt.Orientation.Vertical)
        self.days_view = QChartView()
        self.days_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.days_view.setAccessibleName(self.tr("Validations par jour"))
        self.categories_view = QChartView()
        self.categories_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.categories_view.setAccessibleName(self.tr("Montants par catégorie"))
        charts.addWidget(self.days_view)
        charts.addWidget(self.categories_view)
        self.tabs.addTab(charts, self.tr("Graphiques"))
        self.tables: dict[str, QTableWidget] = {}
        for key, label in (
            ("venue", self.tr("Par lieu")),
            ("offer", self.tr("Par offre")),
            ("category", self.tr("Par catégorie")),
            ("staff", self.tr("Par personnel")),
        ):
            self.tables[key] = self._table()
            self.tabs.addTab(self.tables[key], label)
        recon = QSplitter(Qt.Orientation.Vertical)
        self.cases_table = self._table()
        self.lines_table = self._table()
        self.lines_note = QLabel("")
        lines_box = QWidget()
        lay_lines = QVBoxLayout(lines_box)
        lay_lines.setContentsMargins(0, 0, 0, 0)
        lay_lines.addWidget(self.lines_table, 1)
        lay_lines.addWidget(self.lines_note)
        recon.addWidget(self.cases_table)
        recon.addWidget(lines_box)
        self.tabs.addTab(recon, self.tr("Rapprochement pass Culture"))

        self.export_buttons: dict[str, QPushButton] = {}
        bottom = QHBoxLayout()
        for fmt, label in (
            ("csv", self.tr("Exporter en CSV…")),
            ("xlsx", self.tr("Exporter en Excel…")),
            ("pdf", self.tr("Exporter en PDF…")),
        ):
            button = QPushButton(label, self)
            button.setEnabled(False)
            button.clicked.connect(lambda _c=False, f=fmt: self._ask_export(f))
            self.export_buttons[fmt] = button
            bottom.addWidget(button)
        bottom.addStretch(1)
        close = QPushButton(self.tr("Fermer"), self)
        close.clicked.connect(self.accept)
        bottom.addWidget(close)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.error)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(bottom)
        self.kind.setCurrentIndex(KINDS.index("month"))
        self._kind_changed()

    # -- period --------------------------------------------------------------------------
    def _table(self) -> QTableWidget:
        t = QTableWidget(self)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setAlternatingRowColors(True)
        t.verticalHeader().hide()
        t.setWordWrap(True)
        return t

    def period(self) -> Period:
        return Period(_pydate(self.first.date()), _pydate(self.last.date()))

    def _kind_changed(self) -> None:
        kind = KINDS[self.kind.currentIndex()]
        custom = kind == "custom"
        self.last.setEnabled(custom)
        if custom:
            return
        d = _pydate(self.first.date())
        p = {"day": Period.day, "week": Period.week, "month": Period.month}[kind](d)
        self.first.blockSignals(True)
        self.first.setDate(_qdate(p.first))
        self.first.blockSignals(False)
        self.last.setDate(_qdate(p.last))

    # -- building --------------------------------------------------------------------------
    def _build(self, line_limit: int) -> Callable[[], Report]:
        db, now = self.db, self.clock()
        period, names = self.period(), self.names.isChecked()
        venues, days, lang = self.venue_ids, self.retention_days, self.lang
        return lambda: service.build(
            db,
            period,
            now=now,
            venue_ids=venues,
            lang=lang,
            names=names,
            retention_days=days,
            line_limit=line_limit,
        )

    def refresh(self) -> None:
        try:
            build = self._build(SCREEN_LINES)
        except ReportError as exc:
            self._failed(exc)
            return
        self.summary.setText(self.tr("Calcul du bilan…"))
        self.show_button.setEnabled(False)
        tasks.shared().submit(build, self._show, self._failed, owner=self, key=("report", id(self)))

    def _failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        if isinstance(exc, ReportError):
            text = exc.text(self.lang)
        else:
            log.error("report failed", exc_info=exc)
            text = self.tr(
                "Le bilan n’a pas pu être calculé (%1). Réessayez ; si cela "
                "recommence, lancez le diagnostic (Réglages)."
            ).replace("%1", type(exc).__name__)
        self.error.setText(text)
        self.error.show()
        self.summary.setText("")

    def _show(self, report: Report) -> None:
        self.report = report
        self.show_button.setEnabled(True)
        self.error.hide()
        t = report.total
        self.summary.setText(
            self.tr("%1 validations, %2 places, %3 € remis ; %4 invalidations, %5 conflits.")
            .replace("%1", str(t.validations))
            .replace("%2", str(t.places))
            .replace("%3", self._money(t.amount_cents))
            .replace("%4", str(t.invalidations))
            .replace("%5", str(t.conflicts))
        )
        self.days_view.setChart(days_chart(report))
        self.categories_view.setChart(categories_chart(report))
        secs = {title: (head, rows) for title, head, rows in service.sections(report)}
        for key, title_id in (
            ("venue", "report.dim.venue"),
            ("offer", "report.dim.offer"),
            ("category", "report.dim.category"),
            ("staff", "report.dim.staff"),
        ):
            self._fill(self.tables[key], *secs[report.t(title_id)])
        self._fill(self.cases_table, *secs[report.t("report.dim.cases")])
        self._fill(self.lines_table, *secs[report.t("report.dim.lines")])
        total = sum(c.count for c in report.cases)
        self.lines_note.setText(
            report.t("report.truncated", shown=len(report.lines), total=total)
            if report.truncated
            else ""
        )
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.shown.emit()

    def _money(self, cents: int) -> str:
        text = f"{cents / 100:,.2f}"
        return text.replace(",", "\u202f").replace(".", ",") if self.lang == "fr" else text

    def _fill(self, table: QTableWidget, head: list[str], rows: list[list[Any]]) -> None:
        table.clear()
        table.setColumnCount(len(head))
        table.setHorizontalHeaderLabels(head)
        table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                if isinstance(v, float | int):
                    shown = self._money(round(v * 100)) if isinstance(v, float) else str(v)
                    item = QTableWidgetItem(shown)
                    item.setTextAlignment(RIGHT)
                else:
                    item = QTableWidgetItem(str(v))
                    item.setToolTip(str(v))  # the "what to do" sentences are long
                table.setItem(i, j, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if head:
            header.setSectionResizeMode(len(head) - 1, QHeaderView.ResizeMode.Stretch)

    # -- exports ----------------------------------------------------------------------------
    def _ask_export(self, fmt: str) -> None:
        names = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}
        dialog = QFileDialog(self, self.tr("Exporter le bilan"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(names[fmt])
        dialog.setDefaultSuffix(fmt)
        p = self.period()
        dialog.selectFile(f"bilan_{p.first.isoformat()}_{p.last.isoformat()}.{fmt}")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path), fmt))
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the shown period's report, with every reconciliation line, to `path`."""
        build = self._build(-1)  # -1: no limit (SQLite)

        def write(report: Report) -> None:
            try:
                if fmt == "pdf":
                    write_pdf(report, path)  # drawn on the GUI thread
                else:
                    data = service.to_csv(report) if fmt == "csv" else service.to_xlsx(report)
                    path.write_bytes(data)
            except OSError as exc:
                self._export_failed(exc)
                return
            self.summary.setText(self.tr("Bilan exporté dans %1.").replace("%1", str(path)))
            self.exported.emit(str(path))

        tasks.shared().submit(build, write, self._export_failed, owner=self)

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ReportError):
            text = exc.text(self.lang)
        elif isinstance(exc, OSError):
            where = exc.filename or ""
            text = say("report.write_failed", self.lang, path=where, error=exc.strerror or exc)
        else:
            log.error("report export failed", exc_info=exc)
            text = self.tr("L’export a échoué (%1).").replace("%1", type(exc).__name__)
        self.error.setText(text)
        self.error.show()
        self.exported.emit(text)
