"""Keeping the window's profile safe: the half-hourly backup, Back up now, Restore from
backup, and the backup and quick check when the window closes. They run off the
window's thread, except the last, which runs once the window is hidden. Also the
write-ahead log's checkpoint, started between events while the window is idle."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import suppress
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from trainer.domain.errors import TrainerError
from trainer.i18n import Context

# Message boxes, dialogs, the worker thread and the error sentences are imported when a
# backup, restore or check first needs them, not at start-up.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from trainer.app import Services
    from trainer.gui.tasks import Report, Task
    from trainer.profile.backup_service import BackupInfo
    from trainer.profile.check_service import CheckReport


class KeeperText(Context):
    """Texts of backing up, restoring and the check on closing."""


# How often the window backs up a profile that is being changed.
PERIODIC = timedelta(minutes=30)


class Keeper(QObject):
    """Backups, restores and checks for one main window. It is given the window (to
    hide, and to parent its dialogs), the profile's services as they are now (a restore
    replaces them), and the two things it asks of the window around a restore."""

    def __init__(self, window: QWidget, services: Callable[[], Services],
                 end_session: Callable[[], None],
                 replace_services: Callable[[Services], None]) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.end_session = end_session
        self.replace_services = replace_services
        self.task: Task | None = None
        self.closed_check: CheckReport | None = None
        # Every half hour of use, a backup if anything changed since the last one.
        self.timer = QTimer(self)
        self.timer.setInterval(int(PERIODIC.total_seconds() * 1000))
        self.timer.timeout.connect(self.periodic_backup)
        self.timer.start()
        # Every second the window is idle, the write-ahead log is folded into the file
        # if enough was written: a timer runs between events, never inside an answer;
        # the checkpoint itself runs on a thread of its own.
        self.tidy_timer = QTimer(self)
        self.tidy_timer.setInterval(1000)
        self.tidy_timer.timeout.connect(self.tidy)
        self.tidy_timer.start()

    @property
    def busy(self) -> bool:
        """Whether a backup, restore or check is under way."""
        return self.task is not None and self.task.running

    def tidy(self) -> None:
        """The idle checkpoint's tick; none starts beside a backup or restore."""
        if not self.busy:
            self.services().tidy()

    def _run(self, title: str, job: Callable[[Report], Any], on_done: Callable[[Any], None],
             on_error: Callable[[Exception], None] | None = None, *,
             show_progress: bool = True) -> Task:
        from trainer.gui.tasks import Task

        services = self.services()

        def settled(report: Report) -> Any:
            # On the worker's thread: a checkpoint under way is stopped before the file
            # is copied or replaced, and the window does not wait for it.
            services.settle()
            return job(report)

        self.task = Task(self.window, title, settled, on_done, on_error or self._failed,
                         show_progress=show_progress).start()
        return self.task

    def _failed(self, error: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox

        from trainer.profile.errors import user_message

        QMessageBox.warning(self.window, KeeperText.tr("Sales Trainer"),
                            user_message(error, self.services().config))

    def periodic_backup(self) -> None:
        """The half-hourly backup, made only if something changed since the last one."""
        services = self.services()
        if self.busy or not services.changed_since_backup:
            return
        changes, backups = services.changes, services.backups
        self._run(KeeperText.tr("Backing up…"), lambda report: backups.create("periodic"),
                  lambda _info: services.backed_up(changes), show_progress=False)

    def backup_now(self) -> None:
        """Tools > Back up now."""
        if self.task is not None:
            self.task.wait()
        services = self.services()
        changes, backups = services.changes, services.backups

        def done(info: BackupInfo) -> None:
            from PySide6.QtWidgets import QMessageBox

            services.backed_up(changes)
            QMessageBox.information(self.window, KeeperText.tr("Backed up"),
                                    KeeperText.tr("Backed up to {path}").format(path=info.path))

        self._run(KeeperText.tr("Backing up…"), lambda report: backups.create("manual"), done)

    def restore_backup(self) -> None:
        """File > Restore from backup…: choose a backup, see what it changes, restore."""
        from PySide6.QtWidgets import QDialog, QMessageBox

        from trainer.gui.backup_dialog import RestoreDialog, when

        window = self.window
        dialog = RestoreDialog(self.services().backups, window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        window.activateWindow()  # without a window manager focus would not come back
        if not accepted or dialog.chosen is None:
            return
        if self.task is not None:
            self.task.wait()  # a half-hourly backup that started meanwhile
        chosen, old = dialog.chosen, self.services()
        reopen = old.reopen
        assert reopen is not None
        self.end_session()
        old.close()

        # Translated here: the job runs on a worker thread.
        backing_up = KeeperText.tr("Backing up the profile as it is now…")
        updating = KeeperText.tr("Updating the restored profile for this version…")

        def job(report: Report) -> Path:
            from trainer.app import bring_profile_up_to_date, profile_behind

            report(0, 2, backing_up)
            kept = old.backups.restore(chosen)
            if profile_behind(old.config):
                # A backup from an older version (the one made before an update, say)
                # is migrated here, not when the window's thread opens it again. One
                # that fails is met again, and said, when it is opened.
                report(1, 2, updating)
                with suppress(TrainerError, sqlite3.Error, OSError):
                    bring_profile_up_to_date(old.config, old.clock)
            return kept

        def done(kept: Path) -> None:
            self.replace_services(reopen())
            QMessageBox.information(
                window, KeeperText.tr("Restored"),
                KeeperText.tr("Restored the backup from {when}. The profile as it was is kept "
                              "as {name}: File > Restore from backup puts it back.").format(
                    when=when(chosen), name=kept.name))

        def failed(error: Exception) -> None:
            self.replace_services(reopen())  # nothing was replaced: the profile as it was
            self._failed(error)

        self._run(KeeperText.tr("Restoring the backup…"), job, done, failed)

    def on_close(self) -> None:
        """The window is closing: back up if anything changed, then the quick check.
        The window is hidden first, so nothing on screen waits for this; a backup or
        restore still under way is let finish."""
        self.timer.stop()
        self.tidy_timer.stop()
        if self.task is not None:
            self.task.wait()
        services = self.services()
        if services.db.closed:
            return
        self.window.hide()
        services.settle()  # after hiding: nothing on screen waits for it
        from PySide6.QtWidgets import QMessageBox

        from trainer.profile.errors import user_message

        try:
            if services.changed_since_backup:
                services.backup("close")
            self.closed_check = services.checks.check(quick=True)
        except (sqlite3.Error, OSError) as error:
            QMessageBox.warning(None, KeeperText.tr("Sales Trainer"),
                                user_message(error, services.config))
            return
        if not self.closed_check.ok:
            QMessageBox.warning(
                None, KeeperText.tr("Check Database"),
                KeeperText.tr("The check on closing found a problem:\n\n{problems}\n\n"
                              "Tools > Check Database repairs it next time.").format(
                    problems="\n".join(self.closed_check.lines())))
