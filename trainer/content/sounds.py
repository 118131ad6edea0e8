"""Sounds on cards: each one is a link ``<a href="sound:NAME">▶ NAME</a>`` (in Markdown
``[▶ NAME](sound:NAME)``) to a file of the deck's media folder, named by bare file name.

The link is the marker the card view plays: ``sound_names`` lists a text's sounds in
order (to play them as the card is shown), ``sound_name`` turns a clicked link back into
the file's name. Anki's ``[sound:NAME]`` and ``<audio>`` become such links on import.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from trainer.content.filenames import is_bare_name

SCHEME = "sound"
PREFIX = SCHEME + ":"
# The formats the card view can play (miniaudio's decoders).
SUFFIXES = (".mp3", ".ogg", ".flac", ".wav")
# Patterns kept as text: ``re`` compiles each when first used (a card with a sound).
_HTML_LINK = (r"""<a\b[^<>]*?\bhref\s*=\s*(?:"sound:([^"]*)"|'sound:([^']*)'|"""
              r"""sound:([^\s>]+))""")
_MARKDOWN_LINK = r"\]\(\s*<?sound:([^)\s>]+)>?\s*\)"


def sound_link(name: str) -> str:
    """The marker for one sound file, as HTML that survives the sanitizer."""
    from html import escape  # only here and below: not at start-up (picture_urls.py)

    return f'<a href="{PREFIX}{quote(name, safe="")}">▶ {escape(name)}</a>'


def sound_name(href: str) -> str | None:
    """The file a ``sound:`` link plays, or None when it is no such link or does not
    name a bare file name."""
    if not href.lower().startswith(PREFIX):
        return None
    from html import unescape

    name = unquote(unescape(href[len(PREFIX):]))
    return name if is_bare_name(name) else None


def sound_names(text: str | None) -> list[str]:
    """The sound files a card text (Markdown or rendered HTML) links to, in order,
    each once."""
    if not text or PREFIX not in text.lower():
        return []
    text = text.replace('\\"', '"')  # quiz questions are stored as JSON
    found: dict[str, None] = {}
    hits = [(m.start(), m.group(1) or m.group(2) or m.group(3) or "")
            for m in re.finditer(_HTML_LINK, text, re.IGNORECASE)]
    hits += [(m.start(), m.group(1)) for m in re.finditer(_MARKDOWN_LINK, text)]
    for _, raw in sorted(hits):
        name = sound_name(PREFIX + raw)
        if name is not None:
            found[name] = None
    return list(found)
