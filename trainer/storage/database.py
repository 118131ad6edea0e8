"""Open a profile database safely.

Order matters here: the schema version is read before anything is written, so a
file from a newer app is refused untouched; a backup is taken before any migration.
"""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

from trainer.clock import Clock
from trainer.domain.errors import DatabaseError, DatabaseTooNewError
from trainer.storage.schema import SCHEMA_VERSION
from trainer.storage.store import Store

BACKUP_FOLDER = "backups"


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
    folder = path.parent / BACKUP_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}-{reason}.sqlite"
    dest = sqlite3.connect(target)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


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


def open_database(path: Path, clock: Clock) -> Store:
    """Open (creating or migrating as needed) the profile database at ``path``."""
    supported = SCHEMA_VERSION
    existed = path.exists() and path.stat().st_size > 0
    try:
        if existed:
            found = _read_user_version(path)
            if found > supported:
                raise DatabaseTooNewError(path, found, supported)
        else:
            found = 0
            path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are begun explicitly by Store.atomic().
        db = Store(sqlite3.connect(path, isolation_level=None), path)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=5000")
        _ensure_math_functions(db.conn)
        if found < supported:
            if existed:
                backup_database(db, path, clock, f"before-v{supported}")
            _migrate(db, supported)
        return db
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: cannot open the profile database: {exc}") from exc
