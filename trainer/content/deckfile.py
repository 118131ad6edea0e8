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

from trainer.content.fields import ID_PATTERN, Collector, Fields
from trainer.content.locate import strip_toml_position, toml_error_line
from trainer.content.pathfile import build_paths
from trainer.content.practicefile import build_practice
from trainer.content.quizfile import build_assessments, build_quizzes
from trainer.content.tags import has_space, unique_tags
from trainer.domain.deck import Card, Deck, Source
from trainer.domain.errors import DeckError, Problem

FORMAT_VERSION = 1
VERSION_PATTERN = re.compile(r"^\d+(\.\d+){0,2}$")

TOP_KEYS = {"format", "deck", "sources", "cards", "practice", "quizzes", "assessments",
            "paths"}
DECK_KEYS = {"id", "title", "version", "description", "authors", "topic"}
SOURCE_KEYS = {"id", "title", "author", "publisher", "url", "descriptive_title",
               "unattributed"}
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
        problem = Problem(str(path), f"not valid TOML: {strip_toml_position(message)}",
                          toml_error_line(message, text))
        return ParseResult(path, None, [problem])
    except RecursionError:
        return ParseResult(path, None, [Problem(
            str(path), "not a deck file: its tables or lists are nested too deeply")])
    except ValueError as exc:  # e.g. a whole number of thousands of digits
        return ParseResult(path, None, [Problem(str(path), f"not valid TOML: {exc}")])
    return parse_deck_data(data, path, hashlib.sha256(raw).hexdigest(), text)


def parse_deck_data(data: dict[str, Any], path: Path, digest: str,
                    text: str | None = None) -> ParseResult:
    """Validate deck data already parsed from TOML (or from a package's JSON copy, in
    which case ``text`` is None and problems carry no line numbers)."""
    out = Collector(path, text)
    deck = _build_deck(data, out, path, digest)
    usable = deck if not any(p.severity == "error" for p in out.problems) else None
    return ParseResult(path, usable, out.problems)


def load_deck(path: Path) -> Deck:
    """Parse a deck file, raising ``DeckError`` with every problem if it is unusable."""
    result = parse_deck_file(path)
    if result.deck is None:
        raise DeckError(result.errors or result.problems)
    return result.deck


def _build_deck(data: dict[str, Any], out: Collector, path: Path, digest: str) -> Deck | None:
    top = Fields(out, data, "", 0)
    top.unknown(TOP_KEYS)
    fmt = data.get("format")
    if fmt is None:
        out.error(f"missing 'format = {FORMAT_VERSION}' at the top of the file", line=1)
    elif type(fmt) is not int:
        top.error(f"'format' must be the whole number {FORMAT_VERSION}, without quotes",
                  "format")
    elif fmt != FORMAT_VERSION:
        top.error(f"format {fmt} is not supported (this version reads format {FORMAT_VERSION})",
                  "format")

    meta = data.get("deck")
    if not isinstance(meta, dict):
        out.error("missing the [deck] table with id, title and version", line=1)
        meta = {}
    head = Fields(out, meta, "deck", 0)
    head.unknown(DECK_KEYS)
    deck_id = head.ident("deck")
    title = head.text("title", required=True)
    version = head.text("version", required=True)
    if version is not None and not VERSION_PATTERN.match(version):
        head.error(f"version '{version}' must look like 1, 1.2 or 1.2.3", "version")
    description = head.text("description") or ""
    authors = head.texts("authors")
    default_topic = head.text("topic")

    sources = _build_sources(data.get("sources", []), out)
    source_ids = {s.id for s in sources}
    cards = _build_cards(data.get("cards", []), out, source_ids, default_topic)
    taken = {c.id: c.line for c in cards}
    practice = build_practice(data.get("practice", []), out, source_ids, default_topic, taken)
    quizzes = build_quizzes(data.get("quizzes", []), out, source_ids, default_topic, taken)
    listed = data.get("quizzes", [])
    quiz_ids = {q.id for q in quizzes} | {
        t["id"] for t in (listed if isinstance(listed, list) else [])
        if isinstance(t, dict) and isinstance(t.get("id"), str)}
    assessments = build_assessments(data.get("assessments", []), out, quiz_ids)
    paths = build_paths(data.get("paths", []), out, deck_id)
    if not any(data.get(k) for k in ("cards", "practice", "quizzes", "assessments", "paths")):
        out.warn("the deck has no cards", line=1, item=deck_id)

    if deck_id is None or title is None or version is None or not VERSION_PATTERN.match(version):
        return None
    return Deck(
        id=deck_id, title=title, version=version, description=description, authors=authors,
        sources=tuple(sources), cards=tuple(cards), path=path, format=FORMAT_VERSION,
        content_hash=digest, quizzes=tuple(quizzes), assessments=tuple(assessments),
        paths=tuple(paths), practice=tuple(practice),
    )


def _build_sources(value: object, out: Collector) -> list[Source]:
    sources: list[Source] = []
    seen: set[str] = set()
    for index, table in enumerate(out.tables(value, "sources")):
        f = Fields(out, table, "sources", index)
        sid = f.ident("source")
        f.unknown(SOURCE_KEYS)
        ok = sid is not None
        if sid is not None and sid in seen:
            f.error(f"source id '{sid}' is used twice")
            ok = False
        title = f.text("title", required=True)
        author = f.text("author")
        publisher = f.text("publisher")
        url = f.text("url")
        descriptive = f.boolean("descriptive_title", False)
        unattributed = f.boolean("unattributed", False)
        if not author and not publisher and not unattributed:
            f.error("a source needs an 'author' or a 'publisher' to credit (or, when the "
                    "article names neither, 'unattributed = true')")
        elif unattributed and (author or publisher):
            f.error("'unattributed = true' says the article names no one, but the source "
                    "has an author or publisher", "unattributed")
        if sid is not None:
            seen.add(sid)
        if ok and sid is not None and title is not None:
            sources.append(Source(sid, title, author or None, publisher or None, url or None,
                                  descriptive, unattributed))
    return sources


def _build_cards(
    value: object, out: Collector, source_ids: set[str], default_topic: str | None
) -> list[Card]:
    cards: list[Card] = []
    seen: dict[str, int | None] = {}
    for index, table in enumerate(out.tables(value, "cards")):
        quick = _clean_card(table, source_ids, default_topic)
        if quick is not None and quick.id not in seen:
            line = out.lines.line_of("cards", index)
            seen[quick.id] = line
            cards.append(Card(quick.id, quick.front, quick.back, quick.topic, quick.tags,
                              quick.source, line))
            continue
        f = Fields(out, table, "cards", index)
        cid = f.ident("card")
        f.unknown(CARD_KEYS)
        ok = cid is not None
        if cid is not None and cid in seen:
            first = seen[cid]
            f.error(f"card id '{cid}' is already used" + (f" on line {first}" if first else ""),
                    "id")
            ok = False
        elif cid is not None:
            seen[cid] = f.line
        front = f.text("front", required=True)
        back = f.text("back", required=True)
        topic = f.text("topic") or default_topic
        if not topic:
            f.error("missing 'topic' (or set a default topic in [deck])")
        tags = f.tags()
        source = f.text("source")
        if source is not None and source not in source_ids:
            f.error(f"source '{source}' is not one of the [[sources]] ids"
                    + (f" ({', '.join(sorted(source_ids))})" if source_ids else ""), "source")
            ok = False
        if ok and cid and front and back and topic:
            cards.append(Card(cid, front, back, topic, tags, source, f.line))
    return cards


def _clean_card(table: dict[str, Any], source_ids: set[str],
                default_topic: str | None) -> Card | None:
    """The card when every field is plainly right (the usual case, checked cheaply), or
    None to let the full checks find and word the problems."""
    if not table.keys() <= CARD_KEYS:
        return None
    cid, front, back = table.get("id"), table.get("front"), table.get("back")
    topic = table.get("topic", default_topic)
    tags = table.get("tags", [])
    source = table.get("source")
    if not (isinstance(cid, str) and isinstance(front, str) and isinstance(back, str)
            and isinstance(topic, str) and isinstance(tags, list)):
        return None
    front, back, topic = front.strip(), back.strip(), topic.strip()
    if not (front and back and topic and ID_PATTERN.match(cid)):
        return None
    if source is not None and (not isinstance(source, str) or source.strip() not in source_ids):
        return None
    if not all(isinstance(t, str) and not has_space(t.strip()) for t in tags):
        return None
    return Card(cid, front, back, topic, unique_tags(tags), source.strip() if source else None)
