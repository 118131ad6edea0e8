"""Reading the fields of one TOML table while collecting problems with their lines."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Any

from trainer.content.locate import LineIndex
from trainer.content.tags import has_space, unique_tags
from trainer.domain.errors import Problem
from trainer.i18n import Context


class FieldsText(Context):
    """Problems with a deck file's fields."""


ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
# Half of a UTF-16 pair on its own (JSON's "\ud800"): Python holds it, but it is not
# text, and SQLite cannot store it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def is_text(value: str) -> bool:
    """Whether ``value`` can be stored and shown as text."""
    return _SURROGATE.search(value) is None


class Collector:
    """Gathers the problems of one file, with line lookups."""

    def __init__(self, path: Path, text: str | None) -> None:
        self.file = str(path)
        self._text = text
        self.problems: list[Problem] = []

    @cached_property
    def lines(self) -> LineIndex:
        """Where tables and keys are; built on first use (not at all for data that came
        without its TOML text, such as a package's pre-parsed copy)."""
        return LineIndex(self._text or "")

    def error(self, message: str, *, line: int | None = None, item: str | None = None) -> None:
        """Record something that makes the deck unusable."""
        self.problems.append(Problem(self.file, message, line, item))

    def warn(self, message: str, *, line: int | None = None, item: str | None = None) -> None:
        """Record a likely mistake that does not stop the deck loading."""
        self.problems.append(Problem(self.file, message, line, item, "warning"))

    def tables(self, value: object, name: str, parent_line: int | None = None
               ) -> list[dict[str, Any]]:
        """The ``[[name]]`` tables, or an error if ``name`` holds something else."""
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            out_name = name.rsplit(".", 1)[-1]
            self.error(f"'{out_name}' must be written as [[{name}]] tables",
                       line=parent_line or self.lines.line_of("", 0, out_name))
            return []
        return value


class TableCounter:
    """Nested ``[[a.b]]`` tables are numbered across the whole file, not per parent."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def next(self, block: str) -> int:
        """The index of the next ``block`` table in the file."""
        index = self.seen.get(block, 0)
        self.seen[block] = index + 1
        return index


class Fields:
    """One table of the file (``[[cards]]`` number 3, say): typed reads with problems."""

    def __init__(self, out: Collector, table: dict[str, Any], block: str, index: int) -> None:
        self.out = out
        self.table = table
        self.block = block
        self.index = index
        self.item: str | None = None

    @property
    def line(self) -> int | None:
        """The line of the table's header."""
        return self.out.lines.line_of(self.block, self.index)

    def line_of(self, key: str) -> int | None:
        """The line of one key (the header's line if the key is absent)."""
        return self.out.lines.line_of(self.block, self.index, key)

    def error(self, message: str, key: str | None = None) -> None:
        """An error on this table, at ``key``'s line when given."""
        self.out.error(message, line=self.line_of(key) if key else self.line, item=self.item)

    def warn(self, message: str, key: str | None = None) -> None:
        """A warning on this table."""
        self.out.warn(message, line=self.line_of(key) if key else self.line, item=self.item)

    def unknown(self, allowed: set[str]) -> None:
        """Report keys that are not fields of this kind of table (usually typos)."""
        for key in sorted(set(self.table) - allowed):
            self.error(f"unknown field '{key}' (allowed: {', '.join(sorted(allowed))})", key)

    def text(self, key: str, *, required: bool = False) -> str | None:
        """A text field, stripped; ``None`` when absent or wrong."""
        value = self.table.get(key)
        if value is None:
            if required:
                self.error(f"missing required field '{key}'")
            return None
        if not isinstance(value, str):
            self.error(f"'{key}' must be text in quotes", key)
            return None
        if not is_text(value):
            self.error(f"'{key}' holds characters that are not text (a broken \\u escape)",
                       key)
            return None
        if required and not value.strip():
            self.error(f"'{key}' is empty", key)
            return None
        return value.strip()

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of texts (empty when absent)."""
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and is_text(v)
                                                  for v in value):
            self.error(f"'{key}' must be a list of texts, like {key} = [\"a\", \"b\"]", key)
            return ()
        return tuple(v.strip() for v in value if v.strip())

    def tags(self, key: str = "tags") -> tuple[str, ...]:
        """A list of tags: any script, ``::`` between levels, each once whatever its
        case; a tag with a space in it is an error (spaces separate tags in Anki)."""
        values = self.texts(key)
        for tag in values:
            if has_space(tag):
                self.error(FieldsText.tr(
                    "tag '{tag}' has a space in it, and spaces separate tags (in Anki too): "
                    "join its words with '-' or '_', or use '::' for a level below another "
                    "tag, like 'sales::cold-call'").format(tag=tag), key)
        return unique_tags(t for t in values if not has_space(t))

    def boolean(self, key: str, default: bool) -> bool:
        """A true/false field."""
        value = self.table.get(key, default)
        if not isinstance(value, bool):
            self.error(f"'{key}' must be true or false (without quotes)", key)
            return default
        return value

    def number(self, key: str, low: float, high: float) -> float | None:
        """A number between ``low`` and ``high``; ``None`` when absent or wrong."""
        value = self.table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(f"'{key}' must be a number", key)
            return None
        if not low <= value <= high:
            shown = f"{value:g}" if isinstance(value, float) or abs(value) < 10**15 \
                else "a number too large"
            self.error(f"'{key}' is {shown}; it must be between {low:g} and {high:g}", key)
            return None
        return float(value)

    def integer(self, key: str, low: int, high: int) -> int | None:
        """A whole number between ``low`` and ``high``; ``None`` when absent or wrong."""
        value = self.table.get(key)
        if value is None:
            return None
        if type(value) is not int:
            self.error(f"'{key}' must be a whole number", key)
            return None
        if not low <= value <= high:
            shown = str(value) if abs(value) < 10**15 else "a number too large"
            self.error(f"'{key}' is {shown}; it must be between {low} and {high}", key)
            return None
        return value

    def ident(self, what: str, *, required: bool = True) -> str | None:
        """The table's ``id``, checked against the id pattern; sets ``item``."""
        value = self.text("id", required=required)
        if value is None:
            return None
        self.item = value
        if not ID_PATTERN.match(value):
            self.error(
                f"{what} id '{value}' may use only lowercase letters, digits, '.', '-' and '_' "
                "(at most 64, starting with a letter or digit)", "id")
            return None
        return value


ITEM_IDS = "card, question and practice ids share one list"


def claim_item_id(f: Fields, ident: str | None, taken: dict[str, int | None]) -> bool:
    """Record an item's id in the deck's one list of card, question and practice ids;
    False (with the error, naming where it was first used) when it is taken."""
    if ident is None:
        return False
    if ident in taken:
        first = taken[ident]
        f.error(f"id '{ident}' is already used" + (f" on line {first}" if first else "")
                + f"; {ITEM_IDS}", "id")
        return False
    taken[ident] = f.line
    return True


def source_of(f: Fields, source_ids: set[str]) -> tuple[str | None, bool]:
    """An item's ``source`` and whether it names one of the deck's sources (an error
    listing them when it does not)."""
    source = f.text("source")
    if source is not None and source not in source_ids:
        f.error(f"source '{source}' is not one of the [[sources]] ids"
                + (f" ({', '.join(sorted(source_ids))})" if source_ids else ""), "source")
        return source, False
    return source, True
