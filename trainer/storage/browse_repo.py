"""The browser's queries: items found by text (FTS5), deck, topic, tag and state, sorted;
one item's details and history; and the rep's marks on items (suspend, flag, note)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from trainer.content.tags import tag_matches, with_parents
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db

STATES = ("any", "new", "learning", "due", "suspended", "flagged", "leech")
SORTS = {"position": "i.deck_id, i.position", "due": "s.due IS NULL, s.due, i.position",
         "lapses": "s.lapses DESC, i.position",
         "last answer": "s.last_review IS NULL, s.last_review DESC, i.position"}
LEECH_LAPSES = 8  # Anki's default leech threshold
MAX_ROWS = 2000


@dataclass(frozen=True)
class BrowseQuery:
    """What the browser is asked for; empty fields do not filter."""

    text: str = ""
    deck: str | None = None
    topic: str | None = None
    tag: str | None = None
    state: str = "any"
    sort: str = "position"


@dataclass(frozen=True)
class BrowseRow:
    """One item in the browser's list."""

    item_id: int
    deck_id: str
    deck_title: str
    key: str
    kind: str
    topic: str
    front: str
    phase: int
    due: str | None
    lapses: int
    reps: int
    last_review: str | None
    suspended: bool
    flag: int
    retired: bool


def _match(text: str) -> str:
    """The typed words as an FTS5 query: each word a prefix, all of them required, so
    "obj pri" finds "objection ... price" as the rep types."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    return " ".join(f'"{w}"*' for w in words)


class BrowseRepository:
    """Reads and marks items for the browser."""

    def __init__(self, db: Store) -> None:
        self.db = db

    def search(self, query: BrowseQuery, now: datetime) -> list[BrowseRow]:
        """Items matching ``query`` (at most ``MAX_ROWS``), retired ones left out."""
        where = ["i.retired = 0"]
        args: list[object] = []
        match = _match(query.text)
        if match:
            where.append("i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
            args.append(match)
        if query.deck:
            where.append("i.deck_id = ?")
            args.append(query.deck)
        if query.topic:
            where.append("i.topic = ?")
            args.append(query.topic)
        if query.tag:
            # As in Anki: any case, and the tag's levels below it ("sales" finds
            # "Sales::cold-call"). SQLite folds only ASCII case, so the stored spellings
            # that match are found first, here.
            where.append("EXISTS (SELECT 1 FROM json_each(i.tags) WHERE value IN "
                         "(SELECT value FROM json_each(?)))")
            args.append(json.dumps([t for t in self._stored_tags()
                                    if tag_matches(t, query.tag)]))
        state = {
            "new": "s.phase = 0 AND s.suspended = 0",
            "learning": "s.phase IN (1, 3) AND s.suspended = 0",
            "due": "s.phase > 0 AND s.suspended = 0 AND s.due <= ?",
            "suspended": "s.suspended = 1",
            "flagged": "s.flag > 0",
            "leech": f"s.lapses >= {LEECH_LAPSES}",
        }.get(query.state)
        if state:
            where.append(state)
            if query.state == "due":
                args.append(to_db(now))
        order = SORTS.get(query.sort, SORTS["position"])
        rows = self.db.execute(
            "SELECT i.id, i.deck_id, d.title, i.key, i.kind, i.topic, i.front, s.phase, "
            "s.due, s.lapses, s.reps, s.last_review, s.suspended, s.flag, i.retired "
            "FROM items i JOIN item_state s ON s.item_id = i.id JOIN decks d ON "
            f"d.id = i.deck_id WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?",
            [*args, MAX_ROWS])
        return [BrowseRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                          r[10], r[11], bool(r[12]), r[13], bool(r[14])) for r in rows]

    def topics(self) -> list[str]:
        """Every topic with items, sorted."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT topic FROM items WHERE retired = 0 ORDER BY topic")]

    def _stored_tags(self) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT j.value FROM items i, json_each(i.tags) j WHERE i.retired = 0")
            if isinstance(r[0], str)]

    def tags(self) -> list[str]:
        """Every tag on an item and every level above one ("sales" for
        "sales::cold-call"), each once whatever its case, sorted."""
        return with_parents(self._stored_tags())

    def suspend(self, item_ids: list[int], suspended: bool) -> None:
        """Keep items out of study, or let them back in (a retired item stays out)."""
        with self.db.atomic():
            self.db.conn.executemany(
                "UPDATE item_state SET suspended = ?, active = CASE WHEN ? THEN 0 ELSE "
                "(SELECT retired = 0 FROM items WHERE items.id = item_id) END "
                "WHERE item_id = ?", [[int(suspended), int(suspended), i] for i in item_ids])

    def reset_to_new(self, item_ids: list[int], now: datetime) -> None:
        """Put items back among the new ones, to learn again from the start; their
        answers stay in the history, and the reset is logged beside them."""
        with self.db.atomic():
            self.db.conn.executemany(
                "INSERT INTO item_resets (item_id, after_review, reset_at) "
                "VALUES (?, (SELECT max(id) FROM reviews WHERE item_id = ?), ?)",
                [[i, i, to_db(now)] for i in item_ids])
            self.db.conn.executemany(
                "UPDATE item_state SET phase = 0, step = NULL, stability = NULL, "
                "difficulty = NULL, due = NULL, last_review = NULL, reps = 0, lapses = 0, "
                "in_new_queue = 1 WHERE item_id = ?", [[i] for i in item_ids])

    def set_flag(self, item_ids: list[int], flag: int) -> None:
        """Mark items with a flag (1-4), or clear it (0)."""
        if not 0 <= flag <= 4:
            raise ValueError("a flag is 0 (none) to 4")
        with self.db.atomic():
            self.db.conn.executemany("UPDATE item_state SET flag = ? WHERE item_id = ?",
                                     [[flag, i] for i in item_ids])

    def note(self, item_id: int) -> str:
        """The rep's note on an item ("" when none)."""
        row = self.db.execute("SELECT note FROM item_notes WHERE item_id = ?",
                              [item_id]).fetchone()
        return str(row[0]) if row else ""

    def set_note(self, item_id: int, note: str, now: datetime) -> None:
        """Keep (or, when empty, remove) the rep's note on an item."""
        with self.db.atomic():
            if note.strip():
                self.db.execute("INSERT OR REPLACE INTO item_notes VALUES (?, ?, ?)",
                                [item_id, note, to_db(now)])
            else:
                self.db.execute("DELETE FROM item_notes WHERE item_id = ?", [item_id])

    def history(self, item_id: int) -> list[tuple[str, int, int, str | None]]:
        """Every answer to an item, newest first: (time, rating, milliseconds, deck
        version)."""
        return [(r[0], r[1], r[2], r[3]) for r in self.db.execute(
            "SELECT reviewed_at, rating, duration_ms, deck_version FROM reviews "
            "WHERE item_id = ? ORDER BY reviewed_at DESC, id DESC", [item_id])]

    def content(self, item_id: int) -> tuple[str, str, list[str], str | None]:
        """(front, back, tags, source) of an item."""
        row = self.db.execute("SELECT front, back, tags, source FROM items WHERE id = ?",
                              [item_id]).fetchone()
        if row is None:
            raise KeyError(item_id)
        return row[0], row[1], list(json.loads(row[2] or "[]")), row[3]
