"""Self-assessments and their attempts in the profile database."""

from __future__ import annotations

import json
from datetime import datetime
from typing import NamedTuple

from trainer.domain.quiz import Assessment
from trainer.domain.quiz_codec import assessment_from_json
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db


class AssessmentAttemptRow(NamedTuple):
    """One attempt: its choices so far and, once finished, its dimension scores."""

    id: int
    deck_id: str
    key: str
    started_at: str
    finished_at: str | None
    choices: dict[str, int]
    scores: dict[str, float | None]


class AssessmentRepository:
    """SQL for self-assessments."""

    def __init__(self, db: Store) -> None:
        self.db = db

    def assessments(self) -> list[tuple[str, Assessment]]:
        """Installed assessments as (deck id, assessment)."""
        return [(r[0], assessment_from_json(json.loads(r[1]))) for r in self.db.execute(
            "SELECT deck_id, body FROM assessments WHERE retired = 0 ORDER BY deck_id, position")]

    def assessment(self, deck_id: str, key: str) -> Assessment:
        """One assessment."""
        row = self.db.execute("SELECT body FROM assessments WHERE deck_id = ? AND key = ?",
                              [deck_id, key]).fetchone()
        if row is None:
            raise KeyError(f"no self-assessment '{key}' in deck '{deck_id}'")
        return assessment_from_json(json.loads(row[0]))

    def start(self, deck_id: str, key: str, at: datetime) -> int:
        """A new attempt."""
        with self.db.atomic():
            version = self.db.execute("SELECT version FROM decks WHERE id = ?",
                                      [deck_id]).fetchone()[0]
            cur = self.db.execute(
                "INSERT INTO assessment_attempts (deck_id, assessment_key, deck_version, "
                "started_at) VALUES (?, ?, ?, ?)", [deck_id, key, version, to_db(at)])
        return int(cur.lastrowid or 0)

    def answer(self, attempt_id: int, statement: str, choice: int, at: datetime) -> None:
        """Commit one choice (changing it replaces the earlier one)."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO assessment_answers (attempt_id, statement_key, choice, answered_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (attempt_id, statement_key) "
                "DO UPDATE SET choice = excluded.choice, answered_at = excluded.answered_at",
                [attempt_id, statement, choice, to_db(at)])

    def finish(self, attempt_id: int, scores: dict[str, float | None], at: datetime) -> None:
        """Store the dimension scores and close the attempt."""
        with self.db.atomic():
            self.db.execute(
                "UPDATE assessment_attempts SET finished_at = ?, scores = ? WHERE id = ?",
                [to_db(at), json.dumps(scores), attempt_id])

    def attempts(self, deck_id: str, key: str, *, finished: bool = True
                 ) -> list[AssessmentAttemptRow]:
        """Attempts of an assessment, oldest first."""
        condition = "IS NOT NULL" if finished else "IS NULL"
        rows = self.db.execute(
            "SELECT id, started_at, finished_at, scores FROM assessment_attempts "
            f"WHERE deck_id = ? AND assessment_key = ? AND finished_at {condition} ORDER BY id",
            [deck_id, key]).fetchall()
        out = []
        for attempt_id, started, ended, scores in rows:
            choices = dict(self.db.execute(
                "SELECT statement_key, choice FROM assessment_answers WHERE attempt_id = ?",
                [attempt_id]).fetchall())
            out.append(AssessmentAttemptRow(attempt_id, deck_id, key, started, ended, choices,
                                            json.loads(scores) if scores else {}))
        return out
