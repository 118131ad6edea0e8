"""What an Anki import stores, row by row: Basic and Cloze notes, tags, HTML, a picture
and a sound, then a note moved to another deck in Anki and a card edited there.

The expected rows were written down from the importer before it was made faster
(nh3's cleaner built once, whole sides escaped at once, cloze deletions parsed once per
note, tags and keys worked out once): the same package must still store exactly them. A text
SQLite cannot store is still found wherever it is in a deck, however it is looked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from trainer.app import Services
from trainer.content.importers.bundle import ImportBundle, ImportFormatError
from trainer.domain.deck import Card, Deck, Source

if TYPE_CHECKING:
    from anki.collection import Collection

PNG = b"\x89PNG\r\n\x1a\n rows"


class Package:
    """A collection made with Anki's own engine, its notes given fixed GUIDs (so that
    our keys, made from them, are known)."""

    def __init__(self, folder: Path) -> None:
        pytest.importorskip("anki")
        from anki.collection import Collection

        (folder / "anki").mkdir(parents=True)
        self.folder = folder
        self.col: Collection = Collection(str(folder / "anki" / "collection.anki2"))
        self.exports = 0
        self.col.media.write_data("chart.png", PNG)
        self.col.media.write_data("call.mp3", b"ID3 call")

    def deck(self, name: str) -> Any:
        return self.col.decks.id(name)

    def add(self, guid: str, model: str, deck: Any, tags: list[str], **values: str) -> Any:
        notetype = self.col.models.by_name(model)
        assert notetype is not None
        note = self.col.new_note(notetype)
        note.guid = guid
        for name, value in values.items():
            note[name.replace("_", " ")] = value
        note.tags = tags
        self.col.add_note(note, deck)
        return note

    def export(self) -> Path:
        from anki.collection import ExportAnkiPackageOptions

        self.exports += 1
        out = self.folder / f"export-{self.exports}.apkg"
        self.col.export_anki_package(out_path=str(out), limit=None,
                                     options=ExportAnkiPackageOptions(
                                         with_scheduling=False, with_deck_configs=False,
                                         with_media=True, legacy=False))
        return out


@pytest.fixture
def package(tmp_path: Path) -> Iterator[Package]:
    made = Package(tmp_path)
    yield made
    made.col.close()


def stored(svc: Services) -> list[tuple[object, ...]]:
    """Every row the import wrote that says what a card is, where and how it is
    scheduled (times aside, which the fake clock fixes anyway)."""
    rows: list[tuple[object, ...]] = []
    rows += svc.db.execute(
        "SELECT i.id, i.deck_id, i.key, i.kind, i.topic, i.tags, i.front, i.back, "
        "i.source, i.body, i.position, i.retired, s.deck_id, s.active, s.position, "
        "s.in_new_queue, s.suspended, o.note_guid, o.card_ord FROM items AS i "
        "JOIN item_state AS s ON s.item_id = i.id "
        "LEFT JOIN item_origins AS o ON o.item_id = i.id ORDER BY i.id").fetchall()
    rows += svc.db.execute("SELECT deck_id, name FROM media_files ORDER BY 1, 2").fetchall()
    rows += svc.db.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH 'price' "
                           "ORDER BY rowid").fetchall()
    return rows


def test_an_anki_package_stores_the_same_rows_as_before(svc: Services,
                                                        package: Package) -> None:
    sales, pricing = package.deck("Sales"), package.deck("Sales::Pricing")
    package.add("basic-guid-1", "Basic", sales, ["pricing", "Pricing", "objections::price"],
                Front="Price <b>too high</b>?",
                Back='Ask_what *they* compare [it] with<br><img src="chart.png">'
                     "[sound:call.mp3]")
    package.add("cloze-guid-1", "Cloze", sales, ["cloze"],
                Text="Say {{c1::the price}}, then {{c2::stop talking::what next?}}.",
                Back_Extra="Silence <i>works</i>.")
    edited = package.add("basic-guid-2", "Basic", pricing, [],
                         Front="<pre>one\ntwo_three</pre>",
                         Back="  <br>Trade, never give<br> ")
    mover = package.add("basic-guid-3", "Basic (and reversed card)", sales, ["moves"],
                        Front="Anchor high?", Back="Name the <i>full</i> value first")
    svc.imports.apply(svc.imports.prepare(package.export()))
    assert stored(svc) == FIRST

    package.col.set_deck([c.id for c in mover.cards()], pricing)
    edited["Back"] = "Trade it for something"
    package.col.update_note(edited)
    plan = svc.imports.prepare(package.export())
    assert [sorted(c.moved_in) for c in plan.changes] == [
        [], ["a-0502c9222c18-0", "a-0502c9222c18-1"]]
    svc.imports.apply(plan)
    assert stored(svc) == SECOND


def _deck(description: str = "d", back: str = "b", tags: tuple[str, ...] = (),
          author: str | None = None) -> Deck:
    return Deck(id="d", title="D", version="1", description=description,
                sources=(Source("s", "S", author),),
                cards=(Card("c1", "f", "b", "t"), Card("c2", "f", back, "t", tags)))


@pytest.mark.parametrize(("deck", "where"), [
    (_deck(back="b\ud800"), "item 'c2'"),
    (_deck(tags=("ok", "\udfff")), "item 'c2'"),
    (_deck(description="\ud800"), "its details"),
    (_deck(author="A\ud800"), "item 's'"),  # a source (a named tuple) is named by its id
])
def test_a_lone_surrogate_anywhere_in_a_deck_is_refused_and_placed(
        svc: Services, deck: Deck, where: str, tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match=where):
        svc.imports.plan(ImportBundle(tmp_path / "x.apkg", [deck]))


# Markdown characters written as references, the picture kept, the sound a link.
BASIC_BACK = ('Ask&#95;what &#42;they&#42; compare &#91;it&#93; with<br><img src="chart.png">'
              '<a href="sound:call.mp3" rel="noopener noreferrer">▶ call.mp3</a>')
FIRST: list[tuple[object, ...]] = [
    (1, 'sales', 'a-c1f01e9ffe85-0', 'card', 'sales', '["objections::price", "pricing"]',
     'Price <b>too high</b>?',
     BASIC_BACK,
     'anki',
     None, 0, 0, 'sales', 1, 0, 1, 0, 'basic-guid-1', 0),
    (2, 'sales', 'a-3241f9100f78-0', 'card', 'sales', '["cloze"]',
     'Say [...], then stop talking.',
     'Say <b>the price</b>, then stop talking.<br> Silence <i>works</i>.',
     'anki',
     None, 1, 0, 'sales', 1, 1, 1, 0, 'cloze-guid-1', 0),
    (3, 'sales', 'a-3241f9100f78-1', 'card', 'sales', '["cloze"]',
     'Say the price, then [what next?].',
     'Say the price, then <b>stop talking</b>.<br> Silence <i>works</i>.',
     'anki',
     None, 2, 0, 'sales', 1, 2, 1, 0, 'cloze-guid-1', 1),
    (4, 'sales', 'a-0502c9222c18-0', 'card', 'sales', '["moves"]',
     'Anchor high?',
     'Name the <i>full</i> value first',
     'anki',
     None, 3, 0, 'sales', 1, 3, 1, 0, 'basic-guid-3', 0),
    (5, 'sales', 'a-0502c9222c18-1', 'card', 'sales', '["moves"]',
     'Name the <i>full</i> value first',
     'Anchor high?',
     'anki',
     None, 4, 0, 'sales', 1, 4, 1, 0, 'basic-guid-3', 1),
    (6, 'sales-pricing', 'a-be1ff8b61ad2-0', 'card', 'pricing', '[]',
     '<pre>one<br>two&#95;three</pre>',
     'Trade, never give',
     'anki',
     None, 0, 0, 'sales-pricing', 1, 0, 1, 0, 'basic-guid-2', 0),
    ('sales', 'call.mp3'),
    ('sales', 'chart.png'),
    (1,),
    (2,),
    (3,),
]
SECOND: list[tuple[object, ...]] = [
    (1, 'sales', 'a-c1f01e9ffe85-0', 'card', 'sales', '["objections::price", "pricing"]',
     'Price <b>too high</b>?',
     BASIC_BACK,
     'anki',
     None, 0, 0, 'sales', 1, 0, 1, 0, 'basic-guid-1', 0),
    (2, 'sales', 'a-3241f9100f78-0', 'card', 'sales', '["cloze"]',
     'Say [...], then stop talking.',
     'Say <b>the price</b>, then stop talking.<br> Silence <i>works</i>.',
     'anki',
     None, 1, 0, 'sales', 1, 1, 1, 0, 'cloze-guid-1', 0),
    (3, 'sales', 'a-3241f9100f78-1', 'card', 'sales', '["cloze"]',
     'Say the price, then [what next?].',
     'Say the price, then <b>stop talking</b>.<br> Silence <i>works</i>.',
     'anki',
     None, 2, 0, 'sales', 1, 2, 1, 0, 'cloze-guid-1', 1),
    (4, 'sales-pricing', 'a-0502c9222c18-0', 'card', 'pricing', '["moves"]',
     'Anchor high?',
     'Name the <i>full</i> value first',
     'anki',
     None, 1, 0, 'sales-pricing', 1, 1, 1, 0, 'basic-guid-3', 0),
    (5, 'sales-pricing', 'a-0502c9222c18-1', 'card', 'pricing', '["moves"]',
     'Name the <i>full</i> value first',
     'Anchor high?',
     'anki',
     None, 2, 0, 'sales-pricing', 1, 2, 1, 0, 'basic-guid-3', 1),
    (6, 'sales-pricing', 'a-be1ff8b61ad2-0', 'card', 'pricing', '[]',
     '<pre>one<br>two&#95;three</pre>',
     'Trade it for something',
     'anki',
     None, 0, 0, 'sales-pricing', 1, 0, 1, 0, 'basic-guid-2', 0),
    ('sales', 'call.mp3'),
    ('sales', 'chart.png'),
    (1,),
    (2,),
    (3,),
]
