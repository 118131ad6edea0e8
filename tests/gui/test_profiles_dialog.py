"""File > Profiles by keyboard: make a new profile, open it (the window closes to open
again on it), and the open profile cannot be deleted from under itself."""

from __future__ import annotations

from collections.abc import Callable

from dialogs import answer_dialogs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui.main_window import MainWindow
from trainer.gui.profiles_dialog import ProfilesDialog

Opener = Callable[..., tuple[MainWindow, Services]]


def test_new_profile_then_open_it(qtbot: QtBot, open_window: Opener,
                                  clock: FakeClock) -> None:
    window, services = open_window(clock)
    seen: list[str] = []

    def name_it(dialog: QDialog) -> None:
        field = dialog.findChild(QLineEdit)
        assert field is not None
        qtbot.keyClicks(field, "Practice")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    def use(dialog: QDialog) -> None:
        assert isinstance(dialog, ProfilesDialog)
        try:
            # Shortcuts reach the active window only; offscreen nothing activates it.
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=20_000)
            seen.append(dialog.list.currentItem().text())
            seen.append(str(dialog.delete_button.isEnabled()))  # the open profile: no
            qtbot.keyClick(dialog.list, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
            seen.append(dialog.selected() or "")
            seen.append(str(dialog.delete_button.isEnabled()))
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=20_000)
            qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        finally:
            if dialog.isVisible():
                dialog.reject()  # a failed step must not leave the test waiting

    answer_dialogs([name_it], kind=QInputDialog)
    answer_dialogs([use], kind=ProfilesDialog)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert seen[0].startswith("default  (open now)")
    assert seen[1:] == ["False", "Practice", "True"]
    assert (services.config.data_dir / "profiles" / "Practice").is_dir()
    assert window.switch_to == "Practice"
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)


def test_the_window_opens_again_on_the_profile_chosen(monkeypatch: object,
                                                       tmp_path: object) -> None:
    from pathlib import Path

    from trainer.config import Config
    from trainer.gui import run

    opened: list[str] = []
    answers = iter([(0, "Practice"), (0, None)])

    def fake(config: Config, clock: object, open_file: object, smoke: bool,
             minimized: bool = False) -> tuple[int, str | None]:
        opened.append(config.profile)
        return next(answers)

    monkeypatch.setattr(run, "_run_window", fake)  # type: ignore[attr-defined]
    assert run.run_gui(Config(Path(str(tmp_path)), "default")) == 0
    assert opened == ["default", "Practice"]
