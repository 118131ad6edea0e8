"""Anki's HTML made into safe card Markdown: sounds kept as markers, MathJax drawn as
pictures (``mathjax``), media names checked against the package, elements a template
hides left out, and text escaped so that it reads as Anki shows it. What a conversion
left out or kept as source is said by ``conversion_warnings``.

The text comes from ``anki_notes``, which renders each card's template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from html import escape, unescape
from urllib.parse import unquote

from trainer.content.importers import mathjax
from trainer.content.importers.anki_cloze import CLOSE, OPEN, drop_placeholders
from trainer.content.render import sanitize_html
from trainer.content.sounds import sound_link
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
_IMG_TAG = re.compile(r"<img[^>]*>", re.IGNORECASE)
# A tag holding a character that text escaping or line breaks would change.
_TAG_TO_ESCAPE = re.compile(r"<[^>\\*_`~\[\]\r\n]*[\\*_`~\[\]\r\n]")
_HIDDEN_OPEN = re.compile(r"""<([a-z][a-z0-9]*)\b[^>]*\bstyle\s*=\s*("[^"]*"|'[^']*')[^>]*>""",
                          re.IGNORECASE)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_LEADING_BREAKS = re.compile(r"(?:\s|<br\s*/?>)+", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MAX_NAMED = 10  # cards named in one warning; the rest are counted
# Different formulas drawn in one import: far more than any real collection has, and a
# bound on the time a crafted file can take (a formula takes up to a few hundredths of
# a second); the rest stay as source and are named.
MAX_FORMULAS = 5000
# Characters that mean something in Markdown. Written as character references they show
# as themselves both in Markdown paragraphs and in raw HTML blocks (where a backslash
# escape would show literally).
_MARKDOWN_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in "\\*_`~[]"})
_TO_ESCAPE = re.compile(r"[\\*_`~\[\]]")  # looked for first: most text has none
_BLOCK_START = re.compile(r"([#+=-])|\d{1,9}([.)])")
_WINDOWS_RESERVED = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)(\..*)?", re.IGNORECASE)


def safe_media_name(name: str) -> bool:
    """Whether a media file name can be written as it is on every system we run on."""
    if not name or name in (".", "..") or len(name.encode()) > 200 or name[-1] in ". ":
        return False
    if any(c in '/\\:<>"|?*' or ord(c) < 32 or ord(c) == 127 for c in name):
        return False
    return not _WINDOWS_RESERVED.fullmatch(name)


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
        return self.convert(drop_placeholders(raw))

    def convert(self, raw: str) -> str:
        """Like calling the converter, but keeps cloze placeholder stand-ins."""
        raw = _drop_hidden(raw)
        raw = _AUDIO.sub(self._audio, raw)
        if "[sound:" in raw:  # looked for first: the pattern is slower to say no
            raw = _SOUND.sub(lambda m: self._sound(m.group(1)), raw)
        if "[" in raw and _LATEX.search(raw):
            self.latex_items[self.item] = None
        if "\\(" in raw or "\\[" in raw:
            raw = mathjax.MATH.sub(self._formula, raw)
        html = sanitize_html(raw)
        # Sanitized HTML names its tags in lower case and holds no "<" in its text.
        if "<pre" in html or _TAG_TO_ESCAPE.search(html):
            text = self._escape_by_parts(html)
        else:
            text = self._escape_whole(html, "<img" in html)
        # Anki's editor leaves "<br>" or "&nbsp;" in fields the user thinks are empty.
        # (Text that starts with a letter, not a tag or an entity, shows something: edge
        # white space is gone already.)
        if text[:1] in ("", "<", "&") and "<img" not in text and "<a " not in text and \
                not unescape(_TAG.sub("", text)).strip(" \t\n\xa0"):
            return ""
        return _protect_block_start(text)

    def _escape_whole(self, html: str, pictures: bool) -> str:
        """``_escape_by_parts`` for sanitized HTML without ``<pre>`` whose tags hold
        nothing escaping or line breaks would change: the whole text is escaped at once,
        then the pictures' names checked (most sides; tag by tag took twice as long)."""
        text = _escape_markdown(html).replace("\r", "").replace("\n", " ")
        if pictures:
            text = _IMG_TAG.sub(lambda m: self._image(m.group()), text)
        return _strip_edge_breaks(text)

    def _escape_by_parts(self, html: str) -> str:
        """Sanitized HTML escaped as Markdown text between its tags, the pictures'
        names checked, line breaks kept only inside ``<pre>``."""
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
        return _strip_edge_breaks("".join(out))

    def media_name(self, raw: str) -> str:
        """A media name as written in HTML (an attribute, ``[sound:...]``), as the
        package knows it."""
        return self._known_name(unescape(raw).strip())

    def _known_name(self, name: str) -> str:
        if name not in self.available_media and unquote(name) in self.available_media:
            return unquote(name)  # some add-ons write URL-encoded names
        return name

    def _use(self, name: str, missing: set[str]) -> bool:
        """Whether the package has this media file to use (noted as used); if not, the
        name is noted as unsafe or in ``missing``."""
        if not safe_media_name(name):
            self.unsafe_media.add(name)
            return False
        if name not in self.available_media:
            missing.add(name)
            return False
        self.used_media.add(name)
        return True

    def _sound(self, raw: str) -> str:
        name = self.media_name(raw)
        return sound_link(name) if self._use(name, self.missing_sounds) else ""

    def _audio(self, match: re.Match[str]) -> str:
        attributes, inner = match.group(1) or match.group(3) or "", match.group(2) or ""
        sources = [m.group(1) or m.group(2) or m.group(3) or ""
                   for m in _SRC.finditer(attributes + " " + inner)]
        return "".join(self._sound(s) for s in sources if s)

    def _formula(self, match: re.Match[str]) -> str:
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        tex = mathjax.formula_source(inner).replace(OPEN, "[").replace(CLOSE, "]")
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
        name = self._known_name(name)
        if not self._use(name, self.missing_media):
            return ""
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
    text = _escape_markdown(text).replace("\r", "")
    return text.replace("\n", "<br>" if in_pre else " ")


def _escape_markdown(text: str) -> str:
    return text.translate(_MARKDOWN_ESCAPES) if _TO_ESCAPE.search(text) else text


def _strip_edge_breaks(text: str) -> str:
    """Text without the white space and ``<br>`` it starts or ends with. (One pattern
    anchored at the end was tried at every position: a third of converting a side.)"""
    found = _LEADING_BREAKS.match(text)
    if found:
        text = text[found.end():]
    while True:
        text = text.rstrip()
        # A break is the only tag to drop, and it holds no "<" after its first.
        at = text.rfind("<") if text.endswith(">") else -1
        if at < 0 or not _BREAK.fullmatch(text, at):
            return text
        text = text[:at]


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
