"""Statistics of practice: replies by topic and the rubric checks missed most."""

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
from trainer.reports.stats import compute_stats


@pytest.fixture
def practised(tmp_path: Path, clock: FakeClock, settings: StudySettings,
              practice_decks: Path) -> Iterator[Services]:
    """Both practice items of the test deck answered: one reply undone, three counted."""
    services = open_services(Config(tmp_path / "data"), clock, settings, practice_decks)
    session = services.study.start("say-it")
    while session.current is not None and not session.current.is_practice:
        session.answer(Rating.GOOD)
    practice = services.practice
    practice.answer(session, "undone", {"permission"})
    session.next()
    session.undo()  # the reply is kept but no longer counts
    practice.answer(session, "typed", {"permission", "fact"})  # missed: question
    session.next()
    practice.answer(session, None, {"warning", "calm"})  # missed: reason, question
    clock.advance(timedelta(minutes=5))
    session.next()
    # Rated Again, it comes back first.
    assert session.current is not None and session.current.key == "p-conclusion"
    practice.answer(session, "all met", {"warning", "reason", "question", "calm"})
    yield services
    services.close()


def test_practice_by_topic_and_checks_missed_most(practised: Services,
                                                   clock: FakeClock) -> None:
    stats = compute_stats(practised.db, clock, practised.study.settings)
    figure = stats.practice
    assert figure.replies == 3
    (topic,) = figure.topics
    assert (topic.topic, topic.items, topic.practised, topic.replies, topic.aloud) == (
        "pushing-back", 2, 2, 3, 1)
    assert topic.checks_met == pytest.approx(8 / 11)
    checks = [(c.text, c.items, c.asked, c.missed) for c in figure.checks]
    assert checks[:2] == [("Ended with a question", 2, 3, 2), ("Gave a reason", 1, 2, 1)]
    assert ("Asked permission before disagreeing", 1, 1, 0) in checks
    json = stats.as_json()["practice"]
    assert json["checks"][1] == {  # type: ignore[index]
        "text": "Gave a reason", "items": 1, "asked": 2, "missed": 1, "missed_share": 0.5}


def test_scope_and_range_filter_practice(practised: Services, clock: FakeClock) -> None:
    settings = practised.study.settings
    assert compute_stats(practised.db, clock, settings, topic="pushing-back"
                         ).practice.replies == 3
    later = clock() + timedelta(days=40)
    assert compute_stats(practised.db, FakeClock(later), settings).practice.replies == 0
