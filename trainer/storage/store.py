"""The profile's open SQLite connection, with transactions that nest.

Day-to-day reads and writes go through this thin wrapper over ``sqlite3``; sqlite-utils
is loaded only when a migration has to run, which keeps it off the start-up path.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path
from typing import Any

_savepoints = count()
# Rows written since the last checkpoint before ``tidy()`` runs one: an answer writes two
# rows and about a dozen pages to the write-ahead log, so 100 rows is some 650 pages,
# close to the 1,000 at which SQLite's own checkpoint would have run.
TIDY_ROWS = 100


class Store:
    """An open profile database. Writes happen only inside ``atomic()``."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path
        self.closed = False
        self._checkpointed = conn.total_changes

    def execute(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        """Run one statement."""
        return self.conn.execute(sql, tuple(params))

    @contextmanager
    def atomic(self) -> Iterator[Store]:
        """A transaction (a savepoint when nested); committed on success, else rolled back."""
        if self.conn.in_transaction:
            name = f"sp{next(_savepoints)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """A read transaction: everything read inside sees one moment of the database,
        while other connections (a window studying) go on writing, as WAL allows. Never
        takes the write lock, so a long export cannot make an answer wait."""
        if self.conn.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN DEFERRED")
        try:
            yield self
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def table_names(self) -> list[str]:
        """Names of the tables in the database."""
        return [r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]

    def checkpoint(self) -> bool:
        """Copy what the write-ahead log holds into the database file (SQLite's PASSIVE
        checkpoint: it waits for no reader or writer and leaves what they still need).
        False inside a transaction, where SQLite cannot checkpoint."""
        if self.conn.in_transaction:
            return False
        busy, log, copied = self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        self._checkpointed = self.conn.total_changes
        if not busy and 0 < log == copied:
            self._start_log_again()
        return True

    def _start_log_again(self) -> None:
        """Once the whole log is copied, the next commit starts it again from the top,
        and under ``synchronous=FULL`` flushes its new header first: a second flush
        that made the first answer after a checkpoint about twice as slow. A commit that
        changes nothing (the schema version written over with itself: no row, no
        trigger) starts it here instead. Skipped, not waited for, when another
        connection is writing."""
        timeout = self.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        self.conn.execute("PRAGMA busy_timeout=0")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return  # busy: that writer starts the log again itself
        finally:
            self.conn.execute(f"PRAGMA busy_timeout={int(timeout)}")
        try:
            version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
            self.conn.execute(f"PRAGMA user_version={version}")
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def tidy(self) -> bool:
        """Checkpoint if ``TIDY_ROWS`` rows were written since the last one; whether it
        did. Called while the app waits for the rep, so that the checkpoint does not run
        inside the commit of an answer, as SQLite's automatic one would (database.py
        keeps that only as a bound on the log)."""
        if self.conn.total_changes - self._checkpointed < TIDY_ROWS:
            return False
        return self.checkpoint()

    def close(self) -> None:
        """Close the connection (again is harmless)."""
        self.conn.close()
        self.closed = True
