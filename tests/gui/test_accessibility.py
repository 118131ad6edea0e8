"""Accessibility, measured on every main screen: each control a keyboard can reach has
an accessible name, Tab reaches every such control, quiz options are checkable controls
announced with their state, and text meets 4.5:1 contrast in light and dark."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui import browser_view, theme
from trainer.gui.main_window import MainWindow

Opener = Callable[..., tuple[MainWindow, Services]]
BUILTIN = Path(__file__).resolve().parents[2] / "decks"


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def reachable(screen: QWidget) -> list[QWidget]:
    """Controls of the screen a keyboard user can Tab to (shown and enabled)."""
    return [w for w in [screen, *screen.findChildren(QWidget)]
            if w.isVisible() and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus]


def unnamed(screen: QWidget) -> list[str]:
    out = []
    for widget in reachable(screen):
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not name.strip():
            out.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return out


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
    yield "browser", browser_view.open_from(window)
    window.show_decks()


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
        targets = reachable(screen)
        assert targets, name
        targets[0].setFocus()
        seen: set[int] = set()
        for _ in range(4 * len(targets) + 10):
            focused = QApplication.focusWidget()
            if focused is not None:
                seen.add(id(focused))
            qtbot.keyClick(focused or screen, Qt.Key.Key_Tab)
        missed = [f"{type(w).__name__} {w.objectName()!r}" for w in targets
                  if id(w) not in seen and w is not screen]
        assert missed == [], name


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
    QApplication.processEvents()
    view.grab().save("/tmp/quiz-options.png")


@pytest.mark.parametrize("mode", ["light", "dark"])
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
    # No screen draws its hints as disabled (greyed) labels any more.
    for name, screen in screens(window):
        greyed = [label.text()[:30] for label in screen.findChildren(QLabel)
                  if label.isVisible() and not label.isEnabled()]
        assert greyed == [], name
    monkeypatch.delenv("TRAINER_THEME")
    theme.apply_theme(app)
