"""Where installed decks and items came from: the kind of file, the id that file gives
a deck (Anki's deck id) and an Anki card's note GUID and ordinal (migration 0010).

Imports read these to tell a deck renamed in Anki from a new one, to follow a note
moved to another deck there, and to keep a file of another kind off a deck that merely
shares its name; they write them after installing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from trainer.storage.store import Store


@dataclass(frozen=True)
class InstalledDeck:
    """An installed deck as imports compare against it."""

    id: str
    title: str
    origin: str | None  # None: installed before origins were kept, and not guessable
    origin_id: str | None  # the id its file gave it (Anki's deck id), if any


@dataclass(frozen=True)
class AnkiItem:
    """An installed item that came from an Anki package."""

    item_id: int
    deck_id: str
    key: str
    retired: bool
    guid: str | None  # None: imported before GUIDs were kept (its key still says it)
    ord: int | None


def installed_decks(db: Store) -> dict[str, InstalledDeck]:
    """Every installed deck with its origin, by id."""
    # Built-in decks and the rep's own are installed without an origin: it goes without
    # saying.
    return {r[0]: InstalledDeck(r[0], r[1], r[2], r[3]) for r in db.execute(
        "SELECT id, title, coalesce(origin, CASE WHEN builtin THEN 'builtin' "
        "WHEN id = 'my-cards' THEN 'mine' END), origin_id FROM decks")}


def anki_items(db: Store) -> list[AnkiItem]:
    """Every item of the decks imported from Anki, retired ones too."""
    return [AnkiItem(int(r[0]), r[1], r[2], bool(r[3]), r[4],
                     None if r[5] is None else int(r[5]))
            for r in db.execute(
                "SELECT i.id, i.deck_id, i.key, i.retired, o.note_guid, o.card_ord "
                "FROM items i JOIN decks d ON d.id = i.deck_id "
                "LEFT JOIN item_origins o ON o.item_id = i.id WHERE d.origin = 'anki'")]


def active_keys(db: Store, deck_id: str) -> set[str]:
    """The keys of a deck's items that are not retired."""
    return {r[0] for r in db.execute(
        "SELECT key FROM items WHERE deck_id = ? AND retired = 0", [deck_id])}


def all_keys(db: Store, deck_id: str) -> set[str]:
    """The keys of all a deck's items, retired ones too."""
    return {r[0] for r in db.execute("SELECT key FROM items WHERE deck_id = ?", [deck_id])}


def remember_deck(db: Store, deck_id: str, origin: str, origin_id: str | None) -> None:
    """Record the kind of file a deck was (last) installed from and the id it gave it."""
    db.execute("UPDATE decks SET origin = ?, origin_id = ? WHERE id = ?",
               [origin, origin_id, deck_id])


def remember_notes(db: Store, deck_id: str, notes: Mapping[str, tuple[str, int]]) -> None:
    """Record the Anki note GUID and card ordinal of a deck's items, by item key."""
    rows = [[key, guid, ord_] for key, (guid, ord_) in notes.items()]
    # Many notes to a statement: a statement each took longer than the items' insert.
    per_statement = max(1, min(500, db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
                               // 3 - 1))
    for start in range(0, len(rows), per_statement):
        batch = rows[start:start + per_statement]
        db.conn.execute(
            "INSERT OR REPLACE INTO item_origins (item_id, note_guid, card_ord) "
            "SELECT i.id, v.column2, v.column3 FROM (VALUES "
            + ", ".join(["(?, ?, ?)"] * len(batch)) + ") AS v "
            "JOIN items AS i ON i.deck_id = ? AND i.key = v.column1",
            [value for row in batch for value in row] + [deck_id])


def move_items(db: Store, target: str, moves: Mapping[int, tuple[str, str]]) -> list[int]:
    """Move items (item id -> the deck it is in now, and its key in ``target``) into
    ``target`` with their schedule and answers; returns the ids that were no longer
    where the plan saw them (nothing is moved for those)."""
    gone: list[int] = []
    for item_id, (source, key) in moves.items():
        moved = db.execute("UPDATE items SET deck_id = ?, key = ? WHERE id = ? AND deck_id = ?",
                           [target, key, item_id, source]).rowcount
        if not moved:
            gone.append(item_id)
            continue
        db.execute("UPDATE item_state SET deck_id = ? WHERE item_id = ?", [target, item_id])
        # The answers go with the item: statistics and exports count them in its deck.
        db.execute("UPDATE reviews SET deck_id = ? WHERE item_id = ?", [target, item_id])
    return gone
