"""Helpers for driving the window like a user."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.settings import StudySettings
from trainer.gui.main_window import MainWindow
from trainer.gui.run import make_app

Opener = Callable[..., tuple[MainWindow, Services]]


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path, settings: StudySettings,
                card_decks: Path) -> Iterator[Opener]:
    """Open the app on a temporary data folder with a given clock, as a user would.
    Its "built-in" decks are the practice cards unless another folder is given."""
    opened: list[Services] = []
    make_app()

    def opener(clock: FakeClock, data_dir: Path | None = None,
               decks_folder: Path | None = None) -> tuple[MainWindow, Services]:
        services = open_services(Config(data_dir or tmp_path / "data"), clock, settings,
                                 decks_folder or card_decks)
        opened.append(services)
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window, timeout=20_000)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=20_000)
        return window, services

    yield opener
    for services in opened:
        services.close()
