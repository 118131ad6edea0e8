"""What an importer hands over: decks ready to install, their media, optional review
history, and what was skipped (with file, line and reason)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from trainer.domain.deck import Deck
from trainer.domain.errors import Problem, TrainerError
from trainer.domain.scheduling import Rating


class ImportFormatError(TrainerError):
    """A file that cannot be imported at all; the message names the file (and line)."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        where = self.path + (f":{line}" if line is not None else "")
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class HistoryEntry:
    """One past review of an imported card (from Anki's review log)."""

    deck_id: str
    item_key: str
    reviewed_at: datetime  # aware, UTC
    rating: Rating
    duration_ms: int


@dataclass
class ImportBundle:
    """Everything read from one file, nothing written yet."""

    source: Path
    decks: list[Deck] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)  # safe file name -> content
    history: list[HistoryEntry] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    # True when deck ids are made from deck names (CSV, GIFT, Anki), not chosen by a
    # trainer: a file can then land on an installed deck just by sharing its name.
    ids_from_names: bool = False
    # (deck id, item id) of cards suspended or buried in the file (Anki): they arrive
    # suspended, not as new cards to study.
    suspended: set[tuple[str, str]] = field(default_factory=set)
    # What kind of file this was ("anki", "gift", "csv", "trainerdeck", "toml"; "" when
    # the reader did not say, and the importer goes by the file's name).
    kind: str = ""
    # Deck id -> the id the source itself gives that deck (Anki's deck id), which
    # survives a rename there.
    origins: dict[str, str] = field(default_factory=dict)
    # Item id -> (Anki note GUID, card ordinal): the card's identity in Anki, which
    # survives the note being moved to another deck there.
    notes: dict[str, tuple[str, int]] = field(default_factory=dict)

    @property
    def item_count(self) -> int:
        """Cards and questions across all decks."""
        return sum(len(d.cards) + sum(len(q.questions) for q in d.quizzes) for d in self.decks)


def slug(text: str, fallback: str = "item", limit: int = 48) -> str:
    """A deck or item id made from free text: lowercase ASCII words joined by '-'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())
    value = "-".join(words)[:limit].strip("-")
    return value or fallback


def stable_key(prefix: str, *parts: str) -> str:
    """An id that stays the same for the same content, for items that have no id of
    their own (so a second import updates rather than duplicates)."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]
    return f"{prefix}-{digest}"
