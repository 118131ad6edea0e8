"""Start the window: application object, theme, the profile's lock, the profile itself
(with a way out when it is damaged), and error dialogs."""

from __future__ import annotations

import contextlib
import sqlite3
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from trainer import i18n
from trainer.app import Services, open_services, profile_behind
from trainer.clock import Clock, system_clock
from trainer.config import Config
from trainer.content.builtin import resources_dir
from trainer.domain.errors import ProfileDamagedError, TrainerError
from trainer.domain.settings import StudySettings
from trainer.gui.language import use_language
from trainer.gui.main_window import MainWindow
from trainer.gui.theme import follow_system
from trainer.profile.lock import WINDOW, ProfileInUseError, ProfileLock

if TYPE_CHECKING:
    from trainer.gui.reminders import Reminders
    from trainer.gui.single_instance import InstanceServer


def make_app() -> QApplication:
    """The QApplication, created once, with name, icon and theme."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # Fusion on every system, chosen as a command-line option (it wins over
        # QT_STYLE_OVERRIDE): asking for it from Python, ``setStyle`` or ``style()``,
        # makes PySide build QStyle's Python type and its enums before the first paint.
        app = QApplication([*(sys.argv[:1] or ["trainer"]), "-style", "Fusion"])
        # The system's language until the profile says otherwise (its dialogs come first).
        use_language("system")
    elif app.style().name().lower() != "fusion":
        app.setStyle("Fusion")  # an application made elsewhere (the tests')
    app.setApplicationName("Sales Trainer")
    app.setDesktopFileName("io.github.salestrainer.trainer")
    icon = resources_dir() / "icons" / "sales-trainer.png"
    if icon.exists():
        # Loading an icon costs several milliseconds of image plugins; do it once the
        # event loop runs so it does not delay the first screen.
        QTimer.singleShot(0, lambda: _set_icon(app, icon))
    follow_system(app)
    return app


def _set_icon(app: QApplication, icon: Path) -> None:
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(icon)))


# Message boxes and the profile's error sentences are imported where they are shown: a
# normal start shows none, and PySide builds a class's Python type (with its enums) the
# first time it is touched.
def install_error_dialog(config: Config) -> None:
    """Show unexpected errors as a message (details go to a log file), not a traceback;
    a database error is one sentence naming the profile, and the window keeps running."""
    log_folder = config.data_dir / "logs"

    def hook(kind: type[BaseException], error: BaseException,
             tb: TracebackType | None) -> None:
        from PySide6.QtWidgets import QMessageBox

        from trainer.profile.errors import user_message

        log = log_folder / "error.log"
        try:
            log_folder.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as out:
                out.write("".join(traceback.format_exception(kind, error, tb)) + "\n")
            where = f"Details were saved to {log}."
        except OSError:
            where = "Details could not be saved."
        if isinstance(error, (TrainerError, OSError)) or "sqlite3" in type(error).__module__:
            QMessageBox.warning(None, "Sales Trainer", user_message(error, config))
            return
        QMessageBox.critical(None, "Sales Trainer",
                             f"Something went wrong: {error}\n\nYour answers so far are saved. "
                             f"{where}")

    sys.excepthook = hook


def open_profile(config: Config, clock: Clock = system_clock,
                 settings: StudySettings | None = None,
                 decks_folder: Path | None = None) -> Services | None:
    """Open the profile; a damaged one is met with a choice (restore its newest good
    backup or another, start afresh with the damaged file kept, or quit). ``None``
    when the rep quits or the profile cannot be opened (said in a message)."""
    while True:
        try:
            if profile_behind(config):
                from trainer.gui.profile_upgrade import bring_up_to_date

                bring_up_to_date(config, clock)
            # The media folder's upkeep waits for the first paint (MainWindow).
            return open_services(config, clock, settings, decks_folder, media_later=True)
        except ProfileDamagedError as exc:
            try:
                if not _offer_a_way_out(exc, config, clock):
                    return None
            except (TrainerError, sqlite3.Error, OSError) as error:
                _cannot("Sales Trainer", error, config)
        except (TrainerError, sqlite3.Error, OSError) as exc:
            _cannot("Sales Trainer cannot open this profile", exc, config)
            return None


def _cannot(title: str, error: BaseException, config: Config) -> None:
    """Say in one sentence why the profile cannot be used."""
    from PySide6.QtWidgets import QMessageBox

    from trainer.profile.errors import user_message

    QMessageBox.critical(None, title, user_message(error, config))


def _offer_a_way_out(error: ProfileDamagedError, config: Config, clock: Clock) -> bool:
    """The damaged-profile dialog and what the rep chose; False when they quit."""
    from trainer.gui.damaged_dialog import Choice, DamagedDialog
    from trainer.profile.backup_service import BackupService

    backups = BackupService(config.database_path, clock)
    newest = backups.newest_good()
    usable = [b for b in backups.list() if b.readable and b.reason != "damaged"]
    dialog = DamagedDialog(error, newest, len(usable))
    dialog.exec()
    if dialog.choice is Choice.RESTORE and newest is not None:
        backups.restore(newest)
    elif dialog.choice is Choice.CHOOSE:
        from PySide6.QtWidgets import QDialog

        from trainer.gui.backup_dialog import RestoreDialog

        chooser = RestoreDialog(backups)
        if chooser.exec() == QDialog.DialogCode.Accepted and chooser.chosen is not None:
            backups.restore(chooser.chosen)
    elif dialog.choice is Choice.START_AFRESH:
        backups.set_aside()
    else:
        return False
    return True


def _show_first_card(window: MainWindow) -> None:
    deck = next(row.deck.id for row in window.services.study.deck_counts() if row.counts.new)
    window.study(deck)
    window.review.card.viewport().repaint()  # painted now, not at the next event
    shown = window.review.shown
    print(f"first card: {shown.front if shown else '(none)'}", flush=True)
    from trainer.gui.language import qt_own_loaded

    print(f"language: {i18n.language()} (Qt's own: {'yes' if qt_own_loaded() else 'no'})",
          flush=True)
    # Native parts a short session may not reach (the optimizer's fitting needs months
    # of answers); a bundle that lacks one fails here rather than in a rep's hands.
    import importlib

    for module in ("fsrs_rs_python", "zstandard", "cmarkgfm", "nh3", "_cffi_backend",
                   "miniaudio"):
        importlib.import_module(module)
    print("native modules: all load", flush=True)
    window.close()


def take_profile(config: Config, clock: Clock,
                 open_file: Path | None) -> tuple[ProfileLock | None, int]:
    """The profile's lock for this window, or why not with the exit status: another
    window has it (brought forward, and handed ``open_file`` to import: 0), or a
    command is changing the profile (said in a message: 2)."""
    try:
        # A command holding it is waited for: most finish in moments.
        return ProfileLock(config.profile_dir, WINDOW, clock).take(), 0
    except ProfileInUseError as exc:
        from trainer.gui.single_instance import forward  # QtNetwork: only when needed

        if forward(config.profile_dir, open_file):
            print(f"Sales Trainer is already open on profile '{config.profile}'; "
                  "it was brought forward.", file=sys.stderr)
            return None, 0
        from PySide6.QtWidgets import QMessageBox

        message = str(exc)
        QMessageBox.warning(None, "Sales Trainer", f"{message[0].upper()}{message[1:]}.")
        return None, 2


def run_gui(config: Config, clock: Clock = system_clock, open_file: Path | None = None,
            *, smoke_test: bool = False, minimized: bool = False) -> int:
    """Open the main window on ``config``'s profile and run until it closes; when the
    rep opened another profile from File > Profiles, open the window again on that one.
    With ``smoke_test``, study the first deck, print its first card once it is painted,
    and close (a packaged build's check that the window really works). ``minimized``
    (the start at login) waits in the system tray, or minimised, for the reminder."""
    while True:
        status, switch_to = _run_window(config, clock, open_file, smoke_test, minimized)
        minimized = False
        if switch_to is None:
            return status
        config, open_file = config._replace(profile=switch_to), None


def _open(window: MainWindow, path: Path | None = None) -> None:
    """Bring the window up, from the taskbar or from the tray where it waited."""
    if window.isHidden():
        window.show()
    window.bring_forward(path)


def _start_reminders(window: MainWindow, services: Services, clock: Clock,
                     minimized: bool) -> Reminders:
    """The daily reminder and the tray icon; a started-minimised app waits in the tray."""
    from trainer.gui.reminders import Reminders
    from trainer.study.settings_service import Reminder

    reminders = Reminders(services.study, clock, window)
    reminders.open_requested.connect(lambda: _open(window))
    reminders.quit_requested.connect(lambda: (window.close(), QApplication.quit()))
    window.reminders = reminders
    try:
        reminder = services.settings.reminder()
    except sqlite3.Error:
        reminder = Reminder()  # the reminder is a nicety: without it the window still opens
    reminders.follow(reminder, keep_icon=minimized)
    return reminders


def _attend(window: MainWindow, services: Services, clock: Clock,
            minimized: bool) -> tuple[InstanceServer, Reminders]:
    """What the window does besides showing itself: listen for later starts on its
    profile (single_instance.py), and the daily reminder with its tray icon."""
    from trainer.gui.single_instance import InstanceServer

    server = InstanceServer(services.config.profile_dir, lambda path: _open(window, path),
                            window)
    return server, _start_reminders(window, services, clock, minimized)


def _run_window(config: Config, clock: Clock, open_file: Path | None,
                smoke_test: bool, minimized: bool = False) -> tuple[int, str | None]:
    app = make_app()
    install_error_dialog(config)
    lock, status = take_profile(config, clock, open_file)
    if lock is None:
        return status, None
    try:
        services = open_profile(config, clock)
        if services is None:
            return 2, None
        # A language that cannot be read is a nicety lost: the system's is used.
        with contextlib.suppress(sqlite3.Error):
            use_language(services.language())
        window = MainWindow(services)
        attending: list[tuple[InstanceServer, Reminders]] = []
        if minimized:
            attending.append(_attend(window, services, clock, minimized))
            if attending[0][1].tray is None:
                window.showMinimized()  # no tray to wait in: the taskbar then
        else:
            # Neither the server (QtNetwork) nor the reminder (the tray, the settings
            # service) is needed to show the window: both start once it is painted.
            def attend() -> None:
                if not attending and window.isVisible():
                    attending.append(_attend(window, services, clock, False))

            window.first_painted.connect(attend)
            window.show()
            window.raise_()
            window.activateWindow()
        if open_file is not None:
            QTimer.singleShot(0, lambda: window.import_path(open_file))
        if smoke_test:
            QTimer.singleShot(0, lambda: _show_first_card(window))
        try:
            return app.exec(), window.switch_to
        finally:
            for server, _reminders in attending:
                server.close()
            window.services.close(checked=window.keeper.closed_check)
    finally:
        lock.release()
