"""The built-in decks, installed or updated as a profile opens: the usual start only
hashes their files; they are parsed only when one changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from trainer.clock import Clock
from trainer.content.builtin import builtin_decks_dir
from trainer.domain.errors import Problem
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
    if files and all(hashlib.sha256(f.read_bytes()).hexdigest() in known for f in files):
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
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                   [_SKIPPED_BUILTIN, json.dumps(sorted(skipped))])
    return report.problems


# Content hashes of built-in deck files left alone because the profile has a newer
# version (or a trainer's), so that the next start need not parse them again.
_SKIPPED_BUILTIN = "builtin_skipped"


def _skipped_builtin(db: Store) -> list[str]:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [_SKIPPED_BUILTIN]).fetchone()
    try:
        value = json.loads(row[0]) if row else []
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []
