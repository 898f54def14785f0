"""The report as a PDF (Qt's QPdfWriter): title and totals, the two charts, then the tables and
the reconciliation with what to do. Laid out as an HTML QTextDocument (Qt paginates it), the
charts embedded as images. `kiosk report --format pdf` calls `write_pdf` through kiosk.main,
with an offscreen QApplication when none runs."""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QSize, QSizeF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from kiosk.services.report import Report, sections
from kiosk.ui.admin.report_charts import categories_chart, chart_image, days_chart

PDF_LINES = 300  # reconciliation lines printed; the exports (CSV, XLSX) carry them all
CHART = QSize(680, 300)


def ensure_app() -> Any:
    """A QApplication to draw with (charts need one); offscreen when started from the CLI."""
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["kiosk-report"])
    return app


def _cell(v: Any, lang: str) -> str:
    if isinstance(v, float):
        text = f"{v:,.2f}"
        if lang == "fr":
            text = text.replace(",", "\u202f").replace(".", ",")
        return f'<td align="right">{text}</td>'
    if isinstance(v, int):
        return f'<td align="right">{v}</td>'
    return f"<td>{html.escape(str(v))}</td>"


def report_html(report: Report) -> str:
    parts = [
        "<html><body style='font-family: DejaVu Sans, sans-serif; font-size: 9pt'>",
    ]
    secs = sections(report)
    title, _, meta = secs[0]
    parts.append(f"<h1 style='color:#e6007e'>{html.escape(title)}</h1>")
    parts.extend(f"<p>{html.escape(str(r[0]))}</p>" for r in meta)
    parts.append("<p><img src='chart://days' width='680'></p>")
    parts.append("<p><img src='chart://categories' width='680'></p>")
    for title, head, rows in secs[1:]:
        shown = rows
        note = ""
        if title == report.t("report.dim.lines") and len(rows) > PDF_LINES:
            shown = rows[:PDF_LINES]
            note = report.t("report.truncated", shown=PDF_LINES, total=len(rows))
        parts.append(f"<h2>{html.escape(title)}</h2>")
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='3' width='100%' "
            "style='border-collapse: collapse; border-color: #999'>"
        )
        parts.append(
            "<tr style='background:#eeeeee'>"
            + "".join(f"<th>{html.escape(h)}</th>" for h in head)
            + "</tr>"
        )
        for r in shown:
            parts.append("<tr>" + "".join(_cell(v, report.lang) for v in r) + "</tr>")
        parts.append("</table>")
        if note:
            parts.append(f"<p><i>{html.escape(note)}</i></p>")
    parts.append("</body></html>")
    return "".join(parts)


def write_pdf(report: Report, path: str | Path) -> None:
    """Write the report's PDF to `path` (A4 portrait). Raises OSError when it cannot."""
    ensure_app()
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(96)
    writer.setTitle(report.t("report.title"))
    writer.setCreator("kiosk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.addResource(
        QTextDocument.ResourceType.ImageResource,
        QUrl("chart://days"),
        chart_image(days_chart(report), CHART),
    )
    doc.addResource(
        QTextDocument.ResourceType.ImageResource,
        QUrl("chart://categories"),
        chart_image(categories_chart(report), CHART),
    )
    doc.setHtml(report_html(report))
    page = writer.pageLayout().paintRectPixels(writer.resolution()).size()
    doc.setPageSize(QSizeF(page))
    doc.print_(writer)
    del writer  # flushes and closes the file
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"PDF not written: {path}")
