"""A review session's data: what is shown, what is left today, the end-of-session
figures, and the session itself (the review screen's calls per answer)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from trainer.domain.errors import ItemChangedError
from trainer.domain.scheduling import ItemState, Rating

if TYPE_CHECKING:
    from trainer.study.service import StudyService


class Counts(NamedTuple):
    """What is left to study today: new, learning and review items."""

    new: int
    learning: int
    review: int

    @property
    def total(self) -> int:
        """All three added up."""
        return self.new + self.learning + self.review


class Shown(NamedTuple):
    """The item on screen, with what each answer button would do."""

    item_id: int
    key: str
    deck_id: str
    front: str
    back: str
    topic: str
    source: str | None
    state: ItemState
    kind: str = "card"  # "practice", or the question type for quiz questions

    @property
    def is_question(self) -> bool:
        """True for a quiz question (asked in the quiz view)."""
        return self.kind not in ("card", "practice")

    @property
    def is_practice(self) -> bool:
        """True for a practice item (answered in the practice view)."""
        return self.kind == "practice"


class SessionSummary(NamedTuple):
    """The end-of-session figures."""

    answered: int
    by_rating: dict[Rating, int]
    study_time: timedelta
    next_due: datetime | None
    counts: Counts


class ReviewSession:
    """One sitting of reviews in one deck. Every answer is committed before the next item.
    Its row in ``sessions`` (begun ``started_at``) is written by ``record``, or by the
    first use of ``session_id``. Two sittings are the same only if the same object."""

    # A plain class rather than a dataclass: see domain/settings.py.
    def __init__(self, service: StudyService, deck_id: str, started_at: datetime) -> None:
        self.service = service
        self.deck_id = deck_id
        self.started_at = started_at
        self.current: Shown | None = None
        self.shown_at: datetime | None = None
        self.answered = 0
        self._session_id: int | None = None

    def __repr__(self) -> str:
        return (f"ReviewSession(deck_id={self.deck_id!r}, started_at={self.started_at!r}, "
                f"answered={self.answered})")

    def record(self) -> int:
        """Write the session's row, if it is not written yet; its id."""
        if self._session_id is None:
            self._session_id = self.service.repo.start_session(self.deck_id, self.started_at)
        return self._session_id

    @property
    def session_id(self) -> int:
        """The session's row id (the row is written now if it was not yet)."""
        return self.record()

    def _show(self, item_id: int | None) -> Shown | None:
        return self._showing(None if item_id is None else self.service.shown(item_id))

    def _showing(self, shown: Shown | None) -> Shown | None:
        self.current = shown
        self.shown_at = self.service.clock()
        return self.current

    def refresh(self) -> Shown | None:
        """Read the current item again as it is now (after it changed elsewhere)."""
        return self._show(self.current.item_id if self.current else None)

    def next(self) -> Shown | None:
        """Move to the next item in the queue (``None`` when today's work is done)."""
        return self._showing(self.service.next_shown(self.deck_id))

    def answer(self, rating: Rating) -> Shown | None:
        """Answer the current item, commit, and return the next one."""
        if self.current is None:
            raise RuntimeError("there is no item to answer")
        if self.current.kind != "card":
            raise RuntimeError("questions and practice items are answered through their "
                               "own services")
        now = self.service.clock()
        started = self.shown_at or now
        spent = min(max(now - started, timedelta(0)), self.service.settings.max_answer_time)
        try:
            self.service.answer_shown(self.current, rating, now=now,
                                      duration_ms=int(spent.total_seconds() * 1000),
                                      session_id=self.session_id)
        except ItemChangedError:
            # Shown again as it is now, so the rep answers what is really there.
            self._show(self.current.item_id)
            raise
        self.answered += 1
        return self.next()

    def undo(self) -> Shown | None:
        """Take back the last answer of this session and show that item again."""
        shown = self.service.undo(self.deck_id, self.session_id)
        if shown is None:
            return None
        self.answered = max(0, self.answered - 1)
        return self._showing(shown)

    def can_undo(self) -> bool:
        """Whether this session has an answer to take back."""
        return self.service.repo.has_answers(self.session_id)

    def intervals(self) -> dict[Rating, timedelta]:
        """When the current item would come back after each answer (shown on the buttons)."""
        if self.current is None:
            raise RuntimeError("there is no item on screen")
        return self.service.intervals(self.current.state)

    def counts(self) -> Counts:
        """What is left today in this deck."""
        return self.service.counts(self.deck_id)

    def summary(self) -> SessionSummary:
        """Figures for the end-of-session screen."""
        rows = self.service.repo.session_reviews(self.session_id)
        by_rating = {r: 0 for r in Rating}
        for row in rows:
            by_rating[row.rating] += 1
        return SessionSummary(
            answered=len(rows),
            by_rating=by_rating,
            study_time=timedelta(milliseconds=sum(r.duration_ms for r in rows)),
            next_due=self.service.next_due(self.deck_id),
            counts=self.counts(),
        )

    def finish(self) -> None:
        """Mark the session as ended."""
        self.service.repo.end_session(self.session_id, self.service.clock())
