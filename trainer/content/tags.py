"""Tags as Anki keeps them: any script (``Verkäufer``, ``日本語``), no spaces (spaces
separate tags), ``::`` between the levels of a hierarchy (``sales::cold-call``), and
matched without regard to case, a tag matching its own levels below it as well.

Importers, deck files, the browser's tag filter and every export use these rules, so a
tag reads the same everywhere it goes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

SEPARATOR = "::"
_SPACE = re.compile(r"\s+")


def normalize_tag(raw: str) -> str:
    """One tag as stored: NFC (so "ä" typed two ways is one tag), trimmed, without
    empty levels ("a::::b" is "a::b"). Spaces inside are kept: a caller that splits
    Anki's space-separated list never has any, and a deck file is told about them."""
    text = unicodedata.normalize("NFC", raw).strip()
    return SEPARATOR.join(level.strip() for level in text.split(SEPARATOR) if level.strip())


def has_space(tag: str) -> bool:
    """Whether a tag holds white space (which would split it in two in Anki)."""
    return _SPACE.search(tag) is not None


def fold(tag: str) -> str:
    """The form two tags are compared in: Anki treats "Sales" and "sales" as one."""
    return unicodedata.normalize("NFC", tag).casefold()


def unique_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags normalized, each once whatever its case (the first spelling wins, as in
    Anki), empty ones left out."""
    kept: dict[str, str] = {}
    for raw in tags:
        tag = normalize_tag(raw)
        if tag:
            kept.setdefault(fold(tag), tag)
    return tuple(kept.values())


def split_tags(raw: str) -> tuple[str, ...]:
    """Anki's space-separated tag list (a note's tags, a CSV tags column) as tags."""
    return unique_tags(raw.split())


def tag_matches(tag: str, wanted: str) -> bool:
    """Whether ``tag`` is ``wanted`` or one of its levels below, ignoring case: a
    filter on "sales" finds "Sales" and "sales::cold-call", not "salesforce"."""
    have, want = fold(tag), fold(normalize_tag(wanted))
    return bool(want) and (have == want or have.startswith(want + SEPARATOR))


def with_parents(tags: Iterable[str]) -> list[str]:
    """Every tag and every level above it ("sales::cold-call" brings "sales"), each once
    whatever its case, sorted as a reader expects (case and accents aside). Each level
    is spelled as a tag of that name is (the first in order if several), else as the
    longer tags spell it, and a level's children follow its spelling."""
    names = [normalize_tag(t) for t in tags]
    best: dict[str, tuple[bool, str]] = {}  # folded path -> (derived?, its last level)
    for name in sorted(n for n in names if n):
        levels = name.split(SEPARATOR)
        for depth in range(1, len(levels) + 1):
            path = fold(SEPARATOR.join(levels[:depth]))
            choice = (depth < len(levels), levels[depth - 1])
            if path not in best or choice < best[path]:
                best[path] = choice
    shown: dict[str, str] = {}
    for path in sorted(best, key=lambda p: p.count(SEPARATOR)):
        parent = path.rsplit(SEPARATOR, 1)[0] if SEPARATOR in path else ""
        last = best[path][1]
        shown[path] = f"{shown[parent]}{SEPARATOR}{last}" if parent in shown else last
    return sorted(shown.values(), key=lambda t: (fold(t), t))
