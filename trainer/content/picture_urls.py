"""Picture addresses in card HTML that load whatever the file is called.

A card names a picture by its file name, and a file name may hold characters that mean
something in an address: ``%`` starts an escape, ``#`` a fragment, ``?`` a query. The
card view reads each ``<img src>`` as an address, so a picture called ``50%.png`` or
``a#b.png`` was never found. Here every picture's ``src`` is rewritten as its file name
percent-encoded (``50%25.png``, ``a%23b.png``, ``my%20chart.png``), and the view
decodes the address back to that name.

Which name a ``src`` means: the name as written, if the deck has a picture of that
name, else the name URL-decoded (cmark writes ``![x](50%.png)`` as ``50%25.png``, and
some Anki add-ons write names encoded), as ``pictures.picture_names`` reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote, unquote

from trainer.content.filenames import is_bare_name

# The sanitizer writes every attribute in double quotes, escaped.
# Kept as text: ``re`` compiles it when first used, for a card with a picture.
_SRC = r'(<img\b[^>]*?\bsrc=")([^"]*)(")'


def quote_pictures(text: str, known: Callable[[str], bool]) -> str:
    """Sanitized card HTML with each picture's ``src`` as its file name percent-encoded;
    ``known(name)`` says whether the deck has a picture of that name. Addresses that are
    not a bare file name are left as they are (the view loads nothing for them)."""
    def encoded(match: re.Match[str]) -> str:
        # Imported only for a card with pictures: the html module and its table of
        # entities take a millisecond and a half of a start without them.
        import html

        written = html.unescape(match.group(2))
        names = [n for n in dict.fromkeys((written, unquote(written))) if is_bare_name(n)]
        if not names:
            return match.group(0)
        name = next((n for n in names if known(n)), names[0])
        return match.group(1) + html.escape(quote(name, safe=""), quote=True) + match.group(3)

    if "<img" not in text.lower():
        return text
    return re.sub(_SRC, encoded, text, flags=re.IGNORECASE)

