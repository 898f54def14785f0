"""The report's charts (QtCharts), read at a glance: validations per day, amounts per category.
Shared by the Bilan screen (in a QChartView) and the PDF (drawn into an image)."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from kiosk.services.report import Report

PINK = QColor("#e6007e")  # pass Culture's accent, as on the counter screen
BLUE = QColor("#3a3af2")
MAX_BARS = 62  # beyond two months, one bar per day is unreadable: a line instead
MAX_CATEGORIES = 10


def _base(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    return chart


def _nice_max(value: float) -> float:
    return max(1.0, float(value) * 1.1)


def days_chart(report: Report) -> QChart:
    """Validations per day: bars for up to two months, a line beyond."""
    chart = _base(report.t("report.dim.days"))
    days = report.per_day
    top = max((n for _, n in days), default=0)
    if len(days) <= MAX_BARS:
        bars = QBarSet(report.t("report.col.validations"))
        bars.setColor(PINK)
        for _, n in days:
            bars.append(n)
        series = QBarSeries()
        series.append(bars)
        series.setBarWidth(0.8)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([d.strftime("%d/%m") for d, _ in days])  # unique within two months
        axis_x.setLabelsAngle(-90 if len(days) > 14 else 0)
    else:
        series = QLineSeries()
        series.setColor(PINK)
        for d, n in days:
            stamp = datetime.combine(d, time(12)).timestamp() * 1000
            series.append(stamp, n)
        chart.addSeries(series)
        axis_x = QDateTimeAxis()
        axis_x.setFormat("MM/yyyy")
        axis_x.setTickCount(min(13, len(days) // 28 + 2))
        first, last = days[0][0], days[-1][0]
        axis_x.setRange(
            QDateTime.fromSecsSinceEpoch(int(datetime.combine(first, time()).timestamp())),
            QDateTime.fromSecsSinceEpoch(int(datetime.combine(last, time(23)).timestamp())),
        )
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setRange(0, _nice_max(top))
    axis_y.applyNiceNumbers()
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    return chart


def categories_chart(report: Report) -> QChart:
    """Amount (€) per category, largest first, the smallest folded into one bar."""
    chart = _base(report.t("report.dim.category") + " — " + report.t("report.col.amount"))
    items = sorted((x for x in report.amount_per_category if x[1]), key=lambda x: -x[1])
    if len(items) > MAX_CATEGORIES:
        rest = sum(c for _, c in items[MAX_CATEGORIES - 1 :])
        items = [*items[: MAX_CATEGORIES - 1], (report.t("report.other_category"), rest)]
    items.reverse()  # a horizontal bar chart draws its first category at the bottom
    bars = QBarSet(report.t("report.col.amount"))
    bars.setColor(BLUE)
    for _, cents in items:
        bars.append(cents / 100)
    bars.setLabelColor(QColor("#222222"))
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value €")
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append([label for label, _ in items] or [" "])
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_x = QValueAxis()
    axis_x.setRange(0, _nice_max(max((c / 100 for _, c in items), default=0) * 1.15))
    axis_x.applyNiceNumbers()
    axis_x.setLabelFormat("%.0f")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    return chart


def chart_image(chart: QChart, size: QSize, scale: float = 2.0) -> QImage:
    """The chart drawn into an image (for the PDF), at `scale` × `size` pixels."""
    image = QImage(size * scale, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(QRectF(0, 0, size.width(), size.height()))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), chart.geometry())
    painter.end()
    scene.removeItem(chart)
    return image
