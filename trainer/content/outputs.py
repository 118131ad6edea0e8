"""Where an export may be written: never over a database (a profile, a backup) or the
files SQLite keeps beside one, whatever the file is called."""

from __future__ import annotations

from pathlib import Path

from trainer.domain.errors import TrainerError
from trainer.i18n import Context

_SQLITE_HEADER = b"SQLite format 3\x00"
# What SQLite keeps beside a database while it is open or after a crash: losing the
# -wal loses the answers not yet copied into the database.
_BESIDE = ("-wal", "-shm", "-journal")


class OutputsText(Context):
    """Translatable text of this module."""


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False  # not there, a folder, unreadable: writing it says what is wrong


def check_output(path: Path) -> None:
    """Refuse ``path`` as an export's file if it is a database or one of the files
    SQLite keeps beside one (raises TrainerError; writes nothing). Anything else may be
    replaced, as the user asked."""
    path = Path(path)
    target = path.resolve()
    held = _is_database(target)
    for suffix in _BESIDE:
        if not held and target.name.endswith(suffix):
            held = _is_database(target.with_name(target.name[:-len(suffix)]))
    if held:
        raise TrainerError(OutputsText.tr(
            "{file}: holds a database (a profile or a backup, or SQLite's file beside "
            "one); an export never writes over it. Choose another file name.").format(
                file=path))
