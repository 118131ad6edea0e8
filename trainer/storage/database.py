"""Open a profile database safely.

Order matters here: the schema version is read before anything is written, so a
file from a newer app is refused untouched; a damaged file is found before it is used;
a backup is taken before any migration; a new profile is built under a temporary name
and renamed into place, so a crash while creating one never leaves an empty file that
would later pass for a profile.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from trainer.clock import Clock
from trainer.domain.errors import DatabaseError, DatabaseTooNewError, ProfileDamagedError
from trainer.storage.schema import SCHEMA_VERSION
from trainer.storage.store import Store

__all__ = ["connect", "is_damage", "mark_clean", "open_database", "quick_check"]

_SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE, _USER_VERSION_AT = 100, 60  # SQLite's file format
# Written when a profile is closed after a passing check; while the file still has
# the size and time recorded there, opening it need not check it again.
_CLEAN_MARK = ".closed-clean"
# SQLite checkpoints inside the commit that takes the write-ahead log past this many
# pages (1,000 by default), which made every eightieth answer or so several times slower.
# The app checkpoints while it waits for the rep instead (Store.tidy); this stays only
# as the bound on the log for a writer that never waits (16 MB of 4 KB pages).
WAL_BOUND_PAGES = 4000


def _read_user_version(path: Path) -> int:
    # Read-only URI: even the act of checking must not create WAL files or change
    # anything in a database we may end up refusing.
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def backup_database(db: Store, path: Path, clock: Clock, reason: str) -> Path:
    """Copy the open database to ``backups/`` beside it, consistently even under WAL."""
    # Imported here: opening a profile backs up only before a migration.
    from trainer.storage.backups import create_backup

    return create_backup(db.conn, path, clock(), reason)


def _migrate(db: Store, version: int) -> None:
    # Imported here: sqlite-utils costs a tenth of a second at start-up and is only
    # needed when the schema changes.
    from sqlite_utils import Database

    from trainer.storage.migrations import migrations

    migrations.apply(Database(db.conn, execute_plugins=False))
    db.execute(f"PRAGMA user_version={version}")


def _ensure_math_functions(conn: sqlite3.Connection) -> None:
    # The statistics use pow(); SQLite has it only when built with its math functions,
    # which some platforms' Python leaves out. Python's stands in where it is missing.
    try:
        conn.execute("SELECT pow(2, 2)")
    except sqlite3.OperationalError:
        conn.create_function("pow", 2, math.pow, deterministic=True)


def _connect(path: Path) -> Store:
    # isolation_level=None: transactions are begun explicitly by Store.atomic().
    db = Store(sqlite3.connect(path, isolation_level=None), path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute(f"PRAGMA wal_autocheckpoint={WAL_BOUND_PAGES}")
    db.execute("PRAGMA foreign_keys=ON")
    # A window and a command may share the profile: a writer waits for the other's
    # short transaction instead of failing at once.
    db.execute("PRAGMA busy_timeout=15000")
    _ensure_math_functions(db.conn)
    return db


def connect(path: Path) -> Store:
    """A further connection to a profile that is already open (for a worker thread):
    same pragmas, no migration and no check."""
    return _connect(path)


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's quick integrity check: an empty list when the file is sound."""
    rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
    return [] if rows == ["ok"] else rows


def _mark_path(path: Path) -> Path:
    return path.with_name(_CLEAN_MARK)


def _file_stamp(path: Path) -> dict[str, int]:
    info = path.stat()
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns}


def _wal_beside(path: Path) -> bool:
    """Whether a -wal is beside the profile's file (the file a link names: SQLite puts
    it there)."""
    return Path(f"{path.resolve()}-wal").exists()


def mark_clean(path: Path) -> None:
    """Record that the closed profile at ``path`` just passed a check (see ``_CLEAN_MARK``)."""
    try:
        if _wal_beside(path):
            return  # another connection is still open: its checkpoint will change the file
        _mark_path(path).write_text(json.dumps(_file_stamp(path)), encoding="utf-8")
    except OSError:
        pass  # only an optimisation: the next open will simply check the file


def _closed_clean(path: Path) -> bool:
    mark = _mark_path(path)
    if _wal_beside(path):
        return False  # a -wal left by a crash: not as the app left the file
    try:
        # Kept, not deleted: a session that writes changes the file's time, and one
        # that only reads leaves the file as the check found it.
        recorded = json.loads(mark.read_text(encoding="utf-8"))
        return bool(recorded == _file_stamp(path))
    except (OSError, ValueError):
        return False


def _check_header(path: Path) -> None:
    size = path.stat().st_size
    if size == 0:
        raise ProfileDamagedError(path, "the file is empty (0 bytes): its data is lost")
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise ProfileDamagedError(path, "the file is not a SQLite database")


def _user_version(path: Path) -> int:
    """``PRAGMA user_version`` of the profile at ``path`` (a SQLite file: see
    ``_check_header``).

    SQLite keeps it in the header itself (4 bytes, big-endian, at offset 60). A profile
    the app closed has no -wal or -journal beside it (beside the file itself, where
    SQLite puts them, when ``path`` is a link), so its header is the newest: read there,
    a start opens no connection just to learn the version (two did, about 70 system
    calls each). The header is read after that look, so a write finished in between is
    in it. SQLite is asked instead where either file is there (a newer header may be in
    it), where the header's fixed fields are not SQLite's (a damaged file, which SQLite
    then names as such), and to confirm a version newer than this app's before a
    profile is refused for it."""
    if _wal_beside(path) or Path(f"{path.resolve()}-journal").exists():
        return _read_user_version(path)
    with path.open("rb") as handle:
        header = handle.read(_HEADER_SIZE)
    if len(header) < _HEADER_SIZE or not _sound_header(header):
        return _read_user_version(path)
    found = int.from_bytes(header[_USER_VERSION_AT:_USER_VERSION_AT + 4], "big")
    return found if found <= SCHEMA_VERSION else _read_user_version(path)


def _sound_header(header: bytes) -> bool:
    """Whether the fields SQLite's file format fixes hold their values: the page size (a
    power of two from 512 to 32,768, or 1 for 65,536) and the payload fractions (64, 32,
    32)."""
    page_size = int.from_bytes(header[16:18], "big")
    return ((page_size == 1 or (512 <= page_size <= 32768 and page_size & (page_size - 1) == 0))
            and header[21:24] == b"\x40\x20\x20")


def _create(path: Path) -> None:
    """Build a new profile under a temporary name, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".new")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    db = _connect(partial)
    try:
        _migrate(db, SCHEMA_VERSION)
    finally:
        db.close()  # the last connection: SQLite folds the -wal into the file
    os.replace(partial, path)


def schema_behind(path: Path) -> bool:
    """Whether the profile at ``path`` is there and opening it will migrate it (a file
    that cannot be read as a profile: False, and opening it says why)."""
    try:
        if not path.is_file():
            return False
        _check_header(path)
        return _user_version(path) < SCHEMA_VERSION
    except (sqlite3.Error, ProfileDamagedError, OSError):
        return False


def open_database(path: Path, clock: Clock, *, check: bool | None = None,
                  step: Callable[[str], object] | None = None) -> Store:
    """Open (creating or migrating as needed) the profile database at ``path``.

    A file that was not closed cleanly by this app (a crash, a copy, a change made by
    another program) is checked with SQLite's quick check first; ``check`` forces the
    check on or off. Raises ``ProfileDamagedError`` for a file that is not a sound
    profile, ``DatabaseTooNewError`` for one from a newer app. ``step`` is told
    "check", "backup" and "migrate" as each of the long steps begins."""
    step = step or (lambda name: None)
    try:
        if not path.exists():
            _create(path)
            check = False
        _check_header(path)
        if check is None:  # asked before any connection can leave a -wal beside it
            check = not _closed_clean(path)
        found = _user_version(path)
        if found > SCHEMA_VERSION:
            raise DatabaseTooNewError(path, found, SCHEMA_VERSION)
        db = _connect(path)
    except sqlite3.DatabaseError as exc:
        raise _open_error(path, exc) from exc
    try:
        if check:
            step("check")
            problems = quick_check(db.conn)
            if problems:
                # SQLite may report several findings in one row, a line each, under a
                # "*** in database main ***" heading: the first three, on one line.
                lines = [line.strip() for problem in problems for line in problem.splitlines()
                         if line.strip() and not line.startswith("***")]
                raise ProfileDamagedError(path, "; ".join(lines[:3]))
        if found < SCHEMA_VERSION:
            step("backup")
            backup_database(db, path, clock, f"before-v{SCHEMA_VERSION}")
            step("migrate")
            _migrate(db, SCHEMA_VERSION)
        return db
    except sqlite3.DatabaseError as exc:
        db.close()
        raise _open_error(path, exc) from exc
    except BaseException:
        db.close()
        raise


def is_damage(error: sqlite3.Error) -> bool:
    """Whether an SQLite error means the file itself is damaged."""
    name = str(getattr(error, "sqlite_errorname", "") or "")
    return (name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in str(error)
            or "not a database" in str(error))


def _open_error(path: Path, exc: sqlite3.DatabaseError) -> DatabaseError:
    if is_damage(exc):
        return ProfileDamagedError(path, str(exc))
    return DatabaseError(f"{path}: cannot open the profile database: {exc}")
