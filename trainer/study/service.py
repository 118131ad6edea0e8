"""Study sessions: which item comes next, answering, undo, and today's counts.

The queue follows Anki's order: learning items that are due, then reviews due
today, then new items, then (only when nothing else is left) learning items due
within the learn-ahead window. Daily limits are per deck.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from trainer.clock import Clock
from trainer.domain.errors import ItemChangedError
from trainer.domain.scheduling import ItemState, Phase, Rating
from trainer.domain.settings import StudySettings
from trainer.i18n import Context
from trainer.storage.deck_rows import DeckRow, list_decks
from trainer.storage.store import Store
from trainer.storage.study_repo import StudyRepository
from trainer.study.day import StudyDay, study_day

if TYPE_CHECKING:
    from trainer.study.fsrs_adapter import FsrsScheduling


class ServiceText(Context):
    """What a study session tells the rep (shown by the review screens)."""


LEARNING_PHASES = (int(Phase.LEARNING), int(Phase.RELEARNING))
REVIEW_PHASES = (int(Phase.REVIEW),)


@dataclass(frozen=True)
class Counts:
    """What is left to study today: new, learning and review items."""

    new: int
    learning: int
    review: int

    @property
    def total(self) -> int:
        """All three added up."""
        return self.new + self.learning + self.review


@dataclass(frozen=True)
class DeckCounts:
    """A deck with today's counts, for the deck list."""

    deck: DeckRow
    counts: Counts


@dataclass(frozen=True)
class Shown:
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


@dataclass(frozen=True)
class SessionSummary:
    """The end-of-session figures."""

    answered: int
    by_rating: dict[Rating, int]
    study_time: timedelta
    next_due: datetime | None
    counts: Counts


@dataclass
class ReviewSession:
    """One sitting of reviews in one deck. Every answer is committed before the next item."""

    service: StudyService
    deck_id: str
    session_id: int
    current: Shown | None = None
    shown_at: datetime | None = None
    answered: int = field(default=0)

    def _show(self, item_id: int | None) -> Shown | None:
        self.current = None if item_id is None else self.service.shown(item_id)
        self.shown_at = self.service.clock()
        return self.current

    def refresh(self) -> Shown | None:
        """Read the current item again as it is now (after it changed elsewhere)."""
        return self._show(self.current.item_id if self.current else None)

    def next(self) -> Shown | None:
        """Move to the next item in the queue (``None`` when today's work is done)."""
        return self._show(self.service.next_item_id(self.deck_id))

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
            self.service.answer(self.current.item_id, rating, now=now,
                                duration_ms=int(spent.total_seconds() * 1000),
                                session_id=self.session_id, expected=self.current.state)
        except ItemChangedError:
            # Shown again as it is now, so the rep answers what is really there.
            self._show(self.current.item_id)
            raise
        self.answered += 1
        return self.next()

    def undo(self) -> Shown | None:
        """Take back the last answer of this session and show that item again."""
        before = self.service.repo.undo_last(self.session_id)
        if before is None:
            return None
        self.answered = max(0, self.answered - 1)
        return self._show(before.item_id)

    def can_undo(self) -> bool:
        """Whether this session has an answer to take back."""
        return self.service.repo.conn.execute(
            "SELECT 1 FROM reviews WHERE session_id = ? LIMIT 1", (self.session_id,)
        ).fetchone() is not None

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


class StudyService:
    """Scheduling decisions over the profile database."""

    def __init__(self, db: Store, clock: Clock, settings: StudySettings | None = None) -> None:
        self.db = db
        self.clock = clock
        self.settings = settings or StudySettings()
        self.repo = StudyRepository(db)
        self._limits: dict[str, tuple[int, int]] = {}

    @cached_property
    def fsrs(self) -> FsrsScheduling:
        """The FSRS schedulers. Loaded on first use, not at start-up: the first card's
        front is drawn before anything needs scheduling."""
        from trainer.study.fsrs_adapter import FsrsScheduling

        return FsrsScheduling(self.settings)

    def use_settings(self, settings: StudySettings) -> None:
        """Schedule from now on with ``settings`` (e.g. after the parameters were tuned)."""
        self.settings = settings
        self.__dict__.pop("fsrs", None)

    def intervals(self, state: ItemState) -> dict[Rating, timedelta]:
        """When an item would come back after each possible answer, from now."""
        return self.fsrs.preview(state, self.clock())

    def day(self, now: datetime | None = None) -> StudyDay:
        """The study day containing ``now`` (default: the clock's now)."""
        return study_day(now or self.clock(), self.settings.day_start_hour,
                         self.settings.timezone)

    def _deck_limits(self, deck_id: str) -> tuple[int, int]:
        limits = self._limits.get(deck_id)
        if limits is None:
            row = self.db.execute(
                "SELECT new_per_day, reviews_per_day FROM decks WHERE id = ?", [deck_id]
            ).fetchone()
            if row is None:
                raise KeyError(f"no deck '{deck_id}'")
            limits = self._limits[deck_id] = (int(row[0]), int(row[1]))
        return limits

    def forget_limits(self) -> None:
        """Drop cached daily limits after they were changed."""
        self._limits.clear()

    def _remaining(self, deck_id: str, day: StudyDay) -> tuple[int, int]:
        new_limit, review_limit = self._deck_limits(deck_id)
        done = self.repo.done_today(deck_id, day.start)
        return max(0, new_limit - done.new), max(0, review_limit - done.review)

    def counts(self, deck_id: str, now: datetime | None = None) -> Counts:
        """Today's new / learning / review counts for a deck, within its daily limits."""
        day = self.day(now)
        new_left, review_left = self._remaining(deck_id, day)
        return Counts(
            new=self.repo.count_new(deck_id, new_left),
            learning=self.repo.count_due(deck_id, LEARNING_PHASES, day.end),
            review=self.repo.count_due(deck_id, REVIEW_PHASES, day.end, review_left),
        )

    def deck_counts(self) -> list[DeckCounts]:
        """Every deck with today's counts."""
        day = self.day()
        done_all = self.repo.done_today_all(day.start)
        out = []
        for deck in list_decks(self.db):
            self._limits[deck.id] = (deck.new_per_day, deck.reviews_per_day)
            done = done_all.get(deck.id)
            new_left = max(0, deck.new_per_day - (done.new if done else 0))
            review_left = max(0, deck.reviews_per_day - (done.review if done else 0))
            out.append(DeckCounts(deck, Counts(
                new=self.repo.count_new(deck.id, new_left),
                learning=self.repo.count_due(deck.id, LEARNING_PHASES, day.end),
                review=self.repo.count_due(deck.id, REVIEW_PHASES, day.end, review_left),
            )))
        return out

    def next_item_id(self, deck_id: str) -> int | None:
        """The item to show next, or ``None`` when nothing more is due today."""
        now = self.clock()
        day = self.day(now)
        learning = self.repo.first_due(deck_id, LEARNING_PHASES, now + timedelta(microseconds=1))
        if learning:
            return learning[0]
        new_left, review_left = self._remaining(deck_id, day)
        if review_left:
            due = self.repo.first_due(deck_id, REVIEW_PHASES, day.end)
            if due:
                return due[0]
        if new_left:
            new = self.repo.first_new(deck_id)
            if new is not None:
                return new
        ahead = self.repo.first_due(deck_id, LEARNING_PHASES, now + self.settings.learn_ahead)
        return ahead[0] if ahead else None

    def next_due(self, deck_id: str) -> datetime | None:
        """When this deck will next have something to study, if ever."""
        now = self.clock()
        day = self.day(now)
        candidates: list[datetime] = []
        learning = self.repo.first_due(deck_id, LEARNING_PHASES)
        if learning:
            candidates.append(learning[1])
        due = self.repo.first_due(deck_id, REVIEW_PHASES)
        if due:
            # A review shows from the start of the study day it falls in; one due today
            # that the session did not show was held back by the limit until tomorrow.
            candidates.append(max(self.day(due[1]).start, day.end))
        if self.repo.first_new(deck_id) is not None:
            candidates.append(day.end)
        return min(candidates) if candidates else None

    def shown(self, item_id: int) -> Shown:
        """An item ready to show."""
        deck_id, key, front, back, source, topic, kind = self.repo.item_content(item_id)
        return Shown(item_id, key, deck_id, front, back, topic, source,
                     self.repo.state(item_id), kind)

    def answer(self, item_id: int, rating: Rating, *, now: datetime | None = None,
               duration_ms: int = 0, session_id: int | None = None,
               expected: ItemState | None = None) -> ItemState:
        """Schedule an answer and commit it with its log row."""
        return self.review(item_id, rating, now=now, duration_ms=duration_ms,
                           session_id=session_id, expected=expected)[0]

    def review(self, item_id: int, rating: Rating, *, now: datetime | None = None,
               duration_ms: int = 0, session_id: int | None = None,
               expected: ItemState | None = None) -> tuple[ItemState, int]:
        """Like ``answer``, also returning the id of the review-log row.

        The state is read inside the transaction that writes the new one, so nothing
        can change it in between; ``expected`` is the state the rep was shown, and if
        the item has changed since (answered in another window, say), nothing is
        written and ``ItemChangedError`` is raised."""
        now = now or self.clock()
        deck_id = self.repo.item_content(item_id)[0]
        with self.db.atomic():
            before = self.repo.state(item_id)
            if expected is not None and before != expected:
                raise ItemChangedError(ServiceText.tr(
                    "This card was answered somewhere else since it was shown, so your "
                    "answer was not saved; it is shown again as it is now."))
            after = self.fsrs.review(before, rating, now)
            log_id = self.repo.record_answer(deck_id=deck_id, session_id=session_id,
                                             before=before, after=after, rating=rating,
                                             at=now, duration_ms=duration_ms)
        return after, log_id

    def start(self, deck_id: str) -> ReviewSession:
        """Begin a review session in a deck and move to its first item."""
        self._deck_limits(deck_id)
        session = ReviewSession(self, deck_id, self.repo.start_session(deck_id, self.clock()))
        session.next()
        return session
