"""Every schema change, in order. Never edit one that has shipped; add a new one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("trainer")


def _run(db: Database, script: str) -> None:
    # Not executescript(): it commits first, which would break the migration's
    # all-or-nothing transaction. The DDL here has no ';' inside strings.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    """Decks, items, scheduling state, review log and study sessions."""
    _run(
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


@migrations(name="0002_quizzes")
def quizzes(db: Database) -> None:
    """Quizzes, self-assessments, their attempts and raw answers; questions as items."""
    _run(
        db,
        """
        ALTER TABLE item_state ADD COLUMN in_new_queue INTEGER NOT NULL DEFAULT 1;
        DROP INDEX item_state_new;
        CREATE INDEX item_state_new
            ON item_state (deck_id, active, in_new_queue, phase, position);
        CREATE TABLE quizzes (
            deck_id TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            topic TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            pass_mark INTEGER NOT NULL,
            draw INTEGER,
            shuffle INTEGER NOT NULL,
            certainty INTEGER NOT NULL,
            questions TEXT NOT NULL,
            position INTEGER NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (deck_id, key)
        );
        CREATE TABLE assessments (
            deck_id TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            position INTEGER NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (deck_id, key)
        );
        CREATE TABLE quiz_attempts (
            id INTEGER PRIMARY KEY,
            deck_id TEXT NOT NULL,
            quiz_key TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'quiz',
            deck_version TEXT NOT NULL,
            plan TEXT NOT NULL,
            certainty INTEGER NOT NULL,
            pass_mark INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            discarded_at TEXT
        );
        CREATE INDEX quiz_attempts_open ON quiz_attempts (finished_at, discarded_at);
        CREATE TABLE quiz_answers (
            id INTEGER PRIMARY KEY,
            attempt_id INTEGER REFERENCES quiz_attempts(id) ON DELETE CASCADE,
            review_id INTEGER REFERENCES reviews(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            response TEXT NOT NULL,
            certainty INTEGER,
            score REAL NOT NULL,
            correct INTEGER NOT NULL,
            marks INTEGER,
            duration_ms INTEGER NOT NULL DEFAULT 0,
            answered_at TEXT NOT NULL,
            deck_version TEXT NOT NULL
        );
        CREATE INDEX quiz_answers_attempt ON quiz_answers (attempt_id, position);
        CREATE INDEX quiz_answers_item ON quiz_answers (item_id);
        CREATE TABLE assessment_attempts (
            id INTEGER PRIMARY KEY,
            deck_id TEXT NOT NULL,
            assessment_key TEXT NOT NULL,
            deck_version TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            scores TEXT
        );
        CREATE TABLE assessment_answers (
            id INTEGER PRIMARY KEY,
            attempt_id INTEGER NOT NULL REFERENCES assessment_attempts(id) ON DELETE CASCADE,
            statement_key TEXT NOT NULL,
            choice INTEGER NOT NULL,
            answered_at TEXT NOT NULL,
            UNIQUE (attempt_id, statement_key)
        );
        """
    )


@migrations(name="0003_paths")
def paths(db: Database) -> None:
    """Learning paths (such as a first week) and when a learner started each."""
    _run(
        db,
        """
        CREATE TABLE paths (
            deck_id TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            position INTEGER NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (deck_id, key)
        );
        CREATE TABLE path_starts (
            deck_id TEXT NOT NULL,
            key TEXT NOT NULL,
            started_at TEXT NOT NULL,
            PRIMARY KEY (deck_id, key)
        )
        """,
    )


@migrations(name="0004_statistics")
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
    _run(
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


@migrations(name="0005_review_deck_version")
def review_deck_version(db: Database) -> None:
    """The deck version each answer was given in, so an answer reported later (xAPI's
    context.revision) says which wording the rep saw. Answers logged before this
    migration have none: guessing today's version would be wrong for some of them."""
    _run(db, "ALTER TABLE reviews ADD COLUMN deck_version TEXT")


@migrations(name="0006_pending_media")
def pending_media(db: Database) -> None:
    """Imports whose pictures were staged but not yet put in place. The row is written
    in the transaction that installs the decks; the pictures are moved after the
    commit and the row deleted. A crash in between leaves the row, and the next start
    finishes the move, so a deck never stays without its pictures."""
    _run(db, """
        CREATE TABLE pending_media (
            staging TEXT PRIMARY KEY,
            decks TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """)


@migrations(name="0007_practice_replies")
def practice_replies(db: Database) -> None:
    """What a rep said or wrote to a practice item and which rubric checks they met.

    The reply's review (its FSRS rating) is in ``reviews``; undoing that answer removes
    the review but keeps the reply (``review_id`` becomes NULL): what the rep wrote is
    their work, shown again the next time the item comes up. ``checks`` is the rubric
    as it was answered, so an answer stays readable after a deck update edits it."""
    _run(db, """
        CREATE TABLE practice_replies (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id),
            review_id INTEGER REFERENCES reviews(id) ON DELETE SET NULL,
            answered_at TEXT NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('typed', 'aloud')),
            reply TEXT,
            met TEXT NOT NULL,
            checks TEXT NOT NULL,
            rating INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL DEFAULT 0,
            deck_version TEXT
        );
        CREATE INDEX practice_replies_item ON practice_replies (item_id, answered_at);
        CREATE INDEX practice_replies_review ON practice_replies (review_id)
        """)


@migrations(name="0008_browser")
def browser(db: Database) -> None:
    """What the browser keeps per item, and its full-text index.

    ``suspended`` and ``flag`` are the rep's own marks on an item's schedule: a
    suspended item is kept out of study (``active`` is 0 while it is, whatever a deck
    update does) until unsuspended. ``item_notes`` holds a personal note per item. Both
    belong to the item's stable id, so deck updates keep them. ``items_fts`` indexes
    every item's text for search as you type; triggers keep it in step with ``items``.
    """
    for statement in (
        "ALTER TABLE item_state ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE item_state ADD COLUMN flag INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE item_notes (
            item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            note TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE VIRTUAL TABLE items_fts USING fts5(
            front, back, tags, topic, key, content='items', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
            INSERT INTO items_fts (rowid, front, back, tags, topic, key)
            VALUES (new.id, new.front, new.back, new.tags, new.topic, new.key);
        END""",
        """CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
            INSERT INTO items_fts (items_fts, rowid, front, back, tags, topic, key)
            VALUES ('delete', old.id, old.front, old.back, old.tags, old.topic, old.key);
        END""",
        """CREATE TRIGGER items_fts_update AFTER UPDATE OF front, back, tags, topic, key
            ON items BEGIN
            INSERT INTO items_fts (items_fts, rowid, front, back, tags, topic, key)
            VALUES ('delete', old.id, old.front, old.back, old.tags, old.topic, old.key);
            INSERT INTO items_fts (rowid, front, back, tags, topic, key)
            VALUES (new.id, new.front, new.back, new.tags, new.topic, new.key);
        END""",
        "INSERT INTO items_fts (items_fts) VALUES ('rebuild')",
    ):
        db.execute(statement)


@migrations(name="0009_item_resets")
def item_resets(db: Database) -> None:
    """The browser's "reset to new": one row per reset, naming the latest answer the item
    had then (``after_review``, NULL when none). The answers stay (as Anki keeps them);
    Check Database reads a reset that comes after an item's latest answer as its state
    being new, not as a state to rebuild from that answer."""
    _run(db, """
        CREATE TABLE item_resets (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            after_review INTEGER,
            reset_at TEXT NOT NULL
        );
        CREATE INDEX item_resets_item ON item_resets (item_id, after_review);
    """)


@migrations(name="0010_origins_and_media_store")
def origins_and_media_store(db: Database) -> None:
    """Where each deck and item came from, and pictures stored once per profile.

    ``decks.origin`` is the kind of file a deck was imported from (``anki``, ``gift``,
    ``csv``, ``trainerdeck``, ``toml``; ``builtin`` and ``mine`` for the app's own) and
    ``origin_id`` the id that file gives it (Anki's deck id), so a deck renamed in Anki
    stays one deck and a file of another kind never lands on it by sharing its name.
    Decks installed before are given the kind their file's name says. ``item_origins``
    holds an imported Anki card's note GUID and card ordinal, which follow a note moved
    to another deck.

    ``media_files`` names each deck's pictures: (deck, the name its cards use) -> the
    SHA-256 of the content and the name's extension, the file being
    ``media/<sha256>.<ext>`` once for the whole profile. The pictures of the old
    per-deck folders are moved in when the profile is next opened (library/media.py),
    after their rows commit."""
    _run(db, """
        ALTER TABLE decks ADD COLUMN origin TEXT;
        ALTER TABLE decks ADD COLUMN origin_id TEXT;
        CREATE INDEX decks_origin ON decks (origin, origin_id);
        UPDATE decks SET origin = CASE
            WHEN builtin THEN 'builtin'
            WHEN id = 'my-cards' THEN 'mine'
            WHEN lower(source_file) LIKE '%.apkg' OR lower(source_file) LIKE '%.colpkg'
                THEN 'anki'
            WHEN lower(source_file) LIKE '%.gift' OR lower(source_file) LIKE '%.gift.txt'
                THEN 'gift'
            WHEN lower(source_file) LIKE '%.trainerdeck/%' THEN 'trainerdeck'
            WHEN lower(source_file) LIKE '%.csv' OR lower(source_file) LIKE '%.tsv'
                OR lower(source_file) LIKE '%.txt' THEN 'csv'
            WHEN lower(source_file) LIKE '%.toml' THEN 'toml'
        END;
        CREATE TABLE item_origins (
            item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            note_guid TEXT NOT NULL,
            card_ord INTEGER NOT NULL
        );
        CREATE INDEX item_origins_note ON item_origins (note_guid, card_ord);
        CREATE TABLE media_files (
            deck_id TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            hash TEXT NOT NULL,
            ext TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (deck_id, name)
        );
        CREATE INDEX media_files_hash ON media_files (hash, ext)
    """)
