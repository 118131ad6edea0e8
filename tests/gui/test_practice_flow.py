"""A rep practises what to say, by keyboard: types a reply, compares it with the model,
ticks the rubric, and sees their last reply the next time the item comes up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui.main_window import MainWindow

Opener = Callable[..., tuple[MainWindow, Services]]
CTRL = Qt.KeyboardModifier.ControlModifier


def answer_cards(qtbot: QtBot, window: MainWindow) -> None:
    """Space and 3 on each card until the practice screen is up."""
    while window.stack.currentWidget() is window.review:
        qtbot.keyClick(window.review, Qt.Key.Key_Space)
        qtbot.keyClick(window.review, Qt.Key.Key_3)


def replies(services: Services) -> list[tuple[object, ...]]:
    return services.db.execute(
        "SELECT mode, reply, met, rating FROM practice_replies ORDER BY id").fetchall()


def test_type_compare_tick_and_save_by_keys(qtbot: QtBot, open_window: Opener,
                                            clock: FakeClock, practice_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=practice_decks)
    qtbot.keyClick(window.decks.tree, Qt.Key.Key_Return)
    answer_cards(qtbot, window)
    view = window.practice
    assert window.stack.currentWidget() is view
    assert "Your system doesn't run on phones." in view.prompt.toPlainText()
    assert "operations director" in view.prompt.toPlainText()
    assert view.editor.hasFocus()

    # Comparing an empty reply only says what to do.
    qtbot.keyClick(view.editor, Qt.Key.Key_Return, CTRL)
    assert not view.marking and "Type your reply first" in view.status.text()

    qtbot.keyClicks(view.editor, "Mind if I push back? It runs on phones.")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return, CTRL)
    assert view.marking
    assert view.yours.toPlainText() == "Mind if I push back? It runs on phones."
    assert "two years" in view.model.toPlainText()
    assert [b.text() for b in view.checks] == [
        "1  Asked permission before disagreeing", "2  Corrected the fact plainly",
        "3  Ended with a question"]
    assert view.verdict.text() == "0 of 3 checks: rated Again"
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_2)
    qtbot.keyClick(view, Qt.Key.Key_3)
    qtbot.keyClick(view, Qt.Key.Key_3)  # a second press unticks
    assert view.ticked() == {"permission", "fact"}
    assert view.verdict.text() == "2 of 3 checks: rated Hard"
    assert replies(services) == []
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert replies(services) == [("typed", "Mind if I push back? It runs on phones.",
                                  '["permission", "fact"]', 2)]

    # The next practice item, said out loud, every check met, saved with a click.
    assert window.stack.currentWidget() is view and not view.marking
    assert "Practice saved: Hard. Next time: ended with a question." in view.status.text()
    assert "cheapest vendor" in view.prompt.toPlainText()
    qtbot.keyClick(view.editor, Qt.Key.Key_L, CTRL)
    assert view.marking and view.yours.toPlainText() == "(said out loud)"
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4):
        qtbot.keyClick(view, key)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert replies(services)[-1] == ("aloud", None,
                                     '["warning", "reason", "question", "calm"]', 3)


def test_the_last_reply_comes_back_and_a_draft_survives_leaving(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, practice_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=practice_decks)
    qtbot.keyClick(window.decks.tree, Qt.Key.Key_Return)
    answer_cards(qtbot, window)
    view = window.practice
    qtbot.keyClicks(view.editor, "A half-written reply")
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.decks
    qtbot.keyClick(window.decks.tree, Qt.Key.Key_Return)
    answer_cards(qtbot, window)
    assert view.editor.toPlainText() == "A half-written reply"

    qtbot.keyClick(view.editor, Qt.Key.Key_Return, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # nothing ticked: Again, back in minutes
    assert replies(services)[0][3] == 1
    # Coming back to it later, the reply it got is shown as "last time".
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    qtbot.keyClick(window.decks.tree, Qt.Key.Key_Return)
    clock.advance(timedelta(minutes=2))
    while window.stack.currentWidget() is not window.practice or \
            "phones" not in view.prompt.toPlainText():
        if window.stack.currentWidget() is window.review:
            qtbot.keyClick(window.review, Qt.Key.Key_Space)
            qtbot.keyClick(window.review, Qt.Key.Key_3)
        else:
            qtbot.keyClick(view.editor, Qt.Key.Key_L, CTRL)
            qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.editor.toPlainText() == ""
    qtbot.keyClick(view.editor, Qt.Key.Key_L, CTRL)
    assert view.before.isVisible()
    assert "A half-written reply" in view.before.text()
    assert "0 of 3 checks" in view.before.text() and "again" in view.before.text()


def test_ctrl_z_after_saving_takes_the_practice_answer_back(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, practice_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=practice_decks)
    qtbot.keyClick(window.decks.tree, Qt.Key.Key_Return)
    answer_cards(qtbot, window)
    view = window.practice
    first = view.prompt.toPlainText()
    qtbot.keyClicks(view.editor, "Mind if I push back?")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(replies(services)) == 1
    [(review,)] = services.db.execute("SELECT review_id FROM practice_replies").fetchall()
    assert review is not None
    assert view.prompt.toPlainText() != first and view.editor.hasFocus()

    # Typing on the next item is undone first, as in any text box...
    qtbot.keyClicks(view.editor, "Half a")
    qtbot.keyClick(view.editor, Qt.Key.Key_Z, CTRL)
    assert view.editor.toPlainText() == "" and len(replies(services)) == 1
    # ...then, with nothing typed left to undo, the answer saved before.
    qtbot.keyClick(view.editor, Qt.Key.Key_Z, CTRL)
    # The answer (its review) is gone; what the rep wrote is kept, unlinked, as their work.
    assert services.db.execute("SELECT review_id FROM practice_replies").fetchall() == [(None,)]
    assert view.prompt.toPlainText() == first and view.status.text() == "Answer undone"
    assert window.stack.currentWidget() is view
    # The reply comes back to be compared and marked again, not to be typed again.
    assert view.editor.toPlainText() == "Mind if I push back?"
    qtbot.keyClick(view.editor, Qt.Key.Key_Return, CTRL)
    assert view.marking and view.yours.toPlainText() == "Mind if I push back?"


def test_page_down_reads_a_model_reply_longer_than_its_box(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, practice_decks: Path) -> None:
    window, _services = open_window(clock, decks_folder=practice_decks)
    window.resize(640, 420)  # a small window: the model reply runs below its box
    qtbot.keyClick(window.decks.tree, Qt.Key.Key_Return)
    answer_cards(qtbot, window)
    view = window.practice
    qtbot.keyClick(view.editor, Qt.Key.Key_L, CTRL)  # said it out loud: marking
    assert view.marking
    bar = view.model.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=20_000)
    focused = QApplication.focusWidget() or view
    qtbot.keyClick(focused, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(focused, Qt.Key.Key_PageUp)
    assert bar.value() == 0
    assert view.marking  # scrolling saved nothing
