"""CSV and TSV files, plain (front, back) or with Anki's header lines:
``#separator``, ``#html``, ``#tags``, ``#columns``, ``#deck``, ``#deck column``,
``#tags column``, ``#guid column`` (and ``#notetype``, which is noted and ignored)."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from trainer.content.importers.bundle import ImportBundle, ImportFormatError, slug, stable_key
from trainer.content.importers.textfile import decode_text
from trainer.content.render import sanitize_html
from trainer.domain.deck import Card, Deck, Source
from trainer.domain.errors import Problem

SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t", "space": " ", "pipe": "|",
              "colon": ":"}
MAX_COLUMN = 1000
_KNOWN = {"separator", "html", "tags", "columns", "deck", "notetype", "deck column",
          "tags column", "guid column", "notetype column", "if matches"}


@dataclass
class _Header:
    separator: str | None = None
    html: bool = False
    tags: tuple[str, ...] = ()
    columns: list[str] = field(default_factory=list)
    deck: str | None = None
    deck_column: int | None = None
    tags_column: int | None = None
    guid_column: int | None = None
    lines: int = 0


def _read_header(path: Path, lines: list[str], skipped: list[Problem]) -> _Header:
    header = _Header()
    for number, line in enumerate(lines, start=1):
        if not line.startswith("#"):
            break
        header.lines = number
        key, sep, value = line[1:].partition(":")
        key, value = key.strip().lower(), value.strip()
        if not sep or key not in _KNOWN:
            continue  # an ordinary comment
        if key == "separator":
            header.separator = SEPARATORS.get(value.lower(), value[:1] or None)
        elif key == "html":
            header.html = value.lower() == "true"
        elif key == "tags":
            header.tags = tuple(value.split())
        elif key == "columns":
            header.columns = [value]  # split once the separator is known
        elif key == "deck":
            header.deck = value
        elif key.endswith(" column"):
            try:
                column = int(value)
            except ValueError as exc:
                raise ImportFormatError(path, f"'#{key}' must be a column number", number) \
                    from exc
            if not 1 <= column <= MAX_COLUMN:
                raise ImportFormatError(path, f"'#{key}' must be a column number from 1 to "
                                              f"{MAX_COLUMN}, not {value}", number)
            setattr(header, key.replace(" ", "_"), column)
        elif key == "notetype":
            skipped.append(Problem(str(path), f"note type '{value}' is read as front and "
                                   "back", number, None, "warning"))
    return header


def _sniff(path: Path, sample: str) -> str:
    if path.suffix.lower() in (".tsv", ".tab"):
        return "\t"
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return "\t" if "\t" in sample else ","


def _field_text(value: str, is_html: bool) -> str:
    value = value.strip()
    if is_html:
        return sanitize_html(value)
    # Plain text: keep it literal on the card (no accidental Markdown or HTML).
    return html.escape(value).replace("*", "\\*").replace("_", "\\_")


def _rows(path: Path, reader: Iterator[list[str]], before: int) -> Iterator[list[str]]:
    """The reader's rows; a row the csv module cannot read (a field over its 128 KB
    limit, say) is a clear error naming the line, not a traceback."""
    line_num = getattr(reader, "line_num", 0)
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            where = before + getattr(reader, "line_num", line_num)
            raise ImportFormatError(path, f"this line cannot be read ({exc}); a card's "
                                          "field may be at most 128 KB", where) from exc


def read_csv(path: Path) -> ImportBundle:
    """Read a CSV/TSV file into decks of cards (one deck per deck name it uses)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(path, f"cannot read the file: {exc.strerror}") from exc
    text, _encoding = decode_text(path, raw)
    bundle = ImportBundle(path, ids_from_names=True)
    lines = text.splitlines()
    header = _read_header(path, lines, bundle.skipped)
    body = "\n".join(lines[header.lines:])
    separator = header.separator or _sniff(path, body[:4096])
    names = [c.strip().lower() for c in header.columns[0].split(separator)] \
        if header.columns else []
    tags_col = header.tags_column or (names.index("tags") + 1 if "tags" in names else None)
    deck_col = header.deck_column or (names.index("deck") + 1 if "deck" in names else None)
    guid_col = header.guid_column or (names.index("guid") + 1 if "guid" in names else None)
    special = {c for c in (tags_col, deck_col, guid_col) if c}
    default_deck = header.deck or path.stem.replace("_", " ")
    decks: dict[str, list[Card]] = {}
    seen: dict[str, set[str]] = {}
    reader = csv.reader(io.StringIO(body), delimiter=separator)
    for offset, row in enumerate(_rows(path, reader, header.lines)):
        line = header.lines + reader.line_num if reader.line_num else header.lines + offset + 1
        if not any(cell.strip() for cell in row):
            continue
        fields = [cell for number, cell in enumerate(row, start=1) if number not in special]
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            bundle.skipped.append(Problem(str(path), "needs a front and a back; skipped",
                                          line))
            continue
        deck_name = (row[deck_col - 1].strip() if deck_col and deck_col <= len(row) else "") \
            or default_deck
        front = _field_text(fields[0], header.html)
        back = _field_text("<br>".join(f for f in fields[1:] if f.strip()) if header.html
                           else "\n\n".join(f for f in fields[1:] if f.strip()), header.html)
        tags = list(header.tags)
        if tags_col and tags_col <= len(row):
            tags += row[tags_col - 1].split()
        guid = row[guid_col - 1].strip() if guid_col and guid_col <= len(row) else ""
        key = stable_key("g", guid) if guid else stable_key("c", fields[0].strip())
        if key in seen.setdefault(deck_name, set()):
            bundle.skipped.append(Problem(str(path), "the same card appears twice; the "
                                          "second is skipped", line, key))
            continue
        seen[deck_name].add(key)
        safe_tags = tuple(dict.fromkeys(slug(t, "tag") for t in tags))
        decks.setdefault(deck_name, []).append(
            Card(key, front, back, slug(deck_name.split("::")[-1], "imported"), safe_tags,
                 "csv", line))
    source = Source("csv", path.name, publisher="Imported from a CSV file")
    # Names that differ only in case or punctuation ("Sales Calls", "sales::calls") make
    # one deck id: their cards go into one deck, under the first name.
    merged: dict[str, tuple[str, list[Card]]] = {}
    for name, cards in decks.items():
        deck_id = slug(name.replace("::", " "), "imported")
        kept = merged.setdefault(deck_id, (name, []))[1]
        known = {c.id for c in kept}
        kept += [c for c in cards if c.id not in known]
    for deck_id, (name, cards) in merged.items():
        bundle.decks.append(Deck(
            id=deck_id, title=name.replace("::", " › "),
            version="1", description=f"Imported from {path.name}.", sources=(source,),
            cards=tuple(cards), path=path))
    if not bundle.decks:
        raise ImportFormatError(path, "has no rows with a front and a back to import")
    return bundle
