"""A rep studies the built-in deck with keys and clicks, undoes, and comes back later."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.domain.scheduling import Rating
from trainer.gui.main_window import MainWindow
from trainer.storage.decks_repo import set_daily_limits

Opener = Callable[..., tuple[MainWindow, Services]]


def deck_row(window: MainWindow) -> list[str]:
    item = window.decks.tree.topLevelItem(0)
    assert item is not None
    return [item.text(c) for c in range(4)]


def review_count(window: MainWindow) -> int:
    return int(window.services.db.execute("SELECT count(*) FROM reviews").fetchone()[0])


def test_study_by_keys_and_clicks_undo_and_reopen_later(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path) -> None:
    window, services = open_window(clock)
    assert deck_row(window) == ["Practice cards", "20", "0", "0"]

    qtbot.keyClick(window.decks.tree, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.review
    review = window.review
    assert review.shown is not None
    first_front = review.shown.front
    assert first_front.split()[0] in review.card.toPlainText()
    assert not review.revealed

    # Number keys do nothing until the answer is shown.
    qtbot.keyClick(review, Qt.Key.Key_3)
    assert review_count(window) == 0
    qtbot.keyClick(review, Qt.Key.Key_Space)
    assert review.revealed
    assert review.interval_labels[Rating.AGAIN].text() == "1m"
    assert review.interval_labels[Rating.GOOD].text() == "10m"
    qtbot.keyClick(review, Qt.Key.Key_3)  # Good
    assert review_count(window) == 1
    second = review.shown
    assert second is not None and second.front != first_front

    qtbot.mouseClick(review.show_button, Qt.MouseButton.LeftButton)
    assert review.revealed
    qtbot.mouseClick(review.rating_buttons[Rating.AGAIN], Qt.MouseButton.LeftButton)
    assert review_count(window) == 2

    # Oops: take the click back. The same card comes back, unanswered.
    qtbot.keyClick(review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review_count(window) == 1
    assert review.shown is not None
    assert review.shown.item_id == second.item_id
    assert not review.revealed and "undone" in review.status.text()

    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_4)  # Easy: graduates for days
    assert review_count(window) == 2

    qtbot.keyClick(review, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.decks
    assert deck_row(window)[1:] == ["18", "1", "0"]
    window.close()
    services.close()

    clock.advance(timedelta(days=10))
    window, _ = open_window(clock, data_dir=tmp_path / "data")
    # A new day: 20 new again, the Good card still learning, the Easy card now due.
    assert deck_row(window)[1:] == ["20", "1", "1"]


def test_end_of_session_says_when_the_next_card_is_due(
        qtbot: QtBot, open_window: Opener, clock: FakeClock) -> None:
    window, services = open_window(clock)
    # The trainer set this deck to two new cards a day.
    set_daily_limits(services.db, "cards", 2, 200)
    services.study.forget_limits()
    qtbot.mouseClick(window.decks.study_button, Qt.MouseButton.LeftButton)
    for _ in range(2):
        qtbot.keyClick(window.review, Qt.Key.Key_Space)
        qtbot.keyClick(window.review, Qt.Key.Key_4)
    assert window.stack.currentWidget() is window.summary
    assert window.summary.heading.text() == "Session complete"
    assert "You gave 2 answers" in window.summary.done.text()
    assert "Easy 2" in window.summary.done.text()
    # The clock reads 12:00 UTC and the day starts at 4 am: new cards return tomorrow.
    assert window.summary.next_due.text() == "Next card due: Tomorrow at 04:00."

    # Ctrl+Z on the summary takes back the last answer and returns to that card.
    qtbot.keyClick(window.summary, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.review
    assert review_count(window) == 1
    undone = window.review.shown
    assert undone is not None
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    qtbot.keyClick(window.review, Qt.Key.Key_1)  # Again: due in a minute, so shown again now
    assert window.stack.currentWidget() is window.review
    assert window.review.shown is not None
    assert window.review.shown.item_id == undone.item_id
    assert "Learning 1" in window.review.counts.text()
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    qtbot.keyClick(window.review, Qt.Key.Key_4)
    assert window.stack.currentWidget() is window.summary
    qtbot.keyClick(window.summary, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.decks


def test_a_broken_deck_file_is_named_and_the_others_load(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path,
        card_decks: Path) -> None:
    folder = tmp_path / "decks"
    shutil.copytree(card_decks, folder)
    (folder / "broken.toml").write_text('format = 1\n[deck]\nid = "x"\ntitle = \n')
    window, _ = open_window(clock, decks_folder=folder)
    assert window.decks.problems.isVisible()
    text = window.decks.problems.text()
    assert f"{folder / 'broken.toml'}:4" in text and "not valid TOML" in text
    assert deck_row(window)[0] == "Practice cards"


def test_about_dialog_opens_with_f1_and_credits_sources(
        qtbot: QtBot, open_window: Opener, clock: FakeClock) -> None:
    window, _ = open_window(clock)
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        seen.append(dialog.findChild(QLabel, "aboutText").text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, read_and_close)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert seen and "Test notes — Test Author" in seen[0] and "Data folder" in seen[0]
