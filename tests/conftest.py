"""Shared fixtures: a fake clock, a temporary profile, the reference dates."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# GUI tests run without a display unless someone asks for a real one.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The window follows the system's language; tests read its English texts whatever this
# machine's locale is (a German test chooses German itself).
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _closes_what_it_opens(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A test that leaves a profile database open fails: an open connection holds the
    file (and its lock on Windows) and hides a missing close in the code under test."""
    from trainer.storage.store import Store

    opened: list[Store] = []
    real_init = Store.__init__

    def tracked(self: Store, *args: object, **kwargs: object) -> None:
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]
        opened.append(self)

    monkeypatch.setattr(Store, "__init__", tracked)
    yield
    left = [str(store.path) for store in opened if not store.closed]
    assert not left, f"the test left {len(left)} database(s) open: {left[:3]}"


@pytest.fixture(autouse=True)
def _own_config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The start-at-login entry goes to the test's folder, never the user's ~/.config."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def clock() -> FakeClock:
    """Noon UTC on a fixed day; tests move it by hand."""
    return FakeClock(datetime(2026, 3, 10, 12, 0, tzinfo=UTC))


@pytest.fixture
def settings() -> StudySettings:
    """Default scheduling, no fuzz, days in UTC so day boundaries are predictable."""
    return StudySettings(fuzz=False, timezone=UTC)


@pytest.fixture
def quiz_decks(tmp_path: Path) -> Path:
    """A decks folder holding tests/data/quiz_deck.toml (one question of every type)."""
    folder = tmp_path / "decks"
    folder.mkdir()
    shutil.copy(REPO / "tests" / "data" / "quiz_deck.toml", folder)
    return folder


@pytest.fixture
def card_decks(tmp_path: Path) -> Path:
    """A decks folder holding tests/data/cards_deck.toml (30 plain cards)."""
    folder = tmp_path / "card-decks"
    folder.mkdir()
    shutil.copy(REPO / "tests" / "data" / "cards_deck.toml", folder)
    return folder


@pytest.fixture
def practice_decks(tmp_path: Path) -> Path:
    """A decks folder holding tests/data/practice_deck.toml (two cards, two practice
    items)."""
    folder = tmp_path / "practice-decks"
    folder.mkdir()
    shutil.copy(REPO / "tests" / "data" / "practice_deck.toml", folder)
    return folder


@pytest.fixture
def mixed_decks(tmp_path: Path) -> Path:
    """A decks folder holding the quiz test deck and the 30 practice cards."""
    folder = tmp_path / "decks"
    folder.mkdir()
    for name in ("quiz_deck.toml", "cards_deck.toml"):
        shutil.copy(REPO / "tests" / "data" / name, folder)
    return folder


@pytest.fixture
def right_answers() -> dict[str, Response]:
    """The right answer to each question of tests/data/quiz_deck.toml's "mixed" quiz."""
    return {
        "q-single": Response(chosen=("b",)),
        "q-multi": Response(chosen=("a", "b")),
        "q-tf": Response(truth=False),
        "q-scenario": Response(chosen=("a",)),
        "q-match": Response(matches=("1", "2", "3")),
        "q-order": Response(order=("first", "second", "third", "fourth")),
    }


@pytest.fixture
def services(tmp_path: Path, clock: FakeClock, settings: StudySettings) -> Iterator[Services]:
    """A fresh profile with the built-in decks loaded."""
    s = open_services(Config(tmp_path / "data"), clock, settings)
    yield s
    s.close()
