"""Rows written a commit each, and what a profile's file holds of them apart from its
write-ahead log: how the checkpoint tests see what a checkpoint copied."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from trainer.storage.store import Store


def write_rows(db: Store, first: int, count: int) -> None:
    """``count`` rows of ``settings`` (keys k<first> on), one commit each, as answers."""
    for n in range(first, first + count):
        with db.atomic():
            db.execute("INSERT INTO settings VALUES (?, '1')", (f"k{n}",))


def rows_in_file_alone(path: Path, tmp: Path) -> int:
    """Rows written by ``write_rows`` that the database file at ``path`` holds without
    its write-ahead log (read from a copy of the file alone, in ``tmp``)."""
    copy = tmp / "file-alone.sqlite"
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    try:
        return int(conn.execute(
            "SELECT count(*) FROM settings WHERE key LIKE 'k%'").fetchone()[0])
    finally:
        conn.close()
