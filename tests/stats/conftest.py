"""A rep's history for the statistics, built through the real services with the fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from stats_history import History, build_history

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings


@pytest.fixture
def fresh(tmp_path: Path, clock: FakeClock, settings: StudySettings,
          mixed_decks: Path) -> Iterator[Services]:
    """A profile with the decks installed and nothing studied."""
    services = open_services(Config(tmp_path / "data"), clock, settings, mixed_decks)
    yield services
    services.close()


@pytest.fixture
def history(tmp_path: Path, clock: FakeClock, settings: StudySettings, mixed_decks: Path,
            right_answers: dict[str, Response]) -> Iterator[History]:
    """The profile after the history above; the clock stands just after the relearning."""
    data_dir = tmp_path / "data"
    services = open_services(Config(data_dir), clock, settings, mixed_decks)
    built = build_history(services, clock, right_answers)
    built.data_dir = data_dir
    yield built
    services.close()
