"""Every example in docs/deck-format.md and docs/deck-mistakes.md does what the page
says it does.

Fenced blocks are sorted by their info string:

- ```toml            a complete deck: parses with no problems at all;
- ```toml invalid    a deck with a mistake: at least one error, and the ```text block
                     that follows it holds a message the checker really prints;
- ```toml fragment   part of a deck: valid TOML, not checked as a deck;
- ```json            the ``trainer deck check --json`` document: same keys as the code.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from trainer.content.check import check_paths
from trainer.content.deckfile import parse_deck_bytes

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "deck-format.md"
MISTAKES = REPO / "docs" / "deck-mistakes.md"
DOC_PATH = Path("docs/deck-format.md")  # the file name the examples' messages carry

_FENCE_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")


@dataclass(frozen=True)
class Block:
    """One fenced code block of the page."""

    info: str
    text: str
    line: int  # line of the opening fence, 1-based

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.info.split())

    @property
    def lang(self) -> str:
        return self.words[0] if self.words else ""

    @property
    def name(self) -> str:
        return f"line{self.line}"


def fenced_blocks(markdown: str) -> list[Block]:
    """The fenced code blocks of a Markdown text, in order."""
    blocks: list[Block] = []
    lines = markdown.splitlines(keepends=True)
    index = 0
    while index < len(lines):
        opening = _FENCE_OPEN.match(lines[index].rstrip("\r\n"))
        if opening is None:
            index += 1
            continue
        fence = opening.group("fence")
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        body: list[str] = []
        end = index + 1
        while end < len(lines) and not closing.match(lines[end].rstrip("\r\n")):
            body.append(lines[end])
            end += 1
        assert end < len(lines), f"{DOC}:{index + 1}: code block is never closed"
        blocks.append(Block(opening.group("info").strip(), "".join(body), index + 1))
        index = end + 1
    return blocks


def _doc_blocks() -> list[Block]:
    return [block for page in (DOC, MISTAKES) if page.is_file()
            for block in fenced_blocks(page.read_text(encoding="utf-8"))]


BLOCKS = _doc_blocks()
COMPLETE = [b for b in BLOCKS if b.words == ("toml",)]
INVALID = [b for b in BLOCKS if b.words == ("toml", "invalid")]
FRAGMENTS = [b for b in BLOCKS if b.words == ("toml", "fragment")]
JSON_BLOCKS = [b for b in BLOCKS if b.lang == "json"]


def _expected_message(block: Block) -> str | None:
    """The content of the ```text block right after ``block``, if there is one."""
    following = BLOCKS[BLOCKS.index(block) + 1:]
    if not following or following[0].lang != "text":
        return None
    return following[0].text.strip()


def test_the_page_exists_and_has_examples() -> None:
    assert DOC.is_file() and MISTAKES.is_file(), f"missing {DOC} or {MISTAKES}"
    assert COMPLETE, "the page needs at least one complete ```toml example"
    assert INVALID, "the page needs ```toml invalid examples"
    assert JSON_BLOCKS, "the page needs a ```json example of `deck check --json`"


def test_every_toml_block_says_what_kind_it_is() -> None:
    allowed = {("toml",), ("toml", "invalid"), ("toml", "fragment")}
    odd = [f"{b.name}: ```{b.info}" for b in BLOCKS if b.lang == "toml" and b.words not in allowed]
    assert odd == [], "toml blocks must be ```toml, ```toml invalid or ```toml fragment"


@pytest.mark.parametrize("block", COMPLETE, ids=[b.name for b in COMPLETE])
def test_complete_example_is_a_clean_deck(block: Block) -> None:
    result = parse_deck_bytes(block.text.encode("utf-8"), DOC_PATH)
    assert [str(p) for p in result.problems] == []
    assert result.deck is not None
    assert len(result.deck.cards) + len(result.deck.practice) > 0


@pytest.mark.parametrize("block", INVALID, ids=[b.name for b in INVALID])
def test_invalid_example_reports_the_documented_error(block: Block) -> None:
    result = parse_deck_bytes(block.text.encode("utf-8"), DOC_PATH)
    errors = [str(p) for p in result.errors]
    assert errors, f"{block.name}: the example is marked invalid but has no error"
    assert result.deck is None
    expected = _expected_message(block)
    assert expected, f"{block.name}: put the expected message in a ```text block after it"
    assert any(expected in e for e in errors), f"{expected!r} not among {errors}"


@pytest.mark.parametrize("block", FRAGMENTS, ids=[b.name for b in FRAGMENTS])
def test_fragment_is_valid_toml(block: Block) -> None:
    tomllib.loads(block.text)


def _key_types(entry: dict[str, object]) -> dict[str, type]:
    return {k: type(v) for k, v in entry.items() if v is not None}


@pytest.mark.parametrize("block", JSON_BLOCKS, ids=[b.name for b in JSON_BLOCKS])
def test_documented_json_keys_match_deck_check(block: Block, tmp_path: Path) -> None:
    documented = json.loads(block.text)
    # The missing path guarantees at least one problem to compare against.
    actual = check_paths([REPO / "decks", tmp_path / "missing.toml"]).to_json()
    assert set(documented) == set(actual)
    actual_decks = actual["decks"]
    actual_problems = actual["problems"]
    assert isinstance(actual_decks, list) and actual_decks
    assert isinstance(actual_problems, list) and actual_problems
    for name, real in (("decks", actual_decks[0]), ("problems", actual_problems[0])):
        entries = documented[name]
        assert entries, f"document at least one entry of {name!r}"
        for entry in entries:
            assert set(entry) == set(real), name
            types = _key_types(real)
            assert {k: t for k, t in _key_types(entry).items() if k in types} == {
                k: t for k, t in types.items() if entry.get(k) is not None
            }, name
