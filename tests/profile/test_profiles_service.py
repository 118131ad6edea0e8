"""Profiles managed from the window: create, rename and delete (moved aside whole),
never the open one or one another window has."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.app import open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.errors import TrainerError
from trainer.domain.settings import StudySettings
from trainer.profile.lock import WINDOW, ProfileLock
from trainer.profile.profiles_service import ProfilesService


def test_create_rename_delete(tmp_path: Path, clock: FakeClock, settings: StudySettings,
                              card_decks: Path) -> None:
    data = tmp_path / "data"
    open_services(Config(data, "Ann"), clock, settings, card_decks).close()
    service = ProfilesService(Config(data, "default"), clock)
    assert [(p.name, p.has_data) for p in service.profiles()] == [("Ann", True),
                                                                  ("default", False)]
    assert service.create("Practice") == "Practice"
    with pytest.raises(TrainerError, match="already a profile called 'practice'"):
        service.create("practice")
    with pytest.raises(TrainerError, match="cannot be a profile name"):
        service.create("../evil")
    assert service.rename("Ann", "Ann Lee") == "Ann Lee"
    assert (data / "profiles" / "Ann Lee" / "trainer.sqlite").is_file()
    with pytest.raises(TrainerError, match="open in this window"):
        service.delete("default")
    moved = service.delete("Ann Lee")
    assert moved.parent == data / "deleted-profiles" and (moved / "trainer.sqlite").is_file()
    assert [p.name for p in service.profiles()] == ["default", "Practice"]


def test_a_profile_another_window_has_is_left_alone(tmp_path: Path, clock: FakeClock
                                                    ) -> None:
    data = tmp_path / "data"
    service = ProfilesService(Config(data, "default"), clock)
    service.create("Busy")
    lock = ProfileLock(data / "profiles" / "Busy", WINDOW, clock).take()
    try:
        with pytest.raises(TrainerError, match="'Busy' is in use"):
            service.delete("Busy")
        with pytest.raises(TrainerError, match="'Busy' is in use"):
            service.rename("Busy", "Other")
    finally:
        lock.release()
    assert (data / "profiles" / "Busy").is_dir()
