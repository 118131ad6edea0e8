"""CSV and TSV files: Anki's header lines, plain files, and every encoding trainers meet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from anki_content_builders import Built, anki_side, build, our_side

from trainer.content.importers.anki_stock import STOCK
from trainer.content.importers.bundle import ImportFormatError, stable_key
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


@pytest.mark.parametrize("row", ['"Q10","A10 never closed', '"Q10 with a stray quote,A10'])
def test_a_quote_never_closed_is_refused_at_its_line(tmp_path: Path, row: str) -> None:
    rows = [f"Q{i},A{i}" for i in range(1, 501)]
    rows[9] = row
    path = write(tmp_path, "stray.csv", ("\n".join(rows) + "\n").encode())
    # Read as the csv module reads it, the rest of the file would be one field of
    # line 10's card: 490 cards lost without a word.
    with pytest.raises(ImportFormatError, match=r"stray\.csv:10: a quote \(\"\) opens a "
                                                r"field on this line that is never closed"):
        read_csv(path)


def test_a_quoted_field_may_run_over_lines(tmp_path: Path) -> None:
    for text in (b'Q1,"two\nlines"\nQ2,A2\n', b'Q1,"two\nlines"\n', b'Q1,A1\nQ2,"A2\n'):
        bundle = read_csv(write(tmp_path, "multi.csv", text))
        assert bundle.decks[0].cards[0].back in ("two\nlines", "A1")
        assert bundle.skipped == []


@pytest.mark.parametrize("first", ["front,back,tags", "Front,Back,Tags", "Question,Answer,Tags",
                                   '"Front","Back","Tags"', "Front, Back , tags"])
def test_a_header_row_names_the_columns(tmp_path: Path, first: str) -> None:
    bundle = read_csv(write(tmp_path, "h.csv", f"{first}\nQ1,A1,pricing\n".encode()))
    [card] = bundle.decks[0].cards
    assert (card.front, card.back, card.tags, card.line) == ("Q1", "A1", ("pricing",), 2)


def test_a_header_row_with_deck_and_guid(tmp_path: Path) -> None:
    bundle = read_csv(write(tmp_path, "h.csv", b"Front,Back,Deck,GUID\nQ1,A1,Calls,g1\n"))
    [deck] = bundle.decks
    assert deck.title == "Calls" and deck.cards[0].id == stable_key("g", "g1")


def test_a_first_row_of_ordinary_words_is_a_card(tmp_path: Path) -> None:
    bundle = read_csv(write(tmp_path, "h.csv", b"Front door,Back office\nQ1,A1\n"))
    assert [c.front for c in bundle.decks[0].cards] == ["Front door", "Q1"]


# ---------------------------------------------------------------- Anki's own text export


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Built:
    pytest.importorskip("anki")
    return build(tmp_path_factory.mktemp("anki-text"))


def anki_import(path: Path, folder: Path) -> Any:
    """A fresh collection with ``path`` imported by Anki itself (open: close it)."""
    from anki.collection import Collection, ImportCsvRequest

    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    metadata = col.get_csv_metadata(str(path), None)
    col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata))
    return col


def test_anki_text_export_imports_as_anki_imports_it(exported: Built, tmp_path: Path) -> None:
    header = exported.notes_txt.read_text().splitlines()[:6]
    assert header == ["#separator:tab", "#html:true", "#guid column:1", "#notetype column:2",
                      "#deck column:3", "#tags column:9"]
    bundle = read_csv(exported.notes_txt)
    ours = {c.id: (d.title, c) for d in bundle.decks for c in d.cards}
    col = anki_import(exported.notes_txt, tmp_path / "anki")
    try:
        compared = 0
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            note = card.note()
            base = stable_key("g", note.guid)
            title, mine = ours.pop(base if card.ord == 0 else f"{base}-{card.ord}")
            assert title == col.decks.name(card.did).replace("::", " › ")
            assert mine.tags == tuple(note.tags)
            label = next(k for k, g in exported.guids.items() if g == note.guid)
            if label in ("basic", "latex"):
                continue  # a text file carries no sound files; LaTeX needs an install
            assert our_side(mine.front) == anki_side(card, False), (label, card.ord)
            assert our_side(mine.back) == anki_side(card, True), (label, card.ord)
            compared += 1
        assert compared == 9
    finally:
        col.close()
    # Anki skips the rows of a note type it does not have; they come in as front (the
    # first field) and back (the others), and the import says why they read so.
    assert [c.front for _, c in ours.values()] == ["Too <b>expensive</b> &amp; co"]
    assert any("front and a back" in p.message for p in bundle.skipped)  # "Not now"
    [unknown] = [p for p in bundle.skipped if "Objection" in p.message]
    assert unknown.severity == "warning" and "standard note types" in unknown.message
    assert "Verkäufer" in next(c.tags for _, c in ours.values() if "Too" in c.front)


def test_a_notetype_header_reverses_every_row(tmp_path: Path) -> None:
    path = write(tmp_path, "reverse.txt", b"#separator:Semicolon\n#notetype:Basic (and reversed "
                 b"card)\n#deck:Pricing\nAnchor;Value first\nSilence;After the price\n")
    bundle = read_csv(path)
    assert [(c.front, c.back) for c in bundle.decks[0].cards] == [
        ("Anchor", "Value first"), ("Value first", "Anchor"),
        ("Silence", "After the price"), ("After the price", "Silence")]
    pytest.importorskip("anki")
    col = anki_import(path, tmp_path / "anki")
    try:
        assert col.card_count() == 4
        assert sorted(our_side(c.front) for c in bundle.decks[0].cards) == sorted(
            anki_side(col.get_card(cid), False) for cid in col.find_cards(""))
    finally:
        col.close()


def test_stock_note_types_are_anki_s(tmp_path: Path) -> None:
    pytest.importorskip("anki")
    from anki.collection import Collection

    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        for name, note_type in STOCK.items():
            model = col.models.by_name(name)
            assert model is not None, name
            assert note_type.fields == tuple(f["name"] for f in model["flds"])
            assert [(t.ord, t.name, t.qfmt, t.afmt) for t in note_type.templates] == [
                (t["ord"], t["name"], t["qfmt"], t["afmt"]) for t in model["tmpls"]]
            assert note_type.cloze == (model["type"] == 1)
    finally:
        col.close()


def test_unicode_and_hierarchical_tags_are_kept(tmp_path: Path) -> None:
    text = ("#tags:Import Verkäufer\n#columns:Front\tBack\tTags\n"
            "Q\tA\t日本語 sales::cold-call VERKÄUFER\n")
    card = read_csv(write(tmp_path, "t.tsv", text.encode())).decks[0].cards[0]
    assert card.tags == ("Import", "Verkäufer", "日本語", "sales::cold-call")


def test_image_occlusion_rows_are_skipped_with_the_reason(tmp_path: Path) -> None:
    text = ("#separator:tab\n#html:true\n#notetype column:1\n"
            "Image Occlusion\t{{c1::image-occlusion:rect:left=.1:top=.1:width=.1:height=.1}}"
            "\t<img src=\"shelf.png\">\nBasic\tQ\tA\n")
    bundle = read_csv(write(tmp_path, "io.txt", text.encode()))
    assert [c.front for c in bundle.decks[0].cards] == ["Q"]
    [skipped] = bundle.skipped
    assert skipped.line == 4 and "needs its picture" in skipped.message
