"""The figures of the Statistics screen, as frozen dataclasses that print as JSON."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime


def _plain(value: object) -> object:
    """A figure as JSON-ready data: dates as ISO text, floats to four places."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


class Figure:
    """Mixed into every figure: ``as_json()``."""

    def as_json(self) -> dict[str, object]:
        """The figure as JSON-ready data."""
        data = _plain(self)
        assert isinstance(data, dict)
        return data


@dataclass(frozen=True)
class Scope(Figure):
    """What the figures cover: every deck, one deck or one topic."""

    deck: str | None = None
    topic: str | None = None
    title: str = "All decks"


@dataclass(frozen=True)
class Today(Figure):
    """Today's study day so far."""

    day: date
    answers: int
    seconds: int
    right_share: float | None  # answers not rated Again; None before the first answer
    new_seen: int  # items answered for the first time
    due_now: int  # learning items due now and reviews due by the end of the day


@dataclass(frozen=True)
class Day(Figure):
    """One study day of the range: answers by kind and time spent."""

    day: date
    answers: int
    learning: int  # first answers and learning steps
    young: int  # reviews of items scheduled less than 21 days before
    mature: int  # reviews of items scheduled 21 days or more before
    relearning: int  # steps after a forgotten review
    seconds: int


@dataclass(frozen=True)
class ForecastDay(Figure):
    """Items falling due on a coming study day (today includes everything overdue)."""

    day: date
    learning: int
    review: int


@dataclass(frozen=True)
class Retention(Figure):
    """Review answers of one maturity and the share not rated Again."""

    answers: int
    passed: int
    rate: float | None


@dataclass(frozen=True)
class Buttons(Figure):
    """How often each answer button was pressed."""

    again: int = 0
    hard: int = 0
    good: int = 0
    easy: int = 0

    @property
    def total(self) -> int:
        """Every answer counted."""
        return self.again + self.hard + self.good + self.easy


@dataclass(frozen=True)
class ButtonBreakdown(Figure):
    """Answer buttons for learning (and relearning), young and mature items."""

    learning: Buttons
    young: Buttons
    mature: Buttons


@dataclass(frozen=True)
class TopicMastery(Figure):
    """How well a topic's items are remembered now."""

    topic: str
    items: int
    seen: int
    never_seen: int
    mean_recall: float | None  # mean recall probability of the items seen
    at_target: int  # items whose recall probability is at least the desired retention
    at_target_share: float  # of all the topic's items, the never seen included


@dataclass(frozen=True)
class QuizPoint(Figure):
    """One finished quiz attempt's score on one topic."""

    attempt: int
    quiz: str
    finished_at: datetime
    day: date
    answers: int
    percent: float


@dataclass(frozen=True)
class TopicQuizScores(Figure):
    """A topic's quiz scores, oldest first."""

    topic: str
    points: tuple[QuizPoint, ...]


@dataclass(frozen=True)
class CertaintyLevel(Figure):
    """Accuracy at one certainty level beside the accuracy that level stands for."""

    level: int
    label: str
    answers: int
    accuracy: float | None
    ideal: float


@dataclass(frozen=True)
class CalibrationFigure(Figure):
    """Quiz answers given with a certainty: how well certainty matched being right."""

    answers: int
    levels: tuple[CertaintyLevel, ...]
    overconfidence: float | None  # mean of (probability stated - right); > 0 is overconfident
    cbm_average: float | None  # mean certainty-based mark per answer
    # Whether certainty tells right from wrong at all (0..1; scoring.resolution).
    resolution: float | None = None


@dataclass(frozen=True)
class DimensionPoint(Figure):
    """A self-rating and, beside it, quiz accuracy on its topic up to that moment."""

    finished_at: datetime
    day: date
    score: float | None
    quiz_answers: int
    quiz_accuracy: float | None  # None with too few answers to compare


@dataclass(frozen=True)
class DimensionTrend(Figure):
    """One self-assessment dimension over time."""

    deck: str
    assessment: str
    dimension: str
    title: str
    topic: str | None
    points: tuple[DimensionPoint, ...]


@dataclass(frozen=True)
class Stats(Figure):
    """Every figure of the Statistics screen for a scope and a range of study days."""

    scope: Scope
    first_day: date
    last_day: date
    generated_at: datetime
    desired_retention: float
    today: Today
    days: tuple[Day, ...]
    forecast: tuple[ForecastDay, ...]
    retention: dict[str, Retention]  # "young" and "mature"
    buttons: ButtonBreakdown
    mastery: tuple[TopicMastery, ...]
    quiz_scores: tuple[TopicQuizScores, ...]
    calibration: CalibrationFigure
    self_assessment: tuple[DimensionTrend, ...]
    practice: PracticeFigure

    @property
    def answers(self) -> int:
        """Answers in the range."""
        return sum(d.answers for d in self.days)


@dataclass(frozen=True)
class PracticeTopic(Figure):
    """Practice replies on one topic."""

    topic: str
    items: int  # practice items the topic has
    practised: int  # of them, answered at least once in the range
    replies: int
    aloud: int  # of the replies, said out loud rather than typed
    checks_met: float | None  # share of rubric checks met over the replies


@dataclass(frozen=True)
class PracticeCheck(Figure):
    """One rubric check (by its wording, across items): how often a reply missed it."""

    text: str
    items: int  # practice items whose rubric has it
    asked: int  # replies marked against it
    missed: int
    missed_share: float


@dataclass(frozen=True)
class PracticeFigure(Figure):
    """Practising what to say: by topic, and the rubric checks missed most."""

    replies: int
    topics: tuple[PracticeTopic, ...]
    checks: tuple[PracticeCheck, ...]  # most missed first
