"""Importing a 10,000-note Anki package: our importer against Anki's own, on the same
.apkg, in the same run. Prints JSON.

    python bench/import.py [--notes 10000] [--runs 5] [--media 20]

The package is built once by Anki itself (the ``bench`` extra's ``anki``): Basic and
Cloze notes in two nested decks, with tags, some HTML (bold, lists, links, line breaks)
and a few pictures and sounds. Each round imports it into a fresh, empty profile (ours:
read, plan, install in one transaction, media, what ``trainer import FILE --yes`` does)
and a fresh, empty collection (Anki's ``import_anki_package``), alternating which goes
first. ``apkg_ratio_vs_anki`` is our time over Anki's in each round (lower is better;
the goal is <= 1), as min / median / max; the raw milliseconds of both sides follow.

Two more sides in each round measure the floor of any importer on our storage: the
package unzipped and its collection decompressed, then every card copied into a fresh
profile's items and study state by one ``INSERT ... SELECT`` from the attached
collection, inside SQLite, with no card rendered, checked or planned in Python.
``floor_ratio_vs_anki`` keeps the search index (its trigger fills it as each item is
written, as an import does); ``floor_unindexed_ratio_vs_anki`` drops the trigger first.
No importer that stores cards this way can beat the first.
"""

from __future__ import annotations

import argparse
import json
import statistics
import struct
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from trainer.clock import FakeClock
from trainer.domain.settings import StudySettings
from trainer.library.importing import ImportService
from trainer.storage.database import open_database
from trainer.study.service import StudyService

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
CLOZE_EVERY = 4  # one note in four is a Cloze note (two deletions: two cards)
TAGS = ("pricing", "objections::price", "discovery", "competitors::acme", "renewal",
        "security-review", "champion")


def png(seed: int) -> bytes:
    """A small, valid PNG that differs by ``seed``."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    raw = b"".join(b"\x00" + bytes((seed * 7 + x) % 256 for x in range(3 * 16))
                   for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def basic_fields(i: int, media: int) -> tuple[str, str]:
    """A Basic note's front and back: realistic length, some HTML, every 50th shows a
    picture and every 200th plays a sound."""
    front = (f"Objection {i}: the buyer says the price is <b>too high</b> for what they "
             f"get. What do you ask first?")
    back = (f"Ask what they are comparing it with ({i}), then restate the value in "
            f"<i>their own words</i>:<br><ul><li>cost of doing nothing</li>"
            f"<li>time to value</li></ul>See <a href=\"https://example.com/p/{i}\">the "
            f"playbook</a>.")
    if media and i % 50 == 0:
        back += f'<br><img src="chart{i // 50 % media}.png">'
    if media and i % 200 == 0:
        back += f"[sound:call{i // 200 % 3}.mp3]"
    return front, back


def cloze_text(i: int) -> str:
    """A Cloze note's text with two deletions, one with a hint."""
    return (f"Deal {i}: discovery asks about {{{{c1::the cost of the current process}}}} "
            f"before the demo, and pricing comes after {{{{c2::a mutual plan::step}}}}."
            f"<br><div>Source: sales playbook, chapter {i % 12}</div>")


def build_package(work: Path, notes: int, media: int) -> Path:
    """The .apkg, made by Anki from a new collection: Basic and Cloze notes with tags,
    HTML and media, in a deck and a subdeck."""
    from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions

    source = Collection(str(work / "anki-src.anki2"))
    parent = source.decks.id("Sales playbook")
    child = source.decks.id("Sales playbook::Pricing")
    basic, cloze = source.models.by_name("Basic"), source.models.by_name("Cloze")
    assert parent is not None and child is not None and basic and cloze
    folder = Path(source.media.dir())
    for n in range(media):
        (folder / f"chart{n}.png").write_bytes(png(n))
    for n in range(3 if media else 0):
        (folder / f"call{n}.mp3").write_bytes(b"ID3" + bytes([n]) * 2000)
    for i in range(notes):
        if i % CLOZE_EVERY == 0:
            note = source.new_note(cloze)
            note["Text"] = cloze_text(i)
            note["Back Extra"] = f"<b>Why:</b> anchor on value first ({i})."
        else:
            note = source.new_note(basic)
            note["Front"], note["Back"] = basic_fields(i, media)
        note.tags = [TAGS[i % len(TAGS)], TAGS[(i * 3 + 1) % len(TAGS)]]
        source.add_note(note, child if i % 3 == 0 else parent)
    apkg = work / "bench.apkg"
    source.export_anki_package(out_path=str(apkg), options=ExportAnkiPackageOptions(
        with_scheduling=False, with_deck_configs=False, with_media=True, legacy=False),
        limit=DeckIdLimit(parent))
    source.close()
    return apkg


def timed(action: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def ours(apkg: Path, folder: Path) -> tuple[float, int]:
    """Import into a fresh profile: milliseconds, cards installed."""
    clock = FakeClock(NOW)
    db = open_database(folder / "trainer.sqlite", clock)
    try:
        service = ImportService(db, clock, StudyService(db, clock, StudySettings()),
                                folder / "media")
        ms = timed(lambda: service.apply(service.prepare(apkg)))
        return ms, int(db.execute("SELECT count(*) FROM items").fetchone()[0])
    finally:
        db.close()


def anki(apkg: Path, folder: Path) -> tuple[float, int]:
    """Import into a fresh collection with Anki's current importer: milliseconds,
    cards."""
    from anki.collection import Collection
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    folder.mkdir(parents=True)
    col = Collection(str(folder / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(package_path=str(apkg),
                                           options=ImportAnkiPackageOptions())
        ms = timed(lambda: col.import_anki_package(request))
        return ms, col.card_count()
    finally:
        col.close()


def floor(apkg: Path, folder: Path, *, indexed: bool = True) -> tuple[float, int]:
    """The least any importer on our storage could take: unpack the collection, then
    copy its cards into items and study state in one statement each, inside SQLite
    (milliseconds, items written). The cards' text is Anki's raw fields: nothing is
    rendered."""
    import zstandard

    folder.mkdir(parents=True)
    clock = FakeClock(NOW)
    db = open_database(folder / "trainer.sqlite", clock)
    try:
        if not indexed:
            db.conn.execute("DROP TRIGGER items_fts_insert")
        collection = folder / "collection.sqlite"

        def copy() -> None:
            with zipfile.ZipFile(apkg) as archive:
                packed = archive.read("collection.anki21b")
            collection.write_bytes(
                zstandard.ZstdDecompressor().decompressobj().decompress(packed))
            db.conn.execute("ATTACH ? AS anki", [str(collection)])
            with db.atomic():
                db.conn.execute(
                    "INSERT INTO decks (id, title, version, installed_at, updated_at) "
                    "VALUES ('floor', 'Floor', '1', '', '')")
                db.conn.execute(
                    "INSERT INTO items (deck_id, key, topic, tags, front, back, position, "
                    "created_at, updated_at) SELECT 'floor', n.guid || '-' || c.ord, "
                    "'topic', n.tags, n.flds, n.flds, c.id, '', '' FROM anki.cards AS c "
                    "JOIN anki.notes AS n ON n.id = c.nid ORDER BY c.nid, c.ord")
                db.conn.execute(
                    "INSERT INTO item_state (item_id, deck_id, position, in_new_queue, "
                    "topic) SELECT id, deck_id, position, 1, topic FROM items")
            db.conn.execute("DETACH anki")

        ms = timed(copy)
        return ms, int(db.execute("SELECT count(*) FROM items").fetchone()[0])
    finally:
        db.close()


def floor_unindexed(apkg: Path, folder: Path) -> tuple[float, int]:
    """``floor`` without the search index."""
    return floor(apkg, folder, indexed=False)


def spread(values: list[float]) -> dict[str, float]:
    """Min, median and max, rounded."""
    return {"min": round(min(values), 2), "median": round(statistics.median(values), 2),
            "max": round(max(values), 2)}


def main() -> int:
    """Build the package, import it both ways, alternating, and print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--media", type=int, default=20, help="pictures in the package")
    args = parser.parse_args()
    result: dict[str, object] = {"notes": args.notes, "runs": args.runs}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        try:
            apkg = build_package(work, args.notes, args.media)
        except ImportError as exc:
            result["anki_error"] = f"install the bench extra: {exc}"
            print(json.dumps(result, indent=2))
            return 1
        result["package_bytes"] = apkg.stat().st_size
        sides: list[tuple[str, Callable[[Path, Path], tuple[float, int]]]] = [
            ("ours", ours), ("anki", anki), ("floor", floor),
            ("floor_unindexed", floor_unindexed)]
        times: dict[str, list[float]] = {name: [] for name, _ in sides}
        cards: dict[str, int] = {}
        for run in range(args.runs):
            # Alternate the order, so no side always meets a warmer cache.
            for name, side in sides if run % 2 == 0 else sides[::-1]:
                ms, count = side(apkg, work / f"{name}{run}")
                times[name].append(ms)
                cards[f"{name}_cards"] = count
        result.update(cards)
        anki_ms = times["anki"]
        for name, key in (("ours", "apkg_ratio_vs_anki"), ("floor", "floor_ratio_vs_anki"),
                          ("floor_unindexed", "floor_unindexed_ratio_vs_anki")):
            result[key] = spread([o / a for o, a in zip(times[name], anki_ms, strict=True)])
        for name, values in times.items():
            result[f"{name}_ms"] = [round(v, 1) for v in values]
            result[f"{name}_ms_spread"] = spread(values)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
