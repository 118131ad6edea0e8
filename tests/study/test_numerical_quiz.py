"""Numerical questions and matching distractors through the quiz service: the
distractor is offered in a quiz and in daily study, a number's feedback names the
answer it matched, and a wrong number comes back in daily study."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pricing import pricing_services

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings

TERMS = ["(price - cost) / cost", "(price - cost) / price", "cost / price"]


@pytest.fixture
def svc(tmp_path: Path, clock: FakeClock, settings: StudySettings) -> Iterator[Services]:
    with pricing_services(tmp_path, clock, settings) as services:
        yield services


def test_feedback_names_the_answer_the_number_matched(svc: Services) -> None:
    run = svc.quizzes.start("pricing", "margins")
    asked = run.current()
    assert asked is not None and asked.question.id == "q-margin"
    feedback = run.answer(Response(text="25"), 2)
    assert (feedback.credit, feedback.correct, feedback.marks) == (0.5, False, 1.0)
    [(shown, text)] = feedback.option_feedback
    assert (shown.id, shown.text, text) == ("b", "25", "That is the markup, not the margin.")
    run.advance()
    feedback = run.answer(Response(text="1234.5"), 1)
    [(shown, text)] = feedback.option_feedback
    # Shown as the rep's language writes numbers (English here).
    assert (shown.text, text) == ("1,234.5", "Not one of the accepted answers.")


def test_distractors_are_offered_in_a_quiz_and_in_daily_study(svc: Services,
                                                              clock: FakeClock) -> None:
    run = svc.quizzes.start("pricing", "margins")
    for response in (Response(text="20"), Response(text="3.15"), Response(text="2")):
        run.answer(response, 3)
        run.advance()
    asked = run.current()
    assert asked is not None and asked.question.id == "q-terms"
    assert sorted(asked.choices) == TERMS
    run.answer(Response(matches=("cost / price", "(price - cost) / cost")), 3)
    run.finish()
    clock.advance(timedelta(minutes=30))
    session = svc.study.start("pricing")
    shown = session.current
    assert shown is not None and shown.key == "q-terms"  # wrong: back in daily study
    again = svc.quizzes.asked_in_review(session)
    assert sorted(again.choices) == TERMS
