"""A profile with no built-in decks, for the import tests: only what they import is in
it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.settings import StudySettings


@pytest.fixture
def svc(tmp_path: Path, clock: FakeClock, settings: StudySettings) -> Iterator[Services]:
    """The profile, closed after the test."""
    empty = tmp_path / "no-builtin"
    empty.mkdir()
    services = open_services(Config(tmp_path / "data"), clock, settings, empty)
    yield services
    services.close()
