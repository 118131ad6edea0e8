"""Daily study on the window's screens: each step the study layer's ``DailyStudy`` hands
out is shown on the screen that fits its kind (a card on the review screen, a due
question on the quiz screen, a practice item, the summary), and what the rep does
there is passed back. Which step comes next is never decided here."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from trainer.domain.errors import ItemChangedError
from trainer.domain.scheduling import Rating
from trainer.i18n import Context
from trainer.study.daily import CardStep, DailyStudy, DayDone, PracticeStep, QuestionStep, Step
from trainer.study.wording import rating_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget

    from trainer.domain.scoring import Response
    from trainer.gui.practice_view import PracticeView
    from trainer.gui.quiz_view import QuizView
    from trainer.gui.review_view import ReviewView
    from trainer.gui.summary_view import SummaryView
    from trainer.study.quiz_service import Feedback


class MainWindowText(Context):
    """Texts of the main window: its title, messages and the links it names (daily study
    on it included)."""


class StudyScreens(Protocol):
    """What daily study needs of the window: the screens it shows steps on (the last
    three built when first asked for), and its two ways out."""

    @property
    def stack(self) -> QStackedWidget: ...

    @property
    def review(self) -> ReviewView: ...

    @property
    def practice(self) -> PracticeView: ...

    @property
    def quiz(self) -> QuizView: ...

    @property
    def summary(self) -> SummaryView: ...

    def show_decks(self) -> None:
        """Home, with fresh counts."""

    def show_error(self, error: Exception) -> None:
        """Say why something could not be saved."""


class DailyScreens:
    """Shows one deck's daily study at a time on ``screens``."""

    def __init__(self, screens: StudyScreens) -> None:
        self.screens = screens
        self.study: DailyStudy | None = None

    def start(self, study: DailyStudy, find_media: Callable[[str], Path | None]) -> None:
        """Show ``study``'s first step; ``find_media`` finds its deck's pictures and
        sounds by the names its cards use."""
        self.end()
        self.study = study
        review = self.screens.review
        # Before the first card is shown: its pictures load and its sounds play then.
        review.card.find_media = find_media
        review.start(study.title, study.credits, study.intervals)
        self.show(study.current)

    def end(self) -> None:
        """Finish the sitting on screen, if any."""
        if self.study is not None:
            self.study.finish()
            self.study = None

    def forget(self) -> None:
        """Drop the sitting without recording its end (its profile was closed)."""
        self.study = None

    def show(self, step: Step) -> None:
        """Show ``step`` on the screen that fits its kind."""
        if self.study is None:
            return
        screens = self.screens
        match step:
            case DayDone():
                self._show_done(step)
            case PracticeStep():
                screens.stack.setCurrentWidget(screens.practice)
                screens.practice.show_item(step.practice, self.study.title)
            case QuestionStep():
                screens.quiz.ask(step.asked, MainWindowText.tr("{deck}: due question").format(
                    deck=self.study.title), DueQuestions(self), last=False)
                screens.stack.setCurrentWidget(screens.quiz)
                screens.quiz.take_focus()
            case CardStep():
                screens.stack.setCurrentWidget(screens.review)
                screens.review.setFocus()
                screens.review.show_card(step)

    def rate(self, rating: Rating) -> None:
        """The review screen's answer to its card."""
        if self.study is None:
            return
        try:
            step = self.study.rate(rating)
        except ItemChangedError as exc:
            self.show(self.study.current)
            self.screens.review.status.setText(str(exc))
            return
        except (sqlite3.Error, OSError) as exc:
            # Nothing was written: the card stays on screen, to be answered again.
            self.screens.show_error(exc)
            return
        self.show(step)

    def practice_submit(self, reply: str | None, met: set[str]) -> None:
        """Save a marked practice reply, then show the next step with how it went."""
        if self.study is None:
            return
        screens = self.screens
        try:
            result, step = self.study.reply(reply, met)
        except ItemChangedError as exc:
            self.show(self.study.current)
            screens.practice.status.setText(str(exc))
            return
        except (sqlite3.Error, OSError) as exc:
            screens.show_error(exc)
            return
        self.show(step)
        missed = ", ".join(c.text.lower() for c in result.missed)
        rating = rating_label(result.rating)
        message = (MainWindowText.tr("Practice saved: {rating}. Next time: {missed}.").format(
            rating=rating, missed=missed) if missed else
            MainWindowText.tr("Practice saved: {rating}, every check met.").format(rating=rating))
        if isinstance(step, PracticeStep):
            screens.practice.status.setText(message)
        elif isinstance(step, CardStep):
            screens.review.status.setText(message)

    def undo_on_review(self) -> None:
        """Ctrl+Z on the review screen: the last answer back, or why not, said there."""
        if self.study is None:
            return
        review = self.screens.review
        try:
            step = self.study.undo()
        except ItemChangedError as exc:
            review.status.setText(str(exc))
            return
        review.said_undone(step is not None)
        if step is not None:
            self.show(step)

    def undo_in_screen(self) -> None:
        """Ctrl+Z on the practice or quiz screen during daily study."""
        if self.study is None:
            return
        step = self._undo() if self.study.can_undo() else None
        if step is not None:
            self.show(step)
        if self.screens.stack.currentWidget() is self.screens.practice:
            self.screens.practice.said_undone(step is not None)

    def show_summary(self) -> None:
        """The sitting's figures as they are now."""
        if self.study is not None:
            self._show_done(self.study.done())

    def _show_done(self, done: DayDone) -> None:
        assert self.study is not None
        summary = self.screens.summary
        summary.show_summary(self.study.title, done.summary, done.now, done.zone)
        self.screens.stack.setCurrentWidget(summary)
        summary.setFocus()

    def undo_from_summary(self) -> None:
        """Ctrl+Z on the summary screen takes back the last answer and returns to it."""
        if self.study is None or not self.study.can_undo():
            return
        step = self._undo()
        if step is None:
            return
        self.show(step)
        if not isinstance(step, QuestionStep):
            self.screens.review.status.setText(MainWindowText.tr("Answer undone"))

    def _undo(self) -> Step | None:
        """Take back the last answer, unless it was answered again elsewhere."""
        assert self.study is not None
        try:
            return self.study.undo()
        except ItemChangedError as exc:
            from PySide6.QtWidgets import QMessageBox  # built only when a message is shown

            QMessageBox.information(self.screens.stack.window(),
                                    MainWindowText.tr("Cannot undo"), str(exc))
            return None


class DueQuestions:
    """Daily study as the owner of the quiz screen while it asks a due question."""

    def __init__(self, screens: DailyScreens) -> None:
        self.screens = screens

    def submit(self, response: Response, certainty: int | None) -> Feedback:
        """Score and commit the answer."""
        study = self.screens.study
        assert study is not None
        return study.answer_question(response, certainty)

    def go_on(self) -> None:
        """The feedback was read: the next step."""
        if self.screens.study is not None:
            self.screens.show(self.screens.study.go_on())

    def leave(self) -> None:
        """Esc: home."""
        self.screens.screens.show_decks()

    def undo(self) -> None:
        """Ctrl+Z: the last answer back."""
        self.screens.undo_in_screen()
