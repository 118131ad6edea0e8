"""Markdown to HTML that is safe to show: no scripts, no remote loading.

Deck text comes from other people, so raw HTML in it is sanitized with nh3 and any
image that points off the machine is dropped before Qt ever sees it.
"""

from __future__ import annotations

import re

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

from trainer.content.sounds import SCHEME as SOUND_SCHEME
from trainer.content.sounds import sound_name

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


# Built once: a cleaner given its rules on each call builds them again every time, which
# took three quarters of the time of sanitizing a card.
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=LINK_SCHEMES,
    attribute_filter=_drop_remote_images,
    link_rel="noopener noreferrer",
)


# What makes nh3 parse a text: a tag, an entity, or a character its HTML parser drops or
# changes (NUL, carriage return, byte order mark) or cannot take (half of a UTF-16
# pair). Without any, its output is the text with ">" and no-break spaces written as
# entities (tests/content/test_anki_html_paths.py checks every character).
_NEEDS_PARSING = re.compile("[<&\x00\r\ufeff\ud800-\udfff]")


def sanitize_html(html: str) -> str:
    """Strip scripts, event handlers, frames, forms and remote URLs (links and images)
    from HTML; what a link says stays as text. Takes time in proportion to the text."""
    if not _NEEDS_PARSING.search(html):
        return html.replace(">", "&gt;").replace("\xa0", "&nbsp;")
    if html.count("<") > MAX_TAGS:
        from html import escape  # not at start-up: a card this large is rare

        return "<p>" + escape(html) + "</p>"
    return _CLEANER.clean(html)


def render_markdown(text: str) -> str:
    """Render deck Markdown (raw HTML allowed, then sanitized) to HTML."""
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
