"""The records of a progress export (docs/progress-format.md), one section at a time.

The big sections (items, the review log, answers, practice replies) are generators that
read their rows from a cursor as they are written, so a profile of a million answers is
never held in memory whole. Everything here is read inside the exporter's snapshot.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from trainer.clock import Clock
from trainer.content.render import plain_line
from trainer.domain.settings import StudySettings
from trainer.reports.progress_format import MAX_PROMPT, MAX_REPLY
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db
from trainer.study.path_service import PathService
from trainer.study.service import StudyService

Record = dict[str, Any]


def decks(db: Store) -> list[Record]:
    """The decks installed, by id."""
    return [{"id": r[0], "title": r[1], "version": r[2]}
            for r in db.execute("SELECT id, title, version FROM decks ORDER BY id")]


def quizzes(db: Store) -> list[Record]:
    """The quizzes installed, by deck and position."""
    return [{"deck": r[0], "id": r[1], "title": r[2], "topic": r[3], "pass_mark": r[4]}
            for r in db.execute("SELECT deck_id, key, title, topic, pass_mark FROM quizzes "
                                "WHERE retired = 0 ORDER BY deck_id, position")]


def scheduler(settings: StudySettings) -> Record:
    """The memory model in use."""
    # A report recomputes recall from stabilities; it needs the curve they were made with.
    from trainer.study.fsrs_adapter import make_scheduler

    return {"desired_retention": settings.desired_retention,
            "parameters": [float(v) for v in make_scheduler(settings, fuzz=False).parameters]}


def plain_prompt(markdown: str, limit: int = MAX_PROMPT) -> str:
    """Deck Markdown as one line of plain text, cut at a word to at most ``limit``
    characters (ending in "…" when cut)."""
    return plain_line(markdown, limit)


def items(db: Store) -> Iterator[Record]:
    """Every card and question with its scheduling state, by deck and position."""
    # items.front is a card's front and a question's prompt (the rest of a question
    # is in items.body as JSON; the prompt alone identifies it in a report).
    rows = db.execute(
        "SELECT i.deck_id, i.key, i.kind, i.topic, i.front, s.phase, s.stability, "
        "s.difficulty, s.due, s.last_review, s.reps, s.lapses, i.retired FROM items i "
        "LEFT JOIN item_state s ON s.item_id = i.id ORDER BY i.deck_id, i.position, i.id")
    for r in rows:
        yield {"deck": r[0], "id": r[1], "kind": r[2], "topic": r[3],
               "prompt": plain_prompt(r[4]), "phase": r[5] or 0, "stability": r[6],
               "difficulty": r[7], "due": r[8], "last_review": r[9], "reps": r[10] or 0,
               "lapses": r[11] or 0, "retired": bool(r[12])}


def reviews(db: Store) -> Iterator[Record]:
    """The review log, oldest first."""
    rows = db.execute(
        "SELECT r.deck_id, i.key, r.reviewed_at, r.rating, r.duration_ms, r.phase_before, "
        "r.deck_version FROM reviews r JOIN items i ON i.id = r.item_id "
        "ORDER BY r.reviewed_at, r.id")
    for r in rows:
        yield {"deck": r[0], "item": r[1], "at": r[2], "rating": r[3], "duration_ms": r[4],
               "phase_before": r[5], "deck_version": r[6]}


_ANSWER_COLUMNS = (
    "SELECT a.attempt_id, i.deck_id, i.key, i.kind, i.topic, a.position, a.response, "
    "a.certainty, a.score, a.correct, a.marks, a.duration_ms, a.answered_at, a.deck_version "
    "FROM quiz_answers a JOIN items i ON i.id = a.item_id ")


def _answer(r: Any) -> Record:
    return {"item": r[2], "kind": r[3], "topic": r[4], "position": r[5],
            "response": json.loads(r[6]), "certainty": r[7], "score": r[8],
            "correct": bool(r[9]), "marks": r[10], "duration_ms": r[11], "answered_at": r[12]}


def quiz_attempts(db: Store) -> Iterator[Record]:
    """Quiz attempts, oldest first, each with its answers in the order asked."""
    # Each attempt's answers are read with it (by the attempt index), so only one
    # attempt's answers are in memory at a time.
    rows = db.execute(
        "SELECT id, deck_id, quiz_key, kind, deck_version, started_at, finished_at, "
        "discarded_at, pass_mark, certainty, json_array_length(plan) FROM quiz_attempts "
        "ORDER BY started_at, id")
    for r in rows:
        answers = [_answer(a) for a in db.execute(
            _ANSWER_COLUMNS + "WHERE a.attempt_id = ? ORDER BY a.position, a.id", [r[0]])]
        yield {"id": r[0], "deck": r[1], "quiz": r[2], "kind": r[3], "deck_version": r[4],
               "started_at": r[5], "finished_at": r[6], "discarded": r[7] is not None,
               "pass_mark": r[8], "certainty": bool(r[9]), "questions": r[10],
               "answers": answers}


def study_answers(db: Store) -> Iterator[Record]:
    """Questions answered in daily study, outside any quiz attempt."""
    # No position: outside an attempt there is no order of questions to place it in.
    for r in db.execute(_ANSWER_COLUMNS + "WHERE a.attempt_id IS NULL "
                        "ORDER BY a.answered_at, a.id"):
        yield {"deck": r[1], "deck_version": r[13],
               **{k: v for k, v in _answer(r).items() if k != "position"}}


def practice(db: Store) -> Iterator[Record]:
    """Every practice reply, with each rubric check as it was marked. ``counted`` is
    false for a reply whose answer was undone (kept: it is what the rep wrote)."""
    wordings: dict[str | None, dict[str, str]] = {}  # an item's body, read once
    for r in db.execute(
            "SELECT i.deck_id, i.key, i.topic, i.body, p.answered_at, p.mode, p.reply, "
            "p.met, p.checks, p.rating, p.duration_ms, p.deck_version, "
            "p.review_id IS NOT NULL FROM practice_replies p JOIN items i ON i.id = p.item_id "
            "ORDER BY p.answered_at, p.id"):
        wording = wordings.get(r[3])
        if wording is None:
            wording = wordings[r[3]] = {
                c["id"]: c["text"] for c in json.loads(r[3] or "{}").get("checks", [])}
        met = set(json.loads(r[7]))
        reply = r[6]
        if reply is not None and len(reply) > MAX_REPLY:
            reply = reply[:MAX_REPLY - 1] + "…"
        yield {
            "deck": r[0], "item": r[1], "topic": r[2], "answered_at": r[4], "mode": r[5],
            "reply": reply,
            "checks": [{"id": c, "text": wording.get(c, c), "met": c in met}
                       for c in json.loads(r[8])],
            "rating": r[9], "duration_ms": r[10], "deck_version": r[11],
            "counted": bool(r[12])}


def my_cards(db: Store) -> list[Record]:
    """The cards the rep wrote in the browser, whole (they exist nowhere else)."""
    return [{"id": r[0], "topic": r[1], "front": r[2], "back": r[3], "created_at": r[4],
             "retired": bool(r[5])}
            for r in db.execute("SELECT key, topic, front, back, created_at, retired FROM "
                                "items WHERE deck_id = 'my-cards' ORDER BY position")]


def _dimension_topics(db: Store, deck_id: str, key: str) -> dict[str, str | None]:
    row = db.execute("SELECT body FROM assessments WHERE deck_id = ? AND key = ?",
                     [deck_id, key]).fetchone()
    if row is None:  # its deck was removed; the scores still stand
        return {}
    body = json.loads(row[0])
    return {d["id"]: d.get("topic") for d in body.get("dimensions", [])}


def assessments(db: Store) -> Iterator[Record]:
    """Finished self-assessments, oldest first."""
    rows = db.execute(
        "SELECT id, deck_id, assessment_key, deck_version, started_at, finished_at, scores "
        "FROM assessment_attempts WHERE finished_at IS NOT NULL ORDER BY finished_at, id")
    for attempt_id, deck_id, key, version, started, finished, scores in rows:
        choices = dict(db.execute(
            "SELECT statement_key, choice FROM assessment_answers WHERE attempt_id = ? "
            "ORDER BY statement_key", [attempt_id]).fetchall())
        yield {"id": attempt_id, "deck": deck_id, "assessment": key,
               "deck_version": version, "started_at": started, "finished_at": finished,
               "scores": json.loads(scores) if scores else {},
               "topics": _dimension_topics(db, deck_id, key), "choices": choices}


def paths(db: Store, clock: Clock, settings: StudySettings) -> list[Record]:
    """Where the rep stands on each learning path."""
    # Only PathService's reading methods: progress() would start paths never seen.
    service = PathService(db, clock, StudyService(db, clock, settings))
    out = []
    for deck_id, path in service.paths():
        started = service.started_at(deck_id, path.id)
        steps = service.statuses(path)
        out.append({
            "deck": deck_id, "id": path.id, "title": path.title,
            "started_at": None if started is None else to_db(started),
            "day": None if started is None else service.day_of(started),
            "steps": [{"day": s.step.day, "kind": s.step.kind, "target": s.step.target,
                       "title": s.title, "done": s.done, "progress": s.progress}
                      for s in steps],
        })
    return out
