"""A deck's sources and how a card credits them: apart from deck.py, whose cards and
decks the first card's credits do not need."""

from __future__ import annotations

from typing import NamedTuple

from trainer.i18n import Context


class DeckText(Context):
    """How a source is credited on a card."""


class Source(NamedTuple):
    """An article or book that deck items are drawn from, credited to its author or publisher."""

    id: str
    title: str
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    # The article has no title of its own: ``title`` describes it and says so.
    descriptive_title: bool = False
    # The article names neither author nor publisher: the credit says that, not a name.
    unattributed: bool = False

    def credit(self) -> str:
        """A one-line credit such as "Title — Author (Publisher)"; a descriptive title
        is shown as such, and an article naming no one says so."""
        title = DeckText.tr("{title} (untitled article; title describes it)").format(
            title=self.title) if self.descriptive_title else self.title
        who = [w for w in (self.author, self.publisher) if w]
        if not who:
            return DeckText.tr("{title} — author not named").format(title=title) \
                if self.unattributed else title
        if len(who) == 2:
            return f"{title} — {who[0]} ({who[1]})"
        return f"{title} — {who[0]}"
