"""What a deck is once parsed: metadata, sources and cards."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.domain.source import Source as Source  # its old home: still imported from here

if TYPE_CHECKING:
    # Only named in annotations: a card's sources are read at start-up without loading
    # the quiz model.
    from trainer.domain.practice import PracticeItem
    from trainer.domain.quiz import Assessment, LearningPath, Quiz


@dataclass(frozen=True)
class Card:
    """A flashcard: a front to recall from and a back to check against, both Markdown."""

    id: str
    front: str
    back: str
    topic: str
    tags: tuple[str, ...] = ()
    source: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Deck:
    """A parsed deck file."""

    id: str
    title: str
    version: str
    description: str = ""
    authors: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    cards: tuple[Card, ...] = ()
    path: Path | None = None
    format: int = 1
    content_hash: str = ""
    quizzes: tuple[Quiz, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    paths: tuple[LearningPath, ...] = ()
    practice: tuple[PracticeItem, ...] = ()

    def source(self, source_id: str | None) -> Source | None:
        """The source with this id, if the deck has one."""
        for s in self.sources:
            if s.id == source_id:
                return s
        return None


def version_key(version: str) -> tuple[int, ...]:
    """Turn "1.2.10" into (1, 2, 10) so versions compare as numbers."""
    return tuple(int(p) for p in version.split("."))
