"""Fitting FSRS to a rep's own answers: the fit must predict better than the defaults,
be kept only when it does, and be what the scheduler uses afterwards."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs_rs_python import DEFAULT_PARAMETERS, FSRSItem

from trainer.app import open_services
from trainer.cli import main
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scheduling import ItemState, Phase, Rating
from trainer.domain.settings import StudySettings
from trainer.storage.database import open_database
from trainer.storage.parameters_repo import load_parameters, save_parameters
from trainer.storage.settings_repo import load_settings
from trainer.study.optimizer import Outcome, evaluate, fit, hold_out, optimize
from trainer.study.optimizer_data import LoggedReview, rows_of, training_set
from trainer.study.stored_settings import usable_settings

SETTINGS = StudySettings(fuzz=False, timezone=UTC)


def _pairs(item: FSRSItem) -> list[tuple[int, int]]:
    # fsrs-rs-python exposes a review's fields only through its repr.
    return [(int(rating), int(days)) for rating, days in
            re.findall(r"rating: (\d+), delta_t: (\d+)", repr(item.reviews))]


def test_parameters_fitted_on_earlier_answers_beat_the_defaults_on_later_ones(
        josh_log: list[LoggedReview]) -> None:
    data = training_set(rows_of(josh_log), SETTINGS.day_start_hour, UTC)
    assert len(data.items) > 5000  # every answer on a later day than the one before it

    held_out = hold_out(DEFAULT_PARAMETERS, data.items, SETTINGS)

    # The latest fifth, predicted by a fit on the four fifths before it.
    cut = len(data.items) * 4 // 5
    assert held_out.answers == len(data.items) - cut
    earlier = evaluate(fit(data.items[:cut], SETTINGS), data.items[cut:])
    # fsrs-rs sums its RMSE bins in no fixed order: the last bits may differ.
    assert (held_out.after.log_loss, held_out.after.rmse) == pytest.approx(
        (earlier.log_loss, earlier.rmse), rel=1e-6)
    assert held_out.after.log_loss < held_out.before.log_loss
    assert held_out.after.rmse < held_out.before.rmse


def test_parameters_that_do_not_predict_later_answers_better_are_not_kept(
        josh_data_dir: Path, josh_log: list[LoggedReview], after_log: datetime) -> None:
    data = training_set(rows_of(josh_log), SETTINGS.day_start_hour, UTC)
    earlier = fit(data.items[:len(data.items) * 4 // 5], SETTINGS)
    db = open_database(Config(josh_data_dir).database_path, FakeClock(after_log))
    try:
        # In use: what the check fits on the earlier answers, so the check's fit can
        # do no better on the later ones, though a fit on everything wins over the log.
        save_parameters(db, earlier)
        result = optimize(db, load_settings(db, SETTINGS))
        assert result.current == earlier
        assert result.all_reviews is not None and result.all_reviews.better
        assert result.held_out is not None and not result.held_out.better
        assert result.outcome is Outcome.NOT_BETTER and not result.saved
        assert "nothing was changed" in result.message
        assert load_parameters(db) == earlier
    finally:
        db.close()


def test_training_data_starts_each_card_at_its_last_learning_run(after_log: datetime) -> None:
    day = after_log - timedelta(days=30)
    log = [
        LoggedReview(1, day, 3, Phase.NEW),
        LoggedReview(1, day + timedelta(days=2), 3, Phase.REVIEW),
        LoggedReview(1, day + timedelta(days=9), 1, Phase.REVIEW),
        # Forgotten, then relearned: history still counts (a lapse is not a new card).
        LoggedReview(1, day + timedelta(days=9, minutes=10), 3, Phase.RELEARNING),
        LoggedReview(1, day + timedelta(days=20), 3, Phase.REVIEW),
        # A card answered only on its first day gives no example: nothing to predict.
        LoggedReview(2, day, 3, Phase.NEW),
        LoggedReview(2, day + timedelta(minutes=10), 3, Phase.LEARNING),
    ]
    data = training_set(rows_of(log), 4, UTC)

    assert (data.reviews, data.items_reviewed, data.items_with_history) == (7, 2, 1)
    longest = data.items[-1]
    assert _pairs(longest) == [
        (3, 0), (3, 2), (1, 7), (3, 0), (3, 11)]
    # Examples end at answers on a later day only: days 2, 9 and 20, not the same-day one.
    assert [len(item.reviews) for item in data.items] == [2, 3, 5]


def test_better_parameters_are_kept_and_the_scheduler_uses_them(josh_data_dir: Path,
                                                                after_log: datetime) -> None:
    config = Config(josh_data_dir)
    db = open_database(config.database_path, FakeClock(after_log))
    try:
        result = optimize(db, SETTINGS)
        assert result.outcome is Outcome.IMPROVED and result.saved
        assert result.held_out is not None and result.held_out.better
        assert result.all_reviews is not None and result.all_reviews.better
        assert result.new is not None and load_parameters(db) == result.new
        assert result.current == pytest.approx(tuple(DEFAULT_PARAMETERS), abs=1e-4)
        assert "predict what you remember better" in result.message

        # Run again at once: the stored parameters are already the best fit.
        again = optimize(db, load_settings(db, SETTINGS))
        assert again.outcome is Outcome.NOT_BETTER and not again.saved
        assert again.current == result.new
        assert load_parameters(db) == result.new
    finally:
        db.close()

    services = open_services(config, FakeClock(after_log), SETTINGS, decks_folder=None)
    try:
        assert services.study.settings.parameters == result.new
        state = ItemState(item_id=1, phase=Phase.REVIEW, stability=10.0, difficulty=5.0,
                          due=after_log, last_review=after_log - timedelta(days=10), reps=3)
        tuned = services.study.intervals(state)
        services.study.use_settings(SETTINGS)
        assert services.study.intervals(state) != tuned
    finally:
        services.close()


def test_a_dry_run_reports_without_saving(josh_data_dir: Path, after_log: datetime) -> None:
    db = open_database(Config(josh_data_dir).database_path, FakeClock(after_log))
    try:
        result = optimize(db, SETTINGS, dry_run=True)
        assert result.outcome is Outcome.IMPROVED and not result.saved
        assert "Nothing was saved" in result.message
        assert load_parameters(db) is None
    finally:
        db.close()


def test_too_little_history_is_explained_and_changes_nothing(tmp_path: Path,
                                                             clock: FakeClock) -> None:
    services = open_services(Config(tmp_path / "data"), clock, SETTINGS)
    try:
        deck_id = services.db.execute("SELECT id FROM decks ORDER BY id").fetchone()[0]
        session = services.study.start(deck_id)
        session.next()
        for _ in range(3):
            session.answer(Rating.GOOD)
        result = optimize(services.db, services.study.settings)
        assert result.outcome is Outcome.TOO_LITTLE_HISTORY
        assert result.reviews == 3 and result.training_reviews == 0
        assert "at least 400" in result.message and "So far you have 0" in result.message
        assert load_parameters(services.db) is None
    finally:
        services.close()


def test_unusable_stored_parameters_fall_back_to_the_defaults(tmp_path: Path,
                                                              clock: FakeClock) -> None:
    db = open_database(tmp_path / "p.sqlite", clock)
    try:
        save_parameters(db, [0.5, 1.0, 2.0])  # far too few for FSRS-6
        assert usable_settings(db, SETTINGS).parameters is None
        db.execute("UPDATE settings SET value = 'not json' WHERE key = 'fsrs_parameters'")
        assert usable_settings(db, SETTINGS).parameters is None
    finally:
        db.close()


def test_the_command_reports_figures_and_saves(josh_data_dir: Path, after_log: datetime,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(josh_data_dir), "optimize", "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["outcome"] == "improved" and report["saved"] is False
    assert report["held_out"]["log_loss_after"] < report["held_out"]["log_loss_before"]
    assert len(report["new_parameters"]) == len(DEFAULT_PARAMETERS)

    assert main(["--data-dir", str(josh_data_dir), "optimize"]) == 0
    out = capsys.readouterr().out
    assert "Your schedule now uses them." in out
    assert "log loss" in out and "RMSE" in out
    db = open_database(Config(josh_data_dir).database_path, FakeClock(after_log))
    try:
        assert load_parameters(db) == tuple(report["new_parameters"])
    finally:
        db.close()


def test_unusable_stored_parameters_are_replaced_not_a_crash(josh_data_dir: Path,
                                                            after_log: datetime) -> None:
    db = open_database(Config(josh_data_dir).database_path, FakeClock(after_log))
    try:
        save_parameters(db, [1.0] * 19)  # an older FSRS's length: the scheduler refuses it
        result = optimize(db, SETTINGS)
        assert result.current == pytest.approx(tuple(DEFAULT_PARAMETERS), abs=1e-4)
        assert result.outcome is Outcome.IMPROVED
        assert load_parameters(db) == result.new
    finally:
        db.close()
