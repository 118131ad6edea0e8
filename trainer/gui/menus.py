"""The main window's menus: every action a rep or trainer can take, with its keys, and
the dialogs the File, Tools, Settings and Help menus open (each module imported when
first used, so that start-up does not pay for it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction

from trainer.domain.source import Source
from trainer.gui.by_name import set_shortcut
from trainer.i18n import Context

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar, QWidget

    from trainer.app import Services
    from trainer.gui.keeper import Keeper
    from trainer.gui.reminders import Reminders


class MenusText(Context):
    """Texts of the main window's menus."""


class MenuHost(Protocol):
    """What the menus act on: the window's commands, its profile's services and its
    keeper, never its screens."""

    # The actions other code triggers or tests press, kept on the window by name.
    export_action: QAction
    cohort_action: QAction
    profiles_action: QAction
    restore_action: QAction
    check_action: QAction
    backup_action: QAction
    browse_action: QAction
    stats_action: QAction
    preferences_action: QAction
    optimize_action: QAction
    about_action: QAction
    switch_to: str | None  # a profile to open once the window has closed

    @property
    def services(self) -> Services: ...

    @property
    def reminders(self) -> Reminders | None: ...

    @property
    def keeper(self) -> Keeper: ...

    def window(self) -> QWidget:
        """The window itself: the actions' and dialogs' parent."""

    def menuBar(self) -> QMenuBar: ...

    def close(self) -> bool: ...

    def activateWindow(self) -> None: ...

    def choose_import(self) -> None: ...

    def open_cohort(self) -> None: ...

    def show_decks(self) -> None: ...

    def refresh_home(self) -> None: ...

    def show_stats(self) -> None: ...

    def show_browser(self) -> None: ...

    def end_session(self) -> None: ...

    def refresh_after_repair(self) -> None: ...


def build_menus(host: MenuHost) -> None:
    """File, View, Tools, Settings and Help, each action kept on the window by name."""
    window = host.window()
    file_menu = host.menuBar().addMenu(MenusText.tr("&File"))
    import_action = QAction(MenusText.tr("&Import…"), window)
    set_shortcut(import_action, "Ctrl+I")
    import_action.triggered.connect(host.choose_import)
    file_menu.addAction(import_action)
    export_action = QAction(MenusText.tr("&Export progress…"), window)
    set_shortcut(export_action, "Ctrl+E")
    export_action.triggered.connect(lambda: export_progress(host))
    file_menu.addAction(export_action)
    cohort_action = QAction(MenusText.tr("Open &cohort…"), window)
    cohort_action.triggered.connect(host.open_cohort)
    file_menu.addAction(cohort_action)
    file_menu.addSeparator()
    profiles_action = QAction(MenusText.tr("&Profiles…"), window)
    set_shortcut(profiles_action, "Ctrl+Shift+P")
    profiles_action.triggered.connect(lambda: manage_profiles(host))
    file_menu.addAction(profiles_action)
    host.profiles_action = profiles_action
    restore_action = QAction(MenusText.tr("&Restore from backup…"), window)
    restore_action.triggered.connect(lambda: host.keeper.restore_backup())
    file_menu.addAction(restore_action)
    file_menu.addSeparator()
    decks = QAction(MenusText.tr("&Decks"), window)
    set_shortcut(decks, "Ctrl+D")
    decks.triggered.connect(host.show_decks)
    file_menu.addAction(decks)
    file_menu.addSeparator()
    quit_action = QAction(MenusText.tr("&Quit"), window)
    set_shortcut(quit_action, "Ctrl+Q")
    quit_action.triggered.connect(host.close)
    file_menu.addAction(quit_action)
    view_menu = host.menuBar().addMenu(MenusText.tr("&View"))
    stats_action = QAction(MenusText.tr("&Statistics"), window)
    set_shortcut(stats_action, "Ctrl+T")
    stats_action.triggered.connect(host.show_stats)
    view_menu.addAction(stats_action)
    browse_action = QAction(MenusText.tr("&Browse"), window)
    set_shortcut(browse_action, "Ctrl+B")
    browse_action.triggered.connect(host.show_browser)
    view_menu.addAction(browse_action)
    host.browse_action = browse_action
    tools_menu = host.menuBar().addMenu(MenusText.tr("&Tools"))
    check_action = QAction(MenusText.tr("&Check Database"), window)
    check_action.triggered.connect(lambda: check_database(host))
    tools_menu.addAction(check_action)
    backup_action = QAction(MenusText.tr("&Back up now"), window)
    backup_action.triggered.connect(lambda: host.keeper.backup_now())
    tools_menu.addAction(backup_action)
    host.restore_action, host.check_action = restore_action, check_action
    host.backup_action = backup_action
    settings_menu = host.menuBar().addMenu(MenusText.tr("&Settings"))
    preferences_action = QAction(MenusText.tr("&Preferences…"), window)
    set_shortcut(preferences_action, "Ctrl+,")
    preferences_action.triggered.connect(lambda: open_settings(host))
    settings_menu.addAction(preferences_action)
    host.preferences_action = preferences_action
    optimize_action = QAction(MenusText.tr("&Optimize my schedule…"), window)
    optimize_action.triggered.connect(lambda: optimize_schedule(host))
    settings_menu.addAction(optimize_action)
    host.export_action, host.cohort_action = export_action, cohort_action
    host.stats_action, host.optimize_action = stats_action, optimize_action
    help_menu = host.menuBar().addMenu(MenusText.tr("&Help"))
    about = QAction(MenusText.tr("&About Sales Trainer"), window)
    set_shortcut(about, "F1")
    about.triggered.connect(lambda: show_about(host))
    help_menu.addAction(about)
    host.about_action = about


def export_progress(host: MenuHost) -> None:
    """File > Export progress…: write the progress file a rep sends their trainer."""
    from trainer.gui import progress_dialog

    progress_dialog.open_from(host.services, host.window())


def manage_profiles(host: MenuHost) -> None:
    """File > Profiles…: create, rename, delete, or open another profile (the window
    closes, backing up as on any close, and opens again on it)."""
    from trainer.gui.profiles_dialog import ProfilesDialog

    services = host.services
    dialog = ProfilesDialog(services.config, services.clock, host.window())
    if dialog.exec() and dialog.chosen and dialog.chosen != services.config.profile:
        host.switch_to = dialog.chosen
        host.close()


def open_settings(host: MenuHost) -> None:
    """Settings > Preferences…: changes apply as they are made; the deck list then
    shows the new limits."""
    from trainer.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(host.services.settings, host.window(), host.services.config.profile)
    if host.reminders is not None:
        dialog.reminder_changed.connect(host.reminders.follow)
    dialog.reopen_requested.connect(lambda: _reopen(host))
    dialog.exec()
    host.refresh_home()


def _reopen(host: MenuHost) -> None:
    """Close and open again on the same profile (a new language is used then)."""
    host.switch_to = host.services.config.profile
    QTimer.singleShot(0, host.close)


def optimize_schedule(host: MenuHost) -> None:
    """Settings > Optimize my schedule…"""
    from trainer.gui import optimize_dialog

    optimize_dialog.open_from(host.services, host.window())


def show_about(host: MenuHost) -> None:
    """Help > About."""
    from trainer.gui.about import AboutDialog

    services = host.services
    credits = sorted({Source(**s).credit()  # type: ignore[arg-type]
                      for d in services.study.deck_counts() for s in d.deck.sources})
    AboutDialog(str(services.config.profile_dir), credits, host.window(),
                str(services.backups.folder)).exec()
    host.activateWindow()  # without a window manager focus would not come back


def check_database(host: MenuHost) -> None:
    """Tools > Check Database."""
    from trainer.gui import check_dialog

    host.end_session()
    check_dialog.open_from(host.services, host.window(), host.refresh_after_repair)
