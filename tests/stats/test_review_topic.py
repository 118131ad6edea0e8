"""Each answer carries its item's topic (migration 0011), and one topic's statistics read it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database
from stats_history import DATA, History

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.content.importers.bundle import HistoryEntry
from trainer.domain.scheduling import Rating
from trainer.reports.stats_days import day_bounds, days_between
from trainer.reports.stats_sql import ScopeFilter, answer_groups
from trainer.storage import review_hours
from trainer.storage.database import open_database
from trainer.storage.migrations import migrations
from trainer.storage.timefmt import to_db


def _topics(services: Services) -> list[tuple[str | None, str]]:
    """Each answer's own topic beside its item's."""
    return services.db.execute(
        "SELECT r.topic, i.topic FROM reviews r JOIN items i ON i.id = r.item_id ORDER BY r.id"
    ).fetchall()


def test_an_old_profile_s_answers_take_their_item_s_topic(tmp_path: Path,
                                                          clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    old = Database(path)
    migrations.apply(old, stop_before="0011_review_topic")
    old.execute("PRAGMA user_version = 10")
    old.execute("INSERT INTO decks (id, title, version, installed_at, updated_at) "
                "VALUES ('d', 'Deck', '1', 't', 't')")
    old.conn.executemany(
        "INSERT INTO items (id, deck_id, key, topic, front, back, position, created_at, "
        "updated_at) VALUES (?, 'd', ?, ?, 'f', 'b', ?, 't', 't')",
        [(1, "a", "pricing", 0), (2, "b", "objections", 1)])
    old.conn.executemany(
        "INSERT INTO reviews (item_id, deck_id, reviewed_at, rating, phase_before, "
        "state_before, state_after) VALUES (?, 'd', ?, 3, 0, '{}', '{}')",
        [(1, "t1"), (2, "t2"), (1, "t3")])
    old.conn.commit()
    old.close()

    db = open_database(path, clock)
    try:
        assert db.execute("SELECT item_id, topic FROM reviews ORDER BY reviewed_at"
                          ).fetchall() == [(1, "pricing"), (2, "objections"), (1, "pricing")]
        plan = " ".join(str(r[3]) for r in db.execute(
            "EXPLAIN QUERY PLAN SELECT phase_before, rating, mature, count(*), "
            "total(duration_ms) FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ? "
            "AND topic = ? GROUP BY phase_before, rating, mature", ["a", "b", "pricing"]))
        assert "COVERING INDEX reviews_topic" in plan
    finally:
        db.close()


def test_new_undone_and_imported_answers_carry_the_topic(fresh: Services, tmp_path: Path,
                                                          clock: FakeClock) -> None:
    svc = fresh
    plan = svc.imports.prepare(DATA / "quiz_deck.toml")
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    plan.bundle.history = [HistoryEntry("qdeck", "c1", start, Rating.GOOD, 4000),
                           HistoryEntry("qdeck", "c1", start + timedelta(days=3),
                                        Rating.EASY, 2000)]
    assert svc.imports.apply(plan).reviews == 2
    assert [t for t, _ in _topics(svc)] == ["general", "general"]

    session = svc.study.start("cards")
    assert session.next() is not None
    session.answer(Rating.GOOD)
    session.answer(Rating.AGAIN)
    session.undo()  # the second answer goes; the first stays with its topic
    clock.advance(timedelta(seconds=5))
    session.answer(Rating.HARD)
    session.finish()
    rows = _topics(svc)
    assert len(rows) == 4
    assert all(own == item for own, item in rows)
    assert [own for own, _ in rows] == ["general", "general", "practice", "practice"]
    assert [r[0] for r in svc.db.execute("SELECT rating FROM reviews ORDER BY id")][2:] == [
        int(Rating.GOOD), int(Rating.HARD)]
    # The hourly summary (migration 0012) followed the import, the answers and the undo.
    assert review_hours.mismatched_hours(svc.db) == 0
    assert svc.db.execute("SELECT sum(answers) FROM review_hours").fetchone()[0] == 4


def test_an_item_moved_to_another_topic_takes_its_answers_along(history: History) -> None:
    db = history.services.db
    item = db.execute("SELECT item_id FROM reviews WHERE topic = 'practice' LIMIT 1"
                      ).fetchone()[0]
    db.execute("UPDATE items SET topic = 'closing' WHERE id = ?", [item])
    assert {r[0] for r in db.execute("SELECT topic FROM reviews WHERE item_id = ?", [item])
            } == {"closing"}
    assert db.execute("SELECT count(*) FROM reviews r JOIN items i ON i.id = r.item_id "
                      "WHERE r.topic IS NOT i.topic").fetchone()[0] == 0


def _old_answer_groups(history: History, topic: str, start: datetime, end: datetime
                       ) -> list[tuple[int, int, bool, int, int]]:
    """The query statistics ran before 0011: each answer's topic looked up on its item."""
    rows = history.services.db.execute(
        "SELECT phase_before, rating, mature, count(*), total(duration_ms) FROM reviews "
        "WHERE reviewed_at >= ? AND reviewed_at < ? "
        "AND (SELECT topic FROM items WHERE items.id = reviews.item_id) = ? "
        "GROUP BY phase_before, rating, mature", [to_db(start), to_db(end), topic])
    return [(r[0], r[1], bool(r[2]), r[3], int(r[4])) for r in rows]


def test_a_topic_s_answers_count_as_the_item_lookup_counted(history: History) -> None:
    db = history.services.db
    topics = [r[0] for r in db.execute("SELECT DISTINCT topic FROM items ORDER BY topic")]
    last = history.clock().date()
    counted = 0
    for topic in topics:
        for day in days_between(history.first_day - timedelta(days=1), last):
            bounds = day_bounds(day, 4, UTC)
            new = [(g.phase_before, g.rating, g.mature, g.count, g.duration_ms)
                   for g in answer_groups(db, ScopeFilter(topic=topic), bounds.start,
                                          bounds.end)]
            assert new == _old_answer_groups(history, topic, bounds.start, bounds.end)
            counted += sum(g[3] for g in new)
    assert counted == db.execute("SELECT count(*) FROM reviews").fetchone()[0] > 0
