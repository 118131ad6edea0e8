"""What each question type asks of a question: its own fields and options are read, and
every field of another type is refused with its line and the question's id."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.content.deckfile import parse_deck_bytes
from trainer.content.question_rules import QUESTION_RULES
from trainer.domain.quiz import QuestionType

HEAD = ('format = 1\n[deck]\nid = "d"\ntitle = "D"\nversion = "1"\ntopic = "t"\n'
        '[[quizzes]]\nid = "z"\ntitle = "Z"\n')
# A good question of every type: its fields, then its [[quizzes.questions.options]]
# or [[quizzes.questions.pairs]].
GOOD = {
    "single": ('', ['text = "A"', 'text = "B"\ncorrect = true']),
    "multiple": ('', ['text = "A"\nweight = 0.5', 'text = "B"\nweight = 0.5',
                      'text = "C"\nweight = -1']),
    "truefalse": ('answer = true\nfeedback_true = "Yes."\nfeedback_false = "No."\n', []),
    "scenario": ('situation = "On a call."\n', ['text = "A"\nscore = 1',
                                                'text = "B"\nscore = 0.5']),
    "matching": ('distractors = ["3"]\n', ['left = "a"\nright = "1"',
                                           'left = "b"\nright = "2"']),
    "ordering": ('steps = ["x", "y"]\n', []),
    "shortanswer": ('', ['text = "yes"']),
    "numerical": ('', ['number = 3\ntolerance = 0.5', 'text = "*"\nscore = 0']),
}
# A field of one type, as another type would wrongly carry it, and the type it belongs to.
FOREIGN = {
    "answer": ("answer = true\n", "truefalse"),
    "feedback_true": ('feedback_true = "Yes."\n', "truefalse"),
    "feedback_false": ('feedback_false = "No."\n', "truefalse"),
    "pairs": ('pairs = []\n', "matching"),
    "distractors": ('distractors = ["x"]\n', "matching"),
    "steps": ('steps = ["x", "y"]\n', "ordering"),
    "situation": ('situation = "On a call."\n', "scenario"),
}


def question(kind: str, extra: str = "", options: list[str] | None = None) -> str:
    """A deck with one question of ``kind``, ``extra`` among its fields."""
    fields, tables = GOOD[kind]
    block = "quizzes.questions.pairs" if kind == "matching" else "quizzes.questions.options"
    written = "".join(f"[[{block}]]\n{t}\n" for t in (tables if options is None else options))
    return (f'{HEAD}[[quizzes.questions]]\nid = "q"\ntype = "{kind}"\nprompt = "P?"\n'
            f"{fields}{extra}{written}")


def problems(text: str) -> list[str]:
    return [str(p) for p in parse_deck_bytes(text.encode(), Path("q.toml")).problems]


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_every_question_type_has_a_rule() -> None:
    assert set(QUESTION_RULES) == set(QuestionType)


@pytest.mark.parametrize("kind", list(GOOD))
def test_a_good_question_of_each_type_loads(kind: str) -> None:
    assert problems(question(kind)) == []


@pytest.mark.parametrize(("kind", "key"), [(kind, key) for kind in GOOD for key in FOREIGN
                                           if FOREIGN[key][1] != kind])
def test_each_type_refuses_the_fields_of_the_others(kind: str, key: str) -> None:
    written, owner = FOREIGN[key]
    text = question(kind, written)
    assert problems(text) == [f"q.toml:{line_of(text, key)} [q]: error: "
                              f"'{key}' belongs to {owner} questions only"]


@pytest.mark.parametrize("kind", ["truefalse", "matching", "ordering"])
def test_types_without_options_refuse_them(kind: str) -> None:
    text = question(kind) + '[[quizzes.questions.options]]\ntext = "A"\n'
    assert problems(text) == [f"q.toml:{line_of(text, '[[quizzes.questions]]')} [q]: error: "
                              f"a {kind} question does not use [[quizzes.questions.options]]"]


CREDIT = {"single": "correct", "multiple": "weight", "scenario": "score",
          "shortanswer": "score", "numerical": "score"}
CREDIT_VALUE = {"correct": "correct = false", "weight": "weight = 0", "score": "score = 0"}


@pytest.mark.parametrize(("kind", "other"), [(kind, other) for kind in CREDIT
                                             for other in CREDIT_VALUE
                                             if other != CREDIT[kind]])
def test_an_option_refuses_the_credit_field_of_other_types(kind: str, other: str) -> None:
    first, *rest = GOOD[kind][1]
    text = question(kind, options=[first, *rest, f'{first}\n{CREDIT_VALUE[other]}'
                                   .replace("correct = true\n", "")])
    [problem] = [p for p in problems(text) if "is not used by" in p]
    assert problem == (f"q.toml:{len(text.splitlines())} [q]: error: '{other}' is not "
                       f"used by {kind} questions; use '{CREDIT[kind]}'")


@pytest.mark.parametrize("kind", ["single", "multiple", "scenario", "shortanswer"])
@pytest.mark.parametrize("key", ["number", "tolerance", "min", "max"])
def test_only_numerical_options_take_numbers(kind: str, key: str) -> None:
    first, *rest = GOOD[kind][1]
    text = question(kind, options=[f"{first}\n{key} = 1", *rest])
    assert problems(text) == [f"q.toml:{line_of(text, key)} [q]: error: '{key}' belongs to "
                              "the options of numerical questions only"]


@pytest.mark.parametrize(("kind", "options", "problem"), [
    ("single", ['text = "A"'],
     "a single question needs at least two [[quizzes.questions.options]]"),
    ("single", ['text = "A"', 'text = "B"'],
     "a single question needs exactly one option with 'correct = true' (found 0)"),
    ("scenario", ['text = "A"\nscore = 0.5', 'text = "B"\nscore = 0'],
     "no response has the top score: at least one option needs 'score = 1' (the best is "
     "0.5)"),
    ("shortanswer", [],
     "a shortanswer question needs at least one accepted answer in "
     "[[quizzes.questions.options]]"),
    ("numerical", [],
     "a numerical question needs at least one accepted answer in "
     "[[quizzes.questions.options]]"),
    ("matching", ['left = "a"\nright = "1"'],
     "a matching question needs at least two [[quizzes.questions.pairs]]"),
    ("matching", ['left = "a"\nright = "1"', 'left = "b"\nright = "1"'],
     "two pairs share the same left or right text; each must differ"),
])
def test_what_a_type_asks_of_its_options(kind: str, options: list[str], problem: str) -> None:
    text = question(kind, options=options)
    assert problems(text) == [f"q.toml:{line_of(text, '[[quizzes.questions]]')} [q]: error: "
                              f"{problem}"]


@pytest.mark.parametrize(("kind", "key"), [("multiple", "weight"), ("scenario", "score")])
def test_each_option_needs_its_credit(kind: str, key: str) -> None:
    text = question(kind, options=[f'text = "A"\n{key} = 1', 'text = "B"'])
    assert problems(text) == [f"q.toml:{len(text.splitlines()) - 1} [q]: error: each option "
                              f"of a {kind} question needs '{key}' (from -1 to 1)"]


def test_credit_on_every_option_of_a_multiple_question_is_a_warning() -> None:
    text = question("multiple", options=['text = "A"\nweight = 0.5', 'text = "B"\nweight = 0.5'])
    assert problems(text) == [f"q.toml:{line_of(text, '[[quizzes.questions]]')} [q]: warning: "
                              "every option carries credit, so choosing all of them scores "
                              "full marks"]


@pytest.mark.parametrize(("kind", "bad", "key", "problem"), [
    ("truefalse", "answer = true", 'answer = "yes"',
     "a truefalse question needs 'answer = true' or 'answer = false'"),
    ("ordering", 'steps = ["x", "y"]', 'steps = ["x"]',
     "an ordering question needs 'steps' with at least two steps, in the right order"),
    ("ordering", 'steps = ["x", "y"]', 'steps = ["x", "x"]',
     "two steps have the same text; each step must differ"),
])
def test_what_a_type_asks_of_its_own_fields(kind: str, bad: str, key: str, problem: str) -> None:
    text = question(kind).replace(bad, key)
    assert problems(text) == [f"q.toml:{line_of(text, key.split()[0])} [q]: error: {problem}"]


def test_option_ids_are_checked() -> None:
    text = question("single", options=['id = "Bad"\ntext = "A"', 'id = "b"\ntext = "B"',
                                       'id = "b"\ntext = "C"\ncorrect = true'])
    ids = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("id = ")][3:]
    assert problems(text) == [
        f"q.toml:{ids[0]} [q]: error: option id 'Bad' may use only lowercase letters, "
        "digits, '.', '-' and '_'",
        f"q.toml:{ids[2]} [q]: error: option id 'b' is used twice in this question"]
