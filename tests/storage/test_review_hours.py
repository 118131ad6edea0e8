"""The hourly summary of the answer log (migration 0012) stays what the log says through
every way answers are written, taken back, moved or removed."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from trainer.clock import FakeClock
from trainer.domain.scheduling import Rating
from trainer.storage import review_hours
from trainer.storage.database import open_database
from trainer.storage.migrations import migrations
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db

START = datetime(2026, 1, 1, tzinfo=UTC)
TOPICS = ("pricing", "objections", "closing")


def _decks_and_items(db: Store | Database) -> None:
    for deck in ("d1", "d2"):
        db.execute("INSERT INTO decks (id, title, version, installed_at, updated_at) "
                   "VALUES (?, ?, '1', 't', 't')", [deck, deck.upper()])
    for n in range(12):
        db.execute("INSERT INTO items (id, deck_id, key, topic, front, back, position, "
                   "created_at, updated_at) VALUES (?, ?, ?, ?, 'f', 'b', ?, 't', 't')",
                   [n + 1, "d1" if n < 8 else "d2", f"k{n}", TOPICS[n % 3], n])


def _random_answers(db: Store | Database, rng: random.Random, n: int, *,
                    topic: bool = True) -> None:
    """Answers at random microseconds over 40 days, some with no topic or maturity."""
    for _ in range(n):
        item = rng.randrange(1, 13)
        at = START + timedelta(seconds=rng.randrange(40 * 86400),
                               microseconds=rng.randrange(1_000_000))
        db.execute(
            "INSERT INTO reviews (item_id, deck_id, reviewed_at, rating, duration_ms, "
            "phase_before, state_before, state_after, mature, topic) "
            "SELECT id, deck_id, ?, ?, ?, ?, '{}', '{}', ?, "
            + ("CASE WHEN ? THEN topic END" if topic else "NULL AND ?")
            + " FROM items WHERE id = ?",
            [to_db(at), rng.randint(1, 4), rng.randrange(60_000), rng.randrange(4),
             rng.choice((None, 0, 1)), rng.random() > 0.05, item])


def _before_0012(path: Path) -> Database:
    """A profile as the app left it before migration 0012, with its decks and items."""
    old = Database(path)
    migrations.apply(old, stop_before="0012_review_hours")
    old.execute("PRAGMA user_version = 11")
    _decks_and_items(old)
    return old


def _summed_by_hand(db: Store) -> dict[tuple[str, str, object], list[int]]:
    """The summary worked out in Python from the log's rows."""
    out: dict[tuple[str, str, object], list[int]] = {}
    names = [c.name for c in review_hours.COUNT_COLUMNS]
    for at, deck, topic, phase, rating, mature, duration in db.execute(
            "SELECT reviewed_at, deck_id, topic, phase_before, rating, mature, duration_ms "
            "FROM reviews"):
        row = out.setdefault((at[:13], deck, b"" if topic is None else topic),
                             [0, 0] + [0] * len(names))
        kind = ("new" if phase == 0 else "relearning" if phase == 3 else
                ("mature" if mature else "young") if phase == 2 else "learning")
        row[0] += 1
        row[1] += duration
        row[2 + names.index(f"{kind}_{('again', 'hard', 'good', 'easy')[rating - 1]}")] += 1
    return out


def _summary(db: Store) -> dict[tuple[str, str, object], list[int]]:
    names = ", ".join(c.name for c in review_hours.COUNT_COLUMNS)
    return {(r[0], r[1], r[2]): list(r[3:]) for r in db.execute(
        f"SELECT hour, deck_id, topic, answers, duration_ms, {names} FROM review_hours")}


def _assert_exact(db: Store) -> None:
    assert _summary(db) == _summed_by_hand(db)
    assert review_hours.mismatched_hours(db) == 0


def test_the_summary_follows_inserts_deletes_and_moves(tmp_path: Path, clock: FakeClock
                                                      ) -> None:
    rng = random.Random(12)
    db = open_database(tmp_path / "t.sqlite", clock)
    try:
        _decks_and_items(db)
        _random_answers(db, rng, 600)
        _assert_exact(db)
        assert db.execute("SELECT count(*) FROM review_hours").fetchone()[0] > 100
        # Undo-like removals, one at a time.
        for review in rng.sample([r[0] for r in db.execute("SELECT id FROM reviews")], 150):
            db.execute("DELETE FROM reviews WHERE id = ?", [review])
        _assert_exact(db)
        # A deck update moves items to another topic (0011's trigger moves their
        # answers), an Anki note moves to another deck, a time or duration is corrected.
        db.execute("UPDATE items SET topic = 'renamed' WHERE id IN (1, 5)")
        db.execute("UPDATE reviews SET deck_id = 'd2' WHERE item_id = 2")
        db.execute("UPDATE reviews SET reviewed_at = ?, duration_ms = 7 WHERE id IN "
                   "(SELECT id FROM reviews ORDER BY id LIMIT 9)", [to_db(START)])
        db.execute("UPDATE reviews SET rating = 1, mature = 1, phase_before = 2 "
                   "WHERE item_id = 3")
        db.execute("UPDATE reviews SET topic = NULL WHERE item_id = 4")
        _assert_exact(db)
        # Items and a deck removed: their answers go by cascade.
        db.execute("DELETE FROM items WHERE id = 6")
        db.execute("DELETE FROM decks WHERE id = 'd2'")
        _assert_exact(db)
        assert db.execute("SELECT count(*) FROM review_hours WHERE hour = ?",
                          [to_db(START)[:13]]).fetchone()[0] > 0
        db.execute("DELETE FROM reviews")
        assert db.execute("SELECT count(*) FROM review_hours").fetchone()[0] == 0
    finally:
        db.close()


def test_an_old_profile_gets_the_summary_of_its_log(tmp_path: Path, clock: FakeClock
                                                    ) -> None:
    path = tmp_path / "t.sqlite"
    old = _before_0012(path)
    _random_answers(old, random.Random(3), 400, topic=False)  # as before 0011: no topic
    old.execute("UPDATE reviews SET topic = "
                "(SELECT topic FROM items WHERE items.id = reviews.item_id)")
    old.conn.commit()
    old.close()

    db = open_database(path, clock)
    try:
        _assert_exact(db)
        assert db.execute("SELECT sum(answers) FROM review_hours").fetchone()[0] == 400
        _random_answers(db, random.Random(4), 50)  # and the triggers go on from there
        _assert_exact(db)
    finally:
        db.close()


def test_answers_and_undos_through_the_study_service_keep_it_exact(
        tmp_path: Path, clock: FakeClock) -> None:
    from one_deck import close_opened, one_deck_service

    study = one_deck_service(tmp_path / "t.sqlite", clock, 10)
    try:
        session = study.start("d")
        for rating in (Rating.GOOD, Rating.AGAIN, Rating.EASY, Rating.HARD):
            clock.advance(timedelta(minutes=7))
            session.answer(rating)
        session.undo()
        session.undo()
        _assert_exact(study.db)
        assert study.db.execute("SELECT sum(answers) FROM review_hours").fetchone()[0] == 2
    finally:
        close_opened()


def test_check_database_finds_and_repairs_a_summary_changed_behind_its_back(
        tmp_path: Path, clock: FakeClock) -> None:
    db = open_database(tmp_path / "t.sqlite", clock)
    try:
        _decks_and_items(db)
        _random_answers(db, random.Random(5), 200)
        db.execute("UPDATE review_hours SET answers = answers + 1 WHERE hour = "
                   "(SELECT min(hour) FROM review_hours)")
        db.execute("DELETE FROM review_hours WHERE hour = "
                   "(SELECT max(hour) FROM review_hours)")
        assert review_hours.mismatched_hours(db) >= 2
        review_hours.rebuild(db)
        _assert_exact(db)
    finally:
        db.close()


def test_each_state_carries_its_item_s_topic(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    old = _before_0012(path)
    old.execute("INSERT INTO item_state (item_id, deck_id, position) "
                "SELECT id, deck_id, position FROM items WHERE id <= 6")
    old.conn.commit()
    old.close()

    db = open_database(path, clock)
    try:
        def topics() -> list[tuple[int, str | None, str]]:
            return db.execute("SELECT s.item_id, s.topic, i.topic FROM item_state s "
                              "JOIN items i ON i.id = s.item_id ORDER BY s.item_id").fetchall()

        assert [(i, own) for i, own, _ in topics()] == [
            (n, TOPICS[(n - 1) % 3]) for n in range(1, 7)]  # the migration filled them
        # A state written without its topic gets it; an item moved takes it along.
        db.execute("INSERT INTO item_state (item_id, deck_id, position) "
                   "SELECT id, deck_id, position FROM items WHERE id > 6")
        db.execute("UPDATE items SET topic = 'renamed' WHERE id IN (2, 9)")
        rows = topics()
        assert len(rows) == 12 and all(own == item for _, own, item in rows)
        assert {i for i, own, _ in rows if own == "renamed"} == {2, 9}
    finally:
        db.close()
