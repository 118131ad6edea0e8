"""The xAPI vocabulary of the export: verbs, activity types, extension IRIs, and how
statement, registration and activity ids are derived.

Everything here is part of the exported format: an LRS stores statements forever and
matches them by these ids, so none of them may change between app versions.
"""

from __future__ import annotations

import json
import uuid
from urllib.parse import quote

# The project has no web domain of its own. ".invalid" is reserved (RFC 2606), so these
# IRIs can never collide with someone else's activities, and nothing tries to fetch them.
BASE_IRI = "https://sales-trainer.invalid/xapi"
HOME_PAGE = "https://sales-trainer.invalid"
PLATFORM = "Sales Trainer"

# uuid5(NAMESPACE_URL, BASE_IRI), written out so a change of BASE_IRI cannot move it.
NAMESPACE = uuid.UUID("acc7cb0b-079c-56f5-950f-392e67cba51a")

VERB_ANSWERED = {"id": "http://adlnet.gov/expapi/verbs/answered",
                 "display": {"en-US": "answered"}}
VERB_PASSED = {"id": "http://adlnet.gov/expapi/verbs/passed", "display": {"en-US": "passed"}}
VERB_FAILED = {"id": "http://adlnet.gov/expapi/verbs/failed", "display": {"en-US": "failed"}}
VERB_COMPLETED = {"id": "http://adlnet.gov/expapi/verbs/completed",
                  "display": {"en-US": "completed"}}

TYPE_COURSE = "http://adlnet.gov/expapi/activities/course"
TYPE_ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"
TYPE_INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"

EXT_RATING = f"{BASE_IRI}/extensions/rating"
EXT_CERTAINTY = f"{BASE_IRI}/extensions/certainty"
EXT_MARKS = f"{BASE_IRI}/extensions/certainty-marks"
EXT_ANSWER = f"{BASE_IRI}/extensions/answer"
EXT_ATTEMPT_KIND = f"{BASE_IRI}/extensions/attempt-kind"
EXT_RUBRIC = f"{BASE_IRI}/extensions/rubric"
EXT_PRACTICE_MODE = f"{BASE_IRI}/extensions/practice-mode"

# The xAPI interaction type of each question type (cards are "other": self-graded recall).
INTERACTION_TYPES = {
    "single": "choice",
    "multiple": "choice",
    "scenario": "choice",
    "truefalse": "true-false",
    "matching": "matching",
    "ordering": "sequencing",
    "shortanswer": "fill-in",
    "numerical": "numeric",
    "practice": "long-fill-in",
}


def _segment(text: str) -> str:
    return quote(text, safe="-._~")


def deck_iri(deck_id: str) -> str:
    """The activity id of a deck."""
    return f"{BASE_IRI}/decks/{_segment(deck_id)}"


def item_iri(deck_id: str, kind: str, key: str) -> str:
    """The activity id of a card (kind "card"), a practice item (kind "practice") or a
    question (any other kind)."""
    folder = {"card": "cards", "practice": "practice"}.get(kind, "questions")
    return f"{deck_iri(deck_id)}/{folder}/{_segment(key)}"


def quiz_iri(deck_id: str, quiz_key: str) -> str:
    """The activity id of a quiz."""
    return f"{deck_iri(deck_id)}/quizzes/{_segment(quiz_key)}"


def derived_uuid(*parts: str) -> str:
    """uuid5 over the namespace and the parts as a compact JSON array: the same event
    always gets the same id, so sending it twice stores it once."""
    key = json.dumps(list(parts), ensure_ascii=False, separators=(",", ":"))
    return str(uuid.uuid5(NAMESPACE, key))
