"""A rep's history built through the real services, day by day, with the fake clock."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.content.deckfile import load_deck
from trainer.domain.scheduling import Rating
from trainer.domain.scoring import Response
from trainer.storage.decks_repo import install_deck

DATA = Path(__file__).resolve().parents[1] / "data"
# Wrong on purpose: a confident mistake and an unsure one.
WRONG = {"q-single": Response(chosen=("a",)), "q-tf": Response(truth=True)}
CERTAINTY = {"q-single": 3, "q-tf": 1}


@dataclass
class History:
    """The profile after three study days, and what was done on them."""

    services: Services
    clock: FakeClock
    data_dir: Path


def build_history(services: Services, clock: FakeClock,
                  right_answers: dict[str, Response]) -> None:
    """Day 1: the path is seen, the card studied, the quiz taken with certainty.
    Day 2: daily study (the card and the two missed questions). Day 3: the self-check."""
    services.paths.progress()  # the home screen shows the path: day 1 starts
    session = services.study.start("qdeck")
    clock.advance(timedelta(seconds=8))
    session.answer(Rating.GOOD)
    session.finish()

    services.quizzes.rng = random.Random(1)
    run = services.quizzes.start("qdeck", "mixed")
    while (asked := run.current()) is not None:
        key = asked.question.id
        clock.advance(timedelta(seconds=20))
        run.answer(WRONG.get(key, right_answers[key]), CERTAINTY.get(key, 2))
        run.advance()
    run.finish()

    clock.advance(timedelta(days=1))
    session = services.study.start("qdeck")
    while (shown := session.current) is not None:
        clock.advance(timedelta(seconds=5))
        if shown.is_question:  # the two missed questions are due again
            asked = services.quizzes.asked_in_review(session)
            services.quizzes.answer_in_review(session, asked, right_answers[shown.key], 2)
            session.next()
        else:
            session.answer(Rating.GOOD)
    session.finish()

    clock.advance(timedelta(days=1))
    assessment = services.assessments.start("qdeck", "ready")
    for choice in (4, 2, 4):
        assessment.choose(choice)
    assessment.finish()


def add_practice(history: History) -> None:
    """The practice test deck installed and practised: one reply typed and marked, one
    said aloud and then undone; and a card of the rep's own."""
    services, clock = history.services, history.clock
    install_deck(services.db, load_deck(DATA / "practice_deck.toml"), clock)
    services.study.forget_limits()
    session = services.study.start("say-it")
    while (shown := session.current) is not None and not shown.is_practice:
        session.answer(Rating.EASY)
    clock.advance(timedelta(seconds=45))
    services.practice.answer(session, "May I push back? It runs on phones.",
                             {"permission", "fact"})
    session.next()
    clock.advance(timedelta(seconds=30))
    services.practice.answer(session, None, {"warning"})
    session.next()
    session.undo()
    session.finish()
    services.browse.add_card("Buyer: we're locked in until May.", "Ask what May changes.")
    mine = services.study.start("my-cards")
    mine.answer(Rating.GOOD)
    mine.finish()
