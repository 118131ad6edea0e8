"""Bar charts: values per category (stacked or side by side), and calibration's
accuracy per certainty level against the accuracy each level stands for."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from trainer.gui.charts import Chart, ChartsText, Series, series_colors, short_day
from trainer.i18n import number


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
