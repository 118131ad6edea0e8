"""`[[practice]]` items in a deck file: read, and every mistake named with its line."""

from __future__ import annotations

from pathlib import Path

from trainer.content.deckfile import parse_deck_bytes, parse_deck_file

DATA = Path(__file__).resolve().parents[1] / "data"

HEAD = '''format = 1
[deck]
id = "d"
title = "D"
version = "1"
topic = "t"

[[cards]]
id = "c1"
front = "F"
back = "B"
'''


def problems(text: str) -> list[str]:
    result = parse_deck_bytes((HEAD + text).encode(), Path("deck.toml"))
    return [str(p) for p in result.problems]


def test_the_test_deck_reads_every_field() -> None:
    result = parse_deck_file(DATA / "practice_deck.toml")
    assert result.problems == [] and result.deck is not None
    first, second = result.deck.practice
    assert first.id == "p-wrong-fact" and first.title == "A fact is wrong"
    assert first.source == "src" and first.topic == "pushing-back"
    assert first.prospect == "Your system doesn't run on phones."
    assert [c.id for c in first.checks] == ["permission", "fact", "question"]
    assert first.checks[0].why == "A prospect who agreed to hear it listens."
    assert first.line == 26
    assert [c.id for c in second.checks] == ["warning", "reason", "question", "calm"]
    assert second.checks[1].why == ""


def test_a_practice_item_without_a_rubric_is_an_error_at_its_line() -> None:
    text = '''
[[practice]]
id = "p1"
situation = "S"
prospect = "P"
model = "M"
'''
    assert problems(text) == ["deck.toml:13 [p1]: error: a practice item needs a rubric: "
                              "3 to 5 [[practice.checks]], each a thing a good reply does"]


def test_bad_and_repeated_check_ids_name_the_check_line() -> None:
    text = '''
[[practice]]
id = "p1"
situation = "S"
prospect = "P"
model = "M"

[[practice.checks]]
id = "Ask First"
text = "Asked"

[[practice.checks]]
id = "reason"
text = "Gave a reason"

[[practice.checks]]
id = "reason"
text = "Again"
'''
    found = problems(text)
    assert "deck.toml:20 [p1]: error: check id 'Ask First' must be lower-case letters, " \
        "digits and '-'" in found
    assert "deck.toml:28 [p1]: error: check id 'reason' is used twice in this rubric" in found


def test_checks_are_numbered_across_the_file() -> None:
    # The second item's bad check is found at its own line, not the first item's.
    text = '''
[[practice]]
id = "p1"
situation = "S"
prospect = "P"
model = "M"
[[practice.checks]]
id = "a"
text = "A"
[[practice.checks]]
id = "b"
text = "B"
[[practice.checks]]
id = "c"
text = "C"

[[practice]]
id = "p2"
situation = "S"
prospect = "P"
model = "M"
[[practice.checks]]
id = "a"
text = "A"
[[practice.checks]]
id = "b"
[[practice.checks]]
id = "c"
text = "C"
'''
    assert problems(text) == ["deck.toml:36 [p2]: error: missing required field 'text'"]


def test_missing_fields_shared_ids_and_rubric_size() -> None:
    text = '''
[[practice]]
id = "c1"
situation = "S"
model = "M"
[[practice.checks]]
id = "a"
text = "A"
'''
    found = problems(text)
    assert "deck.toml:14 [c1]: error: id 'c1' is already used on line 8; card, question " \
        "and practice ids share one list" in found
    assert "deck.toml:13 [c1]: error: missing required field 'prospect'" in found
    assert "deck.toml:13 [c1]: warning: the rubric has 1 check; 3 to 5 are easiest to " \
        "mark honestly" in found


def test_unknown_field_and_source() -> None:
    text = '''
[[practice]]
id = "p1"
situation = "S"
prospect = "P"
model = "M"
answer = "typo"
source = "nowhere"
[[practice.checks]]
id = "a"
text = "A"
[[practice.checks]]
id = "b"
text = "B"
[[practice.checks]]
id = "c"
text = "C"
'''
    found = problems(text)
    assert any("deck.toml:18 [p1]: error: unknown field 'answer'" in p for p in found)
    assert "deck.toml:19 [p1]: error: source 'nowhere' is not one of the [[sources]] ids" \
        in found
