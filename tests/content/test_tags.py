"""Tags as Anki keeps them, everywhere: any script, "::" levels, one tag whatever its
case; in deck files, in storage, and in the browser's tag filter (a tag finds its levels
below, as Anki's tag:sales finds sales::cold-call)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.content.deckfile import parse_deck_bytes
from trainer.content.tags import (
    normalize_tag,
    split_tags,
    tag_matches,
    unique_tags,
    with_parents,
)
from trainer.domain.settings import StudySettings
from trainer.storage.browse_repo import BrowseQuery

DECK = """format = 1
[deck]
id = "tagged"
title = "Tagged"
version = "1"
topic = "t"

[[cards]]
id = "a"
front = "A"
back = "a"
tags = ["Verkäufer", "sales::Cold-Call", "日本語", "verka\u0308ufer"]

[[cards]]
id = "b"
front = "B"
back = "b"
tags = ["Sales"]

[[cards]]
id = "c"
front = "C"
back = "c"
tags = ["salesforce", "SALES::cold-call::opener"]
"""


def test_tag_rules() -> None:
    assert normalize_tag(" a::::b:: ") == "a::b"
    assert normalize_tag("Verka\u0308ufer") == "Verkäufer"  # one tag however "ä" is typed
    assert split_tags("Sales sales::x\u3000日本語 SALES") == ("Sales", "sales::x", "日本語")
    assert unique_tags(["Verkäufer", "VERKÄUFER", ""]) == ("Verkäufer",)
    assert tag_matches("Sales::Cold-Call", "sales") and tag_matches("sales", "SALES")
    assert tag_matches("Sales::Cold-Call", "sales::cold-call")
    assert not tag_matches("salesforce", "sales") and not tag_matches("sales", "sales::x")
    assert not tag_matches("anything", "")
    assert with_parents(["sales::cold-call::opener", "Sales", "日本語"]) == [
        "Sales", "Sales::cold-call", "Sales::cold-call::opener", "日本語"]
    assert with_parents(["b::X", "B::x::y", "a"]) == ["a", "B", "B::X", "B::X::y"]


def test_deck_files_keep_unicode_and_levels_and_refuse_spaces() -> None:
    result = parse_deck_bytes(DECK.encode(), Path("tagged.toml"))
    assert result.deck is not None and not result.problems
    assert result.deck.cards[0].tags == ("Verkäufer", "sales::Cold-Call", "日本語")
    spaced = DECK.replace('tags = ["Sales"]', 'tags = ["cold call"]')
    bad = parse_deck_bytes(spaced.encode(), Path("tagged.toml"))
    [problem] = bad.problems
    assert bad.deck is None and problem.item == "b" and problem.line == 18
    assert "tag 'cold call' has a space in it" in problem.message


@pytest.fixture
def svc(tmp_path: Path, clock: FakeClock, settings: StudySettings) -> Iterator[Services]:
    empty = tmp_path / "no-builtin"
    empty.mkdir()
    (tmp_path / "tagged.toml").write_text(DECK, encoding="utf-8")
    services = open_services(Config(tmp_path / "data"), clock, settings, empty)
    services.imports.apply(services.imports.prepare(tmp_path / "tagged.toml"))
    yield services
    services.close()


def test_browser_filters_by_tag_and_its_levels_in_any_case(svc: Services) -> None:
    def keys(**query: str) -> list[str]:
        return [r.key for r in svc.browse.search(BrowseQuery(**query))]  # type: ignore[arg-type]

    assert svc.browse.tags() == ["Sales", "Sales::Cold-Call", "Sales::Cold-Call::opener",
                                 "salesforce", "Verkäufer", "日本語"]
    assert keys(tag="sales") == ["a", "b", "c"]
    assert keys(tag="SALES::COLD-CALL") == ["a", "c"]
    assert keys(tag="verkäufer") == ["a"] and keys(tag="日本語") == ["a"]
    assert keys(tag="salesforce") == ["c"] and keys(tag="nothing") == []
    # The browser's text search finds a tag written in any script.
    assert keys(text="Verkäufer") == ["a"] and keys(text="日本語") == ["a"]
