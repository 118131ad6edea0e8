"""Which picture each deck shows under which name (migration 0010).

A picture is stored once per profile, as ``media/<sha256>.<ext>``; ``media_files``
maps (deck, the name its cards use) to that file. Rows are only ever added or pointed
at a new file, never deleted: an older backup of the database may still name a file,
so files are kept too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import NamedTuple

from trainer.storage.store import Store

# Kept as text: ``re`` compiles each when first used, when pictures are stored or the
# media folder tidied, never before the first card.
_EXT = r"[a-z0-9]{1,10}"
_STORED = r"[0-9a-f]{64}(\.[a-z0-9]{1,10})?"


class StoredPicture(NamedTuple):
    """A picture's content: its SHA-256 and the extension its file keeps."""

    hash: str
    ext: str

    @property
    def file_name(self) -> str:
        """The file's name in the profile's media folder."""
        return f"{self.hash}.{self.ext}" if self.ext else self.hash


def extension(name: str) -> str:
    """The extension a stored file keeps for a picture name: lower case letters and
    digits only ('' when the name has none that is safe), so Qt can tell the format."""
    ext = PurePosixPath(name).suffix[1:].lower()
    return ext if re.fullmatch(_EXT, ext) else ""


def is_stored_name(name: str) -> bool:
    """Whether a file name in the media folder is one the store wrote."""
    return re.fullmatch(_STORED, name) is not None


def record(db: Store, deck_id: str, pictures: Mapping[str, StoredPicture]) -> None:
    """Name a deck's pictures (name -> content); a name already there points at the
    new content."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO media_files (deck_id, name, hash, ext) VALUES (?, ?, ?, ?)",
        [[deck_id, name, p.hash, p.ext] for name, p in pictures.items()])


def record_missing(db: Store, rows: Iterable[tuple[str, str, StoredPicture]]) -> int:
    """Add (deck, name, content) rows for names a deck does not have yet (decks that
    are not installed are left out); returns how many were added."""
    before = db.conn.total_changes
    db.conn.executemany(
        "INSERT OR IGNORE INTO media_files (deck_id, name, hash, ext) "
        "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM decks WHERE id = ?)",
        [[deck, name, p.hash, p.ext, deck] for deck, name, p in rows])
    return db.conn.total_changes - before


def find(db: Store, deck_id: str, name: str) -> StoredPicture | None:
    """The content a deck shows under ``name``, if it has one."""
    row = db.execute("SELECT hash, ext FROM media_files WHERE deck_id = ? AND name = ?",
                     [deck_id, name]).fetchone()
    return None if row is None else StoredPicture(row[0], row[1])


def all_pictures(db: Store) -> dict[str, dict[str, StoredPicture]]:
    """Every deck's pictures: deck id -> name -> content."""
    out: dict[str, dict[str, StoredPicture]] = {}
    for deck_id, name, digest, ext in db.execute(
            "SELECT deck_id, name, hash, ext FROM media_files"):
        out.setdefault(deck_id, {})[name] = StoredPicture(digest, ext)
    return out


# Set (in the transaction that records them) once the pictures of the old per-deck
# folders, and of the old folders' catalogue, have rows: a database restored from
# before the store lacks it, so its pictures are looked up again.
_LAYOUT_KEY = "media_layout"


def has_shared_layout(db: Store) -> bool:
    """Whether this database has rows for the pictures of the old per-deck folders."""
    return db.execute("SELECT 1 FROM settings WHERE key = ?", [_LAYOUT_KEY]).fetchone() \
        is not None


def work_waiting(db: Store) -> bool:
    """Whether an import stopped before its pictures were in place (``pending_media``
    has a row), or the old per-deck folders were never moved into the store: then
    cards may name pictures that are not in the store yet."""
    row = db.execute("SELECT EXISTS (SELECT 1 FROM pending_media), "
                     "EXISTS (SELECT 1 FROM settings WHERE key = ?)", [_LAYOUT_KEY]).fetchone()
    return bool(row[0]) or not row[1]


def mark_shared_layout(db: Store) -> None:
    """Record, inside the caller's transaction, that the old folders are in the rows."""
    db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
               [_LAYOUT_KEY, '"shared"'])
