"""What a deck holds besides cards: quizzes and self-assessments, learning paths,
practice replies (0002, 0003, 0007)."""

from __future__ import annotations

from sqlite_utils import Database

from trainer.storage.migrations.sql import run


def quizzes(db: Database) -> None:
    """Quizzes, self-assessments, their attempts and raw answers; questions as items."""
    run(
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


def paths(db: Database) -> None:
    """Learning paths (such as a first week) and when a learner started each."""
    run(
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


def practice_replies(db: Database) -> None:
    """What a rep said or wrote to a practice item and which rubric checks they met.

    The reply's review (its FSRS rating) is in ``reviews``; undoing that answer removes
    the review but keeps the reply (``review_id`` becomes NULL): what the rep wrote is
    their work, shown again the next time the item comes up. ``checks`` is the rubric
    as it was answered, so an answer stays readable after a deck update edits it."""
    run(db, """
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
