"""Practice items: the rep produces a reply to a prospect's line, then marks it against
a rubric. Pure data and the rule that turns a marked reply into an FSRS rating."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trainer.domain.scheduling import Rating

# The rubric a practice item imported without one (a Moodle essay question) gets, so
# that every practice item can be marked and scheduled the same way.
MODEL_CHECK_ID = "model"
MODEL_CHECK_TEXT = "My reply makes the point the model reply makes"
MODEL_CHECK_WHY = "This item came without a rubric: compare your reply with the model."

# Below this share of checks met, the reply was not good enough to count as recalled.
HARD_SHARE = 2 / 3


@dataclass(frozen=True)
class Check:
    """One thing a good reply does, with why it matters (shown while marking)."""

    id: str
    text: str
    why: str = ""


@dataclass(frozen=True)
class PracticeItem:
    """A prospect's line to answer out loud or in writing, a model reply and a rubric.
    An item imported from a Moodle essay question may have no prospect's line (the
    situation is the whole task) and no model reply."""

    id: str
    topic: str
    situation: str
    prospect: str
    model: str
    checks: tuple[Check, ...]
    title: str = ""
    source: str | None = None
    tags: tuple[str, ...] = ()
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        """What the items table keeps beside the prospect's line and the model reply."""
        return {"title": self.title, "situation": self.situation, "prospect": self.prospect,
                "checks": [{"id": c.id, "text": c.text, "why": c.why} for c in self.checks]}

    @classmethod
    def from_row(cls, key: str, topic: str, source: str | None, prospect: str, model: str,
                 body: dict[str, Any]) -> PracticeItem:
        """Rebuild an installed item from its row (``to_json`` holds the rest)."""
        checks = tuple(Check(str(c["id"]), str(c["text"]), str(c.get("why", "")))
                       for c in body.get("checks", []))
        # The prospect's line is in the body too: ``front`` holds the situation when an
        # imported item (a Moodle essay) has no line of its own.
        return cls(key, topic, str(body.get("situation", "")),
                   str(body.get("prospect", prospect)), model,
                   checks or model_rubric(),
                   title=str(body.get("title", "")), source=source)


def practice_rating(met: int, total: int) -> Rating:
    """The FSRS rating of a marked reply: every check met is Good; at least two thirds
    of them (2 of 3, 3 of 4, 4 of 5) is Hard; fewer is Again. Never Easy: a reply the
    rep marked alone is not evidence enough to push the item months away."""
    if total <= 0 or met < 0:
        raise ValueError("a reply is marked against at least one check")
    share = min(met, total) / total
    if share >= 1:
        return Rating.GOOD
    if share >= HARD_SHARE - 1e-9:
        return Rating.HARD
    return Rating.AGAIN


def model_rubric() -> tuple[Check, ...]:
    """The rubric of an item that came without one."""
    return (Check(MODEL_CHECK_ID, MODEL_CHECK_TEXT, MODEL_CHECK_WHY),)
