"""Practice replies: what a rep wrote (or said aloud) and the rubric checks they met."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from trainer.domain.practice import PracticeItem
from trainer.domain.scheduling import Rating
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db


@dataclass(frozen=True)
class ReplyRow:
    """One marked reply to a practice item."""

    id: int
    item_id: int
    answered_at: datetime
    mode: str  # "typed" or "aloud"
    reply: str | None
    met: tuple[str, ...]
    checks: tuple[str, ...]
    rating: Rating
    counted: bool  # False once its answer was undone: the text is kept, not the rating


class PracticeRepository:
    """Reads and writes ``practice_replies`` and practice items."""

    def __init__(self, db: Store) -> None:
        self.db = db

    def item(self, item_id: int) -> PracticeItem:
        """The installed practice item behind an item id."""
        row = self.db.execute(
            "SELECT key, topic, source, front, back, body FROM items "
            "WHERE id = ? AND kind = 'practice'", [item_id]).fetchone()
        if row is None:
            raise KeyError(item_id)
        return PracticeItem.from_row(row[0], row[1], row[2], row[3], row[4],
                                     json.loads(row[5] or "{}"))

    def record(self, *, item_id: int, review_id: int | None, at: datetime, mode: str,
               reply: str | None, met: tuple[str, ...], checks: tuple[str, ...],
               rating: Rating, duration_ms: int) -> int:
        """Store a marked reply (inside the caller's transaction, beside its review)."""
        cur = self.db.execute(
            "INSERT INTO practice_replies (item_id, review_id, answered_at, mode, reply, met, "
            "checks, rating, duration_ms, deck_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "(SELECT d.version FROM decks d JOIN items i ON i.deck_id = d.id WHERE i.id = ?))",
            [item_id, review_id, to_db(at), mode, reply, json.dumps(list(met)),
             json.dumps(list(checks)), int(rating), duration_ms, item_id])
        return int(cur.lastrowid or 0)

    def replies(self, item_id: int, limit: int = 20) -> list[ReplyRow]:
        """The item's replies, newest first."""
        return [
            ReplyRow(r[0], r[1], datetime.fromisoformat(r[2]), r[3], r[4], tuple(json.loads(r[5])),
                     tuple(json.loads(r[6])), Rating(r[7]), r[8] is not None)
            for r in self.db.execute(
                "SELECT id, item_id, answered_at, mode, reply, met, checks, rating, review_id "
                "FROM practice_replies WHERE item_id = ? ORDER BY answered_at DESC, id DESC "
                "LIMIT ?", [item_id, limit])
        ]
