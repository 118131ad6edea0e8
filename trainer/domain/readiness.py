"""Readiness: whether a rep can be trusted with a topic on a call, from three parts that
each count what the rep has not done yet as not known.

- recall in 30 days: the memory model's predicted recall of every card of the topic 30
  days after the figures were taken, a card never studied counting 0;
- quiz: the credit of the latest answer to every quiz question of the topic, a
  question never answered counting 0;
- practice: the share of rubric checks met in the latest reply to every practice item
  of the topic, an item never practised counting 0.

A topic's readiness is its weakest part (a part the topic has nothing for is left out):
a rep who remembers every card but fails the quiz, or who has seen half the cards, is
not ready however well the rest looks. Pure functions, no I/O."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

HORIZON_DAYS = 30  # how far ahead recall is predicted
READY = 0.8
NEARLY = 0.6


@dataclass(frozen=True)
class Readiness:
    """A learner's readiness on one topic: each part (None when the topic has nothing
    for it) and how much of the topic the rep has met.

    What is worked out from the parts is kept once read: a cohort report reads each
    learner's several times per topic, for thousands of learners."""

    recall: float | None  # mean predicted recall in HORIZON_DAYS over every card
    quiz: float | None  # mean latest credit over every quiz question
    practice: float | None  # mean latest share of checks met over every practice item
    cards: int = 0
    cards_seen: int = 0
    questions: int = 0
    questions_answered: int = 0
    practice_items: int = 0
    practised: int = 0

    @cached_property
    def parts(self) -> dict[str, float]:
        """The parts the topic has, by name."""
        named = {"recall": self.recall, "quiz": self.quiz, "practice": self.practice}
        return {k: v for k, v in named.items() if v is not None}

    @cached_property
    def value(self) -> float | None:
        """The weakest part, from 0 to 1; None when the topic has no items at all."""
        parts = self.parts
        return min(parts.values()) if parts else None

    @cached_property
    def weakest(self) -> str | None:
        """Which part holds readiness down: "recall", "quiz" or "practice"."""
        parts = self.parts
        return min(parts, key=lambda k: parts[k]) if parts else None

    @cached_property
    def verdict(self) -> str:
        """"ready", "nearly" or "not ready" (READY and NEARLY are the bounds)."""
        value = self.value
        if value is None or value < NEARLY:
            return "not ready"
        return "ready" if value >= READY else "nearly"


def mean_with_missing(values: Iterable[float], total: int) -> float | None:
    """The mean over ``total`` things, those without a value counting 0; None when
    there are none."""
    return sum(values) / total if total else None
