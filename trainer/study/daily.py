"""Daily study in one deck, whatever comes up: the one owner of the day's queue across
kinds. It hands out the next thing to show (a card, a due quiz question, a practice
item, or the end of the day's work), takes the answer to what it handed out, keeps the
session's count of answers, and takes the last answer back.

The order is the session's queue (``service.py``): due cards and questions as Anki
orders them, new cards, then the deck's practice items after its cards."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from trainer.domain.errors import ItemChangedError
from trainer.domain.scheduling import Rating
from trainer.domain.source import Source
from trainer.study.service import Counts, SessionSummary, Shown, StudyService

# Quizzes and their scoring (the deck's quiz records among them) are imported when a
# question is due.
if TYPE_CHECKING:
    from trainer.domain.scoring import Response
    from trainer.study.practice_service import PracticeResult, PracticeService, PracticeShown
    from trainer.study.quiz_service import Asked, Feedback, QuizService


# What to show next: a small tagged union (``kind`` names the screen it goes to). Named
# tuples, which cost start-up a sixth of what frozen dataclasses do; no two kinds can
# compare equal, as each holds what the others do not (a Counts, an Asked, ...).
class CardStep(NamedTuple):
    """A card for the review screen, with what is left today (the counts line)."""

    shown: Shown
    counts: Counts

    @property
    def kind(self) -> str:
        """The screen it goes to."""
        return "card"


class QuestionStep(NamedTuple):
    """A quiz question due today, for the quiz screen (always asking certainty)."""

    shown: Shown
    asked: Asked

    @property
    def kind(self) -> str:
        """The screen it goes to."""
        return "question"


class PracticeStep(NamedTuple):
    """A practice item for the practice screen, with the rep's earlier replies."""

    practice: PracticeShown

    @property
    def kind(self) -> str:
        """The screen it goes to."""
        return "practice"


class DayDone(NamedTuple):
    """Nothing more to show today: the session's figures, and the time and zone to say
    when the next card is due in."""

    summary: SessionSummary
    now: datetime
    zone: tzinfo | None

    @property
    def kind(self) -> str:
        """The screen it goes to."""
        return "done"


Step = CardStep | QuestionStep | PracticeStep | DayDone


class DailyStudy:
    """One sitting of daily study in one deck. Every answer is committed before the next
    step is handed out; ``current`` is always what should be on screen."""

    def __init__(self, study: StudyService, quizzes: Callable[[], QuizService],
                 practice: Callable[[], PracticeService], deck_id: str, *,
                 record: bool = True) -> None:
        self.study = study
        # Callables: the quiz and practice services are built only once a due question
        # or a practice item comes up (neither is part of showing the first card).
        self._quizzes = quizzes
        self._practice = practice
        # First: an unknown deck is a KeyError. ``record``: see StudyService.start.
        self.session = study.start(deck_id, record=record)
        row = next(d.deck for d in study.deck_counts() if d.deck.id == deck_id)
        self.deck_id = deck_id
        self.title = row.title
        # Each source's credit by id, shown under a card's answer.
        self.credits = {s["id"] or "": Source(**s).credit()  # type: ignore[arg-type]
                        for s in row.sources}
        self.answered = 0  # answers given in this sitting, less those taken back
        self.current: Step = self._step(self.session.current)

    def _step(self, shown: Shown | None) -> Step:
        if shown is None:
            return self.done()
        if shown.is_practice:
            return PracticeStep(self._practice().shown(self.session))
        if shown.is_question:
            return QuestionStep(shown, self._quizzes().asked_in_review(self.session))
        return CardStep(shown, self.session.counts())

    def _go(self, shown: Shown | None) -> Step:
        self.current = self._step(shown)
        return self.current

    def done(self) -> DayDone:
        """The session's figures as they are now (the summary screen)."""
        return DayDone(self.session.summary(), self.study.clock(),
                       self.study.settings.timezone)

    def intervals(self) -> dict[Rating, timedelta]:
        """When the card on screen would come back after each answer."""
        return self.session.intervals()

    def rate(self, rating: Rating) -> Step:
        """Answer the card on screen and return the next step. If the card changed
        elsewhere since it was shown, nothing is written, ``current`` is the card as it
        is now, and ``ItemChangedError`` is raised; a failed write (``sqlite3.Error``,
        ``OSError``) leaves the card on screen."""
        if not isinstance(self.current, CardStep):
            raise RuntimeError("there is no card on screen")
        try:
            shown = self.session.answer(rating)
        except ItemChangedError:
            self._go(self.session.current)
            raise
        self.answered += 1
        return self._go(shown)

    def answer_question(self, response: Response, certainty: int | None) -> Feedback:
        """Score and commit the answer to the question on screen; it stays on screen with
        its feedback until ``go_on``. Without a certainty, medium is assumed."""
        if not isinstance(self.current, QuestionStep):
            raise RuntimeError("there is no question on screen")
        feedback = self._quizzes().answer_in_review(self.session, self.current.asked, response,
                                                 certainty or 2)
        self.answered += 1
        return feedback

    def go_on(self) -> Step:
        """After a question's feedback has been read: the next step."""
        return self._go(self.session.next())

    def reply(self, reply: str | None, met: set[str] | frozenset[str]
              ) -> tuple[PracticeResult, Step]:
        """Commit a marked practice reply (``None``: said out loud) with the checks met;
        returns how it was rated and the next step. If the item changed elsewhere,
        nothing is written, ``current`` is the item as it is now, and
        ``ItemChangedError`` is raised."""
        if not isinstance(self.current, PracticeStep):
            raise RuntimeError("there is no practice item on screen")
        try:
            result = self._practice().answer(self.session, reply, met)
        except ItemChangedError:
            self._go(self.session.refresh())
            raise
        self.answered += 1
        return result, self._go(self.session.next())

    def can_undo(self) -> bool:
        """Whether this sitting has an answer to take back."""
        return self.session.can_undo()

    def undo(self) -> Step | None:
        """Take back the last answer of this sitting, whatever its kind, and return that
        item again (``None``: nothing to take back). Raises ``ItemChangedError`` if the
        item was answered again elsewhere since."""
        shown = self.session.undo()
        if shown is None:
            return None
        self.answered = max(0, self.answered - 1)
        return self._go(shown)

    def finish(self) -> None:
        """Mark the sitting as ended (unless the profile was closed under it, as a
        restore does: then there is nothing left to record it in)."""
        if not self.study.db.closed:
            self.session.finish()
