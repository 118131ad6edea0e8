"""Start the window: application object, theme, profile, error dialogs."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
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
    icon = resources_dir() / "icons" / "sales-trainer.png"
    if icon.exists():
        # Loading an icon costs several milliseconds of image plugins; do it once the
        # event loop runs so it does not delay the first screen.
        QTimer.singleShot(0, lambda: app.setWindowIcon(QIcon(str(icon))))
    follow_system(app)
    return app


def install_error_dialog(log_folder: Path) -> None:
    """Show unexpected errors as a message (details go to a log file), not a traceback."""

    def hook(kind: type[BaseException], error: BaseException,
             tb: TracebackType | None) -> None:
        log = log_folder / "error.log"
        try:
            log_folder.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as out:
                out.write("".join(traceback.format_exception(kind, error, tb)) + "\n")
            where = f"Details were saved to {log}."
        except OSError:
            where = "Details could not be saved."
        QMessageBox.critical(None, "Sales Trainer",
                             f"Something went wrong: {error}\n\nYour answers so far are saved. "
                             f"{where}")

    sys.excepthook = hook


def run_gui(config: Config, clock: Clock = system_clock, open_file: Path | None = None) -> int:
    """Open the main window on ``config``'s profile and run until it closes."""
    app = make_app()
    install_error_dialog(config.data_dir / "logs")
    try:
        services = open_services(config, clock)
    except TrainerError as exc:
        QMessageBox.critical(None, "Sales Trainer cannot open this profile", str(exc))
        return 2
    window = MainWindow(services)
    window.show()
    window.raise_()
    window.activateWindow()
    if open_file is not None:
        QTimer.singleShot(0, lambda: window.import_path(open_file))
    try:
        return app.exec()
    finally:
        services.close()
