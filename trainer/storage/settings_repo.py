"""Profile-wide scheduling settings, kept in the ``settings`` table as JSON values."""

from __future__ import annotations

import json
from datetime import timedelta

from trainer.domain.settings import StudySettings
from trainer.storage.parameters_repo import KEY, parse_parameters
from trainer.storage.store import Store

_KEYS = ("desired_retention", "learning_steps", "relearning_steps", "day_start_hour")


def _encode(settings: StudySettings, key: str) -> object:
    value = getattr(settings, key)
    if key.endswith("_steps"):
        return [step.total_seconds() for step in value]
    return value


def load_settings(db: Store, base: StudySettings | None = None) -> StudySettings:
    """The stored settings on top of ``base`` (the defaults when not given)."""
    settings = base or StudySettings()
    stored = dict(db.execute("SELECT key, value FROM settings").fetchall())
    changes: dict[str, object] = {}
    for key in _KEYS:
        if key in stored:
            value = json.loads(stored[key])
            if key.endswith("_steps"):
                value = tuple(timedelta(seconds=s) for s in value)
            changes[key] = value
    # The parameters are in the rows already read: no second query at start-up. Whether
    # the scheduler accepts them is the study layer's question (study/stored_settings.py).
    parameters = parse_parameters(stored[KEY]) if KEY in stored else None
    if parameters is not None:
        changes["parameters"] = parameters
    return settings.replace(**changes)


def save_settings(db: Store, settings: StudySettings) -> None:
    """Store the profile-wide settings."""
    with db.atomic():
        for key in _KEYS:
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                       [key, json.dumps(_encode(settings, key))])


def parse_steps(text: str) -> tuple[timedelta, ...]:
    """Read steps written like Anki's: "1m 10m", "30s 5m 1h", "1d"."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    steps = []
    for word in text.replace(",", " ").split():
        number, unit = word[:-1], word[-1:].lower()
        if unit not in units or not number.replace(".", "", 1).isdigit() or float(number) <= 0:
            raise ValueError(f"step '{word}' should look like 30s, 10m, 1h or 1d")
        steps.append(timedelta(seconds=float(number) * units[unit]))
    return tuple(steps)


def format_steps(steps: tuple[timedelta, ...]) -> str:
    """Steps written the way :func:`parse_steps` reads them (in any language)."""
    words = []
    for step in steps:
        seconds = step.total_seconds()
        for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
            if (seconds >= size and (seconds / size).is_integer()) or unit == "s":
                value = seconds / size
                words.append(f"{value:g}{unit}")
                break
    return " ".join(words)


THEME_KEY = "ui_theme"
THEMES = ("system", "light", "dark")


def stored_theme(db: Store) -> str:
    """The theme chosen in Preferences: "system", "light" or "dark"."""
    value = stored_value(db, THEME_KEY)
    return value if value in THEMES else "system"


LANGUAGE_KEY = "ui_language"
REMINDER_KEY = "reminder"


def stored_value(db: Store, key: str) -> object:
    """A value kept in the settings table (JSON: a window preference, or a record of
    the app's own), or None when it never was or cannot be read."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if not row:
        return None
    try:
        return json.loads(row[0])
    except ValueError:
        return None


def store_value(db: Store, key: str, value: object) -> None:
    """Keep a value in the settings table, as JSON (see ``stored_value``)."""
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                   [key, json.dumps(value)])


def stored_language(db: Store) -> str:
    """The language chosen in Preferences: "system" or a language code like "de"."""
    value = stored_value(db, LANGUAGE_KEY)
    return value if isinstance(value, str) and value else "system"
