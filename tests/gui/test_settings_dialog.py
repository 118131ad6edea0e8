"""Settings > Preferences… by keyboard: a change is saved as it is made, a mistake is
named and stores nothing, limits reach the deck list, and the theme changes at once."""

from __future__ import annotations

from collections.abc import Callable

from dialogs import answer_dialogs, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui import theme
from trainer.gui.main_window import MainWindow
from trainer.gui.settings_dialog import SettingsDialog
from trainer.storage.settings_repo import load_settings

Opener = Callable[..., tuple[MainWindow, Services]]


def retype(qtbot: QtBot, field: QLineEdit | QSpinBox | QDoubleSpinBox, text: str) -> None:
    """Select the field's text, type over it and press Enter, as a user would."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_preferences_by_keyboard(qtbot: QtBot, open_window: Opener, clock: FakeClock,
                                 monkeypatch: object) -> None:
    window, services = open_window(clock)
    seen: dict[str, object] = {}

    def use(dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        workload = dialog.findChild(QLabel, "workload")
        assert workload is not None and "reviews a day" in workload.text()
        before = workload.text()
        retype(qtbot, dialog.retention, "0.95")
        seen["retention"] = load_settings(services.db).desired_retention
        seen["workload changed"] = workload.text() != before
        retype(qtbot, dialog.learning, "1m fortnight")
        seen["problem"] = dialog.problem.text()
        seen["steps after mistake"] = load_settings(services.db).learning_steps
        retype(qtbot, dialog.learning, "2m 15m")
        seen["problem after fix"] = dialog.problem.isVisible()
        new, _reviews = dialog.limits["cards"]
        retype(qtbot, new, "7")
        dialog.theme.setFocus()
        qtbot.keyClick(dialog.theme, Qt.Key.Key_End)  # "Dark"
        seen["theme"] = services.settings.theme()
        seen["dark"] = theme.is_dark()
        qtbot.keyClick(dialog.theme, Qt.Key.Key_Home)  # back to following the system
        # Typed and not yet entered: Esc saves it (or, with a mistake, stays open).
        dialog.relearning.setFocus()
        qtbot.keyClick(dialog.relearning, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.relearning, "5x")
        qtbot.keyClick(dialog.relearning, Qt.Key.Key_Escape)
        seen["still open"] = dialog.isVisible()
        qtbot.keyClick(dialog.relearning, Qt.Key.Key_Backspace)
        qtbot.keyClick(dialog.relearning, Qt.Key.Key_M)
        qtbot.keyClick(dialog.relearning, Qt.Key.Key_Escape)

    answer_dialogs([use])
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert seen["retention"] == 0.95 and seen["workload changed"]
    assert str(seen["problem"]).startswith("Learning steps: step 'fortnight'")
    assert len(seen["steps after mistake"]) == 2  # type: ignore[arg-type]
    assert seen["problem after fix"] is False
    assert [s.total_seconds() for s in services.study.settings.learning_steps] == [120, 900]
    assert (seen["theme"], seen["dark"]) == ("dark", True)
    assert services.settings.theme() == "system"
    assert seen["still open"] is True
    assert [s.total_seconds() for s in services.study.settings.relearning_steps] == [300]
    # The deck list shows the new limit as soon as the dialog closes.
    item = window.decks.tree.topLevelItem(0)
    assert item is not None and item.text(1) == "7"


def test_choosing_german_reopens_the_window_in_it(qtbot: QtBot, open_window: Opener,
                                                  clock: FakeClock) -> None:
    window, services = open_window(clock)
    seen: dict[str, object] = {}

    def use(dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        seen["reopen shown before"] = dialog.reopen.isVisible()
        dialog.language.setFocus()
        qtbot.keyClick(dialog.language, Qt.Key.Key_End)  # the last language: Deutsch
        seen["stored"] = services.settings.language()
        seen["note"] = dialog.language_note.text()
        seen["reopen shown"] = dialog.reopen.isVisible()
        dialog.reopen.setFocus()
        qtbot.keyClick(dialog.reopen, Qt.Key.Key_Space)

    answer_dialogs([use])
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert seen == {"reopen shown before": False, "stored": "de",
                    "note": "The window speaks the new language when it next opens.",
                    "reopen shown": True}
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
    assert window.switch_to == services.config.profile  # run_gui opens it again
    assert services.language() == "de"


def test_a_mistake_never_keeps_the_rep_in_preferences(qtbot: QtBot, open_window: Opener,
                                                       clock: FakeClock) -> None:
    window, services = open_window(clock)
    saved = services.study.settings.learning_steps
    seen: dict[str, object] = {}

    def use(dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        retype(qtbot, dialog.learning, "1m banana")
        qtbot.keyClick(dialog.learning, Qt.Key.Key_Escape)  # first: the mistake is named
        seen["open after Esc"] = dialog.isVisible()
        # Again: asked, and Enter means "Fix it".
        seen["asked"] = answer_dialogs([lambda box: qtbot.keyClick(box, Qt.Key.Key_Return)],
                                       QMessageBox)
        qtbot.keyClick(dialog.learning, Qt.Key.Key_Escape)
        seen["open after fixing"] = dialog.isVisible()
        answer_dialogs([press("Close without it")], QMessageBox)
        qtbot.keyClick(dialog.learning, Qt.Key.Key_Escape)

    answer_dialogs([use])
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert seen["open after Esc"] is True and seen["open after fixing"] is True
    [question] = seen["asked"]  # type: ignore[misc]
    assert question.startswith("Learning steps: step 'banana'")
    assert "Close without this change?" in question
    assert QApplication.activeModalWidget() is None  # closed
    assert services.study.settings.learning_steps == saved
    assert load_settings(services.db).learning_steps == saved
