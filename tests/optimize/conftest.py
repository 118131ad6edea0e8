"""A profile holding a real rep's review log (py-fsrs's review_logs_josh.csv)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from trainer.clock import FakeClock
from trainer.domain.scheduling import ItemState, Rating
from trainer.domain.settings import StudySettings
from trainer.storage.database import open_database
from trainer.storage.timefmt import to_db
from trainer.study.fsrs_adapter import FsrsScheduling
from trainer.study.optimizer_data import LoggedReview

# A real rep's log from py-fsrs's repository (MIT licence beside it in tests/data/fsrs).
JOSH = Path(__file__).resolve().parents[1] / "data" / "fsrs" / "review_logs_josh.csv"
# The day after the log's last answer.
AFTER_LOG = datetime(2024, 12, 1, 12, 0, tzinfo=UTC)


def replay(rows: list[dict[str, str]]) -> tuple[list[LoggedReview], dict[int, ItemState]]:
    """The log in time order with each answer's phase before it, found by replaying it
    through the default scheduler (the CSV records ratings and times only)."""
    fsrs = FsrsScheduling(StudySettings(fuzz=False, timezone=UTC))
    states: dict[int, ItemState] = {}
    log = []
    for row in sorted(rows, key=lambda r: r["review_time"]):
        card = int(row["card_id"])
        at = datetime.fromisoformat(row["review_time"])
        state = states.get(card) or ItemState(item_id=card)
        log.append(LoggedReview(card, at, int(row["review_rating"]), int(state.phase)))
        states[card] = fsrs.review(state, Rating(int(row["review_rating"])), at)
    return log, states


@pytest.fixture
def after_log() -> datetime:
    """A time just after the log's last answer."""
    return AFTER_LOG


@pytest.fixture(scope="session")
def josh_rows() -> list[dict[str, str]]:
    """The CSV's rows."""
    with JOSH.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def josh_log(josh_rows: list[dict[str, str]]) -> list[LoggedReview]:
    """The log grouped by card, each card's answers in time order, as the app reads it."""
    log, _ = replay(josh_rows)
    return sorted(log, key=lambda r: (r.item_id, r.reviewed_at))


def write_profile(path: Path, rows: list[dict[str, str]]) -> None:
    """A profile database whose one deck holds the log's cards and their answers."""
    log, states = replay(rows)
    ids = {card: n for n, card in enumerate(sorted(states), start=1)}
    db = open_database(path, FakeClock(AFTER_LOG))
    now = to_db(AFTER_LOG)
    with db.atomic():
        db.execute("INSERT INTO decks (id, title, version, installed_at, updated_at) "
                   "VALUES ('josh', 'Josh', '1', ?, ?)", [now, now])
        for card, n in ids.items():
            state = states[card]
            db.execute("INSERT INTO items (id, deck_id, key, topic, front, back, position, "
                       "created_at, updated_at) VALUES (?, 'josh', ?, 'memory', ?, 'b', ?, ?, ?)",
                       [n, f"c{card}", f"card {card}", n, now, now])
            db.execute("INSERT INTO item_state (item_id, deck_id, position, phase, step, "
                       "stability, difficulty, due, last_review, reps, lapses) "
                       "VALUES (?, 'josh', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [n, n, int(state.phase), state.step, state.stability, state.difficulty,
                        to_db(state.due) if state.due else None,
                        to_db(state.last_review) if state.last_review else None,
                        state.reps, state.lapses])
        db.conn.executemany(
            "INSERT INTO reviews (item_id, deck_id, reviewed_at, rating, duration_ms, "
            "phase_before, state_before, state_after) VALUES (?, 'josh', ?, ?, 0, ?, '{}', '{}')",
            [(ids[r.item_id], to_db(r.reviewed_at), r.rating, r.phase_before) for r in log])
    db.close()


@pytest.fixture
def josh_data_dir(tmp_path: Path, josh_rows: list[dict[str, str]]) -> Path:
    """A data folder whose default profile holds the log."""
    data = tmp_path / "data"
    database = data / "profiles" / "default" / "trainer.sqlite"
    database.parent.mkdir(parents=True)
    write_profile(database, josh_rows)
    return data

