"""A session's row can be written after it begins (the window writes it once the first
card is painted), with the time it began, and it is written before anything needs it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from one_deck import one_deck_service

from trainer.clock import FakeClock
from trainer.domain.scheduling import Rating
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db


def _sessions(db: Store) -> list[tuple[str, str | None]]:
    rows = db.execute("SELECT started_at, ended_at FROM sessions ORDER BY id").fetchall()
    return [(row[0], row[1]) for row in rows]


def test_a_session_begun_unrecorded_is_written_later_with_its_start(
        tmp_path: Path, clock: FakeClock) -> None:
    study = one_deck_service(tmp_path / "t.sqlite", clock, 3)
    began = clock()
    session = study.start("d", record=False)
    assert session.current is not None  # the first card is there to show
    assert _sessions(study.db) == []
    clock.advance(timedelta(seconds=5))
    session.record()
    session.record()  # once only
    assert _sessions(study.db) == [(to_db(began), None)]


def test_an_unrecorded_session_is_written_by_the_first_answer(
        tmp_path: Path, clock: FakeClock) -> None:
    study = one_deck_service(tmp_path / "t.sqlite", clock, 3)
    session = study.start("d", record=False)
    session.answer(Rating.GOOD)
    row = study.db.execute("SELECT session_id FROM reviews").fetchone()
    assert row[0] == session.session_id
    assert len(_sessions(study.db)) == 1


def test_a_session_is_recorded_at_once_by_default(tmp_path: Path, clock: FakeClock) -> None:
    study = one_deck_service(tmp_path / "t.sqlite", clock, 3)
    study.start("d")
    assert len(_sessions(study.db)) == 1
