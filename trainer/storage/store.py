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
            # Inside the try: a commit that fails (the disk full, the file locked past
            # the busy timeout) rolls back too, so no later write lands in a transaction
            # left open.
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

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
        checkpoint: it waits for no reader or writer and leaves what they still need),
        on this connection. False inside a transaction, where SQLite cannot checkpoint.
        The window does this on a thread of its own instead (``storage/tidier.py``)."""
        if self.conn.in_transaction:
            return False
        full = fold_log(self.conn)
        self._checkpointed = self.conn.total_changes
        if full:
            self.start_log_again()
        return True

    def start_log_again(self) -> bool:
        """After a checkpoint copied the whole log, start it again from the top with a
        commit that changes nothing (the schema version written over with itself: no
        row, no trigger, so ``total_changes`` stays as it was); whether it did.

        The first commit after such a checkpoint restarts the log and, whatever the
        connection's ``synchronous``, flushes the new header before writing (SQLite's
        guard against out-of-order writes): a second flush that made the first answer
        after a checkpoint about twice as slow. Done here, while the rep reads, the
        answer appends to the log with its one flush. This commit runs with
        ``synchronous=NORMAL``, so the header's flush is its only one: what it writes
        is nothing worth a flush, and the next answer's flush covers the whole file.

        It must run on this connection, the one that answers: a commit on any other
        makes this one drop its whole page cache (SQLite's rule when another
        connection changed the file), which cost the next answer some 20 ms on a
        100,000-card profile (bench/idle_checkpoint.py). Skipped, not waited for,
        when another connection is writing: that writer starts the log again itself."""
        if self.conn.in_transaction:
            return False  # SQLite allows no change of ``synchronous`` inside one
        timeout = self.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        synchronous = self.conn.execute("PRAGMA synchronous").fetchone()[0]
        try:
            self.conn.execute("PRAGMA busy_timeout=0")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:
                return False
            try:
                version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
                self.conn.execute(f"PRAGMA user_version={version}")
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            return True
        finally:
            # The wait for other writers first: an answer must never find it at 0.
            self.conn.execute(f"PRAGMA busy_timeout={int(timeout)}")
            self.conn.execute(f"PRAGMA synchronous={int(synchronous)}")

    def tidy_due(self) -> bool:
        """Whether ``TIDY_ROWS`` rows were written through this connection since the
        last checkpoint: a counter SQLite keeps, so asking costs nothing."""
        return self.conn.total_changes - self._checkpointed >= TIDY_ROWS

    def tidy_begun(self) -> None:
        """A checkpoint (on another connection) begins now: the rows count from here.
        One that then fails is not tried again until as many rows more were written;
        the log still holds every commit, and the automatic bound or closing folds it."""
        self._checkpointed = self.conn.total_changes

    def tidy(self) -> bool:
        """Checkpoint if ``TIDY_ROWS`` rows were written since the last one; whether it
        did. Run while the app waits for the rep, so that the checkpoint does not run
        inside the commit of an answer, as SQLite's automatic one would (database.py
        keeps that only as a bound on the log)."""
        if not self.tidy_due():
            return False
        return self.checkpoint()

    def close(self) -> None:
        """Close the connection (again is harmless)."""
        self.conn.close()
        self.closed = True


def fold_log(conn: sqlite3.Connection) -> bool:
    """SQLite's PASSIVE checkpoint on ``conn``: copy what the write-ahead log holds into
    the database file, waiting for no reader or writer (so legal from any connection,
    beside a window that goes on writing). Whether the whole log was copied."""
    busy, log, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return not busy and 0 < log == copied

