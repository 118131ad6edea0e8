"""Imports: pictures staged for after the commit, where decks and items came from, and
pictures stored once per profile (0006, 0010)."""

from __future__ import annotations

from sqlite_utils import Database

from trainer.storage.migrations.sql import run


def pending_media(db: Database) -> None:
    """Imports whose pictures were staged but not yet put in place. The row is written
    in the transaction that installs the decks; the pictures are moved after the
    commit and the row deleted. A crash in between leaves the row, and the next start
    finishes the move, so a deck never stays without its pictures."""
    run(db, """
        CREATE TABLE pending_media (
            staging TEXT PRIMARY KEY,
            decks TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """)


def origins_and_media_store(db: Database) -> None:
    """Where each deck and item came from, and pictures stored once per profile.

    ``decks.origin`` is the kind of file a deck was imported from (``anki``, ``gift``,
    ``csv``, ``trainerdeck``, ``toml``; ``builtin`` and ``mine`` for the app's own) and
    ``origin_id`` the id that file gives it (Anki's deck id), so a deck renamed in Anki
    stays one deck and a file of another kind never lands on it by sharing its name.
    Decks installed before are given the kind their file's name says. ``item_origins``
    holds an imported Anki card's note GUID and card ordinal, which follow a note moved
    to another deck.

    ``media_files`` names each deck's pictures: (deck, the name its cards use) -> the
    SHA-256 of the content and the name's extension, the file being
    ``media/<sha256>.<ext>`` once for the whole profile. The pictures of the old
    per-deck folders are moved in when the profile is next opened (library/media.py),
    after their rows commit."""
    run(db, """
        ALTER TABLE decks ADD COLUMN origin TEXT;
        ALTER TABLE decks ADD COLUMN origin_id TEXT;
        CREATE INDEX decks_origin ON decks (origin, origin_id);
        UPDATE decks SET origin = CASE
            WHEN builtin THEN 'builtin'
            WHEN id = 'my-cards' THEN 'mine'
            WHEN lower(source_file) LIKE '%.apkg' OR lower(source_file) LIKE '%.colpkg'
                THEN 'anki'
            WHEN lower(source_file) LIKE '%.gift' OR lower(source_file) LIKE '%.gift.txt'
                THEN 'gift'
            WHEN lower(source_file) LIKE '%.trainerdeck/%' THEN 'trainerdeck'
            WHEN lower(source_file) LIKE '%.csv' OR lower(source_file) LIKE '%.tsv'
                OR lower(source_file) LIKE '%.txt' THEN 'csv'
            WHEN lower(source_file) LIKE '%.toml' THEN 'toml'
        END;
        CREATE TABLE item_origins (
            item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            note_guid TEXT NOT NULL,
            card_ord INTEGER NOT NULL
        );
        CREATE INDEX item_origins_note ON item_origins (note_guid, card_ord);
        CREATE TABLE media_files (
            deck_id TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            hash TEXT NOT NULL,
            ext TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (deck_id, name)
        );
        CREATE INDEX media_files_hash ON media_files (hash, ext)
    """)
