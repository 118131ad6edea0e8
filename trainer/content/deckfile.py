"""Read a deck file (TOML, format 1) into a ``Deck``, collecting every problem found.

Parsing never stops at the first mistake: a trainer fixing a deck wants the whole list,
each with the file, the item id and the line.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.content.locate import LineIndex, strip_toml_position, toml_error_line
from trainer.domain.deck import Card, Deck, Source
from trainer.domain.errors import DeckError, Problem

FORMAT_VERSION = 1
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
VERSION_PATTERN = re.compile(r"^\d+(\.\d+){0,2}$")

TOP_KEYS = {"format", "deck", "sources", "cards"}
DECK_KEYS = {"id", "title", "version", "description", "authors", "topic"}
SOURCE_KEYS = {"id", "title", "author", "publisher", "url"}
CARD_KEYS = {"id", "front", "back", "topic", "tags", "source"}


@dataclass
class ParseResult:
    """A deck (when the file was usable) and everything wrong with the file."""

    path: Path
    deck: Deck | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """Problems that make the deck unusable."""
        return [p for p in self.problems if p.severity == "error"]


class _Collector:
    """Gathers problems for one file, with line lookups."""

    def __init__(self, path: Path, lines: LineIndex) -> None:
        self.file = str(path)
        self.lines = lines
        self.problems: list[Problem] = []

    def error(self, message: str, *, line: int | None = None, item: str | None = None) -> None:
        self.problems.append(Problem(self.file, message, line, item))

    def warn(self, message: str, *, line: int | None = None, item: str | None = None) -> None:
        self.problems.append(Problem(self.file, message, line, item, "warning"))


def parse_deck_file(path: Path) -> ParseResult:
    """Parse and validate one deck file. Never raises for bad content."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return ParseResult(path, None, [Problem(str(path), f"cannot read file: {exc.strerror}")])
    return parse_deck_bytes(raw, path)


def parse_deck_bytes(raw: bytes, path: Path) -> ParseResult:
    """Parse deck content that came from ``path`` (used for messages only)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return ParseResult(
            path, None, [Problem(str(path), "file is not UTF-8 text; save it as UTF-8", line)]
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        return ParseResult(
            path,
            None,
            [
                Problem(
                    str(path),
                    f"not valid TOML: {strip_toml_position(message)}",
                    toml_error_line(message, text),
                )
            ],
        )
    out = _Collector(path, LineIndex(text))
    deck = _build_deck(data, out, path, hashlib.sha256(raw).hexdigest())
    usable = deck if not any(p.severity == "error" for p in out.problems) else None
    return ParseResult(path, usable, out.problems)


def load_deck(path: Path) -> Deck:
    """Parse a deck file, raising ``DeckError`` with every problem if it is unusable."""
    result = parse_deck_file(path)
    if result.deck is None:
        raise DeckError(result.errors or result.problems)
    return result.deck


def _unknown_keys(
    table: dict[str, Any], allowed: set[str], out: _Collector, where: str, index: int,
    item: str | None,
) -> None:
    for key in sorted(set(table) - allowed):
        out.error(
            f"unknown field '{key}' (allowed: {', '.join(sorted(allowed))})",
            line=out.lines.line_of(where, index, key),
            item=item,
        )


def _text(
    table: dict[str, Any], key: str, out: _Collector, where: str, index: int,
    item: str | None, *, required: bool,
) -> str | None:
    value = table.get(key)
    line = out.lines.line_of(where, index, key)
    if value is None:
        if required:
            out.error(f"missing required field '{key}'", line=out.lines.line_of(where, index),
                      item=item)
        return None
    if not isinstance(value, str):
        out.error(f"'{key}' must be text in quotes", line=line, item=item)
        return None
    if required and not value.strip():
        out.error(f"'{key}' is empty", line=line, item=item)
        return None
    return value.strip()


def _text_list(
    table: dict[str, Any], key: str, out: _Collector, where: str, index: int, item: str | None
) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        out.error(f"'{key}' must be a list of texts, like {key} = [\"a\", \"b\"]",
                  line=out.lines.line_of(where, index, key), item=item)
        return ()
    return tuple(v.strip() for v in value if v.strip())


def _check_id(value: str | None, out: _Collector, line: int | None, what: str) -> bool:
    if value is None:
        return False
    if not ID_PATTERN.match(value):
        out.error(
            f"{what} id '{value}' may use only lowercase letters, digits, '.', '-' and '_' "
            "(at most 64, starting with a letter or digit)",
            line=line, item=value,
        )
        return False
    return True


def _build_deck(data: dict[str, Any], out: _Collector, path: Path, digest: str) -> Deck | None:
    _unknown_keys(data, TOP_KEYS, out, "", 0, None)
    fmt = data.get("format")
    if fmt is None:
        out.error(f"missing 'format = {FORMAT_VERSION}' at the top of the file", line=1)
    elif type(fmt) is not int:
        out.error(f"'format' must be the whole number {FORMAT_VERSION}, without quotes",
                  line=out.lines.line_of("", 0, "format"))
    elif fmt != FORMAT_VERSION:
        out.error(
            f"format {fmt} is not supported (this version reads format {FORMAT_VERSION})",
            line=out.lines.line_of("", 0, "format"),
        )

    meta = data.get("deck")
    if not isinstance(meta, dict):
        out.error("missing the [deck] table with id, title and version", line=1)
        meta = {}
    _unknown_keys(meta, DECK_KEYS, out, "deck", 0, None)
    deck_id = _text(meta, "id", out, "deck", 0, None, required=True)
    _check_id(deck_id, out, out.lines.line_of("deck", 0, "id"), "deck")
    title = _text(meta, "title", out, "deck", 0, deck_id, required=True)
    version = _text(meta, "version", out, "deck", 0, deck_id, required=True)
    if version is not None and not VERSION_PATTERN.match(version):
        out.error(f"version '{version}' must look like 1, 1.2 or 1.2.3",
                  line=out.lines.line_of("deck", 0, "version"), item=deck_id)
    description = _text(meta, "description", out, "deck", 0, deck_id, required=False) or ""
    authors = _text_list(meta, "authors", out, "deck", 0, deck_id)
    default_topic = _text(meta, "topic", out, "deck", 0, deck_id, required=False)

    sources = _build_sources(data.get("sources", []), out)
    cards = _build_cards(data.get("cards", []), out, {s.id for s in sources}, default_topic)
    if not data.get("cards"):
        out.warn("the deck has no cards", line=1, item=deck_id)

    if deck_id is None or title is None or version is None:
        return None
    return Deck(
        id=deck_id, title=title, version=version, description=description, authors=authors,
        sources=tuple(sources), cards=tuple(cards), path=path, format=FORMAT_VERSION,
        content_hash=digest,
    )


def _tables(value: object, name: str, out: _Collector) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        out.error(f"'{name}' must be written as [[{name}]] tables",
                  line=out.lines.line_of("", 0, name))
        return []
    return value


def _build_sources(value: object, out: _Collector) -> list[Source]:
    sources: list[Source] = []
    seen: set[str] = set()
    for index, table in enumerate(_tables(value, "sources", out)):
        line = out.lines.line_of("sources", index)
        sid = _text(table, "id", out, "sources", index, None, required=True)
        _unknown_keys(table, SOURCE_KEYS, out, "sources", index, sid)
        ok = _check_id(sid, out, out.lines.line_of("sources", index, "id"), "source")
        if sid is not None and sid in seen:
            out.error(f"source id '{sid}' is used twice", line=line, item=sid)
            ok = False
        title = _text(table, "title", out, "sources", index, sid, required=True)
        author = _text(table, "author", out, "sources", index, sid, required=False)
        publisher = _text(table, "publisher", out, "sources", index, sid, required=False)
        url = _text(table, "url", out, "sources", index, sid, required=False)
        if not author and not publisher:
            out.error("a source needs an 'author' or a 'publisher' to credit", line=line,
                      item=sid)
        if sid is not None:
            seen.add(sid)
        if ok and sid is not None and title is not None:
            sources.append(Source(sid, title, author or None, publisher or None, url or None))
    return sources


def _build_cards(
    value: object, out: _Collector, source_ids: set[str], default_topic: str | None
) -> list[Card]:
    cards: list[Card] = []
    seen: dict[str, int | None] = {}
    for index, table in enumerate(_tables(value, "cards", out)):
        line = out.lines.line_of("cards", index)
        cid = _text(table, "id", out, "cards", index, None, required=True)
        _unknown_keys(table, CARD_KEYS, out, "cards", index, cid)
        ok = _check_id(cid, out, out.lines.line_of("cards", index, "id"), "card")
        if cid is not None and cid in seen:
            first = seen[cid]
            out.error(f"card id '{cid}' is already used" + (f" on line {first}" if first else ""),
                      line=out.lines.line_of("cards", index, "id"), item=cid)
            ok = False
        elif cid is not None:
            seen[cid] = line
        front = _text(table, "front", out, "cards", index, cid, required=True)
        back = _text(table, "back", out, "cards", index, cid, required=True)
        topic = _text(table, "topic", out, "cards", index, cid, required=False) or default_topic
        if not topic:
            out.error("missing 'topic' (or set a default topic in [deck])", line=line, item=cid)
        tags = _text_list(table, "tags", out, "cards", index, cid)
        source = _text(table, "source", out, "cards", index, cid, required=False)
        if source is not None and source not in source_ids:
            out.error(f"source '{source}' is not one of the [[sources]] ids"
                      + (f" ({', '.join(sorted(source_ids))})" if source_ids else ""),
                      line=out.lines.line_of("cards", index, "source"), item=cid)
            ok = False
        if ok and cid and front and back and topic:
            cards.append(Card(cid, front, back, topic, tags, source, line))
    return cards
