"""The write-ahead log is folded into the profile's file while the window is idle, on
a thread of its own: the window never waits for the disk, and closing or restoring
while a checkpoint runs stops it before the file is closed or replaced. The worker is
held inside its checkpoint with events, never timed."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from dialogs import answer_dialogs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTreeWidget
from pytestqt.qtbot import QtBot
from wal_rows import rows_in_file_alone, write_rows

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui.backup_dialog import RestoreDialog
from trainer.gui.main_window import MainWindow
from trainer.profile.backup_service import BackupService
from trainer.storage import tidier as tidier_module
from trainer.storage.store import TIDY_ROWS
from trainer.storage.tidier import Tidier

Opener = Callable[..., tuple[MainWindow, Services]]
TIMEOUT = 20_000


class Checkpoints:
    """Wraps the checkpoint the worker runs: records the thread and the order of events,
    and with ``hold`` keeps the worker inside it until the window begins to stop it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, hold: bool = False,
                 error: Exception | None = None) -> None:
        self.threads: list[int] = []
        self.events: list[str] = []
        self.inside = threading.Event()
        self.release = threading.Event()
        if not hold:
            self.release.set()
        real_fold = tidier_module.fold_log
        real_halt = Tidier.halt

        def fold(conn: sqlite3.Connection) -> bool:
            self.threads.append(threading.get_ident())
            self.inside.set()
            assert self.release.wait(TIMEOUT / 1000)
            if error is not None:
                self.events.append("failed")
                raise error
            try:
                return real_fold(conn)
            finally:
                self.events.append("checkpoint done")

        def halt(tidier: Tidier) -> None:
            if tidier.running:  # the worker is let go only once the halt has begun
                self.events.append("halt")
                self.release.set()
            real_halt(tidier)

        monkeypatch.setattr(tidier_module, "fold_log", fold)
        monkeypatch.setattr(Tidier, "halt", halt)

    def record(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
        """Record when ``owner.name`` is called among the checkpoint's events."""
        real = getattr(owner, name)

        def recorded(*args: object, **kwargs: object) -> object:
            self.events.append(name)
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, recorded)




def test_the_log_is_folded_into_the_file_off_the_window_s_thread(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    checkpoints = Checkpoints(monkeypatch, hold=True)
    window, services = open_window(clock)
    assert window.keeper.tidy_timer.isActive()
    services.db.checkpoint()
    write_rows(services.db, 0, TIDY_ROWS)
    profile = services.config.database_path
    assert rows_in_file_alone(profile, tmp_path) == 0  # the commits left them in the log
    window.keeper.tidy_timer.timeout.emit()
    assert checkpoints.inside.wait(TIMEOUT / 1000)
    # The window goes on while the worker is inside its checkpoint: another tick is
    # skipped, and an answer's write is not held up.
    window.keeper.tidy_timer.timeout.emit()
    with services.db.atomic():
        services.db.execute("INSERT INTO settings VALUES ('meanwhile', '1')")
    checkpoints.release.set()
    qtbot.waitUntil(lambda: not services.tidier.running, timeout=TIMEOUT)
    assert checkpoints.threads == checkpoints.threads[:1]  # one checkpoint, not two
    assert checkpoints.threads[0] != threading.get_ident()
    assert threading.get_ident() == threading.main_thread().ident
    assert rows_in_file_alone(profile, tmp_path) == TIDY_ROWS


def test_closing_while_a_checkpoint_runs_stops_it_first(
        qtbot: QtBot, open_window: Opener, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    checkpoints = Checkpoints(monkeypatch, hold=True)
    checkpoints.record(monkeypatch, BackupService, "create")
    window, services = open_window(clock)
    write_rows(services.db, 0, TIDY_ROWS)
    window.keeper.tidy_timer.timeout.emit()
    assert checkpoints.inside.wait(TIMEOUT / 1000)
    window.close()  # with a change to back up and the quick check to run
    assert checkpoints.events == ["halt", "checkpoint done", "create"]
    assert not services.tidier.running
    assert window.keeper.closed_check is not None and window.keeper.closed_check.ok
    services.close(checked=window.keeper.closed_check)
    path = services.config.database_path
    # The window's connection closed last: it folded the log and removed it, and the
    # file was marked as closed after a passing check.
    assert not Path(f"{path}-wal").exists()
    assert path.with_name(".closed-clean").exists()


def test_restoring_while_a_checkpoint_runs_stops_it_first(
        qtbot: QtBot, open_window: Opener, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    checkpoints = Checkpoints(monkeypatch, hold=True)
    checkpoints.record(monkeypatch, BackupService, "restore")
    window, services = open_window(clock)
    services.backup("manual")
    write_rows(services.db, 0, TIDY_ROWS)
    window.keeper.tidy_timer.timeout.emit()
    assert checkpoints.inside.wait(TIMEOUT / 1000)

    def choose_the_manual_backup(dialog: QDialog) -> None:
        tree = dialog.findChild(QTreeWidget, "backupList")
        assert tree is not None
        reasons = [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]
        tree.setCurrentItem(tree.topLevelItem(reasons.index("made by hand")))
        qtbot.keyClick(tree, Qt.Key.Key_Return)

    answer_dialogs([choose_the_manual_backup], RestoreDialog)
    done = answer_dialogs([lambda box: box.accept()], QMessageBox)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    assert "Restored the backup from" in done[0]
    assert checkpoints.events == ["halt", "checkpoint done", "restore"]
    assert not services.tidier.running
    restored = window.services
    assert restored is not services
    assert restored.db.execute(
        "SELECT count(*) FROM settings WHERE key LIKE 'k%'").fetchone()[0] == 0
    assert restored.checks.check(quick=True).ok
    restored.close()


@pytest.mark.parametrize("error", [
    sqlite3.OperationalError("database or disk is full"),
    sqlite3.DatabaseError("database disk image is malformed"),
    OSError(5, "Input/output error"),
])
def test_a_failing_checkpoint_shows_nothing_and_the_window_goes_on(
        qtbot: QtBot, open_window: Opener, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    uncaught: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", uncaught.append)
    checkpoints = Checkpoints(monkeypatch, error=error)
    window, services = open_window(clock)
    write_rows(services.db, 0, TIDY_ROWS)
    window.keeper.tidy_timer.timeout.emit()
    qtbot.waitUntil(lambda: checkpoints.events == ["failed"], timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not services.tidier.running, timeout=TIMEOUT)
    assert uncaught == []
    assert not any(isinstance(w, QMessageBox) and w.isVisible()
                   for w in QApplication.topLevelWidgets())
    # The window goes on writing, and checkpoints again.
    write_rows(services.db, TIDY_ROWS, TIDY_ROWS)
    window.keeper.tidy_timer.timeout.emit()
    qtbot.waitUntil(lambda: checkpoints.events == ["failed", "failed"], timeout=TIMEOUT)
    assert len(checkpoints.threads) == 2


def test_a_backup_stops_the_checkpoint_first_and_none_starts_beside_it(
        qtbot: QtBot, open_window: Opener, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    checkpoints = Checkpoints(monkeypatch, hold=True)
    checkpoints.record(monkeypatch, BackupService, "create")
    window, services = open_window(clock)
    write_rows(services.db, 0, TIDY_ROWS)
    window.keeper.tidy_timer.timeout.emit()
    assert checkpoints.inside.wait(TIMEOUT / 1000)
    window.keeper.timer.timeout.emit()  # the half-hourly backup, on its worker thread
    task = window.keeper.task
    assert task is not None and task.running
    # Enough for another checkpoint, but a backup runs.
    write_rows(services.db, TIDY_ROWS, TIDY_ROWS)
    window.keeper.tidy_timer.timeout.emit()
    qtbot.waitUntil(lambda: not task.running, timeout=TIMEOUT)
    assert checkpoints.events == ["halt", "checkpoint done", "create"]
    assert len(checkpoints.threads) == 1
    assert [b.reason for b in services.backups.list()] == ["periodic"]
    window.keeper.tidy_timer.timeout.emit()  # the backup is over: the next tick starts one
    qtbot.waitUntil(lambda: len(checkpoints.threads) == 2, timeout=TIMEOUT)
