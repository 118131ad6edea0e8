"""Installing and updating decks, matching items by their stable id.

Edited items keep their history and scheduling; new ones arrive as new; items no
longer in the deck are retired (hidden, history kept) and come back if re-added.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from trainer.clock import Clock
from trainer.domain.deck import Deck
from trainer.domain.quiz import Question
from trainer.domain.quiz_codec import assessment_to_json

# Kept importable from here: the deck list and its query live in deck_rows.py.
from trainer.storage.deck_rows import DeckRow, list_decks  # noqa: F401
from trainer.storage.origins_repo import move_items
from trainer.storage.quiz_repo import QuizRepository
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db

Progress = Callable[[int, int], bool | None]
_BATCH = 500  # rows written per statement (and between progress reports)


class InstallCancelled(Exception):
    """The user cancelled an install; the transaction was rolled back."""


class PlanOutdated(Exception):
    """An item the plan moves into the deck was no longer where the plan saw it; the
    transaction was rolled back."""


@dataclass
class InstallPlan:
    """What installing a deck would change, computed before anything is written."""

    deck_id: str
    version_from: str | None
    version_to: str
    title_from: str | None = None  # the installed deck's title
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    # The rows to write, computed once while planning.
    rows: list[tuple[str, dict[str, object]]] = field(default_factory=list, repr=False)
    # Installed items that come into this deck from another (a note moved in Anki):
    # key here -> (item id, the deck it is in now). They count as updated, unchanged or
    # restored, never new: they keep their id, schedule and answers.
    moved_in: dict[str, tuple[int, str]] = field(default_factory=dict)
    # Updated questions whose corrected key marks answers already given differently:
    # question id -> how many answers.
    remarked: dict[str, int] = field(default_factory=dict)

    @property
    def changes_anything(self) -> bool:
        """False when the deck is already installed exactly as given."""
        return bool(self.new or self.updated or self.retired or self.restored) or (
            self.version_from != self.version_to
        )


@lru_cache(maxsize=1024)  # most items share their tags with many others
def _tags_json(tags: tuple[str, ...]) -> str:
    # Unescaped, so the browser's text search finds "Verkäufer" among the tags too.
    return json.dumps(list(tags), ensure_ascii=False) if tags else "[]"


def _item_rows(deck: Deck) -> list[tuple[str, dict[str, object]]]:
    """Every schedulable item of a deck, cards first, then practice items, then
    questions, as (stable id, column values)."""
    rows: list[tuple[str, dict[str, object]]] = [
        (card.id, {"kind": "card", "topic": card.topic,
                   "tags": _tags_json(card.tags),
                   "front": card.front, "back": card.back, "source": card.source, "body": None})
        for card in deck.cards
    ]
    # Practice items come after the cards they practise, in the daily new queue.
    rows += [
        (item.id, {"kind": "practice", "topic": item.topic,
                   "tags": _tags_json(item.tags),
                   "front": item.prospect or item.situation, "back": item.model,
                   "source": item.source,
                   "body": json.dumps(item.to_json(), sort_keys=True)})
        for item in deck.practice
    ]
    for quiz in deck.quizzes:
        for question in quiz.questions:
            rows.append((question.id, {
                "kind": str(question.type), "topic": question.topic,
                "tags": _tags_json(question.tags),
                "front": question.prompt, "back": question.explanation,
                "source": question.source,
                "body": json.dumps(question.to_json(), sort_keys=True),
            }))
    return rows


_CONTENT = ("kind", "topic", "tags", "front", "back", "source", "body")


def plan_install(db: Store, deck: Deck) -> InstallPlan:
    """Compare ``deck`` with what is installed; write nothing."""
    row = db.execute("SELECT version, title FROM decks WHERE id = ?", [deck.id]).fetchone()
    plan = InstallPlan(deck.id, row[0] if row else None, deck.version,
                       row[1] if row else None)
    existing = {
        r[0]: (r[1], list(r[2:]))
        for r in db.execute(
            f"SELECT key, retired, {', '.join(_CONTENT)} FROM items WHERE deck_id = ?",
            [deck.id],
        )
    }
    incoming = set()
    plan.rows = _item_rows(deck)
    for key, values in plan.rows:
        incoming.add(key)
        old = existing.get(key)
        if old is None:
            plan.new.append(key)
        elif old[0]:
            plan.restored.append(key)
        elif old[1] != [values[c] for c in _CONTENT]:
            plan.updated.append(key)
        else:
            plan.unchanged.append(key)
    plan.retired = sorted(k for k, v in existing.items() if k not in incoming and not v[0])
    repo = QuizRepository(db)
    for item_id, question in _updated_questions(db, deck, plan.updated):
        count = repo.remarked(item_id, question)
        if count:
            plan.remarked[question.id] = count
    return plan


def _updated_questions(db: Store, deck: Deck, updated: list[str]
                       ) -> Iterator[tuple[int, Question]]:
    """The installed item id and new version of each of ``deck``'s questions whose
    content changed (``updated``)."""
    changed = set(updated)
    for quiz in deck.quizzes if changed else ():
        for question in quiz.questions:
            if question.id in changed:
                row = db.execute("SELECT id FROM items WHERE deck_id = ? AND key = ?",
                                 [deck.id, question.id]).fetchone()
                if row is not None:
                    yield int(row[0]), question


def plan_moves(db: Store, plan: InstallPlan, moved: dict[str, tuple[int, str]]) -> None:
    """Count installed items the deck takes over from another (key here -> (item id, the
    deck it is in now)) as its own in ``plan``: compared by content, not new."""
    incoming = dict(plan.rows)
    for key, (item_id, source) in moved.items():
        row = db.execute(f"SELECT retired, {', '.join(_CONTENT)} FROM items WHERE id = ?",
                         [item_id]).fetchone()
        if row is None or key not in incoming or key not in plan.new:
            continue
        plan.new.remove(key)
        if row[0]:
            plan.restored.append(key)
        elif list(row[1:]) != [incoming[key][c] for c in _CONTENT]:
            plan.updated.append(key)
        else:
            plan.unchanged.append(key)
        plan.moved_in[key] = (item_id, source)


def install_deck(db: Store, deck: Deck, clock: Clock, *, builtin: bool = False,
                 progress: Progress | None = None, plan: InstallPlan | None = None
                 ) -> InstallPlan:
    """Install or update ``deck`` in one transaction; returns what changed.

    ``progress(done, total)`` is called as items are written; if it returns False the
    install stops with ``InstallCancelled`` and nothing is written. ``plan`` is one just
    made by ``plan_install`` for this deck (it is made here when not given).
    """
    plan = plan or plan_install(db, deck)
    now = to_db(clock())
    deck_row = {
        "title": deck.title,
        "version": deck.version,
        "description": deck.description,
        "authors": json.dumps(list(deck.authors)),
        "sources": json.dumps([s._asdict() for s in deck.sources]),
        "source_file": str(deck.path) if deck.path else None,
        "content_hash": deck.content_hash,
        "format": deck.format,
        "builtin": int(builtin),
        "updated_at": now,
    }
    with db.atomic():
        if plan.version_from is None:
            db.execute(
                "INSERT INTO decks (id, installed_at, " + ", ".join(deck_row) + ") VALUES (?, ?, "
                + ", ".join("?" for _ in deck_row) + ")",
                [deck.id, now, *deck_row.values()],
            )
        else:
            db.execute(
                "UPDATE decks SET " + ", ".join(f"{k} = ?" for k in deck_row) + " WHERE id = ?",
                [*deck_row.values(), deck.id],
            )
        if plan.moved_in and move_items(db, deck.id, {
                item_id: (source, key) for key, (item_id, source) in plan.moved_in.items()}):
            raise PlanOutdated(deck.id)
        _write_items(db, deck, plan, now, progress)
        _rescore_changed_questions(db, deck, plan.updated)
        _install_quizzes(db, deck)
        _install_assessments(db, deck)
        _install_paths(db, deck)
    return plan


def _write_items(db: Store, deck: Deck, plan: InstallPlan, now: str,
                 progress: Progress | None) -> None:
    """Bulk writes: new items inserted in batches, changed ones updated, the rest only
    moved if their position changed."""
    existing = {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT key, id, position FROM items WHERE deck_id = ?", [deck.id])}
    changed = set(plan.updated) | set(plan.restored)
    next_id = int(db.execute("SELECT coalesce(max(id), 0) FROM items").fetchone()[0]) + 1
    inserts: list[list[object]] = []
    updates: list[list[object]] = []
    moves: list[list[object]] = []
    for position, (key, row) in enumerate(plan.rows or _item_rows(deck)):
        old = existing.get(key)
        if old is None:
            inserts.append([next_id, deck.id, key, *(row[c] for c in _CONTENT), position, now,
                            now])
            next_id += 1
        elif key in changed:
            updates.append([*(row[c] for c in _CONTENT), position, now, old[0]])
        elif old[1] != position:
            moves.append([position, old[0]])
    total = len(inserts) + len(updates) + len(moves)
    done = 0
    columns = ", ".join(_CONTENT)
    row_marks = "(" + ", ".join("?" for _ in range(len(_CONTENT) + 6)) + ")"
    # Many rows to a statement: SQLite opens a savepoint for each statement, and at each
    # one the search index (FTS5, filled by a trigger) writes out what it has gathered,
    # so a row per statement left a segment per item to merge (nine tenths of an import).
    per_statement = _rows_per_statement(db, len(_CONTENT) + 6)
    for start in range(0, len(inserts), per_statement):
        batch = inserts[start:start + per_statement]
        db.conn.execute(
            f"INSERT INTO items (id, deck_id, key, {columns}, position, created_at, updated_at)"
            f" VALUES {', '.join([row_marks] * len(batch))}",
            [value for row in batch for value in row])
        # The new items' ids are a known range: one statement gives them all a state.
        db.execute(
            "INSERT INTO item_state (item_id, deck_id, position, in_new_queue, topic) "
            "SELECT id, deck_id, position, kind IN ('card', 'practice'), topic FROM items "
            "WHERE id BETWEEN ? AND ?",
            [batch[0][0], batch[-1][0]])
        done += len(batch)
        _report(progress, done, total)
    # (Questions are kept out of the new queue: they enter spaced repetition when first
    # answered in a quiz, not as new items in daily study.)
    _update_items(db, updates)
    # A suspended item stays out of study through any update.
    db.conn.executemany("UPDATE item_state SET active = NOT suspended, position = ? "
                        "WHERE item_id = ?", [[u[-3], u[-1]] for u in updates])
    db.conn.executemany("UPDATE items SET position = ? WHERE id = ?", moves)
    db.conn.executemany("UPDATE item_state SET position = ? WHERE item_id = ?", moves)
    _report(progress, total, total)
    retired = [[now, existing[k][0]] for k in plan.retired]
    db.conn.executemany("UPDATE items SET retired = 1, updated_at = ? WHERE id = ?", retired)
    db.conn.executemany("UPDATE item_state SET active = 0 WHERE item_id = ?",
                        [[r[1]] for r in retired])


def _update_items(db: Store, updates: list[list[object]]) -> None:
    """Write changed items (rows of content, position, time, id), many to a statement
    for the search index's sake, as inserts are."""
    names = ("id", *_CONTENT, "position", "updated_at")
    row_marks = "(" + ", ".join("?" for _ in names) + ")"
    per_statement = _rows_per_statement(db, len(names))
    for start in range(0, len(updates), per_statement):
        batch = updates[start:start + per_statement]
        db.conn.execute(
            f"WITH changed ({', '.join(names)}) AS (VALUES "
            f"{', '.join([row_marks] * len(batch))}) "
            f"UPDATE items SET ({', '.join(names[1:])}, retired) = "
            f"(SELECT {', '.join(names[1:])}, 0 FROM changed WHERE changed.id = items.id) "
            "WHERE id IN (SELECT id FROM changed)",
            [value for row in batch for value in (row[-1], *row[:-1])])


def _rows_per_statement(db: Store, columns: int) -> int:
    """How many rows of ``columns`` values one statement may carry here (SQLite's
    limit on values is 32,766 by default, 999 before 3.32)."""
    limit = db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(_BATCH, limit // columns))


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise InstallCancelled()


def _rescore_changed_questions(db: Store, deck: Deck, updated: list[str]) -> None:
    # A corrected answer key should correct the scores of answers already given.
    repo = QuizRepository(db)
    for item_id, question in _updated_questions(db, deck, updated):
        repo.rescore(item_id, question)


def _install_quizzes(db: Store, deck: Deck) -> None:
    db.execute("UPDATE quizzes SET retired = 1 WHERE deck_id = ?", [deck.id])
    for position, quiz in enumerate(deck.quizzes):
        db.execute(
            "INSERT OR REPLACE INTO quizzes (deck_id, key, title, topic, description, pass_mark, "
            "draw, shuffle, certainty, questions, position, retired) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            [deck.id, quiz.id, quiz.title, quiz.topic, quiz.description, quiz.pass_mark,
             quiz.draw, int(quiz.shuffle), int(quiz.certainty),
             json.dumps([q.id for q in quiz.questions]), position],
        )


def _install_paths(db: Store, deck: Deck) -> None:
    db.execute("UPDATE paths SET retired = 1 WHERE deck_id = ?", [deck.id])
    for position, path in enumerate(deck.paths):
        db.execute(
            "INSERT OR REPLACE INTO paths (deck_id, key, title, description, body, position, "
            "retired) VALUES (?, ?, ?, ?, ?, ?, 0)",
            [deck.id, path.id, path.title, path.description,
             json.dumps([step._asdict() for step in path.steps]), position])


def _install_assessments(db: Store, deck: Deck) -> None:
    db.execute("UPDATE assessments SET retired = 1 WHERE deck_id = ?", [deck.id])
    for position, assessment in enumerate(deck.assessments):
        db.execute(
            "INSERT OR REPLACE INTO assessments (deck_id, key, title, description, body, "
            "position, retired) VALUES (?, ?, ?, ?, ?, ?, 0)",
            [deck.id, assessment.id, assessment.title, assessment.description,
             json.dumps(assessment_to_json(assessment)), position],
        )


def installed_version(db: Store, deck_id: str) -> str | None:
    """The version of the installed copy of a deck, if it is installed."""
    row = db.execute("SELECT version FROM decks WHERE id = ?", [deck_id]).fetchone()
    return None if row is None else str(row[0])


def installed_hash(db: Store, deck_id: str) -> str | None:
    """The content hash of the installed copy of a deck, if it is installed."""
    row = db.execute("SELECT content_hash FROM decks WHERE id = ?", [deck_id]).fetchone()
    return None if row is None else row[0]


def set_daily_limits(db: Store, deck_id: str, new_per_day: int, reviews_per_day: int) -> None:
    """Change a deck's daily limits for new items and reviews."""
    if new_per_day < 0 or reviews_per_day < 0:
        raise ValueError("daily limits cannot be negative")
    with db.atomic():
        db.execute("UPDATE decks SET new_per_day = ?, reviews_per_day = ? WHERE id = ?",
                   [new_per_day, reviews_per_day, deck_id])
