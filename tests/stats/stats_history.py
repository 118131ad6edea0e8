"""The study history the statistics tests measure, built through the real services."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.domain.scheduling import ItemState, Rating
from trainer.domain.scoring import Response

DATA = Path(__file__).resolve().parents[1] / "data"
# Wrong on purpose: a confident mistake and an unsure one.
WRONG = {"q-single": Response(chosen=("a",)), "q-tf": Response(truth=True)}
CERTAINTY = {"q-single": 3, "q-tf": 1}
ANSWER_MS = 8000
QUESTION_SECONDS = 20


@dataclass
class History:
    """The profile and what was done on which day (dates are study days; in UTC with
    the day starting at 4 am, a noon answer falls on its own calendar date)."""

    services: Services
    clock: FakeClock
    data_dir: Path
    first_day: date
    young_day: date = date.min  # cards A and B reviewed while young
    lapse_day: date = date.min  # card A forgotten while mature, then relearned
    intervals: dict[str, int] = field(default_factory=dict)


def _item(services: Services, deck: str, key: str) -> int:
    row = services.db.execute("SELECT id FROM items WHERE deck_id = ? AND key = ?",
                              [deck, key]).fetchone()
    return int(row[0])


def _days(state: ItemState) -> int:
    assert state.due is not None and state.last_review is not None
    return (state.due - state.last_review).days


def _answer(services: Services, item: int, rating: Rating, at: datetime) -> ItemState:
    return services.study.answer(item, rating, now=at, duration_ms=ANSWER_MS)


def build_history(services: Services, clock: FakeClock,
                  right_answers: dict[str, Response]) -> History:
    """Day 0: cards A and B answered Easy, card C through its learning steps, the mixed
    quiz taken with certainty, the self-check. Day 1: the quiz's six questions, all
    still learning, answered right in daily study; the self-check again. A and B come back young (A
    Good, B Hard); A comes back mature and is forgotten, then relearned."""
    start = clock()
    history = History(services, clock, Path(), start.date())
    a, b, c = (_item(services, "cards", k) for k in ("p01", "p02", "p03"))
    state_a = _answer(services, a, Rating.EASY, start)
    state_b = _answer(services, b, Rating.EASY, start)
    _answer(services, c, Rating.AGAIN, start + timedelta(minutes=1))
    _answer(services, c, Rating.GOOD, start + timedelta(minutes=2))
    _answer(services, c, Rating.GOOD, start + timedelta(minutes=12))

    clock.set(start + timedelta(minutes=20))
    services.quizzes.rng = random.Random(1)
    run = services.quizzes.start("qdeck", "mixed")
    while (asked := run.current()) is not None:
        key = asked.question.id
        clock.advance(timedelta(seconds=QUESTION_SECONDS))
        run.answer(WRONG.get(key, right_answers[key]), CERTAINTY.get(key, 2))
        run.advance()
    run.finish()
    _self_check(services, clock, start + timedelta(hours=1), (4, 2, 4))

    clock.set(start + timedelta(days=1))
    session = services.study.start("qdeck")
    while (shown := session.current) is not None and shown.is_question:
        asked = services.quizzes.asked_in_review(session)
        clock.advance(timedelta(seconds=QUESTION_SECONDS))
        services.quizzes.answer_in_review(session, asked, right_answers[shown.key], 2)
        session.next()
    session.finish()
    _self_check(services, clock, start + timedelta(days=1, hours=1), (5, 1, 3))

    history.intervals["young"] = _days(state_a)
    assert _days(state_b) == _days(state_a)
    young_at = start + timedelta(days=_days(state_a))
    history.young_day = young_at.date()
    state_a = _answer(services, a, Rating.GOOD, young_at)
    _answer(services, b, Rating.HARD, young_at + timedelta(minutes=1))
    history.intervals["mature"] = _days(state_a)
    lapse_at = young_at + timedelta(days=_days(state_a))
    history.lapse_day = lapse_at.date()
    relearning = _answer(services, a, Rating.AGAIN, lapse_at)
    assert relearning.due is not None
    _answer(services, a, Rating.GOOD, relearning.due)
    clock.set(relearning.due + timedelta(minutes=5))
    return history


def _self_check(services: Services, clock: FakeClock, at: datetime,
                choices: tuple[int, ...]) -> None:
    clock.set(at)
    run = services.assessments.start("qdeck", "ready")
    for choice in choices:
        run.choose(choice)
    run.finish()
