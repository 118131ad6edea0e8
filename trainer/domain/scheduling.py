"""Scheduling vocabulary shared by storage, study and the views."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import NamedTuple


class Rating(IntEnum):
    """The four answer buttons, numbered as their keys."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        """The button text."""
        return self.name.capitalize()


class Phase(IntEnum):
    """Where an item is in its life. NEW means never answered."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


class ItemState(NamedTuple):
    """An item's scheduling state, as stored after each answer."""

    item_id: int
    phase: Phase = Phase.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0

    def with_(self, **changes: object) -> ItemState:
        """A copy with some fields changed."""
        return self._replace(**changes)  # type: ignore[arg-type]


# py-fsrs 6.3.2's default decay: its last parameter, negated.
DEFAULT_DECAY = -0.1542


def recall_factor(decay: float) -> float:
    """The factor of FSRS's forgetting curve that makes recall exactly 90% when the days
    elapsed equal the stability."""
    return float(0.9 ** (1 / decay) - 1)


def recall_after(days: int, stability: float, decay: float = DEFAULT_DECAY) -> float:
    """FSRS's probability of recall ``days`` whole days after the last answer, for an
    item of ``stability``, on the curve of ``decay`` (the last FSRS parameter, negated).
    Worked out here rather than through a py-fsrs card, which costs far more per item."""
    return recall_curve(decay)(days, stability)


def recall_curve(decay: float = DEFAULT_DECAY) -> Callable[[int, float], float]:
    """``recall_after`` on the curve of ``decay``, its factor worked out once: for
    reading many items' recall (a cohort report reads a few hundred per export)."""
    factor = recall_factor(decay)

    def recall(days: int, stability: float) -> float:
        return float((1 + factor * days / stability) ** decay)
    return recall
