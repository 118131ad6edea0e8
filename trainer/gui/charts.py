"""Small charts drawn with QPainter (PySide6-Essentials has no QtCharts).

Every chart takes its text and grid colours from the palette, so dark mode reads well,
and paints its empty-state sentence when it has nothing to show. ``ChartBox`` frames a
chart with a title and a "Save as PNG…" button that writes exactly the chart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from trainer.gui.theme import bold, is_dark
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


def nice_top(value: float) -> float:
    """A round axis maximum at or above ``value`` whose quarters are round too."""
    magnitude = 1.0
    while True:
        for step in (1, 2, 5):
            if 4 * step * magnitude >= value:
                return 4 * step * magnitude
        magnitude *= 10


class BarChart(Chart):
    """Bars per category: stacked series, or side by side when ``stacked`` is False."""

    def __init__(self, parent: QWidget | None = None, *, stacked: bool = True,
                 suffix: str = "", fixed_top: float | None = None) -> None:
        super().__init__(parent)
        self.stacked = stacked
        self.suffix = suffix
        self.fixed_top = fixed_top
        self.labels: list[str] = []
        self.empty: bool | None = None

    def set_data(self, labels: Sequence[str], series: Sequence[Series], *,
                 empty: bool | None = None) -> None:
        """Categories along the bottom and the series drawn for each; ``empty`` says
        whether to show the empty state when zeros are real figures (0% retention)."""
        self.labels = list(labels)
        self.series = list(series)
        self.empty = empty
        self.update()

    def is_empty(self) -> bool:
        return super().is_empty() if self.empty is None else self.empty

    def _top(self) -> float:
        if self.fixed_top is not None:
            return self.fixed_top
        if self.stacked:
            totals = [sum(s.values[i] or 0 for s in self.series) for i in range(len(self.labels))]
        else:
            totals = [v or 0 for s in self.series for v in s.values]
        return nice_top(max(totals, default=0))

    def _slot(self, index: int) -> QRectF:
        plot = self.plot_rect()
        width = plot.width() / max(1, len(self.labels))
        return QRectF(plot.left() + index * width, plot.top(), width, plot.height())

    def draw(self, painter: QPainter) -> None:
        plot, top = self.plot_rect(), self._top()
        self.draw_value_axis(painter, top, self.suffix)
        self.draw_legend(painter)
        metrics = QFontMetrics(self.font())
        # Spaced for day labels, the widest of them a day late in the year.
        sample = short_day(date(2000, 12, 30))
        every = max(1, int(len(self.labels) * (metrics.horizontalAdvance(sample) + 8)
                           / max(1.0, plot.width())) + 1)
        for i, label in enumerate(self.labels):
            slot = self._slot(i)
            gap = min(6.0, slot.width() * 0.2)
            width = slot.width() - gap
            base = plot.bottom()
            for n, s in enumerate(self.series):
                value = s.values[i] or 0
                height = plot.height() * min(value, top) / top
                if self.stacked:
                    rect = QRectF(slot.left() + gap / 2, base - height, width, height)
                    base -= height
                else:
                    part = width / len(self.series)
                    rect = QRectF(slot.left() + gap / 2 + n * part, base - height, part, height)
                painter.fillRect(rect, s.color)
            if i % every == 0:
                painter.setPen(self.text_color())
                painter.drawText(QRectF(slot.left() - 30, plot.bottom() + 4,
                                        slot.width() + 60, 18),
                                 Qt.AlignmentFlag.AlignHCenter, label)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        for i, label in enumerate(self.labels):
            if self._slot(i).contains(event.position()) and not self.is_empty():
                lines = [label] + [f"{s.name}: {_number(s.values[i])}{self.suffix}"
                                   for s in self.series]
                QToolTip.showText(event.globalPosition().toPoint(), "\n".join(lines), self)
                return
        QToolTip.hideText()


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if value == int(value) or abs(value) >= 10 else number(value, 1)


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


class CalibrationChart(Chart):
    """Accuracy at each certainty level as a bar, the accuracy it stands for as a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.levels: list[tuple[str, float | None, float, int]] = []

    def set_data(self, levels: Sequence[tuple[str, float | None, float, int]]) -> None:
        """(label, accuracy or None, ideal accuracy, answers) per certainty level; the
        label names the level whole, "Low certainty"."""
        self.levels = list(levels)
        colors = series_colors()
        self.series = [Series(ChartsText.tr("Your accuracy"), colors["blue"],
                              [a for _, a, _, _ in levels]),
                       Series(ChartsText.tr("Ideal for the level"), colors["amber"],
                              [i for _, _, i, _ in levels])]
        self.update()

    def is_empty(self) -> bool:
        return not any(n for *_, n in self.levels)

    def draw(self, painter: QPainter) -> None:
        plot = self.plot_rect()
        self.draw_value_axis(painter, 100, "%")
        self.draw_legend(painter)
        colors = series_colors()
        width = plot.width() / max(1, len(self.levels))
        for i, (label, accuracy, ideal, answers) in enumerate(self.levels):
            left = plot.left() + i * width
            if accuracy is not None:
                height = plot.height() * accuracy
                painter.fillRect(QRectF(left + width * 0.25, plot.bottom() - height,
                                        width * 0.5, height), colors["blue"])
            y = plot.bottom() - plot.height() * ideal
            painter.setPen(QPen(colors["amber"], 3))
            painter.drawLine(QPointF(left + width * 0.15, y), QPointF(left + width * 0.85, y))
            painter.setPen(self.text_color())
            painter.drawText(QRectF(left, plot.bottom() + 4, width, 18),
                             Qt.AlignmentFlag.AlignHCenter,
                             f"{label} ({answers})")


def slug(title: str) -> str:
    """A file name for a chart title (its letters kept, a German title's umlauts too)."""
    return re.sub(r"[\W_]+", "-", title.lower()).strip("-") or "chart"


class ChartBox(QFrame):
    """A chart with its title, a note under it and a "Save as PNG…" button. ``name``
    (the title's English source) names the button whatever the language."""

    def __init__(self, title: str, chart: QWidget, parent: QWidget | None = None, *,
                 name: str | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = title
        self.chart = chart
        heading = QLabel(title)
        bold(heading, 1.15)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.save_button = QPushButton(ChartsText.tr("Save as PNG…"))
        self.save_button.setObjectName(f"save-{slug(name or title)}")
        self.save_button.clicked.connect(self.save_png)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(chart)
        layout.addWidget(self.note)

    def set_note(self, text: str) -> None:
        """A line of figures under the chart (hidden when empty)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def save_png(self) -> None:
        """Ask where, then write exactly the chart as a PNG."""
        path, _filter = QFileDialog.getSaveFileName(
            self, ChartsText.tr("Save “{title}” as PNG").format(title=self.title),
            f"{slug(self.title)}.png", ChartsText.tr("PNG images (*.png)"))
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if not self.chart.grab().save(path, "PNG"):
            QMessageBox.warning(self, ChartsText.tr("Chart not saved"),
                                ChartsText.tr("The chart “{title}” could not be written to "
                                              "{path}. Choose a folder you can write to."
                                              ).format(title=self.title, path=path))
