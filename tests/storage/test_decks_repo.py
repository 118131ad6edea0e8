"""Deck updates match items by stable id and never lose progress."""

from __future__ import annotations

from pathlib import Path

from trainer.clock import FakeClock
from trainer.domain.deck import Card, Deck
from trainer.domain.scheduling import Phase, Rating
from trainer.domain.settings import StudySettings
from trainer.storage.database import open_database
from trainer.storage.deck_rows import list_decks
from trainer.storage.decks_repo import install_deck, plan_install
from trainer.study.service import StudyService


def deck(version: str, *cards: Card) -> Deck:
    return Deck("d", "Deck", version, cards=cards)


def card(cid: str, front: str = "front") -> Card:
    return Card(cid, front, f"back of {cid}", "topic")


def test_update_keeps_history_retires_and_restores(tmp_path: Path, clock: FakeClock) -> None:
    db = open_database(tmp_path / "t.sqlite", clock)
    plan = install_deck(db, deck("1", card("a"), card("b"), card("c")), clock)
    assert plan.new == ["a", "b", "c"] and plan.version_from is None
    study = StudyService(db, clock, StudySettings(fuzz=False))
    a_id = db.execute("SELECT id FROM items WHERE key = 'a'").fetchone()[0]
    study.answer(a_id, Rating.GOOD)
    state_after_answer = study.repo.state(a_id)

    v2 = deck("2", card("a", "edited front"), card("c"), card("d"))
    preview = plan_install(db, v2)
    assert (preview.updated, preview.retired, preview.new, preview.unchanged) == (
        ["a"], ["b"], ["d"], ["c"])
    install_deck(db, v2, clock)
    assert study.repo.state(a_id) == state_after_answer
    assert db.execute("SELECT front FROM items WHERE id = ?", [a_id]).fetchone()[0] == (
        "edited front")
    assert db.execute("SELECT count(*) FROM reviews WHERE item_id = ?", [a_id]).fetchone()[0] == 1
    retired = db.execute(
        "SELECT i.retired, s.active FROM items i JOIN item_state s ON s.item_id = i.id "
        "WHERE key = 'b'").fetchone()
    assert tuple(retired) == (1, 0)
    assert study.counts("d").new == 2  # c and d; b is hidden

    v3 = deck("3", card("a", "edited front"), card("b"), card("c"), card("d"))
    assert plan_install(db, v3).restored == ["b"]
    install_deck(db, v3, clock)
    assert study.counts("d").new == 3
    assert study.repo.state(a_id).phase == Phase.LEARNING
    assert list_decks(db)[0].version == "3"
    db.close()
