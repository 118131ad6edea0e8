"""The calendar heatmap: one square per study day, weeks as columns, Monday on top."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from trainer.gui.charts import MARGIN_LEFT, Chart, Series, date_text, series_colors
from trainer.i18n import Context


class ChartsHeatmapText(Context):
    """Texts of the study-days heatmap: its scale and its tooltips."""


CELL_GAP = 2
LEVELS = (0.25, 0.5, 0.75, 1.0)


class HeatmapChart(Chart):
    """Answers per study day; a darker square is a busier day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[tuple[date, int]] = []
        self.setMinimumHeight(190)

    def set_data(self, days: Sequence[tuple[date, int]]) -> None:
        """(study day, answers) for every day of the range, in order."""
        self.days = list(days)
        self.series = [Series("answers", series_colors()["green"], [n for _, n in days])]
        self.update()

    def _cell(self) -> float:
        weeks = self._week(self.days[-1][0]) + 1 if self.days else 1
        width = (self.width() - MARGIN_LEFT - 12) / weeks
        return max(4.0, min(22.0, width, (self.height() - 60) / 7))

    def _week(self, day: date) -> int:
        first = self.days[0][0]
        return ((day - first).days + first.weekday()) // 7

    def _rect(self, day: date) -> QRectF:
        cell = self._cell()
        return QRectF(MARGIN_LEFT + self._week(day) * cell, 30 + day.weekday() * cell,
                      cell - CELL_GAP, cell - CELL_GAP)

    def _color(self, answers: int, busiest: int) -> QColor:
        if not answers:
            empty = self.text_color()
            empty.setAlpha(30)
            return empty
        color = QColor(series_colors()["green"])
        share = answers / busiest
        color.setAlpha(int(255 * next(level for level in LEVELS if share <= level)))
        return color

    def draw(self, painter: QPainter) -> None:
        busiest = max(n for _, n in self.days)
        painter.setPen(self.text_color())
        locale, short = QLocale(), QLocale.FormatType.ShortFormat
        for row in (0, 2, 4):  # Monday, Wednesday, Friday
            name = locale.standaloneDayName(row + 1, short)
            cell = self._cell()
            painter.drawText(QRectF(0, 30 + row * cell, MARGIN_LEFT - 6, cell),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
        label_end = -1.0
        for day, answers in self.days:
            rect = self._rect(day)
            painter.fillRect(rect, self._color(answers, busiest))
            # A month's name over the first week it starts in, unless the last name
            # would run into it.
            if day.weekday() == 0 and day.day <= 7 and rect.left() >= label_end:
                painter.setPen(self.text_color())
                painter.drawText(QRectF(rect.left(), 8, 60, 18), Qt.AlignmentFlag.AlignLeft,
                                 locale.standaloneMonthName(day.month, short))
                label_end = rect.left() + 34
        self._draw_scale(painter, busiest)

    def _draw_scale(self, painter: QPainter, busiest: int) -> None:
        cell = self._cell()
        y = 30 + 7 * cell + 8
        painter.setPen(self.text_color())
        fewer = ChartsHeatmapText.tr("Fewer")
        # As wide as the word is in the window's language (at least the English width).
        width = max(40, QFontMetrics(self.font()).horizontalAdvance(fewer) + 2)
        painter.drawText(QRectF(MARGIN_LEFT, y, width, 14), Qt.AlignmentFlag.AlignLeft, fewer)
        x = MARGIN_LEFT + width + 4
        for level in (0, *LEVELS):
            painter.fillRect(QRectF(x, y + 1, 12, 12), self._color(round(level * busiest),
                                                                   busiest))
            x += 15
        painter.drawText(QRectF(x + 4, y, self.width() - x - 4, 14), Qt.AlignmentFlag.AlignLeft,
                         ChartsHeatmapText.tr("More (busiest day: %Ln answer(s))", "", busiest))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        for day, answers in self.days:
            if self._rect(day).contains(event.position()):
                QToolTip.showText(event.globalPosition().toPoint(),
                                  ChartsHeatmapText.tr("{day}: %Ln answer(s)", "", answers).format(
                                      day=date_text(day, ChartsHeatmapText.tr("ddd dd MMM yyyy"))),
                                  self)
                return
        QToolTip.hideText()

