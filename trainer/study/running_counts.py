"""Today's counts for a deck, kept up to date answer by answer instead of recounted for
every card shown.

A count shown is the items available, capped by what is left of the daily limit. The
available items are counted with that limit as the query's LIMIT, so when the limit is
reached only a lower bound of them is known. Each count is therefore kept as a range of
what is available plus the limit left; an answer or an undo moves both, and when the
count shown is no longer certain the caller counts again from the database. Wrong
counts are never shown: uncertain means recount.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import NamedTuple

from trainer.domain.scheduling import ItemState, Phase
from trainer.study.day import StudyDay

_LEARNING = (Phase.LEARNING, Phase.RELEARNING)


class Capped:
    """Available items known to be in ``low``..``high`` (``None``: no upper bound),
    shown no higher than ``left`` (``None``: no daily limit)."""

    __slots__ = ("high", "left", "low")

    # Plain classes rather than dataclasses here: see domain/settings.py.
    def __init__(self, low: int, high: int | None, left: int | None = None) -> None:
        self.low = low
        self.high = high
        self.left = left

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Capped):
            return NotImplemented
        return (self.low, self.high, self.left) == (other.low, other.high, other.left)

    __hash__ = None  # type: ignore[assignment]  # changes in place, as a list does

    def __repr__(self) -> str:
        return f"Capped(low={self.low}, high={self.high}, left={self.left})"

    @classmethod
    def counted(cls, found: int, cap: int | None) -> Capped:
        """What a count found when it stopped at ``cap`` (``None``: it did not stop)."""
        if cap is None:
            return cls(found, found)
        return cls(found, found if found < max(0, cap) else None, cap)

    def _shown(self, available: int | None) -> int | None:
        if available is None:
            return None if self.left is None else max(0, self.left)
        return available if self.left is None else max(0, min(available, self.left))

    @property
    def value(self) -> int | None:
        """The count to show, or ``None`` when the range leaves it uncertain."""
        low, high = self._shown(self.low), self._shown(self.high)
        return low if low == high else None

    def move(self, available: int, left: int = 0) -> None:
        """Add ``available`` items, and ``left`` to the limit left."""
        self.low = max(0, self.low + available)
        self.high = None if self.high is None else self.high + available
        if self.left is not None:
            self.left += left


class Membership(NamedTuple):
    """Whether an item, in a given state, is among today's new, learning or due items."""

    new: int
    learning: int
    review: int

    @classmethod
    def of(cls, state: ItemState, active: bool, in_new_queue: bool,
           day_end: datetime) -> Membership:
        """Which of today's counts ``state`` adds one to."""
        due_today = state.due is not None and state.due < day_end
        return cls(
            new=int(active and in_new_queue and state.phase == Phase.NEW),
            learning=int(active and due_today and state.phase in _LEARNING),
            review=int(active and due_today and state.phase == Phase.REVIEW),
        )


class RunningCounts:
    """One deck's counts for one study day, as of ``changes`` (the connection's total
    changes) and ``version`` (SQLite's data version): if either has moved since, some
    other write happened and the counts are stale."""

    __slots__ = ("changes", "day", "flags", "learning", "new", "new_answers", "review",
                 "review_answers", "version")

    def __init__(self, day: StudyDay, changes: int, version: int, new: Capped,
                 learning: Capped, review: Capped, new_answers: Counter[int],
                 review_answers: Counter[int]) -> None:
        self.day = day
        self.changes = changes
        self.version = version
        self.new = new
        self.learning = learning
        self.review = review
        self.new_answers = new_answers
        self.review_answers = review_answers
        # Whether items shown since the count are active and in the new queue.
        self.flags: dict[int, tuple[bool, bool]] = {}

    def __repr__(self) -> str:
        return (f"RunningCounts(day={self.day!r}, new={self.new!r}, "
                f"learning={self.learning!r}, review={self.review!r})")

    @property
    def new_left(self) -> int:
        """What is left of today's new limit."""
        return max(0, self.new.left or 0)

    @property
    def review_left(self) -> int:
        """What is left of today's review limit."""
        return max(0, self.review.left or 0)

    @property
    def certain(self) -> bool:
        """Whether every count is known exactly."""
        return None not in (self.new.value, self.learning.value, self.review.value)

    def _move(self, before: ItemState, after: ItemState, item_id: int,
              used: Phase | None, sign: int) -> bool:
        flags = self.flags.get(item_id)
        if flags is None:
            return False
        was = Membership.of(before, *flags, self.day.end)
        now = Membership.of(after, *flags, self.day.end)
        new_left = review_left = 0
        if used is not None:
            answers = self.new_answers if used == Phase.NEW else self.review_answers
            first = answers[item_id] == (0 if sign > 0 else 1)
            answers[item_id] += sign
            if answers[item_id] <= 0:
                del answers[item_id]
            if first:
                new_left, review_left = ((-sign, 0) if used == Phase.NEW else (0, -sign))
        self.new.move(now.new - was.new, new_left)
        self.learning.move(now.learning - was.learning)
        self.review.move(now.review - was.review, review_left)
        return self.certain

    def answered(self, before: ItemState, after: ItemState) -> bool:
        """Count an answer given today that moved an item from ``before`` to ``after``.
        False when the counts are no longer certain (count again)."""
        used = before.phase if before.phase in (Phase.NEW, Phase.REVIEW) else None
        return self._move(before, after, before.item_id, used, +1)

    def undone(self, before: ItemState, after: ItemState, answered_at: datetime) -> bool:
        """Take back an answer that moved an item from ``before`` to ``after``. False
        when the counts are no longer certain (count again)."""
        used = (before.phase if before.phase in (Phase.NEW, Phase.REVIEW)
                and answered_at >= self.day.start else None)
        return self._move(after, before, before.item_id, used, -1)
