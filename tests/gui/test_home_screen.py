"""The home screen and quiz screen as a new user found them: one highlighted row (the
one Enter acts on), a checklist that shows whole rows, an imported deck found at once
by its title, a prompt that goes once answered, and bold card text at full size."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from dialogs import answer_dialogs, press
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.content.deckfile import parse_deck_file
from trainer.gui.answer_widgets import answer_widget
from trainer.gui.card_view import CardView
from trainer.gui.main_window import MainWindow
from trainer.gui.path_panel import VISIBLE_STEPS
from trainer.study.quiz_service import Asked

Opener = Callable[..., tuple[MainWindow, Services]]
DATA = Path(__file__).resolve().parents[1] / "data"
BUILTIN = Path(__file__).resolve().parents[2] / "decks"


def shows_selection_unfocused(view: QAbstractItemView) -> bool:
    palette = view.palette()
    return palette.color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight) != \
        palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)


def test_one_highlighted_row_and_whole_checklist_rows(
        qtbot: QtBot, open_window: Opener, clock: FakeClock) -> None:
    window, _ = open_window(clock, decks_folder=BUILTIN)
    window.resize(1024, 600)
    steps = window.decks.path.list
    qtbot.waitUntil(lambda: steps.count() > VISIBLE_STEPS, timeout=20_000)
    assert not shows_selection_unfocused(steps)
    assert not shows_selection_unfocused(window.decks.tree)
    # The first steps are shown whole: the last of them ends inside the list.
    for width in (1024, 1400):
        window.resize(width, 700)
        QApplication.processEvents()
        qtbot.waitUntil(lambda: steps.visualItemRect(steps.item(VISIBLE_STEPS - 1)).bottom()
                        < steps.viewport().height(), timeout=20_000)
        shown = sum(steps.visualItemRect(steps.item(i)).height()
                    for i in range(VISIBLE_STEPS))
        assert steps.viewport().height() - shown < steps.visualItemRect(
            steps.item(VISIBLE_STEPS)).height()
    # The decks come in the order the path first takes them.
    titles = [window.decks.tree.topLevelItem(i).text(0)
              for i in range(window.decks.tree.topLevelItemCount())]
    assert titles[:2] == ["Objections as engagement", "Selling at the No"]
    # Today's goal and the streak, above the checklist.
    assert window.decks.today.isVisible()
    assert window.decks.today.text() == ("Today: 0 of 100 done. Start a streak: study "
                                         "today.")


def test_an_imported_deck_comes_first_under_its_title(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path) -> None:
    window, _ = open_window(clock, decks_folder=BUILTIN)
    src = tmp_path / "quiz_deck.toml"
    shutil.copy(DATA / "quiz_deck.toml", src)
    seen = answer_dialogs([press("importConfirm"), press("OK")])
    window.import_path(src)
    assert "into Quiz test deck." in seen[1] and "qdeck" not in seen[1]
    assert window.decks.tree.topLevelItem(0).text(0) == "Quiz test deck"


def test_the_prompt_to_choose_goes_once_an_answer_is_chosen(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, quiz_decks: Path) -> None:
    window, _ = open_window(clock, decks_folder=quiz_decks)
    window.quiz_flow.start("qdeck", "mixed", only=["q-single"])
    view = window.quiz
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.message.text() == "Choose an answer first."
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert view.message.text() == ""
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.message.text() == "Say how sure you are: L, M or H."
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert view.message.text() == ""


def test_every_kind_of_answer_says_when_it_changes(qtbot: QtBot,
                                                  quiz_decks: Path) -> None:
    deck = parse_deck_file(quiz_decks / "quiz_deck.toml").deck
    assert deck is not None
    questions = {q.id: q for quiz in deck.quizzes for q in quiz.questions}
    for key, change in (
            ("q-short", lambda w: qtbot.keyClicks(w.edit, "x")),
            ("q-match", lambda w: w.combos[0].setCurrentIndex(1)),
            ("q-order", lambda w: w.move_step(1)),
            ("q-multi", lambda w: w.press(1))):
        question = questions[key]
        asked = Asked(0, 1, 1, question, question.options,
                      tuple(p.right for p in question.pairs) or question.steps, True)
        widget = answer_widget(asked)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.changed, timeout=5_000):
            change(widget)


def test_bold_card_text_is_the_size_of_the_text_around_it(qtbot: QtBot) -> None:
    view = CardView()
    qtbot.addWidget(view)
    for markdown in ("Anki <b>bold</b> text", "<div>Div text <b>bold</b> more</div>"):
        view.show_markdown(("front", markdown))
        sizes = set()
        block = view.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.text().strip():
                    sizes.add(fragment.charFormat().font().pixelSize())
                fragments += 1
            block = block.next()
        assert sizes == {21}, markdown


def test_a_one_day_chart_draws_its_point_in_the_middle(qtbot: QtBot) -> None:
    from datetime import date

    from trainer.gui.charts import LineChart, Series

    chart = LineChart()
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    day = date(2026, 3, 10)
    chart.set_data(day, day, [(Series("Objections", "#000000", [80.0]), [day])])
    plot = chart.plot_rect()
    assert abs(chart._x(day) - (plot.left() + plot.width() / 2)) < 1


def test_the_window_fits_a_small_screen(qtbot: QtBot, open_window: Opener,
                                        clock: FakeClock) -> None:
    window, _ = open_window(clock)
    room = window.screen().availableGeometry()
    assert window.frameGeometry().height() <= room.height()
    assert window.width() <= room.width()


def test_the_unfocused_selection_stays_hidden_when_the_theme_changes(
        qtbot: QtBot, open_window: Opener, clock: FakeClock) -> None:
    from trainer.gui import theme

    window, _ = open_window(clock, decks_folder=BUILTIN)
    steps, tree = window.decks.path.list, window.decks.tree
    qtbot.waitUntil(lambda: steps.count() > 0, timeout=20_000)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for choice in ("dark", "light", "dark"):
        theme.choose(app, choice)
        base = app.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
        text = app.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        for view in (steps, tree):
            # The unfocused selection takes the new theme's base and text colours, not
            # the last one's (a white bar with black text in the dark theme).
            qtbot.waitUntil(lambda v=view, b=base: v.palette().color(
                QPalette.ColorGroup.Active, QPalette.ColorRole.Base) == b, timeout=20_000)
            qtbot.waitUntil(lambda v=view: not shows_selection_unfocused(v), timeout=20_000)
            assert view.palette().color(QPalette.ColorGroup.Inactive,
                                        QPalette.ColorRole.HighlightedText) == text
    theme.choose(app, "system")


def test_tab_goes_round_the_home_screen_and_through_the_checklist(
        qtbot: QtBot, open_window: Opener, clock: FakeClock) -> None:
    window, _ = open_window(clock, decks_folder=BUILTIN)
    home = window.decks
    qtbot.waitUntil(lambda: home.path.list.count() > 0, timeout=20_000)
    window.activateWindow()
    home.tree.setFocus()
    qtbot.waitUntil(home.tree.hasFocus, timeout=20_000)
    reached = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [home.stats_button, home.study_button, home.path.list, home.tree]
    # In the checklist the keys scroll to a learning path's later days.
    home.path.list.setFocus()
    qtbot.keyClick(home.path.list, Qt.Key.Key_End)
    assert home.path.list.currentRow() == home.path.list.count() - 1
