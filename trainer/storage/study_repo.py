"""Reading and writing scheduling state, the review log and study sessions.

Every answer is one transaction: the new state and its log row are committed
together, before the caller is handed the next item.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from trainer.domain.errors import ItemChangedError
from trainer.domain.scheduling import ItemState, Phase, Rating
from trainer.storage.store import Store
from trainer.storage.timefmt import from_db, to_db

# Anki calls an item mature once its interval reaches three weeks.
MATURE_INTERVAL = timedelta(days=21)
_STATE_COLUMNS = "item_id, phase, step, stability, difficulty, due, last_review, reps, lapses"
_UPDATE_STATE = ("UPDATE item_state SET phase = ?, step = ?, stability = ?, difficulty = ?, "
                 "due = ?, last_review = ?, reps = ?, lapses = ? WHERE item_id = ?")
_UNCHANGED = (" AND phase IS ? AND step IS ? AND stability IS ? AND difficulty IS ? "
              "AND due IS ? AND last_review IS ? AND reps IS ? AND lapses IS ?")


def _state_values(state: ItemState) -> tuple[object, ...]:
    return (int(state.phase), state.step, state.stability, state.difficulty,
            None if state.due is None else to_db(state.due),
            None if state.last_review is None else to_db(state.last_review),
            state.reps, state.lapses)


def _state_from_row(row: Any) -> ItemState:
    item_id, phase, step, stability, difficulty, due, last_review, reps, lapses = row
    return ItemState(item_id, Phase(phase), step, stability, difficulty, from_db(due),
                     from_db(last_review), reps, lapses)


def state_to_json(state: ItemState) -> str:
    """The state as stored in the review log (``state_before`` / ``state_after``)."""
    return json.dumps(
        {
            "phase": int(state.phase),
            "step": state.step,
            "stability": state.stability,
            "difficulty": state.difficulty,
            "due": None if state.due is None else to_db(state.due),
            "last_review": None if state.last_review is None else to_db(state.last_review),
            "reps": state.reps,
            "lapses": state.lapses,
        },
        separators=(",", ":"),
    )


def state_from_json(item_id: int, text: str) -> ItemState:
    """Read back a state written by ``state_to_json``."""
    d = json.loads(text)
    return ItemState(item_id, Phase(d["phase"]), d["step"], d["stability"], d["difficulty"],
                     from_db(d["due"]), from_db(d["last_review"]), d["reps"], d["lapses"])


class ReviewRow(NamedTuple):
    """One answer from the log."""

    id: int
    item_id: int
    reviewed_at: datetime
    rating: Rating
    duration_ms: int


class UndoneAnswer(NamedTuple):
    """An answer taken back: the item's state before and after it, and when it was given."""

    before: ItemState
    after: ItemState
    answered_at: datetime


class DoneToday(NamedTuple):
    """How many new and review items a deck has already used from today's limits."""

    new: int
    review: int


def was_mature(state: ItemState) -> int | None:
    """1 if the item's interval was 21 days or more (Anki's "mature"), 0 if shorter, None
    if it was never scheduled; stored with each answer for the statistics."""
    if state.due is None or state.last_review is None:
        return None
    return int(state.due - state.last_review >= MATURE_INTERVAL)


class StudyRepository:
    """SQL for the study service. The service decides; this only reads and writes."""

    def __init__(self, db: Store) -> None:
        self.db = db
        self.conn = db.conn

    def changes(self) -> int:
        """Rows this connection has written so far: if it moved, something wrote."""
        return self.conn.total_changes

    def state(self, item_id: int) -> ItemState:
        """The current scheduling state of an item."""
        row = self.conn.execute(
            f"SELECT {_STATE_COLUMNS} FROM item_state WHERE item_id = ?", (item_id,)
        ).fetchone()
        if row is None:
            raise KeyError(item_id)
        return _state_from_row(row)

    def record_answer(self, *, deck_id: str, session_id: int | None, before: ItemState,
                      after: ItemState, rating: Rating, at: datetime, duration_ms: int) -> int:
        """Store the new state and its log row in one committed transaction."""
        with self.db.atomic():
            self._write_state(after)
            return self._log_answer(deck_id=deck_id, session_id=session_id, before=before,
                                    after=after, rating=rating, at=at,
                                    duration_ms=duration_ms)

    def record_shown_answer(self, *, deck_id: str, session_id: int | None,
                            before: ItemState, after: ItemState, rating: Rating,
                            at: datetime, duration_ms: int) -> int:
        """Like ``record_answer`` for an item whose state was ``before`` when shown:
        written only if it still is, else ``ItemChangedError`` and nothing written.
        The check is part of the update, so the usual answer reads nothing back."""
        with self.db.atomic():
            if not self._write_state(after, expected=before):
                # Not matched as written: compare as states, which is what the rep saw.
                if self.state(before.item_id) != before:
                    raise ItemChangedError(
                        "This card was answered somewhere else since it was shown, so "
                        "your answer was not saved; it is shown again as it is now.")
                self._write_state(after)
            return self._log_answer(deck_id=deck_id, session_id=session_id, before=before,
                                    after=after, rating=rating, at=at,
                                    duration_ms=duration_ms)

    def _write_state(self, state: ItemState, expected: ItemState | None = None) -> bool:
        """Write ``state`` (only over ``expected``, when given); whether a row changed."""
        values = _state_values(state)
        if expected is None:
            cur = self.conn.execute(_UPDATE_STATE, (*values, state.item_id))
        else:
            cur = self.conn.execute(_UPDATE_STATE + _UNCHANGED,
                                    (*values, state.item_id, *_state_values(expected)))
        return cur.rowcount > 0

    def _log_answer(self, *, deck_id: str, session_id: int | None, before: ItemState,
                    after: ItemState, rating: Rating, at: datetime, duration_ms: int) -> int:
        cur = self.conn.execute(
            "INSERT INTO reviews (item_id, deck_id, session_id, reviewed_at, rating, "
            "duration_ms, phase_before, state_before, state_after, mature, deck_version, "
            "topic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "(SELECT version FROM decks WHERE id = ?), "
            "(SELECT topic FROM items WHERE id = ?))",
            (after.item_id, deck_id, session_id, to_db(at), int(rating), duration_ms,
             int(before.phase), state_to_json(before), state_to_json(after),
             was_mature(before), deck_id, after.item_id),
        )
        return int(cur.lastrowid or 0)

    def undo_last(self, session_id: int) -> ItemState | None:
        """Remove the session's latest answer and put the item back as it was."""
        undone = self.undo_last_answer(session_id)
        return None if undone is None else undone.before

    def undo_last_answer(self, session_id: int) -> UndoneAnswer | None:
        """``undo_last``, saying what was taken back."""
        with self.db.atomic():
            # Read inside the write transaction: what is undone is what is there.
            row = self.conn.execute(
                "SELECT id, item_id, state_before, state_after, reviewed_at FROM reviews "
                "WHERE session_id = ? ORDER BY id DESC LIMIT 1",
                (session_id,),
            ).fetchone()
            if row is None:
                return None
            review_id, item_id, before_json, after_json, reviewed_at = row
            after = state_from_json(item_id, after_json)
            if self.state(item_id) != after:
                raise ItemChangedError(
                    "This answer can no longer be taken back: the card was answered "
                    "again somewhere else since, and undoing would lose that answer.")
            before = state_from_json(item_id, before_json)
            self._write_state(before)
            self.conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        answered_at = from_db(reviewed_at)
        assert answered_at is not None
        return UndoneAnswer(before, after, answered_at)

    def has_answers(self, session_id: int) -> bool:
        """Whether a session has an answer in the log."""
        return self.conn.execute(
            "SELECT 1 FROM reviews WHERE session_id = ? LIMIT 1", (session_id,)
        ).fetchone() is not None

    def deck_limits(self, deck_id: str) -> tuple[int, int]:
        """A deck's daily limits: new items and reviews."""
        row = self.conn.execute(
            "SELECT new_per_day, reviews_per_day FROM decks WHERE id = ?", (deck_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no deck '{deck_id}'")
        return int(row[0]), int(row[1])

    def done_today(self, deck_id: str, day_start: datetime) -> DoneToday:
        """New and review items already answered in this study day."""
        counts = dict(
            self.conn.execute(
                "SELECT phase_before, count(DISTINCT item_id) FROM reviews "
                "WHERE reviewed_at >= ? AND deck_id = ? AND phase_before IN (0, 2) "
                "GROUP BY phase_before",
                (to_db(day_start), deck_id),
            ).fetchall()
        )
        return DoneToday(new=counts.get(0, 0), review=counts.get(2, 0))

    def done_today_all(self, day_start: datetime) -> dict[str, DoneToday]:
        """``done_today`` for every deck in one query."""
        out: dict[str, dict[int, int]] = {}
        for deck_id, phase, n in self.conn.execute(
            "SELECT deck_id, phase_before, count(DISTINCT item_id) FROM reviews "
            "WHERE reviewed_at >= ? AND phase_before IN (0, 2) GROUP BY deck_id, phase_before",
            (to_db(day_start),),
        ):
            out.setdefault(deck_id, {})[phase] = n
        return {d: DoneToday(c.get(0, 0), c.get(2, 0)) for d, c in out.items()}

    def count_new(self, deck_id: str, cap: int) -> int:
        """New items available, counted no further than ``cap`` (the day's remaining limit)."""
        if cap <= 0:
            return 0
        return int(self.conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM item_state WHERE deck_id = ? AND active = 1 "
            "AND in_new_queue = 1 AND phase = 0 LIMIT ?)", (deck_id, cap)).fetchone()[0])

    def count_due(self, deck_id: str, phases: tuple[int, ...], before: datetime,
                  cap: int = -1) -> int:
        """Items in ``phases`` due before ``before``, counted no further than ``cap``."""
        if cap == 0:
            return 0
        marks = ", ".join("?" for _ in phases)
        return int(self.conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM item_state WHERE deck_id = ? AND active = 1 "
            f"AND phase IN ({marks}) AND due < ? LIMIT ?)",
            (deck_id, *phases, to_db(before), cap)).fetchone()[0])

    def first_due(self, deck_id: str, phases: tuple[int, ...],
                  before: datetime | None = None) -> tuple[int, datetime] | None:
        """The earliest-due item in ``phases`` (due before ``before`` when given)."""
        marks = ", ".join("?" for _ in phases)
        args: list[object] = [deck_id, *phases]
        sql = (f"SELECT item_id, due FROM item_state WHERE deck_id = ? AND active = 1 "
               f"AND phase IN ({marks})")
        if before is not None:
            sql += " AND due < ?"
            args.append(to_db(before))
        row = self.conn.execute(sql + " ORDER BY due LIMIT 1", args).fetchone()
        if row is None:
            return None
        due = from_db(row[1])
        assert due is not None
        return int(row[0]), due

    def first_new(self, deck_id: str) -> int | None:
        """The next new item in deck order."""
        row = self.conn.execute(
            "SELECT item_id FROM item_state WHERE deck_id = ? AND active = 1 "
            "AND in_new_queue = 1 AND phase = 0 ORDER BY position LIMIT 1", (deck_id,)).fetchone()
        return None if row is None else int(row[0])

    def start_session(self, deck_id: str, at: datetime, kind: str = "review") -> int:
        """Open a study session row."""
        with self.db.atomic():
            cur = self.conn.execute(
                "INSERT INTO sessions (deck_id, kind, started_at) VALUES (?, ?, ?)",
                (deck_id, kind, to_db(at)))
        return int(cur.lastrowid or 0)

    def end_session(self, session_id: int, at: datetime) -> None:
        """Close a study session row."""
        with self.db.atomic():
            self.conn.execute("UPDATE sessions SET ended_at = ? WHERE id = ?",
                              (to_db(at), session_id))

    def session_reviews(self, session_id: int) -> list[ReviewRow]:
        """Every answer of a session, oldest first."""
        return [
            ReviewRow(r[0], r[1], from_db(r[2]), Rating(r[3]), r[4])  # type: ignore[arg-type]
            for r in self.conn.execute(
                "SELECT id, item_id, reviewed_at, rating, duration_ms FROM reviews "
                "WHERE session_id = ? ORDER BY id", (session_id,))
        ]

    def item_content(self, item_id: int) -> tuple[str, str, str, str, str | None, str, str]:
        """(deck_id, key, front, back, source, topic, kind) of an item."""
        row = self.conn.execute(
            "SELECT deck_id, key, front, back, source, topic, kind FROM items WHERE id = ?",
            (item_id,)).fetchone()
        if row is None:
            raise KeyError(item_id)
        return row  # type: ignore[no-any-return]
