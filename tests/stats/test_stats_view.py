"""The Statistics page driven as a user would: menu, pickers, Save as PNG, Esc."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt  # noqa: TID251
from PySide6.QtGui import QImage  # noqa: TID251
from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: TID251
from pytestqt.qtbot import QtBot
from stats_history import History

from trainer.app import Services
from trainer.domain.scheduling import Rating
from trainer.gui.main_window import MainWindow
from trainer.gui.run import make_app
from trainer.gui.stats_view import StatsView

Open = Callable[[Services], tuple[MainWindow, StatsView]]


@pytest.fixture
def open_stats(qtbot: QtBot) -> Open:
    """Open the window on a profile and choose View > Statistics."""
    make_app()

    def opener(services: Services) -> tuple[MainWindow, StatsView]:
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.resize(1000, 800)
        window.show()
        qtbot.waitExposed(window, timeout=20_000)
        window.stats_action.trigger()
        view = window.stack.currentWidget()
        assert isinstance(view, StatsView)
        return window, view

    return opener


def test_menu_opens_all_decks_for_the_last_30_days(history: History, open_stats: Open) -> None:
    _window, view = open_stats(history.services)
    assert view.range.currentText() == "Last 30 days"
    assert view.stats is not None
    assert view.stats.last_day == history.lapse_day
    assert view.stats.first_day == history.lapse_day - timedelta(days=29)
    assert view.heading.text().startswith("All decks · ")
    assert view.today.text() == "Today: 2 answers in 0 min, 50% right, 0 new items seen; " \
        f"{view.stats.today.due_now} due now."
    # The lapse and its relearning fall in the last 30 days; the first weeks do not.
    assert not view.per_day.is_empty() and view.stats.answers == 2
    assert view.quizzes.is_empty()


def test_scope_and_range_pickers(history: History, open_stats: Open, qtbot: QtBot) -> None:
    _window, view = open_stats(history.services)
    view.scope.setFocus()
    qtbot.keyClick(view.scope, Qt.Key.Key_Down)
    assert view.scope.currentText() == "Deck: Practice cards"
    assert view.stats is not None and view.stats.scope.deck == "cards"
    assert view.heading.text().startswith("Practice cards · ")
    view.range.setFocus()
    qtbot.keyClick(view.range, Qt.Key.Key_Down)
    assert view.range.currentText() == "Last 90 days"
    assert view.stats.first_day == history.lapse_day - timedelta(days=89)
    assert view.stats.answers == 9  # every answer on the practice cards
    qtbot.keyClick(view.range, Qt.Key.Key_Down)
    qtbot.keyClick(view.range, Qt.Key.Key_Down)
    assert view.range.currentText() == "Custom dates…"
    assert view.date_from.isVisible() and view.date_to.isVisible()
    first = history.first_day
    view.date_from.setDate(QDate(first.year, first.month, first.day))
    view.date_to.setDate(QDate(first.year, first.month, first.day))
    assert (view.stats.first_day, view.stats.last_day) == (first, first)
    assert view.stats.answers == 5  # cards A, B and C's three steps
    # The second date cannot be set before the first.
    assert view.date_to.minimumDate() == view.date_from.date()


def test_save_as_png_writes_exactly_the_chart(history: History, open_stats: Open,
                                              qtbot: QtBot, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _window, view = open_stats(history.services)
    target = tmp_path / "answers"
    asked: list[str] = []

    def choose(_parent: object, _caption: str, name: str, _filter: str) -> tuple[str, str]:
        asked.append(name)
        return str(target), "PNG images (*.png)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    box = view.box["Answers per day"]
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert asked == ["answers-per-day.png"]
    image = QImage(str(target) + ".png")
    assert not image.isNull()
    ratio = box.chart.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(box.chart.width() * ratio),
                                               round(box.chart.height() * ratio))
    before = sorted(tmp_path.iterdir())
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert sorted(tmp_path.iterdir()) == before  # cancelled: nothing written


def test_esc_and_back_return_to_the_decks(history: History, open_stats: Open,
                                          qtbot: QtBot) -> None:
    window, view = open_stats(history.services)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.decks
    window.stats_action.trigger()
    assert window.stack.currentWidget() is view
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.decks


def test_reopening_reuses_the_page_with_fresh_figures(history: History,
                                                      open_stats: Open) -> None:
    window, view = open_stats(history.services)
    assert view.stats is not None and view.stats.today.answers == 2
    window.show_decks()
    item = history.services.db.execute("SELECT id FROM items WHERE key = 'p04'").fetchone()[0]
    history.services.study.answer(item, Rating.GOOD)
    window.stats_action.trigger()
    assert window.stack.currentWidget() is view
    assert view.stats.today.answers == 3 and view.stats.today.new_seen == 1


def test_fresh_profile_shows_the_empty_states(fresh: Services, open_stats: Open) -> None:
    _window, view = open_stats(fresh)
    assert view.heatmap.is_empty() and view.per_day.is_empty()
    assert view.heatmap.empty_text == \
        "No answers in these 30 days — study a deck and come back."
    for chart in (view.forecast, view.retention, view.buttons, view.mastery, view.quizzes,
                  view.calibration, view.assessment):
        assert chart.is_empty() and chart.empty_text
    assert not view.box["True retention"].note.isVisible()


def test_home_button_and_ctrl_t_open_the_page(history: History, qtbot: QtBot) -> None:
    make_app()
    window = MainWindow(history.services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window, timeout=20_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=20_000)
    qtbot.mouseClick(window.decks.stats_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.stack.currentWidget(), StatsView)

    qtbot.keyClick(window.stack.currentWidget(), Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.decks
    qtbot.keyClick(window.decks.tree, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), StatsView)


def test_the_window_keeps_handling_events_while_counting(
        history: History, open_stats: Open, monkeypatch: pytest.MonkeyPatch) -> None:
    """The figures are counted off the window's thread: the count waits until the
    window's thread has handled an event of its own (on that thread it would wait for
    ever, and the test fail, not hang)."""
    from apart import OffTheWindow

    from trainer.gui import stats_view

    window, view = open_stats(history.services)
    counting = OffTheWindow(monkeypatch, stats_view, "compute_stats")
    view.range.setCurrentIndex(view.range.count() - 2)  # another range: counted again
    assert counting.threads == ["worker"]
    assert view.stats is not None and view.stats.answers > 0
    assert window.stack.currentWidget() is view


def test_the_keyboard_reaches_the_last_chart(history: History, open_stats: Open,
                                            qtbot: QtBot) -> None:
    window, view = open_stats(history.services)
    window.resize(800, 500)
    bar = view.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=20_000)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert bar.value() == 0
    assert window.stack.currentWidget() is view
