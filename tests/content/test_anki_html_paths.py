"""The quick ways through converting an Anki card side give what the careful ways give:
a side escaped as one text as when escaped between its tags, edge breaks stripped from
each end as the pattern they replaced strips them."""

from __future__ import annotations

import random
import re

import pytest

from trainer.content.importers.anki_html import (
    FieldConverter,
    _escape_markdown,
    _strip_edge_breaks,
)
from trainer.content.render import sanitize_html

MEDIA = {"p_1.png", "a b.png", "chart.png"}
PIECES = ["<br>", "<BR />", " ", "\n", "\r\n", "\t", "\xa0", "&nbsp;", "word", "_x_", "*",
          "[", "]", "`", "~", "\\", "<b>", "</b>", "<i>", "<img src=\"chart.png\">",
          "<img src='a b.png' alt='x'>", "<IMG SRC=gone.png>", "<a href=\"https://x\">l</a>",
          "<div>", "</div>", "&amp;", "&lt;", "# ", "1. ", "<br >", "<ul><li>", "</li></ul>"]
# The pattern edge breaks were stripped with before.
EDGE_BREAKS = re.compile(r"^(?:\s|<br\s*/?>)+|(?:\s|<br\s*/?>)+$", re.IGNORECASE)


def samples(count: int) -> list[str]:
    rng = random.Random(14)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10)))
            for _ in range(count)]


def test_a_side_escaped_whole_is_the_side_escaped_between_its_tags() -> None:
    checked = 0
    for raw in samples(3000):
        html = sanitize_html(raw)
        if "<pre" in html.lower() or "_" in "".join(re.findall(r"<[^>]*>", html)):
            continue  # those go between the tags
        whole, parts = FieldConverter(MEDIA), FieldConverter(MEDIA)
        assert whole._escape_whole(html, "<img" in html.lower()) == \
            parts._escape_by_parts(html), raw
        assert (whole.used_media, whole.missing_media) == \
            (parts.used_media, parts.missing_media)
        checked += 1
    assert checked > 2000


@pytest.mark.parametrize(("raw", "markdown"), [
    ("Ask_what *they* [mean]", "Ask&#95;what &#42;they&#42; &#91;mean&#93;"),
    ('<br> <b>a_b</b><img src="chart.png"><img src="gone.png"><br />\n',
     '<b>a&#95;b</b><img src="chart.png">'),
    # Kept between the tags: a tag holding "_", and <pre> with its line breaks.
    ('<a title="a_b">x_y</a>', '<a title="a_b" rel="noopener noreferrer">x&#95;y</a>'),
    ("<pre>one\ntwo_three</pre>", "<pre>one<br>two&#95;three</pre>"),
    (" <br>\xa0", ""),
])
def test_what_a_side_becomes(raw: str, markdown: str) -> None:
    assert FieldConverter(MEDIA).convert(raw) == markdown


def test_edge_breaks_are_stripped_as_the_pattern_stripped_them() -> None:
    rng = random.Random(3)
    pieces = ["<br>", "<BR/>", "<br  />", "<br", ">", " ", "\n", "\u2003", "x", "<b>", "<"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert _strip_edge_breaks(text) == EDGE_BREAKS.sub("", text), text


def test_only_text_with_markdown_characters_is_escaped() -> None:
    assert _escape_markdown("plain words") == "plain words"
    assert _escape_markdown("a\\b`c~") == "a&#92;b&#96;c&#126;"


def test_text_nh3_need_not_parse_comes_out_as_nh3_gives_it() -> None:
    from trainer.content.render import cleaner

    _CLEANER = cleaner()

    characters = [chr(c) for c in (*range(1, 0xD800), *range(0xE000, 0x10000), 0x1F600,
                                   0xE0001, 0x10FFFF)]
    for c in characters:
        for text in (c, f"a{c}b"):
            if "<" not in text and "&" not in text:
                assert sanitize_html(text) == _CLEANER.clean(text), hex(ord(c))
    rng = random.Random(5)
    alphabet = [chr(c) for c in range(1, 200)] + ["\xa0", "\u2028", "日", "😀", "\ue000"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20)))
        assert sanitize_html(text) == _CLEANER.clean(text), text
    with pytest.raises(UnicodeEncodeError):
        sanitize_html("half a pair \ud800")  # as nh3 refuses it
