"""The main window's menus: every action a rep or trainer can take, with its keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

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
    export_action.triggered.connect(window.export_progress)
    file_menu.addAction(export_action)
    cohort_action = QAction(MenusText.tr("Open &cohort…"), window)
    cohort_action.triggered.connect(window.open_cohort)
    file_menu.addAction(cohort_action)
    file_menu.addSeparator()
    profiles_action = QAction(MenusText.tr("&Profiles…"), window)
    profiles_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
    profiles_action.triggered.connect(window.manage_profiles)
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
    check_action.triggered.connect(window.check_database)
    tools_menu.addAction(check_action)
    backup_action = QAction(MenusText.tr("&Back up now"), window)
    backup_action.triggered.connect(lambda: window.keeper.backup_now())
    tools_menu.addAction(backup_action)
    window.restore_action, window.check_action = restore_action, check_action
    window.backup_action = backup_action
    settings_menu = window.menuBar().addMenu(MenusText.tr("&Settings"))
    preferences_action = QAction(MenusText.tr("&Preferences…"), window)
    preferences_action.setShortcut(QKeySequence("Ctrl+,"))
    preferences_action.triggered.connect(window.open_settings)
    settings_menu.addAction(preferences_action)
    window.preferences_action = preferences_action
    optimize_action = QAction(MenusText.tr("&Optimize my schedule…"), window)
    optimize_action.triggered.connect(window.optimize_schedule)
    settings_menu.addAction(optimize_action)
    window.export_action, window.cohort_action = export_action, cohort_action
    window.stats_action, window.optimize_action = stats_action, optimize_action
    help_menu = window.menuBar().addMenu(MenusText.tr("&Help"))
    about = QAction(MenusText.tr("&About Sales Trainer"), window)
    about.setShortcut(QKeySequence("F1"))
    about.triggered.connect(window.show_about)
    help_menu.addAction(about)
    window.about_action = about
