"""Taking quizzes: results, certainty, FSRS ratings, resume, draw, shuffle, rescoring,
due questions in daily study, and self-assessments."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scheduling import Phase
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings
from trainer.study.quiz_service import QuizRun

DATA = Path(__file__).resolve().parents[1] / "data"

# The right answer to each question of tests/data/quiz_deck.toml.
RIGHT = {
    "q-single": Response(chosen=("b",)),
    "q-multi": Response(chosen=("a", "b")),
    "q-tf": Response(truth=False),
    "q-scenario": Response(chosen=("a",)),
    "q-match": Response(matches=("1", "2", "3")),
    "q-order": Response(order=("first", "second", "third", "fourth")),
}


@pytest.fixture
def svc(tmp_path: Path, clock: FakeClock, settings: StudySettings, quiz_decks: Path
        ) -> Iterator[Services]:
    s = open_services(Config(tmp_path / "data"), clock, settings, quiz_decks)
    s.quizzes.rng = random.Random(3)
    yield s
    s.close()


def answer_all(run: QuizRun, wrong: dict[str, tuple[Response, int]] | None = None,
               certainty: int = 2) -> None:
    while (asked := run.current()) is not None:
        key = asked.question.id
        response, sure = (wrong or {}).get(key, (RIGHT[key], certainty))
        run.answer(response, sure)
        run.advance()


def test_whole_quiz_results_certainty_and_topics(svc: Services, clock: FakeClock) -> None:
    run = svc.quizzes.start("qdeck", "mixed")
    assert run.total == 6 and run.current() is not None
    answer_all(run, {
        "q-scenario": (Response(chosen=("b",)), 3),   # partial credit, high certainty
        "q-tf": (Response(truth=True), 1),             # wrong, low certainty
    })
    result = run.finish()
    assert result.percent == pytest.approx(100 * (4 + 0.25) / 6, abs=0.1)
    assert result.passed  # pass mark 60
    assert result.accuracy == pytest.approx(4 / 6)
    # marks: four right at medium (+2 each), one wrong at high (-6), one wrong at low (0)
    assert result.certainty_score == pytest.approx((4 * 2 - 6 + 0) / 6)
    assert result.by_topic["pushing-back"] == pytest.approx(100 * 0.25 / 2, abs=0.1)
    assert result.by_topic["objections"] == 100.0
    missed = {m.question.id: m for m in result.missed}
    assert set(missed) == {"q-scenario", "q-tf"}
    assert missed["q-scenario"].confidently_wrong and not missed["q-tf"].confidently_wrong
    assert result.calibration is not None
    high = next(level for level in result.calibration.levels if level.level == 3)
    assert (high.answers, high.accuracy) == (1, 0.0)


def test_feedback_for_the_chosen_option_and_explanation(svc: Services) -> None:
    run = svc.quizzes.start("qdeck", "mixed")
    asked = run.current()
    assert asked is not None and asked.question.id == "q-single"  # shuffle = false
    feedback = run.answer(Response(chosen=("a",)), 3)
    assert not feedback.correct and feedback.marks == -6 and feedback.confidently_wrong
    assert [(o.id, text) for o, text in feedback.option_feedback] == [("a", "Not A.")]
    assert feedback.explanation == "B is best."
    with pytest.raises(ValueError, match="how sure"):
        run.advance()
        run.answer(RIGHT["q-multi"], None)


def test_answers_are_rated_into_fsrs(svc: Services, clock: FakeClock) -> None:
    run = svc.quizzes.start("qdeck", "mixed")
    answer_all(run, {"q-single": (Response(chosen=("a",)), 2),
                     "q-multi": (RIGHT["q-multi"], 3),
                     "q-tf": (RIGHT["q-tf"], 1)})
    ids = dict(svc.db.execute("SELECT key, id FROM items").fetchall())
    ratings = dict(svc.db.execute(
        "SELECT i.key, r.rating FROM reviews r JOIN items i ON i.id = r.item_id").fetchall())
    assert ratings["q-single"] == 1  # wrong -> Again
    assert ratings["q-tf"] == 2      # right, low certainty -> Hard
    assert ratings["q-scenario"] == 3  # right, medium -> Good
    assert ratings["q-multi"] == 4   # right, high -> Easy
    assert svc.study.repo.state(ids["q-multi"]).phase == Phase.REVIEW
    # Each raw answer is kept with the deck version and a link to its review.
    rows = svc.db.execute("SELECT response, certainty, deck_version, review_id IS NOT NULL "
                          "FROM quiz_answers ORDER BY position").fetchall()
    assert len(rows) == 6 and rows[0][1:] == (2, "1", 1)
    assert '"chosen": ["a"]' in rows[0][0]


def test_quit_mid_quiz_then_resume_or_discard(
        tmp_path: Path, clock: FakeClock, settings: StudySettings, quiz_decks: Path) -> None:
    first = open_services(Config(tmp_path / "data"), clock, settings, quiz_decks)
    run = first.quizzes.start("qdeck", "mixed")
    plan = [e["key"] for e in run.attempt.plan]
    for _ in range(2):
        asked = run.current()
        assert asked is not None
        run.answer(RIGHT[asked.question.id], 2)
        run.advance()
    first.close()  # the app is closed (or killed) here

    clock.advance(timedelta(minutes=1))
    again = open_services(Config(tmp_path / "data"), clock, settings, quiz_decks)
    reopened = clock()
    # The attempt was begun before this start; one begun since is not "interrupted".
    begun_now = again.quizzes.start("qdeck", "typed")
    assert [a.id for a in again.quizzes.open_attempts(started_before=reopened)] == [
        run.attempt.id]
    again.quizzes.discard(begun_now.attempt.id)
    [open_attempt] = again.quizzes.open_attempts()
    resumed = again.quizzes.resume(open_attempt.id)
    assert [e["key"] for e in resumed.attempt.plan] == plan
    assert resumed.position == 2 and len(resumed.answers) == 2
    answer_all(resumed)
    assert resumed.finish().percent == 100.0
    assert again.quizzes.open_attempts() == []

    other = again.quizzes.start("qdeck", "mixed")
    again.quizzes.discard(other.attempt.id)
    assert again.quizzes.open_attempts() == []
    again.close()


def test_draw_and_shuffle_with_pinned_options(tmp_path: Path, clock: FakeClock,
                                              settings: StudySettings, quiz_decks: Path) -> None:
    text = (quiz_decks / "quiz_deck.toml").read_text()
    text = text.replace("shuffle = false", "shuffle = true\ndraw = 3")
    text = text.replace('text = "bad"\nweight = -1', 'text = "bad"\nweight = -1\npin = true')
    (quiz_decks / "quiz_deck.toml").write_text(text)
    svc = open_services(Config(tmp_path / "data"), clock, settings, quiz_decks)
    seen_orders = set()
    for seed in range(12):
        svc.quizzes.rng = random.Random(seed)
        run = svc.quizzes.start("qdeck", "mixed", only=["q-multi"])
        asked = run.current()
        assert asked is not None
        assert asked.options[2].id == "c"  # pinned in third place
        seen_orders.add(tuple(o.id for o in asked.options))
        svc.quizzes.discard(run.attempt.id)
    assert len(seen_orders) == 2
    svc.quizzes.rng = random.Random(1)
    run = svc.quizzes.start("qdeck", "mixed")
    assert run.total == 3
    svc.close()


def test_retake_only_the_missed_questions(svc: Services) -> None:
    run = svc.quizzes.start("qdeck", "mixed")
    answer_all(run, {"q-match": (Response(matches=("2", "1", "3")), 2)})
    missed = [m.question.id for m in run.finish().missed]
    retry = svc.quizzes.start("qdeck", "mixed", only=missed, kind="missed")
    assert [e["key"] for e in retry.attempt.plan] == ["q-match"]


def test_a_corrected_key_rescores_stored_answers(
        tmp_path: Path, clock: FakeClock, settings: StudySettings, quiz_decks: Path) -> None:
    svc = open_services(Config(tmp_path / "data"), clock, settings, quiz_decks)
    run = svc.quizzes.start("qdeck", "mixed")
    answer_all(run, {"q-tf": (Response(truth=True), 2)})
    assert run.finish().percent < 100
    svc.close()
    fixed = (quiz_decks / "quiz_deck.toml").read_text().replace("answer = false", "answer = true")
    (quiz_decks / "quiz_deck.toml").write_text(fixed.replace('version = "1"', 'version = "2"'))
    svc = open_services(Config(tmp_path / "data"), clock, settings, quiz_decks)
    assert svc.quizzes.result(run.attempt.id).percent == 100.0
    svc.close()


def test_wrong_questions_come_back_in_daily_study(svc: Services, clock: FakeClock) -> None:
    run = svc.quizzes.start("qdeck", "mixed")
    # Sure and right: rated Easy, so those questions are days away. The wrong one is Again.
    answer_all(run, {"q-scenario": (Response(chosen=("c",)), 2)}, certainty=3)
    run.finish()
    clock.advance(timedelta(minutes=30))
    session = svc.study.start("qdeck")
    shown = session.current
    assert shown is not None and shown.is_question and shown.key == "q-scenario"
    asked = svc.quizzes.asked_in_review(session)
    feedback = svc.quizzes.answer_in_review(session, asked, Response(chosen=("a",)), 3)
    assert feedback.correct
    row = svc.db.execute("SELECT rating, session_id FROM reviews ORDER BY id DESC").fetchone()
    assert tuple(row) == (4, session.session_id)
    nxt = session.next()
    assert nxt is not None and nxt.key == "c1"  # then the deck's new card
    # Undo takes the question's answer back, with its raw answer row.
    session.undo()
    session.undo()
    assert svc.db.execute("SELECT count(*) FROM quiz_answers WHERE attempt_id IS NULL"
                          ).fetchone()[0] == 0


def test_self_assessment_twice_shows_change_and_quiz_accuracy(svc: Services,
                                                              clock: FakeClock) -> None:
    run = svc.assessments.start("qdeck", "ready")
    assert [s.id for s in run.assessment.statements] == ["s1", "s2", "s3"]
    for choice in (3, 3, 2):
        run.choose(choice)
    assert run.done
    reports = {r.result.dimension.id: r for r in run.finish()}
    assert reports["courage"].result.score == 50.0 and reports["courage"].previous is None
    assert reports["courage"].result.band is not None
    assert reports["courage"].result.band.label == "Hesitant"
    assert "answer at least 3 quiz questions" in reports["courage"].comparison()

    quiz = svc.quizzes.start("qdeck", "mixed")  # two pushing-back questions
    answer_all(quiz, {"q-tf": (Response(truth=True), 2)})
    quiz2 = svc.quizzes.start("qdeck", "mixed", only=["q-tf", "q-scenario"])
    answer_all(quiz2)

    clock.advance(timedelta(days=7))
    again = svc.assessments.start("qdeck", "ready")
    for choice in (5, 2, 4):
        again.choose(choice)
    reports = {r.result.dimension.id: r for r in again.finish()}
    courage = reports["courage"]
    assert courage.result.score == 87.5 and courage.previous == 50.0 and courage.change == 37.5
    assert courage.result.band is not None and courage.result.band.label == "Ready"
    assert courage.quiz_answers == 4 and courage.quiz_accuracy == 0.75
    assert courage.comparison() == (
        "You rate yourself 88 on courage; your quiz accuracy there is 75%.")
    assert reports["method"].quiz_accuracy is None  # the dimension names no topic


def test_the_import_preview_says_when_a_corrected_key_marks_answers_again(
        tmp_path: Path, clock: FakeClock, settings: StudySettings, quiz_decks: Path) -> None:
    empty = tmp_path / "no-builtin"
    empty.mkdir()
    deck_file = tmp_path / "quiz_deck.toml"
    deck_file.write_text((quiz_decks / "quiz_deck.toml").read_text())
    svc = open_services(Config(tmp_path / "data"), clock, settings, empty)
    try:
        svc.imports.apply(svc.imports.prepare(deck_file))
        run = svc.quizzes.start("qdeck", "mixed")
        answer_all(run, {"q-tf": (Response(truth=True), 2)})
        before = run.finish().percent
        fixed = deck_file.read_text().replace("answer = false", "answer = true")
        deck_file.write_text(fixed.replace('version = "1"', 'version = "2"'))
        plan = svc.imports.prepare(deck_file)
        [change] = plan.changes
        assert change.plan.remarked == {"q-tf": 1}
        assert any("a corrected answer key marks 1 answer already given again (questions "
                   "q-tf)" in line for line in plan.summary())
        tf = next(i for i in plan.to_json()["decks"][0]["items"]  # type: ignore[index]
                  if i["id"] == "q-tf")
        assert tf["answers_remarked"] == 1
        assert svc.quizzes.result(run.attempt.id).percent == before  # nothing written yet
        svc.imports.apply(plan)
        assert svc.quizzes.result(run.attempt.id).percent == 100.0
        # An update that changes no key says nothing of the kind.
        deck_file.write_text(deck_file.read_text().replace('version = "2"', 'version = "3"'))
        again = svc.imports.prepare(deck_file)
        assert again.changes[0].plan.remarked == {}
    finally:
        svc.close()
