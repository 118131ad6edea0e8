"""Anki's cloze deletions (``{{c1::answer::hint}}``, nested and numbered): parsed, and
rendered for one card with its deletions hidden or revealed.

A hidden deletion becomes "[...]" (or "[hint]"), written with the stand-ins ``OPEN``
and ``CLOSE`` while the text is converted, so that escaping leaves its brackets alone;
``finish_placeholders`` writes them as brackets at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_CLOZE_TOKEN = re.compile(r"\{\{c(\d+(?:,\d+)*)::|\}\}")
_MAX_CLOZE_DEPTH = 20  # deeper nesting is kept as text rather than recursed into
# Stand-ins for the brackets of a cloze placeholder while the text is escaped.
OPEN, CLOSE = "\ue000", "\ue001"
_CLOSE_BEFORE_LINK = re.compile(CLOSE + r"(?=[(\[:])")


@dataclass
class _Cloze:
    numbers: frozenset[int]
    parts: list[str | _Cloze] = field(default_factory=list)
    hint: str | None = None


def parse_cloze(text: str) -> list[str | _Cloze]:
    """Split field text into plain parts and (possibly nested) cloze deletions."""
    if "{{c" not in text and "}}" not in text:
        return [text]
    root: list[str | _Cloze] = []
    stack: list[_Cloze] = []
    position = 0

    def add(part: str | _Cloze) -> None:
        (stack[-1].parts if stack else root).append(part)

    for match in _CLOZE_TOKEN.finditer(text):
        add(text[position:match.start()])
        position = match.end()
        if match.group(1) is not None and len(stack) < _MAX_CLOZE_DEPTH:
            numbers = frozenset(int(n) for n in match.group(1).split(",") if len(n) < 6)
            stack.append(_Cloze(numbers))
        elif match.group(1) is None and stack:
            cloze = stack.pop()
            _split_hint(cloze)
            add(cloze)
        else:
            add(match.group())  # a stray "}}", or nesting too deep to follow
    add(text[position:])
    while stack:  # unclosed: Anki shows the opening marker as text, and so do we
        cloze = stack.pop()
        opening = "{{c" + ",".join(str(n) for n in sorted(cloze.numbers)) + "::"
        add(opening)
        for part in cloze.parts:
            add(part)
    return root


@lru_cache(maxsize=64)
def note_cloze(text: str) -> tuple[list[str | _Cloze], frozenset[int]]:
    """A field's deletions and every number they use, parsed once for all the cards of
    its note (each card asks three times). Shared between callers: never changed."""
    parts = parse_cloze(text)
    return parts, frozenset(cloze_numbers(parts))


def _split_hint(cloze: _Cloze) -> None:
    if cloze.parts and isinstance(cloze.parts[-1], str) and "::" in cloze.parts[-1]:
        answer, _, hint = cloze.parts[-1].partition("::")
        cloze.parts[-1] = answer
        cloze.hint = hint


def cloze_numbers(parts: list[str | _Cloze]) -> set[int]:
    """Every cloze number used in the parsed text."""
    found: set[int] = set()
    for part in parts:
        if isinstance(part, _Cloze):
            found |= part.numbers | cloze_numbers(part.parts)
    return found


def render_cloze(parts: list[str | _Cloze], number: int, *, reveal: bool) -> str:
    """The field HTML for card ``number``: its deletions hidden as "[...]" (or
    "[hint]"), or revealed in bold; every other deletion shown plainly."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif number not in part.numbers:
            out.append(render_cloze(part.parts, number, reveal=reveal))
        elif reveal:
            out.append(f"<b>{render_cloze(part.parts, number, reveal=True)}</b>")
        else:
            hint = part.hint.strip() if part.hint and part.hint.strip() else "..."
            out.append(f"{OPEN}{hint}{CLOSE}")
    return "".join(out)


def cloze_only(parts: list[str | _Cloze], number: int) -> list[str]:
    """The revealed text of card ``number``'s deletions (Anki's ``cloze-only:``)."""
    found: list[str] = []
    for part in parts:
        if isinstance(part, _Cloze):
            if number in part.numbers:
                found.append(render_cloze(part.parts, number, reveal=True))
            else:
                found += cloze_only(part.parts, number)
    return found


def drop_placeholders(text: str) -> str:
    """Text without the stand-ins (a note's own text never holds them)."""
    return text.replace(OPEN, "").replace(CLOSE, "")


def finish_placeholders(text: str) -> str:
    """The stand-ins of converted text written as the placeholder's brackets."""
    if CLOSE not in text:
        return text.replace(OPEN, "[")
    # A "]" right before "(", "[" or ":" would turn the placeholder into a link.
    text = _CLOSE_BEFORE_LINK.sub("&#93;", text)
    return text.replace(OPEN, "[").replace(CLOSE, "]")
