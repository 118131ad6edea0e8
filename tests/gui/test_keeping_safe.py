"""From the window, as a rep would: restore a backup (and undo it), check and repair the
database, back up on closing, a full disk that loses nothing, a damaged profile met
with a way out, and a second start that brings the first window forward."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from apart import OffTheWindow
from dialogs import answer_dialogs, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QTreeWidget
from pytestqt.qtbot import QtBot

from trainer import app as app_module
from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.settings import StudySettings
from trainer.gui.backup_dialog import RestoreDialog
from trainer.gui.check_dialog import CheckDialog
from trainer.gui.main_window import MainWindow
from trainer.gui.run import install_error_dialog, open_profile, take_profile
from trainer.gui.single_instance import InstanceServer
from trainer.profile.backup_service import BackupService
from trainer.profile.check_service import CheckService

Opener = Callable[..., tuple[MainWindow, Services]]
TIMEOUT = 20_000


def answers(services: Services) -> int:
    return int(services.db.execute("SELECT count(*) FROM reviews").fetchone()[0])


def study(qtbot: QtBot, window: MainWindow, n: int) -> None:
    qtbot.keyClick(window.decks.tree, Qt.Key.Key_Return)
    for _ in range(n):
        qtbot.keyClick(window.review, Qt.Key.Key_Space)
        qtbot.keyClick(window.review, Qt.Key.Key_3)
    qtbot.keyClick(window.review, Qt.Key.Key_Escape)


def when_modal(qtbot: QtBot, act: Callable[[QDialog], None],
               kind: type[QDialog] = QDialog) -> list[str]:
    """Act on the next modal dialog of ``kind`` once it shows; returns its text."""
    return answer_dialogs([act], kind)


def restore_from_menu(qtbot: QtBot, window: MainWindow, reason: str) -> list[str]:
    """File > Restore from backup, the backup made for ``reason`` chosen and restored;
    returns what the message after it says."""
    def choose(dialog: QDialog) -> None:
        tree = dialog.findChild(QTreeWidget, "backupList")
        assert tree is not None
        reasons = [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]
        tree.setCurrentItem(tree.topLevelItem(reasons.index(reason)))
        press("backupRestore")(dialog)

    when_modal(qtbot, choose, RestoreDialog)
    done = when_modal(qtbot, lambda box: box.accept(), QMessageBox)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    return done


def test_restore_a_backup_from_the_menu_and_undo_it(
        qtbot: QtBot, open_window: Opener, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, services = open_window(clock)
    study(qtbot, window, 2)
    said = when_modal(qtbot, lambda box: box.accept(), QMessageBox)
    window.backup_action.trigger()  # Tools > Back up now (a message says where)
    qtbot.waitUntil(lambda: bool(said), timeout=TIMEOUT)
    assert "Backed up to" in said[0]
    clock.advance(timedelta(minutes=5))
    study(qtbot, window, 3)
    assert answers(window.services) == 5

    def choose_the_manual_backup(dialog: QDialog) -> None:
        assert isinstance(dialog, RestoreDialog)
        tree = dialog.findChild(QTreeWidget, "backupList")
        assert tree is not None
        reasons = [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]
        row = reasons.index("made by hand")
        tree.setCurrentItem(tree.topLevelItem(row))
        preview = dialog.findChild(QLabel, "backupPreview")
        assert preview is not None
        assert "3 answers given since this backup would be taken back" in preview.text()
        qtbot.keyClick(tree, Qt.Key.Key_Return)

    window.show_browser()  # a page holding the profile now: it must follow the restore
    window.show_decks()
    seen = when_modal(qtbot, choose_the_manual_backup, RestoreDialog)
    done = when_modal(qtbot, lambda box: box.accept(), QMessageBox)
    restoring = OffTheWindow(monkeypatch, BackupService, "restore")
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    assert restoring.threads == ["worker"]
    assert seen and "Restored the backup from" in done[0]
    assert window.services is not services
    assert answers(window.services) == 2
    window.show_browser()
    browser = window.stack.currentWidget()
    assert getattr(browser, "service", None) is window.services.browse
    window.show_decks()
    counts = [window.decks.tree.topLevelItem(0).text(c) for c in range(1, 4)]
    assert counts[0] == "18"  # the new-card count follows the restored profile
    # The restore is undone by restoring what was kept before it.
    restore_from_menu(qtbot, window, "before a restore")
    assert answers(window.services) == 5
    window.services.close()


def test_a_backup_from_an_older_version_is_brought_up_to_date_as_it_is_restored(
        qtbot: QtBot, open_window: Opener, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Restoring the backup made before an update gives a profile of the older version:
    it is migrated on the restore's worker thread, not when the window opens it."""
    window, _services = open_window(clock)
    study(qtbot, window, 1)
    said = when_modal(qtbot, lambda box: box.accept(), QMessageBox)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=TIMEOUT)
    behind = iter([True])  # the restored file is the older version's, once
    monkeypatch.setattr(app_module, "profile_behind", lambda _config: next(behind, False))
    migrating = OffTheWindow(monkeypatch, app_module, "bring_profile_up_to_date")
    done = restore_from_menu(qtbot, window, "made by hand")
    assert migrating.threads == ["worker"]
    assert "Restored the backup from" in done[0]
    assert answers(window.services) == 1
    window.services.close()


def test_check_database_finds_and_repairs(qtbot: QtBot, open_window: Opener,
                                          clock: FakeClock,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window, services = open_window(clock)
    study(qtbot, window, 1)
    with services.db.atomic():
        services.db.execute("UPDATE item_state SET reps = 9 WHERE reps = 1")
    checking = OffTheWindow(monkeypatch, CheckService, "check")
    window.check_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(CheckDialog) is not None, timeout=TIMEOUT)
    dialog = window.findChild(CheckDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    assert "The schedule of 1 card or question does not match its answers." in dialog.text.text()
    assert dialog.repair_button.isEnabled() and dialog.repair_button.hasFocus()
    qtbot.keyClick(dialog.repair_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.ok, timeout=TIMEOUT)
    assert "Repaired." in dialog.text.text() and "before-repair" in dialog.text.text()
    assert set(checking.threads) == {"worker"}
    assert services.db.execute("SELECT max(reps) FROM item_state").fetchone()[0] == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_closing_after_study_backs_up_and_checks(qtbot: QtBot, open_window: Opener,
                                                 clock: FakeClock) -> None:
    window, services = open_window(clock)
    window.close()  # nothing changed: no backup
    assert services.backups.list() == []
    window, services = open_window(clock, services.config.data_dir)
    study(qtbot, window, 2)
    window.close()
    [backup] = services.backups.list()
    assert backup.reason == "close" and backup.answers == 2
    assert window.keeper.closed_check is not None and window.keeper.closed_check.ok


def test_a_full_disk_loses_nothing_and_the_window_goes_on(
        qtbot: QtBot, open_window: Opener, clock: FakeClock) -> None:
    window, services = open_window(clock)
    qtbot.keyClick(window.decks.tree, Qt.Key.Key_Return)
    # The disk is full as soon as the profile needs one more page: within a few answers.
    pages = services.db.execute("PRAGMA page_count").fetchone()[0]
    services.db.execute(f"PRAGMA max_page_count={pages}")
    seen = when_modal(qtbot, lambda box: box.accept(), QMessageBox)
    for _ in range(60):
        before, shown = answers(services), window.review.shown
        qtbot.keyClick(window.review, Qt.Key.Key_Space)
        qtbot.keyClick(window.review, Qt.Key.Key_3)
        if answers(services) == before:
            break
    qtbot.waitUntil(lambda: bool(seen), timeout=TIMEOUT)
    assert f"profile 'default' ({services.config.database_path}): the disk is full" in seen[0]
    assert window.review.shown == shown  # still on the same card, nothing half written
    assert services.checks.check(quick=True).ok
    services.db.execute("PRAGMA max_page_count=1073741823")  # space was freed
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    qtbot.keyClick(window.review, Qt.Key.Key_3)
    assert answers(services) == before + 1


def test_an_unexpected_database_error_anywhere_is_one_sentence(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(tmp_path / "data")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_error_dialog(config)
    seen = when_modal(qtbot, lambda box: box.accept(), QMessageBox)
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorname = "SQLITE_BUSY"  # type: ignore[attr-defined]
    sys.excepthook(type(error), error, None)  # as PySide hands it over from a slot
    assert seen == [f"profile 'default' ({config.database_path}): another program is "
                    "writing to it, so the last change was not saved; try again in a moment"]
    assert (config.data_dir / "logs" / "error.log").exists()


def test_a_damaged_profile_offers_its_newest_good_backup(
        qtbot: QtBot, tmp_path: Path, clock: FakeClock, settings: StudySettings,
        card_decks: Path) -> None:
    config = Config(tmp_path / "data")
    services = open_services(config, clock, settings, card_decks)
    session = services.study.start("cards")
    session.answer(__import__("trainer.domain.scheduling").domain.scheduling.Rating.GOOD)
    services.backup("manual")
    services.close()
    data = bytearray(config.database_path.read_bytes())
    data[len(data) // 2:len(data) // 2 + 8192] = os.urandom(8192)
    config.database_path.write_bytes(bytes(data))

    def restore(dialog: QDialog) -> None:
        text = dialog.findChild(QLabel, "damagedText")
        assert text is not None and "is damaged" in text.text()
        assert "with 1 answers" in text.text() or "with 1 answer" in text.text()
        press("damaged-restore")(dialog)

    seen = when_modal(qtbot, restore)
    reopened = open_profile(config, clock, settings, card_decks)
    assert seen and reopened is not None
    assert answers(reopened) == 1
    reasons = [b.reason for b in reopened.backups.list()]
    assert "damaged" in reasons  # the damaged file is kept, not deleted
    reopened.close()


def test_a_second_start_brings_the_first_window_forward_with_its_file(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path) -> None:
    window, services = open_window(clock)
    lock, status = take_profile(services.config, clock, None)
    assert lock is not None and status == 0  # the test window holds no lock of its own
    requests: list[Path | None] = []
    server = InstanceServer(services.config.profile_dir, requests.append, window)
    assert server.listening
    deck = tmp_path / "deck.csv"
    deck.write_text("front,back\nQ,A\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.Popen(
        [sys.executable, "-m", "trainer", "--data-dir", str(services.config.data_dir),
         str(deck)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
    finally:
        if second.poll() is None:
            second.kill()
    err = second.stderr.read().decode() if second.stderr else ""
    assert second.returncode == 0, err
    assert "already open on profile 'default'; it was brought forward" in err
    assert requests == [deck.resolve()]
    server.close()
    lock.release()


def test_the_half_hourly_backup_runs_off_the_window_only_after_a_change(
        qtbot: QtBot, open_window: Opener, clock: FakeClock) -> None:
    window, services = open_window(clock)
    assert window.keeper.timer.isActive()
    assert window.keeper.timer.interval() == 30 * 60 * 1000
    window.keeper.timer.timeout.emit()  # nothing changed yet: no backup
    assert window.keeper.task is None and services.backups.list() == []
    study(qtbot, window, 2)
    window.keeper.timer.timeout.emit()
    task = window.keeper.task
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=TIMEOUT)
    [backup] = services.backups.list()
    assert backup.reason == "periodic" and backup.answers == 2
    assert not services.changed_since_backup


def test_closing_while_a_backup_runs_waits_for_it_and_closes(
        qtbot: QtBot, open_window: Opener, clock: FakeClock) -> None:
    window, services = open_window(clock)
    study(qtbot, window, 1)
    window.keeper.timer.timeout.emit()  # the half-hourly backup starts on its worker
    task = window.keeper.task
    assert task is not None
    window.close()  # at once: the backup is let finish, then the closing check runs
    assert not task.running and not window.isVisible()
    assert [b.reason for b in services.backups.list()] == ["periodic"]
    assert window.keeper.closed_check is not None and window.keeper.closed_check.ok


def test_leaving_check_database_while_it_checks_lets_the_check_finish(
        qtbot: QtBot, open_window: Opener, clock: FakeClock) -> None:
    window, _ = open_window(clock)
    window.check_action.trigger()
    dialog = window.findChild(CheckDialog)
    assert dialog is not None and dialog.task is not None
    task = dialog.task
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not task.running and not task.worker_thread.isRunning()
    assert dialog.report is not None and dialog.report.ok

