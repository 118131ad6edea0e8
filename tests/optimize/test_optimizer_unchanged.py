"""The optimizer reads the log as rows and may check in another process; what it finds
must be exactly what reading answer by answer and fitting one after another found."""

from __future__ import annotations

import json
import logging
import os
import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from itertools import groupby
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fsrs_rs_python import FSRSItem

from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scheduling import Phase
from trainer.domain.settings import StudySettings
from trainer.storage.database import open_database
from trainer.storage.timefmt import to_db
from trainer.study.optimizer import optimize
from trainer.study.optimizer_data import LoggedReview, read_log_rows, rows_of, training_set
from trainer.study.optimizer_fits import PARALLEL_FROM, helper

SETTINGS = StudySettings(fuzz=False, timezone=UTC)
# What the optimizer found on the log of review_logs_josh.csv before it read rows
# (dry run, default parameters in use).
JOSH_NEW = (0.1726, 0.8326, 2.4851, 6.3079, 6.5383, 0.5241, 3.1816, 0.0269, 1.6629, 0.2612,
            0.6194, 1.5809, 0.0423, 0.3833, 1.798, 0.6014, 1.8729, 0.8313, 0.1011, 0.1463,
            0.2433)
# The check on the latest fifth: the last fold of the five-fold split it made before.
JOSH_HELD_OUT = (1256, 0.4346938133239746, 0.43406468629837036, 0.06512255221605301,
                 0.0647193193435669)
JOSH_ALL = (6276, 0.4534725546836853, 0.44442689418792725, 0.07660131901502609,
            0.05157463997602463)


def _pairs(item: FSRSItem) -> list[tuple[int, int]]:
    return [(int(rating), int(days)) for rating, days in
            re.findall(r"rating: (\d+), delta_t: (\d+)", repr(item.reviews))]


def _answer_by_answer(log: list[LoggedReview], hour: int, zone: tzinfo | None
                      ) -> tuple[list[list[tuple[int, int]]], tuple[int, int, int]]:
    """The training data as the optimizer built it before, each answer's time parsed
    and put in its study day on its own."""
    def study_date(when: datetime) -> date:
        local = when.astimezone(zone) if zone is not None else when.astimezone()
        return (local - timedelta(hours=hour)).date()

    dated: list[tuple[datetime, int, list[tuple[int, int]]]] = []
    reviews = items = with_history = 0
    for item_id, group in groupby(sorted(log, key=lambda r: (r.item_id, r.reviewed_at)),
                                  key=lambda r: r.item_id):
        history = list(group)
        reviews += len(history)
        items += 1
        start = None
        for index in range(len(history) - 1, -1, -1):
            if history[index].phase_before in (Phase.NEW, Phase.LEARNING):
                start = index
            elif start is not None:
                break
        so_far: list[tuple[int, int]] = []
        previous: date | None = None
        examples = 0
        for review in [] if start is None else history[start:]:
            day = study_date(review.reviewed_at)
            delta = 0 if previous is None else max((day - previous).days, 0)
            so_far.append((review.rating, delta))
            previous = day
            if len(so_far) > 1 and delta > 0:
                dated.append((review.reviewed_at, item_id, list(so_far)))
                examples += 1
        with_history += examples > 0
    dated.sort(key=lambda entry: (entry[0], entry[1]))
    return [pairs for *_, pairs in dated], (reviews, items, with_history)


@pytest.mark.parametrize(("zone", "hour"), [
    (UTC, 4), (ZoneInfo("Europe/Berlin"), 2), (ZoneInfo("America/New_York"), 0),
    (ZoneInfo("Asia/Kolkata"), 4), (ZoneInfo("Australia/Lord_Howe"), 23), (None, 4)])
def test_training_data_is_what_answer_by_answer_reading_gave(
        josh_log: list[LoggedReview], zone: tzinfo | None, hour: int) -> None:
    # Moved into the zone's clock changes and across its day starts.
    log = [LoggedReview(r.item_id, r.reviewed_at + timedelta(minutes=37 * (r.item_id % 41)),
                        r.rating, r.phase_before) for r in josh_log]
    data = training_set(rows_of(log), hour, zone)
    expected, counts = _answer_by_answer(log, hour, zone)
    assert (data.reviews, data.items_reviewed, data.items_with_history) == counts
    assert [_pairs(item) for item in data.items] == expected


@pytest.mark.parametrize("change", ["learned again", "never learned"])
def test_items_learned_again_or_never_learned_are_read_as_before(
        josh_log: list[LoggedReview], change: str) -> None:
    # Some cards forgotten and learned again from their fourth answer, or some with no
    # learning answer at all (as if their history began before the log).
    log: list[LoggedReview] = []
    for item_id, group in groupby(josh_log, key=lambda r: r.item_id):
        for index, r in enumerate(group):
            phase = r.phase_before
            if item_id % 5 == 0 and change == "learned again" and index in (3, 4):
                phase = Phase.NEW if index == 3 else Phase.LEARNING
            elif item_id % 5 == 0 and change == "never learned":
                phase = Phase.REVIEW
            log.append(LoggedReview(item_id, r.reviewed_at, r.rating, phase))
    data = training_set(rows_of(log), 4, UTC)
    expected, counts = _answer_by_answer(log, 4, UTC)
    assert (data.reviews, data.items_reviewed, data.items_with_history) == counts
    assert [_pairs(item) for item in data.items] == expected
    assert len(expected) < len(training_set(rows_of(josh_log), 4, UTC).items)


def test_answers_at_the_same_moment_are_read_by_item_then_as_logged(
        tmp_path: Path, after_log: datetime) -> None:
    db = open_database(tmp_path / "p.sqlite", FakeClock(after_log))
    try:
        now = to_db(after_log)
        db.execute("INSERT INTO decks (id, title, version, installed_at, updated_at) "
                   "VALUES ('d', 'D', '1', ?, ?)", [now, now])
        for n in (1, 2):
            db.execute("INSERT INTO items (id, deck_id, key, topic, front, back, position, "
                       "created_at, updated_at) VALUES (?, 'd', ?, 't', 'f', 'b', ?, ?, ?)",
                       [n, f"k{n}", n, now, now])
        earlier = to_db(after_log - timedelta(days=1))
        # Logged in this order: item 2 first at the shared moment, then item 1 twice.
        for item_id, at, rating in ((2, now, 3), (1, now, 4), (1, now, 1), (2, earlier, 2)):
            db.execute("INSERT INTO reviews (item_id, deck_id, reviewed_at, rating, "
                       "phase_before, state_before, state_after) "
                       "VALUES (?, 'd', ?, ?, 0, '{}', '{}')", [item_id, at, rating])
        assert read_log_rows(db) == [(2, earlier, 2, 0), (1, now, 4, 0), (1, now, 1, 0),
                                     (2, now, 3, 0)]
    finally:
        db.close()


def test_the_optimizer_finds_what_it_found_before(josh_data_dir: Path,
                                                  after_log: datetime) -> None:
    db = open_database(Config(josh_data_dir).database_path, FakeClock(after_log))
    try:
        result = optimize(db, SETTINGS, dry_run=True)
    finally:
        db.close()
    assert result.new == JOSH_NEW
    for comparison, expected in ((result.held_out, JOSH_HELD_OUT),
                                 (result.all_reviews, JOSH_ALL)):
        assert comparison is not None
        # fsrs-rs sums its RMSE bins in no fixed order: the last bits of a 32-bit
        # float may differ from one run to the next.
        assert (comparison.answers, comparison.before.log_loss, comparison.after.log_loss,
                comparison.before.rmse, comparison.after.rmse) == pytest.approx(
                    expected, rel=1e-6)
    assert json.dumps(result.as_json())  # still plain JSON


def test_a_check_made_in_another_process_is_the_check_made_here(
        josh_data_dir: Path, after_log: datetime, caplog: pytest.LogCaptureFixture) -> None:
    db = open_database(Config(josh_data_dir).database_path, FakeClock(after_log))
    try:
        here = optimize(db, SETTINGS, dry_run=True, workers=0)
        with caplog.at_level(logging.INFO, logger="trainer.study.optimizer_fits"):
            shared = optimize(db, SETTINGS, dry_run=True, workers=1)
    finally:
        db.close()
    assert "this process" not in caplog.text  # the other process made the check
    assert shared.new == here.new == JOSH_NEW
    for ours, theirs in ((shared.held_out, here.held_out),
                         (shared.all_reviews, here.all_reviews)):
        assert ours is not None and theirs is not None
        assert ours.answers == theirs.answers
        assert (ours.before.log_loss, ours.after.log_loss, ours.before.rmse,
                ours.after.rmse) == pytest.approx((theirs.before.log_loss, theirs.after.log_loss,
                                                   theirs.before.rmse, theirs.after.rmse),
                                                  rel=1e-6)


def test_what_the_job_raises_in_the_other_process_is_raised_here() -> None:
    with helper(0, workers=1) as other:
        begun = other.start(int, "not a number")
        assert begun is not None
        with pytest.raises(ValueError, match="not a number"):
            begun.result(lambda: 0)


def test_the_job_is_made_here_if_the_other_process_dies(
        caplog: pytest.LogCaptureFixture) -> None:
    with helper(0, workers=1) as other:
        begun = other.start(os._exit, 3)
        assert begun is not None
        with caplog.at_level(logging.INFO, logger="trainer.study.optimizer_fits"):
            assert begun.result(lambda: 42) == 42
    assert "checking in this process" in caplog.text
    with helper(10**6, workers=0) as none:
        assert none.start(int, "1") is None


def test_a_helper_process_only_for_a_big_log_where_a_processor_is_idle(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.3, 0.3, 0.3))
    with helper(10**6) as idle:
        begun = idle.start(int, "1")
        assert begun is not None and begun.result(lambda: 0) == 1
    with helper(PARALLEL_FROM - 1) as small:
        assert small.start(int, "1") is None
    monkeypatch.setattr(os, "getloadavg", lambda: (5.0, 5.0, 5.0))
    with helper(10**6) as busy:
        assert busy.start(int, "1") is None
