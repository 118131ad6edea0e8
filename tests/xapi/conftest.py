"""The xAPI tests' study history: card reviews on three days in two decks, a quiz passed
with certainty, one failed, a retry of the missed questions, an attempt left unfinished."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from xapi_history import History, study, take, take_one

from trainer.app import open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scheduling import Rating
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings


@pytest.fixture
def history(tmp_path: Path, settings: StudySettings, mixed_decks: Path,
            right_answers: dict[str, Response]) -> Iterator[History]:
    """Three days of cards, then quizzes on the third day."""
    clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    data_dir = tmp_path / "data"
    services = open_services(Config(data_dir), clock, settings, mixed_decks)
    services.quizzes.rng = random.Random(7)
    h = History(services, clock, data_dir)
    study(h, "cards", [Rating.GOOD, Rating.AGAIN, Rating.EASY, Rating.HARD])
    study(h, "qdeck", [Rating.EASY])
    clock.advance(timedelta(days=1))
    study(h, "cards", [Rating.EASY, Rating.GOOD, Rating.GOOD])
    clock.advance(timedelta(days=2))
    study(h, "cards", [Rating.AGAIN, Rating.GOOD])

    # Passed: one wrong at low certainty (5 of 6 right, pass mark 60).
    run = services.quizzes.start("qdeck", "mixed")
    take(h, run, right_answers, {"q-tf"}, certainty=1)
    h.results["passed"] = run.finish()
    clock.advance(timedelta(minutes=30))
    # Failed: four wrong at high certainty.
    run = services.quizzes.start("qdeck", "mixed")
    take(h, run, right_answers, {"q-single", "q-multi", "q-tf", "q-order"}, certainty=3)
    h.results["failed"] = run.finish()
    clock.advance(timedelta(minutes=5))
    # The missed questions again: practice, so "completed" without passed or failed.
    run = services.quizzes.start("qdeck", "mixed", only=["q-single", "q-tf"], kind="missed")
    take(h, run, right_answers, set(), certainty=2)
    h.results["missed"] = run.finish()
    clock.advance(timedelta(minutes=5))
    # Left unfinished: its answer counts, the attempt does not.
    run = services.quizzes.start("qdeck", "mixed")
    take_one(h, run, right_answers)
    yield h
    services.close()


