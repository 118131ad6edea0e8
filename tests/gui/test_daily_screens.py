"""The quiz screen is shared by quizzes and daily study: its keys go to whoever asked the
question on it. Ctrl+Z on the review screen says when there is nothing to take back."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.domain.scoring import Response
from trainer.gui.main_window import MainWindow
from trainer.gui.quiz_view import QuizView

Opener = Callable[..., tuple[MainWindow, Services]]
CTRL = Qt.KeyboardModifier.ControlModifier


def answers(services: Services) -> int:
    return int(services.db.execute("SELECT count(*) FROM quiz_answers").fetchone()[0])


def answer_any(qtbot: QtBot, view: QuizView) -> None:
    """The first option, medium certainty where asked, Enter: the feedback shows."""
    assert view.asked is not None
    qtbot.keyClick(view, Qt.Key.Key_1)
    if view.asked.certainty:
        qtbot.keyClick(view, Qt.Key.Key_M)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.feedback is not None


def test_the_quiz_screen_keys_go_to_whoever_asked(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, quiz_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=quiz_decks)
    services.quizzes.rng = random.Random(0)
    run = services.quizzes.start("qdeck", "mixed", only=["q-single"])
    run.answer(Response(chosen=("a",)), 2)  # wrong: due again in daily study
    run.finish()
    clock.advance(timedelta(minutes=5))
    view = window.quiz

    # Daily study asks the due question; Esc leaves it unanswered.
    window.study("qdeck")
    assert window.stack.currentWidget() is view and "due question" in view.title.text()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.decks

    # A quiz asks next: Ctrl+Z takes nothing back, Enter goes to the quiz's next question.
    window.quiz_flow.start("qdeck", "mixed", only=["q-tf", "q-multi"])
    assert window.stack.currentWidget() is view
    assert view.progress.text().startswith("Question 1 of 2")
    answer_any(qtbot, view)
    before = answers(services)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert answers(services) == before and view.feedback is not None
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.progress.text().startswith("Question 2 of 2")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.decks

    # Daily study again: its question, and its Ctrl+Z takes the answer back.
    window.study("qdeck")
    assert view.asked is not None and view.asked.question.id == "q-single"
    assert "due question" in view.title.text()
    answer_any(qtbot, view)
    assert answers(services) == before + 1
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert answers(services) == before
    assert window.stack.currentWidget() is view and view.feedback is None
    assert view.asked.question.id == "q-single"


def test_undo_with_nothing_answered_says_so_on_the_review_screen(
        qtbot: QtBot, open_window: Opener, clock: FakeClock) -> None:
    window, _ = open_window(clock)
    qtbot.keyClick(window.decks.tree, Qt.Key.Key_Return)
    review = window.review
    assert window.stack.currentWidget() is review and review.shown is not None
    first = review.shown
    qtbot.keyClick(review, Qt.Key.Key_Z, CTRL)
    assert review.status.text() == "Nothing to undo" and review.shown == first
