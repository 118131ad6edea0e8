"""The progress export (format "sales-trainer-progress", version 1): everything a rep has
done, as one JSON document a manager or another tool can read without the app.

The learner is pseudonymous: a random id made once per profile and kept in the
``settings`` table, with an optional display name the rep chooses.
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import nh3

from trainer import __version__
from trainer.clock import Clock
from trainer.content.render import render_markdown
from trainer.domain.errors import TrainerError
from trainer.domain.settings import StudySettings
from trainer.i18n import Context, in_english
from trainer.reports.files import write_files
from trainer.reports.progress_format import FORMAT, MAX_PROMPT, MAX_REPLY, VERSION
from trainer.storage.learner_repo import (
    DISPLAY_NAME_KEY,
    LEARNER_ID_KEY,
    MAX_DISPLAY_NAME,
    set_display_name,
)

# The learner the export is made for, as the Export progress dialog shows it.
from trainer.storage.learner_repo import clean_display_name as clean_display_name
from trainer.storage.learner_repo import learner_id as learner_id
from trainer.storage.learner_repo import stored_display_name as stored_display_name
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db
from trainer.study.path_service import PathService
from trainer.study.service import StudyService

# The learner's identity lives in storage; it is part of this module's interface too.
__all__ = [
    "DISPLAY_NAME_KEY", "FORMAT", "LEARNER_ID_KEY", "MAX_DISPLAY_NAME", "MAX_PROMPT",
    "VERSION", "build_export", "clean_display_name", "counts_line", "default_file_name",
    "export_text", "learner_id", "plain_prompt", "profile_counts", "set_display_name",
    "stored_display_name", "summary", "write_export", "write_json_atomically",
]


class ProgressExportText(Context):
    """Texts of the progress export a rep reads: how much it holds, why it was not saved."""


def _decks(db: Store) -> list[dict[str, Any]]:
    return [{"id": r[0], "title": r[1], "version": r[2]}
            for r in db.execute("SELECT id, title, version FROM decks ORDER BY id")]


def _quizzes(db: Store) -> list[dict[str, Any]]:
    return [{"deck": r[0], "id": r[1], "title": r[2], "topic": r[3], "pass_mark": r[4]}
            for r in db.execute("SELECT deck_id, key, title, topic, pass_mark FROM quizzes "
                                "WHERE retired = 0 ORDER BY deck_id, position")]


def _scheduler(settings: StudySettings) -> dict[str, Any]:
    # A report recomputes recall from stabilities; it needs the curve they were made with.
    from trainer.study.fsrs_adapter import make_scheduler

    return {"desired_retention": settings.desired_retention,
            "parameters": [float(v) for v in make_scheduler(settings, fuzz=False).parameters]}


def plain_prompt(markdown: str, limit: int = MAX_PROMPT) -> str:
    """Deck Markdown as one line of plain text, cut at a word to at most ``limit``
    characters (ending in "…" when cut)."""
    # Rendered and sanitized first, so raw HTML and scripts in the deck leave no trace.
    text = html.unescape(nh3.clean(render_markdown(markdown), tags=set()))
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def _items(db: Store) -> list[dict[str, Any]]:
    # items.front is a card's front and a question's prompt (the rest of a question
    # is in items.body as JSON; the prompt alone identifies it in a report).
    rows = db.execute(
        "SELECT i.deck_id, i.key, i.kind, i.topic, i.front, s.phase, s.stability, "
        "s.difficulty, s.due, s.last_review, s.reps, s.lapses, i.retired FROM items i "
        "LEFT JOIN item_state s ON s.item_id = i.id ORDER BY i.deck_id, i.position, i.id")
    return [{"deck": r[0], "id": r[1], "kind": r[2], "topic": r[3],
             "prompt": plain_prompt(r[4]), "phase": r[5] or 0, "stability": r[6],
             "difficulty": r[7], "due": r[8], "last_review": r[9], "reps": r[10] or 0,
             "lapses": r[11] or 0, "retired": bool(r[12])} for r in rows]


def _reviews(db: Store) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT r.deck_id, i.key, r.reviewed_at, r.rating, r.duration_ms, r.phase_before, "
        "r.deck_version FROM reviews r JOIN items i ON i.id = r.item_id "
        "ORDER BY r.reviewed_at, r.id")
    return [{"deck": r[0], "item": r[1], "at": r[2], "rating": r[3], "duration_ms": r[4],
             "phase_before": r[5], "deck_version": r[6]} for r in rows]


_ANSWER_COLUMNS = (
    "SELECT a.attempt_id, i.deck_id, i.key, i.kind, i.topic, a.position, a.response, "
    "a.certainty, a.score, a.correct, a.marks, a.duration_ms, a.answered_at, a.deck_version "
    "FROM quiz_answers a JOIN items i ON i.id = a.item_id ")


def _answer(r: Any) -> dict[str, Any]:
    return {"item": r[2], "kind": r[3], "topic": r[4], "position": r[5],
            "response": json.loads(r[6]), "certainty": r[7], "score": r[8],
            "correct": bool(r[9]), "marks": r[10], "duration_ms": r[11], "answered_at": r[12]}


def _quiz_attempts(db: Store) -> list[dict[str, Any]]:
    answers: dict[int, list[dict[str, Any]]] = {}
    for r in db.execute(_ANSWER_COLUMNS + "WHERE a.attempt_id IS NOT NULL "
                        "ORDER BY a.attempt_id, a.position, a.id"):
        answers.setdefault(r[0], []).append(_answer(r))
    rows = db.execute(
        "SELECT id, deck_id, quiz_key, kind, deck_version, started_at, finished_at, "
        "discarded_at, pass_mark, certainty, json_array_length(plan) FROM quiz_attempts "
        "ORDER BY started_at, id").fetchall()
    return [{"id": r[0], "deck": r[1], "quiz": r[2], "kind": r[3], "deck_version": r[4],
             "started_at": r[5], "finished_at": r[6], "discarded": r[7] is not None,
             "pass_mark": r[8], "certainty": bool(r[9]), "questions": r[10],
             "answers": answers.get(r[0], [])} for r in rows]


def _study_answers(db: Store) -> list[dict[str, Any]]:
    """Questions answered in daily study, outside any quiz attempt."""
    # No position: outside an attempt there is no order of questions to place it in.
    return [{"deck": r[1], "deck_version": r[13],
             **{k: v for k, v in _answer(r).items() if k != "position"}}
            for r in db.execute(_ANSWER_COLUMNS + "WHERE a.attempt_id IS NULL "
                                "ORDER BY a.answered_at, a.id")]


def _practice(db: Store) -> list[dict[str, Any]]:
    """Every practice reply, with each rubric check as it was marked. ``counted`` is
    false for a reply whose answer was undone (kept: it is what the rep wrote)."""
    out = []
    for r in db.execute(
            "SELECT i.deck_id, i.key, i.topic, i.body, p.answered_at, p.mode, p.reply, "
            "p.met, p.checks, p.rating, p.duration_ms, p.deck_version, "
            "p.review_id IS NOT NULL FROM practice_replies p JOIN items i ON i.id = p.item_id "
            "ORDER BY p.answered_at, p.id"):
        wording = {c["id"]: c["text"] for c in json.loads(r[3] or "{}").get("checks", [])}
        met = set(json.loads(r[7]))
        reply = r[6]
        if reply is not None and len(reply) > MAX_REPLY:
            reply = reply[:MAX_REPLY - 1] + "…"
        out.append({
            "deck": r[0], "item": r[1], "topic": r[2], "answered_at": r[4], "mode": r[5],
            "reply": reply,
            "checks": [{"id": c, "text": wording.get(c, c), "met": c in met}
                       for c in json.loads(r[8])],
            "rating": r[9], "duration_ms": r[10], "deck_version": r[11],
            "counted": bool(r[12])})
    return out


def _my_cards(db: Store) -> list[dict[str, Any]]:
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


def _assessments(db: Store) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT id, deck_id, assessment_key, deck_version, started_at, finished_at, scores "
        "FROM assessment_attempts WHERE finished_at IS NOT NULL ORDER BY finished_at, id"
    ).fetchall()
    out = []
    for attempt_id, deck_id, key, version, started, finished, scores in rows:
        choices = dict(db.execute(
            "SELECT statement_key, choice FROM assessment_answers WHERE attempt_id = ? "
            "ORDER BY statement_key", [attempt_id]).fetchall())
        out.append({"id": attempt_id, "deck": deck_id, "assessment": key,
                    "deck_version": version, "started_at": started, "finished_at": finished,
                    "scores": json.loads(scores) if scores else {},
                    "topics": _dimension_topics(db, deck_id, key), "choices": choices})
    return out


def _paths(db: Store, clock: Clock, settings: StudySettings) -> list[dict[str, Any]]:
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


def build_export(db: Store, clock: Clock, display_name: str | None = None, *,
                 settings: StudySettings | None = None) -> dict[str, Any]:
    """The progress export of the profile as a JSON-ready dict.

    ``display_name``, when given, is stored first (an empty one removes the stored
    name). ``settings`` sets the study day used for learning paths (default: the
    profile's day start in the computer's time zone).
    """
    if display_name is not None:
        set_display_name(db, display_name)
    return _build(db, clock, settings, stored_display_name(db))


def _build(db: Store, clock: Clock, settings: StudySettings | None,
           display_name: str | None) -> dict[str, Any]:
    if settings is None:
        from trainer.study.stored_settings import usable_settings

        settings = usable_settings(db)
    learner = learner_id(db)  # may write the id on first use, so before the snapshot
    # A read snapshot, not a write transaction: the export sees one moment while a
    # window studying meanwhile goes on committing answers.
    # The file is read by a trainer's cohort report and by tools: its words (path step
    # titles, progress) are English whatever language the rep's window speaks.
    with db.snapshot(), in_english():
        return _read(db, clock, settings, learner, display_name)


def _read(db: Store, clock: Clock, settings: StudySettings, learner: str,
          display_name: str | None) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": to_db(clock()),
        "app_version": __version__,
        "learner": {"id": learner, "display_name": display_name},
        "decks": _decks(db),
        "items": _items(db),
        "reviews": _reviews(db),
        "quiz_attempts": _quiz_attempts(db),
        "study_answers": _study_answers(db),
        "assessments": _assessments(db),
        "practice": _practice(db),
        "my_cards": _my_cards(db),
        "paths": _paths(db, clock, settings),
        "quizzes": _quizzes(db),
        "scheduler": _scheduler(settings),
    }


def export_text(data: object) -> str:
    """JSON laid out one record per line: a person can still read and grep it, and a
    heavy rep's log takes about a third less room than indented JSON, which also makes
    a cohort of them faster to read."""
    if not isinstance(data, dict):
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    fields = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            inner = ",\n".join(f"    {one(record)}" for record in value)
            fields.append(f"  {one(key)}: [\n{inner}\n  ]")
        else:
            fields.append(f"  {one(key)}: {one(value)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


def write_json_atomically(path: Path, data: object) -> None:
    """Write ``data`` as UTF-8 JSON so that a failed write leaves neither half a file nor
    a temporary one, and an earlier file at ``path`` stays as it was.

    Raises TrainerError naming the path when it cannot be written.
    """
    path = Path(path)
    if path.is_dir():
        raise TrainerError(ProgressExportText.tr(
            "{path}: is a folder; give a file name to write").format(path=path))
    text = export_text(data)
    write_files({path: text.encode("utf-8")}, "the progress export")


def write_export(db: Store, clock: Clock, path: Path, display_name: str | None = None, *,
                 settings: StudySettings | None = None) -> dict[str, Any]:
    """Build the progress export and write it to ``path``; returns what was written.

    If the file cannot be written, the display name given is not stored either.
    """
    # The name is checked first but stored only once the file is written, so a failed
    # export changes nothing, and no write lock is held while the file is made.
    name = stored_display_name(db) if display_name is None else (
        clean_display_name(display_name) or None)
    export = _build(db, clock, settings, name)
    write_json_atomically(path, export)
    if display_name is not None:
        set_display_name(db, display_name)
    return export


def counts_line(answers: int, attempts: int, assessments: int) -> str:
    """E.g. "16 answers, 1 quiz attempt, 2 self-assessments"."""
    return ", ".join((ProgressExportText.tr("%Ln answer(s)", "", answers),
                      ProgressExportText.tr("%Ln quiz attempt(s)", "", attempts),
                      ProgressExportText.tr("%Ln self-assessment(s)", "", assessments)))


def profile_counts(db: Store) -> tuple[int, int, int]:
    """Answers in the review log, quiz attempts and finished self-assessments."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM reviews), (SELECT count(*) FROM quiz_attempts), "
        "(SELECT count(*) FROM assessment_attempts WHERE finished_at IS NOT NULL)").fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def summary(export: dict[str, Any]) -> str:
    """One line saying how much an export holds."""
    return counts_line(len(export["reviews"]), len(export["quiz_attempts"]),
                       len(export["assessments"]))


def default_file_name(label: str, when: datetime) -> str:
    """``progress-<label>-<local date>.json``, the label (a display name or learner id)
    reduced to letters, digits and hyphens so the name is safe on every file system."""
    safe = "".join(c if c.isalnum() else "-" for c in label.lower())
    safe = "-".join(part for part in safe.split("-") if part)[:40].strip("-") or "learner"
    return f"progress-{safe}-{when.astimezone():%Y-%m-%d}.json"
