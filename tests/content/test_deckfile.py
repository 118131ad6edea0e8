"""Deck file parsing: good files load; bad files report every problem with line and item."""

from __future__ import annotations

from pathlib import Path

from trainer.content.check import check_paths
from trainer.content.deckfile import parse_deck_bytes, parse_deck_file

GOOD = b'''format = 1

[deck]
id = "demo"
title = "Demo deck"
version = "1.2.0"
description = "For tests."
authors = ["A Trainer"]

[[sources]]
id = "art"
title = "An article"
publisher = "A publisher"

[[cards]]
id = "c1"
topic = "objections"
tags = ["mindset"]
source = "art"
front = "What does an objection show?"
back = """
The buyer is **still engaged**.
"""

[[cards]]
id = "c2"
topic = "objections"
front = "Second?"
back = "Yes."
'''


def parse(text: bytes, name: str = "deck.toml") -> tuple[object, list[str]]:
    result = parse_deck_bytes(text, Path(name))
    return result.deck, [str(p) for p in result.problems]


def test_good_deck_loads_every_field() -> None:
    result = parse_deck_bytes(GOOD, Path("demo.toml"))
    assert result.problems == []
    deck = result.deck
    assert deck is not None
    assert (deck.id, deck.title, deck.version, deck.authors) == (
        "demo", "Demo deck", "1.2.0", ("A Trainer",))
    assert deck.sources[0].credit() == "An article — A publisher"
    first, second = deck.cards
    assert first.id == "c1" and first.tags == ("mindset",) and first.source == "art"
    assert first.back == "The buyer is **still engaged**."
    assert first.line == 15 and second.line == 25
    assert second.source is None and second.tags == ()


def test_every_problem_is_reported_with_line_and_item() -> None:
    bad = GOOD.replace(b'id = "c2"', b'id = "c1"').replace(b'source = "art"', b'source = "nope"')
    bad = bad.replace(b'front = "Second?"', b'front = ""\ncolour = "red"')
    result = parse_deck_bytes(bad, Path("bad.toml"))
    assert result.deck is None
    by_message = {p.message.split(" (")[0]: p for p in result.problems}
    dup = next(p for p in result.problems if "already used" in p.message)
    assert (dup.item, dup.line) == ("c1", 26)
    assert "on line 15" in dup.message
    dangling = next(p for p in result.problems if "is not one of the [[sources]]" in p.message)
    assert (dangling.item, dangling.line) == ("c1", 19)
    empty = next(p for p in result.problems if p.message == "'front' is empty")
    assert empty.line == 28
    unknown = next(p for p in result.problems if "unknown field 'colour'" in p.message)
    assert unknown.line == 29
    assert all(p.file == "bad.toml" for p in result.problems)
    assert len(by_message) >= 4


def test_toml_syntax_error_names_the_line() -> None:
    deck, problems = parse(b'format = 1\n[deck]\nid = "x"\ntitle = "unterminated\n', "s.toml")
    assert deck is None
    assert problems and problems[0].startswith("s.toml:4") and "not valid TOML" in problems[0]


def test_missing_deck_metadata_and_format() -> None:
    deck, problems = parse(b'[[cards]]\nid = "a"\nfront = "f"\nback = "b"\ntopic = "t"\n')
    assert deck is None
    text = "\n".join(problems)
    assert "missing 'format = 1'" in text
    assert "missing the [deck] table" in text


def test_bad_ids_versions_and_sources() -> None:
    text = GOOD.replace(b'id = "demo"', b'id = "Demo Deck"').replace(
        b'version = "1.2.0"', b'version = "v1"').replace(b'publisher = "A publisher"\n', b"")
    deck, problems = parse(text)
    joined = "\n".join(problems)
    assert deck is None
    assert "deck id 'Demo Deck' may use only lowercase" in joined
    assert "version 'v1' must look like 1, 1.2 or 1.2.3" in joined
    assert "a source needs an 'author' or a 'publisher'" in joined


def test_not_utf8_is_reported() -> None:
    deck, problems = parse(b'format = 1\n# caf\xe9\n')
    assert deck is None and "not UTF-8" in problems[0] and ":2" in problems[0]


def test_unsupported_format_version() -> None:
    deck, problems = parse(GOOD.replace(b"format = 1", b"format = 7"))
    assert deck is None and any("format 7 is not supported" in p for p in problems)


def test_unreadable_file(tmp_path: Path) -> None:
    result = parse_deck_file(tmp_path / "missing.toml")
    assert result.deck is None and "cannot read file" in result.problems[0].message


def test_check_paths_folder_json_and_duplicate_deck_ids(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_bytes(GOOD)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.toml").write_bytes(GOOD)
    (tmp_path / "broken.toml").write_bytes(b"format = 1\n[deck\n")
    report = check_paths([tmp_path, tmp_path / "nothing-here"])
    doc = report.to_json()
    assert not report.ok
    assert [d["id"] for d in doc["decks"]] == ["demo"]  # type: ignore[index]
    assert doc["decks"][0]["cards"] == 2  # type: ignore[index]
    files = {p["file"] for p in doc["problems"]}  # type: ignore[union-attr]
    assert str(tmp_path / "broken.toml") in files
    assert str(tmp_path / "nothing-here") in files
    assert any("also used by" in p["message"] for p in doc["problems"])  # type: ignore[union-attr]


def test_builtin_decks_are_clean() -> None:
    from trainer.content.builtin import builtin_decks_dir

    report = check_paths([builtin_decks_dir()])
    assert report.problems == []
    assert sum(len(d.cards) for d in report.decks) >= 20


def test_empty_default_topic_does_not_drop_cards_silently() -> None:
    text = GOOD.replace(b'description = "For tests."', b'description = "For tests."\ntopic = ""')
    text = text.replace(b'id = "c2"\ntopic = "objections"\n', b'id = "c2"\n')
    deck, problems = parse(text)
    assert deck is None
    assert any("[c2]" in p and "missing 'topic'" in p for p in problems)


def test_format_must_be_a_whole_number() -> None:
    for bad in (b'format = "1"', b"format = 1.0", b"format = true"):
        deck, problems = parse(GOOD.replace(b"format = 1", bad))
        assert deck is None and any("must be the whole number 1" in p for p in problems), bad


def test_unclosed_triple_quote_points_at_the_last_line() -> None:
    text = (b'format = 1\n[deck]\nid = "x"\ntitle = "X"\nversion = "1"\n'
            b'[[cards]]\nback = """\nno end\n')
    deck, problems = parse(text, "u.toml")
    assert deck is None and problems[0].startswith("u.toml:8:")


def test_a_file_named_twice_is_checked_once(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_bytes(GOOD)
    report = check_paths([tmp_path, tmp_path / "a.toml"])
    assert report.ok and len(report.decks) == 1


def test_a_device_or_pipe_is_named_not_read_for_ever(tmp_path: Path) -> None:
    import os
    import threading

    pipe = tmp_path / "deck.toml"
    os.mkfifo(pipe)  # opening it to read would wait for a writer that never comes
    found: list[object] = []
    # In a thread of its own, so that a check that did open it fails this test rather
    # than hanging the run (the bound is for that failure only).
    worker = threading.Thread(target=lambda: found.append(check_paths([pipe])), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    [report] = found
    assert [(p.file, p.message) for p in report.problems] == [  # type: ignore[attr-defined]
        (str(pipe), "not a file or folder of deck files")]
