"""Quizzes and self-assessments in deck files: good ones load, mistakes are all reported."""

from __future__ import annotations

from pathlib import Path

import pytest

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


PRICING = (DATA / "pricing_deck.toml").read_bytes()


def test_numerical_questions_distractors_and_tags_load() -> None:
    result = parse_deck_bytes(PRICING, Path("p.toml"))
    assert result.problems == []
    assert result.deck is not None
    margin, discount, first, terms = result.deck.quizzes[0].questions
    assert margin.type == QuestionType.NUMERICAL and margin.tags == ("margin", "maths")
    assert [(o.id, o.text, o.number, o.tolerance, o.value) for o in margin.options] == [
        ("a", "20 ± 0.5", 20.0, 0.5, 1.0), ("b", "25", 25.0, 0.0, 0.5),
        ("c", "*", None, 0.0, 0.0)]
    assert [(o.number, o.tolerance) for o in discount.options] == [(3.15, 0.0)]
    # A range is kept as Moodle keeps it: its middle, give or take half its width.
    assert [(o.text, o.number, o.tolerance) for o in first.options] == [("3 ± 2", 3.0, 2.0)]
    assert terms.distractors == ("cost / price",) and terms.tags == ("terms",)


def numerical(option: str) -> str:
    """The problems of a one-question quiz whose numerical option holds ``option``."""
    deck = ('format = 1\n[deck]\nid = "d"\ntitle = "D"\nversion = "1"\ntopic = "t"\n'
            '[[quizzes]]\nid = "z"\ntitle = "Z"\n[[quizzes.questions]]\nid = "n"\n'
            'type = "numerical"\nprompt = "How much?"\n'
            f'[[quizzes.questions.options]]\n{option}\n')
    return "\n".join(problems_of(deck.encode()))


def test_numerical_options_that_are_right() -> None:
    assert numerical("number = 3\ntolerance = 0.5") == ""
    assert numerical('text = "*"') == ""  # any number, full marks: allowed, as in Moodle


@pytest.mark.parametrize(("option", "problem"), [
    ('text = "three"', "has no 'text' but \"*\""),
    ("score = 1", "exactly one of"),
    ("number = 3\nmin = 1\nmax = 5", "(this one has 'number' and 'min'/'max')"),
    ("min = 1\nmax = 5\ntolerance = 1", "'tolerance' goes with 'number'"),
    ("min = 1", "missing 'max'"),
    ("min = 5\nmax = 1", "'min' (5) is more than 'max' (1)"),
    ("number = 3\ntolerance = -1", "'tolerance' is -1; it must be between 0 and 1e+15"),
    ('number = "3,5"', "'number' must be a number"),
    ("number = inf", "'number' is inf"),
    ("number = 3\npin = true", "'pin' is not used by numerical questions"),
    ("number = 3\nscore = 0.5", "no response has the top score"),
    ("number = 3\ncorrect = true", "'correct' is not used by numerical questions; use 'score'"),
])
def test_numerical_option_mistakes(option: str, problem: str) -> None:
    assert problem in numerical(option)


def test_numbers_and_distractors_belong_to_their_own_types() -> None:
    bad = GOOD.replace(b'text = "A"\n', b'text = "A"\nnumber = 3\n').replace(
        b'prompt = "Which is best?"', b'prompt = "Which is best?"\ndistractors = ["x"]')
    text = "\n".join(problems_of(bad))
    assert "'number' belongs to the options of numerical questions only" in text
    assert "'distractors' belongs to matching questions only" in text
    clash = PRICING.replace(b'distractors = ["cost / price"]',
                            b'distractors = ["cost / price", "(price - cost) / cost"]')
    assert "distractor '(price - cost) / cost' is also the answer of a pair" in "\n".join(
        problems_of(clash))
    twice = PRICING.replace(b'distractors = ["cost / price"]',
                            b'distractors = ["cost / price", "cost / price"]')
    assert "two distractors have the same text" in "\n".join(problems_of(twice))
