"""The write-ahead log is folded into the profile's file while the app is idle (Store.tidy),
not by SQLite inside the commit of an answer, and stays bounded when nothing is idle."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wal_rows import rows_in_file_alone, write_rows

from trainer.clock import FakeClock
from trainer.storage.backups import create_backup
from trainer.storage.database import WAL_BOUND_PAGES, open_database
from trainer.storage.store import TIDY_ROWS


def test_automatic_checkpoint_is_only_a_bound(tmp_path: Path, clock: FakeClock) -> None:
    db = open_database(tmp_path / "t.sqlite", clock)
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == WAL_BOUND_PAGES
    assert WAL_BOUND_PAGES > 1000  # later than SQLite's own, which ran inside answers
    db.close()


def test_tidy_checkpoints_once_enough_was_written(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    db = open_database(path, clock)
    db.checkpoint()
    write_rows(db, 0, TIDY_ROWS - 1)
    assert not db.tidy()
    assert rows_in_file_alone(path, tmp_path) == 0  # still only in the log
    write_rows(db, TIDY_ROWS - 1, 1)
    assert db.tidy()
    assert rows_in_file_alone(path, tmp_path) == TIDY_ROWS
    assert not db.tidy()  # nothing written since
    db.close()


def test_no_checkpoint_inside_a_transaction(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    db = open_database(path, clock)
    db.checkpoint()
    write_rows(db, 0, TIDY_ROWS)
    with db.atomic():
        assert not db.tidy()
        db.execute("INSERT INTO settings VALUES ('k-open', '1')")
    assert rows_in_file_alone(path, tmp_path) == 0
    assert db.tidy()
    assert rows_in_file_alone(path, tmp_path) == TIDY_ROWS + 1
    db.close()


def test_closing_folds_the_log_into_the_file(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    db = open_database(path, clock)
    write_rows(db, 0, 3)
    db.close()
    assert not Path(f"{path}-wal").exists()
    assert rows_in_file_alone(path, tmp_path) == 3


def test_a_backup_checkpoints_first(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    db = open_database(path, clock)
    db.checkpoint()
    write_rows(db, 0, 3)
    assert rows_in_file_alone(path, tmp_path) == 0
    backup = create_backup(db.conn, path, clock(), "manual")
    assert rows_in_file_alone(path, tmp_path) == 3
    assert rows_in_file_alone(backup, tmp_path) == 3
    db.close()


def _log_restarts(path: Path) -> int:
    """The write-ahead log's checkpoint sequence: one more each time it starts again."""
    with Path(f"{path}-wal").open("rb") as wal:
        return int.from_bytes(wal.read(16)[12:16], "big")


def test_the_log_starts_again_at_the_checkpoint_not_at_the_next_answer(
        tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    db = open_database(path, clock)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    write_rows(db, 0, TIDY_ROWS)
    changes = db.conn.total_changes
    assert db.tidy()
    restarts = _log_restarts(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == version
    assert db.conn.total_changes == changes  # no row written: the counts stay valid
    write_rows(db, TIDY_ROWS, 1)  # the next answer appends to the log
    assert _log_restarts(path) == restarts
    db.close()


def test_a_checkpoint_does_not_wait_for_another_writer(tmp_path: Path,
                                                        clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    db = open_database(path, clock)
    write_rows(db, 0, TIDY_ROWS)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO settings VALUES ('other', '1')")
    try:
        assert db.tidy()  # copied what was committed; the log's restart left to `other`
        assert rows_in_file_alone(path, tmp_path) == TIDY_ROWS
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 15000
    finally:
        other.execute("COMMIT")
        other.close()
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == TIDY_ROWS + 1
    db.close()
