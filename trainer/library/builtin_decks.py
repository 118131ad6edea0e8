"""The built-in decks, installed or updated as a profile opens: the usual start only
looks at their files' sizes and times; they are read and hashed only when one of those
changed, and parsed only when one's content did."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from trainer.clock import Clock
from trainer.content.builtin import builtin_decks_dir
from trainer.domain.errors import Problem
from trainer.storage.settings_repo import store_value, stored_value
from trainer.storage.store import Store


def load_builtin_decks(db: Store, clock: Clock, folder: Path | None = None,
                       before_update: Callable[[], object] | None = None) -> list[Problem]:
    """Install or update the built-in decks; a bad file is reported, the rest still load.

    A built-in deck never replaces a newer version of itself, nor a version a trainer
    sent (installed from a file) unless the built-in one is newer still: start-up must
    never undo an update. ``before_update`` runs once before an installed deck changes.
    """
    folder = folder or builtin_decks_dir()
    files = sorted(folder.rglob("*.toml"))
    known = {r[0] for r in db.execute("SELECT content_hash FROM decks WHERE builtin = 1")}
    known |= set(_skipped_builtin(db))
    if files and all(content_hash in known for content_hash in _content_hashes(db, files)):
        return []  # the usual start: nothing changed, so nothing needs parsing
    # Parsing and installing are needed only now, when a built-in deck changed.
    from trainer.content.check import check_paths
    from trainer.domain.deck import version_key
    from trainer.storage.decks_repo import install_deck

    report = check_paths([folder])
    backed_up = False
    skipped: list[str] = []
    for deck in report.decks:
        row = db.execute("SELECT version, builtin, content_hash FROM decks WHERE id = ?",
                         [deck.id]).fetchone()
        if row is not None:
            version, builtin, content_hash = row
            if content_hash == deck.content_hash and builtin:
                continue
            newer = version_key(deck.version) > version_key(version)
            if not newer and (not builtin or version_key(deck.version) < version_key(version)):
                skipped.append(deck.content_hash)
                continue
            if not backed_up and before_update is not None:
                before_update()
                backed_up = True
        install_deck(db, deck, clock, builtin=True)
    store_value(db, _SKIPPED_BUILTIN, sorted(skipped))
    return report.problems


# Content hashes of built-in deck files left alone because the profile has a newer
# version (or a trainer's), so that the next start need not parse them again.
_SKIPPED_BUILTIN = "builtin_skipped"


def _skipped_builtin(db: Store) -> list[str]:
    value = stored_value(db, _SKIPPED_BUILTIN)
    return [str(v) for v in value] if isinstance(value, list) else []


# Each built-in deck file's content hash as an earlier start found it, with the file's
# size, modification time, change time and inode then, as git's index keeps them: while
# all four are the same, the file is neither read nor hashed (importing hashlib alone
# took 2.5 ms of a start). The modification time alone is not enough: an install may
# give every file a fixed one (Flatpak's is 0; cp -a and tar keep the packager's), but
# rewriting a file changes its change time and copying one in gives it a new inode. As
# git does with "racy" files, a file changed in the last few seconds is not recorded:
# a second change within the file system's clock tick could keep all four.
_FILE_HASHES = "builtin_file_hashes"
_STAMP_FIELDS = 4  # size, mtime, ctime, inode
_RACY_NS = 3_000_000_000


def _content_hashes(db: Store, files: Sequence[Path]) -> list[str]:
    """The SHA-256 of each file's content, as ``content_hash`` in the decks table."""
    recorded = _recorded_hashes(db)
    hashes: list[str] = []
    keep: dict[str, list[int | str]] = {}
    now = time.time_ns()
    for path in files:
        stat = path.stat()
        stamp: list[int | str] = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns,
                                  stat.st_ino]
        entry = recorded.get(str(path))
        if entry is not None and entry[:_STAMP_FIELDS] == stamp:
            content_hash = str(entry[_STAMP_FIELDS])
        else:
            import hashlib

            content_hash = hashlib.sha256(path.read_bytes()).hexdigest()
        hashes.append(content_hash)
        if now - stat.st_ctime_ns > _RACY_NS:
            keep[str(path)] = [*stamp, content_hash]
    if keep != recorded:
        _record_hashes(db, keep)
    return hashes


def _record_hashes(db: Store, keep: dict[str, list[int | str]]) -> None:
    # Only a shortcut for the next start: if it cannot be written, that start reads and
    # hashes the files as this one did (a failed commit is rolled back by Store.atomic).
    with contextlib.suppress(sqlite3.Error):
        store_value(db, _FILE_HASHES, keep)


def _recorded_hashes(db: Store) -> dict[str, list[int | str]]:
    value = stored_value(db, _FILE_HASHES)
    if not isinstance(value, dict):
        return {}
    return {str(path): entry for path, entry in value.items()
            if isinstance(entry, list) and len(entry) == _STAMP_FIELDS + 1
            and all(isinstance(part, int) for part in entry[:_STAMP_FIELDS])
            and isinstance(entry[_STAMP_FIELDS], str)}
