"""What the cohort report is made of: a learner's export boiled down, the cohort of
them, and the files left out. Built by cohort_read.py, merged by cohort.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from trainer.domain.readiness import Readiness
from trainer.domain.scoring import Calibration
from trainer.i18n import QT_TRANSLATE_NOOP, Context


class CohortModelText(Context):
    """The cohort model's texts: where in an export a problem is, a learner without a name."""


MIN_ANSWERS = 5
_UNNAMED = QT_TRANSLATE_NOOP("CohortModelText", "learner {id}")


class Reason(str):
    """Why a file cannot be used: the English text (what the command line prints and the
    HTML report writes), which the window shows in the rep's language with ``translated``.

    Files are read in worker processes that have no translator, and the report stays in
    English, so the text is translated where it is shown rather than where it is made.
    ``source`` is marked with ``QT_TRANSLATE_NOOP`` under ``context``; a field may be a
    ``Reason`` itself."""

    context: type[Context]
    source: str
    fields: dict[str, object]

    def __new__(cls, context: type[Context], source: str, **fields: object) -> Reason:
        reason = super().__new__(cls, source.format(**fields))
        reason.context, reason.source, reason.fields = context, source, fields
        return reason

    def __reduce__(self) -> tuple[Any, ...]:
        # Made in a worker process and sent back: rebuilt from its parts, not its text.
        return _rebuild, (self.context, self.source, self.fields)

    def translated(self) -> str:
        """The text in the rep's language."""
        return self.context.tr(self.source).format(
            **{k: v.translated() if isinstance(v, Reason) else v
               for k, v in self.fields.items()})


def _rebuild(context: type[Context], source: str, fields: dict[str, object]) -> Reason:
    return Reason(context, source, **fields)


class ExportProblem(ValueError):
    """Why a file cannot be used as a progress export: its ``reason``."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason)
        self.reason = reason


def problem(context: type[Context], source: str, **fields: object) -> ExportProblem:
    """An ``ExportProblem`` saying ``source`` (marked under ``context``) filled with
    ``fields``."""
    return ExportProblem(Reason(context, source, **fields))


def located(where: str, reason: Reason) -> ExportProblem:
    """An ``ExportProblem`` saying ``reason`` about the record ``where`` ("items[3]")."""
    return problem(CohortModelText, QT_TRANSLATE_NOOP("CohortModelText", "{where}: {reason}"),
                   where=where, reason=reason)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file left out of the report, and why."""

    path: Path
    reason: Reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Superseded:
    """An older export of a learner whose newer export (``kept``) is used instead."""

    path: Path
    learner_id: str
    kept: Path


@dataclass(frozen=True, slots=True)
class TopicStats:
    """What one learner's export says about one topic."""

    answers: int
    mastery: float | None  # None when no item of the topic has been reviewed
    quiz_answers: int
    quiz_correct: int

    @property
    def shown_mastery(self) -> float | None:
        """Mastery, or None ("not enough data") below ``MIN_ANSWERS`` answers."""
        return self.mastery if self.answers >= MIN_ANSWERS else None

    @property
    def quiz_accuracy(self) -> float | None:
        """Share of quiz answers on the topic that were right."""
        return self.quiz_correct / self.quiz_answers if self.quiz_answers else None


@dataclass(frozen=True, slots=True)
class QuizBest:
    """A learner's finished attempts at one quiz."""

    best_percent: float
    passed: bool
    attempts: int

    @staticmethod
    def after(held: QuizBest | None, percent: float, pass_mark: float) -> QuizBest:
        """``held`` (None before the first) with one more finished attempt."""
        if held is None:
            return QuizBest(percent, percent >= pass_mark, 1)
        return QuizBest(max(percent, held.best_percent),
                        percent >= pass_mark or held.passed, held.attempts + 1)


@dataclass(frozen=True, slots=True)
class PathStep:
    """One step of a learning path as the export reports it."""

    day: int
    kind: str
    target: str
    title: str
    done: bool
    progress: str


@dataclass(frozen=True, slots=True)
class PathStanding:
    """Where a learner stands on one learning path at export time."""

    deck: str
    path_id: str
    title: str
    day: int | None  # today is day N of the path; None if not started
    steps: tuple[PathStep, ...]

    @property
    def done(self) -> int:
        """Steps completed."""
        return sum(s.done for s in self.steps)

    @property
    def behind(self) -> list[PathStep]:
        """Steps not done whose day has passed (as the app's path panel counts them)."""
        if self.day is None:
            return []
        return [s for s in self.steps if not s.done and s.day < self.day]

    @property
    def next_step(self) -> PathStep | None:
        """The first step not yet done."""
        return next((s for s in self.steps if not s.done), None)


@dataclass(frozen=True, slots=True)
class LearnerReport:
    """One learner's export, boiled down to what the cohort report shows."""

    learner_id: str
    display_name: str | None
    exported_at: datetime
    source: Path
    topics: dict[str, TopicStats]
    quizzes: dict[tuple[str, str], QuizBest]  # (deck, quiz) -> best finished attempt
    paths: tuple[PathStanding, ...]
    # (deck, quiz, item, prompt or None) per answer given at high certainty and wrong
    confident_wrong: tuple[tuple[str, str, str, str | None], ...]
    calibration: Calibration
    deck_titles: dict[str, str]
    quiz_titles: dict[tuple[str, str], str] = field(default_factory=dict)
    readiness: dict[str, Readiness] = field(default_factory=dict)  # by topic
    # Rubric check wording -> (replies marked against it, replies that missed it).
    practice_checks: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The display name, or a short form of the id when the rep gave none."""
        return self.display_name or _UNNAMED.format(id=self.learner_id[:8])

    @property
    def shown_name(self) -> str:
        """The name as the window shows it: one the rep did not give is in the rep's
        language."""
        return self.display_name or CohortModelText.tr(_UNNAMED).format(
            id=self.learner_id[:8])


@dataclass(frozen=True, slots=True)
class Cohort:
    """Every learner once, and what was left out."""

    learners: tuple[LearnerReport, ...]
    skipped: tuple[Skipped, ...]
    superseded: tuple[Superseded, ...]
    exports_read: int  # files that were usable exports, older copies included
    # Worked out once: the report asks for a quiz's title once per row it shows.
    _quiz_titles: dict[tuple[str, str], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        titles: dict[tuple[str, str], str] = {}
        for learner in sorted(self.learners, key=lambda r: r.exported_at):
            titles.update(learner.quiz_titles)
        object.__setattr__(self, "_quiz_titles", titles)

    @property
    def topics(self) -> list[str]:
        """Every topic any learner has items on, sorted."""
        return sorted({t for learner in self.learners for t in learner.topics})

    @property
    def deck_titles(self) -> dict[str, str]:
        """Deck titles by id, as the newest export naming each deck has them."""
        titles: dict[str, str] = {}
        for learner in sorted(self.learners, key=lambda r: r.exported_at):
            titles.update(learner.deck_titles)
        return titles

    @property
    def quiz_titles(self) -> dict[tuple[str, str], str]:
        """Quiz titles by (deck, quiz id), as the newest export naming each has them."""
        return dict(self._quiz_titles)

    def quiz_title(self, deck: str, quiz: str) -> str:
        """A quiz's title where an export gave it, else its id."""
        return self._quiz_titles.get((deck, quiz), quiz)

    @property
    def date_range(self) -> tuple[datetime, datetime] | None:
        """The oldest and newest export time among the learners kept."""
        if not self.learners:
            return None
        times = [learner.exported_at for learner in self.learners]
        return min(times), max(times)
