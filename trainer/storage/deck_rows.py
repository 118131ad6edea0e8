"""The installed decks as the home screen lists them (a light module: it is on the
start-up path, so it imports nothing about deck contents)."""

from __future__ import annotations

import json
from typing import NamedTuple

from trainer.storage.store import Store


class DeckRow(NamedTuple):
    """An installed deck as the deck list needs it."""

    id: str
    title: str
    version: str
    description: str
    new_per_day: int
    reviews_per_day: int
    sources: tuple[dict[str, str | None], ...]
    has_items: bool = False  # any cards or questions (a path-only deck has none)
    builtin: bool = True  # shipped with the app, rather than imported or sent


def list_decks(db: Store) -> list[DeckRow]:
    """Every installed deck: decks the rep imported (or a trainer sent) first, newest
    first, so a new one is found at once; then the built-in decks, by title."""
    return [
        DeckRow(r[0], r[1], r[2], r[3], r[4], r[5], tuple(json.loads(r[6])), bool(r[7]),
                bool(r[8]))
        for r in db.execute(
            "SELECT id, title, version, description, new_per_day, reviews_per_day, sources, "
            "EXISTS (SELECT 1 FROM items i WHERE i.deck_id = d.id AND i.retired = 0), builtin "
            "FROM decks d ORDER BY builtin, CASE WHEN builtin THEN '' ELSE installed_at END "
            "DESC, title COLLATE NOCASE"
        )
    ]
