"""Daily study on the main window's screens: which screen shows the session's current
item (a card on the review screen, a practice item, a due quiz question, the summary
at the end), and the hand-offs between them: answers, undo, leaving."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from trainer.domain.deck import Source
from trainer.domain.errors import ItemChangedError
from trainer.i18n import Context
from trainer.study.service import ReviewSession, Shown
from trainer.study.wording import rating_label

if TYPE_CHECKING:
    from trainer.domain.scoring import Response
    from trainer.gui.main_window import MainWindow
    from trainer.study.quiz_service import Asked, Feedback


class MainWindowText(Context):
    """Texts of the main window: its title, messages and the links it names (daily study
    on it included)."""


class DailyStudy:
    """One deck's daily study at a time, shown on ``window``'s screens; decisions are
    the services'."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.session: ReviewSession | None = None
        self.asked: Asked | None = None  # a question due in daily study, on screen
        self.deck_title = ""

    def start(self, deck_id: str) -> None:
        """Start daily study in a deck: due cards and due quiz questions."""
        window, services = self.window, self.window.services
        self.end()
        self.session = services.study.start(deck_id)
        row = next(d.deck for d in services.study.deck_counts() if d.deck.id == deck_id)
        credits = {s["id"] or "": Source(**s).credit()  # type: ignore[arg-type]
                   for s in row.sources}
        self.deck_title = row.title
        from trainer.library.media import DeckPictures

        # Before the first card is shown: its pictures load and its sounds play then.
        window.review.card.find_media = DeckPictures(
            services.db, services.config.profile_dir / "media", deck_id).path
        window.review.start(self.session, row.title, credits)
        self.route(self.session.current)

    def end(self) -> None:
        """Finish the session on screen, if any."""
        if self.session is not None and not self.window.services.db.closed:
            self.session.finish()
            self.session = None

    def show_current(self) -> None:
        """The review screen hands over: its session's item is not a card, or none is
        left."""
        if self.session is not None:
            self.route(self.session.current)

    def route(self, shown: Shown | None) -> None:
        """Show the session's current item in the screen that fits it."""
        if self.session is None:
            return
        window = self.window
        if shown is None:
            self.show_summary()
        elif shown.is_practice:
            self.asked = None
            window.stack.setCurrentWidget(window.practice)
            window.practice.show_item(window.services.practice.shown(self.session),
                                      self.deck_title)
        elif shown.is_question:
            self.asked = window.services.quizzes.asked_in_review(self.session)
            window.quiz.ask(self.asked, MainWindowText.tr("{deck}: due question").format(
                deck=self.deck_title), self._review_submit, last=False)
            window.stack.setCurrentWidget(window.quiz)
            window.quiz.take_focus()
        else:
            self.asked = None
            window.stack.setCurrentWidget(window.review)
            window.review.setFocus()
            window.review.show_item(shown)

    def practice_submit(self, reply: str | None, met: set[str]) -> None:
        """Save a marked practice reply, then show the next item with how it went."""
        if self.session is None:
            return
        window = self.window
        try:
            result = window.services.practice.answer(self.session, reply, met)
        except ItemChangedError as exc:
            self.route(self.session.refresh())
            window.practice.status.setText(str(exc))
            return
        except (sqlite3.Error, OSError) as exc:
            window.show_error(exc)
            return
        shown = self.session.next()
        self.route(shown)
        missed = ", ".join(c.text.lower() for c in result.missed)
        rating = rating_label(result.rating)
        message = (MainWindowText.tr("Practice saved: {rating}. Next time: {missed}.").format(
            rating=rating, missed=missed) if missed else
            MainWindowText.tr("Practice saved: {rating}, every check met.").format(rating=rating))
        if shown is not None and shown.is_practice:
            window.practice.status.setText(message)
        elif shown is not None and not shown.is_question:
            window.review.status.setText(message)

    def _review_submit(self, response: Response, certainty: int | None) -> Feedback:
        assert self.session is not None and self.asked is not None
        return self.window.services.quizzes.answer_in_review(self.session, self.asked,
                                                             response, certainty or 2)

    def _quiz_active(self) -> bool:
        """Whether the quiz screen belongs to a quiz attempt rather than daily study."""
        return "quiz_flow" in self.window.__dict__ and self.window.quiz_flow.active

    def quiz_continue(self) -> None:
        """The quiz screen's Continue: a quiz's next question, or daily study's next item."""
        if self._quiz_active():
            self.window.quiz_flow.next()
        elif self.session is not None:
            self.route(self.session.next())

    def quiz_leave(self) -> None:
        """Leaving the quiz screen: the quiz's way out, or home."""
        if self._quiz_active():
            self.window.quiz_flow.leave()
        else:
            self.window.show_decks()

    def undo_in_screen(self) -> None:
        """Ctrl+Z on the practice or quiz screen during daily study."""
        if not self._quiz_active() and self.session is not None:
            shown = self._undo()
            if shown is not None:
                self.route(shown)

    def show_summary(self) -> None:
        """The session has nothing more to show today."""
        if self.session is None:
            return
        window, study = self.window, self.window.services.study
        window.summary.show_summary(self.deck_title, self.session.summary(), study.clock(),
                                    study.settings.timezone)
        window.stack.setCurrentWidget(window.summary)
        window.summary.setFocus()

    def undo_from_summary(self) -> None:
        """Ctrl+Z on the summary screen takes back the last answer and returns to it."""
        if self.session is None or not self.session.can_undo():
            return
        shown = self._undo()
        if shown is None:
            return
        self.route(shown)
        if not shown.is_question:
            self.window.review.status.setText(MainWindowText.tr("Answer undone"))

    def _undo(self) -> Shown | None:
        """Take back the session's last answer, unless it was answered again elsewhere."""
        assert self.session is not None
        try:
            return self.session.undo()
        except ItemChangedError as exc:
            from PySide6.QtWidgets import QMessageBox  # built only when a message is shown

            QMessageBox.information(self.window, MainWindowText.tr("Cannot undo"), str(exc))
            return None
