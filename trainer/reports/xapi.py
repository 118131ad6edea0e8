"""xAPI 1.0.3 statements of a profile's history, streamed one at a time.

"answered" for every review-log row: a card review, a practice reply (the text typed as
the response, each rubric check met or not as an extension), or a quiz question
answered in a quiz or in daily study (a question's answer and its review are one row, so one
statement). For every finished quiz attempt, "passed" or "failed" and "completed"
(a retry of the missed questions only "completed": it is practice, not the quiz).
docs/xapi.md describes the statements; trainer/reports/xapi_ids.py holds their ids.

A statement may only ever say what its id said the first time it was sent, so nothing
that a deck update can change (titles, texts, the deck's current version) goes in:
activities carry ids and types, not names. The one exception is a numerical question's
correct-responses pattern, its answer key: a change to it rescores the stored answers,
which changes their statements anyway.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterator
from datetime import UTC, datetime
from typing import Any

from trainer.domain.numeric import bounds, plain
from trainer.domain.scheduling import Rating
from trainer.domain.scoring import FULL_MARKS
from trainer.reports.xapi_ids import (
    EXT_ANSWER,
    EXT_ATTEMPT_KIND,
    EXT_CERTAINTY,
    EXT_MARKS,
    EXT_PRACTICE_MODE,
    EXT_RATING,
    EXT_RUBRIC,
    HOME_PAGE,
    INTERACTION_TYPES,
    PLATFORM,
    TYPE_ASSESSMENT,
    TYPE_COURSE,
    TYPE_INTERACTION,
    VERB_ANSWERED,
    VERB_COMPLETED,
    VERB_FAILED,
    VERB_PASSED,
    deck_iri,
    derived_uuid,
    item_iri,
    quiz_iri,
)
from trainer.storage.learner_repo import learner_id, stored_display_name
from trainer.storage.store import Store

Statement = dict[str, Any]

_REVIEWS = (
    "SELECT r.deck_id, i.key, i.kind, r.reviewed_at, r.rating, r.duration_ms, s.started_at, "
    "a.response, a.certainty, a.score, a.correct, a.marks, "
    "COALESCE(a.deck_version, r.deck_version), "
    "t.quiz_key, t.started_at, p.mode, p.reply, p.met, p.checks, "
    # A numerical question's answer key, for its correct-responses pattern; no other
    # item's body is read.
    "CASE WHEN i.kind = 'numerical' THEN i.body END "
    "FROM reviews r JOIN items i ON i.id = r.item_id "
    "LEFT JOIN sessions s ON s.id = r.session_id "
    # item_id as well as review_id, so the join can use the quiz_answers_item index.
    "LEFT JOIN quiz_answers a ON a.item_id = r.item_id AND a.review_id = r.id "
    "LEFT JOIN quiz_attempts t ON t.id = a.attempt_id "
    "LEFT JOIN practice_replies p ON p.review_id = r.id "
    "ORDER BY r.reviewed_at, r.id"
)
_ATTEMPTS = (
    "SELECT id, deck_id, quiz_key, kind, deck_version, started_at, finished_at, pass_mark, "
    "json_array_length(plan) FROM quiz_attempts "
    "WHERE finished_at IS NOT NULL AND discarded_at IS NULL ORDER BY finished_at, id"
)


def iso_duration(milliseconds: int) -> str:
    """An ISO 8601 duration such as PT12.5S or PT1H2M3S, to the millisecond."""
    hours, rest = divmod(max(milliseconds, 0), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds = f"{rest // 1000}.{rest % 1000:03d}".rstrip("0").rstrip(".")
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text + (f"{seconds}S" if seconds != "0" or text == "PT" else "")


def iso_timestamp(stored: str) -> str:
    """A stored UTC time as an xAPI timestamp: milliseconds and "Z"."""
    when = datetime.fromisoformat(stored).astimezone(UTC)
    return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def actor(learner: str, display_name: str | None) -> dict[str, Any]:
    """The pseudonymous learner, with the name the rep chose when there is one."""
    agent: dict[str, Any] = {"objectType": "Agent",
                             "account": {"homePage": HOME_PAGE, "name": learner}}
    if display_name:
        agent["name"] = display_name
    return agent


def _activity(iri: str, definition: dict[str, Any]) -> dict[str, Any]:
    return {"objectType": "Activity", "id": iri, "definition": definition}


def _deck(deck_id: str) -> dict[str, Any]:
    return _activity(deck_iri(deck_id), {"type": TYPE_COURSE})


def _quiz(deck_id: str, quiz_key: str) -> dict[str, Any]:
    return _activity(quiz_iri(deck_id, quiz_key), {"type": TYPE_ASSESSMENT})


def _item(deck_id: str, kind: str, key: str, body: str | None = None) -> dict[str, Any]:
    definition: dict[str, Any] = {"type": TYPE_INTERACTION,
                                  "interactionType": INTERACTION_TYPES.get(kind, "other")}
    if body is not None:
        definition["correctResponsesPattern"] = numeric_pattern(json.loads(body))
    return _activity(item_iri(deck_id, kind, key), definition)


def numeric_pattern(body: dict[str, Any]) -> list[str]:
    """The correct responses of a numerical question, as xAPI writes numbers: each
    full-marks answer as "low[:]high" (both included), or the number alone when it has
    no tolerance; "[:]" (no bounds) for an answer that takes any number."""
    pattern = []
    for option in body.get("options", ()):
        if float(option["value"]) < FULL_MARKS:
            continue
        if option.get("number") is None:
            pattern.append("[:]")
            continue
        number, tolerance = float(option["number"]), float(option.get("tolerance") or 0)
        if tolerance:
            low, high = bounds(number, tolerance)
            pattern.append(f"{plain(low)}[:]{plain(high)}")
        else:
            pattern.append(plain(number))
    return pattern


def response_text(kind: str, answer: dict[str, Any]) -> str | None:
    """The stored raw answer in xAPI's response format for the question's interaction
    type (None when nothing was answered). Matching answers are numbered by their
    left-hand item, since only the chosen right-hand texts are stored; a numeric answer
    is the number given, with a decimal point."""
    interaction = INTERACTION_TYPES.get(kind)
    text: str | None = None
    if interaction == "choice":
        text = "[,]".join(answer.get("chosen") or ())
    elif interaction == "true-false" and answer.get("truth") is not None:
        text = "true" if answer["truth"] else "false"
    elif interaction == "matching":
        text = "[,]".join(f"{n}[.]{right}"
                          for n, right in enumerate(answer.get("matches") or (), 1))
    elif interaction == "sequencing":
        text = "[,]".join(answer.get("order") or ())
    elif interaction in ("fill-in", "numeric"):
        text = answer.get("text")
    return text or None


def _score(raw: float, maximum: float) -> dict[str, float]:
    return {"scaled": round(raw / maximum, 4) if maximum else 0.0, "raw": round(raw, 4),
            "min": 0, "max": maximum}


class _Builder:
    """Builds the statements of one profile."""

    def __init__(self, db: Store, agent: dict[str, Any], learner: str) -> None:
        self.db = db
        self.agent = agent
        self.learner = learner
        self._activities: dict[tuple[str, ...], dict[str, Any]] = {}

    def deck(self, deck_id: str) -> dict[str, Any]:
        """The deck's activity (made once: decks are few, cards may be many)."""
        key = ("deck", deck_id)
        if key not in self._activities:
            self._activities[key] = _deck(deck_id)
        return self._activities[key]

    def quiz(self, deck_id: str, quiz_key: str) -> dict[str, Any]:
        """The quiz's activity (made once)."""
        key = ("quiz", deck_id, quiz_key)
        if key not in self._activities:
            self._activities[key] = _quiz(deck_id, quiz_key)
        return self._activities[key]

    def registration(self, deck_id: str, quiz_key: str, started_at: str) -> str:
        """One registration per quiz attempt."""
        return derived_uuid("attempt", self.learner, deck_id, quiz_key, started_at)

    def answered(self) -> Iterator[Statement]:
        """One "answered" statement per review-log row, oldest first."""
        for row in self.db.execute(_REVIEWS):
            (deck_id, key, kind, at, rating, duration_ms, session_start, answer, certainty,
             credit, correct, marks, version, quiz_key, attempt_start, mode, reply, met,
             checks, numeric_body) = row
            deck = self.deck(deck_id)
            result: dict[str, Any] = {}
            extensions: dict[str, Any] = {EXT_RATING: rating}
            if mode is not None:  # a practice reply, marked against its rubric
                ticked, rubric = set(json.loads(met)), [str(c) for c in json.loads(checks)]
                result["score"] = _score(len(ticked & set(rubric)), len(rubric))
                result["success"] = rating > Rating.AGAIN
                if reply:
                    result["response"] = reply
                extensions[EXT_PRACTICE_MODE] = mode
                extensions[EXT_RUBRIC] = [{"id": c, "met": c in ticked} for c in rubric]
            elif answer is None:  # a card
                result["success"] = rating > Rating.AGAIN
                result["response"] = Rating(rating).name.lower()
            else:
                raw = {k: v for k, v in json.loads(answer).items() if v not in (None, [])}
                result["score"] = _score(credit, 1)
                result["success"] = bool(correct)
                text = response_text(kind, raw)
                if text is not None:
                    result["response"] = text
                extensions[EXT_ANSWER] = raw
                if certainty is not None:
                    extensions[EXT_CERTAINTY] = certainty
                    extensions[EXT_MARKS] = marks
            result["duration"] = iso_duration(duration_ms)
            result["extensions"] = extensions
            context: dict[str, Any] = {}
            if quiz_key is not None:
                context["registration"] = self.registration(deck_id, quiz_key, attempt_start)
            elif session_start is not None:
                context["registration"] = derived_uuid("session", self.learner,
                                                       session_start)
            if version is not None:
                context["revision"] = version
            context["platform"] = PLATFORM
            parent = deck if quiz_key is None else self.quiz(deck_id, quiz_key)
            context["contextActivities"] = {"parent": [parent], "grouping": [deck]}
            yield {
                "id": derived_uuid("answered", self.learner, deck_id, key, at),
                "actor": self.agent,
                "verb": VERB_ANSWERED,
                "object": _item(deck_id, kind, key, numeric_body),
                "result": result,
                "context": context,
                "timestamp": iso_timestamp(at),
            }

    def attempts(self) -> Iterator[Statement]:
        """For each finished attempt, "passed" or "failed" (whole quizzes only) and
        "completed", scored over every question the attempt planned to ask."""
        for row in self.db.execute(_ATTEMPTS).fetchall():
            attempt_id, deck_id, quiz_key, kind, version, started, finished, pass_mark, total \
                = row
            answers = self.db.execute(
                "SELECT score, duration_ms FROM quiz_answers WHERE attempt_id = ? "
                "ORDER BY position", [attempt_id]).fetchall()
            # Summed in the order QuizService.result sums, so both agree on pass/fail.
            raw = sum(a[0] for a in answers)
            passed = total > 0 and 100.0 * raw / total >= pass_mark
            result: dict[str, Any] = {"score": _score(raw, total)}
            if kind == "quiz":
                result["success"] = passed
            result["completion"] = True
            result["duration"] = iso_duration(sum(a[1] for a in answers))
            deck = self.deck(deck_id)
            context = {
                "registration": self.registration(deck_id, quiz_key, started),
                "revision": version, "platform": PLATFORM,
                "contextActivities": {"parent": [deck], "grouping": [deck]},
                "extensions": {EXT_ATTEMPT_KIND: kind},
            }
            verbs = [VERB_PASSED if passed else VERB_FAILED] if kind == "quiz" else []
            for verb, name in [*((v, "outcome") for v in verbs), (VERB_COMPLETED, "completed")]:
                yield {
                    "id": derived_uuid(name, self.learner, deck_id, quiz_key, started),
                    "actor": self.agent,
                    "verb": verb,
                    "object": self.quiz(deck_id, quiz_key),
                    "result": result,
                    "context": context,
                    "timestamp": iso_timestamp(finished),
                }


def statements(db: Store) -> Generator[Statement, None, None]:
    """Every statement of the profile, as JSON-ready dicts (treat them as read-only:
    statements share their actor and activities). Streams: a million reviews never sit
    in memory at once."""
    learner = learner_id(db)  # may write the id on first use, so before the snapshot
    builder = _Builder(db, actor(learner, stored_display_name(db)), learner)
    with db.snapshot():
        yield from builder.answered()
        yield from builder.attempts()
