"""tests/data/pricing_deck.toml (numerical questions and a matching question with a
distractor, in its quiz "margins"): a decks folder holding it, a profile that has it,
and the quiz taken."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings

DECK = Path(__file__).resolve().parent / "data" / "pricing_deck.toml"


def pricing_folder(folder: Path) -> Path:
    """``folder``, made, holding the pricing deck."""
    folder.mkdir()
    shutil.copy(DECK, folder)
    return folder


@contextmanager
def pricing_services(tmp_path: Path, clock: FakeClock,
                     settings: StudySettings) -> Iterator[Services]:
    """A profile in ``tmp_path`` with the pricing deck, closed afterwards."""
    services = open_services(Config(tmp_path / "data"), clock, settings,
                             pricing_folder(tmp_path / "decks"))
    try:
        yield services
    finally:
        services.close()


def take_margins(services: Services, clock: FakeClock, given: Mapping[str, Response],
                 certainty: int) -> None:
    """The quiz "margins" taken to the end: each question answered with ``given[its
    id]`` at ``certainty``, ten seconds after the one before."""
    run = services.quizzes.start("pricing", "margins")
    while (asked := run.current()) is not None:
        clock.advance(timedelta(seconds=10))
        run.answer(given[asked.question.id], certainty)
        run.advance()
    run.finish()
