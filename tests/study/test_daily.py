"""Daily study's one owner: the next thing to show whatever its kind (cards, due quiz
questions, practice items after the cards), answers to each, the count of answers,
undo across kinds, and the end of the day's work."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.errors import ItemChangedError
from trainer.domain.scheduling import Rating
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings
from trainer.study.daily import CardStep, DailyStudy, DayDone, PracticeStep, QuestionStep, Step


def opened(tmp_path: Path, clock: FakeClock, settings: StudySettings,
           decks: Path) -> Iterator[Services]:
    services = open_services(Config(tmp_path / "data"), clock, settings, decks)
    yield services
    services.close()


@pytest.fixture
def practising(tmp_path: Path, clock: FakeClock, settings: StudySettings,
               practice_decks: Path) -> Iterator[Services]:
    """Deck "say-it": two cards, then two practice items."""
    yield from opened(tmp_path, clock, settings, practice_decks)


@pytest.fixture
def quizzing(tmp_path: Path, clock: FakeClock, settings: StudySettings,
             quiz_decks: Path) -> Iterator[Services]:
    """Deck "qdeck": one card and a quiz of six questions."""
    for services in opened(tmp_path, clock, settings, quiz_decks):
        services.quizzes.rng = random.Random(0)
        yield services


def key(step: Step) -> str:
    """The item a step shows, by its key in the deck."""
    if isinstance(step, CardStep | QuestionStep):
        return step.shown.key
    if isinstance(step, PracticeStep):
        return step.practice.item.id
    return "(done)"


def showing(daily: DailyStudy) -> Step:
    """What is on screen now (read afresh: an answer changes it)."""
    return daily.current


def miss_in_a_quiz(services: Services, clock: FakeClock) -> None:
    """Answer q-single wrong in a quiz, so it is due again in daily study minutes later."""
    run = services.quizzes.start("qdeck", "mixed", only=["q-single"])
    run.answer(Response(chosen=("a",)), 2)
    run.finish()
    clock.advance(timedelta(minutes=5))


def test_cards_first_then_practice_items_each_as_its_own_kind(practising: Services) -> None:
    daily = practising.daily("say-it")
    assert daily.title == "Say it" and daily.credits["src"].startswith("A test article")
    steps: list[Step] = []
    # Until an item comes up a second time (a practice item rated Again, minutes away).
    while key(step := daily.current) not in [key(s) for s in steps]:
        steps.append(step)
        if isinstance(step, CardStep):
            daily.rate(Rating.EASY)
        else:
            assert isinstance(step, PracticeStep)
            daily.reply("My reply", {"question"})
    assert [(s.kind, key(s)) for s in steps] == [
        ("card", "c-one"), ("card", "c-two"), ("practice", "p-wrong-fact"),
        ("practice", "p-conclusion")]
    # The counts line goes with each card: what is left today, this card included.
    assert [s.counts.new for s in steps if isinstance(s, CardStep)] == [4, 3]
    assert daily.answered == 4


def test_a_due_question_then_the_card_then_the_end_of_the_day(
        quizzing: Services, clock: FakeClock) -> None:
    miss_in_a_quiz(quizzing, clock)
    daily = quizzing.daily("qdeck")
    step = daily.current
    assert isinstance(step, QuestionStep) and step.asked.question.id == "q-single"
    assert step.asked.certainty  # asked in daily study so a right answer can be Easy
    with pytest.raises(RuntimeError):
        daily.rate(Rating.GOOD)  # a question is not rated like a card
    feedback = daily.answer_question(Response(chosen=("b",)), 3)
    assert feedback.correct
    assert daily.current is step and daily.answered == 1  # the feedback is read first
    card = daily.go_on()
    assert isinstance(card, CardStep) and card.shown.key == "c1"
    assert (card.counts.new, card.counts.learning, card.counts.review) == (1, 0, 0)
    assert set(daily.intervals()) == set(Rating)
    clock.advance(timedelta(seconds=20))
    done = daily.rate(Rating.EASY)
    assert isinstance(done, DayDone) and showing(daily) is done
    assert done.summary.answered == 2 and daily.answered == 2
    assert done.summary.by_rating[Rating.EASY] == 2
    assert done.now == clock() and done.summary.next_due is not None


def test_undo_goes_back_across_kinds_and_stops_at_the_first_answer(
        quizzing: Services, clock: FakeClock) -> None:
    miss_in_a_quiz(quizzing, clock)
    daily = quizzing.daily("qdeck")
    assert not daily.can_undo() and daily.undo() is None
    daily.answer_question(Response(chosen=("b",)), 2)
    daily.go_on()
    assert isinstance(daily.rate(Rating.GOOD), CardStep)  # Good: the card again soon
    assert daily.answered == 2 and daily.can_undo()

    back = daily.undo()
    assert isinstance(back, CardStep) and back.shown.key == "c1" and daily.current is back
    assert back.counts.new == 1  # new again
    back = daily.undo()
    assert isinstance(back, QuestionStep) and back.asked.question.id == "q-single"
    assert daily.answered == 0 and not daily.can_undo()
    assert quizzing.db.execute(
        "SELECT count(*) FROM quiz_answers WHERE attempt_id IS NULL").fetchone()[0] == 0


def test_a_practice_reply_is_rated_and_undone_keeping_the_text(practising: Services) -> None:
    daily = practising.daily("say-it")
    daily.rate(Rating.EASY)
    daily.rate(Rating.EASY)
    result, step = daily.reply("Can I push back? It runs on phones.", {"permission", "fact"})
    assert (result.rating, result.met, result.total) == (Rating.HARD, 2, 3)
    assert [c.id for c in result.missed] == ["question"]
    assert isinstance(step, PracticeStep) and step.practice.item.id == "p-conclusion"
    back = daily.undo()
    assert isinstance(back, PracticeStep) and back.practice.item.id == "p-wrong-fact"
    # The reply it got stays, shown as the last one, no longer counted.
    assert [(r.reply, r.counted) for r in back.practice.previous] == [
        ("Can I push back? It runs on phones.", False)]
    assert daily.answered == 2


def test_an_item_answered_elsewhere_meanwhile_is_shown_as_it_is_now(
        practising: Services) -> None:
    daily = practising.daily("say-it")
    other = practising.daily("say-it")  # a second sitting on the same deck
    first = daily.current
    assert isinstance(first, CardStep)
    other.rate(Rating.EASY)
    with pytest.raises(ItemChangedError):
        daily.rate(Rating.AGAIN)
    now = daily.current
    assert isinstance(now, CardStep) and now.shown.item_id == first.shown.item_id
    assert now.shown.state != first.shown.state and daily.answered == 0

    daily.rate(Rating.EASY)  # the card as it is now is answered
    daily.rate(Rating.EASY)
    assert isinstance(daily.current, PracticeStep) and daily.answered == 2
    other = practising.daily("say-it")
    assert key(other.current) == key(daily.current) == "p-wrong-fact"
    other.reply("From the other window", {"permission"})
    with pytest.raises(ItemChangedError):
        daily.reply("Stale", {"permission"})
    assert isinstance(daily.current, PracticeStep) and daily.answered == 2
    assert daily.current.practice.previous[0].reply == "From the other window"
    assert practising.db.execute("SELECT reply FROM practice_replies").fetchall() == [
        ("From the other window",)]


def test_nothing_due_is_the_end_of_the_day_at_once_and_finishing_records_it(
        quizzing: Services, clock: FakeClock) -> None:
    daily = quizzing.daily("qdeck")
    card = daily.current
    assert isinstance(card, CardStep)
    daily.rate(Rating.EASY)
    later = quizzing.daily("qdeck")
    done = later.current
    assert isinstance(done, DayDone) and done.summary.answered == 0
    # The deck's one card is next due days away: from the start of that study day.
    due = quizzing.study.repo.state(card.shown.item_id).due
    assert due is not None and done.summary.next_due == quizzing.study.day(due).start
    clock.advance(timedelta(minutes=3))
    later.finish()
    ended = quizzing.db.execute("SELECT ended_at FROM sessions WHERE id = ?",
                                [later.session.session_id]).fetchone()[0]
    assert ended is not None
    quizzing.close()
    daily.finish()  # the profile closed under it (a restore): nothing to record, no error


def test_an_unknown_deck_is_refused(quizzing: Services) -> None:
    with pytest.raises(KeyError):
        DailyStudy(quizzing.study, lambda: quizzing.quizzes, lambda: quizzing.practice, "nope")
