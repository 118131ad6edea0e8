"""CSV as spreadsheets read it: one header row, the excel dialect, UTF-8 with a
byte-order mark (Excel otherwise reads it in the local code page), and no cell that a
spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

# A cell starting with one of these is taken for a formula by spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str | None) -> str:
    """Text from a deck or another person's file, with a leading apostrophe where a
    spreadsheet would otherwise run it as a formula."""
    text = text or ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """The file's bytes: the header, then the rows."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # excel dialect: commas, CRLF, quotes where needed
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")
