"""What Check Database looks at inside the file, and the SQL that repairs it.

SQLite's own integrity check comes first; then the profile's invariants: each item's
scheduling state is the state its latest answer left it in (or a new item's, if it was
never answered), and nothing refers to an item, deck or attempt that is not there.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from trainer.content.pictures import picture_names
from trainer.domain.scheduling import ItemState, Phase
from trainer.i18n import QT_TRANSLATE_NOOP
from trainer.storage.store import Store
from trainer.storage.study_repo import state_from_json
from trainer.storage.timefmt import from_db, to_db

_STATE_COLUMNS = "phase, step, stability, difficulty, due, last_review, reps, lapses"


@dataclass(frozen=True)
class StateMismatch:
    """An item whose scheduling state is not what its answers say it should be."""

    item_id: int
    expected: ItemState | None  # None: never answered, so it should be new


def sqlite_problems(db: Store, *, quick: bool) -> list[str]:
    """SQLite's own check of the file: an empty list when it is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [str(r[0]) for r in db.execute(f"PRAGMA {pragma}")]
    return [] if rows == ["ok"] else rows


def search_index_damaged(db: Store) -> bool:
    """Whether the browser's search index (FTS5, kept beside the items) is damaged or
    out of step with them. SQLite's own check does not look inside it; a damaged one
    makes every search fail."""
    try:
        # rank 1: the index is also compared with the items it was made from.
        db.execute("INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return True
    return False


def rebuild_search_index(db: Store) -> None:
    """Make the search index again from the items."""
    with db.atomic():
        db.execute("INSERT INTO items_fts (items_fts) VALUES ('rebuild')")


def _state_of(row: tuple[Any, ...], item_id: int) -> ItemState:
    phase, step, stability, difficulty, due, last, reps, lapses = row
    return ItemState(item_id, Phase(int(phase)), step, stability, difficulty, from_db(due),
                     from_db(last), int(reps), int(lapses))


def state_mismatches(db: Store) -> list[StateMismatch]:
    """Items whose stored state differs from the state after their latest answer."""
    out: list[StateMismatch] = []
    rows = db.execute(
        f"SELECT s.item_id, {', '.join('s.' + c for c in _STATE_COLUMNS.split(', '))}, "
        "r.state_after, "
        # Reset to new (in the browser) after that answer: the item is new again.
        "EXISTS (SELECT 1 FROM item_resets x WHERE x.item_id = s.item_id AND "
        " coalesce(x.after_review, 0) >= coalesce(r.id, 0)) "
        "FROM item_state s LEFT JOIN reviews r ON r.id = "
        # The latest answer is the one written last (as undo takes it), not the one
        # with the latest time: a clock set back must not make an older one "latest".
        " (SELECT max(id) FROM reviews WHERE item_id = s.item_id)")
    for row in rows:
        item_id, state, latest, reset = int(row[0]), tuple(row[1:-2]), row[-2], row[-1]
        if reset:
            latest = None
        try:
            stored = _state_of(state, item_id)
        except (TypeError, ValueError):
            stored = None
        if latest is None:
            if stored is None or stored.reps or stored.lapses or int(stored.phase) \
                    or stored.due is not None or stored.stability is not None:
                out.append(StateMismatch(item_id, None))
            continue
        try:
            expected = state_from_json(item_id, latest)
        except (ValueError, KeyError, TypeError):
            continue  # a log row we cannot read: the state stays as it is
        if stored != expected:
            out.append(StateMismatch(item_id, expected))
    return out


def rebuild_states(db: Store, mismatches: list[StateMismatch]) -> None:
    """Set each item's state to what its latest answer left (new if never answered)."""
    with db.atomic():
        for m in mismatches:
            e = m.expected
            if e is None:
                db.execute("UPDATE item_state SET phase = 0, step = NULL, stability = NULL, "
                           "difficulty = NULL, due = NULL, last_review = NULL, reps = 0, "
                           "lapses = 0 WHERE item_id = ?", [m.item_id])
                continue
            db.execute(
                "UPDATE item_state SET phase = ?, step = ?, stability = ?, difficulty = ?, "
                "due = ?, last_review = ?, reps = ?, lapses = ? WHERE item_id = ?",
                [int(e.phase), e.step, e.stability, e.difficulty,
                 None if e.due is None else to_db(e.due),
                 None if e.last_review is None else to_db(e.last_review),
                 e.reps, e.lapses, m.item_id])


# Rows that point at something that is not there: how to name one and several (marked
# for Check Database to translate), and the SQL that finds them (and, after DELETE,
# removes them).
ORPHANS: tuple[tuple[str, str, str], ...] = (
    (QT_TRANSLATE_NOOP("CheckServiceText",
                       "answer to an item that is no longer there"),
     QT_TRANSLATE_NOOP("CheckServiceText",
                       "answers to an item that is no longer there"),
     "FROM reviews WHERE item_id NOT IN (SELECT id FROM items)"),
    (QT_TRANSLATE_NOOP("CheckServiceText",
                       "schedule of an item that is no longer there"),
     QT_TRANSLATE_NOOP("CheckServiceText",
                       "schedules of an item that is no longer there"),
     "FROM item_state WHERE item_id NOT IN (SELECT id FROM items)"),
    (QT_TRANSLATE_NOOP("CheckServiceText",
                       "item of a deck that is no longer there"),
     QT_TRANSLATE_NOOP("CheckServiceText",
                       "items of a deck that is no longer there"),
     "FROM items WHERE deck_id NOT IN (SELECT id FROM decks)"),
    (QT_TRANSLATE_NOOP("CheckServiceText",
                       "practice reply to an item that is no longer there"),
     QT_TRANSLATE_NOOP("CheckServiceText",
                       "practice replies to an item that is no longer there"),
     "FROM practice_replies WHERE item_id NOT IN (SELECT id FROM items)"),
    (QT_TRANSLATE_NOOP("CheckServiceText",
                       "quiz answer of an attempt that is no longer there"),
     QT_TRANSLATE_NOOP("CheckServiceText",
                       "quiz answers of an attempt that is no longer there"),
     "FROM quiz_answers WHERE attempt_id IS NOT NULL "
     "AND attempt_id NOT IN (SELECT id FROM quiz_attempts)"),
    (QT_TRANSLATE_NOOP("CheckServiceText",
                       "quiz answer to an item that is no longer there"),
     QT_TRANSLATE_NOOP("CheckServiceText",
                       "quiz answers to an item that is no longer there"),
     "FROM quiz_answers WHERE item_id NOT IN (SELECT id FROM items)"),
)
_MISSING_STATE = "FROM items WHERE id NOT IN (SELECT item_id FROM item_state)"


def orphan_counts(db: Store) -> list[tuple[str, int]]:
    """Each kind of row that points at nothing, named for how many there are (kinds
    with none left out)."""
    counts = [(one if n == 1 else many, n) for one, many, where in ORPHANS
              for n in [int(db.execute(f"SELECT count(*) {where}").fetchone()[0])]]
    missing = int(db.execute(f"SELECT count(*) {_MISSING_STATE}").fetchone()[0])
    counts.append((QT_TRANSLATE_NOOP("CheckServiceText", "item without a schedule")
                   if missing == 1 else
                   QT_TRANSLATE_NOOP("CheckServiceText", "items without a schedule"),
                   missing))
    return [(what, n) for what, n in counts if n]


def remove_orphans(db: Store) -> None:
    """Delete rows that point at nothing; give stateless items a new item's state."""
    with db.atomic():
        # Items of a missing deck go first, so that their answers and states are
        # orphans too by the time those are removed.
        for _, _, where in sorted(ORPHANS, key=lambda o: "deck" not in o[0]):
            db.execute(f"DELETE {where}")
        db.execute("INSERT INTO item_state (item_id, deck_id, position, active, in_new_queue) "
                   f"SELECT id, deck_id, position, retired = 0, kind IN ('card', 'practice') "
                   f"{_MISSING_STATE}")


def referenced_media(db: Store) -> dict[str, set[str]]:
    """The picture file names each deck's items show (retired ones too: they may come
    back), by deck id."""
    out: dict[str, set[str]] = {}
    for deck_id, front, back, body in db.execute(
            "SELECT deck_id, front, back, body FROM items"):
        out.setdefault(deck_id, set()).update(picture_names((front, back, body)))
    return out
