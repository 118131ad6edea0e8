"""The browser: every item of every deck, searched as the rep types, with its schedule
and history, and the rep's own marks (suspend, flag, note) and own cards."""

from __future__ import annotations

from dataclasses import dataclass

from trainer.clock import Clock
from trainer.domain.errors import TrainerError
from trainer.domain.scheduling import ItemState, Phase, recall_after
from trainer.i18n import Context, number
from trainer.storage.browse_repo import MAX_ROWS as MAX_ROWS  # the list's length
from trainer.storage.browse_repo import SORTS as SORTS  # the browser's choices
from trainer.storage.browse_repo import STATES as STATES
from trainer.storage.browse_repo import BrowseQuery as BrowseQuery  # what the window asks
from trainer.storage.browse_repo import BrowseRepository
from trainer.storage.browse_repo import BrowseRow as BrowseRow  # what it shows
from trainer.storage.deck_rows import list_decks
from trainer.storage.my_cards_repo import MY_DECK, MY_TOPIC, MyCardsRepository
from trainer.storage.store import Store
from trainer.study.service import StudyService


class BrowseServiceText(Context):
    """What the browser's service says when a change to an item is refused."""


MAX_TEXT = 20_000


@dataclass(frozen=True)
class ItemDetails:
    """One item as the browser's side panel shows it."""

    row: BrowseRow
    front: str
    back: str
    tags: tuple[str, ...]
    state: ItemState
    recall_now: float | None  # the memory model's recall probability now
    history: tuple[tuple[str, int, int, str | None], ...]  # newest first
    note: str
    mine: bool


class BrowseService:
    """Searches and marks items; adds, edits and removes the rep's own cards."""

    def __init__(self, db: Store, clock: Clock, study: StudyService) -> None:
        self.db = db
        self.clock = clock
        self.study = study
        self.repo = BrowseRepository(db)
        self.mine = MyCardsRepository(db)

    def search(self, query: BrowseQuery) -> list[BrowseRow]:
        """Items matching the query."""
        return self.repo.search(query, self.clock())

    def details(self, row: BrowseRow) -> ItemDetails:
        """Everything the side panel shows about one item."""
        front, back, tags, _source = self.repo.content(row.item_id)
        state = self.study.repo.state(row.item_id)
        return ItemDetails(row, front, back, tuple(tags), state, self.recall_now(state),
                           tuple(self.repo.history(row.item_id)), self.repo.note(row.item_id),
                           row.deck_id == MY_DECK)

    def recall_now(self, state: ItemState) -> float | None:
        """The probability of recalling an item now (None for a new one)."""
        if state.phase == Phase.NEW or state.stability is None or state.last_review is None:
            return None
        from trainer.study.fsrs_adapter import make_scheduler

        decay = -make_scheduler(self.study.settings, fuzz=False).parameters[20]
        days = max(0, (self.clock() - state.last_review).days)
        return recall_after(days, state.stability, decay)

    def suspend(self, item_ids: list[int], suspended: bool = True) -> None:
        """Keep items out of study (or let them back); their schedule is kept."""
        self.repo.suspend(item_ids, suspended)

    def reset_to_new(self, item_ids: list[int]) -> None:
        """Learn items again from the start: they are new, their answers stay in the
        history (and statistics), and Check Database reads the reset as their state."""
        self.repo.reset_to_new(item_ids, self.clock())
        self.study.forget_limits()

    def flag(self, item_ids: list[int], flag: int) -> None:
        """Flag items 1-4, or clear the flag with 0."""
        self.repo.set_flag(item_ids, flag)

    def set_note(self, item_id: int, note: str) -> None:
        """Keep the rep's note on an item."""
        if len(note) > MAX_TEXT:
            raise TrainerError(BrowseServiceText.tr("A note is at most {limit} characters")
                               .format(limit=number(MAX_TEXT)))
        self.repo.set_note(item_id, note, self.clock())

    def add_card(self, front: str, back: str, topic: str = MY_TOPIC) -> int:
        """Add one of the rep's own cards; returns its item id."""
        front, back = self._checked(front, back)
        return self.mine.add(front, back, topic.strip() or MY_TOPIC, self.clock())

    def edit_card(self, item_id: int, front: str, back: str) -> None:
        """Change one of the rep's own cards (others come from decks and are not edited
        here)."""
        if not self.mine.is_mine(item_id):
            raise TrainerError(BrowseServiceText.tr(
                "Only your own cards can be edited here; a deck's cards change when its "
                "trainer sends a new version"))
        front, back = self._checked(front, back)
        self.mine.edit(item_id, front, back, self.clock())

    def remove_card(self, item_id: int) -> None:
        """Remove one of the rep's own cards (its answers stay in the history)."""
        if not self.mine.is_mine(item_id):
            raise TrainerError(BrowseServiceText.tr(
                "Only your own cards can be deleted; suspend a deck's card to keep it out "
                "of study"))
        self.mine.remove(item_id, self.clock())

    def deck_choices(self) -> list[tuple[str, str]]:
        """(id, title) of every deck with items, to filter by."""
        return [(d.id, d.title) for d in list_decks(self.db) if d.has_items]

    def topics(self) -> list[str]:
        """Topics to filter by."""
        return self.repo.topics()

    def tags(self) -> list[str]:
        """Tags to filter by."""
        return self.repo.tags()

    @staticmethod
    def _checked(front: str, back: str) -> tuple[str, str]:
        front, back = front.strip(), back.strip()
        if not front or not back:
            raise TrainerError(BrowseServiceText.tr("A card needs a front and a back"))
        if len(front) > MAX_TEXT or len(back) > MAX_TEXT:
            raise TrainerError(BrowseServiceText.tr("A side of a card is at most {limit} "
                                                    "characters").format(limit=number(MAX_TEXT)))
        return front, back

