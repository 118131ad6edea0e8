"""Picture addresses in card HTML: every file name percent-encoded, the name meant
chosen as the deck has it."""

from __future__ import annotations

from trainer.content.picture_urls import quote_pictures
from trainer.content.render import render_markdown


def test_each_picture_is_addressed_by_its_file_name_percent_encoded() -> None:
    html = render_markdown('<img src="50%.png"> <img src="a#b.png"> <img src="what?.png"> '
                           '<img src="two words.png"> <img src="a&amp;b.png"> ![x](50%.png)')
    quoted = quote_pictures(html, lambda name: True)
    assert quoted.count('src="50%25.png"') == 2  # cmark's "50%25.png" is the same file
    for address in ("a%23b.png", "what%3F.png", "two%20words.png", "a%26b.png"):
        assert f'src="{address}"' in quoted


def test_an_encoded_name_is_the_file_of_that_name_when_the_deck_has_one() -> None:
    html = render_markdown('<img src="50%25.png">')
    assert 'src="50%2525.png"' in quote_pictures(html, {"50%25.png"}.__contains__)
    assert 'src="50%25.png"' in quote_pictures(html, {"50%.png"}.__contains__)


def test_addresses_that_are_not_a_bare_file_name_are_left_alone() -> None:
    html = '<p><img src="../deck.toml"><img src="media/x.png"></p>'
    assert quote_pictures(html, lambda name: True) == html
