"""Markdown to HTML that is safe to show: no scripts, no remote loading.

Deck text comes from other people, so raw HTML in it is sanitized with nh3 and any
image that points off the machine is dropped before Qt ever sees it.
"""

from __future__ import annotations

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

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
# No web addresses at all: a card never links or loads anything off the machine.
LINK_SCHEMES = {"mailto"}
_EXTENSIONS = ["table", "strikethrough", "autolink"]
_REMOTE_PREFIXES = ("http:", "https:", "ftp:", "//", "file:")


def _drop_remote_images(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and value.strip().lower().startswith(_REMOTE_PREFIXES):
        return None
    return value


def sanitize_html(html: str) -> str:
    """Strip scripts, event handlers, frames, forms and remote URLs (links and images)
    from HTML; what a link says stays as text."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        attribute_filter=_drop_remote_images,
        link_rel="noopener noreferrer",
    )


def render_markdown(text: str) -> str:
    """Render deck Markdown (raw HTML allowed, then sanitized) to HTML."""
    # "Unsafe" and no tagfilter: raw HTML passes the Markdown step untouched so that nh3,
    # which decides what stays, removes scripts and frames instead of showing them as text.
    html: str = cmarkgfm.markdown_to_html_with_extensions(
        text, options=Options.CMARK_OPT_UNSAFE, extensions=_EXTENSIONS)
    return sanitize_html(html)
