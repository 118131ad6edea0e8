"""The study core: decks, items, their schedule and the answer log (0001, 0004, 0005)."""

from __future__ import annotations

from sqlite_utils import Database

from trainer.storage.migrations.sql import run


def initial(db: Database) -> None:
    """Decks, items, scheduling state, review log and study sessions."""
    run(
        db,
        """
        CREATE TABLE decks (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            version TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            authors TEXT NOT NULL DEFAULT '[]',
            sources TEXT NOT NULL DEFAULT '[]',
            source_file TEXT,
            content_hash TEXT,
            format INTEGER NOT NULL DEFAULT 1,
            builtin INTEGER NOT NULL DEFAULT 0,
            new_per_day INTEGER NOT NULL DEFAULT 20,
            reviews_per_day INTEGER NOT NULL DEFAULT 200,
            installed_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            deck_id TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'card',
            topic TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            front TEXT NOT NULL,
            back TEXT NOT NULL,
            source TEXT,
            body TEXT,
            position INTEGER NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (deck_id, key)
        );
        CREATE TABLE item_state (
            item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            deck_id TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            position INTEGER NOT NULL,
            phase INTEGER NOT NULL DEFAULT 0,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT,
            last_review TEXT,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX item_state_due ON item_state (deck_id, active, phase, due);
        CREATE INDEX item_state_new ON item_state (deck_id, active, phase, position);
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            deck_id TEXT REFERENCES decks(id) ON DELETE SET NULL,
            kind TEXT NOT NULL DEFAULT 'review',
            started_at TEXT NOT NULL,
            ended_at TEXT
        );
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            deck_id TEXT NOT NULL,
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            reviewed_at TEXT NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            duration_ms INTEGER NOT NULL DEFAULT 0,
            phase_before INTEGER NOT NULL,
            state_before TEXT NOT NULL,
            state_after TEXT NOT NULL
        );
        CREATE INDEX reviews_time ON reviews (reviewed_at);
        CREATE INDEX reviews_item ON reviews (item_id, reviewed_at);
        CREATE INDEX reviews_session ON reviews (session_id);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


def statistics(db: Database) -> None:
    """What the Statistics screen reads: whether an answered item was mature, and
    indexes over answers by time and items by topic.

    ``reviews.mature`` (1 when the interval before the answer was 21 days or more, 0
    when shorter, NULL for an item never scheduled) is worked out once here for the
    answers already logged and written with each new answer after, so statistics never
    parse a row's JSON. The answer index holds every column the figures group by, so a
    year of a heavy rep's answers is counted from the index alone. It supersedes
    reviews_time, which is a prefix of it.
    """
    run(
        db,
        """
        ALTER TABLE reviews ADD COLUMN mature INTEGER;
        UPDATE reviews SET mature = (CASE WHEN json_valid(state_before) THEN
            julianday(json_extract(state_before, '$.due'))
            - julianday(json_extract(state_before, '$.last_review')) >= 21 END);
        CREATE INDEX reviews_stats ON reviews (
            reviewed_at, deck_id, item_id, phase_before, rating, duration_ms, mature
        );
        DROP INDEX reviews_time;
        CREATE INDEX items_topic ON items (topic, retired)
        """,
    )


def review_deck_version(db: Database) -> None:
    """The deck version each answer was given in, so an answer reported later (xAPI's
    context.revision) says which wording the rep saw. Answers logged before this
    migration have none: guessing today's version would be wrong for some of them."""
    run(db, "ALTER TABLE reviews ADD COLUMN deck_version TEXT")


def review_topic(db: Database) -> None:
    """The topic of each answer's item, on the answer, so statistics for one topic read
    a range of one index instead of looking up every answer's item.

    Answers already logged take their item's topic here; new ones are written with it.
    The trigger keeps it the item's topic when a deck update moves an item to another
    topic, as the statistics have always counted an answer under its item's topic now.
    The index holds every column the figures group by, as reviews_stats does for all
    decks, so a topic's year is counted from the index alone.
    """
    run(
        db,
        """
        ALTER TABLE reviews ADD COLUMN topic TEXT;
        UPDATE reviews SET topic = (SELECT topic FROM items WHERE items.id = reviews.item_id);
        CREATE INDEX reviews_topic ON reviews (
            topic, reviewed_at, deck_id, phase_before, rating, duration_ms, mature
        )
        """,
    )
    # A trigger's body holds ';', which run() would split on.
    db.execute(
        "CREATE TRIGGER reviews_follow_item_topic AFTER UPDATE OF topic ON items "
        "WHEN old.topic IS NOT new.topic BEGIN "
        "UPDATE reviews SET topic = new.topic WHERE item_id = new.id; END")
