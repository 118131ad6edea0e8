"""Anki packages for the importer tests, built at test time.

``build_anki_packages`` drives the real ``anki`` package (a test-only dependency) to make
a collection with several note types, nested decks, pictures and reviews, and exports
it in every format Anki writes. The rest needs no Anki: a hand-made schema-11
collection, zip and protobuf writers, and the hostile files.
"""

from __future__ import annotations

import io
import json
import sqlite3
import time
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

PNG = b"\x89PNG\r\n\x1a\n chart"
LOGO = b"\x89PNG\r\n\x1a\n logo"


# Anki counts an answer as 60 s at most (a deck option); what it logs is never more.
ANKI_MAX_ANSWER_MS = 60_000


@dataclass(frozen=True)
class Review:
    """One answer given in the built collection."""

    guid: str
    ord: int
    ease: int
    duration_ms: int  # as Anki logged it
    logged_at_ms: int  # the revlog's id: when Anki logged the answer, in epoch ms


@dataclass
class AnkiPackages:
    """Every export of the one collection, and what was done to it."""

    current_apkg: Path
    legacy_apkg: Path
    old_exporter_apkg: Path
    unscheduled_apkg: Path
    colpkg: Path
    legacy_colpkg: Path
    guids: dict[str, str] = field(default_factory=dict)  # label -> note guid
    reviews: list[Review] = field(default_factory=list)


def note_adder(col: Any, guids: dict[str, str], note_ids: dict[str, Any] | None = None
               ) -> Callable[..., None]:
    """``add(label, note type, deck id, tags, **fields)``: adds a note to ``col`` (a
    field name's "_" stands for a space) and keeps its GUID (and id) under ``label``."""
    def add(label: str, model: str, deck: int | None, tags: list[str] | None = None,
            **values: str) -> None:
        notetype = col.models.by_name(model)
        assert notetype is not None and deck is not None
        note = col.new_note(notetype)
        for name, value in values.items():
            note[name.replace("_", " ")] = value
        note.tags = tags or []
        col.add_note(note, deck)
        guids[label] = note.guid
        if note_ids is not None:
            note_ids[label] = note.id

    return add


def build_anki_packages(folder: Path) -> AnkiPackages:
    """A collection made with the real Anki, exported six ways."""
    from anki.collection import Collection, ExportAnkiPackageOptions
    from anki.notes import NoteId
    from anki.scheduler.v3 import CardAnswer

    (folder / "profile").mkdir(parents=True)
    col = Collection(str(folder / "profile" / "collection.anki2"))
    pricing, sales = col.decks.id("Sales::Pricing"), col.decks.id("Sales")
    openers, twin = col.decks.id("Sales::Calls::Openers"), col.decks.id("Sales Pricing")
    col.decks.id("Unused::Empty")
    assert None not in (pricing, sales, openers, twin)
    guids: dict[str, str] = {}
    note_ids: dict[str, NoteId] = {}
    add = note_adder(col, guids, note_ids)
    add("basic", "Basic", pricing, ["Mindset", "Sales::Pricing", "Q&A"],
        Front="What is <b>value</b>?",
        Back='What they get <img src="chart one.png"> [sound:tip.mp3]')
    add("reversed", "Basic (and reversed card)", pricing, Front="Anchor",
        Back="Name the full value first")
    add("hostile", "Basic", pricing,
        Front='<script>alert(1)</script><b onclick="steal()">Bold</b> *not emphasis* 2_000',
        Back='<iframe src="https://evil.example/"></iframe>'
             '<img src="https://evil.example/t.png"><a href="javascript:x()">link</a>'
             '<div>See <img src="logo.png"></div>')
    add("cloze", "Cloze", sales, ["cloze"],
        Text="Say {{c1::the price}}, then {{c2::stop talking::what next?}}.",
        Back_Extra="Silence <i>works</i>.")
    add("optional", "Basic (optional reversed card)", openers, Front="Open with",
        Back="A question", Add_Reverse="y")
    add("one-way", "Basic (optional reversed card)", openers, Front="Never open with",
        Back="A pitch")
    add("typed", "Basic (type in the answer)", openers, Front="Best opener?",
        Back="A question about them")
    add("no-back", "Basic", openers, Front="A front and nothing else")
    add("twin", "Basic", twin, Front="Same slug", Back="Different deck")
    models = col.models
    vocab = models.new("Vocab")
    for name in ("Word", "Meaning", "Example", "Private"):
        models.add_field(vocab, models.new_field(name))
    template = models.new_template("Recognise")
    template["qfmt"] = "{{Word}}"
    template["afmt"] = "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Example}}"
    models.add_template(vocab, template)
    models.add(vocab)
    add("vocab", "Vocab", openers, Word="Churn", Meaning="Customers lost", Example="",
        Private="not shown")
    col.media.write_data("chart one.png", PNG)
    col.media.write_data("logo.png", LOGO)
    col.media.write_data("unused.png", b"unused")

    reviews: list[Review] = []

    def answer(label: str, ord_: int, ease: Literal[1, 2, 3, 4], seconds: float) -> None:
        card = next(c for c in col.get_note(note_ids[label]).cards() if c.ord == ord_)
        # What Anki's answerCard builds, with the time the card was shown given rather
        # than measured from a timer (the reviewer's own input to the engine).
        states = col._backend.get_scheduling_states(card.id)
        # Anki's engine schedules by the wall clock, so the answer is given the time it
        # is, as the reviewer gives it; what the tests compare is what Anki logged.
        col.sched.answer_card(CardAnswer(
            card_id=card.id, current_state=states.current,
            new_state=(states.again, states.hard, states.good, states.easy)[ease - 1],
            rating=(CardAnswer.AGAIN, CardAnswer.HARD, CardAnswer.GOOD,
                    CardAnswer.EASY)[ease - 1],
            answered_at_millis=int(time.time() * 1000),
            milliseconds_taken=int(seconds * 1000)))
        # The importer must give back what Anki logged, whatever that was.
        logged_id, logged = col.db.first("SELECT id, time FROM revlog ORDER BY id DESC LIMIT 1")
        assert int(seconds * 1000) <= logged <= ANKI_MAX_ANSWER_MS
        reviews.append(Review(guids[label], ord_, ease, int(logged), int(logged_id)))

    answer("basic", 0, 3, 4.0)
    answer("reversed", 1, 1, 2.5)
    answer("cloze", 1, 4, 1.0)
    answer("basic", 0, 2, 6.0)
    # Setting a due date by hand logs a "manual" entry, which is not a review.
    col.sched.set_due_date([col.get_note(note_ids["vocab"]).cards()[0].id], "3")

    packages = AnkiPackages(
        current_apkg=folder / "current.apkg", legacy_apkg=folder / "legacy.apkg",
        old_exporter_apkg=folder / "old-exporter.apkg",
        unscheduled_apkg=folder / "unscheduled.apkg", colpkg=folder / "collection.colpkg",
        legacy_colpkg=folder / "legacy.colpkg", guids=guids, reviews=reviews)
    for out, legacy, scheduling in ((packages.current_apkg, False, True),
                                    (packages.legacy_apkg, True, True),
                                    (packages.unscheduled_apkg, False, False)):
        col.export_anki_package(out_path=str(out), limit=None, options=ExportAnkiPackageOptions(
            with_scheduling=scheduling, with_deck_configs=False, with_media=True,
            legacy=legacy))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        # The exporter of Anki 2.1.x, still shipped (deprecated) as a module attribute.
        from anki.exporting import AnkiPackageExporter  # type: ignore[attr-defined]

        exporter = AnkiPackageExporter(col)
        exporter.includeSched = True
        exporter.exportInto(str(packages.old_exporter_apkg))
    col.export_collection_package(str(packages.colpkg), include_media=True, legacy=False)
    col = Collection(str(folder / "profile" / "collection.anki2"))
    col.export_collection_package(str(packages.legacy_colpkg), include_media=True, legacy=True)
    return packages


# ---------------------------------------------------------------- without Anki

BASIC_MODEL = {"id": 7, "name": "Basic", "type": 0,
               "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
               "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}",
                          "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}]}


def legacy_collection(notes: list[tuple[str, str]], *, models: str | None = None,
                      revlog: Sequence[tuple[int, int, int, int, int]] = (),
                      notes_as_view: bool = False, sched_ver: int | None = 2,
                      filtered: bool = False, queues: Sequence[int] = ()) -> bytes:
    """A hand-made schema-11 collection: one Basic note type, deck "Hand Made", the given
    (guid, fields) notes with one card each (card id = note id = 1, 2, ...); with
    ``filtered`` the cards sit in a filtered deck and have "Hand Made" as home;
    ``queues`` gives the cards' Anki queues in order (-1 suspended, -2/-3 buried)."""
    db = sqlite3.connect(":memory:")
    db.executescript("""
        CREATE TABLE col (id INTEGER PRIMARY KEY, conf TEXT, models TEXT, decks TEXT);
        CREATE TABLE notes (id INTEGER PRIMARY KEY, guid TEXT, mid INTEGER, tags TEXT,
                            flds TEXT);
        CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER, did INTEGER, ord INTEGER,
                            odid INTEGER, queue INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE revlog (id INTEGER PRIMARY KEY, cid INTEGER, ease INTEGER,
                             time INTEGER, type INTEGER);
    """)
    conf = {} if sched_ver is None else {"schedVer": sched_ver}
    decks = {"1": {"id": 1, "name": "Default"}, "5": {"id": 5, "name": "Hand Made"},
             "9": {"id": 9, "name": "Filtered", "dyn": 1}}
    db.execute("INSERT INTO col VALUES (1, ?, ?, ?)",
               (json.dumps(conf), models if models is not None else json.dumps({"7": BASIC_MODEL}),
                json.dumps(decks)))
    for number, (guid, fields) in enumerate(notes, start=1):
        db.execute("INSERT INTO notes VALUES (?, ?, 7, ' hand ', ?)", (number, guid, fields))
        queue = queues[number - 1] if number <= len(queues) else 0
        db.execute("INSERT INTO cards VALUES (?, ?, ?, 0, ?, ?)",
                   (number, number, *((9, 5) if filtered else (5, 0)), queue))
    db.executemany("INSERT INTO revlog VALUES (?, ?, ?, ?, ?)", revlog)
    if notes_as_view:
        # A view that never ends: the importer must refuse it rather than query it.
        db.executescript("""
            DROP TABLE notes;
            CREATE VIEW notes AS WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1
            FROM n) SELECT id, 'g' AS guid, 7 AS mid, '' AS tags, 'a' AS flds FROM n;
        """)
    db.commit()
    return db.serialize()


def make_zip(path: Path, entries: dict[str, bytes], *, deflate: bool = True) -> Path:
    """Write a zip with exactly these entry names (unsafe ones included)."""
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return path


def zstd(data: bytes) -> bytes:
    """Compress like Anki does (a frame without the content size)."""
    import zstandard

    out = io.BytesIO()
    with zstandard.ZstdCompressor().stream_writer(out, closefd=False) as writer:
        writer.write(data)
    return out.getvalue()


def varint(value: int) -> bytes:
    """A protobuf varint."""
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def proto_field(number: int, value: int | bytes) -> bytes:
    """One protobuf field: an int as a varint, bytes as length-delimited."""
    if isinstance(value, int):
        return varint(number << 3) + varint(value)
    return varint(number << 3 | 2) + varint(len(value)) + value


def media_entries(entries: list[tuple[str, bytes, bytes]]) -> bytes:
    """A current-format ``media`` entry: zstd(MediaEntries) of (name, data, sha1)."""
    message = b"".join(proto_field(1, proto_field(1, name.encode()) + proto_field(2, len(data))
                                   + proto_field(3, sha1))
                       for name, data, sha1 in entries)
    return zstd(message)
