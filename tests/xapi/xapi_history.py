"""The study history of the xAPI tests, and the steps that make it through the real
services with the fake clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.domain.scheduling import Rating
from trainer.domain.scoring import Response
from trainer.study.quiz_service import QuizResult, QuizRun

DATA = Path(__file__).resolve().parents[1] / "data"
WRONG = {
    "q-single": Response(chosen=("a",)),
    "q-multi": Response(chosen=("c",)),
    "q-tf": Response(truth=True),
    "q-scenario": Response(chosen=("c",)),
    "q-match": Response(matches=("2", "1", "3")),
    "q-order": Response(order=("fourth", "third", "second", "first")),
}
CARD_SECONDS = 4.5
QUESTION_SECONDS = 12.5


@dataclass
class History:
    """What the fixture did, for the tests to check the statements against."""

    services: Services
    clock: FakeClock
    data_dir: Path
    card_reviews: list[tuple[str, Rating]] = field(default_factory=list)
    question_answers: int = 0
    results: dict[str, QuizResult] = field(default_factory=dict)


def study(history: History, deck_id: str, ratings: list[Rating]) -> None:
    session = history.services.study.start(deck_id)
    for rating in ratings:
        assert session.current is not None
        history.clock.advance(timedelta(seconds=CARD_SECONDS))
        history.card_reviews.append((session.current.key, rating))
        session.answer(rating)
    session.finish()


def take(history: History, run: QuizRun, right: dict[str, Response],
          wrong: set[str], certainty: int) -> None:
    while (asked := run.current()) is not None:
        key = asked.question.id
        history.clock.advance(timedelta(seconds=QUESTION_SECONDS))
        run.answer(WRONG[key] if key in wrong else right[key], certainty)
        history.question_answers += 1
        run.advance()


def take_one(history: History, run: QuizRun, right: dict[str, Response]) -> None:
    asked = run.current()
    assert asked is not None
    history.clock.advance(timedelta(seconds=QUESTION_SECONDS))
    run.answer(right[asked.question.id], 2)
    history.question_answers += 1
