"""One quiz question at a time: pick with number keys or clicks, say how sure you are
(L / M / H, or the language's own letters), Enter to submit, read the feedback, Enter to
go on."""

from __future__ import annotations

import html
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trainer.content.render import render_without_pictures
from trainer.domain.scoring import Response, certainty_label, certainty_letters
from trainer.gui.answer_base import AnswerWidget
from trainer.gui.answer_widgets import OrderingWidget, answer_widget
from trainer.gui.scrolling import ENDS, LINES, PAGE_KEYS, scroll_by_key
from trainer.gui.theme import CHECKED_BUTTON_CSS, muted, verdict_colors
from trainer.gui.typed_answers import ShortAnswerWidget
from trainer.i18n import QT_TRANSLATE_NOOP, Context, number
from trainer.study.quiz_service import Asked, Feedback


class QuizViewText(Context):
    """Texts of the quiz question screen."""


class QuizOwner(Protocol):
    """Whoever asked the question on screen (a quiz attempt, or daily study): it takes
    the answer, and says what Enter after the feedback, Esc and Ctrl+Z do."""

    def submit(self, response: Response, certainty: int | None) -> Feedback:
        """Score and commit the answer."""

    def go_on(self) -> None:
        """The feedback was read."""

    def leave(self) -> None:
        """Esc."""

    def undo(self) -> None:
        """Ctrl+Z."""


def certainty_keys() -> dict[int, int]:
    """Qt key code -> certainty level, for the letters above."""
    # A letter's key code is its upper-case character's code (Qt.Key_A is ord("A")).
    return {ord(letter[:1].upper() or "?"): level
            for level, letter in certainty_letters().items()}


# Prompts the view clears again once they are answered; shown as QuizViewText.tr(...).
CHOOSE_FIRST = QT_TRANSLATE_NOOP("QuizViewText", "Choose an answer first.")
SAY_HOW_SURE = QT_TRANSLATE_NOOP("QuizViewText",
                                 "Say how sure you are: {low}, {medium} or {high}.")


def say_how_sure() -> str:
    """The prompt for a certainty, naming its keys."""
    letters = certainty_letters()
    return QuizViewText.tr(SAY_HOW_SURE).format(low=letters[1], medium=letters[2],
                                                high=letters[3])


def _signed(value: float) -> str:
    """``value`` as ``{:+g}`` writes it ("+1.5", "-6"), in the rep's number format."""
    plain = f"{value:+g}"
    if "e" in plain:
        return plain
    text = number(value, len(plain.partition(".")[2]))
    return text if text.startswith("-") else "+" + text


def option_note(option: str, feedback_html: str) -> str:
    """An option's feedback under the marked answer: the option in bold, a colon, the
    feedback (no colon after an option that ends a sentence: "appreciative.:")."""
    mark = "" if option.rstrip().endswith((".", "!", "?", ":", "…")) else ":"
    return f"<p><b>{html.escape(option)}</b>{mark} {feedback_html}</p>"


class QuizView(QWidget):
    """Asks one ``Asked`` question; whoever asked it decides what comes next. The screen
    is shared by quizzes and daily study, so each question comes with its owner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.asked: Asked | None = None
        self.owner: QuizOwner | None = None
        self.answer: AnswerWidget | None = None
        self.feedback: Feedback | None = None
        self._problem_shown = ""  # the answer widget's last complaint on screen

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # deck text: never markup
        self.title.setObjectName("quizTitle")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.progress = QLabel()
        self.progress.setObjectName("quizProgress")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.progress)

        self.prompt = QLabel()
        self.prompt.setObjectName("quizPrompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.prompt.setOpenExternalLinks(False)
        bigger = self.prompt.font()
        bigger.setPointSizeF(bigger.pointSizeF() * 1.25)
        self.prompt.setFont(bigger)

        self.answer_box = QVBoxLayout()
        self.certainty_label = QLabel(QuizViewText.tr("How sure are you?"))
        self.certainty_buttons = QButtonGroup(self)
        self.certainty_buttons.setExclusive(True)
        certainty_row = QHBoxLayout()
        certainty_row.addWidget(self.certainty_label)
        self.certainty_keys = certainty_keys()
        letters = certainty_letters()
        for level, key in letters.items():
            button = QPushButton(f"{certainty_label(level)}  ({key})")
            button.setObjectName(f"certainty{level}")
            button.setCheckable(True)
            button.setStyleSheet(CHECKED_BUTTON_CSS)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.certainty_buttons.addButton(button, level)
            certainty_row.addWidget(button)
        certainty_row.addStretch(1)
        self.certainty_buttons.idToggled.connect(self._certainty_changed)
        self.certainty_row = QWidget()
        self.certainty_row.setLayout(certainty_row)

        self.result = QLabel()
        self.result.setObjectName("quizFeedback")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setFrameShape(QFrame.Shape.StyledPanel)
        self.result.setMargin(10)
        self.result.hide()

        content = QWidget()
        body = QVBoxLayout(content)
        body.setSpacing(12)
        body.addWidget(self.prompt)
        body.addLayout(self.answer_box)
        body.addWidget(self.certainty_row)
        body.addWidget(self.result)
        body.addStretch(1)
        scroll = self.scroll_area = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.message = QLabel()
        self.message.setObjectName("quizMessage")
        self.go = QPushButton()
        self.go.setObjectName("quizGo")
        self.go.setMinimumHeight(40)
        self.go.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.go.clicked.connect(self.enter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.go)

        hint = QLabel(QuizViewText.tr(
            "1-9: choose · {low} / {medium} / {high}: how sure · Enter: submit, then next · "
            "Esc: leave (answers are kept)").format(low=letters[1], medium=letters[2],
                                                    high=letters[3]))
        muted(hint)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        layout.addWidget(hint)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(QuizViewText.tr("Quiz question"))

    def ask(self, asked: Asked, title: str, owner: QuizOwner, *, last: bool) -> None:
        """Show a question; ``owner`` takes the answer and the keys after it."""
        self.asked, self.owner, self.feedback, self.last = asked, owner, None, last
        self.title.setText(title)
        topic = asked.question.topic.replace("-", " ")
        self.progress.setText(QuizViewText.tr("Question {number} of {total} · {topic}").format(
            number=asked.position + 1, total=asked.total, topic=topic))
        parts = []
        if asked.question.situation:
            parts.append(f"<p><i>{render_without_pictures(asked.question.situation)}</i></p>")
        parts.append(render_without_pictures(asked.question.prompt))
        if asked.question.type == "multiple":
            parts.append("<p><small>" + QuizViewText.tr("Choose every option that applies.")
                         + "</small></p>")
        self.prompt.setText("".join(parts))
        if self.answer is not None:
            self.answer_box.removeWidget(self.answer)
            self.answer.setParent(None)  # off the screen now, not at the next event turn
            self.answer.deleteLater()
        self.answer = answer_widget(asked)
        self.answer.changed.connect(self._answer_changed)
        self.answer_box.addWidget(self.answer)
        for child in self.answer.findChildren(QWidget):
            if child.focusPolicy() != Qt.FocusPolicy.NoFocus:
                child.installEventFilter(self)
        self.certainty_row.setVisible(asked.certainty)
        self.certainty_buttons.setExclusive(False)
        for button in self.certainty_buttons.buttons():
            button.setChecked(False)
            button.setEnabled(True)
        self.certainty_buttons.setExclusive(True)
        self.result.hide()
        self.message.clear()
        self.go.setText(QuizViewText.tr("Submit  (Enter)"))
        self.take_focus()

    def _certainty_changed(self, _level: int, checked: bool) -> None:
        if checked and self.message.text() == say_how_sure():
            self.message.clear()

    def _answer_changed(self) -> None:
        # A prompt to choose (or to type a number) is answered by changing the answer:
        # it must not stay on screen.
        if self.message.text() in (QuizViewText.tr(CHOOSE_FIRST), self._problem_shown):
            self.message.clear()

    def take_focus(self) -> None:
        """Keys to the view, or to the text box of a typed answer."""
        if isinstance(self.answer, ShortAnswerWidget) and self.feedback is None:
            self.answer.focus()
        else:
            self.setFocus()

    def certainty(self) -> int | None:
        """The certainty picked (1-3), or ``None``."""
        level = self.certainty_buttons.checkedId()
        return level if level > 0 else None

    def set_certainty(self, level: int) -> None:
        """Pick a certainty level."""
        if self.feedback is None and self.asked is not None and self.asked.certainty:
            button = self.certainty_buttons.button(level)
            if button is not None:
                button.setChecked(True)

    def enter(self) -> None:
        """Submit the answer, or go on once the feedback has been read."""
        if self.asked is None or self.answer is None or self.owner is None:
            return
        if self.feedback is not None:
            self.owner.go_on()
            return
        problem = self.answer.problem()
        if problem is not None:
            self._problem_shown = problem
            self.message.setText(problem)
            return
        response = self.answer.response()
        if response is None:
            self.message.setText(QuizViewText.tr(CHOOSE_FIRST))
            return
        certainty = self.certainty() if self.asked.certainty else None
        if self.asked.certainty and certainty is None:
            self.message.setText(say_how_sure())
            return
        self.feedback = self.owner.submit(response, certainty)
        self.answer.lock()
        self.answer.reveal()
        for button in self.certainty_buttons.buttons():
            button.setEnabled(button.isChecked())
        self._show_feedback(self.feedback)
        self.message.clear()
        self.setFocus()
        self.go.setText(QuizViewText.tr("See results  (Enter)") if self.last
                        else QuizViewText.tr("Next  (Enter)"))

    def _show_feedback(self, feedback: Feedback) -> None:
        good, partial, bad = verdict_colors()
        if feedback.correct:
            verdict, color = QuizViewText.tr("Right"), good
        elif feedback.credit > 0:
            verdict, color = QuizViewText.tr("Partly right ({percent}% credit)").format(
                percent=number(feedback.credit * 100)), partial
        else:
            verdict, color = QuizViewText.tr("Not right"), bad
        parts = [f'<p><b style="color:{color}">{verdict}</b>']
        if feedback.marks is not None:
            parts.append(" · " + QuizViewText.tr("certainty mark {marks}").format(
                marks=_signed(feedback.marks)))
        parts.append("</p>")
        if feedback.confidently_wrong:
            parts.append(f'<p style="color:{bad}">⚠ '
                         + QuizViewText.tr("You were sure, and it was wrong: worth a second look.")
                         + "</p>")
        for option, text in feedback.option_feedback:
            if text:
                parts.append(option_note(option.text, render_without_pictures(text)))
        if feedback.explanation:
            parts.append("<p><b>" + QuizViewText.tr("Why:") + "</b></p>"
                         + render_without_pictures(feedback.explanation))
        self.result.setText("".join(parts))
        self.result.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Quiz keys win over a focused drop-down or list (which would search by letter),
        but not over an open drop-down's list: its Enter chooses, it does not submit."""
        if isinstance(watched, QWidget) and watched.window() is not self.window():
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if isinstance(watched, QLineEdit):
                # Typing: only Enter, Esc and Ctrl+L/M/H/Z belong to the quiz.
                typing_ours = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape) or (
                    control and (key in self.certainty_keys or key == Qt.Key.Key_Z))
                if typing_ours:
                    self.keyPressEvent(event)
                return typing_ours
            ours = (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape,
                            Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
                    or (key in self.certainty_keys and not control)
                    or (Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not control)
                    or (control and key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Z)))
            if ours:
                self.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Number keys choose, L/M/H set certainty, Enter submits or continues. Page Up
        and Page Down scroll a question or its feedback taller than the window (and,
        once the answer is marked, Up, Down, Home and End too)."""
        key = event.key()
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier and scroll_by_key(
                self.scroll_area.verticalScrollBar(), key,
                PAGE_KEYS if self.feedback is None else PAGE_KEYS | ENDS | LINES):
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            if self.owner is not None:
                self.owner.undo()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter()
        elif key == Qt.Key.Key_Escape:
            if self.owner is not None:
                self.owner.leave()
        elif key in self.certainty_keys:
            self.set_certainty(self.certainty_keys[key])
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and self.answer is not None and \
                self.feedback is None:
            self.answer.press(key - Qt.Key.Key_0)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier and \
                isinstance(self.answer, OrderingWidget) and self.feedback is None:
            self.answer.move_step(-1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
