"""Opening profiles: pragmas, schema version, refusal of newer files, backups."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from trainer.clock import FakeClock
from trainer.domain.errors import DatabaseError, DatabaseTooNewError
from trainer.storage import database
from trainer.storage.database import open_database
from trainer.storage.migrations import migrations
from trainer.storage.schema import SCHEMA_VERSION


def test_new_profile_has_schema_and_safe_pragmas(tmp_path: Path, clock: FakeClock) -> None:
    db = open_database(tmp_path / "p" / "t.sqlite", clock)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {"decks", "items", "item_state", "reviews", "sessions", "settings"} <= set(
        db.table_names())
    assert [m.name for m in migrations.applied(Database(db.conn))] == ["0001_initial"]
    db.close()


def test_newer_profile_is_refused_and_left_untouched(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(DatabaseTooNewError) as err:
        open_database(path, clock)
    assert str(path) in str(err.value) and "newer version" in str(err.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no -wal, no backup


def test_not_a_database_gets_a_clear_error(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    path.write_text("this is not sqlite")
    with pytest.raises(DatabaseError, match="cannot open the profile database"):
        open_database(path, clock)
    assert path.read_text() == "this is not sqlite"


def test_backup_is_taken_before_a_migration(tmp_path: Path, clock: FakeClock,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.sqlite"
    db = open_database(path, clock)
    with db.atomic():
        db.execute("INSERT INTO settings VALUES ('marker', '1')")
    db.close()

    later = Migrations("trainer")
    for m in migrations._migrations:
        later._migrations.append(m)

    @later(name="0002_test_change")
    def add_column(db: Database) -> None:
        db.execute("ALTER TABLE settings ADD COLUMN note TEXT")

    monkeypatch.setattr("trainer.storage.migrations.migrations", later)
    monkeypatch.setattr(database, "SCHEMA_VERSION", len(later._migrations))
    db = open_database(path, clock)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    assert "note" in Database(db.conn)["settings"].columns_dict  # type: ignore[union-attr]
    db.close()
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1 and "before-v2" in backups[0].name
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT value FROM settings WHERE key = 'marker'").fetchone() == ("1",)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()


def test_schema_version_counts_the_migrations() -> None:
    assert len(migrations._migrations) == SCHEMA_VERSION


def test_failed_transaction_leaves_nothing(tmp_path: Path, clock: FakeClock) -> None:
    db = open_database(tmp_path / "t.sqlite", clock)
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("INSERT INTO settings VALUES ('a', '1')")
        with db.atomic():
            db.execute("INSERT INTO settings VALUES ('b', '2')")
        raise RuntimeError("disk full")
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0
    assert not db.conn.in_transaction
