"""Start the window: application object, theme, profile, error dialogs."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from trainer.app import open_services
from trainer.clock import Clock, system_clock
from trainer.config import Config
from trainer.content.builtin import resources_dir
from trainer.domain.errors import TrainerError
from trainer.gui.main_window import MainWindow
from trainer.gui.theme import follow_system


def make_app() -> QApplication:
    """The QApplication, created once, with name, icon and theme."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Sales Trainer")
    app.setDesktopFileName("sales-trainer")
    icon = resources_dir() / "icons" / "sales-trainer.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    follow_system(app)
    return app


def run_gui(config: Config, clock: Clock = system_clock) -> int:
    """Open the main window on ``config``'s profile and run until it closes."""
    app = make_app()
    try:
        services = open_services(config, clock)
    except TrainerError as exc:
        QMessageBox.critical(None, "Sales Trainer cannot open this profile", str(exc))
        return 2
    window = MainWindow(services)
    window.show()
    try:
        return app.exec()
    finally:
        services.close()
