"""Reading an Anki collection's decks and note types: schema 11 keeps them as JSON in
``col``, schema 18 in their own tables with protobuf configs."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from trainer.content.importers.anki_notes import NoteType, Template

_UPDATE_NOTICE = "Please update to the latest Anki version"
_NOTETYPE_KIND_CLOZE = 1  # Notetype.Config.kind (0 normal, 1 cloze; checked against Anki)
_STOCK_IMAGE_OCCLUSION = 6  # Notetype.Config.original_stock_kind


@dataclass
class Schema:
    """What the importer needs to know of a collection besides its notes and cards."""

    decks: dict[int, str]  # Anki deck id -> full name with "::"
    note_types: dict[int, NoteType]
    sched_ver: int
    has_revlog: bool = True


def legacy_schema(db: sqlite3.Connection) -> Schema:
    """Decks and note types of a schema 11 (legacy) collection."""
    row = db.execute("SELECT conf, models, decks FROM col").fetchone()
    if row is None:
        raise ValueError("the col table is empty")
    conf, models, decks = (json_object(value) for value in row)
    note_types: dict[int, NoteType] = {}
    for key, model in models.items():
        if not isinstance(model, dict):
            continue
        fields = sorted((f for f in model.get("flds", []) if isinstance(f, dict)),
                        key=lambda f: int(f.get("ord", 0)))
        templates = [t for t in model.get("tmpls", []) if isinstance(t, dict)]
        note_types[int(model.get("id", key))] = NoteType(
            name=str(model.get("name", "")),
            fields=tuple(str(f.get("name", "")) for f in fields),
            templates=tuple(Template(int(t.get("ord", 0)), str(t.get("name", "")),
                                     str(t.get("qfmt", "")), str(t.get("afmt", "")))
                            for t in templates),
            cloze=model.get("type") == 1,
            image_occlusion=model.get("originalStockKind") == _STOCK_IMAGE_OCCLUSION)
    names = {int(d.get("id", key)): str(d.get("name", ""))
             for key, d in decks.items() if isinstance(d, dict)}
    sched_ver = conf.get("schedVer", 1)  # collections from before v2 have no key
    return Schema(names, note_types, sched_ver if isinstance(sched_ver, int) else 1)


def current_schema(db: sqlite3.Connection, has_config: bool) -> Schema:
    """Decks and note types of a schema 18 collection."""
    fields: dict[int, list[str]] = {}
    for ntid, name in db.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        fields.setdefault(int(ntid), []).append(str(name))
    templates: dict[int, list[Template]] = {}
    for ntid, ord_, name, config in db.execute(
            "SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord"):
        formats = {n: v for n, v in proto_fields(blob(config)) if isinstance(v, bytes)}
        templates.setdefault(int(ntid), []).append(Template(
            int(ord_), str(name), formats.get(1, b"").decode("utf-8", "replace"),
            formats.get(2, b"").decode("utf-8", "replace")))
    note_types: dict[int, NoteType] = {}
    for ntid, name, config in db.execute("SELECT id, name, config FROM notetypes"):
        numbers = {n: v for n, v in proto_fields(blob(config)) if isinstance(v, int)}
        note_types[int(ntid)] = NoteType(
            str(name), tuple(fields.get(int(ntid), [])), tuple(templates.get(int(ntid), [])),
            cloze=numbers.get(1) == _NOTETYPE_KIND_CLOZE,
            image_occlusion=numbers.get(9) == _STOCK_IMAGE_OCCLUSION)
    # Schema 18 separates deck name levels with \x1f where older files use "::".
    decks = {int(did): str(name).replace("\x1f", "::")
             for did, name in db.execute("SELECT id, name FROM decks")}
    sched_ver = 2
    if has_config:
        row = db.execute("SELECT val FROM config WHERE KEY = 'schedVer'").fetchone()
        try:
            value = json.loads(blob(row[0])) if row else 2
        except (ValueError, RecursionError):
            value = 2  # unreadable: the current scheduler's numbering is assumed
        sched_ver = value if isinstance(value, int) else 2
    return Schema(decks, note_types, sched_ver)


def is_update_notice(db: sqlite3.Connection) -> bool:
    """Whether this is the dummy collection asking the user to update Anki."""
    rows = db.execute("SELECT flds FROM notes LIMIT 2").fetchall()
    return len(rows) == 1 and str(rows[0][0]).startswith(_UPDATE_NOTICE)


def json_object(value: object) -> dict[str, Any]:
    """A JSON object stored as text or bytes."""
    try:
        parsed = json.loads(blob(value)) if value not in (None, "") else {}
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if not isinstance(parsed, dict):
        raise ValueError("expected a JSON object")
    return parsed


def blob(value: object) -> bytes:
    """A column value as bytes."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode()
    raise ValueError(f"expected text or bytes, found {type(value).__name__}")



def _varint(data: bytes, position: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if position >= len(data):
            raise ValueError("truncated protobuf varint")
        byte = data[position]
        position += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, position
        shift += 7
        if shift > 63:
            raise ValueError("protobuf varint too long")


def proto_fields(data: bytes) -> Iterator[tuple[int, int | bytes]]:
    """The (field number, value) pairs of a protobuf message: varints as int,
    length-delimited and fixed-size fields as bytes. Enough for Anki's few messages."""
    position = 0
    while position < len(data):
        key, position = _varint(data, position)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, position = _varint(data, position)
            yield number, value
            continue
        if wire == 2:
            size, position = _varint(data, position)
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        if position + size > len(data):
            raise ValueError("truncated protobuf field")
        yield number, data[position:position + size]
        position += size
