"""Pictures kept once per profile: an older profile's per-deck folders move into the
store when it is opened, stopped anywhere without losing a picture; a database restored
from before the store finds its pictures again; an import an older app left between its
commit and its pictures is finished."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.settings import StudySettings
from trainer.library import media
from trainer.library.deck_pictures import DeckPictures
from trainer.library.media import OLD_FOLDERS_CATALOG
from trainer.profile.backup_service import BackupService
from trainer.storage import media_repo
from trainer.storage.migrations import migrations
from trainer.storage.schema import SCHEMA_VERSION

CHART = b"\x89PNG\r\n\x1a\n chart"
ONLY_A = b"\x89PNG\r\n\x1a\n only in a"


def stored(name: str, data: bytes) -> str:
    return media.content_of(name, data).file_name


def old_profile(data_dir: Path, decks: dict[str, dict[str, bytes]]) -> Config:
    """A profile as the app before the store left it (schema 9): decks imported from
    Anki whose cards show pictures kept in a folder per deck."""
    config = Config(data_dir)
    config.database_path.parent.mkdir(parents=True)
    db = Database(config.database_path)
    migrations.apply(db, stop_before="0010_origins_and_media_store")
    db.execute("PRAGMA user_version = 9")
    for deck_id, pictures in decks.items():
        db.execute("INSERT INTO decks (id, title, version, source_file, installed_at, "
                   "updated_at) VALUES (?, ?, '1', ?, 't', 't')",
                   [deck_id, deck_id.upper(), f"/home/rep/{deck_id}.apkg"])
        folder = config.profile_dir / "media" / deck_id
        folder.mkdir(parents=True)
        for number, (name, content) in enumerate(pictures.items()):
            db.execute("INSERT INTO items (deck_id, key, topic, front, back, position, "
                       "created_at, updated_at) VALUES (?, ?, 't', 'Which?', ?, ?, 't', 't')",
                       [deck_id, f"c{number}", f'<img src="{name}">', number])
            (folder / name).write_bytes(content)
    db.execute("INSERT INTO item_state (item_id, deck_id, position) "
               "SELECT id, deck_id, position FROM items")
    db.conn.commit()
    db.close()
    return config


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return old_profile(tmp_path / "data", {"a": {"chart.png": CHART, "only a.png": ONLY_A},
                                           "b": {"chart.png": CHART}})


def opened(config: Config, clock: FakeClock, settings: StudySettings, tmp_path: Path
           ) -> Services:
    empty = tmp_path / "no-builtin"
    empty.mkdir(exist_ok=True)
    return open_services(config, clock, settings, empty)


def test_an_old_profile_s_folders_move_into_the_store_only_after_their_rows_commit(
        config: Config, clock: FakeClock, settings: StudySettings, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = config.profile_dir / "media"
    chart, only_a = stored("chart.png", CHART), stored("only a.png", ONLY_A)

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    # Stopped before the rows commit: nothing is lost, the old folders still show.
    monkeypatch.setattr(media_repo, "mark_shared_layout", full)
    services = opened(config, clock, settings, tmp_path)
    assert services.db.execute("SELECT count(*) FROM media_files").fetchone()[0] == 0
    assert (root / "a" / "chart.png").read_bytes() == CHART
    assert DeckPictures(services.db, root, "a").path("chart.png") == root / "a" / "chart.png"
    services.close()
    monkeypatch.undo()

    # Stopped after the rows commit, before the old files are removed.
    monkeypatch.setattr(media, "_remove_adopted", full)
    services = opened(config, clock, settings, tmp_path)
    assert (root / "a" / "chart.png").exists()
    assert DeckPictures(services.db, root, "a").path("chart.png") == root / chart
    services.close()
    monkeypatch.undo()

    services = opened(config, clock, settings, tmp_path)
    # One file for the chart both decks show; the old folders are gone.
    assert sorted(p.name for p in root.iterdir()) == sorted(
        [chart, only_a, OLD_FOLDERS_CATALOG])
    assert (root / chart).read_bytes() == CHART
    for deck_id in ("a", "b"):
        assert DeckPictures(services.db, root, deck_id).path("chart.png") == root / chart
    assert DeckPictures(services.db, root, "a").path("only a.png") == root / only_a
    assert DeckPictures(services.db, root, "b").path("only a.png") is None
    assert json.loads((root / OLD_FOLDERS_CATALOG).read_text()) == {
        "a": {"chart.png": chart, "only a.png": only_a}, "b": {"chart.png": chart}}
    assert services.checks.check().ok
    # The upgrade also says where each deck came from, by its file's name.
    assert services.db.execute("SELECT id, origin FROM decks ORDER BY id").fetchall() == [
        ("a", "anki"), ("b", "anki")]
    services.close()


def test_a_database_restored_from_before_the_store_finds_its_pictures_again(
        config: Config, clock: FakeClock, settings: StudySettings, tmp_path: Path) -> None:
    root = config.profile_dir / "media"
    opened(config, clock, settings, tmp_path).close()  # upgraded and moved in
    backups = BackupService(config.database_path, clock)
    [before] = [b for b in backups.list() if f"before-v{SCHEMA_VERSION}" in b.name]
    backups.restore(before)  # a schema-9 database, whose folders are gone
    services = opened(config, clock, settings, tmp_path)
    assert DeckPictures(services.db, root, "b").path("chart.png") == \
        root / stored("chart.png", CHART)
    assert services.checks.check().ok
    services.close()


def test_an_import_an_older_app_left_before_its_pictures_is_finished(
        config: Config, clock: FakeClock, settings: StudySettings, tmp_path: Path) -> None:
    # The older app committed deck "a" naming a new picture and recorded its staging
    # folder (pictures under the names cards use), then stopped.
    root = config.profile_dir / "media"
    staging = root / ".incoming-old"
    staging.mkdir()
    (staging / "new chart.png").write_bytes(b"new")
    db = Database(config.database_path)
    db.execute("INSERT INTO pending_media (staging, decks, created_at) VALUES (?, ?, 't')",
               [staging.name, json.dumps({"a": ["new chart.png"]})])
    db.execute("UPDATE items SET back = back || ' <img src=\"new chart.png\">' "
               "WHERE deck_id = 'a'")
    db.conn.commit()
    db.close()
    services = opened(config, clock, settings, tmp_path)
    shown = DeckPictures(services.db, root, "a").path("new chart.png")
    assert shown is not None and shown.name == hashlib.sha256(b"new").hexdigest() + ".png"
    assert not staging.exists()
    assert services.db.execute("SELECT count(*) FROM pending_media").fetchone()[0] == 0
    assert services.checks.check().ok
    services.close()
