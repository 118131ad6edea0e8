"""Today's goal and the study streak on the home screen, by study day (which starts at
4 am), on the fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scheduling import Rating
from trainer.domain.settings import StudySettings
from trainer.study.streak import line, today


@pytest.fixture
def svc(tmp_path: Path, clock: FakeClock, settings: StudySettings, card_decks: Path
        ) -> Iterator[Services]:
    services = open_services(Config(tmp_path / "data"), clock, settings, card_decks)
    yield services
    services.close()


def study_one(svc: Services) -> None:
    session = svc.study.start("cards")
    session.answer(Rating.EASY)
    session.finish()


def test_goal_and_streak_over_days(svc: Services, clock: FakeClock) -> None:
    first = today(svc.study)
    assert (first.answered, first.left, first.streak) == (0, 20, 0)
    assert line(first) == "Today: 0 of 20 done. Start a streak: study today."
    study_one(svc)
    assert line(today(svc.study)) == "Today: 1 of 20 done. 1 day in a row."
    for _ in range(2):  # two more days in a row
        clock.advance(timedelta(days=1))
        study_one(svc)
    assert today(svc.study).streak == 3
    # The next morning before studying: the streak stands, with a nudge.
    clock.advance(timedelta(days=1))
    morning = today(svc.study)
    assert (morning.streak, morning.studied_today) == (3, False)
    assert line(morning).endswith("3 days in a row (study today to keep it).")
    # A day missed breaks it.
    clock.advance(timedelta(days=1))
    assert today(svc.study).streak == 0
    study_one(svc)
    assert today(svc.study).streak == 1


def test_an_answer_after_midnight_counts_for_the_day_before(svc: Services,
                                                             clock: FakeClock) -> None:
    # The fixture clock is noon: study at noon, then at 2 am (still the same study day).
    study_one(svc)
    clock.advance(timedelta(hours=14))
    study_one(svc)
    figures = today(svc.study)
    assert (figures.answered, figures.streak) == (2, 1)
