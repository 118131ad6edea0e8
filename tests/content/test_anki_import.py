"""Anki packages: every format Anki writes (made at test time with the real Anki and with
genanki), cards of each note type, pictures, review history, and hostile files."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from anki_builders import (
    BASIC_MODEL,
    LOGO,
    PNG,
    AnkiPackages,
    build_anki_packages,
    legacy_collection,
    make_zip,
    media_entries,
    zstd,
)

from trainer.content.importers.anki import proto_fields, read_anki
from trainer.content.importers.anki_html import FieldConverter, safe_media_name
from trainer.content.importers.anki_notes import NoteType, Template, render_card, safe_tags
from trainer.content.importers.bundle import ImportBundle, ImportFormatError, stable_key
from trainer.content.render import render_markdown
from trainer.content.safezip import Limits
from trainer.domain.deck import Card, Deck, Source
from trainer.domain.scheduling import Rating

ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> AnkiPackages:
    pytest.importorskip("anki")
    return build_anki_packages(tmp_path_factory.mktemp("anki"))


def key(guid: str, ord_: int) -> str:
    return f"{stable_key('a', guid)}-{ord_}"


def deck(bundle: ImportBundle, deck_id: str) -> Deck:
    return next(d for d in bundle.decks if d.id == deck_id)


def card(bundle: ImportBundle, card_key: str) -> Card:
    return next(c for d in bundle.decks for c in d.cards if c.id == card_key)


def content(bundle: ImportBundle) -> list[tuple[str, str, list[tuple[str, ...]]]]:
    """Everything but the file name, to compare imports of different formats."""
    return [(d.id, d.title, [(c.id, c.front, c.back, c.topic, *c.tags) for c in d.cards])
            for d in bundle.decks]


# ---------------------------------------------------------------- real Anki packages


def test_decks_follow_anki_decks_that_have_cards(packages: AnkiPackages) -> None:
    bundle = read_anki(packages.current_apkg)
    twin = stable_key("sales-pricing", "Sales::Pricing")
    assert [(d.id, d.title) for d in bundle.decks] == [
        ("sales", "Sales"), ("sales-pricing", "Sales Pricing"),
        ("sales-calls-openers", "Sales › Calls › Openers"), (twin, "Sales › Pricing")]
    for d in bundle.decks:
        assert ID.match(d.id) and d.version == "1"
        assert d.sources == (Source("anki", "current.apkg", publisher="Imported from Anki"),)
        assert "current.apkg" in d.description and "Anki" in d.description
        assert all(ID.match(c.id) and c.source == "anki" for c in d.cards)
    assert {c.topic for c in deck(bundle, twin).cards} == {"pricing"}
    assert {c.topic for c in deck(bundle, "sales-calls-openers").cards} == {"openers"}


def test_basic_reversed_optional_typed_and_custom_note_types(packages: AnkiPackages) -> None:
    bundle = read_anki(packages.current_apkg)
    g = packages.guids
    basic = card(bundle, key(g["basic"], 0))
    assert (basic.front, basic.back) == ("What is <b>value</b>?",
                                         'What they get <img src="chart one.png">')
    # As Anki keeps them (sorted): case, "&" and the "::" levels too.
    assert basic.tags == ("Mindset", "Q&A", "Sales::Pricing")
    assert [(c.front, c.back) for c in (card(bundle, key(g["reversed"], 0)),
                                        card(bundle, key(g["reversed"], 1)))] == [
        ("Anchor", "Name the full value first"), ("Name the full value first", "Anchor")]
    openers = deck(bundle, "sales-calls-openers")
    assert {c.id: (c.front, c.back) for c in openers.cards} == {
        key(g["optional"], 0): ("Open with", "A question"),
        key(g["optional"], 1): ("A question", "Open with"),
        key(g["one-way"], 0): ("Never open with", "A pitch"),  # no reverse card in Anki
        key(g["typed"], 0): ("Best opener?", "A question about them"),
        key(g["vocab"], 0): ("Churn", "Customers lost"),  # empty and unshown fields left out
    }
    [empty] = [p for p in bundle.skipped if "nothing on its back" in p.message]
    assert empty.item == key(g["no-back"], 0) and empty.file.endswith("current.apkg")


def test_cloze_cards_hide_one_deletion_each(packages: AnkiPackages) -> None:
    bundle = read_anki(packages.current_apkg)
    first, second = (card(bundle, key(packages.guids["cloze"], n)) for n in (0, 1))
    assert first.front == "Say [...], then stop talking."
    assert first.back == "Say <b>the price</b>, then stop talking.<br> Silence <i>works</i>."
    assert second.front == "Say the price, then [what next?]."
    assert second.back.startswith("Say the price, then <b>stop talking</b>.")
    assert first.tags == ("cloze",)


def test_html_is_sanitized_and_kept_literal(packages: AnkiPackages) -> None:
    bundle = read_anki(packages.current_apkg)
    hostile = card(bundle, key(packages.guids["hostile"], 0))
    assert "script" not in hostile.front and "onclick" not in hostile.front
    front = render_markdown(hostile.front)
    assert "<b>Bold</b>" in front and "*not emphasis* 2_000" in front and "<em>" not in front
    for bad in ("iframe", "evil.example", "javascript"):
        assert bad not in hostile.back
    assert '<img src="logo.png">' in hostile.back
    assert bundle.media == {"chart one.png": PNG, "logo.png": LOGO}  # not unused.png
    # The package names tip.mp3 but lacks it: the import says so by name.
    sounds = [p for p in bundle.skipped if "tip.mp3" in p.message]
    assert len(sounds) == 1 and sounds[0].severity == "warning"


def test_every_format_gives_the_same_decks_and_keys(packages: AnkiPackages) -> None:
    reference = read_anki(packages.current_apkg)
    assert content(read_anki(packages.current_apkg)) == content(reference)
    for path in (packages.legacy_apkg, packages.old_exporter_apkg, packages.colpkg,
                 packages.legacy_colpkg, packages.unscheduled_apkg):
        bundle = read_anki(path)
        assert content(bundle) == content(reference), path.name
        assert bundle.media == reference.media, path.name


def test_current_packages_are_read_from_anki21b_not_the_dummy(packages: AnkiPackages,
                                                              tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(packages.current_apkg) as archive:
        names = archive.namelist()
        assert {"collection.anki21b", "collection.anki2"} <= set(names)
        entries = {n: archive.read(n) for n in names if n != "collection.anki21b"}
    dummy_only = make_zip(tmp_path / "dummy.apkg", entries)
    with pytest.raises(ImportFormatError, match=r"dummy\.apkg: was made by a newer Anki"):
        read_anki(dummy_only)


def test_review_history(packages: AnkiPackages) -> None:
    bundle = read_anki(packages.current_apkg, with_history=True)
    history = sorted(bundle.history, key=lambda e: e.reviewed_at)
    assert len(history) == len(packages.reviews) == 4  # the manual due date is not a review
    for entry, review in zip(history, packages.reviews, strict=True):
        assert entry.item_key == key(review.guid, review.ord)
        assert entry.rating == Rating(review.ease)
        assert entry.duration_ms == review.duration_ms
        stamp = entry.reviewed_at.timestamp() * 1000
        assert entry.reviewed_at.utcoffset() is not None and entry.reviewed_at.tzinfo
        assert round(stamp) == review.logged_at_ms
    assert [e.rating for e in history] == [Rating.GOOD, Rating.AGAIN, Rating.EASY,
                                           Rating.HARD]
    twin = stable_key("sales-pricing", "Sales::Pricing")
    assert [e.deck_id for e in history] == [twin, twin, "sales", twin]
    legacy = read_anki(packages.legacy_apkg, with_history=True).history
    assert sorted(legacy, key=lambda e: e.reviewed_at) == history
    assert read_anki(packages.current_apkg).history == []
    assert read_anki(packages.unscheduled_apkg, with_history=True).history == []


def test_genanki_package(tmp_path: Path) -> None:
    genanki = pytest.importorskip("genanki")
    picture = tmp_path / "g.png"
    picture.write_bytes(PNG)
    anki_deck = genanki.Deck(2059400110, "Genanki::Objections")
    anki_deck.add_note(genanki.Note(model=genanki.BASIC_MODEL, guid="abc",
                                    tags=["Sales", "new_rep"],
                                    fields=["Q1 <img src='g.png'>", "A1"]))
    anki_deck.add_note(genanki.Note(model=genanki.BASIC_AND_REVERSED_CARD_MODEL, guid="r+/X",
                                    fields=["Q2", "A2"]))
    anki_deck.add_note(genanki.Note(model=genanki.CLOZE_MODEL, guid="c",
                                    fields=["{{c1::x}} and {{c2::y::hint}}", ""]))
    package = genanki.Package(anki_deck)
    package.media_files = [str(picture)]
    path = tmp_path / "genanki.apkg"
    package.write_to_file(str(path))
    bundle = read_anki(path)
    [only] = bundle.decks
    assert (only.id, only.title) == ("genanki-objections", "Genanki › Objections")
    first = card(bundle, "a-a9993e364706-0")  # sha1("abc"): the key depends on the guid only
    assert first.front == 'Q1 <img src="g.png">' and first.tags == ("Sales", "new_rep")
    assert bundle.media == {"g.png": PNG}
    reversed_keys = [c.id for c in only.cards if c.front in ("Q2", "A2")]
    assert len(reversed_keys) == 2 and all(ID.match(k) for k in reversed_keys)
    assert card(bundle, key("c", 1)).front == "x and [hint]"
    assert card(bundle, key("c", 0)).back == "<b>x</b> and y"


# ---------------------------------------------------------------- hand-made packages


def test_hand_made_legacy_package_media_names_and_v1_history(tmp_path: Path) -> None:
    fields = ('Unsafe <img src="../../evil.png"> <img src="con.png"> <img src="gone.png">'
              '\x1fSafe <img src="ok%20one.png">')
    revlog = [(1_700_000_000_000, 1, 2, 3000, 0),  # v1 learning: 2 meant Good
              (1_700_000_100_000, 1, 2, 2000, 1),  # v1 review: 2 is Hard
              (1_700_000_200_000, 1, 0, 0, 1),  # ease 0: not an answer
              (1_700_000_300_000, 1, 3, 0, 4),  # manual
              (1_700_000_400_000, 99, 3, 0, 1),  # a card that is not there
              (2**62, 1, 3, 0, 1)]  # no calendar holds this
    collection = legacy_collection([("g1", fields)], revlog=revlog, sched_ver=None)
    media = json.dumps({"0": "../../evil.png", "1": "con.png", "2": "ok one.png"}).encode()
    path = make_zip(tmp_path / "hand.apkg", {"collection.anki2": collection, "media": media,
                                             "0": b"evil", "1": b"con", "2": b"ok"})
    bundle = read_anki(path, with_history=True)
    only = bundle.decks[0].cards[0]
    assert only.front == "Unsafe" and only.back == 'Safe <img src="ok one.png">'
    assert bundle.media == {"ok one.png": b"ok"}
    messages = " | ".join(p.message for p in bundle.skipped)
    assert "'../../evil.png'" in messages and "'con.png'" in messages
    assert "not in the package" in messages and "gone.png" in messages
    assert [(e.rating, e.duration_ms) for e in bundle.history] == [(Rating.GOOD, 3000),
                                                                   (Rating.HARD, 2000)]
    assert bundle.history[0].reviewed_at.year == 2023


def test_hand_made_current_package_media_entries(tmp_path: Path) -> None:
    collection = legacy_collection([("g1", 'A <img src="a.png"> <img src="b.png">\x1fBack')])
    a, b = b"first picture", b"second picture"
    media = media_entries([("a.png", a, hashlib.sha1(a).digest()),
                           ("b.png", b, hashlib.sha1(b"something else").digest())])
    path = make_zip(tmp_path / "new.apkg", {
        "collection.anki21b": zstd(collection), "media": media, "0": zstd(a), "1": b},
        deflate=False)
    bundle = read_anki(path)
    assert bundle.media == {"a.png": a}
    assert any("'b.png' is damaged" in p.message for p in bundle.skipped)


def test_protobuf_reader() -> None:
    message = b"\x08\x96\x01\x12\x03abc\x1d\x01\x02\x03\x04\xfa\x0f\x00"
    assert list(proto_fields(message)) == [(1, 150), (2, b"abc"), (3, b"\x01\x02\x03\x04"),
                                           (255, b"")]
    for broken in (b"\x08", b"\x12\x05ab", b"\x0b", b"\x08" + b"\xff" * 11):
        with pytest.raises(ValueError):
            list(proto_fields(broken))


# ---------------------------------------------------------------- fields and clozes

BASIC = NoteType("Basic", ("Front", "Back"), (Template(0, "Card 1", "{{Front}}",
                                                       "{{FrontSide}}<hr id=answer>{{Back}}"),))
CLOZE = NoteType("Cloze", ("Text", "Back Extra"),
                 (Template(0, "Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}"),),
                 cloze=True)


def front_back(note_type: NoteType, values: list[str], ord_: int = 0) -> tuple[str, str]:
    return render_card(note_type, values, ord_, FieldConverter(available_media=()))


def test_field_text_cannot_become_markdown() -> None:
    convert = FieldConverter(available_media=())
    assert convert("# 1 tip") == "&#35; 1 tip"
    assert convert("1. first") == "1&#46; first"
    assert convert("- dash") == "&#45; dash"
    assert convert("line one\n\n    line two") == "line one      line two"
    assert convert("<pre>a\nb</pre>") == "<pre>a<br>b</pre>"
    assert convert("see [this](http://x) `x` ~y~ \\o/") == (
        "see &#91;this&#93;(http://x) &#96;x&#96; &#126;y&#126; &#92;o/")
    assert convert("<br>&nbsp; <div></div>") == ""
    rendered = render_markdown(convert("<div>*keep* [a](b)</div>"))
    assert "*keep* [a](b)" in rendered and "<a " not in rendered


def test_cloze_parsing() -> None:
    nested = "{{c1::a {{c2::b}} c}} {{c3,4::d}}"
    assert front_back(CLOZE, [nested, ""], 0) == ("[...] d", "<b>a b c</b> d")
    assert front_back(CLOZE, [nested, ""], 1) == ("a [...] c d", "a <b>b</b> c d")
    assert front_back(CLOZE, [nested, ""], 3) == ("a b c [...]", "a b c <b>d</b>")
    # A placeholder right before "(" must not become a link.
    assert front_back(CLOZE, ["{{c1::x}}(y)", ""])[0] == "[...&#93;(y)"
    assert front_back(CLOZE, ["{{c1::open}} }} {{c2::unclosed", ""])[0] == (
        "[...] }} {{c2::unclosed")
    assert front_back(CLOZE, ["{{c1::<i>x</i>::a *hint*}}", "More"]) == (
        "[a &#42;hint&#42;]", "<b><i>x</i></b><br>More")
    deep = "{{c1::" * 200 + "x" + "}}" * 200
    assert "[...]" in front_back(CLOZE, [deep, ""])[0]


def test_cards_that_cannot_be_shown_are_skipped() -> None:
    from trainer.content.importers.anki_notes import CardSkipped

    with pytest.raises(CardSkipped, match="cloze 3 is no longer"):
        front_back(CLOZE, ["{{c1::a}}", ""], 2)
    with pytest.raises(CardSkipped, match="image occlusion"):
        front_back(CLOZE, ["{{c1::image-occlusion:rect:left=.1}}", ""])
    with pytest.raises(CardSkipped, match="nothing on its front"):
        front_back(BASIC, ["<br>", "Back"])
    # Without templates: the first field asks, the other non-empty fields answer.
    bare = NoteType("Odd", ("A", "B", "C"), ())
    assert front_back(bare, ["a", "", "c"]) == ("a", "c")
    with pytest.raises(CardSkipped, match="nothing on its back"):
        front_back(BASIC, ["only one field"])


def test_tags_and_media_names() -> None:
    assert safe_tags(" Mindset Sales::Pricing Q&A café -x- mindset Cafe\u0301 ::a:: ") == (
        "Mindset", "Sales::Pricing", "Q&A", "café", "-x-", "a")
    for bad in ("../x.png", "a/b.png", "a\\b.png", "c:x.png", "", ".", "..", "CON.png",
                "x.png.", "nul"):
        assert not safe_media_name(bad), bad
    assert safe_media_name("chart one.png") and safe_media_name("é-1.jpg")


# ---------------------------------------------------------------- hostile files


def hostile(tmp_path: Path, kind: str) -> Path:
    """One of the hostile or broken files of the corpus."""
    good = legacy_collection([("g", "Front\x1fBack")])
    path = tmp_path / f"{kind}.apkg"
    if kind == "not-a-zip":
        path.write_bytes(b"SQLite format 3\x00 but not really")
    elif kind == "truncated":
        make_zip(path, {"collection.anki2": good, "media": b"{}"})
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif kind == "traversal":
        make_zip(path, {"collection.anki2": good, "../../evil.sh": b"x"})
    elif kind == "absolute":
        make_zip(path, {"collection.anki2": good, "/etc/cron.d/evil": b"x"})
    elif kind == "backslash":
        make_zip(path, {"collection.anki2": good, "..\\evil.bat": b"x"})
    elif kind == "zip-bomb":
        make_zip(path, {"collection.anki2": b"\x00" * 20_000_000})
    elif kind == "not-sqlite":
        make_zip(path, {"collection.anki21": b"this is not a database" * 100})
    elif kind == "no-collection":
        make_zip(path, {"media": b"{}", "0": b"x"})
    elif kind == "empty-sqlite":
        import sqlite3

        empty = sqlite3.connect(":memory:")
        empty.execute("CREATE TABLE unrelated (x)")
        make_zip(path, {"collection.anki2": empty.serialize()})
    elif kind == "view-trap":
        make_zip(path, {"collection.anki2": legacy_collection([], notes_as_view=True)})
    elif kind == "bad-models":
        make_zip(path, {"collection.anki2": legacy_collection([("g", "a\x1fb")],
                                                             models="{not json")})
    elif kind == "bad-media-map":
        make_zip(path, {"collection.anki2": good, "media": b"[1, 2]"})
    elif kind == "bad-zstd":
        make_zip(path, {"collection.anki21b": b"\x28\xb5\x2f\xfd" + b"garbage" * 50})
    elif kind == "bad-media-proto":
        make_zip(path, {"collection.anki21b": zstd(good), "media": zstd(b"\x0a\xff\xff")})
    elif kind == "corrupt-member":
        make_zip(path, {"collection.anki2": good})
        data = bytearray(path.read_bytes())
        for offset in range(80, 120):  # inside the deflated collection
            data[offset] ^= 0x55
        path.write_bytes(bytes(data))
    elif kind == "unknown-method":
        make_zip(path, {"collection.anki2": good}, deflate=False)
        data = bytearray(path.read_bytes())
        for header, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
            at = data.index(header) + offset
            data[at:at + 2] = (99).to_bytes(2, "little")  # AES: not something zipfile reads
        path.write_bytes(bytes(data))
    elif kind == "no-cards":
        make_zip(path, {"collection.anki2": legacy_collection([("g", "<br>\x1fBack")])})
    return path


HOSTILE = {
    "not-a-zip": "not a readable zip", "truncated": "not a readable zip",
    "traversal": "unsafe entry name", "absolute": "unsafe entry name",
    "backslash": "unsafe entry name", "zip-bomb": "zip bomb",
    "not-sqlite": "damaged or not an Anki package", "no-collection": "holds no Anki collection",
    "empty-sqlite": "is not an Anki collection", "view-trap": "no 'notes' table",
    "bad-models": "damaged or not an Anki package", "bad-media-map": "damaged",
    "bad-zstd": "is damaged", "bad-media-proto": "damaged",
    "no-cards": "has no cards that can be imported", "corrupt-member": "damaged",
    "unknown-method": "cannot read",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_files_raise_import_format_error(tmp_path: Path, kind: str) -> None:
    path = hostile(tmp_path, kind)
    with pytest.raises(ImportFormatError) as caught:
        read_anki(path, with_history=True)
    assert str(caught.value).startswith(str(path)), caught.value
    assert HOSTILE[kind] in str(caught.value)


def test_zstd_bombs_are_refused(tmp_path: Path) -> None:
    small = Limits(entry=1 << 20, total=4 << 20)
    bomb = make_zip(tmp_path / "bomb.apkg", {"collection.anki21b": zstd(b"\x00" * (2 << 20))},
                    deflate=False)
    with pytest.raises(ImportFormatError, match=r"bomb\.apkg: entry 'collection\.anki21b' "
                                                "expands to too many bytes"):
        read_anki(bomb, limits=small)
    collection = legacy_collection([("g", 'A <img src="a.png">\x1fB')])
    liar = make_zip(tmp_path / "liar.apkg", {
        "collection.anki21b": zstd(collection), "0": zstd(b"\x00" * 5000),
        "media": media_entries([("a.png", b"\x00" * 10, b"")])}, deflate=False)
    with pytest.raises(ImportFormatError, match="entry '0' expands to too many bytes"):
        read_anki(liar)


def test_slow_queries_are_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trainer.content.importers.anki as anki_module

    many = legacy_collection([(f"g{n}", "Q\x1fA") for n in range(3000)])
    path = make_zip(tmp_path / "slow.apkg", {"collection.anki2": many})
    monkeypatch.setattr(anki_module, "_TIME_BUDGET_S", -1.0)
    with pytest.raises(ImportFormatError, match=r"slow\.apkg: took more than"):
        read_anki(path)


def test_filtered_decks_and_duplicate_notes(tmp_path: Path) -> None:
    collection = legacy_collection([("g", "Q\x1fA"), ("g", "Q again\x1fA")], filtered=True)
    bundle = read_anki(make_zip(tmp_path / "f.apkg", {"collection.anki2": collection}))
    assert [(d.id, len(d.cards)) for d in bundle.decks] == [("hand-made", 1)]
    [twice] = bundle.skipped
    assert "the same note appears twice" in twice.message and twice.item == key("g", 0)


def test_hand_made_package_without_anki_reads(tmp_path: Path) -> None:
    model = dict(BASIC_MODEL, tmpls=[])  # no templates: first field vs the rest
    collection = legacy_collection([("g", "Q\x1fA")], models=json.dumps({"7": model}))
    bundle = read_anki(make_zip(tmp_path / "plain.apkg", {"collection.anki2": collection}))
    assert [(d.id, d.title) for d in bundle.decks] == [("hand-made", "Hand Made")]
    assert (bundle.decks[0].cards[0].front, bundle.decks[0].cards[0].back) == ("Q", "A")
    assert bundle.decks[0].cards[0].tags == ("hand",)
