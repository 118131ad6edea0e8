"""Accessibility, measured on every main screen: each control a keyboard can reach has
an accessible name, Tab reaches every such control, quiz options are checkable controls
announced with their state, and text meets 4.5:1 contrast in light and dark."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from a11y import contrast, tab_reaches, unnamed
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui import theme
from trainer.gui.main_window import MainWindow
from trainer.gui.profiles_dialog import ProfilesDialog
from trainer.gui.settings_dialog import SettingsDialog

Opener = Callable[..., tuple[MainWindow, Services]]
BUILTIN = Path(__file__).resolve().parents[2] / "decks"


def screens(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    yield "decks", window.decks
    window.study("objections")
    yield "review", window.review
    window.quiz_flow.start("objections", "objections-quiz")
    yield "quiz", window.quiz
    window.show_decks()
    window.start_assessment("objections", "objection-mindset")
    yield "self-check", window.stack.currentWidget()
    window.show_decks()
    window.show_browser()
    yield "browser", window.stack.currentWidget()
    window.show_decks()
    window.show_stats()
    yield "statistics", window.stack.currentWidget()
    window.show_decks()
    dialog = SettingsDialog(window.services.settings, window)
    dialog.show()
    yield "preferences", dialog
    dialog.close()
    dialog = ProfilesDialog(window.services.config, window.services.clock, window)
    dialog.show()
    yield "profiles", dialog
    dialog.close()


@pytest.fixture
def window(qtbot: QtBot, open_window: Opener, clock: FakeClock) -> MainWindow:
    opened, _services = open_window(clock, decks_folder=BUILTIN)
    opened.resize(1024, 700)
    return opened


def test_every_reachable_control_has_a_name_and_tab_reaches_it(
        qtbot: QtBot, window: MainWindow) -> None:
    for name, screen in screens(window):
        QApplication.processEvents()
        assert unnamed(screen) == [], name
        assert tab_reaches(qtbot, screen) == [], name


def test_practice_and_summary_screens_are_named_and_reached_by_tab(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, practice_decks: Path) -> None:
    window, _services = open_window(clock, decks_folder=practice_decks)
    window.resize(1024, 700)
    qtbot.keyClick(window.decks.tree, Qt.Key.Key_Return)
    while window.stack.currentWidget() is window.review:
        qtbot.keyClick(window.review, Qt.Key.Key_Space)
        qtbot.keyClick(window.review, Qt.Key.Key_3)
    assert window.stack.currentWidget() is window.practice
    for step in ("reply", "compare"):
        QApplication.processEvents()
        assert unnamed(window.practice) == [], step
        assert tab_reaches(qtbot, window.practice) == [], step
        window.practice.editor.setFocus()
        qtbot.keyClicks(window.practice.editor, "I hear you: what would need to be true?")
        qtbot.keyClick(window.practice.editor, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    window.show_summary()
    QApplication.processEvents()
    assert unnamed(window.summary) == []
    assert tab_reaches(qtbot, window.summary) == []


def test_quiz_options_are_checkable_controls_announced_with_their_state(
        qtbot: QtBot, window: MainWindow) -> None:
    window.quiz_flow.start("objections", "objections-quiz", only=["obj-q-not-a-fit"])
    view = window.quiz
    rows = view.answer.rows  # type: ignore[union-attr]
    interface = QAccessible.queryAccessibleInterface(rows[0].indicator)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name).startswith("Option 1: ")
    assert not interface.state().checked
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert QAccessible.queryAccessibleInterface(rows[0].indicator).state().checked
    qtbot.keyClick(view, Qt.Key.Key_M)


@pytest.mark.parametrize("mode", ["light", "dark", "light"])
def test_secondary_text_and_the_chosen_certainty_meet_4_5_to_1(
        qtbot: QtBot, window: MainWindow, mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAINER_THEME", mode)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app)
    palette = app.palette()
    background = palette.color(QPalette.ColorRole.Window)
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    assert muted == QColor(theme.MUTED_DARK if mode == "dark" else theme.MUTED_LIGHT)
    assert contrast(muted, background) >= 4.5
    assert contrast(palette.color(QPalette.ColorRole.HighlightedText),
                    palette.color(QPalette.ColorRole.Highlight)) >= 4.5
    assert contrast(palette.color(QPalette.ColorRole.WindowText), background) >= 4.5
    # A check box's or radio button's unticked box stands out from the window, and its
    # tick from the box (3:1, as WCAG asks of a control's parts); a class palette, so
    # it follows a change of theme both ways.
    box = QCheckBox("rubric check")
    qtbot.addWidget(box)
    box.ensurePolished()  # as shown: a class palette is taken in when polished
    fill = box.palette().color(QPalette.ColorRole.Base)
    assert contrast(fill, background) >= 3.0 if mode == "dark" else fill == QColor("#ffffff")
    assert contrast(box.palette().color(QPalette.ColorRole.Text), fill) >= 3.0
    # No screen draws its hints as disabled (greyed) labels any more.
    for name, screen in screens(window):
        greyed = [label.text()[:30] for label in screen.findChildren(QLabel)
                  if label.isVisible() and not label.isEnabled()]
        assert greyed == [], name
    monkeypatch.delenv("TRAINER_THEME")
    theme.apply_theme(app)
