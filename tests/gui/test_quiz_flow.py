"""A rep takes quizzes by keyboard and by mouse, resumes an interrupted one, meets a due
question in daily study, and takes a self-check twice."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.domain.quiz import QuestionType
from trainer.gui.answer_widgets import ChoiceWidget, MatchingWidget, OrderingWidget
from trainer.gui.main_window import MainWindow
from trainer.gui.quiz_view import QuizView
from trainer.gui.typed_answers import ShortAnswerWidget
from trainer.study.quiz_service import Asked

Opener = Callable[..., tuple[MainWindow, Services]]
DATA = Path(__file__).resolve().parents[1] / "data"
DIGITS = [Qt.Key.Key_0, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5,
          Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8, Qt.Key.Key_9]


def select_row(qtbot: QtBot, window: MainWindow, key: tuple[str, ...]) -> None:
    """Arrow down the home list until ``key`` is selected, then press Enter."""
    tree = window.decks.tree
    for _ in range(20):
        if window.decks.current_key() == key:
            break
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.decks.current_key() == key
    qtbot.keyClick(tree, Qt.Key.Key_Return)


def answer_by_keys(qtbot: QtBot, view: QuizView, asked: Asked, right: bool) -> None:
    """Answer the shown question with the keyboard only."""
    q = asked.question
    widget = view.answer
    if isinstance(widget, ChoiceWidget):
        if q.type == QuestionType.MULTIPLE:
            picks = [i for i, o in enumerate(widget.options, 1) if (o.value > 0) == right]
        else:
            best = [i for i, o in enumerate(widget.options, 1) if o.value >= 1.0]
            worst = [i for i, o in enumerate(widget.options, 1) if o.value < 1.0]
            picks = best[:1] if right else worst[:1]
        for number in picks:
            qtbot.keyClick(view, DIGITS[number])
    elif isinstance(widget, MatchingWidget):
        for row, pair in enumerate(q.pairs):
            qtbot.keyClick(view, DIGITS[row + 1])  # focus that row's drop-down
            target = pair.right if right else q.pairs[(row + 1) % len(q.pairs)].right
            combo = widget.combos[row]
            steps = combo.findText(target) - combo.currentIndex()
            for _ in range(steps):
                qtbot.keyClick(combo, Qt.Key.Key_Down)
    elif isinstance(widget, OrderingWidget):
        goal = list(q.steps) if right else list(reversed(q.steps))
        for place, step in enumerate(goal):
            now = [widget.list.item(i).text() for i in range(widget.list.count())].index(step)
            qtbot.keyClick(view, DIGITS[now + 1])
            for _ in range(now - place):
                qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)


def test_whole_quiz_by_keyboard_results_and_retake(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, quiz_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=quiz_decks)
    select_row(qtbot, window, ("quiz", "qdeck", "mixed"))
    view = window.quiz
    assert window.stack.currentWidget() is view
    seen = []
    while window.stack.currentWidget() is view:
        asked = view.asked
        assert asked is not None
        assert view.progress.text().startswith(f"Question {asked.position + 1} of 6")
        # Enter alone does nothing but ask for an answer (ordering always has one).
        if asked.question.type != QuestionType.ORDERING:
            qtbot.keyClick(view, Qt.Key.Key_Return)
            assert "Choose an answer" in view.message.text()
        wrong = asked.question.id == "q-single"
        answer_by_keys(qtbot, view, asked, right=not wrong)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        assert "how sure" in view.message.text()
        qtbot.keyClick(view, Qt.Key.Key_H)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        assert view.result.isVisible()
        text = view.result.text()
        assert ("Not right" in text and "sure, and it was wrong" in text) if wrong else (
            "Right" in text)
        seen.append(asked.question.id)
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(seen) == 6
    results = window.results
    assert window.stack.currentWidget() is results
    page = results.text.text()
    assert "83%" in page and "Passed" in page and "pass mark 60%" in page
    assert "Certainty score: +1.50" in page  # five right at +3, one wrong at -6
    assert "sure but wrong" in page and "B is best." in page
    assert "objections: 50%" in page
    # The page scrolls by keyboard, down to the last missed question and back.
    results.resize(600, 260)
    QApplication.processEvents()
    bar = results.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.keyClick(results, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(results, Qt.Key.Key_PageUp)
    assert bar.value() < bar.maximum()
    qtbot.keyClick(results, Qt.Key.Key_Home)
    assert bar.value() == 0
    qtbot.keyClick(results, Qt.Key.Key_M)  # review only the missed one
    assert window.stack.currentWidget() is view and view.asked is not None
    assert view.asked.question.id == "q-single" and view.asked.total == 1
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    services.quizzes.discard(services.quizzes.open_attempts()[0].id)
    select_row(qtbot, window, ("quiz", "qdeck", "mixed"))
    assert window.quiz.asked is not None and window.quiz.asked.total == 6  # a fresh attempt
    qtbot.keyClick(window.quiz, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.decks
    assert window.decks.tree.currentItem().text(0).startswith("Quiz: Mixed quiz  (best 83%)")


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def answer_by_mouse(qtbot: QtBot, view: QuizView, asked: Asked) -> None:
    """Answer the shown question right, with clicks only."""
    widget = view.answer
    if isinstance(widget, ChoiceWidget):
        for option, row in zip(widget.options, widget.rows, strict=True):
            if option.value >= 1.0 or (widget.multi and option.value > 0):
                click(qtbot, row)
                if not widget.multi:
                    break
    elif isinstance(widget, MatchingWidget):
        # Drop-down lists are opened by a click and picked from with the arrow keys here:
        # on the offscreen test platform their pop-up closes before a second click lands.
        for combo, pair in zip(widget.combos, asked.question.pairs, strict=True):
            click(qtbot, combo)
            combo.hidePopup()
            for _ in range(combo.findText(pair.right) - combo.currentIndex()):
                qtbot.keyClick(combo, Qt.Key.Key_Down)
            assert combo.currentText() == pair.right
    elif isinstance(widget, OrderingWidget):
        for place, step in enumerate(asked.question.steps):
            now = [widget.list.item(i).text() for i in range(widget.list.count())].index(step)
            item = widget.list.item(now)
            qtbot.mouseClick(widget.list.viewport(), Qt.MouseButton.LeftButton,
                             pos=widget.list.visualItemRect(item).center())
            for _ in range(now - place):
                click(qtbot, widget.up)


def test_whole_quiz_by_mouse_with_certainty(qtbot: QtBot, open_window: Opener,
                                            clock: FakeClock, quiz_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=quiz_decks)
    window.decks.select(("quiz", "qdeck", "mixed"))
    click(qtbot, window.decks.study_button)
    view = window.quiz
    asked = view.asked
    assert asked is not None and asked.question.id == "q-single"
    assert isinstance(view.answer, ChoiceWidget)
    click(qtbot, view.answer.rows[1])  # "B", the right one
    assert view.answer.rows[1].selected
    medium = view.certainty_buttons.button(2)
    assert isinstance(medium, QPushButton)
    click(qtbot, medium)
    click(qtbot, view.go)
    assert "Right" in view.result.text() and "certainty mark +2" in view.result.text()
    assert view.answer.rows[1].mark.text() == "✓"
    click(qtbot, view.go)
    while window.stack.currentWidget() is view:
        asked = view.asked
        assert asked is not None
        answer_by_mouse(qtbot, view, asked)
        high = view.certainty_buttons.button(3)
        assert isinstance(high, QPushButton)
        click(qtbot, high)
        click(qtbot, view.go)
        assert "Right" in view.result.text(), asked.question.id
        click(qtbot, view.go)
    assert window.stack.currentWidget() is window.results
    assert "100%" in window.results.text.text()
    assert services.db.execute("SELECT count(*), sum(correct) FROM quiz_answers").fetchone() == (
        6, 6)
    click(qtbot, window.results.retake_button)
    assert window.stack.currentWidget() is view and view.progress.text().startswith(
        "Question 1 of 6")


def test_quit_mid_quiz_and_resume_on_next_start(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, quiz_decks: Path,
        tmp_path: Path) -> None:
    window, services = open_window(clock, decks_folder=quiz_decks)
    select_row(qtbot, window, ("quiz", "qdeck", "mixed"))
    for _ in range(2):
        asked = window.quiz.asked
        assert asked is not None
        answer_by_keys(qtbot, window.quiz, asked, right=True)
        qtbot.keyClick(window.quiz, Qt.Key.Key_M)
        qtbot.keyClick(window.quiz, Qt.Key.Key_Return)
        qtbot.keyClick(window.quiz, Qt.Key.Key_Return)
    window.close()
    services.close()
    clock.advance(timedelta(minutes=1))  # the app is started again later

    # The offer comes once the window is up, in a modal box that opening the window
    # waits on: press Resume whenever it appears.
    pressed: list[str] = []

    def press_resume() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        poll.stop()
        pressed.append(box.text())
        resume = next(b for b in box.buttons() if b.text() == "Resume")
        qtbot.mouseClick(resume, Qt.MouseButton.LeftButton)

    poll = QTimer()
    poll.timeout.connect(press_resume)
    poll.start(20)
    window, _ = open_window(clock, data_dir=tmp_path / "data", decks_folder=quiz_decks)
    assert len(pressed) == 1 and "2 of 6 answered" in pressed[0]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.quiz, timeout=20_000)
    assert window.quiz.asked is not None
    assert window.quiz.progress.text().startswith("Question 3 of 6")


def test_a_quiz_begun_in_this_window_is_not_offered_as_interrupted(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, quiz_decks: Path) -> None:
    # The offer waits for the window's first paint; a quiz can be begun by then (a
    # test driving the window at once), and is not one interrupted before this start.
    window, services = open_window(clock, decks_folder=quiz_decks)
    window.quiz_flow.start("qdeck", "mixed")
    assert services.quizzes.open_attempts()
    offered: list[str] = []

    def refuse() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            offered.append(box.text())
            box.reject()

    poll = QTimer()
    poll.timeout.connect(refuse)
    poll.start(20)
    window.first_painted.emit()  # the paint's signal, arriving after the quiz began
    poll.stop()
    assert offered == []
    assert window.stack.currentWidget() is window.quiz
    assert window.quiz.progress.text().startswith("Question 1 of")


def test_a_missed_question_comes_back_in_daily_study(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, quiz_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=quiz_decks)
    services.quizzes.rng = random.Random(0)
    run = services.quizzes.start("qdeck", "mixed", only=["q-single"])
    asked = run.current()
    assert asked is not None
    from trainer.domain.scoring import Response

    run.answer(Response(chosen=("a",)), 2)
    run.finish()
    clock.advance(timedelta(minutes=5))
    window.show_decks()
    select_row(qtbot, window, ("deck", "qdeck"))
    view = window.quiz
    assert window.stack.currentWidget() is view
    assert view.asked is not None and view.asked.question.id == "q-single"
    assert "due question" in view.title.text()
    answer_by_keys(qtbot, view, view.asked, right=True)
    qtbot.keyClick(view, Qt.Key.Key_H)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "Right" in view.result.text()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    # Then the deck's new card, on the card screen.
    assert window.stack.currentWidget() is window.review
    assert "A card" in window.review.card.toPlainText()
    qtbot.keyClick(window.review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is view  # undo brings the question back


def test_self_check_twice_shows_the_change(qtbot: QtBot, open_window: Opener,
                                           clock: FakeClock, quiz_decks: Path) -> None:
    window, _ = open_window(clock, decks_folder=quiz_decks)
    select_row(qtbot, window, ("assessment", "qdeck", "ready"))
    view = window.assessment
    assert view.statement.text() == "I say when I disagree."
    qtbot.keyClick(view, Qt.Key.Key_2)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)  # change my mind
    assert view.rows[1].selected
    for key in (Qt.Key.Key_3, Qt.Key.Key_3, Qt.Key.Key_2):
        qtbot.keyClick(view, key)
    courage = view.findChild(QLabel, "dimensionText_courage")
    assert courage is not None and "Hesitant" in courage.text()
    assert "First time" in courage.text()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.decks

    clock.advance(timedelta(days=7))
    select_row(qtbot, window, ("assessment", "qdeck", "ready"))
    for key in (Qt.Key.Key_5, Qt.Key.Key_2, Qt.Key.Key_4):
        qtbot.keyClick(view, key)
    courage = view.findChild(QLabel, "dimensionText_courage")
    assert courage is not None
    assert "▲ +38 since last time (50)" in courage.text() and "Ready" in courage.text()
    link = view.findChild(QPushButton, "link_quiz:mixed")
    assert link is None  # the "Ready" band has no links
    qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_typed_answer_keeps_letters_for_the_text_box(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, quiz_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=quiz_decks)
    select_row(qtbot, window, ("quiz", "qdeck", "typed"))
    view = window.quiz
    widget = view.answer
    assert isinstance(widget, ShortAnswerWidget)
    qtbot.keyClicks(widget.edit, "Falsely 3 hopeful")  # letters L, H and digits are typed
    assert widget.edit.text() == "Falsely 3 hopeful"
    assert not view.certainty_row.isVisible()  # this quiz does not ask certainty
    qtbot.keyClick(widget.edit, Qt.Key.Key_Return)
    assert "Partly right (50% credit)" in view.result.text()
    assert "Close enough for half." in view.result.text()
    assert "Accepted: false" in widget.accepted.text()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.results
    row = services.db.execute("SELECT response, score FROM quiz_answers").fetchone()
    assert '"text": "Falsely 3 hopeful"' in row[0] and row[1] == 0.5


def test_first_week_checklist_on_the_home_screen(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, quiz_decks: Path) -> None:
    window, _ = open_window(clock, decks_folder=quiz_decks)
    panel = window.decks.path
    assert panel.isVisible()
    assert panel.heading.text() == "Test week: day 1 · 0 of 3 steps done"
    steps = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert steps[0].startswith("→  Day 1: Study Quiz test deck  (0 of 1 cards)")
    assert panel.list.currentRow() == 0 and panel.list.item(0).font().bold()
    # Study the one card the step asks for, then come back: the next step is the quiz.
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.review
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    qtbot.keyClick(window.review, Qt.Key.Key_3)  # Good: back in ten minutes
    qtbot.keyClick(window.review, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.decks
    assert panel.heading.text() == "Test week: day 1 · 1 of 3 steps done"
    assert panel.list.item(0).text().startswith("✓  Day 1")
    assert panel.list.item(1).text().startswith("→  Day 1: Pass the quiz: Mixed quiz")
    assert "Take it twice" in panel.list.item(1).text()
    assert panel.list.currentRow() == 1  # the next step is selected, ready for Enter
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.quiz
    assert window.quiz.title.text() == "Mixed quiz"
    qtbot.keyClick(window.quiz, Qt.Key.Key_Escape)
    clock.advance(timedelta(days=2))
    window.show_decks()
    assert "day 3 · 1 of 3 steps done · 2 behind" in panel.heading.text()
    assert "behind" in panel.list.item(1).text()


def test_no_label_of_a_quiz_loads_a_picture_from_a_path(
        qtbot: QtBot, tmp_path: Path) -> None:
    from trainer.domain.quiz import Pair, Question, QuestionType
    from trainer.gui.answer_widgets import answer_widget
    from trainer.study.quiz_service import Asked

    hostile = f"<img src='{tmp_path / 'secret.png'}'> left"
    question = Question("q", QuestionType.MATCHING, "Match them", "t",
                        pairs=(Pair(hostile, "right"), Pair("b", "other")))
    widget = answer_widget(Asked(0, 1, 1, question, (), ("right", "other"), False))
    qtbot.addWidget(widget)
    labels = [label for label in widget.findChildren(QLabel) if "left" in label.text()]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_enter_in_an_open_drop_down_chooses_and_does_not_submit(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, quiz_decks: Path) -> None:
    window, _services = open_window(clock, decks_folder=quiz_decks)
    select_row(qtbot, window, ("quiz", "qdeck", "mixed"))
    view = window.quiz
    while not isinstance(view.answer, MatchingWidget):
        assert view.asked is not None
        answer_by_keys(qtbot, view, view.asked, right=True)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_H, Qt.Key.Key_Return, Qt.Key.Key_Return):
            qtbot.keyClick(view, key)
    widget = view.answer
    qtbot.keyClick(view, Qt.Key.Key_H)  # sure: Enter would submit now if it got through
    qtbot.keyClick(view, Qt.Key.Key_1)
    combo = widget.combos[0]
    assert combo.hasFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # open it
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert combo.currentIndex() == 1  # chosen
    assert view.feedback is None and not view.result.isVisible()  # and not marked
    assert all(c.currentIndex() == 0 for c in widget.combos[1:])
    # Enter on the closed drop-down still submits, as the quiz's hint says.
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert view.feedback is not None


def test_a_self_check_left_with_esc_goes_on_where_it_stopped(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, quiz_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=quiz_decks)
    select_row(qtbot, window, ("assessment", "qdeck", "ready"))
    view = window.assessment
    assert not view.resumed.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_4)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert view.progress.text() == "Statement 3 of 3"
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # called away mid-way
    assert window.stack.currentWidget() is window.decks

    select_row(qtbot, window, ("assessment", "qdeck", "ready"))
    assert view.progress.text() == "Statement 3 of 3"  # not back at the first
    assert view.resumed.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Backspace)  # the earlier answer is there to change
    assert view.rows[1].selected
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert not view.resumed.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_2)
    courage = view.findChild(QLabel, "dimensionText_courage")
    assert courage is not None and "First time" in courage.text()
    # One attempt, finished, with all three choices; the next one starts afresh.
    [attempt] = services.assessments.repo.attempts("qdeck", "ready")
    assert attempt.choices == {"s1": 4, "s2": 2, "s3": 2}
    assert services.assessments.repo.attempts("qdeck", "ready", finished=False) == []
    qtbot.keyClick(view, Qt.Key.Key_Return)
    select_row(qtbot, window, ("assessment", "qdeck", "ready"))
    assert view.progress.text() == "Statement 1 of 3" and not view.resumed.isVisible()


def test_results_open_at_the_score_however_far_the_last_were_scrolled(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, quiz_decks: Path) -> None:
    window, _services = open_window(clock, decks_folder=quiz_decks)
    select_row(qtbot, window, ("quiz", "qdeck", "mixed"))
    view, results = window.quiz, window.results

    def finish_all_wrong() -> None:
        while window.stack.currentWidget() is view:
            assert view.asked is not None
            answer_by_keys(qtbot, view, view.asked, right=False)
            for key in (Qt.Key.Key_Return, Qt.Key.Key_H, Qt.Key.Key_Return,
                        Qt.Key.Key_Return):
                qtbot.keyClick(view, key)

    finish_all_wrong()
    assert window.stack.currentWidget() is results
    results.resize(600, 260)
    QApplication.processEvents()
    bar = results.scroll_area.verticalScrollBar()
    qtbot.keyClick(results, Qt.Key.Key_End)
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(results, Qt.Key.Key_M)  # review the missed ones, missed again
    finish_all_wrong()
    assert window.stack.currentWidget() is results
    QApplication.processEvents()
    assert bar.maximum() > 0 and bar.value() == 0  # the score is what shows first


def test_feedback_taller_than_the_window_is_read_by_keyboard(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, quiz_decks: Path) -> None:
    window, _services = open_window(clock, decks_folder=quiz_decks)
    window.resize(640, 300)  # a small window: the feedback runs below it
    select_row(qtbot, window, ("quiz", "qdeck", "mixed"))
    view = window.quiz
    assert view.asked is not None
    answer_by_keys(qtbot, view, view.asked, right=False)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_H, Qt.Key.Key_Return):
        qtbot.keyClick(view, key)
    assert view.feedback is not None
    QApplication.processEvents()
    bar = view.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=20_000)
    focused = QApplication.focusWidget() or view
    qtbot.keyClick(focused, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(focused, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(focused, Qt.Key.Key_Home)
    assert bar.value() == 0
    qtbot.keyClick(focused, Qt.Key.Key_Down)
    assert bar.value() > 0
    assert view.feedback is not None  # scrolling answered nothing and moved on nowhere


def test_an_options_feedback_follows_it_with_one_mark() -> None:
    from trainer.gui.quiz_view import option_note

    assert option_note("Lower the price", "<p>It teaches them to wait.</p>") == (
        "<p><b>Lower the price</b>: <p>It teaches them to wait.</p></p>")
    assert option_note("The customer is appreciative.", "x") == (
        "<p><b>The customer is appreciative.</b> x</p>")
    assert option_note("Why now?", "x").startswith("<p><b>Why now?</b> x")
    assert option_note("<b>&", "x").startswith("<p><b>&lt;b&gt;&amp;</b>:")
