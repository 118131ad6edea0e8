"""Decoding text files from spreadsheets and other tools: UTF-8 (with or without BOM),
UTF-16 (with BOM) and Windows' cp1252, or a clear error."""

from __future__ import annotations

import codecs
from pathlib import Path

from trainer.content.importers.bundle import ImportFormatError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(path: Path, raw: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ImportFormatError(path, f"starts like {encoding} but is not valid "
                                              f"{encoding} text (byte {exc.start})") from exc
    if b"\x00" in raw:
        raise ImportFormatError(path, "is not a text file (it contains NUL bytes); save it "
                                      "as UTF-8 or UTF-16 text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFormatError(path, "cannot be read as UTF-8, UTF-16 or Windows (cp1252) "
                                      "text; save it as UTF-8", line) from exc
