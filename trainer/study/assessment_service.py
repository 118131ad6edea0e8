"""Self-assessments: take one, score it, compare with the last attempt and with how the
rep actually does in quizzes on the same topic."""

from __future__ import annotations

from typing import NamedTuple

from trainer.clock import Clock
from trainer.domain.assessment_scoring import DimensionResult, score_assessment
from trainer.domain.quiz import Assessment
from trainer.i18n import Context, number
from trainer.storage.assessment_repo import AssessmentRepository
from trainer.storage.quiz_repo import QuizRepository
from trainer.storage.store import Store


class AssessmentServiceText(Context):
    """Texts a self-check's results set beside each dimension."""


# Fewer quiz answers than this on a topic are too few to set beside a self-rating.
MIN_ANSWERS_FOR_ACCURACY = 3


class DimensionReport(NamedTuple):
    """A dimension's result with its history and the measured counterpart."""

    result: DimensionResult
    previous: float | None  # score at the last finished attempt
    quiz_answers: int  # quiz answers on the dimension's topic
    quiz_accuracy: float | None  # share right, when there are enough answers

    @property
    def change(self) -> float | None:
        """Points gained (or lost) since the last attempt."""
        if self.previous is None or self.result.score is None:
            return None
        return round(self.result.score - self.previous, 1)

    def comparison(self) -> str:
        """One sentence setting the self-rating beside measured accuracy."""
        title = self.result.dimension.title.lower()
        if self.result.score is None:
            return AssessmentServiceText.tr("No statements about {title} were answered.").format(
                title=title)
        score = number(self.result.score)
        if self.quiz_accuracy is None:
            return AssessmentServiceText.tr(
                "You rate yourself {score} on {title}; answer at least %n quiz question(s) on "
                "this topic to compare it with how you actually do.", "",
                MIN_ANSWERS_FOR_ACCURACY).format(score=score, title=title)
        return AssessmentServiceText.tr(
            "You rate yourself {score} on {title}; your quiz accuracy there is {accuracy}%."
        ).format(score=score, title=title, accuracy=number(self.quiz_accuracy * 100))


class AssessmentRun:
    """One attempt in progress: a statement at a time, each choice committed."""

    def __init__(self, service: AssessmentService, deck_id: str, assessment: Assessment,
                 attempt_id: int) -> None:
        self.service = service
        self.deck_id = deck_id
        self.assessment = assessment
        self.attempt_id = attempt_id
        self.choices: dict[str, int] = {}
        self.position = 0
        self.resumed = False  # an attempt left unfinished, taken up again

    def choose(self, choice: int) -> None:
        """Answer the current statement (1..scale length) and move on."""
        statement = self.assessment.statements[self.position]
        if not 1 <= choice <= len(self.assessment.scale):
            raise ValueError(f"choose 1 to {len(self.assessment.scale)}")
        self.service.repo.answer(self.attempt_id, statement.id, choice, self.service.clock())
        self.choices[statement.id] = choice
        self.position = min(self.position + 1, len(self.assessment.statements))

    def back(self) -> None:
        """Return to the previous statement to change the answer."""
        self.position = max(0, self.position - 1)

    @property
    def done(self) -> bool:
        """True once every statement has a choice."""
        return len(self.choices) == len(self.assessment.statements)

    def finish(self) -> list[DimensionReport]:
        """Score, store and compare."""
        return self.service.finish(self)


class AssessmentService:
    """Self-assessments over the profile."""

    def __init__(self, db: Store, clock: Clock) -> None:
        self.clock = clock
        self.repo = AssessmentRepository(db)
        self.quizzes = QuizRepository(db)

    def assessments(self) -> list[tuple[str, Assessment]]:
        """Installed self-assessments as (deck id, assessment)."""
        return self.repo.assessments()

    def start(self, deck_id: str, key: str) -> AssessmentRun:
        """Go on with the attempt left unfinished (each choice was committed as it was
        made), at its first statement without an answer; else begin a new one."""
        assessment = self.repo.assessment(deck_id, key)
        statements = [s.id for s in assessment.statements]
        for left in reversed(self.repo.attempts(deck_id, key, finished=False)):
            # A deck updated since may have dropped statements or shortened its scale.
            choices = {k: v for k, v in left.choices.items()
                       if k in statements and 1 <= v <= len(assessment.scale)}
            if not choices:
                continue
            run = AssessmentRun(self, deck_id, assessment, left.id)
            run.choices = choices
            run.position = next((i for i, k in enumerate(statements) if k not in choices),
                                len(statements) - 1)
            run.resumed = True
            return run
        return AssessmentRun(self, deck_id, assessment,
                             self.repo.start(deck_id, key, self.clock()))

    def finish(self, run: AssessmentRun) -> list[DimensionReport]:
        """Store the attempt's scores; report each dimension against history and quizzes."""
        earlier = self.repo.attempts(run.deck_id, run.assessment.id)
        results = score_assessment(run.assessment, run.choices)
        self.repo.finish(run.attempt_id, {k: r.score for k, r in results.items()}, self.clock())
        return [self._report(r, earlier[-1].scores if earlier else {})
                for r in results.values()]

    def _report(self, result: DimensionResult,
                previous: dict[str, float | None]) -> DimensionReport:
        topic = result.dimension.topic
        measured = self.quizzes.topic_accuracy(topic) if topic else None
        count, accuracy = measured if measured else (0, None)
        return DimensionReport(
            result, previous.get(result.dimension.id), count,
            accuracy if count >= MIN_ANSWERS_FOR_ACCURACY else None)
