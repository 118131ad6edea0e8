"""StudySettings: checked when made and when changed, immutable, copied whole."""

from __future__ import annotations

import copy
import pickle
from datetime import UTC, timedelta

import pytest

from trainer.domain.settings import StudySettings


def test_defaults_are_a_new_reps() -> None:
    settings = StudySettings()
    assert settings.desired_retention == 0.90
    assert settings.learning_steps == (timedelta(minutes=1), timedelta(minutes=10))
    assert settings.relearning_steps == (timedelta(minutes=10),)
    assert (settings.day_start_hour, settings.fuzz, settings.parameters) == (4, True, None)


def test_replace_changes_only_what_it_names() -> None:
    settings = StudySettings(timezone=UTC, fuzz=False)
    changed = settings.replace(day_start_hour=13, parameters=(0.5,) * 21)
    assert (changed.day_start_hour, changed.parameters) == (13, (0.5,) * 21)
    assert (changed.timezone, changed.fuzz) == (UTC, False)
    assert settings.day_start_hour == 4  # the original is untouched


@pytest.mark.parametrize("changes", [{"desired_retention": 0.5},
                                     {"desired_retention": 1.0},
                                     {"day_start_hour": 24}])
def test_out_of_range_values_are_refused_when_made_and_when_changed(
        changes: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        StudySettings(**changes)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        StudySettings().replace(**changes)


def test_an_unknown_field_is_refused() -> None:
    with pytest.raises(TypeError, match="day_start"):
        StudySettings().replace(day_start=5)


def test_settings_cannot_be_changed_in_place() -> None:
    settings = StudySettings()
    with pytest.raises(AttributeError):
        settings.fuzz = False
    with pytest.raises(AttributeError):
        del settings.fuzz
    assert settings.fuzz is True


def test_equal_when_every_field_but_the_time_zone_is() -> None:
    assert StudySettings(timezone=UTC) == StudySettings()
    assert hash(StudySettings(timezone=UTC)) == hash(StudySettings())
    assert StudySettings(day_start_hour=5) != StudySettings()
    assert StudySettings(parameters=(1.0,)) != StudySettings()


def test_copies_and_pickles_keep_every_field() -> None:
    settings = StudySettings(desired_retention=0.85, learning_steps=(timedelta(minutes=2),),
                             fuzz=False, timezone=UTC, parameters=(0.25,) * 21)
    for clone in (copy.copy(settings), copy.deepcopy(settings),
                  pickle.loads(pickle.dumps(settings))):
        assert clone == settings
        assert clone.timezone == UTC
        assert repr(clone) == repr(settings)
