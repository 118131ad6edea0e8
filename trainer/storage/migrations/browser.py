"""The browser's marks, notes, full-text index and resets (0008, 0009)."""

from __future__ import annotations

from sqlite_utils import Database

from trainer.storage.migrations.sql import run


def browser(db: Database) -> None:
    """What the browser keeps per item, and its full-text index.

    ``suspended`` and ``flag`` are the rep's own marks on an item's schedule: a
    suspended item is kept out of study (``active`` is 0 while it is, whatever a deck
    update does) until unsuspended. ``item_notes`` holds a personal note per item. Both
    belong to the item's stable id, so deck updates keep them. ``items_fts`` indexes
    every item's text for search as you type; triggers keep it in step with ``items``.
    """
    for statement in (
        "ALTER TABLE item_state ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE item_state ADD COLUMN flag INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE item_notes (
            item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            note TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE VIRTUAL TABLE items_fts USING fts5(
            front, back, tags, topic, key, content='items', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
            INSERT INTO items_fts (rowid, front, back, tags, topic, key)
            VALUES (new.id, new.front, new.back, new.tags, new.topic, new.key);
        END""",
        """CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
            INSERT INTO items_fts (items_fts, rowid, front, back, tags, topic, key)
            VALUES ('delete', old.id, old.front, old.back, old.tags, old.topic, old.key);
        END""",
        """CREATE TRIGGER items_fts_update AFTER UPDATE OF front, back, tags, topic, key
            ON items BEGIN
            INSERT INTO items_fts (items_fts, rowid, front, back, tags, topic, key)
            VALUES ('delete', old.id, old.front, old.back, old.tags, old.topic, old.key);
            INSERT INTO items_fts (rowid, front, back, tags, topic, key)
            VALUES (new.id, new.front, new.back, new.tags, new.topic, new.key);
        END""",
        "INSERT INTO items_fts (items_fts) VALUES ('rebuild')",
    ):
        db.execute(statement)


def item_resets(db: Database) -> None:
    """The browser's "reset to new": one row per reset, naming the latest answer the item
    had then (``after_review``, NULL when none). The answers stay (as Anki keeps them);
    Check Database reads a reset that comes after an item's latest answer as its state
    being new, not as a state to rebuild from that answer."""
    run(db, """
        CREATE TABLE item_resets (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            after_review INTEGER,
            reset_at TEXT NOT NULL
        );
        CREATE INDEX item_resets_item ON item_resets (item_id, after_review);
    """)
