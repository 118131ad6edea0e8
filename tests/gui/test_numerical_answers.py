"""A rep answers numerical questions by keyboard, in English and under German (with a
decimal comma), and meets a matching question's distractor in its drop-downs."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from german import speaking_german
from pricing import pricing_folder
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from trainer import i18n
from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui.answer_widgets import MatchingWidget
from trainer.gui.main_window import MainWindow
from trainer.gui.quiz_view import QuizView
from trainer.gui.typed_answers import NumericalWidget, read_typed_number

Opener = Callable[..., tuple[MainWindow, Services]]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def pricing_decks(tmp_path: Path) -> Path:
    return pricing_folder(tmp_path / "pricing-decks")


@pytest.fixture
def german(qtbot: QtBot) -> Iterator[None]:
    with speaking_german():
        yield


def answers(services: Services) -> list[tuple[str, float]]:
    rows = services.db.execute("SELECT response, score FROM quiz_answers ORDER BY id")
    return [(json.loads(r[0])["text"], r[1]) for r in rows]


def type_and_submit(qtbot: QtBot, view: QuizView, typed: str) -> NumericalWidget:
    widget = view.answer
    assert isinstance(widget, NumericalWidget)
    assert widget.edit.hasFocus()  # the cursor is in the box: no click needed
    qtbot.keyClicks(widget.edit, typed)
    qtbot.keyClick(widget.edit, Qt.Key.Key_H, CTRL)  # certainty: high
    qtbot.keyClick(widget.edit, Qt.Key.Key_Return)
    return widget


def test_numbers_typed_by_keyboard_earn_full_partial_or_no_credit(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, pricing_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=pricing_decks)
    window.quiz_flow.start("pricing", "margins")
    view = window.quiz
    widget = view.answer
    assert isinstance(widget, NumericalWidget)
    # Enter with nothing typed asks for an answer; a word asks for a number.
    qtbot.keyClick(widget.edit, Qt.Key.Key_Return)
    assert "Choose an answer" in view.message.text()
    qtbot.keyClicks(widget.edit, "twenty")
    qtbot.keyClick(widget.edit, Qt.Key.Key_Return)
    assert view.message.text() == "Type a number, such as 1,234.5."
    assert not view.result.isVisible()
    # Correcting the answer clears the complaint.
    qtbot.keyClick(widget.edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget.edit, Qt.Key.Key_Backspace)
    assert view.message.text() == ""
    type_and_submit(qtbot, view, "25")
    text = view.result.text()
    assert "Partly right (50% credit)" in text and "certainty mark +1.5" in text
    assert "<b>25</b>: <p>That is the markup, not the margin.</p>" in text
    assert widget.accepted.text() == "Accepted: 20 ± 0.5"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    type_and_submit(qtbot, view, "3.15")  # the discount: exact
    assert "Right" in view.result.text()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    widget = type_and_submit(qtbot, view, "5.01")  # just beyond the range 1 to 5
    assert "Not right" in view.result.text()
    assert "Not one of the accepted answers." in view.result.text()
    assert widget.accepted.text() == "Accepted: 3 ± 2"
    assert answers(services) == [("25", 0.5), ("3.15", 1.0), ("5.01", 0.0)]


def test_under_german_a_decimal_comma_is_a_decimal_point(
        qtbot: QtBot, german: None, open_window: Opener, clock: FakeClock,
        pricing_decks: Path) -> None:
    assert i18n.language() == "de" and QLocale().decimalPoint() == ","
    window, services = open_window(clock, decks_folder=pricing_decks)
    window.quiz_flow.start("pricing", "margins")
    view = window.quiz
    widget = type_and_submit(qtbot, view, "19,5")  # 20 give or take 0.5: the lower edge
    text = view.result.text()
    assert "<b>19,5</b>: <p>Right: 20 of every 100 is yours.</p>" in text
    assert widget.accepted.text().endswith("20 ± 0,5")  # German numbers in the key
    qtbot.keyClick(view, Qt.Key.Key_Return)
    # A stray point still counts as the decimal point: 3.15, not 315.
    type_and_submit(qtbot, view, "3.15")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    widget = view.answer
    assert isinstance(widget, NumericalWidget)
    qtbot.keyClicks(widget.edit, "drei")
    qtbot.keyClick(widget.edit, Qt.Key.Key_Return)
    assert "1.234,5" in view.message.text()  # the example, as German writes numbers
    # Stored with a decimal point whatever the language, so exports read the same.
    assert answers(services) == [("19.5", 1.0), ("3.15", 1.0)]


def test_typed_numbers_follow_the_locale() -> None:
    german, english = QLocale("de_DE"), QLocale("en_US")
    assert [read_typed_number(t, german) for t in ("3,5", "1.234,5", "3.5", "-0,25", "x")] == [
        3.5, 1234.5, 3.5, -0.25, None]
    assert [read_typed_number(t, english) for t in ("3.5", "1,234.5", "3,5", "1e400")] == [
        3.5, 1234.5, None, None]


def test_a_distractor_is_offered_beside_the_answers(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, pricing_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=pricing_decks)
    window.quiz_flow.start("pricing", "margins")
    view = window.quiz
    for typed in ("20", "3.15", "3"):
        type_and_submit(qtbot, view, typed)
        qtbot.keyClick(view, Qt.Key.Key_Return)
    widget = view.answer
    assert isinstance(widget, MatchingWidget)
    offered = [widget.combos[0].itemText(i) for i in range(1, widget.combos[0].count())]
    assert sorted(offered) == ["(price - cost) / cost", "(price - cost) / price",
                               "cost / price"]
    # Matching both items by keyboard, the second one to the distractor.
    for row, target in enumerate(("(price - cost) / price", "cost / price")):
        qtbot.keyClick(view, Qt.Key.Key_1 + row)
        combo = widget.combos[row]
        for _ in range(combo.findText(target) - combo.currentIndex()):
            qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_H)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "Partly right (50% credit)" in view.result.text()
    assert widget.marks[1].text() == "✗ the answer: (price - cost) / cost"
    row = services.db.execute("SELECT response FROM quiz_answers ORDER BY id DESC").fetchone()
    assert json.loads(row[0])["matches"] == ["(price - cost) / price", "cost / price"]
