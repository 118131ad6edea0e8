"""Opening profiles: pragmas, schema version, refusal of newer files, backups."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from trainer.clock import FakeClock
from trainer.domain.errors import DatabaseTooNewError, ProfileDamagedError
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
    assert [m.name for m in migrations.applied(Database(db.conn))] == [
        "0001_initial", "0002_quizzes", "0003_paths", "0004_statistics",
        "0005_review_deck_version", "0006_pending_media", "0007_practice_replies",
        "0008_browser", "0009_item_resets", "0010_origins_and_media_store",
        "0011_review_topic", "0012_review_hours"]
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
    with pytest.raises(ProfileDamagedError, match="is not a SQLite database") as err:
        open_database(path, clock)
    assert str(path) in str(err.value)
    assert path.read_text() == "this is not sqlite"


def _profile_at_version(path: Path, version: int) -> None:
    """A profile as an older app left it: only its first ``version`` migrations, some data."""
    db = Database(path)
    names = [m.name for m in migrations._migrations]
    stop = names[version] if version < len(names) else None
    migrations.apply(db, stop_before=stop)
    db.execute(f"PRAGMA user_version = {version}")
    db.execute("INSERT INTO decks (id, title, version, installed_at, updated_at) "
               "VALUES ('d', 'Deck', '1', 't', 't')")
    db.execute("INSERT INTO items (id, deck_id, key, topic, front, back, position, created_at, "
               "updated_at) VALUES (1, 'd', 'c1', 'x', 'f', 'b', 0, 't', 't')")
    db.execute("INSERT INTO item_state (item_id, deck_id, position, phase, due) "
               "VALUES (1, 'd', 0, 2, '2026-03-01T00:00:00.000000+00:00')")
    db.execute("INSERT INTO reviews (item_id, deck_id, reviewed_at, rating, phase_before, "
               "state_before, state_after) VALUES (1, 'd', 't', 3, 0, '{}', '{}')")
    db.conn.commit()
    db.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_every_older_profile_upgrades_with_a_backup_first(
        tmp_path: Path, clock: FakeClock, version: int) -> None:
    path = tmp_path / "t.sqlite"
    _profile_at_version(path, version)
    db = open_database(path, clock)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [m.name for m in migrations.applied(Database(db.conn))] == [
        m.name for m in migrations._migrations]
    # Progress survives the upgrade untouched.
    assert db.execute("SELECT phase, due FROM item_state").fetchone() == (
        2, "2026-03-01T00:00:00.000000+00:00")
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    db.close()
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1 and f"before-v{SCHEMA_VERSION}" in backups[0].name
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == version
    assert old.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    old.close()


def test_a_failing_migration_changes_nothing(tmp_path: Path, clock: FakeClock,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.sqlite"
    open_database(path, clock).close()
    later = Migrations("trainer")
    later._migrations.extend(migrations._migrations)

    @later(name="9999_broken")
    def broken(db: Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk full")

    monkeypatch.setattr("trainer.storage.migrations.migrations", later)
    monkeypatch.setattr(database, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError):
        open_database(path, clock)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "half_done" not in {r[0] for r in check.execute(
        "SELECT name FROM sqlite_master")}
    check.close()


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
    db.close()


def test_upgrading_marks_which_logged_answers_were_of_mature_items(
        tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    _profile_at_version(path, 3)
    conn = sqlite3.connect(path)

    def state(due: str, last: str) -> str:
        return f'{{"due": "{due}", "last_review": "{last}"}}'

    conn.executemany(
        "INSERT INTO reviews (item_id, deck_id, reviewed_at, rating, phase_before, "
        "state_before, state_after) VALUES (1, 'd', ?, 3, 2, ?, '{}')",
        [("t2", state("2026-03-22T00:00:00.000000+00:00", "2026-03-01T00:00:00.000000+00:00")),
         ("t3", state("2026-03-21T23:00:00.000000+00:00", "2026-03-01T00:00:00.000000+00:00")),
         ("t4", "not json")])
    conn.commit()
    conn.close()

    db = open_database(path, clock)
    # 21 days exactly is mature, an hour less is not, and unknown stays unknown.
    assert db.execute("SELECT reviewed_at, mature FROM reviews ORDER BY reviewed_at"
                      ).fetchall() == [("t", None), ("t2", 1), ("t3", 0), ("t4", None)]
    db.close()


def test_upgrading_says_where_each_installed_deck_came_from(tmp_path: Path,
                                                            clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    _profile_at_version(path, 9)
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO decks (id, title, version, source_file, builtin, installed_at, "
        "updated_at) VALUES (?, 'T', '1', ?, ?, 't', 't')",
        [("shipped", "/app/decks/cards.toml", 1), ("my-cards", None, 0),
         ("a", "/home/rep/Sales.APKG", 0), ("b", "/home/rep/all.colpkg", 0),
         ("g", "/home/rep/quiz.gift.txt", 0), ("h", "/home/rep/quiz.gift", 0),
         ("p", "/home/rep/sent.trainerdeck/deck.toml", 0), ("c", "/home/rep/x.tsv", 0),
         ("t", "/home/rep/x.txt", 0), ("f", "/home/rep/deck.toml", 0)])
    conn.commit()
    conn.close()
    db = open_database(path, clock)
    assert dict(db.execute("SELECT id, origin FROM decks").fetchall()) == {
        "d": None, "shipped": "builtin", "my-cards": "mine", "a": "anki", "b": "anki",
        "g": "gift", "h": "gift", "p": "trainerdeck", "c": "csv", "t": "csv", "f": "toml"}
    assert db.execute("SELECT count(*) FROM decks WHERE origin_id IS NOT NULL"
                      ).fetchone()[0] == 0  # Anki's deck ids are learnt at the next import
    db.close()


def test_a_closed_profiles_version_is_read_from_its_header(
        tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.sqlite"
    open_database(path, clock).close()
    assert not Path(f"{path}-wal").exists()

    def no_connection(_path: Path) -> int:
        raise AssertionError("a connection was opened to read the version")

    monkeypatch.setattr(database, "_read_user_version", no_connection)
    assert database.schema_behind(path) is False
    open_database(path, clock).close()
    # The header says what SQLite says.
    monkeypatch.undo()
    assert database._user_version(path) == database._read_user_version(path)


def test_a_newer_version_still_in_the_write_ahead_log_is_seen(
        tmp_path: Path, clock: FakeClock) -> None:
    # Another program holds the profile open and has raised its version, which is in
    # its -wal, not yet in the file's own header.
    path = tmp_path / "t.sqlite"
    open_database(path, clock).close()
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("PRAGMA journal_mode=WAL")
        other.execute("PRAGMA wal_autocheckpoint=0")
        other.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
        assert path.read_bytes()[60:64] == SCHEMA_VERSION.to_bytes(4, "big")  # stale
        with pytest.raises(DatabaseTooNewError):
            open_database(path, clock)
        other.execute(f"PRAGMA user_version={SCHEMA_VERSION - 1}")
        assert database.schema_behind(path) is True
    finally:
        other.close()


def test_a_file_that_is_not_a_profile_is_not_behind(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    path.write_bytes(b"not a database at all, but long enough to have a header " * 4)
    assert database.schema_behind(path) is False
    path.write_bytes(b"")
    assert database.schema_behind(path) is False
    assert database.schema_behind(tmp_path / "missing.sqlite") is False


def test_a_damaged_header_is_named_as_damage_not_as_a_newer_profile(
        tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "t.sqlite"
    open_database(path, clock).close()
    data = bytearray(path.read_bytes())
    data[16:18] = b"\x00\x07"  # no page size SQLite writes
    data[60:64] = b"\xde\xad\xbe\xef"  # and garbage where the version is
    path.write_bytes(bytes(data))
    with pytest.raises(ProfileDamagedError):
        open_database(path, clock)
    assert path.read_bytes() == bytes(data)  # left as it was


def test_the_write_ahead_log_is_looked_for_beside_the_file_a_link_names(
        tmp_path: Path, clock: FakeClock) -> None:
    real = tmp_path / "real" / "t.sqlite"
    open_database(real, clock).close()
    link = tmp_path / "link.sqlite"
    link.symlink_to(real)
    other = sqlite3.connect(real, isolation_level=None)  # its -wal is beside the file
    try:
        other.execute("PRAGMA wal_autocheckpoint=0")
        other.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
        with pytest.raises(DatabaseTooNewError):
            open_database(link, clock)
    finally:
        other.close()


def test_a_rollback_journal_beside_the_file_sends_the_question_to_sqlite(
        tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.sqlite"
    open_database(path, clock).close()
    Path(f"{path}-journal").write_bytes(b"")
    asked: list[Path] = []
    read = database._read_user_version

    def counted(where: Path) -> int:
        asked.append(where)
        return read(where)

    monkeypatch.setattr(database, "_read_user_version", counted)
    assert database._user_version(path) == SCHEMA_VERSION
    assert asked == [path]


def test_a_write_ahead_log_left_beside_a_linked_profile_gets_it_checked(
        tmp_path: Path, clock: FakeClock) -> None:
    real = tmp_path / "real" / "t.sqlite"
    link = tmp_path / "link.sqlite"
    open_database(real, clock).close()
    link.symlink_to(real)
    database.mark_clean(link)  # closed after a passing check, as the app closes it
    steps: list[str] = []
    open_database(link, clock, step=steps.append).close()
    assert steps == []  # clean: no check
    database.mark_clean(link)
    Path(f"{real}-wal").write_bytes(b"")  # what a crash leaves beside the file
    open_database(link, clock, step=steps.append).close()
    assert steps == ["check"]
