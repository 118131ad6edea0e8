"""Find the line numbers that ``tomllib`` does not report.

The parser only returns values, so problems are located afterwards by scanning the
raw text for table headers and keys. Good enough for files a trainer writes by hand:
one ``[[cards]]`` header a card, one key a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


@dataclass
class Block:
    """One table in the file: its header line and the first line of each key."""

    name: str
    line: int
    keys: dict[str, int] = field(default_factory=dict)


class LineIndex:
    """Where each table and key of a TOML file starts (1-based lines)."""

    def __init__(self, text: str) -> None:
        self.top = Block("", 1)
        self.blocks: dict[str, list[Block]] = {}
        current = self.top
        in_multiline: str | None = None
        # Plain string tests rather than a regex per line: deck files run to tens of
        # thousands of lines and this runs on every check and import.
        for number, raw in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if in_multiline in raw and raw.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            stripped = raw.lstrip()
            if not stripped or stripped[0] == "#":
                continue
            if stripped[0] == "[":
                header = _HEADER.match(raw)
                if header and not _KEY.match(raw):
                    name = header.group(2).replace('"', "").replace(" ", "")
                    current = Block(name, number)
                    self.blocks.setdefault(name, []).append(current)
                    continue
            name, equals, rest = stripped.partition("=")
            if not equals:
                continue
            key = name.strip()
            if key and (key.replace("_", "").replace("-", "").isalnum()):
                current.keys.setdefault(key, number)
                if '"""' in rest or "'''" in rest:
                    for quote in ('"""', "'''"):
                        if rest.count(quote) % 2 == 1:
                            in_multiline = quote

    def table(self, name: str, index: int = 0) -> Block | None:
        """The ``index``-th table called ``name`` (``[[cards]]`` repeats), if present."""
        found = self.blocks.get(name, [])
        return found[index] if index < len(found) else None

    def line_of(self, name: str, index: int = 0, key: str | None = None) -> int | None:
        """The line of a table, or of one of its keys when ``key`` is given."""
        block = self.top if name == "" else self.table(name, index)
        if block is None:
            return None
        if key is None:
            return block.line
        return block.keys.get(key, block.line)


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


_AT_END = "(at end of document)"


def toml_error_line(message: str, text: str = "") -> int | None:
    """Pull the line number out of a ``tomllib.TOMLDecodeError`` message.

    An error "at end of document" (an unclosed string, say) is placed on the last line.
    """
    match = _TOML_POSITION.search(message)
    if match:
        return int(match.group(1))
    if _AT_END in message and text:
        return max(1, len(text.splitlines()))
    return None


def strip_toml_position(message: str) -> str:
    """The decode error's message without its "(at line ...)" tail."""
    return _TOML_POSITION.sub("", message).replace(_AT_END, "").strip()
