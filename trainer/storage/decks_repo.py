"""Installing and updating decks, matching items by their stable id.

Edited items keep their history and scheduling; new ones arrive as new; items no
longer in the deck are retired (hidden, history kept) and come back if re-added.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from trainer.clock import Clock
from trainer.domain.deck import Card, Deck
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db


@dataclass
class InstallPlan:
    """What installing a deck would change, computed before anything is written."""

    deck_id: str
    version_from: str | None
    version_to: str
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)

    @property
    def changes_anything(self) -> bool:
        """False when the deck is already installed exactly as given."""
        return bool(self.new or self.updated or self.retired or self.restored) or (
            self.version_from != self.version_to
        )


def _card_row(card: Card) -> dict[str, object]:
    return {
        "kind": "card",
        "topic": card.topic,
        "tags": json.dumps(list(card.tags)),
        "front": card.front,
        "back": card.back,
        "source": card.source,
    }


def plan_install(db: Store, deck: Deck) -> InstallPlan:
    """Compare ``deck`` with what is installed; write nothing."""
    row = db.execute("SELECT version FROM decks WHERE id = ?", [deck.id]).fetchone()
    plan = InstallPlan(deck.id, row[0] if row else None, deck.version)
    existing = {
        r[0]: r[1:]
        for r in db.execute(
            "SELECT key, retired, topic, tags, front, back, source FROM items WHERE deck_id = ?",
            [deck.id],
        )
    }
    incoming = set()
    for card in deck.cards:
        incoming.add(card.id)
        old = existing.get(card.id)
        if old is None:
            plan.new.append(card.id)
            continue
        retired, *content = old
        new = _card_row(card)
        if retired:
            plan.restored.append(card.id)
        elif content != [new["topic"], new["tags"], new["front"], new["back"], new["source"]]:
            plan.updated.append(card.id)
        else:
            plan.unchanged.append(card.id)
    plan.retired = sorted(k for k, v in existing.items() if k not in incoming and not v[0])
    return plan


def install_deck(db: Store, deck: Deck, clock: Clock, *, builtin: bool = False) -> InstallPlan:
    """Install or update ``deck`` in one transaction; returns what changed."""
    plan = plan_install(db, deck)
    now = to_db(clock())
    deck_row = {
        "title": deck.title,
        "version": deck.version,
        "description": deck.description,
        "authors": json.dumps(list(deck.authors)),
        "sources": json.dumps([asdict(s) for s in deck.sources]),
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
        for position, card in enumerate(deck.cards):
            row = _card_row(card)
            cur = db.execute(
                "UPDATE items SET kind = ?, topic = ?, tags = ?, front = ?, back = ?, source = ?, "
                "position = ?, retired = 0, updated_at = ? WHERE deck_id = ? AND key = ?",
                [*row.values(), position, now, deck.id, card.id],
            )
            if cur.rowcount:
                db.execute(
                    "UPDATE item_state SET active = 1, position = ? WHERE item_id = "
                    "(SELECT id FROM items WHERE deck_id = ? AND key = ?)",
                    [position, deck.id, card.id],
                )
                continue
            cur = db.execute(
                "INSERT INTO items (deck_id, key, kind, topic, tags, front, back, source, "
                "position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [deck.id, card.id, *row.values(), position, now, now],
            )
            db.execute(
                "INSERT INTO item_state (item_id, deck_id, position) VALUES (?, ?, ?)",
                [cur.lastrowid, deck.id, position],
            )
        for key in plan.retired:
            db.execute(
                "UPDATE items SET retired = 1, updated_at = ? WHERE deck_id = ? AND key = ?",
                [now, deck.id, key],
            )
            db.execute(
                "UPDATE item_state SET active = 0 WHERE item_id = "
                "(SELECT id FROM items WHERE deck_id = ? AND key = ?)",
                [deck.id, key],
            )
    return plan


def installed_hash(db: Store, deck_id: str) -> str | None:
    """The content hash of the installed copy of a deck, if it is installed."""
    row = db.execute("SELECT content_hash FROM decks WHERE id = ?", [deck_id]).fetchone()
    return None if row is None else row[0]


@dataclass(frozen=True)
class DeckRow:
    """An installed deck as the deck list needs it."""

    id: str
    title: str
    version: str
    description: str
    new_per_day: int
    reviews_per_day: int
    sources: tuple[dict[str, str | None], ...]


def list_decks(db: Store) -> list[DeckRow]:
    """Every installed deck, by title."""
    return [
        DeckRow(r[0], r[1], r[2], r[3], r[4], r[5], tuple(json.loads(r[6])))
        for r in db.execute(
            "SELECT id, title, version, description, new_per_day, reviews_per_day, sources "
            "FROM decks ORDER BY title COLLATE NOCASE"
        )
    ]


def set_daily_limits(db: Store, deck_id: str, new_per_day: int, reviews_per_day: int) -> None:
    """Change a deck's daily limits for new items and reviews."""
    if new_per_day < 0 or reviews_per_day < 0:
        raise ValueError("daily limits cannot be negative")
    with db.atomic():
        db.execute("UPDATE decks SET new_per_day = ?, reviews_per_day = ? WHERE id = ?",
                   [new_per_day, reviews_per_day, deck_id])
