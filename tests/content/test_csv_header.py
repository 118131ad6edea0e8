"""Each of Anki's header lines in a CSV/TSV file, and the roles a column can play."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.content.importers.bundle import ImportFormatError, stable_key
from trainer.content.importers.csvfile import MAX_COLUMN, ROLES, SEPARATORS, read_csv
from trainer.domain.deck import Deck


def deck_of(tmp_path: Path, text: str, name: str = "my_cards.txt") -> Deck:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [deck] = read_csv(path).decks
    return deck


@pytest.mark.parametrize("name", list(SEPARATORS))
def test_separator_by_name_in_any_case(tmp_path: Path, name: str) -> None:
    sep = SEPARATORS[name]
    card = deck_of(tmp_path, f"#separator:{name.upper()}\nfront{sep}back\n").cards[0]
    assert (card.front, card.back) == ("front", "back")


def test_separator_as_a_character_or_left_to_the_file(tmp_path: Path) -> None:
    card = deck_of(tmp_path, "#separator:!\nfront!back,with comma\n").cards[0]
    assert (card.front, card.back) == ("front", "back,with comma")
    card = deck_of(tmp_path, "#separator:\nfront;back\nf2;b2\n").cards[0]
    assert (card.front, card.back) == ("front", "back")


@pytest.mark.parametrize(("value", "front"), [("true", "<b>x</b>"), ("True", "<b>x</b>"),
                                              ("false", "&lt;b&gt;x&lt;/b&gt;"),
                                              ("yes", "&lt;b&gt;x&lt;/b&gt;")])
def test_html_only_when_true(tmp_path: Path, value: str, front: str) -> None:
    assert deck_of(tmp_path, f"#html:{value}\n<b>x</b>,back\n").cards[0].front == front


def test_tags_go_on_every_row_before_its_own(tmp_path: Path) -> None:
    deck = deck_of(tmp_path, "#tags:one  two\n#tags column:3\na,b,three\nc,d,\n")
    assert [c.tags for c in deck.cards] == [("one", "two", "three"), ("one", "two")]


def test_deck_names_the_deck_of_rows_without_one(tmp_path: Path) -> None:
    assert deck_of(tmp_path, "#deck:Price Talk\na,b\n").title == "Price Talk"
    assert deck_of(tmp_path, "#deck:\na,b\n").title == "my cards"  # the file's name


def test_notetype_is_the_note_type_of_rows_without_one(tmp_path: Path) -> None:
    deck = deck_of(tmp_path, "#notetype:Basic (and reversed card)\nfront,back\n")
    assert [(c.front, c.back) for c in deck.cards][1][0] == "back"
    assert len(deck_of(tmp_path, "#notetype:\nfront,back\n").cards) == 1


ROW = {"tags": "t1 t2", "deck": "Sales::Calls", "guid": "g1",
       "notetype": "Basic (and reversed card)"}


def check_role(deck: Deck, role: str) -> None:
    """The role's cell was read for its role and is not a field of the card."""
    card = deck.cards[0]
    assert (card.front, card.back) == ("front", "back")
    assert {"tags": card.tags == ("t1", "t2"), "deck": deck.title == "Sales › Calls",
            "guid": card.id == stable_key("g", "g1"),
            "notetype": [c.front for c in deck.cards] == ["front", "back"]}[role]
    assert len(deck.cards) == (2 if role == "notetype" else 1)


@pytest.mark.parametrize("role", ROLES)
def test_a_role_by_its_column_number(tmp_path: Path, role: str) -> None:
    check_role(deck_of(tmp_path, f"#{role} column:1\n{ROW[role]},front,back\n"), role)


@pytest.mark.parametrize("role", ROLES)
def test_a_role_by_its_name_in_columns(tmp_path: Path, role: str) -> None:
    text = f"#columns:Front,{role.upper()} ,Back\nfront,{ROW[role]},back\n"
    check_role(deck_of(tmp_path, text), role)


def test_a_column_number_wins_over_a_name(tmp_path: Path) -> None:
    deck = deck_of(tmp_path, "#columns:Front,Back,Deck\n#deck column:1\nOther,front,back\n")
    assert deck.title == "Other" and (deck.cards[0].front, deck.cards[0].back) == (
        "front", "back")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("value", "problem"), [
    ("x", "must be a column number"),
    ("1.5", "must be a column number"),
    ("0", f"must be a column number from 1 to {MAX_COLUMN}, not 0"),
    (str(MAX_COLUMN + 1), f"must be a column number from 1 to {MAX_COLUMN}, not "
                          f"{MAX_COLUMN + 1}"),
])
def test_a_bad_column_number_names_its_line(tmp_path: Path, role: str, value: str,
                                            problem: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(f"# a comment\n#{role} column:{value}\na,b\n", encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        read_csv(path)
    assert str(caught.value) == f"{path}:2: '#{role} column' {problem}"


@pytest.mark.parametrize("line", ["#if matches:x", "#unknown:x", "# just a comment",
                                  "#deck column", "#notetype column 3"])
def test_other_header_lines_are_comments(tmp_path: Path, line: str) -> None:
    deck = deck_of(tmp_path, f"{line}\na,b\n")
    assert [(c.front, c.back, c.line) for c in deck.cards] == [("a", "b", 2)]
    assert deck.title == "my cards"


def test_header_keys_in_any_case_with_spaces(tmp_path: Path) -> None:
    deck = deck_of(tmp_path, "# Deck Column : 3 \n#SEPARATOR: pipe\na|b|Named\n")
    assert deck.title == "Named" and deck.cards[0].back == "b"
