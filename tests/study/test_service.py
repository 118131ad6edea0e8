"""The review queue: limits, learning steps, undo, the day boundary and counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from one_deck import one_deck_service

from trainer.clock import FakeClock
from trainer.domain.scheduling import Phase, Rating
from trainer.domain.settings import StudySettings
from trainer.storage.database import open_database
from trainer.storage.decks_repo import set_daily_limits
from trainer.study.day import study_day
from trainer.study.service import Counts, StudyService


def make(tmp_path: Path, clock: FakeClock, n: int = 30, **settings: object) -> StudyService:
    """The deck "d" of ``n`` cards and its study service."""
    return one_deck_service(tmp_path / "t.sqlite", clock, n, **settings)


def test_new_deck_counts_respect_the_daily_new_limit(tmp_path: Path, clock: FakeClock) -> None:
    study = make(tmp_path, clock)
    assert study.counts("d") == Counts(new=20, learning=0, review=0)
    set_daily_limits(study.db, "d", 5, 200)
    study.forget_limits()
    assert study.counts("d") == Counts(5, 0, 0)


def test_new_cards_come_in_deck_order_and_limit_ends_the_day(
        tmp_path: Path, clock: FakeClock) -> None:
    study = make(tmp_path, clock)
    set_daily_limits(study.db, "d", 3, 200)
    study.forget_limits()
    session = study.start("d")
    seen = []
    while session.current is not None and session.current.state.phase == Phase.NEW:
        seen.append(session.current.key)
        session.answer(Rating.EASY)
    assert seen == ["c00", "c01", "c02"]
    assert session.current is None  # the limit is used up and Easy graduates at once
    assert study.counts("d") == Counts(0, 0, 0)
    summary = session.summary()
    assert summary.answered == 3 and summary.by_rating[Rating.EASY] == 3
    assert summary.next_due == study.day().end  # new cards again tomorrow


def test_learning_steps_then_learn_ahead_then_done(tmp_path: Path, clock: FakeClock) -> None:
    study = make(tmp_path, clock, n=1)
    session = study.start("d")
    assert session.current is not None
    assert session.intervals()[Rating.AGAIN] == timedelta(minutes=1)
    assert session.intervals()[Rating.GOOD] == timedelta(minutes=10)
    shown = session.answer(Rating.GOOD)  # due in 10 min: inside the learn-ahead window
    assert shown is not None and shown.state.phase == Phase.LEARNING
    assert study.counts("d") == Counts(0, 1, 0)
    shown = session.answer(Rating.GOOD)  # graduates to review
    assert shown is None
    assert study.repo.state(session.session_id and study.repo.session_reviews(
        session.session_id)[0].item_id).phase == Phase.REVIEW


def test_learning_card_beyond_learn_ahead_is_not_shown(tmp_path: Path, clock: FakeClock) -> None:
    study = make(tmp_path, clock, n=1, learning_steps=(timedelta(hours=1),))
    session = study.start("d")
    assert session.answer(Rating.AGAIN) is None
    summary = session.summary()
    assert summary.next_due == clock() + timedelta(hours=1)
    clock.advance(timedelta(hours=1))
    assert session.next() is not None


def test_answer_is_committed_before_the_next_card(tmp_path: Path, clock: FakeClock) -> None:
    study = make(tmp_path, clock)
    session = study.start("d")
    session.answer(Rating.GOOD)
    # A second connection sees the answer at once: nothing waits in an open transaction.
    other = open_database(tmp_path / "t.sqlite", clock)
    row = other.execute("SELECT rating, phase_before, state_after FROM reviews").fetchone()
    other.close()
    assert row[0] == 3 and row[1] == 0 and '"phase":1' in row[2]
    assert not study.db.conn.in_transaction


def test_undo_restores_state_and_removes_the_log_entry(tmp_path: Path, clock: FakeClock) -> None:
    study = make(tmp_path, clock)
    session = study.start("d")
    first = session.current
    assert first is not None
    before = study.repo.state(first.item_id)
    session.answer(Rating.AGAIN)
    assert study.repo.state(first.item_id) != before
    shown = session.undo()
    assert shown is not None and shown.item_id == first.item_id
    assert study.repo.state(first.item_id) == before
    assert study.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    assert session.undo() is None  # nothing left to take back
    assert study.counts("d").new == 20


def test_reviews_limit_and_day_boundary_at_4am(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 10, 23, 30, tzinfo=UTC))
    study = make(tmp_path, clock, n=3)
    set_daily_limits(study.db, "d", 20, 2)
    study.forget_limits()
    session = study.start("d")
    for _ in range(3):
        session.answer(Rating.EASY)  # each graduates with several days' interval
    assert session.current is None
    # 03:59 next morning is still the same study day.
    clock.set(datetime(2026, 3, 11, 3, 59, tzinfo=UTC))
    assert study.day().start == datetime(2026, 3, 10, 4, tzinfo=UTC)
    assert study.counts("d") == Counts(0, 0, 0)
    # Far enough ahead, all three are due but only two fit the review limit.
    clock.advance(timedelta(days=30))
    assert study.counts("d") == Counts(0, 0, 2)
    session = study.start("d")
    session.answer(Rating.GOOD)
    session.answer(Rating.GOOD)
    assert session.current is None
    assert study.counts("d") == Counts(0, 0, 0)


def test_study_day_follows_local_time_zone() -> None:
    zone = ZoneInfo("America/New_York")
    # 02:30 local on 10 March 2026 belongs to the day that began at 04:00 on the 9th.
    now = datetime(2026, 3, 10, 6, 30, tzinfo=UTC)
    day = study_day(now, 4, zone)
    assert day.start == datetime(2026, 3, 9, 4, tzinfo=zone)
    assert day.end == datetime(2026, 3, 10, 4, tzinfo=zone)
    # The study day across the switch to summer time is 23 hours long; it still ends at 04:00.
    spring = study_day(datetime(2026, 3, 7, 12, tzinfo=UTC), 4, zone)
    assert spring.end - spring.start == timedelta(hours=23)


def test_fuzz_spreads_long_intervals(tmp_path: Path, clock: FakeClock) -> None:
    import random

    random.seed(7)
    study = make(tmp_path, clock, n=40, fuzz=True)
    set_daily_limits(study.db, "d", 40, 200)
    study.forget_limits()
    dues = set()
    for item_id in [r[0] for r in study.db.execute("SELECT id FROM items")]:
        state = study.answer(item_id, Rating.EASY)
        assert state.due is not None
        dues.add((state.due - clock()).days)
    assert len(dues) > 1  # without fuzz every card would get the same interval


def test_settings_reject_nonsense() -> None:
    with pytest.raises(ValueError, match="desired retention"):
        StudySettings(desired_retention=1.5)
    with pytest.raises(ValueError, match="hour"):
        StudySettings(day_start_hour=24)
