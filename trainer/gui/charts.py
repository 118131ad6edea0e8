"""Small charts drawn with QPainter (PySide6-Essentials has no QtCharts).

Every chart takes its text and grid colours from the palette, so dark mode reads well,
and paints its empty-state sentence when it has nothing to show. Here: what every chart
shares, and the line chart; charts_bars.py has the bar charts, charts_heatmap.py the
study-days heatmap, chart_box.py the frame with a title and "Save as PNG…".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from trainer.gui.theme import is_dark
from trainer.i18n import Context, number


class ChartsText(Context):
    """Texts the charts draw themselves, and the Save as PNG button and dialogs."""


MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44, 12, 30, 34
LEGEND_LINE = 18


def date_text(day: date, pattern: str) -> str:
    """``day`` in the window's language with a QDate ``pattern`` ("dd MMM yyyy")."""
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def short_day(day: date) -> str:
    """A day as a bar's label reads it: "05 Mar" ("05.03." in German)."""
    # The pattern is a translation: each language orders and punctuates its dates.
    return date_text(day, ChartsText.tr("dd MMM"))


def long_day(day: date) -> str:
    """A day with its year: "05 Mar 2026"."""
    return date_text(day, ChartsText.tr("dd MMM yyyy"))


def series_colors() -> dict[str, QColor]:
    """Named colours for chart series, readable on the current background."""
    if is_dark():
        names = {"blue": "#6ea8fe", "green": "#7ddc8a", "teal": "#4fd1c5", "red": "#ff8a80",
                 "amber": "#f3c969", "violet": "#c3a6ff", "grey": "#a0a4aa"}
    else:
        names = {"blue": "#1a56c4", "green": "#2e7d32", "teal": "#00796b", "red": "#c62828",
                 "amber": "#b26a00", "violet": "#6a3fb5", "grey": "#6b6f76"}
    return {k: QColor(v) for k, v in names.items()}


def cycle_color(n: int) -> QColor:
    """The n-th colour for series that have no meaning of their own (topics)."""
    colors = list(series_colors().values())
    return colors[n % len(colors)]


@dataclass(frozen=True)
class Series:
    """One named, coloured row of values (bars) or points (lines)."""

    name: str
    color: QColor
    values: Sequence[float | None]
    dashed: bool = False


class Chart(QWidget):
    """Base: palette colours, the empty state, a legend and a value axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = ChartsText.tr("Nothing to show yet.")
        self.series: list[Series] = []
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def is_empty(self) -> bool:
        """Whether the chart shows its empty state."""
        return not any(v for s in self.series for v in s.values)

    def text_color(self, faint: bool = False) -> QColor:
        color = self.palette().color(QPalette.ColorRole.WindowText)
        if faint:
            color.setAlpha(110)
        return color

    def plot_rect(self) -> QRectF:
        # A legend too wide for one line wraps, and the plot starts below its last line.
        top = MARGIN_TOP + LEGEND_LINE * (len(self._legend_rows()) - 1)
        return QRectF(MARGIN_LEFT, top, self.width() - MARGIN_LEFT - MARGIN_RIGHT,
                      self.height() - top - MARGIN_BOTTOM)

    def _legend_rows(self) -> list[list[tuple[float, Series]]]:
        metrics = QFontMetrics(self.font())
        rows: list[list[tuple[float, Series]]] = [[]]
        x = float(MARGIN_LEFT)
        for s in self.series:
            width = 14 + metrics.horizontalAdvance(s.name)
            if rows[-1] and x + width > self.width() - MARGIN_RIGHT:
                rows.append([])
                x = MARGIN_LEFT
            rows[-1].append((x, s))
            x += width + 16
        return rows

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if self.is_empty():
            painter.setPen(self.text_color())
            painter.drawText(self.rect().adjusted(16, 16, -16, -16),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.empty_text)
        else:
            self.draw(painter)
        painter.end()

    def draw(self, painter: QPainter) -> None:
        """Paint the figure (called only when there is something to show)."""
        raise NotImplementedError

    def draw_legend(self, painter: QPainter) -> None:
        for row, entries in enumerate(self._legend_rows()):
            y = 10 + row * LEGEND_LINE
            for x, s in entries:
                if s.dashed:  # drawn as it is in the plot, so it differs from its solid twin
                    painter.setPen(QPen(s.color, 2, Qt.PenStyle.DashLine))
                    painter.drawLine(QPointF(x, y + 5), QPointF(x + 10, y + 5))
                else:
                    painter.fillRect(QRectF(x, y, 10, 10), s.color)
                painter.setPen(self.text_color())
                painter.drawText(QPointF(x + 14, y + 9), s.name)

    def draw_value_axis(self, painter: QPainter, top: float, suffix: str = "") -> None:
        plot = self.plot_rect()
        for step in range(5):
            value = top * step / 4
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(self.text_color(faint=True), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.text_color())
            label = f"{value:.0f}{suffix}" if top >= 4 or value == int(value) \
                else number(value, 1)
            painter.drawText(QRectF(0, y - 8, MARGIN_LEFT - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)


class LineChart(Chart):
    """Points over time joined by lines; values 0 to 100 by default."""

    def __init__(self, parent: QWidget | None = None, *, suffix: str = "%",
                 top: float = 100.0) -> None:
        super().__init__(parent)
        self.suffix = suffix
        self.top = top
        self.dates: list[list[date]] = []
        self.first = self.last = date.min

    def set_data(self, first: date, last: date,
                 series: Sequence[tuple[Series, Sequence[date]]]) -> None:
        """Each series with the date of each of its values, over ``first`` to ``last``."""
        self.first, self.last = first, last
        self.series = [s for s, _ in series]
        self.dates = [list(d) for _, d in series]
        self.update()

    def is_empty(self) -> bool:
        return not any(v is not None for s in self.series for v in s.values)

    def _x(self, day: date) -> float:
        plot = self.plot_rect()
        span = (self.last - self.first).days
        if span <= 0:  # a one-day range: its points stand in the middle, not at an edge
            return plot.left() + plot.width() / 2
        return plot.left() + plot.width() * (day - self.first).days / span

    def draw(self, painter: QPainter) -> None:
        plot = self.plot_rect()
        self.draw_value_axis(painter, self.top, self.suffix)
        self.draw_legend(painter)
        painter.setPen(self.text_color())
        for day, align in ((self.first, Qt.AlignmentFlag.AlignLeft),
                           (self.last, Qt.AlignmentFlag.AlignRight)):
            painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), 18), align,
                             long_day(day))
        for s, days in zip(self.series, self.dates, strict=True):
            pen = QPen(s.color, 2, Qt.PenStyle.DashLine if s.dashed else Qt.PenStyle.SolidLine)
            points = [QPointF(self._x(d), plot.bottom() - plot.height() * min(v, self.top)
                              / self.top) for d, v in zip(days, s.values, strict=True)
                      if v is not None]
            painter.setPen(pen)
            for a, b in pairwise(points):
                painter.drawLine(a, b)
            painter.setBrush(s.color)
            painter.setPen(Qt.PenStyle.NoPen)
            for p in points:
                painter.drawEllipse(p, 3.5, 3.5)
            painter.setBrush(Qt.BrushStyle.NoBrush)
