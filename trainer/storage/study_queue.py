"""The review queue's per-answer reads: the next item with everything shown about it in
one statement, and what today's running counts are recounted from.

The queue's order is Anki's (the study service's docstring says it); here it is one
query, so an answer costs one read for the next card instead of one per queue.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import datetime
from typing import Any, NamedTuple

from trainer.domain.scheduling import ItemState, Phase
from trainer.storage.timefmt import from_db, to_db

_SHOWN_COLUMNS = (
    "i.deck_id, i.key, i.front, i.back, i.source, i.topic, i.kind, "
    "s.item_id, s.phase, s.step, s.stability, s.difficulty, s.due, s.last_review, s.reps, "
    "s.lapses, s.active, s.in_new_queue")

# Each arm is the head of one index range (item_state_due or item_state_new), so the
# query reads at most four index entries however big the deck. Learning and relearning
# are separate arms: one arm over both phases would sort every due learning item.
_NEXT_SQL = f"""
WITH candidate(arm, item_id, due, phase) AS (
    SELECT * FROM (SELECT 0, item_id, due, phase FROM item_state
        WHERE deck_id = :deck AND active = 1 AND phase = {int(Phase.LEARNING)}
        AND due < :ahead ORDER BY due LIMIT 1)
    UNION ALL
    SELECT * FROM (SELECT 0, item_id, due, phase FROM item_state
        WHERE deck_id = :deck AND active = 1 AND phase = {int(Phase.RELEARNING)}
        AND due < :ahead ORDER BY due LIMIT 1)
    UNION ALL
    SELECT * FROM (SELECT 1, item_id, due, phase FROM item_state
        WHERE :review_left > 0 AND deck_id = :deck AND active = 1
        AND phase = {int(Phase.REVIEW)} AND due < :day_end ORDER BY due LIMIT 1)
    UNION ALL
    SELECT * FROM (SELECT 2, item_id, NULL, phase FROM item_state
        WHERE :new_left > 0 AND deck_id = :deck AND active = 1 AND in_new_queue = 1
        AND phase = {int(Phase.NEW)} ORDER BY position LIMIT 1)
),
chosen(item_id) AS (
    SELECT item_id FROM candidate
    ORDER BY CASE WHEN arm > 0 THEN arm WHEN due < :due_now THEN 0 ELSE 3 END,
             due, phase, item_id
    LIMIT 1
)
SELECT v.data_version, {_SHOWN_COLUMNS}
FROM pragma_data_version AS v
LEFT JOIN chosen ON 1
LEFT JOIN items AS i ON i.id = chosen.item_id
LEFT JOIN item_state AS s ON s.item_id = chosen.item_id
"""


class ShownRow(NamedTuple):
    """An item as shown: its content, its state, and whether today's counts include it
    when new or due (active, and in the new queue)."""

    deck_id: str
    key: str
    front: str
    back: str
    source: str | None
    topic: str
    kind: str
    state: ItemState
    active: bool
    in_new_queue: bool


class DoneRows(NamedTuple):
    """Today's answers in a deck that used up a daily limit: per item, how many were
    given to it while new and while in review."""

    new: Counter[int]
    review: Counter[int]


def _shown(row: Any) -> ShownRow:
    (deck_id, key, front, back, source, topic, kind, item_id, phase, step, stability,
     difficulty, due, last_review, reps, lapses, active, in_new_queue) = row
    state = ItemState(item_id, Phase(phase), step, stability, difficulty, from_db(due),
                      from_db(last_review), reps, lapses)
    return ShownRow(deck_id, key, front, back, source, topic, kind, state, bool(active),
                    bool(in_new_queue))


def shown_item(conn: sqlite3.Connection, item_id: int) -> ShownRow:
    """An item's content and state, read together."""
    row = conn.execute(
        f"SELECT {_SHOWN_COLUMNS} FROM items AS i JOIN item_state AS s ON s.item_id = i.id "
        "WHERE i.id = ?", (item_id,)).fetchone()
    if row is None:
        raise KeyError(item_id)
    return _shown(row)


def next_shown(conn: sqlite3.Connection, deck_id: str, *, due_now: datetime,
               learn_ahead: datetime, day_end: datetime, new_left: int,
               review_left: int) -> tuple[int, ShownRow | None]:
    """The database's data version and the next item to show, if any: a learning item
    due before ``due_now``, else a review due before ``day_end`` (while ``review_left``),
    else the first new item (while ``new_left``), else a learning item due before
    ``learn_ahead``. The data version tells whether another connection has written
    since the limits left were counted."""
    row = conn.execute(_NEXT_SQL, {
        "deck": deck_id, "due_now": to_db(due_now),
        "ahead": to_db(max(due_now, learn_ahead)), "day_end": to_db(day_end),
        "new_left": new_left, "review_left": review_left,
    }).fetchone()
    version = int(row[0])
    return version, (None if row[1] is None else _shown(row[1:]))


def data_version(conn: sqlite3.Connection) -> int:
    """SQLite's data version: it changes when another connection commits."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def done_rows(conn: sqlite3.Connection, deck_id: str, day_start: datetime) -> DoneRows:
    """Today's answers given to new and to review items, per item (read from the
    answer index alone)."""
    new: Counter[int] = Counter()
    review: Counter[int] = Counter()
    for item_id, phase, n in conn.execute(
            "SELECT item_id, phase_before, count(*) FROM reviews "
            "WHERE reviewed_at >= ? AND deck_id = ? AND phase_before IN (0, 2) "
            "GROUP BY item_id, phase_before", (to_db(day_start), deck_id)):
        (new if phase == int(Phase.NEW) else review)[int(item_id)] = int(n)
    return DoneRows(new, review)
