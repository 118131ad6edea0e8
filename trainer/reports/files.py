"""Writing export files so that a failure never leaves half a file behind."""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from trainer.content.outputs import check_output
from trainer.domain.errors import TrainerError

# "-o -": the export goes to standard output (for a pipe), as other tools do.
STDOUT = Path("-")


def is_stdout(path: Path) -> bool:
    """Whether ``path`` names standard output."""
    return Path(path) == STDOUT


def write_stdout(data: bytes) -> None:
    """Write an export to standard output, whole."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _file_mode() -> int:
    # mkstemp makes files only the owner can read; an export is meant to be shared,
    # so it gets the mode an ordinary new file would get under the user's umask.
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def temp_beside(path: Path) -> Iterator[tuple[BinaryIO, Path]]:
    """A new temporary file beside ``path`` to write into, and its name: synced to disk
    and given ordinary permissions when the block ends, removed if it fails. The caller
    renames it into place. Raises OSError."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            yield out, temp
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, _file_mode())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _folder_for(path: Path) -> None:
    """Make the folder ``path`` goes in; raises OSError (naming no temporary file)."""
    if path.parent.exists() and not path.parent.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "a file, not a folder")
    path.parent.mkdir(parents=True, exist_ok=True)


def write_streamed(path: Path, chunks: Iterable[bytes], what: str) -> None:
    """Write ``chunks`` to ``path`` as they come, beside its final name, then rename it
    into place: the whole never sits in memory, a database (the profile, a backup) is
    never written over (``check_output``), and a failure (a full disk, or an error
    while the chunks are made) leaves neither half a file nor an earlier one changed.

    Missing folders are made. A TrainerError names the file (or folder) that could not
    be written; ``what`` says what was being written. To standard output the chunks go
    straight through.
    """
    if is_stdout(path):
        sys.stdout.flush()
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
        return
    check_output(path)
    current = path.parent
    temp: Path | None = None
    try:
        _folder_for(path)
        current = path
        with temp_beside(path) as (out, temp):
            for chunk in chunks:
                out.write(chunk)
        os.replace(temp, path)
    except OSError as exc:
        if temp is not None:
            temp.unlink(missing_ok=True)
        raise TrainerError(f"{current}: cannot write {what} ({exc.strerror or exc})") from None


def write_files(files: dict[Path, bytes], what: str) -> None:
    """Write every file in full beside its final name, then rename them into place.

    Nothing is written if any of them is a database (``check_output``). Missing
    folders are made. On failure the temporary files are removed and a
    TrainerError names the file (or folder) that could not be written; ``what`` says
    what was being written ("the progress export").
    """
    piped = [data for path, data in files.items() if is_stdout(path)]
    files = {path: data for path, data in files.items() if not is_stdout(path)}
    if not files:
        for data in piped:
            write_stdout(data)
        return
    for path in files:
        check_output(path)
    temps: list[Path] = []
    current = next(iter(files)).parent  # named in the message, never a temporary file
    try:
        for path in files:
            current = path.parent
            _folder_for(path)
            current = path
            with temp_beside(path) as (out, temp):
                out.write(files[path])
            temps.append(temp)
        for temp, path in zip(temps, files, strict=True):
            current = path
            os.replace(temp, path)
        for data in piped:
            write_stdout(data)
    except OSError as exc:
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise TrainerError(f"{current}: cannot write {what} ({exc.strerror or exc})") from None
