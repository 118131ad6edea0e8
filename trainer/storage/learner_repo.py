"""Who the rep is in what they send: a pseudonymous learner id, made once per profile,
and the display name they choose, both kept in the ``settings`` table."""

from __future__ import annotations

import json
import uuid
from typing import Any

from trainer.storage.store import Store

LEARNER_ID_KEY = "learner_id"
DISPLAY_NAME_KEY = "display_name"
MAX_DISPLAY_NAME = 100


def _setting(db: Store, key: str) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return None if row is None else json.loads(row[0])


def learner_id(db: Store) -> str:
    """The profile's pseudonymous learner id, made (uuid4) and stored on first use."""
    stored = _setting(db, LEARNER_ID_KEY)
    if isinstance(stored, str) and stored:
        return stored
    new = str(uuid.uuid4())
    with db.atomic():
        # OR IGNORE: if another window made one meanwhile, theirs stands and is read back.
        db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                   [LEARNER_ID_KEY, json.dumps(new)])
    return str(_setting(db, LEARNER_ID_KEY))


def stored_display_name(db: Store) -> str | None:
    """The name the rep chose to appear under in exports, if any."""
    stored = _setting(db, DISPLAY_NAME_KEY)
    return stored if isinstance(stored, str) and stored else None


def clean_display_name(name: str) -> str:
    """The name as it will be stored: runs of spaces, tabs and line breaks become one
    space. Raises ValueError for a name too long or holding control characters."""
    name = " ".join(name.split())
    if len(name) > MAX_DISPLAY_NAME:
        raise ValueError(f"the display name is longer than {MAX_DISPLAY_NAME} characters")
    if not name.isprintable():
        raise ValueError("the display name holds control characters")
    return name


def set_display_name(db: Store, name: str) -> str | None:
    """Store the display name (see ``clean_display_name``); an empty name removes it."""
    name = clean_display_name(name)
    with db.atomic():
        if name:
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                       [DISPLAY_NAME_KEY, json.dumps(name)])
        else:
            db.execute("DELETE FROM settings WHERE key = ?", [DISPLAY_NAME_KEY])
    return name or None
