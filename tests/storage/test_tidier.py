"""The idle checkpoint on a thread of its own (storage/tidier.py): the log is folded into
the file by another thread, through another connection, while the window's connection
goes on; it is stopped before anything works on the file as a whole; its errors are
swallowed. Threads are held and released with events, never timed."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from wal_rows import rows_in_file_alone, write_rows

from trainer.clock import FakeClock
from trainer.storage import tidier as tidier_module
from trainer.storage.database import open_database
from trainer.storage.store import TIDY_ROWS, Store
from trainer.storage.tidier import Tidier

HOLD = 20  # seconds an event is waited for before the test fails instead of hanging


def _log_restarts(path: Path) -> int:
    with Path(f"{path}-wal").open("rb") as wal:
        return int.from_bytes(wal.read(16)[12:16], "big")


@pytest.fixture
def db(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    store = open_database(tmp_path / "t.sqlite", clock)
    store.checkpoint()
    yield store
    if not store.closed:
        store.close()


class Folds:
    """Wraps the checkpoint the worker runs: records the thread it ran on, and can hold
    it inside (until ``release``) or make it fail."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, hold: bool = False,
                 error: Exception | None = None) -> None:
        self.threads: list[int] = []
        self.inside = threading.Event()
        self.release = threading.Event()
        self.ended: list[str] = []
        real: Callable[[sqlite3.Connection], bool] = tidier_module.fold_log
        if not hold:
            self.release.set()

        def fold(conn: sqlite3.Connection) -> bool:
            self.threads.append(threading.get_ident())
            self.inside.set()
            assert self.release.wait(HOLD)
            if error is not None:
                raise error
            try:
                return real(conn)
            finally:
                self.ended.append("checkpoint")

        monkeypatch.setattr(tidier_module, "fold_log", fold)


def test_the_checkpoint_runs_on_another_thread_and_folds_the_log(
        db: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folds = Folds(monkeypatch, hold=True)
    tidier = Tidier(db)
    write_rows(db, 0, TIDY_ROWS - 1)
    assert not tidier.tidy()  # not enough written yet: not even a thread
    write_rows(db, TIDY_ROWS - 1, 1)
    assert tidier.tidy()
    assert folds.inside.wait(HOLD)
    assert not tidier.tidy()  # one under way: the tick is skipped, not queued
    write_rows(db, TIDY_ROWS, 1)  # the window goes on writing meanwhile
    folds.release.set()
    tidier.wait()
    assert folds.threads and folds.threads[0] != threading.get_ident()
    assert len(folds.threads) == 1
    assert rows_in_file_alone(db.path, tmp_path) >= TIDY_ROWS  # type: ignore[arg-type]
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 15000
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL, untouched


def test_the_next_tick_starts_the_log_again_on_the_window_s_connection(
        db: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = db.path
    assert path is not None
    version = db.execute("PRAGMA user_version").fetchone()[0]
    write_rows(db, 0, TIDY_ROWS)
    restarts = _log_restarts(path)
    changes = db.conn.total_changes
    tidier = Tidier(db)
    assert tidier.tidy()
    tidier.wait()
    assert _log_restarts(path) == restarts  # the worker's connection wrote nothing
    on: list[int] = []
    real = Store.start_log_again

    def start_log_again(store: Store) -> bool:
        on.append(threading.get_ident())
        return real(store)

    monkeypatch.setattr(Store, "start_log_again", start_log_again)
    assert not tidier.tidy()  # the next tick: nothing due, but the log starts again
    assert on == [threading.get_ident()]
    assert _log_restarts(path) == restarts + 1
    assert db.conn.total_changes == changes  # no row written: the counts stay valid
    assert db.execute("PRAGMA user_version").fetchone()[0] == version
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL again
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 15000
    write_rows(db, TIDY_ROWS, 1)  # the next answer appends to the log: no second flush
    assert _log_restarts(path) == restarts + 1
    assert not tidier.tidy() and on == [threading.get_ident()]  # once only
    assert rows_in_file_alone(path, tmp_path) == TIDY_ROWS


def test_the_log_is_left_to_a_write_made_after_the_checkpoint(db: Store) -> None:
    path = db.path
    assert path is not None
    write_rows(db, 0, TIDY_ROWS)
    tidier = Tidier(db)
    assert tidier.tidy()
    tidier.wait()
    restarts = _log_restarts(path)
    write_rows(db, TIDY_ROWS, 1)  # an answer before the next tick restarts the log itself
    assert _log_restarts(path) == restarts + 1
    tidier.tidy()
    assert _log_restarts(path) == restarts + 1
    assert db.execute("SELECT count(*) FROM settings WHERE key LIKE 'k%'").fetchone()[0] \
        == TIDY_ROWS + 1


def test_the_log_s_restart_waits_for_no_other_writer(db: Store) -> None:
    path = db.path
    assert path is not None
    write_rows(db, 0, TIDY_ROWS)
    tidier = Tidier(db)
    assert tidier.tidy()
    tidier.wait()
    restarts = _log_restarts(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        tidier.tidy()  # busy: skipped at once, not waited for
        assert _log_restarts(path) == restarts
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 15000
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_halting_stops_the_checkpoint_and_closes_its_connection_first(
        db: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    folds = Folds(monkeypatch, hold=True)
    path = db.path
    assert path is not None
    write_rows(db, 0, TIDY_ROWS)
    tidier = Tidier(db)
    restarts = _log_restarts(path)
    real_halt = Tidier.halt

    def halt(self: Tidier) -> None:
        folds.release.set()  # the worker is let go only once the halt has begun
        real_halt(self)

    monkeypatch.setattr(Tidier, "halt", halt)
    assert tidier.tidy() and folds.inside.wait(HOLD)
    tidier.halt()
    assert not tidier.running and folds.ended == ["checkpoint"]
    tidier.tidy()
    assert _log_restarts(path) == restarts  # halted: what comes next restarts it
    db.close()  # the last connection: it folds the log and removes it
    assert not Path(f"{path}-wal").exists()


def test_halting_interrupts_a_long_copy(db: Store) -> None:
    path = db.path
    assert path is not None
    db.execute("PRAGMA wal_autocheckpoint=0")
    with db.atomic():  # some 5,000 pages in the log: a copy long enough to interrupt
        db.execute("CREATE TABLE filler (x)")
        db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                   "WHERE i < 5000) INSERT INTO filler SELECT randomblob(3000) FROM n")
    write_rows(db, 0, TIDY_ROWS)
    tidier = Tidier(db)
    assert tidier.tidy()
    tidier.halt()
    assert not tidier.running
    # Whether it was cut short or had finished, the log holds what the file lacks.
    assert db.execute("SELECT count(*) FROM filler").fetchone()[0] == 5000
    db.close()
    assert not Path(f"{path}-wal").exists()


@pytest.mark.parametrize("error", [
    sqlite3.OperationalError("database or disk is full"),
    sqlite3.OperationalError("database is locked"),
    sqlite3.DatabaseError("database disk image is malformed"),
    OSError(28, "No space left on device"),
])
def test_an_error_in_the_worker_is_swallowed(
        db: Store, monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    uncaught: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", uncaught.append)
    folds = Folds(monkeypatch, error=error)
    write_rows(db, 0, TIDY_ROWS)
    tidier = Tidier(db)
    assert tidier.tidy()
    tidier.wait()
    assert folds.threads and uncaught == []
    assert not tidier.tidy()  # tried again once as much more is written
    write_rows(db, TIDY_ROWS, TIDY_ROWS)
    assert tidier.tidy()
    tidier.wait()
    assert len(folds.threads) == 2 and uncaught == []
    assert db.execute("SELECT count(*) FROM settings WHERE key LIKE 'k%'").fetchone()[0] \
        == 2 * TIDY_ROWS


def test_no_file_is_made_where_the_profile_no_longer_is(db: Store) -> None:
    path = db.path
    assert path is not None
    write_rows(db, 0, TIDY_ROWS)
    moved = path.with_name("moved.sqlite")
    path.rename(moved)  # the window's connection still has it open
    tidier = Tidier(db)
    assert tidier.tidy()
    tidier.wait()
    assert not path.exists()


def test_a_closed_profile_is_never_checkpointed(db: Store) -> None:
    write_rows(db, 0, TIDY_ROWS)
    db.close()
    tidier = Tidier(db)
    assert not tidier.tidy()
    tidier.halt()  # nothing under way: harmless


def test_the_log_is_not_started_again_inside_a_read(db: Store) -> None:
    path = db.path
    assert path is not None
    write_rows(db, 0, TIDY_ROWS)
    tidier = Tidier(db)
    assert tidier.tidy()
    tidier.wait()
    restarts = _log_restarts(path)
    with db.snapshot():  # a tick while a nested event loop runs inside a read
        tidier.tidy()
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 15000
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert _log_restarts(path) == restarts
