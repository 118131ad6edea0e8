"""Backups of a profile database: made with SQLite's backup API, listed, checked,
thinned and restored.

A backup is a plain SQLite file in ``backups/`` beside the profile, named after the
moment (UTC) and the reason it was made, so it can be opened with any SQLite tool. It
is written under a temporary name, flushed to disk and only then renamed, so a crash
never leaves half a backup under a real name.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from trainer.domain.backup_policy import (
    MANUAL,
    ROTATING,
    BackupLimits,
    backups_to_keep,
    events_to_keep,
)
from trainer.i18n import Context
from trainer.storage.durable import fsync_file, fsync_folder
from trainer.storage.schema import SCHEMA_VERSION
from trainer.storage.timefmt import from_db


class BackupsText(Context):
    """Why a backup file cannot be used."""


BACKUP_FOLDER = "backups"
_NAME = re.compile(
    r"^(?P<stem>.+?)-(?P<day>\d{8})-(?P<time>\d{6})(?:-(?P<micro>\d{6}))?-(?P<reason>[a-z0-9-]+)"
    r"\.sqlite$")
_PARTIAL = ".part"


@dataclass(frozen=True)
class DeckInBackup:
    """One deck as a backup holds it."""

    id: str
    title: str
    version: str


@dataclass(frozen=True)
class BackupInfo:
    """A backup file and what it holds (``problem`` says why it cannot be read)."""

    path: Path
    created: datetime
    reason: str
    size: int
    answers: int = 0
    last_answer: datetime | None = None
    decks: tuple[DeckInBackup, ...] = ()
    problem: str | None = None

    @property
    def name(self) -> str:
        """The file name, which is how users and ``trainer backup restore`` name it."""
        return self.path.name

    @property
    def readable(self) -> bool:
        """Whether it opened and its contents could be counted."""
        return self.problem is None


def backup_folder(database: Path) -> Path:
    """Where a profile's backups are kept."""
    return database.parent / BACKUP_FOLDER


def backup_name(database: Path, when: datetime, reason: str) -> str:
    """The file name of a backup of ``database`` made at ``when`` for ``reason``."""
    stamp = when.astimezone(UTC).strftime("%Y%m%d-%H%M%S-%f")
    return f"{database.stem}-{stamp}-{reason}.sqlite"


def write_backup(source: sqlite3.Connection, target: Path) -> Path:
    """Copy the database open on ``source`` to ``target`` with SQLite's backup API (a
    consistent copy even while other connections write under WAL), durably."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + _PARTIAL)
    partial.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(partial)
        try:
            # No journal and no syncing while it is written: a crash leaves only a
            # partial file, never a backup, and the whole file is flushed once at the
            # end. This halves the time a backup takes (and steadies it).
            dest.execute("PRAGMA journal_mode=OFF")
            dest.execute("PRAGMA synchronous=OFF")
            source.backup(dest)
            # A backup is a closed file, not a live database: a rollback journal means
            # it never needs a -wal file beside it to be complete.
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        fsync_file(partial)
        os.replace(partial, target)
    except BaseException:
        # A full disk or Ctrl-C: what was written is no backup, and on a full disk it
        # would hold the last free space every later write needs.
        partial.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)
    return target


def free_backup_path(database: Path, when: datetime, reason: str) -> Path:
    """Where a new backup goes: never over an existing one, even when two are made in
    the same microsecond (or by a clock that stands still)."""
    folder = backup_folder(database)
    while True:
        path = folder / backup_name(database, when, reason)
        if not path.exists():
            return path
        when += timedelta(microseconds=1)


def create_backup(source: sqlite3.Connection, database: Path, when: datetime,
                  reason: str) -> Path:
    """Back up the profile at ``database`` (open on ``source``) into its backups folder.

    The backup API copies what the write-ahead log holds too, so a backup never needs
    a checkpoint; one is run first anyway (outside a transaction, where SQLite allows
    it), so that the profile's own file is then as current as its newest backup."""
    if not source.in_transaction:
        with suppress(sqlite3.OperationalError):  # a read-only or busy source: skip it
            source.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    return write_backup(source, free_backup_path(database, when, reason))


def _created(match: re.Match[str]) -> datetime:
    stamp = match["day"] + match["time"] + (match["micro"] or "000000")
    return datetime.strptime(stamp, "%Y%m%d%H%M%S%f").replace(tzinfo=UTC)


def _open_read_only(path: Path) -> sqlite3.Connection:
    # immutable=1: a backup never changes, so SQLite need not lock it or create -shm.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def describe_backup(path: Path) -> BackupInfo | None:
    """What a backup file holds; ``None`` if the name is not a backup's."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    created, reason = _created(match), match["reason"]
    try:
        size = path.stat().st_size
    except OSError as exc:
        return BackupInfo(path, created, reason, 0, problem=str(exc.strerror or exc))
    try:
        conn = _open_read_only(path)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                return BackupInfo(path, created, reason, size,
                                  problem=BackupsText.tr("made by a newer version of the app"))
            answers, last, decks = read_contents(conn)
        finally:
            conn.close()
    except (sqlite3.Error, ValueError) as exc:
        problem = BackupsText.tr("cannot be read ({detail})").format(detail=exc)
        return BackupInfo(path, created, reason, size, problem=problem)
    return BackupInfo(path, created, reason, size, answers, last, decks)


def read_contents(conn: sqlite3.Connection
                  ) -> tuple[int, datetime | None, tuple[DeckInBackup, ...]]:
    """How many answers a profile holds, when the last was given, and its decks."""
    answers, last = conn.execute("SELECT count(*), max(reviewed_at) FROM reviews").fetchone()
    rows = conn.execute("SELECT id, title, version FROM decks ORDER BY title").fetchall()
    # A damaged file can hand back bytes or numbers where text belongs (seen in a
    # profile set aside as damaged): that is a file that cannot be used, not a crash
    # later in whatever shows or prints it.
    if not all(isinstance(value, str) for row in rows for value in row) or \
            not isinstance(last, (str, type(None))):
        raise ValueError(BackupsText.tr("its list of decks is damaged"))
    decks = tuple(DeckInBackup(*row) for row in rows)
    return int(answers), from_db(last), decks


def list_backups(database: Path) -> list[BackupInfo]:
    """Every backup of the profile at ``database``, newest first."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    found = [describe_backup(p) for p in folder.iterdir() if p.is_file()]
    return sorted((b for b in found if b is not None), key=lambda b: b.created, reverse=True)


def verify_backup(path: Path) -> str | None:
    """Why the backup at ``path`` cannot be restored, or ``None`` if it passes SQLite's
    integrity check and this version of the app can open it."""
    try:
        conn = _open_read_only(path)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                return BackupsText.tr("it was made by a newer version of the app")
            if version == 0:
                return BackupsText.tr("it holds no profile")
            result = [r[0] for r in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return BackupsText.tr("it cannot be read ({detail})").format(detail=exc)
    if result != ["ok"]:
        return BackupsText.tr("it is damaged ({detail})").format(
            detail="; ".join(result[:3]))
    return None


def prune_backups(database: Path, now: datetime, tz: tzinfo | None,
                  limits: BackupLimits | None = None, protect: Path | None = None
                  ) -> list[Path]:
    """Delete the backups the retention rule (``domain/backup_policy.py``) no longer
    keeps, and half-written ones a crash left; returns what was deleted. ``protect`` is
    never deleted."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    deleted = _remove_stale_partials(folder, now)
    by_reason: dict[str, dict[datetime, list[Path]]] = {}
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is not None and match["stem"] == database.stem:
            dated = by_reason.setdefault(match["reason"], {})
            dated.setdefault(_created(match).astimezone(tz), []).append(path)
    today = now.astimezone(tz).date()
    rotating = {when: paths for reason, dated in by_reason.items() if reason in ROTATING
                for when, paths in dated.items()}
    kept = backups_to_keep(list(rotating), today, limits or BackupLimits())
    doomed = [paths for when, paths in rotating.items() if when not in kept]
    for reason, dated in by_reason.items():
        if reason in ROTATING or reason == MANUAL:
            continue
        kept = events_to_keep(list(dated), today)
        doomed += [paths for when, paths in dated.items() if when not in kept]
    for paths in doomed:
        for path in paths:
            if path != protect:
                for each in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                    each.unlink(missing_ok=True)
                deleted.append(path)
    return deleted


# A backup being written elsewhere (the window's half-hourly one, a command's) has a
# fresh partial file; only one this old was left by a crash.
_STALE_PARTIAL = timedelta(hours=1)


def _remove_stale_partials(folder: Path, now: datetime) -> list[Path]:
    deleted: list[Path] = []
    for partial in [*folder.glob("*" + _PARTIAL), *folder.glob("*" + _PARTIAL + "-journal")]:
        try:
            written = datetime.fromtimestamp(partial.stat().st_mtime, UTC)
        except OSError:
            continue
        if now - written > _STALE_PARTIAL:
            partial.unlink(missing_ok=True)
            deleted.append(partial)
    return deleted


def _remove_journal_files(database: Path) -> None:
    # A -wal left beside a restored file would be replayed into it and corrupt it.
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(database) + suffix).unlink(missing_ok=True)


# How long a restore waits for another program's write to the profile to end, as any
# write to the profile waits (database.py's busy_timeout).
WRITER_WAIT_S = 15.0


def refuse_if_written(database: Path) -> None:
    """Raise ``sqlite3.OperationalError`` ("database is locked") if another program is
    writing to the profile at ``database`` (after waiting ``WRITER_WAIT_S`` for it to
    finish): the file put in its place would take its changes with it, unseen. A file
    that cannot be read at all (the damaged profile a restore replaces) does not stop
    it."""
    if not database.exists():
        return
    try:
        probe = sqlite3.connect(database, timeout=WRITER_WAIT_S)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.rollback()
        finally:
            probe.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise
    except sqlite3.DatabaseError:
        pass  # damaged: that is what the restore is for


def restore_file(backup: Path, database: Path) -> None:
    """Put the backup in place of the profile database. Every connection to the
    profile must be closed, and its current state backed up, before this is called."""
    staging = database.with_name(database.name + ".restoring")
    source = _open_read_only(backup)
    try:
        write_backup(source, staging)
    finally:
        source.close()
    try:
        _remove_journal_files(database)
        os.replace(staging, database)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    fsync_folder(database.parent)
