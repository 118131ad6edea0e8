"""The window leaves the media folder's upkeep until after its first paint
(``open_services(media_later=True)``), but never a picture a card could show: an import
stopped before its pictures were in place is still finished while the profile opens,
and the upkeep left is done before any import and on closing."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from trainer.app import open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.content.importers.bundle import ImportBundle
from trainer.domain.settings import StudySettings
from trainer.library import media
from trainer.library.deck_pictures import DeckPictures

DATA = Path(__file__).resolve().parents[1] / "data"
CHART = b"\x89PNG\r\n\x1a\nchart"


def _bundle(tmp_path: Path, name: str) -> ImportBundle:
    from trainer.library.readers import read_any

    folder = tmp_path / name
    folder.mkdir()
    text = (DATA / "cards_deck.toml").read_text().replace('id = "cards"', f'id = "{name}"', 1)
    text = text.replace('back = "', "back = \"<img src='chart.png'> ", 1)
    (folder / "deck.toml").write_text(text)
    bundle = read_any(folder / "deck.toml")
    bundle.media = {"chart.png": CHART}
    return bundle


@pytest.fixture
def config(tmp_path: Path, clock: FakeClock, settings: StudySettings,
           card_decks: Path) -> Config:
    """A profile opened once, with a stray staging folder (an import stopped before its
    commit) in its media folder."""
    config = Config(tmp_path / "data")
    open_services(config, clock, settings, card_decks).close()
    stray = config.profile_dir / "media" / ".incoming-stray"
    stray.mkdir(parents=True)
    (stray / "half.png").write_bytes(bytes(100))
    return config


def test_an_import_stopped_after_its_commit_is_finished_before_any_card(
        config: Config, clock: FakeClock, settings: StudySettings, card_decks: Path,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    services = open_services(config, clock, settings, card_decks)
    plan = services.imports.plan(_bundle(tmp_path, "pics"))

    def killed(*args: object) -> None:
        raise SystemExit("killed between the commit and the pictures")

    monkeypatch.setattr(media, "publish", killed)
    with pytest.raises(SystemExit):
        services.imports.apply(plan)
    services.db.close()
    monkeypatch.undo()
    root = config.profile_dir / "media"
    chart = root / (hashlib.sha256(CHART).hexdigest() + ".png")
    assert not chart.exists()
    services = open_services(config, clock, settings, card_decks, media_later=True)
    # Nothing after the opening has run yet, and the card's picture is there.
    assert DeckPictures(services.db, root, "pics").path("chart.png") == chart
    assert services.db.execute("SELECT count(*) FROM pending_media").fetchone()[0] == 0
    services.close()


def test_the_upkeep_left_is_done_once_after_the_opening(
        config: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    stray = config.profile_dir / "media" / ".incoming-stray"
    services = open_services(config, clock, settings, card_decks, media_later=True)
    assert stray.is_dir()  # left: nothing a card shows depends on it
    services.finish_media()
    assert not stray.exists()
    stray.mkdir()  # once done, it is not done again in this run
    services.finish_media()
    assert stray.is_dir()
    services.close()


def test_the_upkeep_left_is_done_before_an_import_stages_its_pictures(
        config: Config, clock: FakeClock, settings: StudySettings, card_decks: Path,
        tmp_path: Path) -> None:
    stray = config.profile_dir / "media" / ".incoming-stray"
    services = open_services(config, clock, settings, card_decks, media_later=True)
    staged: list[bool] = []
    real_stage = media.stage

    def stage(media_root: Path, files: dict[str, bytes]) -> Path:
        staged.append(stray.exists())
        return real_stage(media_root, files)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(media, "stage", stage)
        with services.imports_apart() as imports:
            imports.apply(imports.plan(_bundle(tmp_path, "pics")))
    assert staged == [False]
    chart = config.profile_dir / "media" / (hashlib.sha256(CHART).hexdigest() + ".png")
    assert DeckPictures(services.db, chart.parent, "pics").path("chart.png") == chart
    services.close()


def test_the_upkeep_left_is_done_on_closing(
        config: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    stray = config.profile_dir / "media" / ".incoming-stray"
    services = open_services(config, clock, settings, card_decks, media_later=True)
    services.close()
    assert not stray.exists()


def test_without_media_later_the_opening_does_it_as_before(
        config: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    services = open_services(config, clock, settings, card_decks)
    assert not (config.profile_dir / "media" / ".incoming-stray").exists()
    services.close()


def test_a_profile_whose_old_folders_were_never_moved_in_is_done_at_once(
        config: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    # As a database restored from before the store: no record of the shared layout.
    services = open_services(config, clock, settings, card_decks)
    with services.db.atomic():
        services.db.execute("DELETE FROM settings WHERE key = 'media_layout'")
    services.close()
    stray = config.profile_dir / "media" / ".incoming-stray"
    stray.mkdir()
    shutil.copy(DATA / "cards_deck.toml", stray / "x.png")
    services = open_services(config, clock, settings, card_decks, media_later=True)
    assert not stray.exists()
    services.close()


def test_a_check_finds_no_stray_folder_that_the_upkeep_left(
        config: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    # The window's check on closing, before the first paint (a start in the tray).
    services = open_services(config, clock, settings, card_decks, media_later=True)
    assert services.checks.check(quick=True).ok
    assert services.check_apart(quick=True).ok
    services.close()
