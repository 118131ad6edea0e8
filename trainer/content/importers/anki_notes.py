"""Turning Anki notes into our cards: each card's template rendered as Anki renders it
(``anki_template``), cloze deletions, Image Occlusion masks (``anki_occlusion``),
sounds kept as markers, MathJax drawn as pictures (``mathjax``), and Anki's HTML made
into safe card Markdown.

Nothing here touches the package or its database; ``anki.py`` does that.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape, unescape
from urllib.parse import unquote

from trainer.content.importers import anki_template, mathjax
from trainer.content.importers.anki_occlusion import (
    image_size,
    occlusion_svg,
    parse_shapes,
    svg_name,
)
from trainer.content.render import sanitize_html
from trainer.content.sounds import sound_link
from trainer.content.tags import split_tags
from trainer.i18n import Context


class AnkiNotesText(Context):
    """Why an Anki card was skipped, and what an Anki import changed on its cards."""


_SOUND = re.compile(r"\[sound:([^\]]*)\]")
_AUDIO = re.compile(r"<audio\b([^>]*)>(.*?)</audio\s*>|<audio\b([^>]*)/?>",
                    re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_LATEX = re.compile(r"\[(?:latex|\$|\$\$)\]")
_TAG = re.compile(r"<[^>]*>")  # safe on nh3 output, which escapes '>' in attribute values
_IMG_SRC = re.compile(r'\ssrc="([^"]*)"')
_IMG_ANY_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
                          re.IGNORECASE)
_CLOZE_TOKEN = re.compile(r"\{\{c(\d+(?:,\d+)*)::|\}\}")
_HIDDEN_OPEN = re.compile(r"""<([a-z][a-z0-9]*)\b[^>]*\bstyle\s*=\s*("[^"]*"|'[^']*')[^>]*>""",
                          re.IGNORECASE)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_EDGE_BREAKS = re.compile(r"^(?:\s|<br\s*/?>)+|(?:\s|<br\s*/?>)+$", re.IGNORECASE)
_MAX_CLOZE_DEPTH = 20  # deeper nesting is kept as text rather than recursed into
_MAX_NAMED = 10  # cards named in one warning; the rest are counted
# Each occlusion card carries its picture twice (front and back): past this much drawn,
# the rest are skipped rather than the import holding gigabytes.
MAX_DRAWN_BYTES = 256 * 1024 * 1024
# Different formulas drawn in one import: far more than any real collection has, and a
# bound on the time a crafted file can take (a formula takes up to a few hundredths of
# a second); the rest stay as source and are named.
MAX_FORMULAS = 5000
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
    """Anki's space-separated tags as ours: as Anki keeps them (any script, ``::``
    levels), each once whatever its case."""
    return split_tags(raw)


MediaLoader = Callable[[str], bytes | None]


@dataclass
class FieldConverter:
    """Converts Anki's HTML to card Markdown and remembers what it met along the way:
    media used, missing or unsafe, pictures it drew (MathJax, occlusion masks), and the
    cards with LaTeX or MathJax left as source."""

    available_media: Collection[str]
    load: MediaLoader | None = None  # a package file's bytes (occlusion pictures)
    used_media: set[str] = field(default_factory=set)
    missing_media: set[str] = field(default_factory=set)
    missing_sounds: set[str] = field(default_factory=set)
    unsafe_media: set[str] = field(default_factory=set)
    generated: dict[str, bytes] = field(default_factory=dict)
    latex_items: dict[str, None] = field(default_factory=dict)
    math_items: dict[str, None] = field(default_factory=dict)
    item: str = ""  # the card being converted, for the warnings that name cards
    latex: int = 0
    _loaded: dict[str, bytes | None] = field(default_factory=dict)
    _formulas: dict[tuple[str, bool], mathjax.Formula | None] = field(default_factory=dict)

    def read(self, name: str) -> bytes | None:
        """A package file's bytes, read once however many cards need it (each read
        counts against the package's size limits)."""
        if name not in self._loaded:
            self._loaded[name] = self.load(name) if self.load is not None else None
        return self._loaded[name]

    def __call__(self, raw: str) -> str:
        """One field's HTML as card Markdown ("" when it shows nothing)."""
        raw = raw.replace(_OPEN, "").replace(_CLOSE, "")
        return self.convert(raw)

    def convert(self, raw: str) -> str:
        """Like calling the converter, but keeps cloze placeholder stand-ins."""
        raw = _drop_hidden(raw)
        raw = _AUDIO.sub(self._audio, raw)
        raw = _SOUND.sub(lambda m: self._sound(m.group(1)), raw)
        latex = len(_LATEX.findall(raw))
        if latex:
            self.latex += latex
            self.latex_items[self.item] = None
        if "\\(" in raw or "\\[" in raw:
            raw = mathjax.MATH.sub(self._formula, raw)
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
        text = _EDGE_BREAKS.sub("", "".join(out))
        # Anki's editor leaves "<br>" or "&nbsp;" in fields the user thinks are empty.
        if "<img" not in text and "<a " not in text and \
                not unescape(_TAG.sub("", text)).strip(" \t\n\xa0"):
            return ""
        return _protect_block_start(text)

    def media_name(self, raw: str) -> str | None:
        """A media name as the package knows it, or None (noted as unsafe or missing
        by the caller's kind)."""
        name = unescape(raw).strip()
        if name not in self.available_media and unquote(name) in self.available_media:
            name = unquote(name)  # some add-ons write URL-encoded names
        return name

    def _sound(self, raw: str) -> str:
        name = self.media_name(raw) or ""
        if not safe_media_name(name):
            self.unsafe_media.add(name)
            return ""
        if name not in self.available_media:
            self.missing_sounds.add(name)
            return ""
        self.used_media.add(name)
        return sound_link(name)

    def _audio(self, match: re.Match[str]) -> str:
        attributes, inner = match.group(1) or match.group(3) or "", match.group(2) or ""
        sources = [m.group(1) or m.group(2) or m.group(3) or ""
                   for m in _SRC.finditer(attributes + " " + inner)]
        return "".join(self._sound(s) for s in sources if s)

    def _formula(self, match: re.Match[str]) -> str:
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        tex = mathjax.formula_source(inner).replace(_OPEN, "[").replace(_CLOSE, "]")
        wanted = (tex, match.group(1) is None)
        if wanted not in self._formulas and len(self._formulas) < MAX_FORMULAS:
            self._formulas[wanted] = mathjax.draw(*wanted)
        drawn = self._formulas.get(wanted)
        if drawn is None:
            self.math_items[self.item] = None
            return match.group()
        self.generated[drawn.name] = drawn.svg
        return f'<img src="{drawn.name}" alt="{escape(drawn.source)}">'

    def _image(self, tag: str) -> str:
        found = _IMG_SRC.search(tag)
        if not found:
            return ""  # the sanitizer removed a remote address: nothing to show
        name = unescape(found.group(1))
        if name in self.generated:
            return tag
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


def _drop_hidden(html: str) -> str:
    """Leave out elements a template hides (``style="display: none"``): the sanitizer
    removes styles, which would show them."""
    if "display" not in html.lower():
        return html
    out: list[str] = []
    position = 0
    for match in _HIDDEN_OPEN.finditer(html):
        if match.start() < position or not _DISPLAY_NONE.search(match.group(2)):
            continue
        out.append(html[position:match.start()])
        position = _element_end(html, match.group(1), match.end())
    out.append(html[position:])
    return "".join(out)


def _element_end(html: str, name: str, start: int) -> int:
    """Where the element opened just before ``start`` ends (after its closing tag;
    the end of the text if it is never closed)."""
    depth = 1
    tags = re.compile(rf"<(/?){re.escape(name)}\b[^>]*>", re.IGNORECASE)
    for match in tags.finditer(html, start):
        depth += -1 if match.group(1) else (0 if match.group().endswith("/>") else 1)
        if depth == 0:
            return match.end()
    return len(html)


def _escape_text(text: str, in_pre: bool) -> str:
    # HTML ignores line breaks in text, Markdown does not (headings, lists, code blocks
    # could appear), so each side becomes one line; inside <pre> they are real breaks.
    text = text.translate(_MARKDOWN_ESCAPES).replace("\r", "")
    return text.replace("\n", "<br>" if in_pre else " ")


def _protect_block_start(text: str) -> str:
    """Stop text at the start of a side from opening a heading or a list."""
    match = _BLOCK_START.match(text)
    if not match:
        return text
    at = match.start(1) if match.group(1) else match.start(2)
    return f"{text[:at]}&#{ord(text[at])};{text[at + 1:]}"


def conversion_warnings(convert: FieldConverter, *, package: bool = True
                        ) -> list[tuple[str, str | None]]:
    """What an import changed on its cards, as (message, the one card concerned or
    None): media missing or refused, LaTeX and MathJax left as source. ``package``
    False words it for a text file, which carries no media at all."""
    found: list[tuple[str, str | None]] = []
    sounds, pictures = sorted(convert.missing_sounds), sorted(convert.missing_media)
    if sounds:
        found.append(((AnkiNotesText.tr(
            "%n sound(s) named on cards but not in the package, left out: {names}",
            "", len(sounds)) if package else AnkiNotesText.tr(
            "%n sound(s) named on cards left out (a text file carries no sound files): "
            "{names}", "", len(sounds))).format(names=", ".join(sounds)), None))
    if convert.latex_items:
        found.append((AnkiNotesText.tr(
            "LaTeX ([latex], [$]) is shown as its source text on %n card(s): {cards}", "",
            len(convert.latex_items)).format(cards=_named(convert.latex_items)),
            _only(convert.latex_items)))
    if convert.math_items:
        found.append((AnkiNotesText.tr(
            "MathJax that could not be drawn is shown as its source text on %n card(s): "
            "{cards}", "", len(convert.math_items)).format(cards=_named(convert.math_items)),
            _only(convert.math_items)))
    if pictures:
        found.append(((AnkiNotesText.tr(
            "picture(s) not in the package, removed from the cards: {names}")
            if package else AnkiNotesText.tr(
            "picture(s) left out of the cards (a text file carries no pictures): {names}")
        ).format(names=", ".join(pictures)), None))
    if convert.unsafe_media:
        found.append((AnkiNotesText.tr(
            "media name(s) refused as unsafe, removed from the cards: {names}").format(
                names=", ".join(repr(n) for n in sorted(convert.unsafe_media))), None))
    return found


def _named(items: dict[str, None]) -> str:
    names = [i for i in items if i]
    shown = ", ".join(names[:_MAX_NAMED])
    if len(names) > _MAX_NAMED:
        shown += " " + AnkiNotesText.tr("and %n more", "", len(names) - _MAX_NAMED)
    return shown


def _only(items: dict[str, None]) -> str | None:
    return next(iter(items)) if len(items) == 1 and next(iter(items)) else None


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


def _cloze_only(parts: list[str | _Cloze], number: int) -> list[str]:
    """The revealed text of card ``number``'s deletions (Anki's ``cloze-only:``)."""
    found: list[str] = []
    for part in parts:
        if isinstance(part, _Cloze):
            if number in part.numbers:
                found.append(render_cloze(part.parts, number, reveal=True))
            else:
                found += _cloze_only(part.parts, number)
    return found


def _finish_placeholders(text: str) -> str:
    # A "]" right before "(", "[" or ":" would turn the placeholder into a link.
    text = re.sub(_CLOSE + r"(?=[(\[:])", "&#93;", text)
    return text.replace(_OPEN, "[").replace(_CLOSE, "]")


# ---------------------------------------------------------------- note to card


@lru_cache(maxsize=256)
def _parsed(template: str) -> list[anki_template._Node]:
    return anki_template.parse(template)


@dataclass(frozen=True)
class CardInfo:
    """What Anki's special fields show: the note's tags, the card's deck and id."""

    tags: str = ""
    deck: str = ""
    card_id: int | None = None
    flag: int = 0


def render_card(note_type: NoteType, values: list[str], ord_: int, convert: FieldConverter,
                info: CardInfo | None = None, item: str = "") -> tuple[str, str]:
    """Front and back Markdown of the card that ``ord_`` generates from a note: its
    template rendered as Anki renders it, the back without the front it repeats.

    Raises ``CardSkipped`` when the card would be empty or cannot be shown."""
    convert.item = item
    values = [v.replace(_OPEN, "").replace(_CLOSE, "") for v in values]
    fields = dict(zip(note_type.fields, values + [""] * len(note_type.fields), strict=False))
    if note_type.image_occlusion or (note_type.cloze and any(
            "image-occlusion:" in v for v in values)):
        return _occlusion_card(note_type, values, ord_ + 1, convert)
    template = note_type.template(0 if note_type.cloze else ord_)
    if template is None:
        return _fields_card(note_type, fields, convert)
    number = ord_ + 1
    if note_type.cloze and not any(number in cloze_numbers(parse_cloze(v)) for v in values):
        raise CardSkipped(AnkiNotesText.tr("cloze {number} is no longer in the note").format(
            number=number))
    context = anki_template.RenderContext(
        _with_specials(fields, note_type, template, info or CardInfo(), number),
        question=True, cloze=lambda text, only: _cloze(text, number, True, only))
    try:
        question = anki_template.render(_parsed(template.qfmt), context)
        context.question, context.frontside = False, question
        context.cloze = lambda text, only: _cloze(text, number, False, only)
        answer = anki_template.render(_parsed(template.afmt), context)
    except anki_template.TemplateProblem as exc:
        raise CardSkipped(str(exc)) from exc
    front = _finish_placeholders(convert.convert(question))
    if not front:
        raise CardSkipped(AnkiNotesText.tr("nothing on its front"))
    back = _finish_placeholders(convert.convert(anki_template.answer_part(answer, question)))
    if not back:
        raise CardSkipped(AnkiNotesText.tr("nothing on its back"))
    return front, back


def card_ords(note_type: NoteType, values: list[str]) -> list[int]:
    """The cards Anki makes from a note (by ordinal): a cloze note one per deletion
    number, any other one per template that shows a field the note fills in."""
    fields = dict(zip(note_type.fields, values, strict=False))
    if note_type.cloze:
        template = note_type.template(0)
        named = {n for n, v in fields.items() if template is not None and
                 "cloze:" + n in template.qfmt.replace(" ", "")} or set(fields)
        numbers: set[int] = set()
        for name in named:
            numbers |= cloze_numbers(parse_cloze(fields[name]))
        return sorted(n - 1 for n in numbers if n > 0)
    nonempty = {n for n, v in fields.items() if not anki_template.field_is_empty(v)}
    ords = []
    for template in note_type.templates:
        try:
            if anki_template.renders_with_fields(_parsed(template.qfmt), nonempty):
                ords.append(template.ord)
        except anki_template.TemplateProblem:
            ords.append(template.ord)  # rendering it says what is wrong
    return ords


def _with_specials(fields: dict[str, str], note_type: NoteType, template: Template,
                   info: CardInfo, number: int) -> dict[str, str]:
    """The note's fields and, where no field has their name, Anki's special ones."""
    deck = info.deck or "(Deck)"
    specials = {"Tags": escape(info.tags, quote=False), "Type": note_type.name,
                "Deck": deck, "Subdeck": deck.rsplit("::", 1)[-1],
                "CardFlag": f"flag{info.flag}", "Card": template.name,
                "CardID": "" if info.card_id is None else str(info.card_id),
                f"c{number}": "1"}
    return {**specials, **fields}


def _cloze(text: str, number: int, question: bool, only: bool) -> str:
    parsed = parse_cloze(text)
    if number not in cloze_numbers(parsed):
        return ""  # Anki shows a field without this card's deletion as empty
    if only:
        return ", ".join(_cloze_only(parsed, number))
    return render_cloze(parsed, number, reveal=not question)


def _fields_card(note_type: NoteType, fields: dict[str, str], convert: FieldConverter
                 ) -> tuple[str, str]:
    """A note whose type has no template for the card: its first field asks, the other
    fields that say something answer."""
    names = list(note_type.fields)
    front = convert(fields[names[0]]) if names else ""
    if not front:
        raise CardSkipped(AnkiNotesText.tr("nothing on its front"))
    back = _join(convert(fields[n]) for n in names[1:])
    if not back:
        raise CardSkipped(AnkiNotesText.tr("nothing on its back"))
    return front, back


def _occlusion_card(note_type: NoteType, values: list[str], number: int,
                    convert: FieldConverter) -> tuple[str, str]:
    """An Image Occlusion card: the picture with this card's masks on the front, and
    uncovered (outlined) on the back. Anki's fields, in its order: occlusions, image,
    header, back extra, comments."""
    at = next((i for i, v in enumerate(values) if "image-occlusion:" in v), 0)
    rest = [v for i, v in enumerate(values) if i != at]
    occlusions = values[at] if values else ""
    image_field = next((v for v in rest if "<img" in v.lower()), "")
    header = rest[1] if note_type.image_occlusion and len(rest) > 1 else ""
    extra = rest[2] if note_type.image_occlusion and len(rest) > 2 else ""
    shapes = parse_shapes(occlusions)
    if not any(s.ordinal == number for s in shapes):
        raise CardSkipped(AnkiNotesText.tr("cloze {number} is no longer in the note").format(
            number=number))
    found = _IMG_ANY_SRC.search(image_field)
    if found is None:
        raise CardSkipped(AnkiNotesText.tr("image occlusion: the note has no picture"))
    name = convert.media_name(found.group(1) or found.group(2) or found.group(3) or "") or ""
    if not safe_media_name(name) or name not in convert.available_media \
            or convert.load is None:
        raise CardSkipped(AnkiNotesText.tr(
            "image occlusion: its picture '{name}' is not in the package").format(name=name))
    data = convert.read(name)
    size = image_size(data) if data is not None else None
    if data is None or size is None:
        raise CardSkipped(AnkiNotesText.tr(
            "image occlusion: its picture '{name}' is not a PNG, JPEG, GIF or WebP "
            "picture").format(name=name))
    if sum(len(d) for d in convert.generated.values()) + 3 * len(data) > MAX_DRAWN_BYTES:
        raise CardSkipped(AnkiNotesText.tr(
            "image occlusion: the pictures drawn for this file would pass {size} MB"
        ).format(size=MAX_DRAWN_BYTES // 2**20))
    pictures = []
    for answer in (False, True):
        svg = occlusion_svg(data, size, shapes, number, answer=answer)
        convert.generated[svg_name(svg)] = svg
        pictures.append(f'<img src="{svg_name(svg)}" alt="{escape(name)}">')
    front = _join([convert(header), convert.convert(pictures[0])])
    back = _join([convert.convert(pictures[1]), convert(extra)])
    return front, back


def _join(parts: Iterable[str]) -> str:
    # Each part is one line of Markdown; a blank line keeps them separate paragraphs.
    return "\n\n".join(p for p in parts if p)
