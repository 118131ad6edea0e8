"""Anki packages (.apkg and .colpkg), read without Anki itself.

A package is a zip holding a SQLite collection and its media:

- legacy packages hold ``collection.anki2`` or ``collection.anki21`` (plain SQLite,
  schema 11: decks and note types as JSON in the ``col`` table) and a ``media`` entry
  that is a JSON map ``{"0": "name.png", ...}``;
- current packages hold ``collection.anki21b`` (SQLite compressed with zstd, schema 18:
  ``decks``, ``notetypes``, ``fields`` and ``templates`` tables with protobuf configs),
  a zstd-compressed protobuf ``media`` list, media files that may be zstd-compressed,
  and a dummy legacy collection asking the user to update Anki.

Everything from the package is treated as hostile: the zip is vetted by ``safezip``,
decompression is capped, the database is opened read-only with untrusted schema
features turned off, and any damage becomes an ``ImportFormatError`` naming the file.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from trainer.content.importers.anki_cloze import note_cloze
from trainer.content.importers.anki_notes import (
    CardInfo,
    CardSkipped,
    FieldConverter,
    conversion_warnings,
    render_card,
    safe_tags,
)
from trainer.content.importers.anki_schema import (
    Schema,
    current_schema,
    is_update_notice,
    json_object,
    legacy_schema,
    proto_fields,
)
from trainer.content.importers.bundle import (
    HistoryEntry,
    ImportBundle,
    ImportFormatError,
    slug,
    stable_key,
)
from trainer.content.safezip import Limits, open_zip, read_entry
from trainer.domain.deck import Card, Deck, Source
from trainer.domain.errors import Problem
from trainer.domain.scheduling import Rating
from trainer.i18n import Context

# Newest first: current packages also carry a dummy legacy collection.
COLLECTION_NAMES = ("collection.anki21b", "collection.anki21", "collection.anki2")
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_TIME_BUDGET_S = 120.0  # a crafted database can make a query run (nearly) forever
_REVIEW_TYPES = (0, 1, 2, 3)  # learn, review, relearn, filtered; 4-5 are manual/rescheduled
_V1_LEARNING_EASE = {1: 1, 2: 3, 3: 4}  # v1 learning cards had Again/Good/Easy only


class AnkiText(Context):
    """What reading an Anki package says about cards it leaves out."""


@dataclass(frozen=True)
class _MediaFile:
    entry: str  # name of the zip entry holding the bytes
    size: int | None = None
    sha1: bytes | None = None


@dataclass
class _Reading:
    path: Path
    archive: zipfile.ZipFile
    limits: Limits
    expanded: int = 0  # bytes produced by zstd so far, counted against limits.total
    skipped: list[Problem] = field(default_factory=list)

    def warn(self, message: str, item: str | None = None, severity: str = "warning") -> None:
        self.skipped.append(Problem(str(self.path), message, None, item, severity))


def read_anki(path: Path, *, with_history: bool = False, limits: Limits | None = None
              ) -> ImportBundle:
    """Read an Anki package into one deck per Anki deck that has cards, with the
    pictures its cards show and, if asked, its review history."""
    limits = limits or Limits()
    archive = open_zip(path, limits)
    try:
        with archive, tempfile.TemporaryDirectory(prefix="trainer-anki-",
                                                  ignore_cleanup_errors=True) as tmp:
            return _read(_Reading(path, archive, limits), Path(tmp), with_history)
    except ImportFormatError:
        raise
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            raise ImportFormatError(path, f"took more than {_TIME_BUDGET_S:.0f} s to read: "
                                          "refused") from exc
        raise ImportFormatError(path, f"is damaged or not an Anki package ({exc})") from exc
    except (sqlite3.Error, ValueError, TypeError, KeyError, IndexError, OverflowError,
            RecursionError, zipfile.BadZipFile, zlib.error, EOFError,
            NotImplementedError) as exc:
        # The boundary for hostile input: whatever is broken inside, the user gets one
        # message naming the file, never a traceback. (zlib.error from a damaged deflated
        # entry and NotImplementedError from an unknown compression method get past
        # read_entry.)
        raise ImportFormatError(path, f"is damaged or not an Anki package ({exc})") from exc
    except OSError as exc:  # the temporary copy of the collection could not be written
        raise ImportFormatError(path, f"could not be unpacked ({exc})") from exc


def _read(reading: _Reading, tmp: Path, with_history: bool) -> ImportBundle:
    path, names = reading.path, set(reading.archive.namelist())
    name = next((n for n in COLLECTION_NAMES if n in names), None)
    if name is None:
        raise ImportFormatError(path, "holds no Anki collection (collection.anki21b, "
                                      "collection.anki21 or collection.anki2)")
    data = read_entry(reading.archive, path, name, reading.limits)
    database = tmp / "collection.sqlite"
    with database.open("wb") as out:
        if data.startswith(_ZSTD_MAGIC):
            _unzstd(reading, data, out, name)
        else:
            out.write(data)
    del data
    media = _media_map(reading) if "media" in names else {}
    media = {n: m for n, m in media.items() if m.entry in names}
    connection = _connect(database)
    try:
        return _import(reading, connection, media, with_history, name)
    finally:
        connection.close()


def _import(reading: _Reading, db: sqlite3.Connection, media: dict[str, _MediaFile],
            with_history: bool, collection_name: str) -> ImportBundle:
    path = reading.path
    schema = _schema(reading, db)
    if collection_name != "collection.anki21b" and is_update_notice(db):
        raise ImportFormatError(path, "was made by a newer Anki and holds only a notice to "
                                      "update; it has no collection.anki21b to read")
    # An occlusion note's picture is read while its cards are drawn.
    convert = FieldConverter(available_media=media.keys(), load=lambda name: _entry_bytes(
        reading, media[name].entry, media[name].size))
    cards: dict[int, list[Card]] = {}
    keys: dict[int, tuple[int, str]] = {}  # Anki card id -> (Anki deck id, our key)
    seen: set[str] = set()
    skipped: dict[str, list[str]] = {}
    topics: dict[int, str] = {}
    # Anki's queue: -1 suspended, -2 and -3 buried (a hand-made file may lack it).
    columns = {str(r[1]) for r in db.execute("PRAGMA table_info(cards)")}
    queue = "c.queue" if "queue" in columns else "0"
    rows = db.execute(f"SELECT c.id, c.did, c.odid, c.ord, n.guid, n.mid, n.tags, n.flds, "
                      f"{queue} FROM cards AS c JOIN notes AS n ON n.id = c.nid "
                      "ORDER BY c.nid, c.ord")
    held: set[tuple[int, str]] = set()
    notes: dict[str, tuple[str, int]] = {}  # our key -> (note GUID, card ordinal)
    # A note's cards share its key and tags, and most notes share their tags with
    # others: each is worked out once.
    note_keys: dict[str, str] = {}
    tag_lists: dict[str, tuple[str, ...]] = {}
    for cid, did, odid, ord_, guid, mid, tags, fields, card_queue in rows:
        home = int(odid) or int(did)  # a card in a filtered deck belongs to its home deck
        guid = str(guid)
        note_key = note_keys.get(guid)
        if note_key is None:
            note_key = note_keys[guid] = stable_key("a", guid)
        key = f"{note_key}-{int(ord_)}"
        note_type = schema.note_types.get(int(mid))
        if note_type is None:
            skipped.setdefault("its note type is missing from the package", []).append(key)
            continue
        if key in seen:
            skipped.setdefault("the same note appears twice", []).append(key)
            continue
        try:
            front, back = render_card(
                note_type, str(fields).split("\x1f"), int(ord_), convert,
                CardInfo(str(tags).strip(), _deck_name(schema, home), int(cid)), key)
        except CardSkipped as exc:
            skipped.setdefault(str(exc), []).append(key)
            continue
        seen.add(key)
        keys[int(cid)] = (home, key)
        if 0 <= int(ord_) < 1 << 31:  # Anki's are small; a crafted one need not fit SQLite
            notes[key] = (guid, int(ord_))
        if isinstance(card_queue, int) and card_queue < 0:
            held.add((home, key))
        if home not in topics:
            topics[home] = _topic(_deck_name(schema, home))
        tags = str(tags)
        tag_list = tag_lists.get(tags)
        if tag_list is None:
            tag_list = tag_lists[tags] = safe_tags(tags)
        cards.setdefault(home, []).append(Card(key, front, back, topics[home], tag_list, "anki"))
    note_cloze.cache_clear()  # the package's last notes are not kept after reading it
    if not cards:
        raise ImportFormatError(path, "has no cards that can be imported")
    bundle = ImportBundle(path, ids_from_names=True, kind="anki", notes=notes)
    deck_ids = _deck_ids({did: _deck_name(schema, did) for did in cards})
    # Anki's deck id stays when the deck is renamed there: it tells a rename from a
    # new deck when the file comes again.
    bundle.origins = {deck_ids[did]: str(did) for did in cards}
    source = Source("anki", path.name, publisher="Imported from Anki")
    for did in sorted(cards, key=lambda d: _deck_name(schema, d).lower()):
        name = _deck_name(schema, did)
        bundle.decks.append(Deck(
            id=deck_ids[did], title=" › ".join(name.split("::")), version="1",
            description=f"Imported from the Anki package {path.name}.",
            sources=(source,), cards=tuple(cards[did]), path=path))
    for reason, item_keys in skipped.items():
        item = item_keys[0] if len(item_keys) == 1 else None
        reading.warn(AnkiText.tr("%n card(s) skipped: {reason}", "", len(item_keys))
                     .format(reason=reason), item, "error")
    bundle.suspended = {(deck_ids[home], key) for home, key in held}
    bundle.media = _media_files(reading, media, convert.used_media)
    bundle.media.update(convert.generated)  # MathJax and occlusion masks drawn as SVG
    _report_dropped(reading, convert)
    if with_history and schema.has_revlog:
        bundle.history = _history(db, keys, deck_ids, schema.sched_ver)
    bundle.skipped = reading.skipped
    return bundle


def _deck_name(schema: Schema, did: int) -> str:
    return schema.decks.get(did) or f"Anki deck {did}"


def _topic(name: str) -> str:
    last = name.split("::")[-1]
    return slug(last, "") or stable_key("topic", last)


def _deck_ids(names: dict[int, str]) -> dict[int, str]:
    """Our deck ids: the slug of the full name, made unique when two names slug alike."""
    ids: dict[int, str] = {}
    taken: set[str] = set()
    for did in sorted(names, key=lambda d: names[d]):
        name = names[did]
        base = slug(name.replace("::", "-"), "") or stable_key("anki", name)
        deck_id = base if base not in taken else stable_key(base[:40], name)
        ids[did] = deck_id
        taken.add(deck_id)
    return ids


def _report_dropped(reading: _Reading, convert: FieldConverter) -> None:
    for message, item in conversion_warnings(convert):
        reading.warn(message, item)


# ---------------------------------------------------------------- database


def _connect(database: Path) -> sqlite3.Connection:
    # immutable=1: no journal or -wal/-shm files are looked for or created.
    connection = sqlite3.connect(database.as_uri() + "?mode=ro&immutable=1", uri=True)
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
    deadline = time.monotonic() + _TIME_BUDGET_S
    connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    # No functions with side effects from views, triggers or defaults in the file.
    connection.execute("PRAGMA trusted_schema = OFF")
    connection.execute("PRAGMA query_only = ON")
    return connection


def _schema(reading: _Reading, db: sqlite3.Connection) -> Schema:
    objects = {str(n).lower(): str(t) for n, t in
               db.execute("SELECT name, type FROM sqlite_master")}
    current = "notetypes" in objects
    required = ["col", "notes", "cards"]
    required += ["notetypes", "fields", "templates", "decks"] if current else []
    for table in required:
        # A view could hide an endless query behind an innocent name.
        if objects.get(table) != "table":
            raise ImportFormatError(reading.path, f"is not an Anki collection (no '{table}' "
                                                  "table)")
    schema = current_schema(db, objects.get("config") == "table") if current \
        else legacy_schema(db)
    schema.has_revlog = objects.get("revlog") == "table"  # a view is never queried
    return schema


# Answers are kept only between Anki's first release and a century ahead (scheduling
# from a later one would run past the last date a calendar holds); an answer's length
# is capped at a day (Anki itself caps it at minutes).
_EARLIEST = datetime(2006, 1, 1, tzinfo=UTC)
_LATEST = datetime(2100, 1, 1, tzinfo=UTC)
_LONGEST_MS = 24 * 3600 * 1000


def _history(db: sqlite3.Connection, keys: dict[int, tuple[int, str]],
             deck_ids: dict[int, str], sched_ver: int) -> list[HistoryEntry]:
    history: list[HistoryEntry] = []
    for rid, cid, ease, taken, kind in db.execute(
            "SELECT id, cid, ease, time, type FROM revlog ORDER BY id"):
        target = keys.get(int(cid))
        if target is None or int(kind) not in _REVIEW_TYPES or not 1 <= int(ease) <= 4:
            continue
        rating = int(ease)
        if sched_ver == 1 and int(kind) in (0, 2):
            rating = _V1_LEARNING_EASE.get(rating, rating)
        try:
            reviewed_at = datetime.fromtimestamp(int(rid) / 1000, UTC)
            taken_ms = int(taken)
        except (OverflowError, OSError, ValueError, TypeError):
            continue  # a timestamp no calendar can hold, or a time that is not a number
        if not _EARLIEST <= reviewed_at <= _LATEST:
            continue  # before Anki existed or in the far future: not a real answer
        history.append(HistoryEntry(deck_ids[target[0]], target[1], reviewed_at,
                                    Rating(rating), min(max(0, taken_ms), _LONGEST_MS)))
    return history


# ---------------------------------------------------------------- media


def _unzstd(reading: _Reading, data: bytes, out: IO[bytes], name: str,
            cap: int | None = None) -> None:
    """Decompress zstd data into ``out``, never past ``cap`` (or the entry limit) bytes
    nor the archive's total: the zip's ratio check cannot see inside zstd."""
    try:
        import zstandard
    except ImportError as exc:
        raise ImportFormatError(reading.path, "uses Anki's current package format, which "
                                "needs the 'zstandard' Python package; install it, or export "
                                "from Anki with 'Support older Anki versions'") from exc
    cap = min(cap if cap is not None else reading.limits.entry, reading.limits.entry)
    written = 0
    try:
        reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data),
                                                            read_across_frames=True)
        while chunk := reader.read(1 << 20):
            written += len(chunk)
            reading.expanded += len(chunk)
            if written > cap or reading.expanded > reading.limits.total:
                raise ImportFormatError(reading.path, f"entry {name!r} expands to too many "
                                        "bytes: refused as a possible zip bomb")
            out.write(chunk)
    except zstandard.ZstdError as exc:
        raise ImportFormatError(reading.path, f"entry {name!r} is damaged ({exc})") from exc


def _entry_bytes(reading: _Reading, name: str, cap: int | None = None) -> bytes:
    data = read_entry(reading.archive, reading.path, name, reading.limits)
    if not data.startswith(_ZSTD_MAGIC):
        return data
    out = io.BytesIO()
    _unzstd(reading, data, out, name, cap)
    return out.getvalue()


def _media_map(reading: _Reading) -> dict[str, _MediaFile]:
    """Media names -> where their bytes are, from either form of the ``media`` entry."""
    data = read_entry(reading.archive, reading.path, "media", reading.limits)
    found: dict[str, _MediaFile] = {}
    if data.startswith(_ZSTD_MAGIC):
        # MediaEntries { repeated MediaEntry entries = 1; }
        # MediaEntry { name = 1; size = 2; sha1 = 3; legacy_zip_filename = 255; }
        entries = [v for n, v in proto_fields(_entry_bytes(reading, "media"))
                   if n == 1 and isinstance(v, bytes)]
        for index, entry in enumerate(entries):
            values = dict(proto_fields(entry))
            name, size, sha1 = values.get(1, b""), values.get(2), values.get(3)
            legacy = values.get(255)  # files kept under their old zip names
            if isinstance(name, bytes) and name:
                found.setdefault(name.decode("utf-8", "replace"), _MediaFile(
                    str(legacy if isinstance(legacy, int) else index),
                    size if isinstance(size, int) else None,
                    sha1 if isinstance(sha1, bytes) and len(sha1) == 20 else None))
        return found
    for zip_name, media_name in json_object(data or b"{}").items():
        if isinstance(media_name, str) and media_name:
            found.setdefault(media_name, _MediaFile(str(zip_name)))
    return found


def _media_files(reading: _Reading, media: dict[str, _MediaFile], used: set[str]
                 ) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for name in sorted(used):
        info = media[name]
        data = _entry_bytes(reading, info.entry, info.size)
        if info.sha1 is not None and hashlib.sha1(data).digest() != info.sha1:
            reading.warn(f"picture {name!r} is damaged in the package (checksum differs); "
                         "left out")
            continue
        files[name] = data
    return files
