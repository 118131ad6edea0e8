"""Fixtures for the progress export tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from progress_history import History, build_history

from trainer.app import open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings


@pytest.fixture
def history(tmp_path: Path, clock: FakeClock, settings: StudySettings, quiz_decks: Path,
            right_answers: dict[str, Response]) -> Iterator[History]:
    """A profile with three days of history on the quiz test deck."""
    data_dir = tmp_path / "data"
    services = open_services(Config(data_dir), clock, settings, quiz_decks)
    build_history(services, clock, right_answers)
    yield History(services, clock, data_dir)
    services.close()
