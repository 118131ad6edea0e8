"""Card Markdown renders, and nothing dangerous or remote survives."""

from __future__ import annotations

from trainer.content.render import render_markdown


def test_markdown_renders_emphasis_lists_and_tables() -> None:
    html = render_markdown("**Bold** and *soft*\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<strong>Bold</strong>" in html and "<em>soft</em>" in html
    assert "<li>one</li>" in html and "<td>2</td>" in html


def test_scripts_handlers_frames_forms_and_remote_images_are_removed() -> None:
    html = render_markdown(
        'Hi <script>alert(1)</script><b onclick="steal()">x</b>'
        '<iframe src="https://evil.example"></iframe><form action="/x"><input name="p"></form>'
        '<img src="https://tracker.example/p.png" alt="t"><img src="local.png" alt="ok">'
        '[link](javascript:alert(1)) <a href="https://example.com">site</a>'
    )
    for banned in ("script", "alert(1)", "onclick", "evil.example", "<iframe", "<form", "<input",
                   "tracker.example", "javascript:"):
        assert banned not in html
    assert '<img src="local.png" alt="ok">' in html
    assert "example.com" not in html and ">site</a>" in html  # the words stay, the URL goes


def _whole_way(text: str) -> str:
    """What Markdown and the sanitizer make of ``text``, without the plain-text shortcut."""
    import cmarkgfm
    from cmarkgfm.cmark import Options

    from trainer.content.render import _EXTENSIONS, sanitize_html

    return sanitize_html(cmarkgfm.markdown_to_html_with_extensions(
        text, options=Options.CMARK_OPT_UNSAFE, extensions=_EXTENSIONS))


def test_plain_sentences_come_out_as_markdown_and_the_sanitizer_make_them() -> None:
    import random

    from trainer.content.render import _plain_paragraph

    shortcut = 0
    samples = ['The buyer says: "I do have one concern..." Is the deal in trouble?',
               "What\u2019s behind it \u2014 really? (Ask; don\u2019t guess.) 20% off/$5",
               "x", "'quoted' start", "\u201cCurly\u201d start", "A - b", "Ends in a colon:"]
    # Characters the shortcut takes, and ones that make Markdown do something.
    plain = list("aZ09 ,.;:?!'\"()/%$-\u2018\u2019\u201c\u201d\u2013\u2014\u2026")
    other = [*"*_`~|\\[]<>&#@+=\n\t\xa0é", "www.", "http://", "1. ", "- ", "  ", "<b>"]
    rng = random.Random(11)
    for _ in range(20_000):
        samples.append("".join(rng.choice(plain if rng.random() < 0.93 else other)
                               for _ in range(rng.randint(1, 12))))
    for text in samples:
        fast = _plain_paragraph(text)
        if fast is not None:
            shortcut += 1
            assert fast == _whole_way(text), repr(text)
        assert render_markdown(text) == _whole_way(text), repr(text)
    assert shortcut > 1_000  # the shortcut was tried, not only refused


def test_markdown_addresses_and_breaks_take_the_whole_way() -> None:
    from trainer.content.render import _plain_paragraph

    for text in ("see www.example.com", "go to https://example.com", "a  b", "trailing ",
                 "1. first", "- item", "# heading", "**bold**", "a_b_c", "a\nb", "caf\u00e9",
                 "", " leading"):
        assert _plain_paragraph(text) is None, text
    # The autolink makes a link (its address then dropped), not a plain paragraph.
    assert render_markdown("see www.example.com") != "<p>see www.example.com</p>\n"


def test_every_built_in_card_renders_as_the_whole_way_renders_it() -> None:
    import tomllib
    from pathlib import Path

    decks = Path(__file__).resolve().parents[2] / "decks"
    texts = [card[side] for deck in sorted(decks.glob("*.toml"))
             for card in tomllib.loads(deck.read_text(encoding="utf-8")).get("cards", [])
             for side in ("front", "back") if side in card]
    assert len(texts) > 100
    for text in texts:
        assert render_markdown(text) == _whole_way(text), text
