"""Work is never silently undone: answers are scheduled from the state the rep saw,
an import's pictures arrive with its decks, and start-up never reinstalls an older
built-in deck over a trainer's update."""

from __future__ import annotations

import hashlib
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.content.importers.bundle import ImportBundle
from trainer.domain.errors import ItemChangedError
from trainer.domain.scheduling import Rating
from trainer.domain.settings import StudySettings
from trainer.library import media
from trainer.library.deck_pictures import DeckPictures

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def two_windows(tmp_path: Path, clock: FakeClock, settings: StudySettings,
                card_decks: Path) -> tuple[Services, Services]:
    config = Config(tmp_path / "data")
    return (open_services(config, clock, settings, card_decks),
            open_services(config, clock, settings, card_decks))


def test_an_answer_to_a_card_changed_elsewhere_is_refused_and_shown_fresh(
        two_windows: tuple[Services, Services]) -> None:
    first, second = two_windows
    mine, theirs = first.study.start("cards"), second.study.start("cards")
    assert mine.current is not None and theirs.current is not None
    assert mine.current.item_id == theirs.current.item_id
    theirs.answer(Rating.AGAIN)
    with pytest.raises(ItemChangedError, match="answered somewhere else"):
        mine.answer(Rating.EASY)
    assert first.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    # The card is shown again as it is now, and answering it then works.
    assert mine.current is not None and mine.current.state.reps == 1
    mine.answer(Rating.GOOD)
    states = [r[0] for r in first.db.execute(
        "SELECT json_extract(state_before, '$.reps') FROM reviews ORDER BY id")]
    assert states == [0, 1]  # the second answer was scheduled from the first one's state
    first.close()
    second.close()


def test_undo_is_refused_when_the_card_was_answered_again_elsewhere(
        two_windows: tuple[Services, Services], clock: FakeClock) -> None:
    first, second = two_windows
    mine = first.study.start("cards")
    assert mine.current is not None
    item = mine.current.item_id
    mine.answer(Rating.AGAIN)
    clock.advance(timedelta(minutes=2))  # the card is due again, in the other window
    theirs = second.study.start("cards")
    assert theirs.current is not None and theirs.current.item_id == item
    theirs.answer(Rating.GOOD)
    with pytest.raises(ItemChangedError, match="can no longer be taken back"):
        mine.undo()
    assert first.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 2
    first.close()
    second.close()


def _bundle(tmp_path: Path, name: str = "pics") -> ImportBundle:
    from trainer.library.readers import read_any

    folder = tmp_path / name
    folder.mkdir()
    text = (DATA / "cards_deck.toml").read_text().replace('id = "cards"', 'id = "pics"', 1)
    text = text.replace('back = "', "back = \"<img src='chart.png'> ", 1)
    (folder / "deck.toml").write_text(text)
    bundle = read_any(folder / "deck.toml")
    bundle.media = {"chart.png": b"\x89PNG\r\n\x1a\nchart", "logo.png": b"\x89PNG\r\n\x1a\nl"}
    return bundle


def test_an_import_stopped_after_its_commit_gets_its_pictures_at_next_start(
        tmp_path: Path, clock: FakeClock, settings: StudySettings, card_decks: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(tmp_path / "data")
    services = open_services(config, clock, settings, card_decks)
    plan = services.imports.plan(_bundle(tmp_path))

    def killed(*args: object) -> None:
        raise SystemExit("killed between the commit and the pictures")

    monkeypatch.setattr(media, "publish", killed)
    with pytest.raises(SystemExit):
        services.imports.apply(plan)
    services.db.close()
    root = config.profile_dir / "media"
    chart = root / (hashlib.sha256(b"\x89PNG\r\n\x1a\nchart").hexdigest() + ".png")
    assert not chart.exists()  # committed, but its file is still staged
    monkeypatch.undo()
    # A staging folder no commit claimed (a crash before the commit) is removed.
    orphan = config.profile_dir / "media" / ".incoming-orphan"
    orphan.mkdir()
    (orphan / "x.png").write_bytes(bytes(100))
    services = open_services(config, clock, settings, card_decks)
    # Only the picture the deck shows: logo.png, which no card names, is left out.
    assert [p.name for p in root.iterdir()] == [chart.name]
    assert DeckPictures(services.db, root, "pics").path("chart.png") == chart
    assert DeckPictures(services.db, root, "pics").path("logo.png") is None
    assert services.db.execute("SELECT count(*) FROM pending_media").fetchone()[0] == 0
    assert services.checks.check().ok
    services.close()


def test_an_import_that_fails_leaves_no_pictures_and_no_staging(
        tmp_path: Path, clock: FakeClock, settings: StudySettings, card_decks: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(tmp_path / "data")
    services = open_services(config, clock, settings, card_decks)
    plan = services.imports.plan(_bundle(tmp_path))

    def full(*args: object) -> int:
        import sqlite3

        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("trainer.library.importing.write_history", full)
    with pytest.raises(Exception, match="disk is full"):
        services.imports.apply(plan)
    assert [p.name for p in (config.profile_dir / "media").iterdir()] == []
    assert services.db.execute("SELECT count(*) FROM decks WHERE id = 'pics'").fetchone()[0] == 0
    services.close()


def _builtin(folder: Path, version: str, front: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = (DATA / "cards_deck.toml").read_text()
    text = text.replace('version = "1"', f'version = "{version}"', 1)
    text = text.replace('front = "', f'front = "{front} ', 1)
    (folder / "cards_deck.toml").write_text(text)
    return folder


def first_front(services: Services) -> str:
    return str(services.db.execute(
        "SELECT front FROM items WHERE deck_id = 'cards' ORDER BY position LIMIT 1"
    ).fetchone()[0])


def test_a_trainers_update_of_a_builtin_deck_survives_every_start(
        tmp_path: Path, clock: FakeClock, settings: StudySettings) -> None:
    config = Config(tmp_path / "data")
    shipped = _builtin(tmp_path / "builtin", "1.0.0", "Shipped")
    services = open_services(config, clock, settings, shipped)
    trainers = _builtin(tmp_path / "trainer", "1.2.0", "Trainer's")
    services.imports.apply(services.imports.prepare(trainers / "cards_deck.toml"))
    assert first_front(services).startswith("Trainer's")
    services.close()
    for _ in range(2):
        services = open_services(config, clock, settings, shipped)
        assert first_front(services).startswith("Trainer's")
        assert services.db.execute("SELECT version FROM decks").fetchone()[0] == "1.2.0"
        services.close()
    # Nor a built-in deck of the same version: only a newer built-in one replaces it.
    same = _builtin(tmp_path / "same", "1.2.0", "Same version")
    services = open_services(config, clock, settings, same)
    assert first_front(services).startswith("Trainer's")
    services.close()
    newer = _builtin(tmp_path / "newer", "1.3.0", "Newer shipped")
    services = open_services(config, clock, settings, newer)
    assert first_front(services).startswith("Newer shipped")
    backups = [b.reason for b in services.backups.list()]
    assert "before-update" in backups and "before-import" in backups
    services.close()
    # And an app with an older built-in deck never downgrades it.
    shutil.rmtree(shipped)
    older = _builtin(tmp_path / "older", "1.1.0", "Older shipped")
    services = open_services(config, clock, settings, older)
    assert first_front(services).startswith("Newer shipped")
    services.close()


def test_a_csv_named_like_a_built_in_deck_comes_in_beside_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from trainer.cli import main

    data = tmp_path / "data"
    csv = tmp_path / "call-objectives.csv"
    csv.write_text("front,back\nMy own question,My own answer\n", encoding="utf-8")
    assert main(["--data-dir", str(data), "decks", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert main(["--data-dir", str(data), "import", str(csv), "--dry-run", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["warnings"] == []  # nothing of the built-in deck would be retired
    assert [d["id"] for d in plan["decks"]] == ["call-objectives-csv"]
    assert main(["--data-dir", str(data), "import", str(csv), "--yes"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "decks", "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    # The built-in deck as it was, the spreadsheet beside it.
    assert [d for d in after if d["id"] != "call-objectives-csv"] == before
    assert any(d["id"] == "call-objectives-csv" and d["new"] == 1 for d in after)
