"""The SQL behind the statistics: aggregates over indexed columns, one scope at a time.

Every function returns counts and sums, never rows to loop over: a profile with a
million answers is summed by SQLite from the index migration 0004 built for this.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from trainer.storage.store import Store
from trainer.storage.timefmt import to_db

# Whether an answered item was mature (migration 0004 added the column to the index).
MATURE = "mature"


@dataclass(frozen=True)
class ScopeFilter:
    """A deck, a topic, both or neither, as SQL conditions."""

    deck: str | None = None
    topic: str | None = None

    def where(self, deck_column: str = "deck_id", item_column: str = "item_id",
              topic_column: str | None = None) -> tuple[str, list[object]]:
        """``AND ...`` conditions (or nothing) and their parameters. ``topic_column``
        names a column holding the topic on the row itself (the answers have one)."""
        sql, args = "", list[object]()
        if self.deck is not None:
            sql += f" AND {deck_column} = ?"
            args.append(self.deck)
        if self.topic is not None:
            # Elsewhere looked up row by row: an IN list of a large topic's items would
            # be built again for every day counted, and could lure SQLite off an index.
            sql += (f" AND {topic_column} = ?" if topic_column is not None else
                    f" AND (SELECT topic FROM items WHERE items.id = {item_column}) = ?")
            args.append(self.topic)
        return sql, args


@dataclass(frozen=True)
class AnswerGroup:
    """Answers that share a phase before the answer, a rating and maturity."""

    phase_before: int
    rating: int
    mature: bool
    count: int
    duration_ms: int


def answer_groups(db: Store, scope: ScopeFilter, start: datetime, end: datetime
                  ) -> list[AnswerGroup]:
    """Answers given in ``[start, end)``, counted by phase, rating and maturity."""
    # Migration 0011 put the topic on each answer and indexed it with the time, so one
    # topic's answers are a range of reviews_topic.
    cond, args = scope.where(topic_column="reviews.topic")
    rows = db.execute(
        f"SELECT phase_before, rating, {MATURE} AS mature, count(*), total(duration_ms) "
        f"FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ?{cond} "
        "GROUP BY phase_before, rating, mature", [to_db(start), to_db(end), *args])
    return [AnswerGroup(r[0], r[1], bool(r[2]), r[3], int(r[4])) for r in rows]


def _deck_ids(db: Store, scope: ScopeFilter) -> list[str]:
    if scope.deck is not None:
        return [scope.deck]
    return [r[0] for r in db.execute("SELECT id FROM decks ORDER BY id")]


def _due_query(db: Store, scope: ScopeFilter, phases: Sequence[int]) -> tuple[str, list[object]]:
    decks = _deck_ids(db, scope) or [""]
    topic_cond, topic_args = ScopeFilter(topic=scope.topic).where(
        topic_column="item_state.topic")
    # Naming every deck lets SQLite walk item_state_due (deck_id, active, phase, due),
    # or with a topic item_state_topic (topic, active, deck_id, phase, due).
    return (f"FROM item_state WHERE deck_id IN ({', '.join('?' * len(decks))}) AND active = 1 "
            f"AND phase IN ({', '.join('?' * len(phases))}){topic_cond}",
            [*decks, *phases, *topic_args])


def due_count(db: Store, scope: ScopeFilter, phases: Sequence[int], before: datetime) -> int:
    """Active items in ``phases`` due before ``before``."""
    sql, args = _due_query(db, scope, phases)
    return int(db.execute(f"SELECT count(*) {sql} AND due < ?",
                          [*args, to_db(before)]).fetchone()[0])


def due_by_day(db: Store, scope: ScopeFilter, phases: Sequence[int], ends: Sequence[datetime]
               ) -> list[int]:
    """Active items in ``phases`` due before ``ends[0]`` (overdue included), then in each
    ``[ends[n - 1], ends[n])``."""
    sql, args = _due_query(db, scope, phases)
    bucket = " ".join(f"WHEN due < ? THEN {n}" for n in range(len(ends)))
    counts = [0] * len(ends)
    for n, count in db.execute(
            f"SELECT CASE {bucket} END AS n, count(*) {sql} AND due < ? GROUP BY n",
            [*(to_db(e) for e in ends), *args, to_db(ends[-1])]):
        counts[n] = count
    return counts


@dataclass(frozen=True)
class MasteryRow:
    """One topic's items, how many were ever answered, and their recall now."""

    topic: str
    items: int
    seen: int
    mean_recall: float | None
    at_target: int


def mastery_rows(db: Store, scope: ScopeFilter, now: datetime, *, factor: float,
                 decay: float, target: float) -> list[MasteryRow]:
    """Per topic: py-fsrs's recall probability (1 + factor * days / S) ** decay, with
    days the whole days since the last answer, averaged over the items answered."""
    cond, args = scope.where(topic_column="topic")
    # The item's topic is on its state (migration 0012): item_state_topic holds every
    # column read here, in topic order, so no item row is read and nothing is sorted.
    rows = db.execute(
        "SELECT topic, count(*), sum(phase > 0), avg(recall), total(recall >= ?) "
        "FROM (SELECT topic, phase, CASE WHEN phase > 0 AND stability > 0 THEN pow(1.0 + ? "
        # Whole days as py-fsrs counts them, in arithmetic any SQLite has (unixepoch()
        # came in 3.38): seconds rounded from julianday, then divided whole.
        "* max(0, CAST((julianday(?) - julianday(last_review)) * 86400 + 0.5 AS INTEGER) "
        "/ 86400) / stability, ?) END AS recall FROM item_state INDEXED BY item_state_topic "
        "WHERE topic IS NOT NULL AND active = 1" + cond + ") GROUP BY topic ORDER BY topic",
        [target, factor, to_db(now), decay, *args])
    return [MasteryRow(r[0], r[1], r[2], r[3], int(r[4])) for r in rows]


@dataclass(frozen=True)
class QuizTopicRow:
    """One finished attempt's answers on one topic."""

    attempt: int
    finished_at: str
    quiz: str
    topic: str
    answers: int
    mean_score: float


def quiz_topic_rows(db: Store, scope: ScopeFilter, start: datetime, end: datetime
                    ) -> list[QuizTopicRow]:
    """Finished whole-quiz attempts in ``[start, end)``, scored per question topic."""
    cond, args = scope.where("t.deck_id", "a.item_id")
    rows = db.execute(
        "SELECT t.id, t.finished_at, coalesce(q.title, t.quiz_key), i.topic, count(*), "
        "avg(a.score) FROM quiz_attempts t JOIN quiz_answers a ON a.attempt_id = t.id "
        "JOIN items i ON i.id = a.item_id "
        "LEFT JOIN quizzes q ON q.deck_id = t.deck_id AND q.key = t.quiz_key "
        "WHERE t.kind = 'quiz' AND t.finished_at >= ? AND t.finished_at < ?" + cond +
        " GROUP BY t.id, i.topic ORDER BY i.topic, t.finished_at, t.id",
        [to_db(start), to_db(end), *args])
    return [QuizTopicRow(*r) for r in rows]


def certainty_counts(db: Store, scope: ScopeFilter, start: datetime, end: datetime
                     ) -> list[tuple[int, float, int]]:
    """Quiz answers in ``[start, end)`` given with a certainty: (level, credit, count).
    Credits are few distinct values (0, 1 and the partial ones a deck's questions give)."""
    cond, args = scope.where("i.deck_id", "a.item_id")
    rows = db.execute(
        # CROSS JOIN keeps the answers outside: SQLite would otherwise walk a topic's
        # every item (a hundred thousand in a large deck) to find their few answers.
        "SELECT a.certainty, a.score, count(*) FROM quiz_answers a "
        "CROSS JOIN items i ON i.id = a.item_id WHERE a.certainty IS NOT NULL "
        "AND a.answered_at >= ? AND a.answered_at < ?" + cond +
        " GROUP BY a.certainty, a.score", [to_db(start), to_db(end), *args])
    return [(int(r[0]), float(r[1]), int(r[2])) for r in rows]


@dataclass(frozen=True)
class AssessmentRow:
    """A finished self-assessment attempt with the assessment it answered."""

    deck: str
    key: str
    finished_at: str
    scores: str
    body: str


def assessment_rows(db: Store, deck: str | None, start: datetime, end: datetime
                    ) -> list[AssessmentRow]:
    """Self-assessments finished in ``[start, end)``, oldest first."""
    sql = ("SELECT t.deck_id, t.assessment_key, t.finished_at, t.scores, s.body "
           "FROM assessment_attempts t JOIN assessments s ON s.deck_id = t.deck_id "
           "AND s.key = t.assessment_key WHERE t.finished_at >= ? AND t.finished_at < ? "
           "AND t.scores IS NOT NULL")
    args: list[object] = [to_db(start), to_db(end)]
    if deck is not None:
        sql += " AND t.deck_id = ?"
        args.append(deck)
    return [AssessmentRow(*r) for r in db.execute(sql + " ORDER BY t.finished_at, t.id", args)]
