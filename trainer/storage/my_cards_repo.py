"""The rep's own cards, in a deck of their own that no import or update touches."""

from __future__ import annotations

from datetime import datetime

from trainer.storage.store import Store
from trainer.storage.timefmt import to_db

MY_DECK = "my-cards"
MY_TITLE = "My cards"
MY_TOPIC = "my-cards"


class MyCardsRepository:
    """Adds, edits and removes the rep's own cards."""

    def __init__(self, db: Store) -> None:
        self.db = db

    def _ensure_deck(self, now: datetime) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO decks (id, title, version, description, installed_at, "
            "updated_at, builtin) VALUES (?, ?, '1', ?, ?, ?, 0)",
            [MY_DECK, MY_TITLE, "Cards you wrote yourself: the objections you hear, the "
             "lines that work for you. Updates and imports never change them.",
             to_db(now), to_db(now)])

    def add(self, front: str, back: str, topic: str, now: datetime) -> int:
        """A new card at the end of the deck, due as a new card; returns its item id."""
        with self.db.atomic():
            self._ensure_deck(now)
            row = self.db.execute(
                "SELECT coalesce(max(position), -1) + 1, coalesce(max(id), 0) FROM items "
                "WHERE deck_id = ?", [MY_DECK]).fetchone()
            position = int(row[0])
            number = int(self.db.execute(
                "SELECT count(*) FROM items WHERE deck_id = ?", [MY_DECK]).fetchone()[0]) + 1
            key = f"mine-{number}"
            while self.db.execute("SELECT 1 FROM items WHERE deck_id = ? AND key = ?",
                                  [MY_DECK, key]).fetchone():
                number += 1
                key = f"mine-{number}"
            cur = self.db.execute(
                "INSERT INTO items (deck_id, key, kind, topic, tags, front, back, position, "
                "created_at, updated_at) VALUES (?, ?, 'card', ?, '[]', ?, ?, ?, ?, ?)",
                [MY_DECK, key, topic, front, back, position, to_db(now), to_db(now)])
            item_id = int(cur.lastrowid or 0)
            self.db.execute("INSERT INTO item_state (item_id, deck_id, position, in_new_queue)"
                            " VALUES (?, ?, ?, 1)", [item_id, MY_DECK, position])
        return item_id

    def is_mine(self, item_id: int) -> bool:
        """Whether the item is one of the rep's own cards."""
        row = self.db.execute("SELECT deck_id FROM items WHERE id = ?", [item_id]).fetchone()
        return row is not None and row[0] == MY_DECK

    def edit(self, item_id: int, front: str, back: str, now: datetime) -> None:
        """New text for one of the rep's cards; its schedule and history stay."""
        with self.db.atomic():
            self.db.execute("UPDATE items SET front = ?, back = ?, updated_at = ? "
                            "WHERE id = ? AND deck_id = ?",
                            [front, back, to_db(now), item_id, MY_DECK])

    def remove(self, item_id: int, now: datetime) -> None:
        """Take one of the rep's cards out of study and the browser; its answers stay in
        the log (as for any retired item)."""
        with self.db.atomic():
            self.db.execute("UPDATE items SET retired = 1, updated_at = ? "
                            "WHERE id = ? AND deck_id = ?", [to_db(now), item_id, MY_DECK])
            self.db.execute("UPDATE item_state SET active = 0 WHERE item_id = ?", [item_id])
