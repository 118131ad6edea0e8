"""Quiz questions and self-assessments as parsed from a deck. No I/O.

The records are named tuples, not frozen dataclasses: a normal start lists quizzes,
self-checks and learning paths on the home screen before its first paint, and defining
ten frozen dataclasses (with the ``dataclasses`` module) cost it a twentieth of its
instructions."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from trainer.i18n import QT_TRANSLATE_NOOP


class QuestionType(StrEnum):
    """The kinds of question a quiz can ask."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUEFALSE = "truefalse"
    SCENARIO = "scenario"
    MATCHING = "matching"
    ORDERING = "ordering"
    SHORTANSWER = "shortanswer"
    NUMERICAL = "numerical"


class Option(NamedTuple):
    """One answer a rep can pick (or, for shortanswer, an accepted typed answer, where
    ``*`` matches any text; for numerical, an accepted number: ``number`` give or take
    ``tolerance``, or any number when ``number`` is None, its ``text`` then "*").
    ``value`` is its credit: 1/0 for single, a weight for multiple (-1..1), a score for
    scenario, shortanswer and numerical (-1..1)."""

    id: str
    text: str
    value: float = 0.0
    feedback: str = ""
    pinned: bool = False
    number: float | None = None  # numerical only
    tolerance: float = 0.0  # numerical only

    def to_json(self) -> dict[str, object]:
        """The option as stored; the numerical fields only when it has a number, so
        every other question is stored exactly as before they existed."""
        data: dict[str, object] = {"id": self.id, "text": self.text, "value": self.value,
                                   "feedback": self.feedback, "pinned": self.pinned}
        if self.number is not None:
            data["number"] = self.number
            data["tolerance"] = self.tolerance
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Option:
        """Rebuild an option stored by ``to_json``."""
        number = data.get("number")
        return cls(str(data["id"]), str(data["text"]), float(data["value"]),  # type: ignore[arg-type]
                   str(data["feedback"]), bool(data["pinned"]),
                   None if number is None else float(number),  # type: ignore[arg-type]
                   float(data.get("tolerance") or 0.0))  # type: ignore[arg-type]


class Pair(NamedTuple):
    """A matching pair: the prompt on the left, its answer on the right."""

    left: str
    right: str


class Question(NamedTuple):
    """A quiz question; which fields matter depends on ``type``."""

    id: str
    type: QuestionType
    prompt: str
    topic: str
    situation: str = ""
    options: tuple[Option, ...] = ()
    answer: bool | None = None  # truefalse
    feedback_true: str = ""
    feedback_false: str = ""
    pairs: tuple[Pair, ...] = ()  # matching
    steps: tuple[str, ...] = ()  # ordering, in the right order
    explanation: str = ""
    source: str | None = None
    line: int | None = None
    distractors: tuple[str, ...] = ()  # matching: right-hand texts that match no left
    tags: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        """Everything needed to ask and score the question again (stored with the item).
        Distractors and tags are written only when there are some: a question without
        them is stored exactly as before they existed, so no deck update sees it as
        changed."""
        data: dict[str, object] = {
            "type": str(self.type),
            "prompt": self.prompt,
            "situation": self.situation,
            "options": [o.to_json() for o in self.options],
            "answer": self.answer,
            "feedback_true": self.feedback_true,
            "feedback_false": self.feedback_false,
            "pairs": [[p.left, p.right] for p in self.pairs],
            "steps": list(self.steps),
            "explanation": self.explanation,
        }
        if self.distractors:
            data["distractors"] = list(self.distractors)
        if self.tags:
            data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_json(cls, key: str, topic: str, source: str | None,
                  data: dict[str, object]) -> Question:
        """Rebuild a question stored by ``to_json``."""
        options = tuple(Option.from_json(o)
                        for o in data["options"])  # type: ignore[attr-defined]
        return cls(
            id=key, type=QuestionType(str(data["type"])), prompt=str(data["prompt"]),
            topic=topic, situation=str(data["situation"]), options=options,
            answer=data["answer"],  # type: ignore[arg-type]
            feedback_true=str(data["feedback_true"]), feedback_false=str(data["feedback_false"]),
            pairs=tuple(Pair(str(a), str(b)) for a, b in data["pairs"]),  # type: ignore[attr-defined]
            steps=tuple(str(s) for s in data["steps"]),  # type: ignore[attr-defined]
            explanation=str(data["explanation"]), source=source,
            distractors=tuple(str(d) for d in data.get("distractors", ())),  # type: ignore[attr-defined]
            tags=tuple(str(t) for t in data.get("tags", ())),  # type: ignore[attr-defined]
        )


class Quiz(NamedTuple):
    """A set of questions with a pass mark (0-100 percent)."""

    id: str
    title: str
    topic: str
    questions: tuple[Question, ...]
    pass_mark: int = 70
    draw: int | None = None  # ask this many, drawn from the pool; None asks all
    shuffle: bool = True
    certainty: bool = True
    description: str = ""
    line: int | None = None


class Band(NamedTuple):
    """A score range of a dimension (from ``min`` up to the next band) and its advice."""

    min: int
    label: str
    advice: str
    links: tuple[str, ...] = ()  # "deck:ID" or "quiz:ID"


class Dimension(NamedTuple):
    """What a group of statements measures, e.g. "courage to push back"."""

    id: str
    title: str
    topic: str | None
    bands: tuple[Band, ...]


class Statement(NamedTuple):
    """One Likert statement; ``reverse`` means agreeing counts against the dimension."""

    id: str
    text: str
    dimension: str
    reverse: bool = False


# The scale a deck gets when it names none: the app's words (translated where shown),
# unlike a scale the trainer wrote.
DEFAULT_SCALE = (QT_TRANSLATE_NOOP("AssessmentViewText", "Strongly disagree"),
                 QT_TRANSLATE_NOOP("AssessmentViewText", "Disagree"),
                 QT_TRANSLATE_NOOP("AssessmentViewText", "Neither agree nor disagree"),
                 QT_TRANSLATE_NOOP("AssessmentViewText", "Agree"),
                 QT_TRANSLATE_NOOP("AssessmentViewText", "Strongly agree"))


class Assessment(NamedTuple):
    """A self-assessment questionnaire."""

    id: str
    title: str
    statements: tuple[Statement, ...]
    dimensions: tuple[Dimension, ...]
    scale: tuple[str, ...] = DEFAULT_SCALE
    description: str = ""
    line: int | None = None


class PathStep(NamedTuple):
    """One step of a learning path: study a deck, pass a quiz, or take a self-check, on a
    given day of the path. ``target`` is "DECK" for a deck, "DECK/ID" for the others."""

    kind: str  # "deck", "quiz" or "assessment"
    target: str
    day: int
    title: str = ""
    note: str = ""
    cards: int | None = None  # deck steps: cards to study (default: up to a day's 20)
    pass_mark: int | None = None  # quiz steps: overrides the quiz's own pass mark


class LearningPath(NamedTuple):
    """An ordered onboarding path, such as a first week."""

    id: str
    title: str
    steps: tuple[PathStep, ...]
    description: str = ""
    line: int | None = None
