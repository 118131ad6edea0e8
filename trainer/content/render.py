"""Markdown to HTML that is safe to show: no scripts, no remote loading.

Deck text comes from other people, so raw HTML in it is sanitized with nh3 and any
image that points off the machine is dropped before Qt ever sees it.

cmarkgfm and nh3 are loaded when a text first needs them: a sentence with no Markdown
or HTML in it (most cards' fronts) comes out as one paragraph without either, so the
first card of a start does not wait for two native libraries and the sanitizer's rules.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from trainer.content.sounds import SCHEME as SOUND_SCHEME
from trainer.content.sounds import sound_name

if TYPE_CHECKING:
    import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "del", "code", "pre", "kbd",
    "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td", "sub", "sup", "span", "div", "mark",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "td": {"align"},
}
# No web addresses at all: a card never links or loads anything off the machine. A
# "sound:" link names a sound file of the deck's media folder (see content/sounds.py).
LINK_SCHEMES = {"mailto", SOUND_SCHEME}
_EXTENSIONS = ["table", "strikethrough", "autolink"]
_REMOTE_PREFIXES = ("http:", "https:", "ftp:", "//", "file:")


def _drop_remote_images(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and value.strip().lower().startswith(_REMOTE_PREFIXES):
        return None
    if tag == "a" and attribute == "href" and value.strip().lower().startswith("sound:") \
            and sound_name(value.strip()) is None:
        return None  # a sound named by a path, not a bare file name: nothing to play
    return value


# No card needs this many tags. nh3's parser takes time that grows with the square of
# how deep the tags nest (50,000 nested <div> took seconds), and only real parsing can
# tell how deep they nest; below this count even the deepest nesting is quick, and
# above it the text is shown as it is, every tag escaped, in time in proportion to it.
MAX_TAGS = 10_000


_needs_parsing: re.Pattern[str] | None = None


@functools.cache
def cleaner() -> nh3.Cleaner:
    """The sanitizer, built once: a cleaner given its rules on each call builds them again
    every time, which took three quarters of the time of sanitizing a card."""
    import nh3

    return nh3.Cleaner(tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                       url_schemes=LINK_SCHEMES, attribute_filter=_drop_remote_images,
                       link_rel="noopener noreferrer")


def sanitize_html(html: str) -> str:
    """Strip scripts, event handlers, frames, forms and remote URLs (links and images)
    from HTML; what a link says stays as text. Takes time in proportion to the text."""
    global _needs_parsing
    if _needs_parsing is None:
        # What makes nh3 parse a text: a tag, an entity, or a character its HTML parser
        # drops or changes (NUL, carriage return, byte order mark) or cannot take (half of
        # a UTF-16 pair). Without any, its output is the text with ">" and no-break spaces
        # written as entities (tests/content/test_anki_html_paths.py checks every one).
        _needs_parsing = re.compile("[<&\x00\r\ufeff\ud800-\udfff]")
    if not _needs_parsing.search(html):
        return html.replace(">", "&gt;").replace("\xa0", "&nbsp;")
    if html.count("<") > MAX_TAGS:
        from html import escape  # not at start-up: a card this large is rare

        return "<p>" + escape(html) + "</p>"
    return cleaner().clean(html)


# A sentence made of these, which starts with a letter or an opening quote, is one
# paragraph to Markdown with nothing to mark up, sanitize or escape (cmarkgfm writes a
# straight double quote as an entity, which nh3 writes back as the quote). Left out:
# whatever Markdown, its autolinks or HTML read (* _ ` ~ | \\ [ ] < > & # @ and line
# breaks), and anything non-ASCII besides typographic quotes, dashes and the ellipsis.
# tests/content/test_render.py checks the shortcut against the whole way.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                   " ,.;:?!'\"()/%$-\u2018\u2019\u201c\u201d\u2013\u2014\u2026")
_PLAIN_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                         "\"'\u2018\u201c")


def _plain_paragraph(text: str) -> str | None:
    """``render_markdown(text)`` for a plain sentence, or None for any other text."""
    if (not text or text[0] not in _PLAIN_START or text[-1] == " "
            or not _PLAIN.issuperset(text)):
        return None
    lowered = text.lower()
    if "://" in text or "www." in lowered or "  " in text:
        return None  # an address the autolink extension would link; a hard break's spaces
    return f"<p>{text}</p>\n"


def render_markdown(text: str) -> str:
    """Render deck Markdown (raw HTML allowed, then sanitized) to HTML."""
    plain = _plain_paragraph(text)
    if plain is not None:
        return plain
    import cmarkgfm
    from cmarkgfm.cmark import Options

    # "Unsafe" and no tagfilter: raw HTML passes the Markdown step untouched so that nh3,
    # which decides what stays, removes scripts and frames instead of showing them as text.
    html: str = cmarkgfm.markdown_to_html_with_extensions(
        text, options=Options.CMARK_OPT_UNSAFE, extensions=_EXTENSIONS)
    return sanitize_html(html)


# Patterns kept as text: ``re`` compiles each when first used and keeps it, so a start
# whose first card has no label with pictures does not compile them.
_IMG_TAG = r"<img\b[^<>]*>"
_ALT = r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')"""


def render_without_pictures(text: str) -> str:
    """Deck Markdown for a text label (quiz prompts, explanations, feedback): as
    ``render_markdown``, with each picture replaced by its description. A label would
    load a picture from any path on the disk, so none is left for it to load."""
    def describe(match: re.Match[str]) -> str:
        alt = re.search(_ALT, match.group(0), re.IGNORECASE)
        words = (alt.group(1) or alt.group(2) or "").strip() if alt else ""
        return f"[picture: {words}]" if words else "[picture]"

    return re.sub(_IMG_TAG, describe, render_markdown(text), flags=re.IGNORECASE)


# Letters, digits, spaces and a few marks that mean nothing in Markdown or HTML (no
# ".", ")", "-", "#", "*", "_", "<", "&", "[", "\\", "|", "~", ":", "@"...): such a text
# renders to itself, so most texts skip rendering (a tenth of a big profile's export).
_RENDERS_TO_ITSELF = re.compile(r"(?:[^\W_]|[ \t\n,;?!'\"])*")


def plain_text(markdown: str) -> str:
    """Deck Markdown rendered and sanitized, as plain text: raw HTML and scripts in the
    deck leave no trace, and entities and escapes read as the characters they are."""
    if _RENDERS_TO_ITSELF.fullmatch(markdown):
        return markdown
    import html

    return html.unescape(_text_cleaner().clean(render_markdown(markdown)))


@functools.cache
def _text_cleaner() -> nh3.Cleaner:
    """A sanitizer that keeps no tags at all, built once (as ``cleaner``)."""
    import nh3

    return nh3.Cleaner(tags=set())


def plain_line(markdown: str, limit: int) -> str:
    """Deck Markdown as one line of plain text, cut at a word to at most ``limit``
    characters (ending in "…" when cut)."""
    text = " ".join(plain_text(markdown).split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"
