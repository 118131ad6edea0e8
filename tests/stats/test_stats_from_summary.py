"""Statistics read from the hourly summary (migration 0012) are the figures counted day
by day from the answer log, in any time zone and day-start hour, after answers are
added, undone, moved to another topic or deck, and removed."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from trainer.app import Services
from trainer.domain.settings import StudySettings
from trainer.reports import stats
from trainer.reports.stats import compute_stats
from trainer.reports.stats_figures import Stats
from trainer.reports.stats_hours import DayAnswers, day_answers
from trainer.reports.stats_sql import ScopeFilter, answer_groups
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db

# Whole-hour zones, zones whose days start at :30 (Kolkata, St John's; Adelaide also
# moves by daylight saving) and :45 (Kathmandu), and Lord Howe, whose clocks move by 30
# minutes.
ZONES = ("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu",
         "America/St_Johns", "Australia/Adelaide", "Australia/Lord_Howe")


def _by_the_log(db: Store, scope: ScopeFilter, bounds: Sequence[tuple[datetime, datetime]]
                ) -> list[DayAnswers]:
    """How the statistics counted before the summary: every day a scan of the log."""
    return [DayAnswers.of(answer_groups(db, scope, start, end)) for start, end in bounds]


def _random_answers(db: Store, rng: random.Random, around: datetime, n: int) -> None:
    """Answers at random microseconds in the 70 days before ``around`` (and a few after,
    as a clock set back might leave), on random items."""
    items = db.execute("SELECT id, deck_id, topic FROM items").fetchall()
    for _ in range(n):
        item, deck, topic = rng.choice(items)
        at = around + timedelta(seconds=rng.randrange(-70 * 86400, 2 * 86400),
                                microseconds=rng.randrange(1_000_000))
        db.execute(
            "INSERT INTO reviews (item_id, deck_id, reviewed_at, rating, duration_ms, "
            "phase_before, state_before, state_after, mature, topic) "
            "VALUES (?, ?, ?, ?, ?, ?, '{}', '{}', ?, ?)",
            [item, deck, to_db(at), rng.randint(1, 4), rng.randrange(90_000),
             rng.randrange(4), rng.choice((None, 0, 1)), topic])


def _both(services: Services, monkeypatch: pytest.MonkeyPatch, settings: StudySettings,
          **kwargs: object) -> tuple[Stats, Stats]:
    """Every figure from the summary, then counted from the log day by day."""
    summed = compute_stats(services.db, services.clock, settings, **kwargs)  # type: ignore[arg-type]
    with monkeypatch.context() as patch:
        patch.setattr(stats, "day_answers", _by_the_log)
        scanned = compute_stats(services.db, services.clock, settings, **kwargs)  # type: ignore[arg-type]
    return summed, scanned


def _compare_everywhere(services: Services, monkeypatch: pytest.MonkeyPatch,
                        rng: random.Random) -> int:
    """Every figure the same both ways, for each zone, some day-start hours and each
    scope; returns how many answers the widest ranges counted."""
    counted = 0
    today = services.clock().date()
    for zone in ZONES:
        for hour in (0, 4, rng.randrange(24)):
            settings = StudySettings(fuzz=False, timezone=ZoneInfo(zone), day_start_hour=hour)
            for scope in ({}, {"deck": "cards"}, {"topic": "objections"},
                          {"deck": "qdeck", "topic": "general"}):
                summed, scanned = _both(services, monkeypatch, settings,
                                        start=today - timedelta(days=75), **scope)
                assert summed == scanned, (zone, hour, scope)
                if not scope:
                    counted = max(counted, sum(d.answers for d in summed.days))
            # The default range, and one that ends before today (today counted apart).
            summed, scanned = _both(services, monkeypatch, settings)
            assert summed == scanned, (zone, hour)
            summed, scanned = _both(services, monkeypatch, settings,
                                    start=today - timedelta(days=40),
                                    end=today - timedelta(days=10))
            assert summed == scanned, (zone, hour)
    return counted


def test_figures_from_the_summary_are_the_log_s_in_every_zone(
        fresh: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(2026)
    db = fresh.db
    now = fresh.clock()
    _random_answers(db, rng, now, 1500)
    total = db.execute("SELECT count(*) FROM reviews").fetchone()[0]
    assert _compare_everywhere(fresh, monkeypatch, rng) > total * 0.9

    # Undo-like removals, an item moved to another topic, answers moved to another
    # deck, items removed with their answers, then more answers.
    for review in rng.sample([r[0] for r in db.execute("SELECT id FROM reviews")], 300):
        db.execute("DELETE FROM reviews WHERE id = ?", [review])
    moved = db.execute("SELECT id FROM items WHERE topic = 'general' LIMIT 1").fetchone()[0]
    db.execute("UPDATE items SET topic = 'objections' WHERE id = ?", [moved])
    db.execute("UPDATE reviews SET deck_id = 'qdeck' WHERE item_id = "
               "(SELECT min(id) FROM items WHERE deck_id = 'cards')")
    db.execute("DELETE FROM items WHERE id = (SELECT max(id) FROM items WHERE "
               "deck_id = 'cards')")
    _random_answers(db, rng, now, 400)
    assert _compare_everywhere(fresh, monkeypatch, rng) > 0


def test_a_day_is_split_into_whole_hours_and_the_partial_ones_at_its_ends(
        fresh: Services) -> None:
    db = fresh.db
    kolkata = ZoneInfo("Asia/Kolkata")  # days at 4 am start at 22:30 UTC
    settings = StudySettings(fuzz=False, timezone=kolkata, day_start_hour=4)
    day = date(2026, 3, 1)
    start = datetime(2026, 3, 1, 4, tzinfo=kolkata)
    item, deck, topic = db.execute("SELECT id, deck_id, topic FROM items LIMIT 1").fetchone()
    # One answer just before the day, its first and last microsecond, and 22:59 UTC.
    for at in (start - timedelta(microseconds=1), start,
               start + timedelta(days=1, microseconds=-1), start + timedelta(minutes=29)):
        db.execute(
            "INSERT INTO reviews (item_id, deck_id, reviewed_at, rating, duration_ms, "
            "phase_before, state_before, state_after, topic) "
            "VALUES (?, ?, ?, 3, 1000, 0, '{}', '{}', ?)", [item, deck, to_db(at), topic])
    bounds = stats._Calendar(settings).bounds(day)
    [answers] = day_answers(db, ScopeFilter(), [bounds])
    assert answers.counts == {(0, 3, False): 3} and answers.duration_ms == 3000
    [before] = day_answers(db, ScopeFilter(), [stats._Calendar(settings).bounds(
        day - timedelta(days=1))])
    assert before.counts == {(0, 3, False): 1}
