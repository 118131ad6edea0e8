"""Check Database finds what is wrong in plain words and repairs it after a backup."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scheduling import Rating
from trainer.domain.settings import StudySettings
from trainer.library.deck_pictures import DeckPictures
from trainer.library.media import content_of
from trainer.storage import media_repo


@pytest.fixture
def studied(tmp_path: Path, clock: FakeClock, settings: StudySettings,
            card_decks: Path) -> Services:
    services = open_services(Config(tmp_path / "data"), clock, settings, card_decks)
    session = services.study.start("cards")
    for rating in (Rating.GOOD, Rating.AGAIN, Rating.EASY):
        session.answer(rating)
    return services


def item_ids(services: Services) -> list[int]:
    return [r[0] for r in services.db.execute(
        "SELECT item_id FROM reviews ORDER BY id")]


def test_a_sound_profile_has_nothing_to_report(studied: Services) -> None:
    report = studied.checks.check()
    assert report.ok and report.lines() == ["No problems found."]
    assert studied.checks.check(quick=True).ok
    studied.close()


def test_a_state_that_differs_from_the_log_is_rebuilt_from_it(studied: Services) -> None:
    answered = item_ids(studied)[0]
    expected = studied.study.repo.state(answered)
    untouched = studied.db.execute(
        "SELECT item_id FROM item_state WHERE reps = 0 LIMIT 1").fetchone()[0]
    with studied.db.atomic():
        studied.db.execute("UPDATE item_state SET stability = 99, reps = 7 WHERE item_id = ?",
                           [answered])
        studied.db.execute("UPDATE item_state SET phase = 2, reps = 1 WHERE item_id = ?",
                           [untouched])
    report = studied.checks.check(quick=True)
    assert [f.what for f in report.findings] == [
        "The schedule of 2 cards and questions does not match their answers."]
    repaired = studied.checks.repair()
    assert repaired.ok and repaired.backup is not None and "before-repair" in repaired.backup.name
    assert repaired.repaired == ["rebuilt the schedule of 2 cards and questions from the "
                                 "answer log"]
    assert repaired.lines() == ["Rebuilt the schedule of 2 cards and questions from the "
                                "answer log.", "Nothing else is wrong now."]
    assert studied.study.repo.state(answered) == expected
    fresh = studied.study.repo.state(untouched)
    assert (fresh.phase, fresh.reps, fresh.due) == (0, 0, None)
    studied.close()


def test_orphans_are_found_and_removed(studied: Services) -> None:
    studied.db.execute("PRAGMA foreign_keys=OFF")
    with studied.db.atomic():
        studied.db.execute(
            "INSERT INTO reviews (item_id, deck_id, reviewed_at, rating, phase_before, "
            "state_before, state_after) VALUES (9999, 'cards', 't', 3, 0, '{}', '{}')")
        studied.db.execute("DELETE FROM item_state WHERE item_id = "
                           "(SELECT max(item_id) FROM item_state)")
    studied.db.execute("PRAGMA foreign_keys=ON")
    whats = [f.what for f in studied.checks.check().findings]
    assert "1 answer to an item that is no longer there." in whats
    assert "1 item without a schedule." in whats
    report = studied.checks.repair()
    assert report.ok, report.lines()
    assert studied.db.execute("SELECT count(*) FROM reviews WHERE item_id = 9999"
                              ).fetchone()[0] == 0
    assert studied.db.execute("SELECT count(*) FROM items WHERE id NOT IN "
                              "(SELECT item_id FROM item_state)").fetchone()[0] == 0
    studied.close()


def test_pictures_missing_unused_and_leftover_import_folders(studied: Services) -> None:
    root = studied.config.profile_dir / "media"
    chart, old, stray = (content_of(n, d) for n, d in (("chart.png", b"png"),
                                                         ("old.png", b"old"),
                                                         ("stray.png", b"stray")))
    with studied.db.atomic():
        studied.db.execute("UPDATE items SET back = back || ' <img src=\"chart.png\">"
                           " <img src=\"gone.png\">' WHERE key = (SELECT min(key) FROM items)")
        media_repo.record(studied.db, "cards", {"chart.png": chart, "old.png": old})
    root.mkdir(parents=True)
    (root / chart.file_name).write_bytes(b"png")
    (root / old.file_name).write_bytes(b"old")
    (root / stray.file_name).write_bytes(bytes(1000))  # a file no deck names
    (root / ".incoming-x1").mkdir()
    (root / ".incoming-x1" / "half.png").write_bytes(bytes(1000))
    report = studied.checks.check()
    whats = [f.what for f in report.findings]
    assert any("1 folder left by an interrupted import" in w for w in whats)
    assert "Deck 'cards' shows 1 picture that is missing (gone.png): import the deck again " \
           "to bring them back." in whats
    # A picture no card shows is noted, not a problem: an older backup may show it.
    assert report.notes == [
        "Deck 'cards' has 1 picture that no card shows now (old.png); kept, since a backup "
        "may still show them.",
        "1 picture file that no deck shows now (1 KB); kept, since a backup may still show "
        "them."]
    report = studied.checks.repair()
    assert not (root / ".incoming-x1").exists()
    assert {p.name for p in root.iterdir()} == {chart.file_name, old.file_name,
                                                stray.file_name}
    # What cannot be repaired here stays in the report, saying what to do.
    assert [f.repair for f in report.findings] == [None]
    assert "gone.png" in report.findings[0].what
    studied.close()


def test_pictures_left_in_an_old_per_deck_folder_are_moved_into_the_store(
        studied: Services) -> None:
    root = studied.config.profile_dir / "media"
    with studied.db.atomic():
        studied.db.execute("UPDATE items SET back = back || ' <img src=\"chart one.png\">' "
                           "WHERE key = (SELECT min(key) FROM items)")
    (root / "cards").mkdir(parents=True)  # as an app from before the store left it
    (root / "cards" / "chart one.png").write_bytes(b"png")
    pictures = DeckPictures(studied.db, root, "cards")
    assert pictures.path("chart one.png") == root / "cards" / "chart one.png"
    report = studied.checks.check()
    assert [(f.what, f.repair) for f in report.findings] == [(
        "Pictures of 1 deck are still in folders of their own, as before pictures were kept "
        "once per profile (cards).", "move their pictures into the profile's picture store")]
    report = studied.checks.repair()
    assert report.ok and report.repaired == [
        "moved 1 picture from the old per-deck folders into the picture store"]
    assert not (root / "cards").exists()
    assert pictures.path("chart one.png") == root / content_of("chart one.png", b"png").file_name
    studied.close()


def test_check_on_close_lets_the_next_open_skip_the_check(
        studied: Services, clock: FakeClock, settings: StudySettings, card_decks: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import trainer.storage.database as database

    config = studied.config
    assert studied.close(check=True) is not None
    checked: list[Path] = []
    real = database.quick_check

    def counting(conn: object) -> list[str]:
        checked.append(config.database_path)
        return real(conn)  # type: ignore[arg-type]

    monkeypatch.setattr(database, "quick_check", counting)
    open_services(config, clock, settings, card_decks).close()
    assert checked == []  # closed clean, unchanged since: no check needed
    # A file touched by another program since is checked.
    os.utime(config.database_path, ns=(1, 1))
    open_services(config, clock, settings, card_decks).close()
    assert checked == [config.database_path]


def test_the_latest_answer_is_the_last_written_even_if_the_clock_went_back(
        studied: Services, clock: FakeClock) -> None:
    from datetime import timedelta

    item = int(studied.db.execute("SELECT min(item_id) FROM item_state WHERE reps = 0"
                                  ).fetchone()[0])
    studied.study.answer(item, Rating.GOOD, now=clock() + timedelta(hours=2))
    # The computer's clock is then corrected backwards, and the card answered again.
    studied.study.answer(item, Rating.AGAIN, now=clock() + timedelta(hours=1))
    assert studied.checks.check().ok
    studied.close()


def test_repair_changes_nothing_when_no_backup_can_be_made(
        studied: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    with studied.db.atomic():
        studied.db.execute("UPDATE item_state SET reps = 9 WHERE reps = 1")
    before = studied.db.execute("SELECT * FROM item_state ORDER BY item_id").fetchall()

    def full(*args: object, **kwargs: object) -> None:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(studied.backups, "create", full)
    with pytest.raises(sqlite3.OperationalError, match="full"):
        studied.checks.repair()
    assert studied.db.execute("SELECT * FROM item_state ORDER BY item_id").fetchall() == before
    studied.close()


def test_a_summary_of_answers_that_differs_from_the_log_is_summed_again(
        studied: Services) -> None:
    db = studied.db
    db.execute("UPDATE review_hours SET answers = answers + 2, new_good = new_good + 2 "
               "WHERE topic = (SELECT min(topic) FROM review_hours)")
    report = studied.checks.check()
    assert [(f.what, f.repair) for f in report.findings] == [(
        "The statistics' summary of answers differs from the answer log in 1 hour.",
        "sum it again from the answer log")]
    assert studied.checks.check(quick=True).ok  # not summed again at every close
    repaired = studied.checks.repair()
    assert repaired.ok and repaired.repaired == [
        "summed the statistics' summary of answers again from the answer log"]
    assert db.execute("SELECT sum(answers) FROM review_hours").fetchone()[0] == 3
    studied.close()


@pytest.mark.parametrize("damage", [
    # Blocks of the index overwritten: every search fails with "malformed".
    "UPDATE items_fts_data SET block = randomblob(length(block)) WHERE id > 10",
    # An item the index never heard of: searching misses it.
    "INSERT INTO items_fts (items_fts, rowid, front, back, tags, topic, key) SELECT "
    "'delete', id, front, back, tags, topic, key FROM items WHERE id = "
    "(SELECT min(id) FROM items)",
])
def test_a_damaged_search_index_is_found_and_made_again(studied: Services,
                                                        damage: str) -> None:
    from trainer.storage.browse_repo import BrowseQuery

    word = studied.db.execute("SELECT front FROM items ORDER BY id LIMIT 1").fetchone()[0]
    word = next(w for w in word.split() if w.isalpha() and len(w) > 3)
    found = [r.item_id for r in studied.browse.search(BrowseQuery(text=word))]
    with studied.db.atomic():
        studied.db.execute(damage)
    assert studied.checks.check(quick=True).ok  # too slow a look for every close
    report = studied.checks.check()
    assert [f.what for f in report.findings] == [
        "The search index of Browse is damaged, so searching fails or misses cards."]
    repaired = studied.checks.repair()
    assert repaired.ok and repaired.repaired == ["made the search index of Browse again"]
    assert [r.item_id for r in studied.browse.search(BrowseQuery(text=word))] == found
    studied.close()
