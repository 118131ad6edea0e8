"""Every schema change, in order. Never edit one that has shipped; add a new one.

The steps live in one module per group (study, activities, browser, library); the
list below is the order they run in, and their names are what ``_sqlite_migrations``
records, so a shipped one is never renamed or moved in it.
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from trainer.storage.migrations import activities, browser, library, study

migrations = Migrations("trainer")

for _name, _step in (
    ("0001_initial", study.initial),
    ("0002_quizzes", activities.quizzes),
    ("0003_paths", activities.paths),
    ("0004_statistics", study.statistics),
    ("0005_review_deck_version", study.review_deck_version),
    ("0006_pending_media", library.pending_media),
    ("0007_practice_replies", activities.practice_replies),
    ("0008_browser", browser.browser),
    ("0009_item_resets", browser.item_resets),
    ("0010_origins_and_media_store", library.origins_and_media_store),
    ("0011_review_topic", study.review_topic),
    ("0012_review_hours", study.review_hours),
):
    migrations(name=_name)(_step)
