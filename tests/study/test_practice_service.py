"""Practice items in daily study: after the cards, marked against their rubric, rated
into FSRS with the reply kept, and shown beside the model the next time."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.errors import ItemChangedError
from trainer.domain.scheduling import Phase, Rating
from trainer.domain.settings import StudySettings
from trainer.study.service import ReviewSession


@pytest.fixture
def practice_services(tmp_path: Path, clock: FakeClock, settings: StudySettings,
              practice_decks: Path) -> Services:
    services = open_services(Config(tmp_path / "data"), clock, settings, practice_decks)
    yield services  # type: ignore[misc]
    services.close()


def to_practice(session: ReviewSession) -> None:
    """Answer the deck's cards Good until a practice item is on screen."""
    while session.current is not None and not session.current.is_practice:
        session.answer(Rating.GOOD)


def test_practice_items_come_after_the_cards_and_count_as_new(
        practice_services: Services) -> None:
    study = practice_services.study
    assert study.counts("say-it").new == 4
    session = study.start("say-it")
    order = []
    while session.current is not None and session.current.state.phase == Phase.NEW:
        order.append((session.current.key, session.current.kind))
        if session.current.is_practice:
            practice_services.practice.answer(session, "My reply", {"question"})
            session.next()
        else:
            session.answer(Rating.EASY)
    assert order == [("c-one", "card"), ("c-two", "card"), ("p-wrong-fact", "practice"),
                     ("p-conclusion", "practice")]


def test_a_marked_reply_is_rated_by_checks_met_and_kept(
        practice_services: Services, clock: FakeClock) -> None:
    services = practice_services
    session = services.study.start("say-it")
    to_practice(session)
    shown = services.practice.shown(session)
    assert shown.item.id == "p-wrong-fact" and shown.previous == ()
    clock.advance(timedelta(seconds=40))
    result = services.practice.answer(session, "  Can I push back? It runs on phones.  ",
                                      {"permission", "fact"})
    assert (result.rating, result.met, result.total) == (Rating.HARD, 2, 3)
    assert [c.id for c in result.missed] == ["question"]
    row = services.db.execute(
        "SELECT p.mode, p.reply, p.met, p.checks, p.rating, p.duration_ms, r.rating, "
        "p.deck_version FROM practice_replies p JOIN reviews r ON r.id = p.review_id"
    ).fetchone()
    assert row == ("typed", "Can I push back? It runs on phones.", '["permission", "fact"]',
                   '["permission", "fact", "question"]', 2, 40_000, 2, "1")


def test_said_aloud_keeps_no_text_and_unknown_checks_are_refused(
        practice_services: Services) -> None:
    services = practice_services
    session = services.study.start("say-it")
    to_practice(session)
    with pytest.raises(ValueError, match="not checks of this item: typo"):
        services.practice.answer(session, None, {"typo"})
    result = services.practice.answer(session, None, {"permission", "fact", "question"})
    assert result.rating == Rating.GOOD
    assert services.db.execute("SELECT mode, reply FROM practice_replies").fetchall() == [
        ("aloud", None)]


def test_weak_practice_comes_back_sooner_than_good_practice(
        practice_services: Services) -> None:
    services = practice_services
    session = services.study.start("say-it")
    to_practice(session)
    weak = services.practice.answer(session, "um", set())
    session.next()
    assert session.current is not None and session.current.key == "p-conclusion"
    good = services.practice.answer(session, "Can I offer another view?",
                                    {"warning", "reason", "question", "calm"})
    assert weak.rating == Rating.AGAIN and good.rating == Rating.GOOD
    assert weak.due is not None and good.due is not None and weak.due < good.due


def test_next_time_the_last_reply_is_shown_and_undo_keeps_the_text(
        practice_services: Services, clock: FakeClock) -> None:
    services = practice_services
    session = services.study.start("say-it")
    to_practice(session)
    services.practice.answer(session, "First try", {"permission"})
    session.next()
    # Undo takes the rating back; what the rep wrote stays, no longer counted.
    back = session.undo()
    assert back is not None and back.key == "p-wrong-fact"
    assert services.db.execute("SELECT count(*) FROM reviews WHERE item_id = ?",
                               [back.item_id]).fetchone()[0] == 0
    shown = services.practice.shown(session)
    assert [(r.reply, r.counted) for r in shown.previous] == [("First try", False)]
    clock.advance(timedelta(minutes=1))
    services.practice.answer(session, "Second try", {"permission", "fact", "question"})
    replies = services.practice.previous(back.item_id)
    assert [(r.reply, r.counted, r.rating) for r in replies] == [
        ("Second try", True, Rating.GOOD), ("First try", False, Rating.AGAIN)]


def test_an_item_answered_elsewhere_meanwhile_writes_nothing(
        practice_services: Services, tmp_path: Path, clock: FakeClock,
        settings: StudySettings) -> None:
    services = practice_services
    session = services.study.start("say-it")
    to_practice(session)
    other = services.study.start("say-it")
    assert other.current is not None and other.current.key == "p-wrong-fact"
    services.practice.answer(other, "From the other window", {"permission"})
    with pytest.raises(ItemChangedError):
        services.practice.answer(session, "Stale", {"permission"})
    assert services.db.execute("SELECT reply FROM practice_replies").fetchall() == [
        ("From the other window",)]
