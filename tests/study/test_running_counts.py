"""Today's counts kept up to date answer by answer, and the one-statement queue: both must
give exactly what counting from scratch and the queue's step-by-step order give."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from one_deck import one_deck_service

from trainer.clock import FakeClock
from trainer.domain.scheduling import Rating
from trainer.storage.decks_repo import set_daily_limits
from trainer.study.running_counts import Capped
from trainer.study.service import LEARNING_PHASES, REVIEW_PHASES, Counts, StudyService


def make(path: Path, clock: FakeClock, n: int = 60, **settings: object) -> StudyService:
    """The deck "d" of ``n`` cards and its study service."""
    return one_deck_service(path, clock, n, **settings)


def recount(study: StudyService, deck_id: str) -> Counts:
    """Today's counts from scratch, as they were computed for every card before."""
    day = study.day()
    new_limit, review_limit = study.repo.deck_limits(deck_id)
    done = study.repo.done_today(deck_id, day.start)
    new_left, review_left = max(0, new_limit - done.new), max(0, review_limit - done.review)
    return Counts(study.repo.count_new(deck_id, new_left),
                  study.repo.count_due(deck_id, LEARNING_PHASES, day.end),
                  study.repo.count_due(deck_id, REVIEW_PHASES, day.end, review_left))


def queue_step_by_step(study: StudyService, deck_id: str) -> int | None:
    """The next item as the queue chose it before, one query per step."""
    now = study.clock()
    day = study.day(now)
    learning = study.repo.first_due(deck_id, LEARNING_PHASES, now + timedelta(microseconds=1))
    if learning:
        return learning[0]
    new_limit, review_limit = study.repo.deck_limits(deck_id)
    done = study.repo.done_today(deck_id, day.start)
    if review_limit - done.review > 0:
        due = study.repo.first_due(deck_id, REVIEW_PHASES, day.end)
        if due:
            return due[0]
    if new_limit - done.new > 0:
        new = study.repo.first_new(deck_id)
        if new is not None:
            return new
    ahead = study.repo.first_due(deck_id, LEARNING_PHASES, now + study.settings.learn_ahead)
    return ahead[0] if ahead else None


@pytest.mark.parametrize("seed", range(6))
def test_running_counts_and_queue_match_counting_from_scratch(tmp_path: Path,
                                                              seed: int) -> None:
    rng = random.Random(seed)
    clock = FakeClock(datetime(2026, 3, 10, 20, 0, tzinfo=UTC))
    path = tmp_path / "t.sqlite"
    study = make(path, clock)
    set_daily_limits(study.db, "d", 12, 9)
    study.forget_limits()
    other = sqlite3.connect(path, isolation_level=None)
    session = study.start("d")
    seen: set[str] = set()
    try:
        for _ in range(400):
            roll = rng.random()
            if roll < 0.55 and session.current is not None:
                shown = session.answer(rng.choice(list(Rating)))
                assert (None if shown is None else shown.item_id) == \
                    queue_step_by_step(study, "d")
                seen.add("answer")
            elif roll < 0.65:
                if session.undo() is not None:
                    seen.add("undo")
            elif roll < 0.85:
                # Often not at all, so that items fall due at the same moment.
                clock.advance(rng.choice((timedelta(0), timedelta(seconds=30),
                                          timedelta(minutes=7), timedelta(hours=5),
                                          timedelta(days=3))))
                shown = session.next()
                assert (None if shown is None else shown.item_id) == \
                    queue_step_by_step(study, "d")
            elif roll < 0.9:
                set_daily_limits(study.db, "d", rng.randint(0, 15), rng.randint(0, 12))
                study.forget_limits()
                seen.add("limits")
            elif roll < 0.95:
                study.use_settings(study.settings.replace(
                    day_start_hour=rng.choice((0, 4, 13))))
                seen.add("settings")
            else:
                # Another connection (another window) takes an item out of study or back.
                other.execute("UPDATE item_state SET active = ? WHERE item_id = ?",
                              (rng.randint(0, 1), rng.randint(1, 60)))
                seen.add("elsewhere")
            assert study.counts("d") == recount(study, "d")
    finally:
        other.close()
    assert {"answer", "undo", "limits", "settings", "elsewhere"} <= seen


def test_counts_stay_right_across_answers_undo_and_the_day_rolling_over(
        tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 11, 3, 50, tzinfo=UTC))
    study = make(tmp_path / "t.sqlite", clock, n=30)
    session = study.start("d")
    assert session.counts() == Counts(20, 0, 0)
    session.answer(Rating.AGAIN)
    assert session.counts() == Counts(19, 1, 0) == recount(study, "d")
    session.answer(Rating.EASY)
    assert session.counts() == Counts(18, 1, 0) == recount(study, "d")
    session.undo()
    assert session.counts() == Counts(19, 1, 0) == recount(study, "d")
    clock.advance(timedelta(minutes=15))  # 04:05: a new study day, a new limit
    assert session.counts() == Counts(20, 1, 0) == recount(study, "d")


def test_statements_per_answer_as_the_review_screen_asks(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 10, 12, 0, tzinfo=UTC))
    study = make(tmp_path / "t.sqlite", clock, n=60)
    set_daily_limits(study.db, "d", 60, 200)
    study.forget_limits()
    session = study.start("d")
    session.counts()
    statements: list[str] = []
    study.db.conn.set_trace_callback(statements.append)
    per_answer = []
    ratings = (Rating.GOOD, Rating.AGAIN, Rating.EASY, Rating.HARD)
    try:
        for n in range(40):
            assert session.current is not None
            clock.advance(timedelta(seconds=20))
            statements.clear()
            # What the review screen does for one answer: answer (commit and next
            # card), the counts line, and the next card's four intervals.
            shown = session.answer(ratings[n % 4])
            session.counts()
            if shown is not None:
                session.intervals()
            # The trace reports a trigger SQLite runs as the statement that fired it,
            # again: the answer's is the statistics' hourly summary (migration 0012), a
            # write inside SQLite, not a statement sent from here.
            repeats = [s for s, before in zip(statements[1:], statements, strict=False)
                       if s == before]
            assert all(s.startswith("INSERT INTO reviews") for s in repeats), repeats
            per_answer.append(len(statements) - len(repeats))
    finally:
        study.db.conn.set_trace_callback(None)
    assert max(per_answer) <= 8, per_answer


def test_a_capped_count_is_certain_only_when_the_range_decides_it() -> None:
    reached = Capped.counted(5, 5)  # the count stopped at the limit: 5 or more available
    assert reached.value == 5
    reached.move(-1, -1)  # one of them answered, using up one of the limit
    assert reached.value == 4
    reached.move(-1)  # one taken out without using the limit: 4 or 3 left to show
    assert reached.value is None
    exact = Capped.counted(3, 5)
    exact.move(-1)
    assert exact.value == 2


def test_items_due_at_the_same_moment_come_in_the_same_order(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 10, 12, 0, tzinfo=UTC))
    study = make(tmp_path / "t.sqlite", clock, n=8)
    session = study.start("d")
    for item_id in (2, 1):  # graduate two cards to review, due together later
        study.answer(item_id, Rating.EASY)
    clock.advance(timedelta(days=40))
    # Lapse both reviews and start four new cards in the same instant: six items in
    # learning and relearning, all due ten minutes from now.
    for item_id, rating in ((1, Rating.AGAIN), (2, Rating.AGAIN), (6, Rating.GOOD),
                            (4, Rating.GOOD), (5, Rating.GOOD), (3, Rating.GOOD)):
        study.answer(item_id, rating)
    clock.advance(timedelta(minutes=11))
    order = []
    shown = session.next()
    while shown is not None and len(order) < 6:
        assert shown.item_id == queue_step_by_step(study, "d")
        order.append(shown.item_id)
        shown = session.answer(Rating.EASY)
    assert sorted(order) == [1, 2, 3, 4, 5, 6]
