"""Study sessions: which item comes next, answering, undo, and today's counts.

The queue follows Anki's order: learning items that are due, then reviews due
today, then new items, then (only when nothing else is left) learning items due
within the learn-ahead window. Daily limits are per deck.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from trainer.clock import Clock
from trainer.domain.errors import ItemChangedError
from trainer.domain.scheduling import ItemState, Phase, Rating
from trainer.domain.settings import StudySettings
from trainer.i18n import Context
from trainer.storage.deck_rows import DeckRow, list_decks
from trainer.storage.store import Store
from trainer.storage.study_queue import (
    ShownRow,
    data_version,
    done_rows,
    next_shown,
    shown_item,
)
from trainer.storage.study_repo import StudyRepository
from trainer.study.day import StudyDay, study_day
from trainer.study.running_counts import Capped, RunningCounts
from trainer.study.session import Counts, ReviewSession, SessionSummary, Shown

if TYPE_CHECKING:
    from trainer.study.fsrs_adapter import FsrsScheduling


__all__ = ["Counts", "DeckCounts", "ReviewSession", "SessionSummary", "Shown",
           "StudyService"]


class ServiceText(Context):
    """What a study session tells the rep (shown by the review screens)."""


LEARNING_PHASES = (int(Phase.LEARNING), int(Phase.RELEARNING))
REVIEW_PHASES = (int(Phase.REVIEW),)


class DeckCounts(NamedTuple):
    """A deck with today's counts, for the deck list."""

    deck: DeckRow
    counts: Counts


class StudyService:
    """Scheduling decisions over the profile database."""

    def __init__(self, db: Store, clock: Clock, settings: StudySettings | None = None) -> None:
        self.db = db
        self.clock = clock
        self.settings = settings or StudySettings()
        self.repo = StudyRepository(db)
        self._limits: dict[str, tuple[int, int]] = {}
        # Today's counts per deck, kept up to date by answers and undos in this service.
        self._running: dict[str, RunningCounts] = {}
        self._last_day: tuple[StudySettings, StudyDay] | None = None

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
        self._running.clear()  # the study day may start at another hour

    def intervals(self, state: ItemState) -> dict[Rating, timedelta]:
        """When an item would come back after each possible answer, from now."""
        return self.fsrs.preview(state, self.clock())

    def day(self, now: datetime | None = None) -> StudyDay:
        """The study day containing ``now`` (default: the clock's now)."""
        now = now or self.clock()
        last = self._last_day
        # Study days follow one another without gaps, so one that contains ``now`` is
        # the one study_day() would work out again (several times per answer).
        if last is not None and last[0] is self.settings and last[1].start <= now < last[1].end:
            return last[1]
        day = study_day(now, self.settings.day_start_hour, self.settings.timezone)
        self._last_day = (self.settings, day)
        return day

    def _deck_limits(self, deck_id: str) -> tuple[int, int]:
        limits = self._limits.get(deck_id)
        if limits is None:
            limits = self._limits[deck_id] = self.repo.deck_limits(deck_id)
        return limits

    def forget_limits(self) -> None:
        """Drop cached daily limits after they were changed."""
        self._limits.clear()
        self._running.clear()

    def _count(self, deck_id: str, day: StudyDay) -> RunningCounts:
        """Today's counts for a deck read from scratch, to be kept up to date from here."""
        conn = self.db.conn
        changes, version = self.repo.changes(), data_version(conn)
        new_limit, review_limit = self._deck_limits(deck_id)
        done = done_rows(conn, deck_id, day.start)
        new_left, review_left = new_limit - len(done.new), review_limit - len(done.review)
        running = self._running[deck_id] = RunningCounts(
            day, changes, version,
            new=Capped.counted(self.repo.count_new(deck_id, max(0, new_left)), new_left),
            learning=Capped.counted(
                self.repo.count_due(deck_id, LEARNING_PHASES, day.end), None),
            review=Capped.counted(self.repo.count_due(
                deck_id, REVIEW_PHASES, day.end, max(0, review_left)), review_left),
            new_answers=done.new, review_answers=done.review)
        return running

    def _counted(self, deck_id: str, day: StudyDay, version: int | None) -> RunningCounts:
        """The deck's running counts, counted again if anything but this service's own
        answers and undos wrote since (or the study day rolled over)."""
        running = self._running.get(deck_id)
        if (running is None or running.day != day
                or running.changes != self.repo.changes()
                or (version is not None and running.version != version)):
            return self._count(deck_id, day)
        return running

    def counts(self, deck_id: str, now: datetime | None = None) -> Counts:
        """Today's new / learning / review counts for a deck, within its daily limits."""
        running = self._counted(deck_id, self.day(now), data_version(self.db.conn))
        new, learning, review = (running.new.value, running.learning.value,
                                 running.review.value)
        assert new is not None and learning is not None and review is not None
        return Counts(new=new, learning=learning, review=review)

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
        shown = self.next_shown(deck_id)
        return None if shown is None else shown.item_id

    def next_shown(self, deck_id: str) -> Shown | None:
        """The item to show next, ready to show (``None`` when nothing more is due
        today), read in one statement."""
        now = self.clock()
        day = self.day(now)
        running = self._counted(deck_id, day, None)
        for _ in range(2):
            version, row = next_shown(
                self.db.conn, deck_id, due_now=now + timedelta(microseconds=1),
                learn_ahead=now + self.settings.learn_ahead, day_end=day.end,
                new_left=running.new_left, review_left=running.review_left)
            if version == running.version:
                break
            # Another connection wrote since the limits left were counted.
            running = self._count(deck_id, day)
        return None if row is None else self._shown(row)

    def _shown(self, row: ShownRow) -> Shown:
        running = self._running.get(row.deck_id)
        if running is not None:
            running.flags[row.state.item_id] = (row.active, row.in_new_queue)
        return Shown(row.state.item_id, row.key, row.deck_id, row.front, row.back, row.topic,
                     row.source, row.state, row.kind)

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
        return self._shown(shown_item(self.db.conn, item_id))

    def answer_shown(self, shown: Shown, rating: Rating, *, now: datetime | None = None,
                     duration_ms: int = 0, session_id: int | None = None) -> ItemState:
        """Answer an item as it was shown (``ItemChangedError``, and nothing written, if
        it has changed since), commit, and keep the deck's counts up to date."""
        now = now or self.clock()
        changes = self.repo.changes()
        after = self.fsrs.review(shown.state, rating, now)
        self.repo.record_shown_answer(deck_id=shown.deck_id, session_id=session_id,
                                      before=shown.state, after=after, rating=rating,
                                      at=now, duration_ms=duration_ms)
        running = self._running.get(shown.deck_id)
        if (running is not None and running.changes == changes
                and running.day == self.day(now) and running.answered(shown.state, after)):
            running.changes = self.repo.changes()
        else:
            self._running.pop(shown.deck_id, None)
        return after

    def undo(self, deck_id: str, session_id: int) -> Shown | None:
        """Take back a session's last answer in ``deck_id``; the item as it is again."""
        changes = self.repo.changes()
        undone = self.repo.undo_last_answer(session_id)
        if undone is None:
            return None
        shown = self.shown(undone.before.item_id)
        running = self._running.get(deck_id)
        if (running is not None and running.changes == changes
                and running.undone(undone.before, undone.after, undone.answered_at)):
            running.changes = self.repo.changes()
        else:
            self._running.pop(deck_id, None)
        return shown

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

    def start(self, deck_id: str, *, record: bool = True) -> ReviewSession:
        """Begin a review session in a deck and move to its first item. Without
        ``record``, the session's row is written when ``session.record()`` is called or
        its id is first needed (the window writes it once the first card is painted:
        a commit waits for the disk)."""
        self._deck_limits(deck_id)
        session = ReviewSession(self, deck_id, self.clock())
        if record:
            session.record()
        session.next()
        return session
