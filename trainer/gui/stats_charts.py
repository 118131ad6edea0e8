"""The Statistics page's charts: built once, then filled with every figure of a
``Stats`` (the page's pickers and counting are in stats_view.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from trainer.domain.scoring import ScoringText, confidence_lean
from trainer.gui.chart_box import ChartBox
from trainer.gui.charts import LineChart, Series, cycle_color, long_day, series_colors, short_day
from trainer.gui.charts_bars import BarChart, CalibrationChart
from trainer.gui.charts_heatmap import HeatmapChart
from trainer.gui.theme import bold
from trainer.i18n import QT_TRANSLATE_NOOP, Context, number
from trainer.reports.stats_figures import Stats
from trainer.study.wording import topic_label


class StatsViewText(Context):
    """Texts of the Statistics page: pickers, chart titles, legends and notes."""


# The charts by their English titles, which also key ``StatsView.box``.
STUDY_DAYS = QT_TRANSLATE_NOOP("StatsViewText", "Study days")
PER_DAY = QT_TRANSLATE_NOOP("StatsViewText", "Answers per day")
FORECAST = QT_TRANSLATE_NOOP("StatsViewText", "Due in the next 30 days")
RETENTION = QT_TRANSLATE_NOOP("StatsViewText", "True retention")
BUTTONS = QT_TRANSLATE_NOOP("StatsViewText", "Answer buttons")
MASTERY = QT_TRANSLATE_NOOP("StatsViewText", "Mastery by topic")
QUIZZES = QT_TRANSLATE_NOOP("StatsViewText", "Quiz scores")
CALIBRATION = QT_TRANSLATE_NOOP("StatsViewText", "Calibration")
SELF_CHECKS = QT_TRANSLATE_NOOP("StatsViewText", "Self-checks beside quiz accuracy")
PRACTICE = QT_TRANSLATE_NOOP("StatsViewText", "Practice by topic")
MISSED_CHECKS = QT_TRANSLATE_NOOP("StatsViewText", "Rubric checks missed most")

# The answer buttons' names (the figures' keys) and the colour each is drawn in.
BUTTON_NAMES = (("again", QT_TRANSLATE_NOOP("StatsViewText", "Again"), "red"),
                ("hard", QT_TRANSLATE_NOOP("StatsViewText", "Hard"), "amber"),
                ("good", QT_TRANSLATE_NOOP("StatsViewText", "Good"), "green"),
                ("easy", QT_TRANSLATE_NOOP("StatsViewText", "Easy"), "blue"))
# Certainty levels (trainer.domain.scoring.CERTAINTY_LABELS) as the chart names them.
CERTAINTY = {1: QT_TRANSLATE_NOOP("StatsViewText", "Low certainty"),
             2: QT_TRANSLATE_NOOP("StatsViewText", "Medium certainty"),
             3: QT_TRANSLATE_NOOP("StatsViewText", "High certainty")}


MOST_MISSED = 8  # rubric checks shown in the chart of the ones missed most


def _short(text: str, limit: int = 28) -> str:
    """A chart label: the check's first words, the full text being in the note."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def _signed(value: float, decimals: int) -> str:
    """A mark with its sign, "+0.25" ("+0,25" in German)."""
    return ("-" if value < 0 else "+") + number(abs(value), decimals)


def _no_answers(days: int) -> str:
    return StatsViewText.tr("No answers in these %n day(s) — study a deck and come back.", "",
                            days)


class StatsCharts:
    """The charts part of ``StatsView``: the heading, today's line and the charts, and
    drawing a ``Stats`` into them."""

    def _build_charts(self) -> None:
        """The heading, today's line and every chart in its box (``boxes``, and
        ``box`` by the chart's English title)."""
        self.heading = QLabel()
        self.heading.setObjectName("statsHeading")
        bold(self.heading, 1.3)
        self.today = QLabel()
        self.today.setObjectName("statsToday")
        self.today.setWordWrap(True)
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
        charts = ((STUDY_DAYS, self.heatmap), (PER_DAY, self.per_day),
                  (FORECAST, self.forecast), (RETENTION, self.retention),
                  (BUTTONS, self.buttons), (MASTERY, self.mastery), (QUIZZES, self.quizzes),
                  (CALIBRATION, self.calibration), (SELF_CHECKS, self.assessment),
                  (PRACTICE, self.practice_topics), (MISSED_CHECKS, self.practice_checks))
        self.boxes = [ChartBox(StatsViewText.tr(title), chart, name=title)
                      for title, chart in charts]
        self.box = {title: box for (title, _c), box in zip(charts, self.boxes, strict=True)}

    def show_stats(self, stats: Stats) -> None:
        """Draw every figure."""
        colors = series_colors()
        span = len(stats.days)
        self.heading.setText(StatsViewText.tr("{scope} · {first} to {last}").format(
            scope=stats.scope.title, first=long_day(stats.first_day),
            last=long_day(stats.last_day)))
        t = stats.today
        self.today.setText(StatsViewText.tr(
            "Today: {answers} in {minutes} min, {right} right, {new}; {due} due now.").format(
            answers=StatsViewText.tr("%Ln answer(s)", "", t.answers), minutes=t.seconds // 60,
            right=_percent(t.right_share),
            new=StatsViewText.tr("%Ln new item(s) seen", "", t.new_seen), due=t.due_now))
        nothing = _no_answers(span)
        self.heatmap.empty_text = nothing
        self.heatmap.set_data([(d.day, d.answers) for d in stats.days])
        labels = [short_day(d.day) for d in stats.days]
        self.per_day.empty_text = nothing
        self.per_day.set_data(labels, [
            Series(StatsViewText.tr("Learning"), colors["blue"], [d.learning for d in stats.days]),
            Series(StatsViewText.tr("Young"), colors["green"], [d.young for d in stats.days]),
            Series(StatsViewText.tr("Mature"), colors["teal"], [d.mature for d in stats.days]),
            Series(StatsViewText.tr("Relearning"), colors["red"],
                   [d.relearning for d in stats.days])])
        minutes = sum(d.seconds for d in stats.days) // 60
        active = sum(1 for d in stats.days if d.answers)
        self.box[PER_DAY].set_note(
            StatsViewText.tr("{answers} on {active} of %Ln day(s), {minutes} min in all.", "",
                             span).format(
                answers=StatsViewText.tr("%Ln answer(s)", "", stats.answers), active=active,
                minutes=minutes)
            if stats.answers else "")
        self.forecast.empty_text = StatsViewText.tr(
            "Nothing is scheduled for the next 30 days — study new cards and their reviews "
            "appear here.")
        self.forecast.set_data([short_day(f.day) for f in stats.forecast], [
            Series(StatsViewText.tr("Learning"), colors["blue"],
                   [f.learning for f in stats.forecast]),
            Series(StatsViewText.tr("Review"), colors["green"],
                   [f.review for f in stats.forecast])])
        self._show_answers(stats)
        self._show_mastery(stats)
        self._show_quizzes(stats)
        self._show_self_checks(stats)
        self._show_practice(stats)

    def _show_practice(self, stats: Stats) -> None:
        colors = series_colors()
        practice = stats.practice
        nothing = StatsViewText.tr("No practice replies in these days — practice items come "
                                   "up in daily study after a deck's cards.")
        topics = [t for t in practice.topics if t.replies]
        self.practice_topics.empty_text = nothing
        self.practice_topics.set_data([topic_label(t.topic) for t in topics], [
            Series(StatsViewText.tr("Rubric checks met"), colors["green"],
                   [None if t.checks_met is None else 100 * t.checks_met for t in topics])],
            empty=not topics)
        # "answer(s)", not "replies": an English plural is made by adding "s" alone.
        self.box[PRACTICE].set_note("; ".join(
            StatsViewText.tr("{topic}: %Ln answer(s) ({aloud} said aloud) on {items}", "",
                             t.replies).format(
                topic=topic_label(t.topic), aloud=t.aloud,
                items=StatsViewText.tr("{practised} of %Ln item(s)", "", t.items).format(
                    practised=t.practised))
            for t in topics))
        missed = [c for c in practice.checks if c.missed][:MOST_MISSED]
        self.practice_checks.empty_text = (
            nothing if not practice.replies else
            StatsViewText.tr("Every reply met every check. Well done."))
        self.practice_checks.set_data(
            [_short(c.text) for c in missed],
            [Series(StatsViewText.tr("Missed"), colors["red"],
                    [100 * c.missed_share for c in missed])],
            empty=not missed)
        self.box[MISSED_CHECKS].set_note("; ".join(
            StatsViewText.tr("{check}: missed {missed} of {asked}").format(
                check=c.text, missed=c.missed, asked=c.asked) for c in missed))

    def _show_answers(self, stats: Stats) -> None:
        colors = series_colors()
        young, mature = stats.retention["young"], stats.retention["mature"]
        self.retention.empty_text = StatsViewText.tr(
            "No reviews in these days — retention shows once cards come back for review.")
        rates = [None if r.rate is None else 100 * r.rate for r in (young, mature)]
        self.retention.set_data([StatsViewText.tr("Young (interval < 21 days)"),
                                 StatsViewText.tr("Mature (21 days or more)")], [
            Series(StatsViewText.tr("Not forgotten"), colors["green"], rates)],
            empty=not (young.answers or mature.answers))
        self.box[RETENTION].set_note(
            StatsViewText.tr("Young: {young_passed} of %Ln review(s) passed ({young_rate}). "
                             "Mature: {mature_passed} of {mature_answers} ({mature_rate}). "
                             "Your desired retention is {target}.", "", young.answers).format(
                young_passed=young.passed, young_rate=_percent(young.rate),
                mature_passed=mature.passed, mature_answers=mature.answers,
                mature_rate=_percent(mature.rate), target=f"{stats.desired_retention:.0%}")
            if young.answers or mature.answers else "")
        b = stats.buttons
        kinds = (b.learning, b.young, b.mature)
        self.buttons.empty_text = _no_answers(len(stats.days))
        self.buttons.set_data([StatsViewText.tr("Learning"), StatsViewText.tr("Young"),
                               StatsViewText.tr("Mature")], [
            Series(StatsViewText.tr(label), colors[color], [getattr(k, name) for k in kinds])
            for name, label, color in BUTTON_NAMES])

    def _show_mastery(self, stats: Stats) -> None:
        colors = series_colors()
        seen = [m for m in stats.mastery if m.seen]
        self.mastery.empty_text = StatsViewText.tr(
            "Nothing studied here yet — mastery shows once you have answered some items.")
        shown = seen and stats.mastery
        self.mastery.set_data([topic_label(m.topic) for m in shown], [
            Series(StatsViewText.tr("Mean recall now"), colors["blue"],
                   [None if m.mean_recall is None else 100 * m.mean_recall for m in shown]),
            Series(StatsViewText.tr("Items at {target} or more").format(
                target=f"{stats.desired_retention:.0%}"), colors["green"],
                [100 * m.at_target_share for m in shown])], empty=not seen)
        self.box[MASTERY].set_note("; ".join(
            StatsViewText.tr("{topic}: {at_target} of %Ln item(s) at target, {never} never seen",
                             "", m.items).format(
                topic=topic_label(m.topic), at_target=m.at_target, never=m.never_seen)
            for m in shown))

    def _show_quizzes(self, stats: Stats) -> None:
        self.quizzes.empty_text = StatsViewText.tr(
            "No quizzes finished in these days — take a quiz and come back.")
        self.quizzes.set_data(stats.first_day, stats.last_day, [
            (Series(topic_label(t.topic), cycle_color(n), [p.percent for p in t.points]),
             [p.day for p in t.points]) for n, t in enumerate(stats.quiz_scores)])
        cal = stats.calibration
        self.calibration.empty_text = StatsViewText.tr(
            "No answers with a certainty in these days — take a quiz that asks how sure "
            "you are.")
        self.calibration.set_data([
            (StatsViewText.tr(CERTAINTY[lv.level]) if lv.level in CERTAINTY else lv.label,
             lv.accuracy, lv.ideal, lv.answers) for lv in cal.levels])
        if cal.overconfidence is None:
            self.box[CALIBRATION].set_note("")
        else:
            figures = {
                "over": f"{cal.overconfidence:+.0%}",
                "lean": ScoringText.tr(confidence_lean(cal.overconfidence)),
                "mark": "–" if cal.cbm_average is None else _signed(cal.cbm_average, 2)}
            if cal.resolution is None:
                note = StatsViewText.tr(
                    "%Ln answer(s); overconfidence {over} ({lean}); average certainty mark "
                    "{mark}.", "", cal.answers).format(**figures)
            else:
                note = StatsViewText.tr(
                    "%Ln answer(s); overconfidence {over} ({lean}); average certainty mark "
                    "{mark}; resolution {resolution} (0: being sure says nothing about being "
                    "right, 1: it tells them apart).", "", cal.answers).format(
                    resolution=number(cal.resolution, 2), **figures)
            self.box[CALIBRATION].set_note(note)

    def _show_self_checks(self, stats: Stats) -> None:
        series = []
        # Several dimensions can share a topic: its quiz accuracy is drawn once, dashed.
        accuracy: dict[str, dict[date, float | None]] = {}
        for n, trend in enumerate(stats.self_assessment):
            days = [p.day for p in trend.points]
            series.append((Series(StatsViewText.tr("{dimension} (self-rating)").format(
                dimension=trend.title), cycle_color(n),
                                  [p.score for p in trend.points]), days))
            if trend.topic is not None:
                by_day = accuracy.setdefault(trend.topic, {})
                for p in trend.points:
                    by_day[p.day] = None if p.quiz_accuracy is None else 100 * p.quiz_accuracy
        for n, (topic, by_day) in enumerate(accuracy.items(), start=len(series)):
            days = sorted(by_day)
            series.append((Series(StatsViewText.tr("quiz accuracy on {topic}").format(
                topic=topic_label(topic)), cycle_color(n), [by_day[d] for d in days],
                dashed=True), days))
        self.assessment.empty_text = StatsViewText.tr(
            "No self-checks finished in these days — take one from the deck list.")
        self.assessment.set_data(stats.first_day, stats.last_day, series)
