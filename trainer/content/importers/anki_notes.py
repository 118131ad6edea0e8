"""Turning Anki notes into our cards: which fields go on the front and the back, cloze
deletions, and Anki's field HTML made into safe card Markdown.

Nothing here touches the package or its database; ``anki.py`` does that.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import unquote

from trainer.content.render import sanitize_html

# Fields Anki fills in itself: never note content.
_SPECIAL_FIELDS = {"FrontSide", "Tags", "Type", "Deck", "Subdeck", "CardFlag", "Card", "CardID"}
_REF = re.compile(r"\{\{([^{}]+)\}\}")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_LATEX = re.compile(r"\[(?:latex|\$|\$\$)\]")
_TAG = re.compile(r"<[^>]*>")  # safe on nh3 output, which escapes '>' in attribute values
_IMG_SRC = re.compile(r'\ssrc="([^"]*)"')
_CLOZE_TOKEN = re.compile(r"\{\{c(\d+(?:,\d+)*)::|\}\}")
_MAX_CLOZE_DEPTH = 20  # deeper nesting is kept as text rather than recursed into
# Characters that mean something in Markdown. Written as character references they show
# as themselves both in Markdown paragraphs and in raw HTML blocks (where a backslash
# escape would show literally).
_MARKDOWN_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in "\\*_`~[]"})
_BLOCK_START = re.compile(r"([#+=-])|\d{1,9}([.)])")
_WINDOWS_RESERVED = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)(\..*)?", re.IGNORECASE)
# Stand-ins for the brackets of a cloze placeholder while the text is escaped.
_OPEN, _CLOSE = "\ue000", "\ue001"


class CardSkipped(Exception):
    """An Anki card that cannot become one of ours; the message says why."""


@dataclass(frozen=True)
class Template:
    """One card template of a note type: its question and answer formats."""

    ord: int
    name: str
    qfmt: str
    afmt: str


@dataclass(frozen=True)
class NoteType:
    """What the importer needs of an Anki note type (a "model")."""

    name: str
    fields: tuple[str, ...]
    templates: tuple[Template, ...]
    cloze: bool = False
    image_occlusion: bool = False

    def template(self, ord_: int) -> Template | None:
        """The template that generates card number ``ord_``, if the note type has it."""
        for template in self.templates:
            if template.ord == ord_:
                return template
        return None


def safe_media_name(name: str) -> bool:
    """Whether a media file name can be written as it is on every system we run on."""
    if not name or name in (".", "..") or len(name.encode()) > 200 or name[-1] in ". ":
        return False
    if any(c in '/\\:<>"|?*' or ord(c) < 32 or ord(c) == 127 for c in name):
        return False
    return not _WINDOWS_RESERVED.fullmatch(name)


def safe_tags(raw: str) -> tuple[str, ...]:
    """Anki's space-separated tags as ours: lowercase, ``::`` as ``-``, only
    ``[a-z0-9._-]``, each once."""
    tags: dict[str, None] = {}
    for tag in raw.split():
        plain = unicodedata.normalize("NFKD", tag).encode("ascii", "ignore").decode().lower()
        value = re.sub(r"[^a-z0-9._-]+", "-", plain.replace("::", "-"))
        value = re.sub(r"-{2,}", "-", value).strip("-._")
        if value:
            tags[value] = None
    return tuple(tags)


@dataclass
class FieldConverter:
    """Converts field HTML to card Markdown and remembers what it met along the way:
    pictures used, missing or unsafe, sounds and LaTeX dropped."""

    available_media: Collection[str]
    used_media: set[str] = field(default_factory=set)
    missing_media: set[str] = field(default_factory=set)
    unsafe_media: set[str] = field(default_factory=set)
    sounds: set[str] = field(default_factory=set)
    latex: int = 0

    def __call__(self, raw: str) -> str:
        """One field's HTML as card Markdown ("" when it shows nothing)."""
        raw = raw.replace(_OPEN, "").replace(_CLOSE, "")
        return self.convert(raw)

    def convert(self, raw: str) -> str:
        """Like calling the converter, but keeps cloze placeholder stand-ins."""
        self.sounds.update(_SOUND.findall(raw))
        raw = _SOUND.sub("", raw)
        self.latex += len(_LATEX.findall(raw))
        html = sanitize_html(raw)
        out: list[str] = []
        pre = 0
        position = 0
        for match in _TAG.finditer(html):
            out.append(_escape_text(html[position:match.start()], pre > 0))
            position = match.end()
            tag = match.group()
            lowered = tag.lower()
            if lowered.startswith("<img"):
                tag = self._image(tag)
            elif lowered.startswith("<pre"):
                pre += 1
            elif lowered.startswith("</pre"):
                pre = max(0, pre - 1)
            out.append(tag)
        out.append(_escape_text(html[position:], pre > 0))
        text = "".join(out).strip()
        # Anki's editor leaves "<br>" or "&nbsp;" in fields the user thinks are empty.
        if "<img" not in text and not unescape(_TAG.sub("", text)).strip(" \t\n\xa0"):
            return ""
        return _protect_block_start(text)

    def _image(self, tag: str) -> str:
        found = _IMG_SRC.search(tag)
        if not found:
            return ""  # the sanitizer removed a remote address: nothing left to show
        name = unescape(found.group(1))
        if name not in self.available_media and unquote(name) in self.available_media:
            name = unquote(name)  # some add-ons write URL-encoded names
        if not safe_media_name(name):
            self.unsafe_media.add(name)
            return ""
        if name not in self.available_media:
            self.missing_media.add(name)
            return ""
        self.used_media.add(name)
        src = name.replace("&", "&amp;").replace('"', "&quot;")
        return tag[:found.start(1)] + src + tag[found.end(1):]


def _escape_text(text: str, in_pre: bool) -> str:
    # HTML ignores line breaks in text, Markdown does not (headings, lists, code blocks
    # could appear), so each field becomes one line; inside <pre> they are real breaks.
    text = text.translate(_MARKDOWN_ESCAPES).replace("\r", "")
    return text.replace("\n", "<br>" if in_pre else " ")


def _protect_block_start(text: str) -> str:
    """Stop text at the start of a field from opening a heading or a list."""
    match = _BLOCK_START.match(text)
    if not match:
        return text
    at = match.start(1) if match.group(1) else match.start(2)
    return f"{text[:at]}&#{ord(text[at])};{text[at + 1:]}"


# ---------------------------------------------------------------- cloze deletions


@dataclass
class _Cloze:
    numbers: frozenset[int]
    parts: list[str | _Cloze] = field(default_factory=list)
    hint: str | None = None


def parse_cloze(text: str) -> list[str | _Cloze]:
    """Split field text into plain parts and (possibly nested) cloze deletions."""
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
            out.append(f"{_OPEN}{hint}{_CLOSE}")
    return "".join(out)


def _finish_placeholders(text: str) -> str:
    # A "]" right before "(", "[" or ":" would turn the placeholder into a link.
    text = re.sub(_CLOSE + r"(?=[(\[:])", "&#93;", text)
    return text.replace(_OPEN, "[").replace(_CLOSE, "]")


# ---------------------------------------------------------------- note to card


def field_refs(template: str) -> list[tuple[str, frozenset[str]]]:
    """Fields a template shows, in order, with their filters ("cloze", "type", ...)."""
    refs: list[tuple[str, frozenset[str]]] = []
    for match in _REF.finditer(template):
        inner = match.group(1).strip()
        if not inner or inner[0] in "#^/!=":
            continue  # sections, comments and delimiter changes show no field themselves
        *filters, name = inner.split(":")
        name = name.strip()
        if name and name not in _SPECIAL_FIELDS:
            refs.append((name, frozenset(f.strip().split(" ")[0].lower() for f in filters)))
    return refs


def render_card(note_type: NoteType, values: list[str], ord_: int, convert: FieldConverter
                ) -> tuple[str, str]:
    """Front and back Markdown of the card that ``ord_`` generates from a note.

    Raises ``CardSkipped`` when the card would be empty or cannot be shown."""
    fields = dict(zip(note_type.fields, values + [""] * len(note_type.fields), strict=False))
    template = note_type.template(0 if note_type.cloze else ord_)
    question = field_refs(template.qfmt) if template else []
    answer = field_refs(template.afmt) if template else []
    if note_type.cloze:
        return _render_cloze_card(note_type, fields, ord_ + 1, question, answer, convert)
    # A typed answer ("type:") or a hint is not what the card asks about.
    front_names = _unique(n for n, f in question if n in fields and not f & {"type", "hint"})
    if not front_names:
        front_names = list(note_type.fields[:1])
    front = _join(convert(fields[n]) for n in front_names)
    if not front:
        raise CardSkipped("nothing on its front")
    back_names = _unique(n for n, _ in answer if n in fields and n not in front_names)
    back = _join(convert(fields[n]) for n in back_names)
    if not back:
        back = _join(convert(fields[n]) for n in note_type.fields if n not in front_names)
    if not back:
        raise CardSkipped("nothing on its back")
    return front, back


def _render_cloze_card(note_type: NoteType, fields: dict[str, str], number: int,
                       question: list[tuple[str, frozenset[str]]],
                       answer: list[tuple[str, frozenset[str]]], convert: FieldConverter
                       ) -> tuple[str, str]:
    cloze_names = _unique(n for n, f in question if n in fields and "cloze" in f) \
        or list(note_type.fields[:1])
    if note_type.image_occlusion or any("image-occlusion:" in fields[n] for n in cloze_names):
        raise CardSkipped("image occlusion cards are not supported")
    parsed = {n: parse_cloze(fields[n].replace(_OPEN, "").replace(_CLOSE, ""))
              for n in cloze_names}
    if not any(number in cloze_numbers(p) for p in parsed.values()):
        raise CardSkipped(f"cloze {number} is no longer in the note")
    front_names = _unique(n for n, f in question if n in fields
                          and (n in parsed or not f & {"type", "hint"}))
    if not parsed.keys() & set(front_names):
        front_names = cloze_names + front_names
    # The back shows the deletions revealed, then what the answer side adds (Back Extra).
    back_names = cloze_names + _unique(n for n, _ in answer
                                       if n in fields and n not in front_names)

    def show(name: str, reveal: bool) -> str:
        if name not in parsed:
            return convert(fields[name])
        html = convert.convert(render_cloze(parsed[name], number, reveal=reveal))
        return _finish_placeholders(html)

    front = _join(show(n, False) for n in front_names)
    back = _join(show(n, True) for n in back_names)
    if not front or not back:
        raise CardSkipped("nothing to show")
    return front, back


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _join(parts: Iterable[str]) -> str:
    # Each field is one line of Markdown; a blank line keeps them separate paragraphs.
    return "\n\n".join(p for p in parts if p)
