"""View > Statistics: every figure of trainer.reports.stats for a scope and a range."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trainer.app import Services
from trainer.gui.scrolling import ENDS, PAGE_KEYS, scroll_by_key
from trainer.gui.stats_charts import StatsCharts, StatsViewText
from trainer.gui.tasks import Report, run_job
from trainer.i18n import QT_TRANSLATE_NOOP
from trainer.profile.errors import user_message
from trainer.reports.stats import compute_stats, scope_choices
from trainer.reports.stats_days import EARLIEST, day_of
from trainer.reports.stats_figures import Stats

RANGES = ((7, QT_TRANSLATE_NOOP("StatsViewText", "Last 7 days")),
          (30, QT_TRANSLATE_NOOP("StatsViewText", "Last 30 days")),
          (90, QT_TRANSLATE_NOOP("StatsViewText", "Last 90 days")),
          (365, QT_TRANSLATE_NOOP("StatsViewText", "Last 365 days")))
CUSTOM = QT_TRANSLATE_NOOP("StatsViewText", "Custom dates…")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class StatsView(QWidget, StatsCharts):
    """Pickers on top, the charts below in a scroll area."""

    def __init__(self, services: Services, on_back: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.on_back = on_back
        self.stats: Stats | None = None
        self.back_button = QPushButton(StatsViewText.tr("Back  (Esc)"))
        self.back_button.setObjectName("statsBack")
        self.back_button.clicked.connect(self.go_back)
        self.scope = QComboBox()
        self.scope.setObjectName("statsScope")
        self.range = QComboBox()
        self.range.setObjectName("statsRange")
        for days, label in RANGES:
            self.range.addItem(StatsViewText.tr(label), days)
        self.range.addItem(StatsViewText.tr(CUSTOM), None)
        self.range.setCurrentIndex(1)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, name in ((self.date_from, "statsFrom"), (self.date_to, "statsTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            # The days the statistics accept (see stats_days.resolve_range).
            edit.setMinimumDate(_qdate(EARLIEST))
            edit.setMaximumDate(_qdate(services.clock().date() + timedelta(days=366)))
            edit.hide()
        self.to_label = QLabel(StatsViewText.tr("to"))
        self.to_label.hide()
        pickers = QHBoxLayout()
        pickers.addWidget(self.back_button)
        pickers.addSpacing(12)
        pickers.addWidget(QLabel(StatsViewText.tr("Show")))
        pickers.addWidget(self.scope, 1)
        pickers.addWidget(self.range)
        pickers.addWidget(self.date_from)
        pickers.addWidget(self.to_label)
        pickers.addWidget(self.date_to)
        self._build_charts()
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.heading)
        column.addWidget(self.today)
        for box in self.boxes:
            column.addWidget(box)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName(StatsViewText.tr("Statistics charts"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.scroll_area, 1)
        self._computing = False
        self._again = False
        self.scope.currentIndexChanged.connect(self.refresh)
        self.range.currentIndexChanged.connect(self._range_changed)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)

    def fill_scopes(self) -> None:
        """Offer every deck and topic; keep the current choice when it still exists."""
        current = self.scope.currentData()
        choices = scope_choices(self.services.db)
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(StatsViewText.tr("All decks"), (None, None))
        for deck_id, title in choices.decks:
            self.scope.addItem(StatsViewText.tr("Deck: {title}").format(title=title),
                               (deck_id, None))
        for topic in choices.topics:
            self.scope.addItem(StatsViewText.tr("Topic: {topic}").format(topic=topic),
                               (None, topic))
        found = self.scope.findData(current) if current is not None else 0
        self.scope.setCurrentIndex(max(0, found))
        self.scope.blockSignals(False)

    def _today(self) -> date:
        settings = self.services.study.settings
        return day_of(self.services.clock(), settings.day_start_hour, settings.timezone)

    def _range_changed(self) -> None:
        custom = self.range.currentData() is None
        if custom and self.stats is not None:
            for edit, day in ((self.date_from, self.stats.first_day),
                              (self.date_to, self.stats.last_day)):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)
        for widget in (self.date_from, self.to_label, self.date_to):
            widget.setVisible(custom)
        self.refresh()

    def _dates_changed(self) -> None:
        # The second date can never come before the first.
        self.date_to.setMinimumDate(self.date_from.date())
        self.refresh()

    def selected_range(self) -> tuple[date, date]:
        """The first and last study day the pickers ask for."""
        days = self.range.currentData()
        if days is None:
            return _date(self.date_from.date()), _date(self.date_to.date())
        today = self._today()
        return today - timedelta(days=days - 1), today

    def refresh(self) -> None:
        """Compute the figures for the pickers' choice on a worker thread (a year of a
        heavy rep's answers takes a moment), then draw them. A change of choice made
        meanwhile is computed once this one is done."""
        if self._computing:
            self._again = True
            return
        self._computing = True
        try:
            while True:
                self._again = False
                self._compute()
                if not self._again:
                    break
        finally:
            self._computing = False

    def _compute(self) -> None:
        deck, topic = self.scope.currentData() or (None, None)
        first, last = self.selected_range()
        services = self.services
        settings = services.study.settings

        def job(report: Report) -> Stats:
            with services.apart() as db:
                return compute_stats(db, services.clock, settings, deck=deck, topic=topic,
                                     start=first, end=last)

        try:
            stats: Stats = run_job(self, StatsViewText.tr("Counting your answers…"), job)
        except ValueError as exc:
            QMessageBox.warning(self, StatsViewText.tr("Statistics"), str(exc))
            return
        except (sqlite3.Error, OSError) as exc:
            QMessageBox.warning(self, StatsViewText.tr("Statistics"),
                                user_message(exc, services.config))
            return
        self.stats = stats
        self.show_stats(stats)

    def go_back(self) -> None:
        """Return to the deck list."""
        self.on_back()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc goes back; Page Up, Page Down, Home and End scroll the charts (their area
        takes no focus, and Tab passes only the buttons, so the last section was out of
        a keyboard's reach)."""
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.go_back()
            return
        if scroll_by_key(self.scroll_area.verticalScrollBar(), key, PAGE_KEYS | ENDS):
            event.accept()
            return
        super().keyPressEvent(event)


def show_page(view: StatsView, show: Callable[[QWidget], None]) -> StatsView:
    """View > Statistics: refresh the page (built once by the window) on every visit,
    then ``show`` it."""
    view.fill_scopes()
    view.refresh()
    show(view)
    view.setFocus()
    return view
