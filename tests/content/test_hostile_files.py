"""Hostile and malformed files end in a clean import or a clear message naming the
file: nesting that made sanitizing quadratic, pictures named by path, a neighbouring
media folder with links and huge files, CSV limits, deeply nested TOML."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from trainer.content.importers.bundle import ImportFormatError
from trainer.content.render import MAX_TAGS, render_without_pictures, sanitize_html
from trainer.domain.errors import DeckError
from trainer.library import readers
from trainer.library.readers import read_any

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("hostile", [
    "<div>" * 50_000,
    "<div></span>" * 50_000,  # closers that close nothing
    '<div title="<">' * 50_000,  # a "<" inside a tag
])
def test_more_tags_than_any_card_has_are_shown_as_text(hostile: str) -> None:
    clean = sanitize_html(hostile + "<script>alert(1)</script>deep words")
    assert "deep words" in clean
    assert "<div" not in clean and "<script" not in clean
    assert clean.startswith("<p>&lt;div")


def test_a_card_with_many_tags_keeps_its_markup() -> None:
    shallow = "<div><b>kept</b></div>" * (MAX_TAGS // 4 - 1)
    assert sanitize_html(shallow) == shallow


def test_a_megabyte_field_is_sanitized_and_safe() -> None:
    hostile = ('<p onclick="x()">a</p><script>alert(1)</script>'
               '<img src="http://evil.example/t.png"><a href="javascript:x()">l</a>') * 9000
    assert len(hostile) > 1_000_000
    clean = sanitize_html(hostile)
    # The words may stay, as text; no tag may carry them.
    assert "<script" not in clean
    assert not re.search(r"<[a-z][^>]*(onclick|javascript:|http://evil)", clean)


def test_labels_never_load_a_picture_from_a_path() -> None:
    shown = render_without_pictures(
        'See ![the chart](/etc/secret.png) and <img src="../../x.png" alt="a map">.')
    assert "<img" not in shown
    assert "[picture: the chart]" in shown and "[picture: a map]" in shown


def _deck_with_pictures(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True)
    text = (DATA / "cards_deck.toml").read_text(encoding="utf-8")
    refs = " ".join(f"![pic]({n})" for n in names)
    text = text.replace('back = "', f'back = "{refs} ', 1)
    deck = folder / "deck.toml"
    deck.write_text(text, encoding="utf-8")
    (folder / "media").mkdir()
    return deck


def test_a_deck_file_brings_only_the_plain_pictures_it_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deck = _deck_with_pictures(tmp_path / "d", ["chart.png", "link.png", "huge.png",
                                                "gone.png"])
    media = deck.parent / "media"
    (media / "chart.png").write_bytes(b"\x89PNG chart")
    (media / "unrelated.png").write_bytes(b"\x89PNG not named by any card")
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    os.symlink(secret, media / "link.png")
    monkeypatch.setattr(readers, "MAX_PICTURE_BYTES", 1000)
    (media / "huge.png").write_bytes(bytes(2000))
    bundle = read_any(deck)
    assert bundle.media == {"chart.png": b"\x89PNG chart"}
    reasons = {Path(p.file).name: p.message for p in bundle.skipped}
    assert "link to another file" in reasons["link.png"]
    assert "larger than" in reasons["huge.png"]
    assert "not in the media folder" in reasons["gone.png"]
    assert "unrelated.png" not in reasons


def test_deeply_nested_toml_is_a_clear_error(tmp_path: Path) -> None:
    deck = tmp_path / "deep.toml"
    deck.write_text("x = " + "[" * 100_000, encoding="utf-8")
    with pytest.raises(DeckError, match="nested too deeply") as err:
        read_any(deck)
    assert "deep.toml" in str(err.value)


@pytest.mark.parametrize(("text", "message"), [
    ("front,back\nq," + "x" * 200_000 + "\n", "deck.csv:2: this line cannot be read"),
    ("#deck column:-1\nfront,back\nq,a\n", "deck.csv:1: '#deck column' must be a column"),
    ("#tags column:99999999999\nq,a\n", "deck.csv:1: '#tags column' must be a column"),
])
def test_csv_limits_are_clear_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "deck.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFormatError) as err:
        read_any(path)
    assert message in str(err.value)


def test_a_copied_deck_folder_without_media_still_imports(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    shutil.copy(DATA / "cards_deck.toml", folder)
    bundle = read_any(folder / "cards_deck.toml")
    assert bundle.media == {} and bundle.decks[0].id == "cards"
