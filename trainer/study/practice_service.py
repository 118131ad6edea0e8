"""Practising what to say: show a practice item, take the rep's reply and the rubric
checks they met, and rate it into FSRS together with the reply, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from trainer.clock import Clock
from trainer.domain.practice import Check, PracticeItem, practice_rating
from trainer.domain.scheduling import Rating
from trainer.storage.practice_repo import PracticeRepository, ReplyRow
from trainer.storage.store import Store
from trainer.study.service import ReviewSession, StudyService

# Longer than this on one reply is the rep stepping away, not practising.
MAX_PRACTICE_TIME = timedelta(minutes=10)


@dataclass(frozen=True)
class PracticeShown:
    """A practice item on screen, with what the rep replied to it before."""

    item_id: int
    deck_id: str
    item: PracticeItem
    previous: tuple[ReplyRow, ...]


@dataclass(frozen=True)
class PracticeResult:
    """How a marked reply was rated and what it missed."""

    rating: Rating
    met: int
    total: int
    missed: tuple[Check, ...]
    due: datetime | None


class PracticeService:
    """Practice items in daily study."""

    def __init__(self, db: Store, clock: Clock, study: StudyService) -> None:
        self.db = db
        self.clock = clock
        self.study = study
        self.repo = PracticeRepository(db)

    def shown(self, session: ReviewSession) -> PracticeShown:
        """The session's current item as a practice item."""
        current = session.current
        if current is None or not current.is_practice:
            raise RuntimeError("the current item is not a practice item")
        return PracticeShown(current.item_id, current.deck_id,
                             self.repo.item(current.item_id),
                             tuple(self.repo.replies(current.item_id, limit=3)))

    def answer(self, session: ReviewSession, reply: str | None, met: set[str] | frozenset[str]
               ) -> PracticeResult:
        """Commit the rep's reply (``None`` when they said it out loud) and the checks
        they ticked; the caller counts it and moves the session on. Raises ``ItemChangedError``
        (nothing written) if the item was answered elsewhere since it was shown."""
        current = session.current
        if current is None or not current.is_practice:
            raise RuntimeError("the current item is not a practice item")
        item = self.repo.item(current.item_id)
        ids = tuple(c.id for c in item.checks)
        unknown = set(met) - set(ids)
        if unknown:
            raise ValueError(f"not checks of this item: {', '.join(sorted(unknown))}")
        ticked = tuple(i for i in ids if i in met)
        rating = practice_rating(len(ticked), len(ids))
        now = self.clock()
        spent = min(max(now - (session.shown_at or now), timedelta(0)), MAX_PRACTICE_TIME)
        text = (reply or "").strip()
        with self.db.atomic():
            state, review_id = self.study.review(
                current.item_id, rating, now=now,
                duration_ms=int(spent.total_seconds() * 1000),
                session_id=session.session_id, expected=current.state)
            self.repo.record(item_id=current.item_id, review_id=review_id, at=now,
                             mode="typed" if text else "aloud", reply=text or None,
                             met=ticked, checks=ids, rating=rating,
                             duration_ms=int(spent.total_seconds() * 1000))
        return PracticeResult(rating, len(ticked), len(ids),
                              tuple(c for c in item.checks if c.id not in met), state.due)

    def previous(self, item_id: int, limit: int = 3) -> list[ReplyRow]:
        """The item's latest replies, newest first."""
        return self.repo.replies(item_id, limit)
