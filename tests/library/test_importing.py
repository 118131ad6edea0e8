"""Importing into a profile: the plan first, then all or nothing; updates keep progress."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from anki_builders import legacy_collection, make_zip

from trainer.app import Services
from trainer.cli import _split_file_argument, main
from trainer.clock import FakeClock
from trainer.content.importers.bundle import HistoryEntry, ImportBundle
from trainer.content.package import pack
from trainer.domain.errors import DeckError
from trainer.domain.scheduling import Phase, Rating
from trainer.library import media
from trainer.library.deck_pictures import DeckPictures
from trainer.storage.browse_repo import BrowseQuery
from trainer.storage.decks_repo import InstallCancelled

DATA = Path(__file__).resolve().parents[1] / "data"


def deck_file(folder: Path, version: str = "1", edit: bool = False, drop: bool = False,
              ) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = (DATA / "quiz_deck.toml").read_text().replace('version = "1"',
                                                         f'version = "{version}"', 1)
    if edit:
        text = text.replace('front = "A card"', 'front = "A card, edited"')
    if drop:
        text = text.replace('[[cards]]\nid = "c1"\nfront = "A card"\nback = "Its back"\n', "")
    path = folder / "quiz_deck.toml"
    path.write_text(text)
    return path


def fingerprint(svc: Services) -> list[object]:
    tables = ["decks", "items", "item_state", "reviews", "quizzes", "assessments"]
    return [svc.db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables]


def test_plan_then_apply_and_json(svc: Services, tmp_path: Path) -> None:
    path = deck_file(tmp_path / "v1")
    plan = svc.imports.prepare(path)
    assert fingerprint(svc)[0] == []  # planning writes nothing
    doc = plan.to_json()
    [deck] = doc["decks"]  # type: ignore[misc]
    assert deck["version_from"] is None and deck["version_to"] == "1"
    assert sorted(deck["new"]) == sorted(["c1", "q-single", "q-multi", "q-tf", "q-scenario",
                                          "q-match", "q-order", "q-short"])
    multi = next(i for i in deck["items"] if i["id"] == "q-multi")
    assert multi["kind"] == "multiple"
    assert [(o["text"], o["weight"]) for o in multi["options"]] == [
        ("good one", 0.5), ("good two", 0.5), ("bad", -1.0)]
    single = next(i for i in deck["items"] if i["id"] == "q-single")
    assert single["options"][1]["feedback"] == "Yes, B."
    result = svc.imports.apply(plan)
    assert result.decks == ["qdeck"] and result.items == 8
    assert svc.study.counts("qdeck").new == 1  # the card; questions wait for the quiz


def test_a_deck_with_practice_items_imports_them_for_daily_study(svc: Services) -> None:
    plan = svc.imports.prepare(DATA / "practice_deck.toml")
    [deck] = plan.to_json()["decks"]  # type: ignore[misc]
    practice = next(i for i in deck["items"] if i["id"] == "p-wrong-fact")
    assert (practice["kind"], practice["status"], practice["prospect"]) == (
        "practice", "new", "Your system doesn't run on phones.")
    assert [c["id"] for c in practice["checks"]] == ["permission", "fact", "question"]
    result = svc.imports.apply(plan)
    assert result.items == 4
    assert svc.study.counts("say-it").new == 4  # two cards and two practice items


def test_update_keeps_progress_and_retires(svc: Services, tmp_path: Path,
                                           clock: FakeClock) -> None:
    svc.imports.apply(svc.imports.prepare(deck_file(tmp_path / "v1")))
    item_id = svc.db.execute("SELECT id FROM items WHERE key = 'c1'").fetchone()[0]
    svc.study.answer(item_id, Rating.GOOD)
    state = svc.study.repo.state(item_id)
    plan = svc.imports.prepare(deck_file(tmp_path / "v2", "2", edit=True))
    assert plan.changes[0].plan.updated == ["c1"] and not plan.has_older
    svc.imports.apply(plan)
    assert svc.study.repo.state(item_id) == state
    plan = svc.imports.prepare(deck_file(tmp_path / "v3", "3", drop=True))
    assert plan.changes[0].plan.retired == ["c1"]
    svc.imports.apply(plan)
    assert svc.db.execute("SELECT retired FROM items WHERE id = ?", [item_id]).fetchone() == (1,)
    assert svc.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    older = svc.imports.prepare(deck_file(tmp_path / "v1b", "1"))
    assert older.has_older and older.changes[0].plan.restored == ["c1"]
    assert "OLDER" in older.summary()[0]


def test_cancel_and_failure_write_nothing(svc: Services, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    plan = svc.imports.prepare(deck_file(tmp_path / "v1"))
    before = fingerprint(svc)
    with pytest.raises(InstallCancelled):
        svc.imports.apply(plan, lambda done, total: False)
    assert fingerprint(svc) == before
    deck = plan.bundle.decks[0]
    card = replace(deck.cards[0], back="![chart](chart.png)")
    bad = ImportBundle(tmp_path / "x", [replace(deck, cards=(card, *deck.cards[1:]))],
                       history=[HistoryEntry("qdeck", "c1", datetime(2026, 1, 1, tzinfo=UTC),
                                             Rating.GOOD, 1000)],
                       media={"chart.png": b"x"})

    def disk_full(root: Path, pictures: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(media, "stage", disk_full)
    with pytest.raises(OSError):
        svc.imports.apply(svc.imports.plan(bad))
    assert fingerprint(svc) == before
    assert not any((svc.config.profile_dir / "media").glob("qdeck/*"))


def test_a_failure_after_the_decks_are_written_rolls_everything_back(
        svc: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = svc.imports.prepare(deck_file(tmp_path / "v1"))
    before = fingerprint(svc)

    def disk_full(*args: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("trainer.library.importing.write_history", disk_full)
    with pytest.raises(sqlite3.OperationalError):
        svc.imports.apply(plan)
    assert fingerprint(svc) == before


def test_history_is_replayed_through_fsrs(svc: Services, tmp_path: Path) -> None:
    plan = svc.imports.prepare(deck_file(tmp_path / "v1"))
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    plan.bundle.history = [
        HistoryEntry("qdeck", "c1", start, Rating.GOOD, 4000),
        HistoryEntry("qdeck", "c1", start + timedelta(minutes=10), Rating.GOOD, 3000),
        HistoryEntry("qdeck", "c1", start + timedelta(days=3), Rating.EASY, 2000),
    ]
    result = svc.imports.apply(plan)
    assert result.reviews == 3
    item_id = svc.db.execute("SELECT id FROM items WHERE key = 'c1'").fetchone()[0]
    state = svc.study.repo.state(item_id)
    assert state.phase == Phase.REVIEW and state.reps == 3
    assert state.last_review == start + timedelta(days=3)
    # Importing the same history again duplicates nothing.
    assert svc.imports.apply(svc.imports.plan(plan.bundle)).reviews == 0


def test_history_added_in_anki_after_an_earlier_import_comes_in(
        svc: Services, tmp_path: Path) -> None:
    plan = svc.imports.prepare(deck_file(tmp_path / "v1"))
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    first = [HistoryEntry("qdeck", "c1", start, Rating.GOOD, 4000),
             HistoryEntry("qdeck", "c1", start + timedelta(minutes=10), Rating.GOOD, 3000)]
    plan.bundle.history = list(first)
    assert svc.imports.apply(plan).reviews == 2
    # Later the rep went on in Anki: the same file again, with two newer answers.
    later = [HistoryEntry("qdeck", "c1", start + timedelta(days=3), Rating.AGAIN, 2000),
             HistoryEntry("qdeck", "c1", start + timedelta(days=3, minutes=10),
                          Rating.GOOD, 2000)]
    again = svc.imports.plan(plan.bundle)
    again.bundle.history = first + later
    assert svc.imports.apply(again).reviews == 2
    item_id = svc.db.execute("SELECT id FROM items WHERE key = 'c1'").fetchone()[0]
    state = svc.study.repo.state(item_id)
    assert (state.reps, state.lapses) == (4, 1)
    assert state.last_review == start + timedelta(days=3, minutes=10)
    times = [r[0] for r in svc.db.execute(
        "SELECT reviewed_at FROM reviews WHERE item_id = ? ORDER BY reviewed_at", [item_id])]
    assert len(times) == len(set(times)) == 4


def test_answers_given_here_since_are_not_overwritten_by_older_anki_ones(
        svc: Services, tmp_path: Path, clock: FakeClock) -> None:
    plan = svc.imports.prepare(deck_file(tmp_path / "v1"))
    svc.imports.apply(plan)
    item_id = svc.db.execute("SELECT id FROM items WHERE key = 'c1'").fetchone()[0]
    svc.study.answer(item_id, Rating.GOOD)  # answered here, at the clock's now
    older = clock() - timedelta(days=1)
    again = svc.imports.plan(plan.bundle)
    again.bundle.history = [HistoryEntry("qdeck", "c1", older, Rating.AGAIN, 1000)]
    assert svc.imports.apply(again).reviews == 0
    assert svc.study.repo.state(item_id).reps == 1


def test_media_lands_in_the_profile(svc: Services, tmp_path: Path) -> None:
    src = tmp_path / "src"
    deck = deck_file(src)
    deck.write_text(deck.read_text().replace('back = "Its back"',
                                             'back = "Its back ![chart](chart.png)"', 1))
    (src / "media").mkdir()
    (src / "media" / "chart.png").write_bytes(b"png")
    (src / "media" / "unused.png").write_bytes(b"no card shows this")
    package = tmp_path / "q.trainerdeck"
    pack([src], package)
    svc.imports.apply(svc.imports.prepare(package))
    root = svc.config.profile_dir / "media"
    shown = DeckPictures(svc.db, root, "qdeck").path("chart.png")
    assert shown is not None and shown.read_bytes() == b"png"
    # Stored once, named by its content; only what a card shows.
    assert [p.name for p in root.iterdir()] == [hashlib.sha256(b"png").hexdigest() + ".png"]
    assert DeckPictures(svc.db, root, "qdeck").path("unused.png") is None
    assert svc.checks.check().ok


def test_cli_dry_run_json_and_yes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    package = tmp_path / "q.trainerdeck"
    deck_file(tmp_path / "src")
    assert main(["deck", "pack", str(tmp_path / "src"), "-o", str(package)]) == 0
    capsys.readouterr()
    base = ["--data-dir", str(tmp_path / "d"), "import", str(package)]
    assert main([*base, "--dry-run", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["decks"][0]["id"] == "qdeck" and len(doc["decks"][0]["items"]) == 8
    db = tmp_path / "d" / "profiles" / "default" / "trainer.sqlite"
    assert sqlite3.connect(db).execute(
        "SELECT count(*) FROM decks WHERE id = 'qdeck'").fetchone() == (0,)
    assert main(base) == 3  # not a terminal and no --yes: refuse rather than guess
    assert "add --yes" in capsys.readouterr().err
    assert main([*base, "--yes"]) == 0
    assert "Imported 8 items into qdeck" in capsys.readouterr().out
    assert sqlite3.connect(db).execute(
        "SELECT count(*) FROM items WHERE deck_id = 'qdeck'").fetchone() == (8,)


def test_cli_refuses_a_bad_file_and_changes_nothing(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.trainerdeck"
    bad.write_bytes(b"PK\x03\x04 broken")
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(bad), "--yes"]) == 3
    err = capsys.readouterr().err
    assert "bad.trainerdeck" in err and "Traceback" not in err


def test_trainer_file_opens_the_window_with_an_import() -> None:
    assert _split_file_argument(["--data-dir", "x", "deck.trainerdeck"]) == (
        ["--data-dir", "x"], Path("deck.trainerdeck"))
    assert _split_file_argument(["import", "deck.trainerdeck"]) == (
        ["import", "deck.trainerdeck"], None)


def test_check_warns_about_likely_mistakes(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    old = deck_file(tmp_path / "old")
    new_dir = tmp_path / "new"
    text = old.read_text().replace('id = "q-tf"', 'id = "q-truth"')
    text = text.replace('[[quizzes.questions]]\nid = "q-multi"',
                        '[[cards]]\nid = "c2"\nfront = "a  CARD"\nback = "x"\n\n'
                        '[[quizzes.questions]]\nid = "q-multi"', 1)
    new_dir.mkdir()
    (new_dir / "quiz_deck.toml").write_text(text)
    assert main(["deck", "check", str(new_dir), "--against", str(old)]) == 0
    out = capsys.readouterr().out
    assert "[q-truth]: warning: has the same text as 'q-tf' in version 1" in out
    assert "[c2]: warning: the same front as card 'c1'" in out
    assert "[c2]: warning: credits no source" in out
    with pytest.raises(DeckError):
        pack([tmp_path / "missing"], tmp_path / "x.trainerdeck")


def test_cards_suspended_or_buried_in_anki_arrive_suspended(svc: Services,
                                                             tmp_path: Path) -> None:
    collection = legacy_collection([("g1", "One\x1fA"), ("g2", "Two\x1fB"),
                                    ("g3", "Three\x1fC"), ("g4", "Four\x1fD")],
                                   queues=[0, -1, -2, -3])
    package = make_zip(tmp_path / "held.apkg", {"collection.anki2": collection,
                                                "media": b"{}"})
    plan = svc.imports.prepare(package)
    assert "3 cards suspended or buried in the file arrive suspended" in " ".join(
        plan.summary())
    svc.imports.apply(plan)
    (deck,) = [d for d in svc.study.deck_counts() if d.deck.title == "Hand Made"]
    assert deck.counts.new == 1
    suspended = svc.browse.search(BrowseQuery(deck=deck.deck.id, state="suspended"))
    assert sorted(r.front for r in suspended) == ["Four", "Three", "Two"]
    # Imported again: the rep's choice stands (a card let back in stays in).
    svc.browse.suspend([suspended[0].item_id], False)
    svc.imports.apply(svc.imports.prepare(package))
    assert len(svc.browse.search(BrowseQuery(deck=deck.deck.id, state="suspended"))) == 2
