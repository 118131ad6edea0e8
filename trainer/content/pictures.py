"""Which picture files a deck's text names: ``![alt](name.png)`` in Markdown and
``<img src="name.png">`` in HTML, by bare file name (anything else is never loaded);
and the sound files it links to (``sound:name.mp3``, see ``sounds``), which travel with
a deck the same way."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import unquote

from trainer.content.filenames import is_bare_name
from trainer.content.sounds import sound_names

if TYPE_CHECKING:
    from trainer.domain.deck import Deck

__all__ = ["deck_picture_names", "is_bare_name", "picture_names"]

_MARKDOWN = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_HTML = re.compile(r"""<img\b[^<>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
                   re.IGNORECASE)


def picture_names(texts: Iterable[str | None]) -> set[str]:
    """The bare file names of the pictures the texts show and the sounds they link to:
    the media files a deck needs."""
    names: set[str] = set()
    for text in texts:
        if text and "sound:" in text:
            names.update(sound_names(text))
        if not text or ("![" not in text and "<img" not in text.lower()):
            continue
        text = text.replace('\\"', '"')  # quiz questions are stored as JSON
        found = [m.group(1) for m in _MARKDOWN.finditer(text)]
        found += [m.group(1) or m.group(2) or m.group(3) or "" for m in _HTML.finditer(text)]
        for raw in found:
            name = html.unescape(raw)
            for candidate in (name, unquote(name)):
                if is_bare_name(candidate):
                    names.add(candidate)
    return names


def deck_picture_names(deck: Deck) -> set[str]:
    """The pictures a deck's cards and questions show, and the sounds they play (what
    its media folder needs)."""
    texts: list[str] = [text for card in deck.cards for text in (card.front, card.back)]
    texts += [json.dumps(q.to_json()) for quiz in deck.quizzes for q in quiz.questions]
    return picture_names(texts)
