"""The study core: decks, items, their schedule and the answer log (0001, 0004, 0005,
0011, 0012)."""

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



# The answer classes the statistics tell apart, each with every button: a column each
# in review_hours. "learning" is any phase but new, review and relearning (in practice
# learning), "young" and "mature" are reviews by their interval before the answer.
_CLASSES = (
    ("new", "{r}.phase_before = 0"),
    ("learning", "{r}.phase_before NOT IN (0, 2, 3)"),
    ("relearning", "{r}.phase_before = 3"),
    ("young", "{r}.phase_before = 2 AND ifnull({r}.mature, 0) = 0"),
    ("mature", "{r}.phase_before = 2 AND ifnull({r}.mature, 0) <> 0"),
)
_BUTTONS = ("again", "hard", "good", "easy")
_COUNTS = [(f"{name}_{button}", f"({test} AND {{r}}.rating = {rating})")
           for name, test in _CLASSES for rating, button in enumerate(_BUTTONS, 1)]
_KEY = "hour, deck_id, topic"
# An answer without a topic is summed under x'' (a blob equals no topic's text): a key
# column cannot be NULL.
_KEY_OF = "substr({r}.reviewed_at, 1, 13), {r}.deck_id, ifnull({r}.topic, x'')"
_MATCH = ("hour = substr({r}.reviewed_at, 1, 13) AND deck_id = {r}.deck_id "
          "AND topic = ifnull({r}.topic, x'')")
_COLUMNS = ", ".join(c for c, _ in _COUNTS)
_ADD = (f"INSERT INTO review_hours ({_KEY}, answers, duration_ms, {_COLUMNS}) VALUES ("
        + _KEY_OF.format(r="new") + ", 1, new.duration_ms, "
        + ", ".join(e.format(r="new") for _, e in _COUNTS) + f") ON CONFLICT ({_KEY}) "
        "DO UPDATE SET answers = answers + 1, duration_ms = duration_ms + excluded.duration_ms, "
        + ", ".join(f"{c} = {c} + excluded.{c}" for c, _ in _COUNTS) + ";")
_TAKE = ("UPDATE review_hours SET answers = answers - 1, "
         "duration_ms = duration_ms - old.duration_ms, "
         + ", ".join(f"{c} = {c} - {e.format(r='old')}" for c, e in _COUNTS)
         + " WHERE " + _MATCH.format(r="old") + "; DELETE FROM review_hours WHERE "
         + _MATCH.format(r="old") + " AND answers <= 0;")
_COUNTED = "reviewed_at, deck_id, topic, phase_before, rating, mature, duration_ms"


def review_hours(db: Database) -> None:
    """A summary of the answer log by UTC hour, so a year of statistics reads a few
    thousand rows instead of every answer.

    One row per whole UTC hour (``hour``: the first 13 characters of the answers' time,
    'YYYY-MM-DDTHH'), deck and topic: how many answers, their total duration, and a
    column per answer class and button (``young_good``: Good on a review whose interval
    was under 21 days). Hours and not study days: a study day depends on the rep's time
    zone and day-start hour, which can change; where days start at :30 or :45 the
    statistics count the partial hour at each end of a day from the log itself.
    Triggers on ``reviews`` keep it exact through every insert, delete (undo, reset, a
    deck removed, a repair, an import) and change of a counted column (an item moved to
    another topic or deck), so no code path can forget it. The second index holds every
    column, so one topic's year is one range of it.

    The other figures read the schedule by topic (mastery, due counts): ``item_state``
    carries its item's topic, kept by triggers (set when a state is written without it,
    moved with the item), and ``item_state_topic`` holds what they read, so a topic's
    schedule is one range of it rather than a look-up of each item's large row.
    ``items_kind`` finds the practice items without reading every item.
    """
    counts = ", ".join(f"{c} INTEGER NOT NULL" for c, _ in _COUNTS)
    db.execute(
        "CREATE TABLE review_hours (hour TEXT NOT NULL, deck_id TEXT NOT NULL, "
        "topic TEXT NOT NULL, answers INTEGER NOT NULL, duration_ms INTEGER NOT NULL, "
        f"{counts}, PRIMARY KEY ({_KEY})) WITHOUT ROWID")
    db.execute("CREATE INDEX review_hours_topic ON review_hours "
               f"(topic, hour, deck_id, answers, duration_ms, {_COLUMNS})")
    db.execute(
        f"INSERT INTO review_hours ({_KEY}, answers, duration_ms, {_COLUMNS}) "
        f"SELECT {_KEY_OF.format(r='reviews')}, count(*), sum(duration_ms), "
        + ", ".join(f"sum({e.format(r='reviews')})" for _, e in _COUNTS)
        + " FROM reviews GROUP BY 1, 2, 3")
    db.execute("CREATE INDEX items_kind ON items (kind, retired)")
    db.execute("ALTER TABLE item_state ADD COLUMN topic TEXT")
    db.execute("UPDATE item_state SET topic = "
               "(SELECT topic FROM items WHERE items.id = item_state.item_id)")
    db.execute("CREATE INDEX item_state_topic ON item_state "
               "(topic, active, deck_id, phase, due, stability, last_review)")
    db.execute("CREATE TRIGGER item_state_topic_set AFTER INSERT ON item_state "
               "WHEN new.topic IS NULL BEGIN UPDATE item_state SET topic = "
               "(SELECT topic FROM items WHERE items.id = new.item_id) "
               "WHERE item_id = new.item_id; END")
    db.execute("CREATE TRIGGER item_state_follow_item_topic AFTER UPDATE OF topic ON items "
               "WHEN old.topic IS NOT new.topic BEGIN "
               "UPDATE item_state SET topic = new.topic WHERE item_id = new.id; END")
    db.execute(f"CREATE TRIGGER review_hours_insert AFTER INSERT ON reviews BEGIN {_ADD} END")
    db.execute(f"CREATE TRIGGER review_hours_delete AFTER DELETE ON reviews BEGIN {_TAKE} END")
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in _COUNTED.split(", "))
    db.execute(f"CREATE TRIGGER review_hours_update AFTER UPDATE OF {_COUNTED} ON reviews "
               f"WHEN {changed} BEGIN {_TAKE} {_ADD} END")
