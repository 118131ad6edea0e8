"""Settings > Optimize my schedule, used as a rep would: open it, run it, read it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.settings import StudySettings
from trainer.gui import optimize_dialog
from trainer.gui.main_window import MainWindow
from trainer.gui.optimize_dialog import OptimizeDialog
from trainer.gui.run import make_app
from trainer.storage.parameters_repo import load_parameters

pytestmark = pytest.mark.gui


@pytest.fixture
def window_on(qtbot: QtBot, after_log: datetime) -> Iterator[object]:
    opened: list[Services] = []
    make_app()

    def opener(data_dir: Path) -> tuple[MainWindow, Services]:
        services = open_services(Config(data_dir), FakeClock(after_log),
                                 StudySettings(fuzz=False, timezone=UTC))
        opened.append(services)
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window, timeout=20_000)
        return window, services

    yield opener
    for services in opened:
        services.close()


def _open_dialog(qtbot: QtBot, window: MainWindow) -> OptimizeDialog:
    window.optimize_action.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), OptimizeDialog),
                    timeout=20_000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, OptimizeDialog)
    return dialog


def test_running_it_keeps_better_parameters_and_says_so(
        qtbot: QtBot, window_on: object, josh_data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, services = window_on(josh_data_dir)  # type: ignore[operator]
    dialog = _open_dialog(qtbot, window)
    assert "fits numbers to how" in dialog.findChild(object, "optimizeExplanation").text()
    # The fit waits until the window's thread has handled an event of its own: run on
    # the window's thread, it would wait for ever (and the test would fail, not hang).
    handled = threading.Event()
    stages: list[str] = []
    real = optimize_dialog.optimize

    def waits_for_the_window(*args: object, **kwargs: object) -> object:
        assert handled.wait(20), "the window handled no event while optimizing"
        report = kwargs["progress"]
        kwargs["progress"] = lambda done, total, text: (stages.append(text),
                                                        report(done, total, text))[1]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(optimize_dialog, "optimize", waits_for_the_window)
    QTimer.singleShot(0, handled.set)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Run is the default button
    assert stages == ["Reading your answers…", "Fitting parameters to all your answers…",
                      "Checking new parameters on your later answers…",
                      "Comparing them with the ones in use…"]

    text = dialog.result_label.text()
    assert "New settings kept." in text
    assert "Log loss" in text and "RMSE" in text
    assert dialog.result_label.isVisible()
    stored = load_parameters(services.db)
    assert stored is not None and services.study.settings.parameters == stored
    dialog.grab().save(str(Path("/tmp") / "optimize-improved.png"))

    # The work is done: Enter now closes instead of running again.
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)


def test_too_little_history_is_explained(qtbot: QtBot, window_on: object,
                                         tmp_path: Path) -> None:
    window, services = window_on(tmp_path / "fresh")  # type: ignore[operator]
    dialog = _open_dialog(qtbot, window)

    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)

    assert "Not enough history yet." in dialog.result_label.text()
    assert "at least 400" in dialog.result_label.text()
    assert load_parameters(services.db) is None
    assert services.study.settings.parameters is None
    dialog.grab().save(str(Path("/tmp") / "optimize-too-little.png"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
