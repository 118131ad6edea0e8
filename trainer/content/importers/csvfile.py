"""CSV and TSV files, plain (front, back) or with the header lines Anki writes and reads:
``#separator``, ``#html``, ``#tags``, ``#columns``, ``#deck``, ``#notetype``, and the
columns ``#guid column``, ``#notetype column``, ``#deck column``, ``#tags column``.

A row whose note type is one of Anki's standard ones (from its column or ``#notetype``)
becomes the cards Anki makes of it, rendered from that note type's templates: both
directions of a reversed note, one card per cloze deletion. Any other row is read as
front (the first field) and back (the others)."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from trainer.content.importers.anki_html import FieldConverter, conversion_warnings
from trainer.content.importers.anki_notes import CardSkipped, NoteType, card_ords, render_card
from trainer.content.importers.anki_stock import STOCK
from trainer.content.importers.bundle import ImportBundle, ImportFormatError, slug, stable_key
from trainer.content.importers.textfile import decode_text
from trainer.content.render import sanitize_html
from trainer.content.tags import unique_tags
from trainer.domain.deck import Card, Deck, Source
from trainer.domain.errors import Problem
from trainer.i18n import Context


class CsvFileText(Context):
    """What a CSV/TSV import says about the file's lines."""


SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t", "space": " ", "pipe": "|",
              "colon": ":"}
MAX_COLUMN = 1000
# The roles a column can play instead of holding a field of the note: each is numbered
# by "#ROLE column:N", or named ROLE in "#columns".
ROLES = ("tags", "deck", "guid", "notetype")


@dataclass
class _Header:
    separator: str | None = None
    html: bool = False
    tags: tuple[str, ...] = ()
    columns: str | None = None  # split once the separator is known
    deck: str | None = None
    notetype: str | None = None
    numbered: dict[str, int] = field(default_factory=dict)  # role -> its column
    lines: int = 0


class _BadHeader(ValueError):
    """A header line's value that cannot be used; its message is the user's."""


def _separator(header: _Header, key: str, value: str) -> None:
    header.separator = SEPARATORS.get(value.lower(), value[:1] or None)


def _html(header: _Header, key: str, value: str) -> None:
    header.html = value.lower() == "true"


def _tags(header: _Header, key: str, value: str) -> None:
    header.tags = tuple(value.split())


def _column_names(header: _Header, key: str, value: str) -> None:
    header.columns = value


def _deck(header: _Header, key: str, value: str) -> None:
    header.deck = value


def _notetype(header: _Header, key: str, value: str) -> None:
    header.notetype = value or None


def _ignored(header: _Header, key: str, value: str) -> None:
    """A header Anki writes that changes nothing here."""


def _role_column(header: _Header, key: str, value: str) -> None:
    try:
        column = int(value)
    except ValueError as exc:
        raise _BadHeader(CsvFileText.tr("'#{key}' must be a column number").format(
            key=key)) from exc
    if not 1 <= column <= MAX_COLUMN:
        raise _BadHeader(CsvFileText.tr(
            "'#{key}' must be a column number from 1 to {most}, not {value}").format(
                key=key, most=MAX_COLUMN, value=value))
    header.numbered[key.removesuffix(" column")] = column


# Anki's header lines, "#key:value": what each sets. Any other "#" line is a comment.
_HEADER_LINES: dict[str, Callable[[_Header, str, str], None]] = {
    "separator": _separator, "html": _html, "tags": _tags, "columns": _column_names,
    "deck": _deck, "notetype": _notetype, "if matches": _ignored,
    **{f"{role} column": _role_column for role in ROLES},
}


def _read_header(path: Path, lines: list[str]) -> _Header:
    header = _Header()
    for number, line in enumerate(lines, start=1):
        if not line.startswith("#"):
            break
        header.lines = number
        key, sep, value = line[1:].partition(":")
        key, value = key.strip().lower(), value.strip()
        rule = _HEADER_LINES.get(key) if sep else None
        try:
            if rule is not None:
                rule(header, key, value)
        except _BadHeader as exc:
            raise ImportFormatError(path, str(exc), number) from exc
    return header


@dataclass(frozen=True)
class _Columns:
    """Which column plays each role in the file's rows; the others hold the note's
    fields."""

    of: dict[str, int]
    special: frozenset[int]  # the columns with a role

    @classmethod
    def of_header(cls, header: _Header, separator: str) -> _Columns:
        """The roles the header numbers, or else names in ``#columns``."""
        names = [c.strip().lower() for c in header.columns.split(separator)] \
            if header.columns else []
        found = {role: header.numbered.get(role) or (names.index(role) + 1 if role in names
                                                     else None) for role in ROLES}
        of = {role: column for role, column in found.items() if column}
        return cls(of, frozenset(of.values()))

    def cell(self, row: list[str], role: str) -> str:
        """The row's value for ``role``, or "" when no column (or no such cell) has it."""
        column = self.of.get(role)
        return row[column - 1].strip() if column and column <= len(row) else ""

    def fields(self, row: list[str]) -> list[str]:
        """The row's note fields: its cells in columns without a role."""
        return [c for number, c in enumerate(row, start=1) if number not in self.special]


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


def _as_html(value: str, is_html: bool) -> str:
    """A field as Anki holds it: HTML as it is, plain text escaped with its line
    breaks kept (what Anki's import does with ``#html:false``)."""
    return value if is_html else html.escape(value).replace("\n", "<br>")


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
            raise ImportFormatError(path, CsvFileText.tr(
                "this line cannot be read ({problem}); a card's field may be at most 128 KB"
            ).format(problem=exc), where) from exc


@dataclass
class _Reading:
    path: Path
    header: _Header
    bundle: ImportBundle
    convert: FieldConverter
    decks: dict[str, list[Card]] = field(default_factory=dict)
    seen: dict[str, set[str]] = field(default_factory=dict)
    unknown_types: dict[str, int] = field(default_factory=dict)  # name -> first line

    @property
    def default_deck(self) -> str:
        """The deck of rows that name none."""
        return self.header.deck or self.path.stem.replace("_", " ")

    def skip(self, message: str, line: int, item: str | None = None,
             severity: str = "error") -> None:
        self.bundle.skipped.append(Problem(str(self.path), message, line, item, severity))

    def add(self, deck_name: str, card: Card) -> None:
        if card.id in self.seen.setdefault(deck_name, set()):
            self.skip(CsvFileText.tr("the same card appears twice; the second is skipped"),
                      card.line or 0, card.id)
            return
        self.seen[deck_name].add(card.id)
        self.decks.setdefault(deck_name, []).append(card)


def read_csv(path: Path) -> ImportBundle:
    """Read a CSV/TSV file into decks of cards (one deck per deck name it uses)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(path, CsvFileText.tr("cannot read the file: {problem}").format(
            problem=exc.strerror)) from exc
    text, _encoding = decode_text(path, raw)
    bundle = ImportBundle(path, ids_from_names=True)
    lines = text.splitlines()
    header = _read_header(path, lines)
    body = "\n".join(lines[header.lines:])
    separator = header.separator or _sniff(path, body[:4096])
    if header.lines == 0 and lines:  # Anki's "#" lines never come with a header row
        names = _column_row(lines[0], separator)
        if names is not None:  # a spreadsheet's own header row: "Front,Back,Tags"
            header.columns = separator.join(names)
            header.lines += 1
            body = "\n".join(lines[header.lines:])
    columns = _Columns.of_header(header, separator)
    reading = _Reading(path, header, bundle, FieldConverter(available_media=()))
    reader = csv.reader(io.StringIO(body), delimiter=separator)
    started = 1  # the body's line the row being read starts on
    last = body.count("\n") + 1
    for offset, row in enumerate(_rows(path, reader, header.lines)):
        line = header.lines + reader.line_num if reader.line_num else header.lines + offset + 1
        if any(c.strip() for c in row):
            _read_row(reading, columns, row, line)
        if reader.line_num > started and reader.line_num == last and \
                _quote_left_open(body.split("\n")[started - 1:], separator):
            raise ImportFormatError(path, CsvFileText.tr(
                'a quote (") opens a field on this line that is never closed, so every '
                'line after it would be read into that field; close the quote, or write '
                'a quote inside a quoted field as two ("")'), header.lines + started)
        started = reader.line_num + 1
    for name, line in reading.unknown_types.items():
        reading.skip(CsvFileText.tr(
            "note type '{name}' is not one of Anki's standard note types, whose cards this "
            "app knows: its rows are read as front (the first field) and back (the others)"
        ).format(name=name), line, None, "warning")
    for message, item in conversion_warnings(reading.convert, package=False):
        bundle.skipped.append(Problem(str(path), message, None, item, "warning"))
    bundle.media.update(reading.convert.generated)
    _decks(reading)
    if not bundle.decks:
        raise ImportFormatError(path, CsvFileText.tr(
            "has no rows with a front and a back to import"))
    return bundle


# What a spreadsheet's header row may call its columns: the roles, and the fields of
# Anki's standard note types. A first row of these names only is a header, not a card.
_COLUMN_NAMES = frozenset((*ROLES, "note type", "front", "back", "question", "answer",
                           "text", "extra", "back extra"))


def _column_row(line: str, separator: str) -> list[str] | None:
    """The column names if ``line`` is a header row ("Front,Back,Tags"), else None."""
    try:
        cells = next(csv.reader([line], delimiter=separator), [])
    except csv.Error:
        return None
    names = [c.strip().lower() for c in cells]
    if sum(1 for n in names if n) < 2 or not all(n in _COLUMN_NAMES for n in names if n):
        return None
    return [n.replace(" ", "") if n == "note type" else n for n in names]


def _quote_left_open(lines: list[str], separator: str) -> bool:
    """Whether the row on ``lines`` (which run to the end of the file) only ends there
    because a quoted field is never closed. The csv module, like Anki's reader, reads
    such a field to the end of the file without a word."""
    try:
        for _row in csv.reader(io.StringIO("\n".join(lines)), delimiter=separator,
                               strict=True):
            pass
    except csv.Error as exc:
        return "end of data" in str(exc)
    return False


def _read_row(reading: _Reading, columns: _Columns, row: list[str], line: int) -> None:
    """The cards of one row: those of its note type if Anki's, else front and back."""
    fields = columns.fields(row)
    deck_name = columns.cell(row, "deck") or reading.default_deck
    tags = unique_tags([*reading.header.tags, *columns.cell(row, "tags").split()])
    guid = columns.cell(row, "guid")
    type_name = columns.cell(row, "notetype") or reading.header.notetype
    note_type = STOCK.get(type_name) if type_name else None
    if note_type is not None:
        _note_cards(reading, note_type, fields, deck_name, tags, guid, line)
        return
    if type_name == "Image Occlusion" or any("image-occlusion:" in f for f in fields):
        reading.skip(CsvFileText.tr(
            "an Image Occlusion note needs its picture, which a text file does not "
            "carry (export an Anki package instead); skipped"), line)
        return
    if type_name:
        reading.unknown_types.setdefault(type_name, line)
    _plain_card(reading, fields, deck_name, tags, guid, line)


def _topic(deck_name: str) -> str:
    return slug(deck_name.split("::")[-1], "imported")


def _plain_card(reading: _Reading, fields: list[str], deck_name: str,
                tags: tuple[str, ...], guid: str, line: int) -> None:
    """A row read as front (first field) and back (the other fields)."""
    if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
        reading.skip(CsvFileText.tr("needs a front and a back; skipped"), line)
        return
    is_html = reading.header.html
    front = _field_text(fields[0], is_html)
    back = _field_text("<br>".join(f for f in fields[1:] if f.strip()) if is_html
                       else "\n\n".join(f for f in fields[1:] if f.strip()), is_html)
    key = stable_key("g", guid) if guid else stable_key("c", fields[0].strip())
    reading.add(deck_name, Card(key, front, back, _topic(deck_name), tags, "csv", line))


def _note_cards(reading: _Reading, note_type: NoteType, fields: list[str], deck_name: str,
                tags: tuple[str, ...], guid: str, line: int) -> None:
    """A row of one of Anki's standard note types: the cards Anki makes of it."""
    values = [_as_html(v, reading.header.html) for v in fields]
    if len(values) > len(note_type.fields) and any(v.strip() for v in
                                                   values[len(note_type.fields):]):
        reading.skip(CsvFileText.tr(
            "has more fields than note type '{name}' ({count}); the others are ignored"
        ).format(name=note_type.name, count=len(note_type.fields)), line, None, "warning")
    values = values[:len(note_type.fields)]
    base = stable_key("g", guid) if guid else stable_key("c", fields[0].strip() if fields
                                                         else "")
    ords = card_ords(note_type, values)
    if not ords:
        reading.skip(CsvFileText.tr("makes no card: note type '{name}' needs more of its "
                                    "fields filled in").format(name=note_type.name), line)
    for ord_ in ords:
        # The first card keeps the key a plain row would have, so a file that gains
        # its note type column updates its cards rather than adding new ones.
        key = base if ord_ == 0 else f"{base}-{ord_}"
        try:
            front, back = render_card(note_type, values, ord_, reading.convert, item=key)
        except CardSkipped as exc:
            reading.skip(CsvFileText.tr("card {number} skipped: {reason}").format(
                number=ord_ + 1, reason=exc), line, key)
            continue
        reading.add(deck_name, Card(key, front, back, _topic(deck_name), tags, "csv", line))


def _decks(reading: _Reading) -> None:
    path = reading.path
    source = Source("csv", path.name, publisher="Imported from a CSV file")
    # Names that differ only in case or punctuation ("Sales Calls", "sales::calls") make
    # one deck id: their cards go into one deck, under the first name.
    merged: dict[str, tuple[str, list[Card]]] = {}
    for name, cards in reading.decks.items():
        deck_id = slug(name.replace("::", " "), "imported")
        kept = merged.setdefault(deck_id, (name, []))[1]
        known = {c.id for c in kept}
        kept += [c for c in cards if c.id not in known]
    for deck_id, (name, cards) in merged.items():
        reading.bundle.decks.append(Deck(
            id=deck_id, title=name.replace("::", " › "),
            version="1", description=f"Imported from {path.name}.", sources=(source,),
            cards=tuple(cards), path=path))
