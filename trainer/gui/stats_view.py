"""View > Statistics: every figure of trainer.reports.stats for a scope and a range."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

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
from trainer.domain.scoring import confidence_lean
from trainer.gui.charts import (
    BarChart,
    CalibrationChart,
    ChartBox,
    LineChart,
    Series,
    cycle_color,
    series_colors,
)
from trainer.gui.charts_heatmap import HeatmapChart
from trainer.gui.tasks import Report, run_job
from trainer.gui.theme import bold
from trainer.profile.errors import user_message
from trainer.reports.stats import compute_stats, scope_choices
from trainer.reports.stats_days import EARLIEST, day_of
from trainer.reports.stats_figures import Stats
from trainer.study.wording import count, topic_label

if TYPE_CHECKING:
    from trainer.gui.main_window import MainWindow

RANGES = ((7, "Last 7 days"), (30, "Last 30 days"), (90, "Last 90 days"),
          (365, "Last 365 days"))
CUSTOM = "Custom dates…"


MOST_MISSED = 8  # rubric checks shown in the chart of the ones missed most


def _short(text: str, limit: int = 28) -> str:
    """A chart label: the check's first words, the full text being in the note."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class StatsView(QWidget):
    """Pickers on top, the charts below in a scroll area."""

    def __init__(self, services: Services, on_back: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.on_back = on_back
        self.stats: Stats | None = None
        self.back_button = QPushButton("Back  (Esc)")
        self.back_button.setObjectName("statsBack")
        self.back_button.clicked.connect(self.go_back)
        self.scope = QComboBox()
        self.scope.setObjectName("statsScope")
        self.range = QComboBox()
        self.range.setObjectName("statsRange")
        for days, label in RANGES:
            self.range.addItem(label, days)
        self.range.addItem(CUSTOM, None)
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
        self.to_label = QLabel("to")
        self.to_label.hide()
        pickers = QHBoxLayout()
        pickers.addWidget(self.back_button)
        pickers.addSpacing(12)
        pickers.addWidget(QLabel("Show"))
        pickers.addWidget(self.scope, 1)
        pickers.addWidget(self.range)
        pickers.addWidget(self.date_from)
        pickers.addWidget(self.to_label)
        pickers.addWidget(self.date_to)
        self.heading = QLabel()
        self.heading.setObjectName("statsHeading")
        bold(self.heading, 1.3)
        self.today = QLabel()
        self.today.setObjectName("statsToday")
        self.today.setWordWrap(True)
        self._build_charts()
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.heading)
        column.addWidget(self.today)
        for box in self.boxes:
            column.addWidget(box)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.scroll, 1)
        self._computing = False
        self._again = False
        self.scope.currentIndexChanged.connect(self.refresh)
        self.range.currentIndexChanged.connect(self._range_changed)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)

    def _build_charts(self) -> None:
        self.heatmap = HeatmapChart()
        self.per_day = BarChart()
        self.forecast = BarChart()
        self.buttons = BarChart(stacked=False)
        self.retention = BarChart(stacked=False, suffix="%", fixed_top=100)
        self.mastery = BarChart(stacked=False, suffix="%", fixed_top=100)
        self.quizzes = LineChart()
        self.calibration = CalibrationChart()
        self.assessment = LineChart()
        self.practice_topics = BarChart(stacked=False, suffix="%", fixed_top=100)
        self.practice_checks = BarChart(stacked=False, suffix="%", fixed_top=100)
        charts = (("Study days", self.heatmap), ("Answers per day", self.per_day),
                  ("Due in the next 30 days", self.forecast),
                  ("True retention", self.retention), ("Answer buttons", self.buttons),
                  ("Mastery by topic", self.mastery), ("Quiz scores", self.quizzes),
                  ("Calibration", self.calibration),
                  ("Self-checks beside quiz accuracy", self.assessment),
                  ("Practice by topic", self.practice_topics),
                  ("Rubric checks missed most", self.practice_checks))
        self.boxes = [ChartBox(title, chart) for title, chart in charts]
        self.box = {title: box for (title, _c), box in zip(charts, self.boxes, strict=True)}

    def fill_scopes(self) -> None:
        """Offer every deck and topic; keep the current choice when it still exists."""
        current = self.scope.currentData()
        choices = scope_choices(self.services.db)
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem("All decks", (None, None))
        for deck_id, title in choices.decks:
            self.scope.addItem(f"Deck: {title}", (deck_id, None))
        for topic in choices.topics:
            self.scope.addItem(f"Topic: {topic}", (None, topic))
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
            stats: Stats = run_job(self, "Counting your answers…", job)
        except ValueError as exc:
            QMessageBox.warning(self, "Statistics", str(exc))
            return
        except (sqlite3.Error, OSError) as exc:
            QMessageBox.warning(self, "Statistics", user_message(exc, services.config))
            return
        self.stats = stats
        self.show_stats(stats)

    def show_stats(self, stats: Stats) -> None:
        """Draw every figure."""
        colors = series_colors()
        span = len(stats.days)
        self.heading.setText(f"{stats.scope.title} · {stats.first_day:%d %b %Y} to "
                             f"{stats.last_day:%d %b %Y}")
        t = stats.today
        self.today.setText(
            f"Today: {count(t.answers, 'answer')} in {t.seconds // 60} min, "
            f"{_percent(t.right_share)} right, {t.new_seen} new items seen; "
            f"{t.due_now} due now.")
        nothing = f"No answers in these {span} days — study a deck and come back."
        self.heatmap.empty_text = nothing
        self.heatmap.set_data([(d.day, d.answers) for d in stats.days])
        labels = [f"{d.day:%d %b}" for d in stats.days]
        self.per_day.empty_text = nothing
        self.per_day.set_data(labels, [
            Series("Learning", colors["blue"], [d.learning for d in stats.days]),
            Series("Young", colors["green"], [d.young for d in stats.days]),
            Series("Mature", colors["teal"], [d.mature for d in stats.days]),
            Series("Relearning", colors["red"], [d.relearning for d in stats.days])])
        minutes = sum(d.seconds for d in stats.days) // 60
        active = sum(1 for d in stats.days if d.answers)
        self.box["Answers per day"].set_note(
            f"{count(stats.answers, 'answer')} on {active} of {count(span, 'day')}, "
            f"{minutes} min in all."
            if stats.answers else "")
        self.forecast.empty_text = ("Nothing is scheduled for the next 30 days — "
                                    "study new cards and their reviews appear here.")
        self.forecast.set_data([f"{f.day:%d %b}" for f in stats.forecast], [
            Series("Learning", colors["blue"], [f.learning for f in stats.forecast]),
            Series("Review", colors["green"], [f.review for f in stats.forecast])])
        self._show_answers(stats)
        self._show_mastery(stats)
        self._show_quizzes(stats)
        self._show_self_checks(stats)
        self._show_practice(stats)

    def _show_practice(self, stats: Stats) -> None:
        colors = series_colors()
        practice = stats.practice
        nothing = ("No practice replies in these days — practice items come up in daily "
                   "study after a deck's cards.")
        topics = [t for t in practice.topics if t.replies]
        self.practice_topics.empty_text = nothing
        self.practice_topics.set_data([topic_label(t.topic) for t in topics], [
            Series("Rubric checks met", colors["green"],
                   [None if t.checks_met is None else 100 * t.checks_met for t in topics])],
            empty=not topics)
        self.box["Practice by topic"].set_note("; ".join(
            f"{topic_label(t.topic)}: {count(t.replies, 'reply', 'replies')} "
            f"({t.aloud} said aloud) on "
            f"{t.practised} of {count(t.items, 'item')}" for t in topics))
        missed = [c for c in practice.checks if c.missed][:MOST_MISSED]
        self.practice_checks.empty_text = (nothing if not practice.replies else
                                           "Every reply met every check. Well done.")
        self.practice_checks.set_data(
            [_short(c.text) for c in missed],
            [Series("Missed", colors["red"], [100 * c.missed_share for c in missed])],
            empty=not missed)
        self.box["Rubric checks missed most"].set_note("; ".join(
            f"{c.text}: missed {c.missed} of {c.asked}" for c in missed))

    def _show_answers(self, stats: Stats) -> None:
        colors = series_colors()
        young, mature = stats.retention["young"], stats.retention["mature"]
        self.retention.empty_text = ("No reviews in these days — retention shows once cards "
                                     "come back for review.")
        rates = [None if r.rate is None else 100 * r.rate for r in (young, mature)]
        self.retention.set_data(["Young (interval < 21 days)", "Mature (21 days or more)"], [
            Series("Not forgotten", colors["green"], rates)],
            empty=not (young.answers or mature.answers))
        self.box["True retention"].set_note(
            f"Young: {young.passed} of {young.answers} reviews passed ({_percent(young.rate)}). "
            f"Mature: {mature.passed} of {mature.answers} ({_percent(mature.rate)}). "
            f"Your desired retention is {stats.desired_retention:.0%}."
            if young.answers or mature.answers else "")
        b = stats.buttons
        kinds = (b.learning, b.young, b.mature)
        self.buttons.empty_text = (f"No answers in these {len(stats.days)} days — "
                                   "study a deck and come back.")
        self.buttons.set_data(["Learning", "Young", "Mature"], [
            Series(name.capitalize(), colors[color], [getattr(k, name) for k in kinds])
            for name, color in (("again", "red"), ("hard", "amber"), ("good", "green"),
                                ("easy", "blue"))])

    def _show_mastery(self, stats: Stats) -> None:
        colors = series_colors()
        seen = [m for m in stats.mastery if m.seen]
        self.mastery.empty_text = ("Nothing studied here yet — mastery shows once you have "
                                   "answered some items.")
        shown = seen and stats.mastery
        self.mastery.set_data([topic_label(m.topic) for m in shown], [
            Series("Mean recall now", colors["blue"],
                   [None if m.mean_recall is None else 100 * m.mean_recall for m in shown]),
            Series(f"Items at {stats.desired_retention:.0%} or more", colors["green"],
                   [100 * m.at_target_share for m in shown])], empty=not seen)
        self.box["Mastery by topic"].set_note("; ".join(
            f"{topic_label(m.topic)}: {m.at_target} of {m.items} items at target, "
            f"{m.never_seen} never seen"
            for m in shown))

    def _show_quizzes(self, stats: Stats) -> None:
        self.quizzes.empty_text = ("No quizzes finished in these days — take a quiz and "
                                   "come back.")
        self.quizzes.set_data(stats.first_day, stats.last_day, [
            (Series(topic_label(t.topic), cycle_color(n), [p.percent for p in t.points]),
             [p.day for p in t.points]) for n, t in enumerate(stats.quiz_scores)])
        cal = stats.calibration
        self.calibration.empty_text = ("No answers with a certainty in these days — take a "
                                       "quiz that asks how sure you are.")
        self.calibration.set_data([(lv.label, lv.accuracy, lv.ideal, lv.answers)
                                   for lv in cal.levels])
        if cal.overconfidence is None:
            self.box["Calibration"].set_note("")
        else:
            lean = confidence_lean(cal.overconfidence)
            self.box["Calibration"].set_note(
                f"{cal.answers} answers; overconfidence {cal.overconfidence:+.0%} "
                f"({lean}); average certainty mark {cal.cbm_average:+.2f}"
                + ("" if cal.resolution is None else
                   f"; resolution {cal.resolution:.2f} (0: being sure says nothing about "
                   "being right, 1: it tells them apart)") + ".")

    def _show_self_checks(self, stats: Stats) -> None:
        series = []
        # Several dimensions can share a topic: its quiz accuracy is drawn once, dashed.
        accuracy: dict[str, dict[date, float | None]] = {}
        for n, trend in enumerate(stats.self_assessment):
            days = [p.day for p in trend.points]
            series.append((Series(f"{trend.title} (self-rating)", cycle_color(n),
                                  [p.score for p in trend.points]), days))
            if trend.topic is not None:
                by_day = accuracy.setdefault(trend.topic, {})
                for p in trend.points:
                    by_day[p.day] = None if p.quiz_accuracy is None else 100 * p.quiz_accuracy
        for n, (topic, by_day) in enumerate(accuracy.items(), start=len(series)):
            days = sorted(by_day)
            series.append((Series(f"quiz accuracy on {topic_label(topic)}", cycle_color(n),
                                  [by_day[d] for d in days], dashed=True), days))
        self.assessment.empty_text = ("No self-checks finished in these days — take one from "
                                      "the deck list.")
        self.assessment.set_data(stats.first_day, stats.last_day, series)

    def go_back(self) -> None:
        """Return to the deck list."""
        self.on_back()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.go_back()
            return
        super().keyPressEvent(event)


def open_from(window: MainWindow) -> StatsView:
    """View > Statistics: show the page (built once, refreshed on every visit)."""
    view = getattr(window, "stats_view", None)
    if not isinstance(view, StatsView):
        view = StatsView(window.services, window.show_decks)
        window.stats_view = view  # type: ignore[attr-defined]
        window.stack.addWidget(view)
    view.fill_scopes()
    view.refresh()
    window.stack.setCurrentWidget(view)
    view.setFocus()
    return view
