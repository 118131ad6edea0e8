"""The browser's service: search as you type, filters and sorts, suspend and flag that
survive deck updates, notes, and the rep's own cards."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.content.deckfile import load_deck
from trainer.domain.errors import TrainerError
from trainer.domain.scheduling import Rating
from trainer.domain.settings import StudySettings
from trainer.storage.browse_repo import BrowseQuery
from trainer.storage.decks_repo import install_deck

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def svc(tmp_path: Path, clock: FakeClock, settings: StudySettings, mixed_decks: Path
        ) -> Iterator[Services]:
    services = open_services(Config(tmp_path / "data"), clock, settings, mixed_decks)
    yield services
    services.close()


def keys(svc: Services, **query: object) -> list[str]:
    return [r.key for r in svc.browse.search(BrowseQuery(**query))]  # type: ignore[arg-type]


def test_search_as_you_type_by_prefix_of_every_word(svc: Services) -> None:
    everything = keys(svc)
    assert len(everything) == 30 + 8  # the practice cards and the quiz deck's items
    assert keys(svc, text="Practice card 1") == keys(svc, text="pract card 1")
    found = keys(svc, text="pract 1")
    assert found and all(svc.browse.search(BrowseQuery(text="pract 1")))
    assert keys(svc, text="zzzz-nothing") == []
    # Punctuation a rep types is not FTS syntax: no error, just words.
    assert keys(svc, text='"card* (') == keys(svc, text="card")


def test_filters_by_deck_topic_and_state(svc: Services, clock: FakeClock) -> None:
    assert set(keys(svc, deck="qdeck")) >= {"c1", "q-single"}
    assert keys(svc, deck="qdeck", state="new") == ["c1", "q-single", "q-multi", "q-tf",
                                                   "q-scenario", "q-match", "q-order",
                                                   "q-short"]
    session = svc.study.start("cards")
    first = session.current
    assert first is not None
    session.answer(Rating.AGAIN)
    assert keys(svc, deck="cards", state="learning") == [first.key]
    clock.advance(timedelta(minutes=5))
    assert first.key in keys(svc, deck="cards", state="due")
    assert keys(svc, deck="cards", sort="last answer")[0] == first.key


def test_suspend_flag_and_note_survive_a_deck_update(svc: Services, tmp_path: Path,
                                                    clock: FakeClock) -> None:
    rows = svc.browse.search(BrowseQuery(deck="qdeck"))
    card = next(r for r in rows if r.key == "c1")
    svc.browse.suspend([card.item_id])
    svc.browse.flag([card.item_id], 2)
    svc.browse.set_note(card.item_id, "Ask Sam how she answers this.")
    assert svc.study.counts("qdeck").new == 0
    assert keys(svc, state="suspended") == ["c1"] and keys(svc, state="flagged") == ["c1"]
    # The trainer sends version 2 with the card's text edited: the marks stay.
    text = (DATA / "quiz_deck.toml").read_text().replace('version = "1"', 'version = "2"', 1)
    edited = tmp_path / "v2" / "quiz_deck.toml"
    edited.parent.mkdir()
    edited.write_text(text.replace('front = "A card"', 'front = "A card, edited"'))
    install_deck(svc.db, load_deck(edited), clock)
    svc.study.forget_limits()
    again = next(r for r in svc.browse.search(BrowseQuery(deck="qdeck")) if r.key == "c1")
    assert (again.suspended, again.flag, again.front) == (True, 2, "A card, edited")
    assert svc.browse.details(again).note == "Ask Sam how she answers this."
    assert svc.study.counts("qdeck").new == 0
    svc.browse.suspend([card.item_id], False)
    assert svc.study.counts("qdeck").new == 1
    with pytest.raises(ValueError):
        svc.browse.flag([card.item_id], 9)


def test_details_show_schedule_recall_and_history(svc: Services, clock: FakeClock) -> None:
    session = svc.study.start("cards")
    first = session.current
    assert first is not None
    session.answer(Rating.EASY)
    clock.advance(timedelta(days=3))
    row = next(r for r in svc.browse.search(BrowseQuery(deck="cards")) if r.key == first.key)
    details = svc.browse.details(row)
    assert details.state.stability is not None and details.state.reps == 1
    assert details.recall_now is not None and 0.5 < details.recall_now < 1.0
    assert [(h[1]) for h in details.history] == [int(Rating.EASY)]
    assert not details.mine


def test_my_cards_are_added_edited_removed_and_never_imported_over(
        svc: Services, tmp_path: Path) -> None:
    item = svc.browse.add_card("Buyer: 'we're locked in until May'", "Ask what May changes.")
    row = next(r for r in svc.browse.search(BrowseQuery(text="locked may")))
    assert (row.item_id, row.deck_id, row.deck_title) == (item, "my-cards", "My cards")
    assert svc.study.counts("my-cards").new == 1
    svc.browse.edit_card(item, "Buyer: 'locked in until June'", "Ask what June changes.")
    assert keys(svc, text="june") == [row.key]
    with pytest.raises(TrainerError, match="front and a back"):
        svc.browse.add_card("  ", "x")
    deck_card = next(r for r in svc.browse.search(BrowseQuery(deck="cards")))
    with pytest.raises(TrainerError, match="Only your own cards"):
        svc.browse.edit_card(deck_card.item_id, "a", "b")
    svc.browse.remove_card(item)
    assert keys(svc, deck="my-cards") == []
    assert svc.study.counts("my-cards").new == 0
    # A file claiming the rep's own deck id is refused, naming it.
    bad = tmp_path / "mine.toml"
    bad.write_text('format = 1\n[deck]\nid = "my-cards"\ntitle = "X"\nversion = "1"\n'
                   'topic = "t"\n[[cards]]\nid = "c"\nfront = "F"\nback = "B"\n')
    with pytest.raises(TrainerError, match="'my-cards' is kept for the cards a rep writes"):
        svc.imports.prepare(bad)


def test_reset_to_new_keeps_the_answers_and_check_database_agrees(
        svc: Services, clock: FakeClock) -> None:
    session = svc.study.start("cards")
    first = session.current
    assert first is not None
    session.answer(Rating.GOOD)
    session.answer(Rating.EASY)
    session.finish()
    new_before = svc.study.counts("cards").new
    row = next(r for r in svc.browse.search(BrowseQuery(deck="cards")) if r.key == first.key)
    assert row.phase != 0

    clock.advance(timedelta(hours=1))
    svc.browse.reset_to_new([row.item_id])
    after = svc.browse.details(
        next(r for r in svc.browse.search(BrowseQuery(deck="cards")) if r.key == first.key))
    assert (after.state.phase, after.state.reps, after.state.due) == (0, 0, None)
    assert len(after.history) == 1  # the answer stays in the history
    assert row.item_id in [r.item_id for r in svc.browse.search(BrowseQuery(state="new"))]
    # Today's new-item limit already counts it as introduced: the day's count stays.
    assert svc.study.counts("cards").new == new_before
    # Check Database reads the reset as the item's state: nothing to rebuild.
    assert svc.checks.check().ok

    # Answered again after the reset, its schedule follows that answer as usual.
    session = svc.study.start("cards")
    while session.current is not None and session.current.key != first.key:
        session.answer(Rating.EASY)
    assert session.current is not None
    session.answer(Rating.GOOD)
    session.finish()
    assert svc.checks.check().ok
    svc.db.execute("UPDATE item_state SET phase = 0, reps = 0 WHERE item_id = ?",
                   [row.item_id])
    assert not svc.checks.check().ok  # a real mismatch after the reset is still found
