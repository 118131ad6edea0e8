"""The main window's menus: every action a rep or trainer can take, with its keys, and
the dialogs the File, Tools, Settings and Help menus open (each module imported when
first used, so that start-up does not pay for it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence

from trainer.domain.deck import Source
from trainer.i18n import Context

if TYPE_CHECKING:
    from trainer.gui.main_window import MainWindow


class MenusText(Context):
    """Texts of the main window's menus."""


def build_menus(window: MainWindow) -> None:
    """File, View, Tools, Settings and Help, each action kept on the window by name."""
    file_menu = window.menuBar().addMenu(MenusText.tr("&File"))
    import_action = QAction(MenusText.tr("&Import…"), window)
    import_action.setShortcut(QKeySequence("Ctrl+I"))
    import_action.triggered.connect(window.choose_import)
    file_menu.addAction(import_action)
    export_action = QAction(MenusText.tr("&Export progress…"), window)
    export_action.setShortcut(QKeySequence("Ctrl+E"))
    export_action.triggered.connect(lambda: export_progress(window))
    file_menu.addAction(export_action)
    cohort_action = QAction(MenusText.tr("Open &cohort…"), window)
    cohort_action.triggered.connect(window.open_cohort)
    file_menu.addAction(cohort_action)
    file_menu.addSeparator()
    profiles_action = QAction(MenusText.tr("&Profiles…"), window)
    profiles_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
    profiles_action.triggered.connect(lambda: manage_profiles(window))
    file_menu.addAction(profiles_action)
    window.profiles_action = profiles_action
    restore_action = QAction(MenusText.tr("&Restore from backup…"), window)
    restore_action.triggered.connect(lambda: window.keeper.restore_backup())
    file_menu.addAction(restore_action)
    file_menu.addSeparator()
    decks = QAction(MenusText.tr("&Decks"), window)
    decks.setShortcut(QKeySequence("Ctrl+D"))
    decks.triggered.connect(window.show_decks)
    file_menu.addAction(decks)
    file_menu.addSeparator()
    quit_action = QAction(MenusText.tr("&Quit"), window)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)
    view_menu = window.menuBar().addMenu(MenusText.tr("&View"))
    stats_action = QAction(MenusText.tr("&Statistics"), window)
    stats_action.setShortcut(QKeySequence("Ctrl+T"))
    stats_action.triggered.connect(window.show_stats)
    view_menu.addAction(stats_action)
    browse_action = QAction(MenusText.tr("&Browse"), window)
    browse_action.setShortcut(QKeySequence("Ctrl+B"))
    browse_action.triggered.connect(window.show_browser)
    view_menu.addAction(browse_action)
    window.browse_action = browse_action
    tools_menu = window.menuBar().addMenu(MenusText.tr("&Tools"))
    check_action = QAction(MenusText.tr("&Check Database"), window)
    check_action.triggered.connect(lambda: check_database(window))
    tools_menu.addAction(check_action)
    backup_action = QAction(MenusText.tr("&Back up now"), window)
    backup_action.triggered.connect(lambda: window.keeper.backup_now())
    tools_menu.addAction(backup_action)
    window.restore_action, window.check_action = restore_action, check_action
    window.backup_action = backup_action
    settings_menu = window.menuBar().addMenu(MenusText.tr("&Settings"))
    preferences_action = QAction(MenusText.tr("&Preferences…"), window)
    preferences_action.setShortcut(QKeySequence("Ctrl+,"))
    preferences_action.triggered.connect(lambda: open_settings(window))
    settings_menu.addAction(preferences_action)
    window.preferences_action = preferences_action
    optimize_action = QAction(MenusText.tr("&Optimize my schedule…"), window)
    optimize_action.triggered.connect(lambda: optimize_schedule(window))
    settings_menu.addAction(optimize_action)
    window.export_action, window.cohort_action = export_action, cohort_action
    window.stats_action, window.optimize_action = stats_action, optimize_action
    help_menu = window.menuBar().addMenu(MenusText.tr("&Help"))
    about = QAction(MenusText.tr("&About Sales Trainer"), window)
    about.setShortcut(QKeySequence("F1"))
    about.triggered.connect(lambda: show_about(window))
    help_menu.addAction(about)
    window.about_action = about


def export_progress(window: MainWindow) -> None:
    """File > Export progress…: write the progress file a rep sends their trainer."""
    from trainer.gui import progress_dialog

    progress_dialog.open_from(window.services, window)


def manage_profiles(window: MainWindow) -> None:
    """File > Profiles…: create, rename, delete, or open another profile (the window
    closes, backing up as on any close, and opens again on it)."""
    from trainer.gui.profiles_dialog import ProfilesDialog

    services = window.services
    dialog = ProfilesDialog(services.config, services.clock, window)
    if dialog.exec() and dialog.chosen and dialog.chosen != services.config.profile:
        window.switch_to = dialog.chosen
        window.close()


def open_settings(window: MainWindow) -> None:
    """Settings > Preferences…: changes apply as they are made; the deck list then
    shows the new limits."""
    from trainer.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.services.settings, window, window.services.config.profile)
    if window.reminders is not None:
        dialog.reminder_changed.connect(window.reminders.follow)
    dialog.reopen_requested.connect(lambda: _reopen(window))
    dialog.exec()
    if window.stack.currentWidget() is window.decks:
        window.show_decks()


def _reopen(window: MainWindow) -> None:
    """Close and open again on the same profile (a new language is used then)."""
    window.switch_to = window.services.config.profile
    QTimer.singleShot(0, window.close)


def optimize_schedule(window: MainWindow) -> None:
    """Settings > Optimize my schedule…"""
    from trainer.gui import optimize_dialog

    optimize_dialog.open_from(window.services, window)


def show_about(window: MainWindow) -> None:
    """Help > About."""
    from trainer.gui.about import AboutDialog

    services = window.services
    credits = sorted({Source(**s).credit()  # type: ignore[arg-type]
                      for d in services.study.deck_counts() for s in d.deck.sources})
    AboutDialog(str(services.config.profile_dir), credits, window,
                str(services.backups.folder)).exec()
    window.activateWindow()  # without a window manager focus would not come back


def check_database(window: MainWindow) -> None:
    """Tools > Check Database."""
    from trainer.gui import check_dialog

    window.end_session()
    check_dialog.open_from(window.services, window, window.refresh_after_repair)
