"""Every SQLite error, as one sentence a rep can act on, naming the profile.

Used by the command line (which then exits non-zero) and the window (which shows it
and keeps running); a transaction that failed has been rolled back, so the sentence
can say that nothing from the last step was saved.
"""

from __future__ import annotations

import sqlite3

from trainer.config import Config
from trainer.i18n import QT_TRANSLATE_NOOP, Context
from trainer.storage.database import is_damage


class ErrorsText(Context):
    """Texts of a profile's database errors, as the window and the command line say them."""


_BUSY = QT_TRANSLATE_NOOP("ErrorsText", "another program is writing to it, so the last "
                                        "change was not saved; try again in a moment")
_BY_CODE = {
    "SQLITE_FULL": QT_TRANSLATE_NOOP("ErrorsText", "the disk is full, so the last change was "
                                                   "not saved; free some space and try again"),
    "SQLITE_BUSY": _BUSY,
    "SQLITE_LOCKED": _BUSY,
    "SQLITE_READONLY": QT_TRANSLATE_NOOP("ErrorsText", "it cannot be written (the file or its "
                                                       "folder is read-only), so the last "
                                                       "change was not saved"),
    "SQLITE_CORRUPT": QT_TRANSLATE_NOOP("ErrorsText", "its database is damaged; Check Database "
                                                      "('trainer check') says more, and "
                                                      "Restore from backup ('trainer backup "
                                                      "restore') puts back the newest good "
                                                      "backup"),
    "SQLITE_NOTADB": QT_TRANSLATE_NOOP("ErrorsText", "its database file is not a database any "
                                                     "more; Restore from backup ('trainer "
                                                     "backup restore') puts back the newest "
                                                     "good backup"),
    "SQLITE_IOERR": QT_TRANSLATE_NOOP("ErrorsText", "the disk could not be read or written, so "
                                                    "the last change was not saved; check the "
                                                    "disk and try again"),
    "SQLITE_CANTOPEN": QT_TRANSLATE_NOOP("ErrorsText", "its database file cannot be opened; "
                                                       "check that the folder exists and can "
                                                       "be written"),
}


def _code(error: sqlite3.Error) -> str:
    name = str(getattr(error, "sqlite_errorname", "") or "")
    # Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT) share their base's words.
    for base in _BY_CODE:
        if name == base or name.startswith(base + "_"):
            return base
    text = str(error).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return "SQLITE_FULL"
    if "locked" in text:
        return "SQLITE_BUSY"
    if "malformed" in text:
        return "SQLITE_CORRUPT"
    if "not a database" in text:
        return "SQLITE_NOTADB"
    return ""


def is_profile_problem(error: sqlite3.Error) -> bool:
    """Whether the error is about the profile itself (damaged, or busy elsewhere) rather
    than about the disk or the request."""
    return is_damage(error) or _code(error) in ("SQLITE_BUSY", "SQLITE_LOCKED")


def describe(error: sqlite3.Error, config: Config) -> str:
    """One sentence for ``error``, naming the profile and its file."""
    where = ErrorsText.tr("profile '{name}' ({path})").format(name=config.profile,
                                                            path=config.database_path)
    words = _BY_CODE.get(_code(error))
    if words is None:
        return ErrorsText.tr("{profile}: {error}; the last change was not saved").format(
            profile=where, error=error)
    return f"{where}: {ErrorsText.tr(words)}"


def user_message(error: BaseException, config: Config) -> str:
    """What to tell the user about an error: SQLite's in the words above, the app's own
    as they are, anything else as it says itself."""
    if isinstance(error, sqlite3.Error):
        return describe(error, config)
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror or error}"
    return str(error)
