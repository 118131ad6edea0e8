"""A profile from an older version is brought up to date before the window opens: the
migration runs on a worker thread under a progress dialog naming the step, and opening
the profile afterwards has nothing long left to do."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from trainer.clock import FakeClock
from trainer.config import Config
from trainer.gui import run
from trainer.storage import database
from trainer.storage.migrations import migrations
from trainer.storage.schema import SCHEMA_VERSION


def _old_profile(config: Config) -> None:
    """A profile as the app left it before its last migration."""
    config.profile_dir.mkdir(parents=True)
    old = Database(config.database_path)
    migrations.apply(old, stop_before="0012_review_hours")
    old.execute("PRAGMA user_version = 11")
    old.conn.close()


def _version(config: Config) -> int:
    conn = sqlite3.connect(config.database_path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _hold_migration(monkeypatch: pytest.MonkeyPatch, seen: dict[str, Any],
                    then: Any = None) -> threading.Event:
    """Keep the migration waiting until the window's thread, looking for the progress
    dialog as it handles events, has found it: it never would if it were blocked."""
    release = threading.Event()
    migrate = database._migrate

    def held(db: Any, version: int) -> None:
        seen["thread"] = threading.get_ident()
        seen["released"] = release.wait(60)
        if then is not None:
            then()
        migrate(db, version)

    def look() -> None:
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QProgressDialog) and w.isVisible()]
        if shown:
            seen["label"] = shown[0].labelText()
            release.set()
        elif not release.is_set():
            QTimer.singleShot(20, look)

    monkeypatch.setattr(database, "_migrate", held)
    QTimer.singleShot(0, look)
    return release


def test_an_older_profile_is_migrated_off_the_window_thread_with_its_step_shown(
        qtbot: QtBot, tmp_path: Path, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(tmp_path / "data")
    _old_profile(config)
    seen: dict[str, Any] = {}
    _hold_migration(monkeypatch, seen)
    checked_here: list[int] = []
    quick_check = database.quick_check

    def counted(conn: sqlite3.Connection) -> list[str]:
        if threading.get_ident() == threading.main_thread().ident:
            checked_here.append(1)
        return quick_check(conn)

    monkeypatch.setattr(database, "quick_check", counted)

    services = run.open_profile(config, clock)

    assert services is not None
    try:
        assert seen["released"] and seen["thread"] != threading.main_thread().ident
        assert seen["label"].startswith("Step 3 of 4: Updating your profile for this version")
        assert int(services.db.execute("PRAGMA user_version").fetchone()[0]) == SCHEMA_VERSION
        # Closed cleanly after the migration: opening it on the window's thread did not
        # check the whole file again.
        assert checked_here == []
        assert list((config.profile_dir / "backups").glob(f"*before-v{SCHEMA_VERSION}*"))
    finally:
        services.close()


def test_a_migration_that_fails_is_said_and_leaves_the_profile_as_it_was(
        qtbot: QtBot, tmp_path: Path, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(tmp_path / "data")
    _old_profile(config)
    seen: dict[str, Any] = {}

    def disk_full() -> None:
        raise sqlite3.OperationalError("database or disk is full")

    _hold_migration(monkeypatch, seen, disk_full)
    said: list[str] = []
    monkeypatch.setattr(run, "_cannot", lambda title, error, _config: said.append(str(error)))

    assert run.open_profile(config, clock) is None

    assert seen["released"] and seen["thread"] != threading.main_thread().ident
    assert len(said) == 1 and "disk is full" in said[0]
    assert _version(config) == 11
