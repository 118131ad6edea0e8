"""Settings the window changes: stored at once, used from the next answer, and refused
with a message naming the field (nothing stored) when wrong."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.errors import TrainerError
from trainer.domain.settings import StudySettings
from trainer.storage.settings_repo import load_settings


@pytest.fixture
def svc(tmp_path: Path, clock: FakeClock, settings: StudySettings, card_decks: Path
        ) -> Services:
    services = open_services(Config(tmp_path / "data"), clock, settings, card_decks)
    yield services  # type: ignore[misc]
    services.close()


def test_scheduling_is_stored_and_used_at_once(svc: Services) -> None:
    saved = svc.settings.save_scheduling(desired_retention=0.85, learning_steps="30s 5m 1h",
                                         relearning_steps="15m", day_start_hour=6)
    assert svc.study.settings is saved
    assert saved.learning_steps == (timedelta(seconds=30), timedelta(minutes=5),
                                    timedelta(hours=1))
    stored = load_settings(svc.db)
    assert (stored.desired_retention, stored.day_start_hour) == (0.85, 6)
    assert stored.relearning_steps == (timedelta(minutes=15),)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("learning_steps", "1m ten", "Learning steps: step 'ten' should look like 30s, 10m"),
    ("learning_steps", "", "Learning steps: give at least one"),
    ("relearning_steps", "2d", "Steps must be shorter than a day"),
    ("desired_retention", 0.5, "Desired retention must be between 0.70 and 0.99"),
])
def test_a_wrong_field_is_named_and_nothing_is_stored(svc: Services, field: str,
                                                      value: object, message: str) -> None:
    fields: dict[str, object] = {"desired_retention": 0.9, "learning_steps": "1m 10m",
                                 "relearning_steps": "10m", "day_start_hour": 4}
    fields[field] = value
    before = svc.db.execute("SELECT * FROM settings ORDER BY key").fetchall()
    with pytest.raises(TrainerError, match=message):
        svc.settings.save_scheduling(**fields)  # type: ignore[arg-type]
    assert svc.db.execute("SELECT * FROM settings ORDER BY key").fetchall() == before


def test_deck_limits_and_theme(svc: Services) -> None:
    (deck,) = svc.settings.deck_limits()
    assert (deck.deck_id, deck.new_per_day) == ("cards", 20)
    svc.settings.set_limits("cards", 5, 100)
    assert svc.study.counts("cards").new == 5
    with pytest.raises(TrainerError, match="Daily limits are from 0 to 9999"):
        svc.settings.set_limits("cards", -1, 100)
    assert svc.settings.theme() == "system"
    svc.settings.set_theme("dark")
    assert svc.settings.theme() == "dark"
    with pytest.raises(TrainerError):
        svc.settings.set_theme("purple")


def test_a_higher_retention_means_more_reviews(svc: Services) -> None:
    low, high = svc.settings.workload(0.80), svc.settings.workload(0.97)
    assert 0 < low.reviews_per_day < high.reviews_per_day
    assert 0 < low.minutes_per_day < high.minutes_per_day
    # The estimate is a seeded simulation: the same every time.
    assert svc.settings.workload(0.80) == low
