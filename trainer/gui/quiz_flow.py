"""Running a quiz in the window: ask each question, then the results page; resume an
interrupted attempt; retake, or review only the missed questions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QWidget

from trainer.app import Services
from trainer.domain.scoring import Response
from trainer.gui.quiz_results import QuizResultsView
from trainer.gui.quiz_view import QuizView
from trainer.i18n import Context
from trainer.study.quiz_service import Feedback, QuizRun


class QuizFlowText(Context):
    """Texts of running a quiz: resuming, starting, unfinished attempts."""


class QuizFlow(QObject):
    """Drives ``QuizView`` and ``QuizResultsView`` through one attempt at a time; the
    owner of each question it asks (``QuizOwner``)."""

    def __init__(self, services: Services, stack: QStackedWidget, view: QuizView,
                 results: QuizResultsView, go_home: Callable[[], None]) -> None:
        super().__init__(stack)
        self.services = services
        self.stack = stack
        self.view = view
        self.results = results
        self.go_home = go_home
        self.run: QuizRun | None = None
        results.retake.connect(self.retake)
        results.review_missed.connect(self.review_missed)
        results.back.connect(go_home)

    def start(self, deck_id: str, quiz_key: str, only: list[str] | None = None,
              kind: str = "quiz") -> None:
        """Start an attempt, or resume this quiz's interrupted one."""
        waiting = [a for a in self.services.quizzes.open_attempts()
                   if a.deck_id == deck_id and a.quiz_key == quiz_key and only is None]
        if waiting:
            self.resume(waiting[-1].id)
            self.view.message.setText(QuizFlowText.tr("Picked up where you left off."))
            return
        try:
            self.run = self.services.quizzes.start(deck_id, quiz_key, only=only, kind=kind)
        except (KeyError, ValueError) as exc:
            QMessageBox.warning(self.stack, QuizFlowText.tr("Sales Trainer"), str(exc))
            return
        self._ask()

    def resume(self, attempt_id: int) -> None:
        """Continue an interrupted attempt."""
        self.run = self.services.quizzes.resume(attempt_id)
        if self.run.finished:
            self._finish()
        else:
            self._ask()

    def _title(self) -> str:
        assert self.run is not None
        quiz = self.services.quizzes.repo.quiz(self.run.attempt.deck_id, self.run.attempt.quiz_key)
        if self.run.attempt.kind == "missed":
            return QuizFlowText.tr("{title} (missed questions)").format(title=quiz.title)
        return quiz.title

    def _ask(self) -> None:
        assert self.run is not None
        asked = self.run.current()
        if asked is None:
            self._finish()
            return
        self.view.ask(asked, self._title(), self, last=asked.position + 1 == asked.total)
        self.stack.setCurrentWidget(self.view)
        self.view.take_focus()

    def submit(self, response: Response, certainty: int | None) -> Feedback:
        """Score and commit the answer to the question on screen."""
        assert self.run is not None
        return self.run.answer(response, certainty)

    def go_on(self) -> None:
        """After the feedback: the next question, or the results."""
        if self.run is None:
            return
        self.run.advance()
        self._ask()

    def _finish(self) -> None:
        assert self.run is not None
        self.results.show_result(self.run.finish())
        self.stack.setCurrentWidget(self.results)
        self.results.setFocus()

    def retake(self) -> None:
        """The whole quiz again."""
        if self.run is not None:
            self.start(self.run.attempt.deck_id, self.run.attempt.quiz_key)

    def review_missed(self) -> None:
        """Only the questions missed in the attempt just finished."""
        if self.run is None or self.results.result is None:
            return
        missed = [m.question.id for m in self.results.result.missed]
        if missed:
            self.start(self.run.attempt.deck_id, self.run.attempt.quiz_key, only=missed,
                       kind="missed")

    def leave(self) -> None:
        """Esc mid-quiz: everything answered is kept; the attempt can be resumed."""
        self.go_home()

    def undo(self) -> None:
        """Ctrl+Z: a quiz's answers are not taken back (a retake asks again)."""

    def offer_resume(self, parent: QWidget, opened: datetime) -> None:
        """On start: resume or discard each quiz interrupted before the window
        ``opened`` (one begun since is the rep's own doing, maybe on screen now)."""
        for attempt in self.services.quizzes.open_attempts(started_before=opened):
            quiz = self.services.quizzes.repo.quiz(attempt.deck_id, attempt.quiz_key)
            answered = len(self.services.quizzes.repo.answers(attempt.id))
            box = QMessageBox(parent)
            box.setWindowTitle(QuizFlowText.tr("Unfinished quiz"))
            box.setText(QuizFlowText.tr(
                "You did not finish “{title}” ({answered} of {total} answered). "
                "Your answers are saved.").format(
                    title=quiz.title, answered=answered, total=len(attempt.plan)))
            resume = box.addButton(QuizFlowText.tr("Resume"), QMessageBox.ButtonRole.AcceptRole)
            discard = box.addButton(QuizFlowText.tr("Discard"),
                                    QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(QuizFlowText.tr("Later"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(resume)
            box.exec()
            parent.activateWindow()
            if box.clickedButton() is resume:
                self.resume(attempt.id)
                return
            if box.clickedButton() is discard:
                self.services.quizzes.discard(attempt.id)
