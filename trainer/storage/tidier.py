"""The idle checkpoint, on a thread of its own.

Folding the write-ahead log into the profile's file usually takes 5-25 ms, but more
than a second when other programs load the disk: never on the window's thread. Whether
one is due is a counter on the window's connection (``Store.tidy_due``), asked there
for free; only the checkpoint itself runs on a worker thread, through a connection of
its own (a PASSIVE checkpoint from any connection is legal under WAL and waits for no
reader or writer, so the window goes on answering meanwhile). At most one is under
way: a tick while one runs is skipped, not queued, since the next tick finds the log
where this one leaves it.

When the worker copied the whole log, the next tick starts the log again on the
window's connection (``Store.start_log_again``), not on the worker's, whose commit would
empty the window's page cache. That is one flush on the window's thread, while the rep
reads: the flush the next answer would otherwise make before its own, so a key pressed
meanwhile waits no longer than that answer would have.

Anything that works on the profile's file as a whole (closing, a backup, the check on
closing, a restore) first calls ``halt``: the checkpoint under way is interrupted and
its connection closed before that goes on. The window's connection is then the last
one open, so closing it folds the log and removes it as before.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import suppress
from pathlib import Path

from trainer.storage.store import Store, fold_log

__all__ = ["Tidier"]


class Tidier:
    """Checkpoints the profile open on ``db`` (the window's connection) on a worker
    thread. ``tidy`` is called from the window's thread, which owns ``db``; ``halt``
    also from a backup's worker thread, while the window starts no checkpoint."""

    def __init__(self, db: Store) -> None:
        self.db = db
        # Guards the worker's connection between the worker and ``halt``: it is
        # interrupted only while open.
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._thread: threading.Thread | None = None
        self._halt = threading.Event()
        # Set by the worker when it copied the whole log: the window's change count
        # when it began. Read by the next tick, once the worker has ended.
        self._copied_all: int | None = None

    @property
    def running(self) -> bool:
        """Whether a checkpoint is under way."""
        return self._thread is not None and self._thread.is_alive()

    def tidy(self) -> bool:
        """The tick: start the log again after a checkpoint that copied all of it, and
        start a checkpoint if enough was written since the last one and none is under
        way; whether one started."""
        if self.db.path is None or self.db.closed or self.running:
            return False
        copied_all, self._copied_all = self._copied_all, None
        # Only if the window wrote nothing since: its first write restarted the log.
        if copied_all == self.db.conn.total_changes:
            with suppress(sqlite3.Error):  # as a failed checkpoint, it loses nothing
                self.db.start_log_again()
        if not self.db.tidy_due():
            return False
        changes = self.db.conn.total_changes
        self.db.tidy_begun()
        self._halt.clear()
        # A daemon: closing always halts it first, but a process that ends some other
        # way must not wait for a checkpoint (one cut short loses nothing).
        self._thread = threading.Thread(target=self._work, args=(self.db.path, changes),
                                        name="checkpoint", daemon=True)
        self._thread.start()
        return True

    def halt(self) -> None:
        """Stop the checkpoint under way, if any, and return once its connection is
        closed. SQLite checks for the interrupt between the pages it copies; a flush
        under way is let finish. What it did not copy stays in the log, as after any
        checkpoint cut short."""
        thread = self._thread
        if thread is None:
            return
        with self._lock:
            self._halt.set()
            if self._conn is not None:
                self._conn.interrupt()
        thread.join()
        self._thread = None
        self._copied_all = None  # whatever comes next starts the log again itself

    def wait(self) -> None:
        """Return once the checkpoint under way, if any, is done, without stopping it
        (a benchmark stands in so for the rep reading the next card)."""
        if self._thread is not None:
            self._thread.join()

    def _work(self, path: Path, changes: int) -> None:
        try:
            # mode=rw: never create a file where the profile is no longer. timeout=0:
            # the worker waits for no one (a PASSIVE checkpoint would not anyway).
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True,
                                   isolation_level=None, timeout=0)
        except (sqlite3.Error, OSError):
            return
        try:
            with self._lock:
                if self._halt.is_set():
                    return
                self._conn = conn
            # The flushes the window's connection makes: the file is flushed after
            # the copy, before the log can be started again over what was copied.
            conn.execute("PRAGMA synchronous=FULL")
            if fold_log(conn) and not self._halt.is_set():
                self._copied_all = changes
        except (sqlite3.Error, OSError):
            # Disk full, locked, damaged or interrupted: a checkpoint that fails loses
            # nothing (the log still holds every commit), so it is left for the next
            # one, or for closing. Never a message: the rep did not ask for it.
            pass
        finally:
            with self._lock:
                self._conn = None
            conn.close()
