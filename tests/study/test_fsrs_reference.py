"""py-fsrs's own reference results must survive our service and a database round trip."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from trainer.clock import FakeClock
from trainer.domain.deck import Card, Deck
from trainer.domain.scheduling import ItemState, Phase, Rating
from trainer.domain.settings import StudySettings
from trainer.storage.database import open_database
from trainer.storage.decks_repo import install_deck
from trainer.storage.store import Store
from trainer.study.fsrs_adapter import FsrsScheduling
from trainer.study.service import StudyService

# Databases the helpers below open, closed after each test.
_opened: list[Store] = []


@pytest.fixture(autouse=True)
def _close_opened() -> Iterator[None]:
    yield
    while _opened:
        _opened.pop().close()


def _one_card_service(tmp_path: Path, clock: FakeClock) -> tuple[StudyService, int]:
    db = open_database(tmp_path / "p.sqlite", clock)
    _opened.append(db)
    deck = Deck("ref", "Reference", "1", cards=(Card("c1", "front", "back", "t"),))
    install_deck(db, deck, clock)
    item_id = db.execute("SELECT id FROM items WHERE key = 'c1'").fetchone()[0]
    return StudyService(db, clock, StudySettings(fuzz=False, timezone=UTC)), item_id


def test_review_intervals_match_py_fsrs(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2022, 11, 29, 12, 30, tzinfo=UTC))
    service, item_id = _one_card_service(tmp_path, clock)
    ratings = [Rating.GOOD] * 6 + [Rating.AGAIN] * 2 + [Rating.GOOD] * 5
    intervals = []
    for rating in ratings:
        after = service.answer(item_id, rating)
        stored = service.repo.state(item_id)  # read back from SQLite, not from memory
        assert stored == after
        assert stored.due is not None
        intervals.append((stored.due - clock()).days)
        clock.set(stored.due)
    assert intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]


def test_memory_state_matches_py_fsrs(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2022, 11, 29, 12, 30, tzinfo=UTC))
    service, item_id = _one_card_service(tmp_path, clock)
    ratings = [Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD]
    gaps = [0, 0, 1, 3, 8, 21]
    for rating, gap in zip(ratings, gaps, strict=True):
        clock.advance(timedelta(days=gap))
        service.answer(item_id, rating)
    state = service.repo.state(item_id)
    assert state.stability == pytest.approx(53.62691, abs=1e-4)
    assert state.difficulty == pytest.approx(6.3574867, abs=1e-4)


def test_button_intervals_are_what_each_answer_would_schedule() -> None:
    fsrs = FsrsScheduling(StudySettings(fuzz=False, timezone=UTC))
    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    states = [
        ItemState(1, Phase.NEW, None, None, None, None, None, 0, 0),
        ItemState(2, Phase.LEARNING, 1, 2.3, 5.1, now - timedelta(minutes=1),
                  now - timedelta(minutes=11), 1, 0),
        ItemState(3, Phase.REVIEW, None, 12.0, 6.4, now - timedelta(days=2),
                  now - timedelta(days=14), 5, 1),
        ItemState(4, Phase.RELEARNING, 0, 1.2, 8.9, now, now - timedelta(minutes=10), 7, 2),
    ]
    for state in states:
        previews = fsrs.preview(state, now)
        scheduled = {r: fsrs.review(state, r, now).due for r in Rating}
        assert previews == {r: due - now for r, due in scheduled.items() if due is not None}
        assert len(set(previews.values())) > 1
