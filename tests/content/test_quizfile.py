"""Quizzes and self-assessments in deck files: good ones load, mistakes are all reported."""

from __future__ import annotations

from pathlib import Path

from trainer.content.deckfile import parse_deck_bytes
from trainer.domain.quiz import QuestionType

DATA = Path(__file__).resolve().parents[1] / "data"
GOOD = (DATA / "quiz_deck.toml").read_bytes()


def problems_of(text: bytes) -> list[str]:
    result = parse_deck_bytes(text, Path("q.toml"))
    return [str(p) for p in result.problems]


def test_every_question_type_loads() -> None:
    result = parse_deck_bytes(GOOD, Path("q.toml"))
    assert result.problems == []
    deck = result.deck
    assert deck is not None
    quiz = deck.quizzes[0]
    assert (quiz.id, quiz.pass_mark, quiz.certainty, quiz.shuffle) == ("mixed", 60, True, False)
    assert [qq.type for qq in quiz.questions] == [
        QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE,
        QuestionType.SCENARIO, QuestionType.MATCHING, QuestionType.ORDERING]
    single = quiz.questions[0]
    assert [o.id for o in single.options] == ["a", "b"]  # ids default to letters
    assert single.options[1].value == 1.0 and single.options[1].feedback == "Yes, B."
    assert single.topic == "objections" and single.source == "notes"
    assert quiz.questions[3].situation == "Late in a discovery call."
    assert quiz.questions[2].answer is False
    assert quiz.questions[5].steps == ("first", "second", "third", "fourth")
    assessment = deck.assessments[0]
    assert [d.id for d in assessment.dimensions] == ["courage", "method"]
    assert assessment.statements[1].reverse and len(assessment.scale) == 5
    assert assessment.dimensions[0].bands[0].links == ("quiz:mixed",)


def test_question_mistakes_are_each_reported_with_line_and_item() -> None:
    bad = (GOOD.replace(b'type = "single"', b'type = "essay"')
           .replace(b"weight = 0.5\n\n[[quizzes.questions.options]]\ntext = \"good two\"",
                    b"weight = 0.25\n\n[[quizzes.questions.options]]\ntext = \"good two\"")
           .replace(b"score = 1\n", b"score = 0.75\n")
           .replace(b'id = "q-order"', b'id = "c1"'))
    problems = problems_of(bad)
    text = "\n".join(problems)
    assert "unknown question type 'essay'" in text
    assert "[q-multi]" in text and "positive weights add up to 0.75" in text
    assert "[q-scenario]" in text and "no response has the top score" in text
    assert "id 'c1' is already used on line 15" in text
    unknown = next(p for p in problems if "essay" in p)
    assert unknown.startswith("q.toml:30 [q-single]")  # the line of its type


def test_single_needs_exactly_one_correct_and_draw_fits_the_pool() -> None:
    bad = GOOD.replace(b'text = "A"\n', b'text = "A"\ncorrect = true\n').replace(
        b"pass_mark = 60", b"pass_mark = 60\ndraw = 9")
    text = "\n".join(problems_of(bad))
    assert "exactly one option with 'correct = true' (found 2)" in text
    assert "'draw' is 9 but the quiz has only 6 questions" in text


def test_fields_in_the_wrong_type_of_question() -> None:
    bad = GOOD.replace(b'prompt = "Match them."', b'prompt = "Match them."\nanswer = true')
    bad = bad.replace(b"text = \"bad\"\nweight = -1", b"text = \"bad\"\nscore = -1")
    text = "\n".join(problems_of(bad))
    assert "'answer' belongs to truefalse questions only" in text
    assert "'score' is not used by multiple questions; use 'weight'" in text


def test_assessment_mistakes() -> None:
    bad = (GOOD.replace(b'dimension = "method"', b'dimension = "methods"')
           .replace(b'links = ["quiz:mixed"]', b'links = ["quiz:missing", "http://x"]')
           .replace(b"min = 60", b"min = 0"))
    text = "\n".join(problems_of(bad))
    assert "dimension 'methods' is not one of this assessment's dimensions" in text
    assert "link 'http://x' must be 'deck:ID' or 'quiz:ID'" in text
    assert "link 'quiz:missing' names no quiz in this deck" in text
    assert "two bands start at the same 'min'" in text
    assert "dimension 'method' has no statements" in text
