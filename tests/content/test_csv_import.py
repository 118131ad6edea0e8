"""CSV and TSV files: Anki's header lines, plain files, and every encoding trainers meet."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.content.importers.bundle import ImportFormatError
from trainer.content.importers.csvfile import read_csv


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_plain_two_column_csv(tmp_path: Path) -> None:
    path = write(tmp_path, "pricing_basics.csv", b"What is value?,What they get\n"
                                                 b"\"Quoted, with comma\",Back two\n\n")
    bundle = read_csv(path)
    [deck] = bundle.decks
    assert deck.id == "pricing-basics" and deck.title == "pricing basics"
    assert [(c.front, c.back) for c in deck.cards] == [
        ("What is value?", "What they get"), ("Quoted, with comma", "Back two")]
    assert deck.cards[0].line == 1 and deck.cards[1].line == 2
    # The same front gives the same id, so importing again updates instead of duplicating.
    assert read_csv(path).decks[0].cards[0].id == deck.cards[0].id


def test_anki_headers_columns_tags_deck_and_guid(tmp_path: Path) -> None:
    text = ("#separator:Semicolon\n#html:true\n#tags:imported sales\n"
            "#columns:Front;Back;Tags;Deck;GUID\n#deck column:4\n#guid column:5\n"
            "<b>Bold</b> front;Back <script>x()</script>;extra;Sales::Calls;abc123\n"
            "Second;Two;;Sales::Calls;def456\n")
    bundle = read_csv(write(tmp_path, "export.txt", text.encode()))
    [deck] = bundle.decks
    assert deck.id == "sales-calls" and deck.title == "Sales › Calls"
    first = deck.cards[0]
    assert first.front == "<b>Bold</b> front" and "script" not in first.back
    assert first.tags == ("imported", "sales", "extra")
    assert first.id.startswith("g-") and first.line == 7


def test_tsv_and_plain_text_is_kept_literal(tmp_path: Path) -> None:
    bundle = read_csv(write(tmp_path, "cards.tsv", b"2 * 3 <b>\tsix_ish\n"))
    card = bundle.decks[0].cards[0]
    assert card.front == "2 \\* 3 &lt;b&gt;" and card.back == "six\\_ish"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "e.csv", "Café objection,Résumé – “quoted”\n".encode(encoding))
    card = read_csv(path).decks[0].cards[0]
    assert (card.front, card.back) == ("Café objection", "Résumé – “quoted”")


def test_undecodable_and_binary_files_get_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match=r"bad\.csv:2: cannot be read as UTF-8"):
        read_csv(write(tmp_path, "bad.csv", b"ok,fine\n\x81\x8d,x\n"))
    with pytest.raises(ImportFormatError, match="not a text file"):
        read_csv(write(tmp_path, "bin.csv", b"a\x00b,c\n"))
    with pytest.raises(ImportFormatError, match="no rows with a front and a back"):
        read_csv(write(tmp_path, "empty.csv", b"only one column\n"))


def test_rows_without_a_back_are_skipped_with_their_line(tmp_path: Path) -> None:
    bundle = read_csv(write(tmp_path, "s.csv", b"a,b\nlonely\nc,d\n"))
    assert len(bundle.decks[0].cards) == 2
    assert [(p.line, p.message) for p in bundle.skipped] == [(2, "needs a front and a back; "
                                                                 "skipped")]
