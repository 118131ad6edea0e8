"""A profile with one deck of plain cards and its study service, for the study tests.
What is opened here is closed after each test by tests/study/conftest.py."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from trainer.clock import FakeClock
from trainer.domain.deck import Card, Deck
from trainer.domain.settings import StudySettings
from trainer.storage.database import open_database
from trainer.storage.decks_repo import install_deck
from trainer.storage.store import Store
from trainer.study.service import StudyService

_opened: list[Store] = []


def one_deck_service(path: Path, clock: FakeClock, n: int, **settings: object) -> StudyService:
    """Deck "d" of ``n`` cards in a new profile at ``path``, without fuzz, in UTC unless
    ``settings`` say otherwise."""
    db = open_database(path, clock)
    _opened.append(db)
    cards = tuple(Card(f"c{i:02}", f"front {i}", f"back {i}", "t") for i in range(n))
    install_deck(db, Deck("d", "Deck", "1", cards=cards), clock)
    options: dict[str, object] = {"fuzz": False, "timezone": UTC, **settings}
    return StudyService(db, clock, StudySettings(**options))  # type: ignore[arg-type]


def close_opened() -> None:
    """Close every profile ``one_deck_service`` opened."""
    while _opened:
        _opened.pop().close()
