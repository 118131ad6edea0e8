"""The built-in decks at each start: a file unchanged since an earlier start is neither
read nor hashed again, and any change to one is seen, even one that keeps its size and
its modification time (as an install that gives every file a fixed time does)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.settings import StudySettings
from trainer.library import builtin_decks

DATA = Path(__file__).resolve().parents[1] / "data"
SECOND_NS = 1_000_000_000


def _builtin(folder: Path, version: str, front: str, modified_ns: int | None = None) -> Path:
    """A built-in deck folder with one deck whose first card starts with ``front``,
    with the modification time ``modified_ns`` (None: as written)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (DATA / "cards_deck.toml").read_text()
    text = text.replace('version = "1"', f'version = "{version}"', 1)
    text = text.replace('front = "', f'front = "{front} ', 1)
    deck = folder / "cards_deck.toml"
    deck.write_text(text)
    if modified_ns is not None:
        os.utime(deck, ns=(modified_ns, modified_ns))
    return folder


def _first_front(services: Services) -> str:
    return str(services.db.execute(
        "SELECT front FROM items WHERE deck_id = 'cards' ORDER BY position LIMIT 1"
    ).fetchone()[0])


def _started(config: Config, clock: FakeClock, settings: StudySettings,
             folder: Path) -> tuple[str, str]:
    """Open the profile with ``folder`` as the built-in decks, as a start does: the
    first card's front and the deck's version installed then."""
    services = open_services(config, clock, settings, folder)
    try:
        version = str(services.db.execute("SELECT version FROM decks").fetchone()[0])
        return _first_front(services), version
    finally:
        services.close()


class _CountedSha256:
    """hashlib.sha256, counting the files hashed."""

    def __init__(self) -> None:
        self.calls = 0
        self._real = hashlib.sha256

    def __call__(self, data: bytes) -> hashlib._Hash:
        self.calls += 1
        return self._real(data)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as written long ago: they are recorded at once
    (a file changed in the last few seconds is not; see the last test)."""
    monkeypatch.setattr(builtin_decks, "_RACY_NS", -1)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> _CountedSha256:
    counter = _CountedSha256()
    monkeypatch.setattr(hashlib, "sha256", counter)
    return counter


def test_a_start_with_the_builtin_decks_unchanged_reads_none_of_their_files(
        tmp_path: Path, clock: FakeClock, settings: StudySettings,
        counted: _CountedSha256, settled: None) -> None:
    config = Config(tmp_path / "data")
    shipped = _builtin(tmp_path / "builtin", "1.0.0", "Shipped")
    open_services(config, clock, settings, shipped).close()
    first = counted.calls
    assert first >= 1  # the first start hashed the file

    services = open_services(config, clock, settings, shipped)
    assert counted.calls == first  # the second did not
    assert _first_front(services).startswith("Shipped")
    services.close()


def test_an_update_that_keeps_the_files_size_is_installed(
        tmp_path: Path, clock: FakeClock, settings: StudySettings, settled: None) -> None:
    config = Config(tmp_path / "data")
    shipped = _builtin(tmp_path / "builtin", "1.0.0", "Shipped", modified_ns=SECOND_NS)
    open_services(config, clock, settings, shipped).close()
    # The same size, written over the old file.
    _builtin(tmp_path / "builtin", "1.3.0", "Updated", modified_ns=2 * SECOND_NS)

    front, version = _started(config, clock, settings, shipped)
    assert front.startswith("Updated")
    assert version == "1.3.0"


def test_an_update_installed_with_the_same_size_and_time_is_installed(
        tmp_path: Path, clock: FakeClock, settings: StudySettings, settled: None) -> None:
    # As Flatpak installs (every file's time 0) or rsync -t copies: the new file is
    # written beside the old and renamed over it, with the old one's size and time.
    config = Config(tmp_path / "data")
    shipped = _builtin(tmp_path / "builtin", "1.0.0", "Shipped")
    deck = shipped / "cards_deck.toml"
    os.utime(deck, ns=(0, 0))
    open_services(config, clock, settings, shipped).close()
    update = _builtin(tmp_path / "update", "1.3.0", "Updated") / "cards_deck.toml"
    assert update.stat().st_size == deck.stat().st_size
    os.utime(update, ns=(0, 0))
    update.replace(deck)

    front, version = _started(config, clock, settings, shipped)
    assert front.startswith("Updated")
    assert version == "1.3.0"


def test_a_file_changed_twice_within_its_clocks_tick_is_still_seen(
        tmp_path: Path, clock: FakeClock, settings: StudySettings,
        counted: _CountedSha256) -> None:
    config = Config(tmp_path / "data")
    shipped = _builtin(tmp_path / "builtin", "1.0.0", "Shipped")  # modified just now
    deck = shipped / "cards_deck.toml"
    open_services(config, clock, settings, shipped).close()
    written = deck.stat().st_mtime_ns
    # Rewritten with the same size and, as a coarse file system clock can give, the same
    # modification time: a file this new was not trusted by its time, so it is read.
    _builtin(tmp_path / "builtin", "1.3.0", "Updated")
    os.utime(deck, ns=(written, written))
    before = counted.calls

    services = open_services(config, clock, settings, shipped)
    assert counted.calls > before
    assert _first_front(services).startswith("Updated")
    services.close()


def test_a_damaged_record_of_the_files_is_ignored(
        tmp_path: Path, clock: FakeClock, settings: StudySettings, settled: None) -> None:
    config = Config(tmp_path / "data")
    shipped = _builtin(tmp_path / "builtin", "1.0.0", "Shipped", modified_ns=SECOND_NS)
    services = open_services(config, clock, settings, shipped)
    damaged = services.db.execute("UPDATE settings SET value = '{\"x\": [1, 2' "
                                  "WHERE key = 'builtin_file_hashes'")
    assert damaged.rowcount == 1
    services.close()
    _builtin(tmp_path / "builtin", "1.3.0", "Updated", modified_ns=2 * SECOND_NS)

    front, _version = _started(config, clock, settings, shipped)
    assert front.startswith("Updated")


def test_a_record_that_fails_to_commit_leaves_no_transaction_open(
        tmp_path: Path, clock: FakeClock, settings: StudySettings, settled: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A commit that fails (disk full, an I/O error) may leave SQLite's transaction open;
    # the sitting's answers would then be written inside it and lost on closing.
    services = open_services(Config(tmp_path / "data"), clock, settings,
                             _builtin(tmp_path / "builtin", "1.0.0", "Shipped"))
    db = services.db

    monkeypatch.setattr(db, "conn", CommitFails(db.conn))
    builtin_decks._record_hashes(db, {"x.toml": [1, 2, 3, 4, "hash"]})
    assert not db.conn.in_transaction
    monkeypatch.undo()
    services.close()


class CommitFails:
    """A connection whose COMMIT fails as a full disk makes it fail: the transaction
    is left open, as SQLite may leave it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        if sql == "COMMIT":
            raise sqlite3.OperationalError("disk I/O error")
        return self.conn.execute(sql, params)

    def __getattr__(self, name: str) -> object:
        return getattr(self.conn, name)
