"""What a deck is once parsed: metadata, sources and cards."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.i18n import Context

if TYPE_CHECKING:
    # Only named in annotations: a card's sources are read at start-up without loading
    # the quiz model.
    from trainer.domain.practice import PracticeItem
    from trainer.domain.quiz import Assessment, LearningPath, Quiz


class DeckText(Context):
    """How a source is credited on a card."""


@dataclass(frozen=True)
class Source:
    """An article or book that deck items are drawn from, credited to its author or publisher."""

    id: str
    title: str
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    # The article has no title of its own: ``title`` describes it and says so.
    descriptive_title: bool = False
    # The article names neither author nor publisher: the credit says that, not a name.
    unattributed: bool = False

    def credit(self) -> str:
        """A one-line credit such as "Title — Author (Publisher)"; a descriptive title
        is shown as such, and an article naming no one says so."""
        title = DeckText.tr("{title} (untitled article; title describes it)").format(
            title=self.title) if self.descriptive_title else self.title
        who = [w for w in (self.author, self.publisher) if w]
        if not who:
            return DeckText.tr("{title} — author not named").format(title=title) \
                if self.unattributed else title
        if len(who) == 2:
            return f"{title} — {who[0]} ({who[1]})"
        return f"{title} — {who[0]}"


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
