"""Readiness a trainer can trust: a rep who failed the quiz, or has seen half the cards,
reads as not ready even though their mastery (recall now, over what they have seen)
shows 100%; a rep who learned everything, kept it, passed the quiz and practised reads
ready. Each rep is made through the app's own services and read from their export."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.readiness import Readiness
from trainer.domain.scheduling import Rating
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings
from trainer.reports.cohort import load_cohort, rubric_misses
from trainer.reports.cohort_model import LearnerReport
from trainer.reports.progress_export import build_export, export_text

CARDS = 10
DECK = '''format = 1
[deck]
id = "calls"
title = "Calls"
version = "1"
topic = "calls"
''' + "".join(f'''
[[cards]]
id = "c{n}"
front = "Front {n}"
back = "Back {n}"
''' for n in range(CARDS)) + '''
[[practice]]
id = "p1"
situation = "A discovery call."
prospect = "We already have a supplier."
model = "What would have to change for you to look again?"
[[practice.checks]]
id = "question"
text = "Asked a question"
[[practice.checks]]
id = "no-argue"
text = "Did not argue"
[[practice.checks]]
id = "curious"
text = "Stayed curious"

[[quizzes]]
id = "q"
title = "Calls quiz"
certainty = false
''' + "".join(f'''
[[quizzes.questions]]
id = "q{n}"
type = "single"
prompt = "Question {n}?"
[[quizzes.questions.options]]
text = "Right {n}"
correct = true
[[quizzes.questions.options]]
text = "Wrong {n}"
''' for n in range(11))

Rep = Callable[[Services, FakeClock], None]


def study_all(services: Services, clock: FakeClock, limit: int = CARDS,
              rating: Rating = Rating.EASY) -> None:
    session = services.study.start("calls")
    done = 0
    while (shown := session.current) is not None and done < limit:
        if shown.is_practice:
            break
        session.answer(rating)
        done += 1
    session.finish()


def keep_reviewing(services: Services, clock: FakeClock) -> None:
    """Months of reviews on time, so the memories last."""
    for _ in range(6):
        clock.advance(timedelta(days=60))
        session = services.study.start("calls")
        while (shown := session.current) is not None and shown.kind == "card":
            session.answer(Rating.GOOD)
        session.finish()


def take_quiz(services: Services, right: int) -> None:
    run = services.quizzes.start("calls", "q")
    while (asked := run.current()) is not None:
        options = {o.text.split()[0]: o.id for o in asked.options}
        n = int(asked.question.id[1:])
        run.answer(Response(chosen=(options["Right" if n < right else "Wrong"],)), None)
        run.advance()
    run.finish()


def practise(services: Services, met: set[str]) -> None:
    session = services.study.start("calls")
    while (shown := session.current) is not None and not shown.is_practice:
        session.answer(Rating.GOOD)
    assert session.current is not None
    services.practice.answer(session, "What would need to change?", met)
    session.finish()


def failed_the_quiz(services: Services, clock: FakeClock) -> None:
    study_all(services, clock)
    practise(services, {"question", "no-argue", "curious"})
    take_quiz(services, right=1)  # 1 of 11: 9%


def half_the_cards(services: Services, clock: FakeClock) -> None:
    study_all(services, clock, limit=CARDS // 2)


def prepared(services: Services, clock: FakeClock) -> None:
    study_all(services, clock)
    keep_reviewing(services, clock)
    practise(services, {"question", "no-argue", "curious"})
    take_quiz(services, right=11)


@pytest.fixture
def report(tmp_path: Path, clock: FakeClock, settings: StudySettings
           ) -> Callable[[Rep], LearnerReport]:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "calls.toml").write_text(DECK, encoding="utf-8")
    exports = tmp_path / "exports"
    exports.mkdir()

    def make(rep: Rep) -> LearnerReport:
        name = rep.__name__
        rep_clock = FakeClock(clock())
        services = open_services(Config(tmp_path / name), rep_clock, settings, decks)
        try:
            rep(services, rep_clock)
            data = build_export(services.db, rep_clock, name, settings=settings)
        finally:
            services.close()
        path = exports / f"{name}.json"
        path.write_text(export_text(data), encoding="utf-8")
        (learner,) = load_cohort([path], workers=1).learners
        return learner

    return make


def test_the_rep_who_failed_the_quiz_is_not_ready(report: Callable[[Rep], LearnerReport]
                                                  ) -> None:
    learner = report(failed_the_quiz)
    assert learner.topics["calls"].shown_mastery == pytest.approx(1.0, abs=0.01)
    ready = learner.readiness["calls"]
    assert ready.quiz == pytest.approx(1 / 11)
    assert (ready.verdict, ready.weakest) == ("not ready", "quiz")
    assert ready.practice == 1.0


def test_the_rep_who_has_seen_half_the_cards_is_not_ready(
        report: Callable[[Rep], LearnerReport]) -> None:
    learner = report(half_the_cards)
    assert learner.topics["calls"].shown_mastery == pytest.approx(1.0, abs=0.01)
    ready = learner.readiness["calls"]
    assert (ready.cards, ready.cards_seen) == (CARDS, CARDS // 2)
    assert ready.recall is not None and ready.recall <= 0.5
    # Never took the quiz, never practised: both parts are 0, not missing.
    assert (ready.quiz, ready.practice) == (0.0, 0.0)
    assert ready.verdict == "not ready"


def test_the_prepared_rep_is_ready(report: Callable[[Rep], LearnerReport]) -> None:
    ready = report(prepared).readiness["calls"]
    assert ready.recall is not None and ready.recall >= 0.8
    assert (ready.quiz, ready.practice, ready.verdict) == (1.0, 1.0, "ready")


def test_readiness_looks_ahead_a_first_study_is_not_enough(
        report: Callable[[Rep], LearnerReport]) -> None:
    def crammed(services: Services, clock: FakeClock) -> None:
        study_all(services, clock, rating=Rating.GOOD)
        practise(services, {"question", "no-argue", "curious"})
        take_quiz(services, right=11)

    ready = report(crammed).readiness["calls"]
    assert ready.recall is not None and ready.recall < 0.8
    assert (ready.weakest, ready.verdict == "ready") == ("recall", False)


def test_rubric_checks_missed_most_across_reps(report: Callable[[Rep], LearnerReport]
                                               ) -> None:
    def argued(services: Services, clock: FakeClock) -> None:
        study_all(services, clock)
        practise(services, {"question"})

    def curious(services: Services, clock: FakeClock) -> None:
        study_all(services, clock)
        practise(services, {"question", "curious"})

    learners = [report(argued), report(curious)]
    misses = [(m.text, m.missed, m.asked, m.learners) for m in rubric_misses(learners)]
    assert misses == [("Did not argue", 2, 2, 2), ("Stayed curious", 1, 2, 1)]


def test_a_part_the_topic_has_nothing_for_is_left_out() -> None:
    # A topic with nothing of a kind leaves that part out of the weakest-part rule.
    only_cards = Readiness(recall=0.9, quiz=None, practice=None, cards=3, cards_seen=3)
    assert (only_cards.value, only_cards.verdict, only_cards.weakest) == (0.9, "ready",
                                                                         "recall")
    assert Readiness(None, None, None).verdict == "not ready"
    assert json.dumps(only_cards.parts) == '{"recall": 0.9}'
