"""The fields of a progress export (docs/progress-format.md) that the cohort report
reads, as msgspec structs: cohort_quick.py decodes an export into ``Export``, and msgspec
skips every field not declared here. Types are as strict as the detailed checks or
stricter, never looser: what does not fit is read the detailed way."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from msgspec import Meta, Struct

# orjson reads a whole number beyond 64 bits as a float, which the detailed checks then
# refuse where they want a whole number: such numbers go the detailed way.
Whole = Annotated[int, Meta(ge=-(2**63), le=2**63 - 1)]
Number = Whole | float

# The structs are never part of a cycle (JSON cannot make one): the cyclic collector
# need not track them. Only fields the report reads are declared; msgspec skips the rest.


class Learner(Struct, gc=False):
    id: str
    display_name: str | None = None


class Item(Struct, gc=False):
    deck: str
    id: str
    topic: str
    last_review: str | None
    stability: Number | None
    retired: bool
    kind: str = "card"
    prompt: Any = None


class Review(Struct, gc=False, frozen=True):  # hashable: counted as they are
    deck: str
    item: str


class Answer(Struct, gc=False):
    item: str
    topic: Any  # counted for its topic only when it is text
    certainty: Whole | None
    score: Number
    correct: bool
    answered_at: str = ""


class StudyAnswer(Answer, kw_only=True, gc=False):
    # A quiz answer's fields and its deck: keyword-only, since it follows a default.
    deck: str


class Attempt(Struct, gc=False):
    deck: str
    quiz: str
    answers: list[Answer]
    kind: Any
    finished_at: Any
    discarded: Any
    questions: Whole
    pass_mark: Number


class Step(Struct, gc=False):
    day: Whole
    done: bool
    kind: Any
    target: Any
    title: Any
    progress: Any = None


class LearningPath(Struct, gc=False):
    deck: Any
    id: Any
    title: Any
    started_at: Any
    day: Whole | None
    steps: list[Step]


class Check(Struct, gc=False):
    text: str
    met: bool


class Reply(Struct, gc=False):
    deck: str
    item: str
    answered_at: str
    checks: list[Check]
    counted: bool


class Export(Struct, gc=False):
    format: str
    version: Whole
    exported_at: str
    learner: Learner
    decks: list[Any]  # titles only: read by cohort_records as the detailed way reads them
    items: list[Item]
    reviews: list[Review]
    quiz_attempts: list[Attempt]
    assessments: list[msgspec.Raw]  # only checked to be a list
    paths: list[LearningPath]
    study_answers: list[StudyAnswer] = []
    practice: list[Reply] = []
    quizzes: Any = None
    scheduler: Any = None
