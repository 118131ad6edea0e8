"""Study statistics for a scope (everything, a deck or a topic) and a range of study days.

``compute_stats`` is what the Statistics screen draws and what ``trainer stats`` prints.
The SQL lives in stats_sql.py (answers per day in stats_hours.py, from the hourly
summary of the log), the figures in stats_figures.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import chain, repeat

from trainer.clock import Clock
from trainer.domain.quiz_codec import assessment_from_json
from trainer.domain.scheduling import recall_factor
from trainer.domain.scoring import CERTAINTY_LABELS, CERTAINTY_PROBABILITY, calibration
from trainer.domain.settings import StudySettings
from trainer.i18n import Context
from trainer.reports.stats_days import day_bounds, day_of, days_between, resolve_range
from trainer.reports.stats_figures import (
    ButtonBreakdown,
    Buttons,
    CalibrationFigure,
    CertaintyLevel,
    Day,
    DimensionPoint,
    DimensionTrend,
    ForecastDay,
    QuizPoint,
    Retention,
    Scope,
    Stats,
    Today,
    TopicMastery,
    TopicQuizScores,
)
from trainer.reports.stats_hours import DayAnswers, day_answers
from trainer.reports.stats_practice import practice_figure
from trainer.reports.stats_sql import (
    ScopeFilter,
    assessment_rows,
    certainty_counts,
    due_by_day,
    due_count,
    mastery_rows,
    quiz_topic_rows,
)
from trainer.storage.quiz_repo import QuizRepository
from trainer.storage.store import Store
from trainer.storage.timefmt import from_db

FORECAST_DAYS = 30
LEARNING_PHASES = (1, 3)
REVIEW_PHASE = 2
_BUTTON_NAMES = ("again", "hard", "good", "easy")


class StatsText(Context):
    """What the statistics cover (a scope's title) and why a scope is unknown."""


@dataclass(frozen=True)
class ScopeChoices:
    """What statistics can be limited to: installed decks (id, title) and topics."""

    decks: tuple[tuple[str, str], ...]
    topics: tuple[str, ...]


def scope_choices(db: Store) -> ScopeChoices:
    """Every deck and every topic of the profile's items, for a scope picker."""
    decks = tuple((r[0], r[1]) for r in db.execute("SELECT id, title FROM decks ORDER BY title"))
    topics = tuple(r[0] for r in db.execute(
        "SELECT DISTINCT topic FROM items WHERE retired = 0 ORDER BY topic"))
    return ScopeChoices(decks, topics)


def resolve_scope(db: Store, deck: str | None, topic: str | None) -> Scope:
    """The scope named by a deck id and/or a topic; an unknown one is a ValueError."""
    choices = scope_choices(db)
    titles = dict(choices.decks)
    if deck is not None and deck not in titles:
        known = ", ".join(sorted(titles)) or StatsText.tr("none")
        raise ValueError(StatsText.tr("no deck '{deck}' in this profile (its decks: {known})"
                                      ).format(deck=deck, known=known))
    if topic is not None and topic not in choices.topics:
        known = ", ".join(choices.topics) or StatsText.tr("none")
        raise ValueError(StatsText.tr("no topic '{topic}' in this profile (its topics: "
                                      "{known})").format(topic=topic, known=known))
    parts = ([titles[deck]] if deck is not None else []) + \
        ([StatsText.tr("Topic: {topic}").format(topic=topic)] if topic is not None else [])
    return Scope(deck, topic, " · ".join(parts) or StatsText.tr("All decks"))


def _kind(phase_before: int, mature: bool) -> str:
    if phase_before == REVIEW_PHASE:
        return "mature" if mature else "young"
    return "relearning" if phase_before == 3 else "learning"


def _day(day: date, answers: DayAnswers) -> Day:
    by_kind = {"learning": 0, "young": 0, "mature": 0, "relearning": 0}
    for (phase, _, mature), count in answers.counts.items():
        by_kind[_kind(phase, mature)] += count
    return Day(day, sum(by_kind.values()), seconds=answers.duration_ms // 1000, **by_kind)


def _buttons(days: Iterable[DayAnswers]) -> ButtonBreakdown:
    counts = {k: dict.fromkeys(_BUTTON_NAMES, 0) for k in ("learning", "young", "mature")}
    for answers in days:
        for (phase, rating, mature), count in answers.counts.items():
            kind = _kind(phase, mature)
            counts["learning" if kind == "relearning" else kind][_BUTTON_NAMES[rating - 1]] \
                += count
    return ButtonBreakdown(**{k: Buttons(**v) for k, v in counts.items()})


def _retention(buttons: Buttons) -> Retention:
    total = buttons.total
    passed = total - buttons.again
    return Retention(total, passed, passed / total if total else None)


class _Calendar:
    """Study-day arithmetic in the profile's zone and day-start hour."""

    def __init__(self, settings: StudySettings) -> None:
        self.hour = settings.day_start_hour
        self.zone = settings.timezone

    def bounds(self, day: date) -> tuple[datetime, datetime]:
        b = day_bounds(day, self.hour, self.zone)
        return b.start, b.end

    def day_of(self, moment: datetime) -> date:
        return day_of(moment, self.hour, self.zone)


def _today(db: Store, scope: ScopeFilter, cal: _Calendar, now: datetime,
           answers: DayAnswers) -> Today:
    today = cal.day_of(now)
    _, end = cal.bounds(today)
    total = sum(answers.counts.values())
    again = sum(n for (_, rating, _), n in answers.counts.items() if rating == 1)
    due = (due_count(db, scope, LEARNING_PHASES, now + timedelta(microseconds=1))
           + due_count(db, scope, (REVIEW_PHASE,), end))
    return Today(today, total, answers.duration_ms // 1000,
                 (total - again) / total if total else None,
                 sum(n for (phase, _, _), n in answers.counts.items() if phase == 0), due)


def _forecast(db: Store, scope: ScopeFilter, cal: _Calendar, today: date
              ) -> tuple[ForecastDay, ...]:
    days = [today + timedelta(days=n) for n in range(FORECAST_DAYS)]
    ends = [cal.bounds(d)[1] for d in days]
    learning = due_by_day(db, scope, LEARNING_PHASES, ends)
    review = due_by_day(db, scope, (REVIEW_PHASE,), ends)
    return tuple(ForecastDay(d, n, r) for d, n, r in zip(days, learning, review, strict=True))


def _mastery(db: Store, scope: ScopeFilter, settings: StudySettings, now: datetime
             ) -> tuple[TopicMastery, ...]:
    from trainer.study.fsrs_adapter import make_scheduler

    # py-fsrs's forgetting curve: decay is the last parameter, negated.
    decay = -make_scheduler(settings, fuzz=False).parameters[20]
    rows = mastery_rows(db, scope, now, factor=recall_factor(decay), decay=decay,
                        target=settings.desired_retention)
    return tuple(TopicMastery(r.topic, r.items, r.seen, r.items - r.seen, r.mean_recall,
                              r.at_target, r.at_target / r.items) for r in rows)


def _quiz_scores(db: Store, scope: ScopeFilter, cal: _Calendar, start: datetime,
                 end: datetime) -> tuple[TopicQuizScores, ...]:
    by_topic: dict[str, list[QuizPoint]] = {}
    for r in quiz_topic_rows(db, scope, start, end):
        finished = from_db(r.finished_at)
        assert finished is not None
        by_topic.setdefault(r.topic, []).append(QuizPoint(
            r.attempt, r.quiz, finished, cal.day_of(finished), r.answers, 100.0 * r.mean_score))
    return tuple(TopicQuizScores(t, tuple(p)) for t, p in by_topic.items())


def _calibration(db: Store, scope: ScopeFilter, start: datetime, end: datetime
                 ) -> CalibrationFigure:
    counts = certainty_counts(db, scope, start, end)
    # The domain's calibration takes answers one by one; the counts are few and small.
    result = calibration(chain.from_iterable(repeat((credit, level), n)
                                             for level, credit, n in counts))
    levels = tuple(CertaintyLevel(lv.level, CERTAINTY_LABELS[lv.level], lv.answers,
                                  lv.accuracy, CERTAINTY_PROBABILITY[lv.level])
                   for lv in result.levels)
    return CalibrationFigure(sum(n for *_, n in counts), levels, result.overconfidence,
                             result.cbm_average, result.resolution)


def _self_assessment(db: Store, scope: Scope, cal: _Calendar, start: datetime,
                     end: datetime) -> tuple[DimensionTrend, ...]:
    from trainer.study.assessment_service import MIN_ANSWERS_FOR_ACCURACY

    quizzes = QuizRepository(db)
    trends: dict[tuple[str, str, str], tuple[DimensionTrend, list[DimensionPoint]]] = {}
    for row in assessment_rows(db, scope.deck, start, end):
        assessment = assessment_from_json(json.loads(row.body))
        scores = json.loads(row.scores)
        finished = from_db(row.finished_at)
        assert finished is not None
        for dim in assessment.dimensions:
            if scope.topic is not None and dim.topic != scope.topic:
                continue
            measured = quizzes.topic_accuracy(dim.topic, until=row.finished_at) \
                if dim.topic else None
            count, accuracy = measured or (0, None)
            key = (row.deck, assessment.id, dim.id)
            if key not in trends:
                trends[key] = (DimensionTrend(row.deck, assessment.id, dim.id, dim.title,
                                              dim.topic, ()), [])
            trends[key][1].append(DimensionPoint(
                finished, cal.day_of(finished), scores.get(dim.id), count,
                accuracy if count >= MIN_ANSWERS_FOR_ACCURACY else None))
    return tuple(DimensionTrend(t.deck, t.assessment, t.dimension, t.title, t.topic,
                                tuple(points)) for t, points in trends.values())


def compute_stats(db: Store, clock: Clock, settings: StudySettings, *,
                  deck: str | None = None, topic: str | None = None,
                  start: date | None = None, end: date | None = None) -> Stats:
    """Every figure for a deck and/or topic (default: everything) over the study days
    ``start`` to ``end`` (default: the 30 days ending today). An unknown deck or topic,
    or a range that ends before it starts, is a ValueError with a message for the user."""
    now = clock()
    scope = resolve_scope(db, deck, topic)
    where = ScopeFilter(deck, topic)
    cal = _Calendar(settings)
    today = cal.day_of(now)
    first, last = resolve_range(today, start, end)
    days = days_between(first, last)
    # Today is counted with the range's days when it is not one of them.
    counted = days if first <= today <= last else [*days, today]
    answers = dict(zip(counted, day_answers(db, where, [cal.bounds(d) for d in counted]),
                       strict=True))
    today_answers = answers.pop(today) if today not in days else answers[today]
    buttons = _buttons(answers.values())
    range_start, range_end = cal.bounds(first)[0], cal.bounds(last)[1]
    return Stats(
        scope=scope,
        first_day=first,
        last_day=last,
        generated_at=now,
        desired_retention=settings.desired_retention,
        today=_today(db, where, cal, now, today_answers),
        days=tuple(_day(d, a) for d, a in answers.items()),
        forecast=_forecast(db, where, cal, today),
        retention={"young": _retention(buttons.young), "mature": _retention(buttons.mature)},
        buttons=buttons,
        mastery=_mastery(db, where, settings, now),
        quiz_scores=_quiz_scores(db, where, cal, range_start, range_end),
        calibration=_calibration(db, where, range_start, range_end),
        self_assessment=_self_assessment(db, scope, cal, range_start, range_end),
        practice=practice_figure(db, where, range_start, range_end),
    )
