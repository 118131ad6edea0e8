"""Quizzes, attempts and raw answers in the profile database."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, NamedTuple

from trainer.domain.quiz import Question
from trainer.domain.scoring import Response, certainty_marks, is_correct, score
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db


class QuizRow(NamedTuple):
    """An installed quiz."""

    deck_id: str
    key: str
    title: str
    topic: str
    description: str
    pass_mark: int
    draw: int | None
    shuffle: bool
    certainty: bool
    question_keys: tuple[str, ...]


class AttemptRow(NamedTuple):
    """A quiz attempt as stored; ``plan`` lists each asked question and its option order."""

    id: int
    deck_id: str
    quiz_key: str
    kind: str
    deck_version: str
    plan: list[dict[str, Any]]
    certainty: bool
    pass_mark: int
    started_at: str
    finished_at: str | None


class AnswerRow(NamedTuple):
    """One stored answer of an attempt."""

    position: int
    item_id: int
    response: Response
    certainty: int | None
    score: float
    correct: bool
    marks: float | None
    duration_ms: int


_QUIZ_COLUMNS = ("deck_id, key, title, topic, description, pass_mark, draw, shuffle, "
                 "certainty, questions")
_ATTEMPT_COLUMNS = ("id, deck_id, quiz_key, kind, deck_version, plan, certainty, pass_mark, "
                    "started_at, finished_at")


def _quiz(row: Any) -> QuizRow:
    return QuizRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], bool(row[7]),
                   bool(row[8]), tuple(json.loads(row[9])))


def _attempt(row: Any) -> AttemptRow:
    return AttemptRow(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), bool(row[6]),
                      row[7], row[8], row[9])


class QuizRepository:
    """SQL for quizzes; the quiz service decides, this reads and writes."""

    def __init__(self, db: Store) -> None:
        self.db = db

    def quizzes(self, deck_id: str | None = None) -> list[QuizRow]:
        """Installed quizzes (not retired), in deck order."""
        sql = f"SELECT {_QUIZ_COLUMNS} FROM quizzes WHERE retired = 0"
        args: list[object] = []
        if deck_id is not None:
            sql += " AND deck_id = ?"
            args.append(deck_id)
        return [_quiz(r) for r in self.db.execute(sql + " ORDER BY deck_id, position", args)]

    def quiz(self, deck_id: str, key: str) -> QuizRow:
        """One quiz."""
        row = self.db.execute(f"SELECT {_QUIZ_COLUMNS} FROM quizzes WHERE deck_id = ? AND key = ?",
                              [deck_id, key]).fetchone()
        if row is None:
            raise KeyError(f"no quiz '{key}' in deck '{deck_id}'")
        return _quiz(row)

    def questions(self, deck_id: str, keys: list[str] | tuple[str, ...]
                  ) -> dict[str, tuple[int, Question]]:
        """Item id and question for each key (retired questions are left out)."""
        marks = ", ".join("?" for _ in keys)
        rows = self.db.execute(
            f"SELECT id, key, topic, source, body FROM items WHERE deck_id = ? AND key IN ({marks})"
            " AND retired = 0 AND body IS NOT NULL", [deck_id, *keys])
        return {r[1]: (r[0], Question.from_json(r[1], r[2], r[3], json.loads(r[4])))
                for r in rows}

    def question_by_item(self, item_id: int) -> Question:
        """The question stored as item ``item_id``."""
        row = self.db.execute("SELECT key, topic, source, body FROM items WHERE id = ?",
                              [item_id]).fetchone()
        if row is None or row[3] is None:
            raise KeyError(item_id)
        return Question.from_json(row[0], row[1], row[2], json.loads(row[3]))

    def deck_version(self, deck_id: str) -> str:
        """The installed version of a deck."""
        return str(self.db.execute("SELECT version FROM decks WHERE id = ?",
                                   [deck_id]).fetchone()[0])

    def create_attempt(self, *, deck_id: str, quiz_key: str, kind: str, plan: list[dict[str, Any]],
                       certainty: bool, pass_mark: int, at: datetime) -> int:
        """Store a new attempt with the questions it will ask, in order."""
        with self.db.atomic():
            cur = self.db.execute(
                "INSERT INTO quiz_attempts (deck_id, quiz_key, kind, deck_version, plan, "
                "certainty, pass_mark, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [deck_id, quiz_key, kind, self.deck_version(deck_id), json.dumps(plan),
                 int(certainty), pass_mark, to_db(at)])
        return int(cur.lastrowid or 0)

    def attempt(self, attempt_id: int) -> AttemptRow:
        """One attempt."""
        row = self.db.execute(f"SELECT {_ATTEMPT_COLUMNS} FROM quiz_attempts WHERE id = ?",
                              [attempt_id]).fetchone()
        if row is None:
            raise KeyError(attempt_id)
        return _attempt(row)

    def open_attempts(self, started_before: str | None = None) -> list[AttemptRow]:
        """Attempts neither finished nor discarded: an interrupted quiz to resume; only
        those started before ``started_before`` (a stored time) if it is given."""
        return [_attempt(r) for r in self.db.execute(
            f"SELECT {_ATTEMPT_COLUMNS} FROM quiz_attempts WHERE finished_at IS NULL "
            "AND discarded_at IS NULL AND (? IS NULL OR started_at < ?) ORDER BY id",
            [started_before, started_before])]

    def finished_attempts(self, deck_id: str, quiz_key: str) -> list[AttemptRow]:
        """Finished attempts of a quiz, oldest first."""
        return [_attempt(r) for r in self.db.execute(
            f"SELECT {_ATTEMPT_COLUMNS} FROM quiz_attempts WHERE deck_id = ? AND quiz_key = ? "
            "AND finished_at IS NOT NULL ORDER BY id", [deck_id, quiz_key])]

    def answers(self, attempt_id: int) -> list[AnswerRow]:
        """Answers of an attempt, in the order asked."""
        return [
            AnswerRow(r[0], r[1], Response.from_json(json.loads(r[2])), r[3], r[4], bool(r[5]),
                      r[6], r[7])
            for r in self.db.execute(
                "SELECT position, item_id, response, certainty, score, correct, marks, "
                "duration_ms FROM quiz_answers WHERE attempt_id = ? ORDER BY position",
                [attempt_id])
        ]

    def record_answer(self, *, attempt_id: int | None, review_id: int | None, item_id: int,
                      position: int, response: Response, certainty: int | None, credit: float,
                      correct: bool, marks: float | None, duration_ms: int, at: datetime,
                      deck_version: str) -> None:
        """Store one raw answer (the caller holds the transaction)."""
        self.db.execute(
            "INSERT INTO quiz_answers (attempt_id, review_id, item_id, position, response, "
            "certainty, score, correct, marks, duration_ms, answered_at, deck_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [attempt_id, review_id, item_id, position, json.dumps(response.to_json()), certainty,
             credit, int(correct), marks, duration_ms, to_db(at), deck_version])

    def finish(self, attempt_id: int, at: datetime) -> None:
        """Mark an attempt finished."""
        with self.db.atomic():
            self.db.execute("UPDATE quiz_attempts SET finished_at = ? WHERE id = ?",
                            [to_db(at), attempt_id])

    def discard(self, attempt_id: int, at: datetime) -> None:
        """Give up an interrupted attempt (its answers stay in the history)."""
        with self.db.atomic():
            self.db.execute("UPDATE quiz_attempts SET discarded_at = ? WHERE id = ?",
                            [to_db(at), attempt_id])

    def rescore(self, item_id: int, question: Question) -> int:
        """Recompute stored scores of a question after its key changed; returns how many."""
        changed = self._rescored(item_id, question)
        for answer_id, credit, certainty in changed:
            self.db.execute(
                "UPDATE quiz_answers SET score = ?, correct = ?, marks = ? WHERE id = ?",
                [credit, int(is_correct(credit)),
                 None if certainty is None else certainty_marks(credit, certainty),
                 answer_id])
        return len(changed)

    def remarked(self, item_id: int, question: Question) -> int:
        """How many stored answers ``question`` (a new version of the item's) would mark
        differently; writes nothing."""
        return len(self._rescored(item_id, question))

    def _rescored(self, item_id: int, question: Question
                  ) -> list[tuple[int, float, int | None]]:
        """(answer id, new score, certainty) of each answer whose score would change."""
        out = []
        for answer_id, raw, certainty, old in self.db.execute(
                "SELECT id, response, certainty, score FROM quiz_answers WHERE item_id = ?",
                [item_id]).fetchall():
            credit = score(question, Response.from_json(json.loads(raw)))
            if abs(credit - old) > 1e-9:
                out.append((int(answer_id), credit, certainty))
        return out

    def best_scores(self) -> dict[tuple[str, str], float]:
        """Best percent score of finished whole-quiz attempts, by (deck id, quiz id)."""
        rows = self.db.execute(
            "SELECT t.deck_id, t.quiz_key, max(s.total * 100.0 / json_array_length(t.plan)) "
            "FROM quiz_attempts t JOIN (SELECT attempt_id, sum(score) AS total FROM quiz_answers "
            "WHERE attempt_id IS NOT NULL GROUP BY attempt_id) s ON s.attempt_id = t.id "
            "WHERE t.finished_at IS NOT NULL AND t.kind = 'quiz' GROUP BY t.deck_id, t.quiz_key")
        return {(r[0], r[1]): float(r[2]) for r in rows}

    def topic_accuracy(self, topic: str, until: str | None = None
                       ) -> tuple[int, float] | None:
        """How many quiz answers on a topic (given up to ``until``, a stored time, when
        it is given), and the share that were right."""
        row = self.db.execute(
            "SELECT count(*), avg(a.correct) FROM quiz_answers a JOIN items i ON i.id = a.item_id "
            "WHERE i.topic = ? AND (? IS NULL OR a.answered_at <= ?)",
            [topic, until, until]).fetchone()
        return None if not row[0] else (int(row[0]), float(row[1]))
