"""Errors a user can cause, each able to say which file, item and line it is about."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class TrainerError(Exception):
    """Base for errors shown to the user as a message, never as a traceback."""

    # The command line's exit status for it: 3, a problem with what was asked (a bad
    # file, date or deck); 4, a problem with the profile itself.
    exit_code = 3


class Problem(NamedTuple):
    """One thing wrong with an input file."""

    file: str
    message: str
    line: int | None = None
    item: str | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        item = f" [{self.item}]" if self.item else ""
        return f"{where}{item}: {self.severity}: {self.message}"

    def to_json(self) -> dict[str, object]:
        """The shape printed by ``trainer deck check --json``."""
        return {
            "file": self.file,
            "line": self.line,
            "item": self.item,
            "message": self.message,
            "severity": self.severity,
        }


class DeckError(TrainerError):
    """A deck file could not be used; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class DatabaseTooNewError(TrainerError):
    """The profile was written by a newer version of the app."""

    exit_code = 4

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        super().__init__(
            f"{path}: this profile was written by a newer version of Sales Trainer "
            f"(schema version {found}; this version understands up to {supported}). "
            "It has been left untouched. Install the newer version to open it."
        )


class DatabaseError(TrainerError):
    """The profile database could not be opened or written."""

    exit_code = 4


class ProfileDamagedError(DatabaseError):
    """The profile database is damaged: ``remedy`` says what the user can do (restore
    a named backup, or start afresh)."""

    def __init__(self, path: Path, detail: str, remedy: str = "") -> None:
        self.path = path
        self.detail = detail
        self.remedy = remedy
        super().__init__(f"{path}: this profile's database is damaged ({detail})."
                         + (f" {remedy}" if remedy else ""))

    def with_remedy(self, remedy: str) -> ProfileDamagedError:
        """The same error, telling the user what to do about it."""
        return ProfileDamagedError(self.path, self.detail, remedy)


class ItemChangedError(TrainerError):
    """An item changed (answered elsewhere) after it was shown; nothing was written."""
