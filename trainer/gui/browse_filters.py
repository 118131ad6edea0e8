"""The browser's search box and filters (deck, topic, tag, state) and its sort, and the
query they make together."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from trainer.gui.keys import key_text
from trainer.i18n import QT_TRANSLATE_NOOP, Context
from trainer.study.browse_service import SORTS, STATES, BrowseQuery


class BrowserViewText(Context):
    """Texts of the browser screen."""


# The state filter's and the sort's choices, by the value the query takes.
STATE_LABELS = {
    "any": QT_TRANSLATE_NOOP("BrowserViewText", "Any state"),
    "new": QT_TRANSLATE_NOOP("BrowserViewText", "New"),
    "learning": QT_TRANSLATE_NOOP("BrowserViewText", "Learning"),
    "due": QT_TRANSLATE_NOOP("BrowserViewText", "Due"),
    "suspended": QT_TRANSLATE_NOOP("BrowserViewText", "Suspended"),
    "flagged": QT_TRANSLATE_NOOP("BrowserViewText", "Flagged"),
    "leech": QT_TRANSLATE_NOOP("BrowserViewText", "Leech"),
}
SORT_LABELS = {
    "position": QT_TRANSLATE_NOOP("BrowserViewText", "Sort: position"),
    "due": QT_TRANSLATE_NOOP("BrowserViewText", "Sort: due"),
    "lapses": QT_TRANSLATE_NOOP("BrowserViewText", "Sort: lapses"),
    "last answer": QT_TRANSLATE_NOOP("BrowserViewText", "Sort: last answer"),
}


class BrowseFilters(QWidget):
    """The search box, then one drop-down per filter and the sort, in a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("browseSearch")
        self.search.setPlaceholderText(
            BrowserViewText.tr("Search every card, question and practice item") + " ("
            + key_text("Ctrl+F") + ")")
        self.search.setAccessibleName(BrowserViewText.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.deck = QComboBox()
        self.deck.setObjectName("browseDeck")
        self.deck.setAccessibleName(BrowserViewText.tr("Deck"))
        self.topic = QComboBox()
        self.topic.setObjectName("browseTopic")
        self.topic.setAccessibleName(BrowserViewText.tr("Topic"))
        self.tag = QComboBox()
        self.tag.setObjectName("browseTag")
        self.tag.setAccessibleName(BrowserViewText.tr("Tag"))
        self.state = QComboBox()
        self.state.setObjectName("browseState")
        self.state.setAccessibleName(BrowserViewText.tr("State"))
        for state in STATES:
            self.state.addItem(BrowserViewText.tr(STATE_LABELS.get(state, state)), state)
        self.sort = QComboBox()
        self.sort.setObjectName("browseSort")
        self.sort.setAccessibleName(BrowserViewText.tr("Sort by"))
        for sort in SORTS:
            self.sort.addItem(BrowserViewText.tr(SORT_LABELS.get(sort, sort)), sort)
        self.search.setMinimumWidth(180)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 3)
        for box in self.boxes():
            # Sized to a few characters, not their longest item (a deck title), so that
            # on a narrow window the search box keeps room to type in.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
            row.addWidget(box, 1)

    def boxes(self) -> tuple[QComboBox, ...]:
        """The drop-downs: deck, topic, tag, state and sort."""
        return self.deck, self.topic, self.tag, self.state, self.sort

    def fill(self, decks: list[tuple[str, str]], topics: list[str], tags: list[str]) -> None:
        """Offer these decks (id, title), topics and tags; keep each choice that is still
        offered."""
        for box, first, values in ((self.deck, BrowserViewText.tr("All decks"), decks),
                                   (self.topic, BrowserViewText.tr("All topics"),
                                    [(t, t) for t in topics]),
                                   (self.tag, BrowserViewText.tr("All tags"),
                                    [(t, t) for t in tags])):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for value, label in values:
                box.addItem(label, value)
            index = box.findData(keep)
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

    def query(self) -> BrowseQuery:
        """What the search box and the filters ask for."""
        return BrowseQuery(self.search.text(), self.deck.currentData(),
                           self.topic.currentData(), self.tag.currentData(),
                           str(self.state.currentData()), str(self.sort.currentData()))
