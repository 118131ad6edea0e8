"""Path progress: steps tick off as their conditions are met; days count from the start."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from trainer.app import open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scheduling import Rating
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings


def test_steps_are_done_when_their_condition_is_met(
        tmp_path: Path, clock: FakeClock, settings: StudySettings, quiz_decks: Path,
        right_answers: dict[str, Response]) -> None:
    svc = open_services(Config(tmp_path / "data"), clock, settings, quiz_decks)
    [progress] = svc.paths.progress()
    assert progress.day == 1 and progress.done == 0
    assert [s.title for s in progress.steps] == [
        "Study Quiz test deck", "Pass the quiz: Mixed quiz", "Take the self-check: Ready?"]
    assert progress.next_step is progress.steps[0]
    assert progress.steps[0].progress == "0 of 1 cards"

    session = svc.study.start("qdeck")
    session.answer(Rating.GOOD)
    # A quiz passed at 67% does not meet this step's pass mark of 80.
    svc.quizzes.rng = random.Random(1)
    run = svc.quizzes.start("qdeck", "mixed")
    wrong = {"q-single": Response(chosen=("a",)), "q-tf": Response(truth=True)}
    while (asked := run.current()) is not None:
        key = asked.question.id
        run.answer(wrong.get(key, right_answers[key]), 2)
        run.advance()
    run.finish()
    [progress] = svc.paths.progress()
    assert [s.done for s in progress.steps] == [True, False, False]
    assert progress.steps[1].progress == "best 67% (pass 80%)"

    clock.advance(timedelta(days=2))
    [progress] = svc.paths.progress()
    assert progress.day == 3 and [s.title for s in progress.behind] == [
        "Pass the quiz: Mixed quiz", "Take the self-check: Ready?"]
    assessment = svc.assessments.start("qdeck", "ready")
    for choice in (4, 2, 4):
        assessment.choose(choice)
    assessment.finish()
    assert svc.paths.progress()[0].steps[2].done
    svc.close()
