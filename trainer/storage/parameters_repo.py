"""The rep's own FSRS parameters, kept in the ``settings`` table as a JSON list.

Absent until an optimization finds parameters that predict this rep's memory better
than the defaults; the scheduler then uses them instead of py-fsrs's defaults.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

from trainer.storage.store import Store

KEY = "fsrs_parameters"


def load_parameters(db: Store) -> tuple[float, ...] | None:
    """The stored parameters, or ``None`` when the profile has none (or an unreadable
    value: the defaults are a safe fallback, a crash at start-up is not)."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [KEY]).fetchone()
    return None if row is None else parse_parameters(row[0])


def parse_parameters(stored: str) -> tuple[float, ...] | None:
    """The parameters in a stored ``settings`` value, or ``None`` when it is not a
    non-empty list of finite numbers."""
    try:
        value = json.loads(stored)
    except json.JSONDecodeError:
        return None
    if not isinstance(value, list) or not value:
        return None
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
        return None
    parameters = tuple(float(v) for v in value)
    return parameters if all(math.isfinite(v) for v in parameters) else None


def save_parameters(db: Store, parameters: Sequence[float]) -> None:
    """Store ``parameters``, replacing any stored before."""
    values = [float(v) for v in parameters]
    if not values or not all(math.isfinite(v) for v in values):
        raise ValueError("FSRS parameters must be a non-empty list of finite numbers")
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                   [KEY, json.dumps(values)])


def clear_parameters(db: Store) -> None:
    """Forget the stored parameters: scheduling goes back to the defaults."""
    with db.atomic():
        db.execute("DELETE FROM settings WHERE key = ?", [KEY])
