"""Scoring of every question type, certainty marks, calibration and the FSRS mapping."""

from __future__ import annotations

import pytest

from trainer.domain.assessment_scoring import score_assessment, statement_value
from trainer.domain.quiz import (
    Assessment,
    Band,
    Dimension,
    Option,
    Pair,
    Question,
    QuestionType,
    Statement,
)
from trainer.domain.scheduling import Rating
from trainer.domain.scoring import (
    Response,
    calibration,
    certainty_marks,
    is_correct,
    ordering_score,
    rating_for,
    raw_score,
    score,
)


def q(kind: QuestionType, **kw: object) -> Question:
    return Question("q", kind, "prompt", "t", **kw)  # type: ignore[arg-type]


SINGLE = q(QuestionType.SINGLE, options=(Option("a", "A", 0.0), Option("b", "B", 1.0)))
MULTI = q(QuestionType.MULTIPLE, options=(
    Option("a", "A", 0.5), Option("b", "B", 0.5), Option("c", "C", -1.0), Option("d", "D", -0.25)))
SCENARIO = q(QuestionType.SCENARIO, options=(
    Option("a", "best", 1.0), Option("b", "partial", 0.5), Option("c", "poor", -0.5)))


def test_single() -> None:
    assert score(SINGLE, Response(chosen=("b",))) == 1.0
    assert score(SINGLE, Response(chosen=("a",))) == 0.0
    assert score(SINGLE, Response()) == 0.0


def test_multiple_sums_weights_and_clips_to_zero_and_one() -> None:
    assert score(MULTI, Response(chosen=("a", "b"))) == 1.0
    assert score(MULTI, Response(chosen=("a",))) == 0.5
    assert score(MULTI, Response(chosen=("a", "d"))) == 0.25
    assert raw_score(MULTI, Response(chosen=("a", "c"))) == -0.5
    assert score(MULTI, Response(chosen=("a", "c"))) == 0.0
    assert score(MULTI, Response(chosen=("a", "a", "b"))) == 1.0  # a repeat counts once


def test_truefalse() -> None:
    tf = q(QuestionType.TRUEFALSE, answer=False)
    assert score(tf, Response(truth=False)) == 1.0
    assert score(tf, Response(truth=True)) == 0.0
    assert score(tf, Response()) == 0.0


def test_scenario_partial_credit_and_negative_scores() -> None:
    assert score(SCENARIO, Response(chosen=("a",))) == 1.0
    assert score(SCENARIO, Response(chosen=("b",))) == 0.5
    assert raw_score(SCENARIO, Response(chosen=("c",))) == -0.5
    assert score(SCENARIO, Response(chosen=("c",))) == 0.0
    assert not is_correct(0.5) and is_correct(1.0)


def test_matching_counts_pairs() -> None:
    m = q(QuestionType.MATCHING, pairs=(Pair("x", "1"), Pair("y", "2"), Pair("z", "3")))
    assert score(m, Response(matches=("1", "2", "3"))) == 1.0
    assert score(m, Response(matches=("1", "3", "2"))) == pytest.approx(1 / 3)
    assert score(m, Response(matches=("1",))) == pytest.approx(1 / 3)


def test_ordering_partial_credit_for_relative_order() -> None:
    steps = ("a", "b", "c", "d")
    assert ordering_score(steps, steps) == 1.0
    assert ordering_score(steps, ("d", "c", "b", "a")) == 0.0
    # one adjacent swap breaks one of the six pairs
    assert ordering_score(steps, ("b", "a", "c", "d")) == pytest.approx(5 / 6)
    assert ordering_score(steps, ("a", "b", "c")) == pytest.approx(3 / 6)  # d missing
    o = q(QuestionType.ORDERING, steps=steps)
    assert score(o, Response(order=("a", "c", "b", "d"))) == pytest.approx(5 / 6)


def test_certainty_based_marks_follow_gardner_medwin() -> None:
    assert [certainty_marks(True, c) for c in (1, 2, 3)] == [1, 2, 3]
    assert [certainty_marks(False, c) for c in (1, 2, 3)] == [0, -2, -6]


def test_partial_credit_earns_its_share_of_the_right_mark_as_in_moodle() -> None:
    # Moodle's question_cbm::adjust_fraction: right mark x fraction, the penalty only at 0.
    assert certainty_marks(0.25, 2) == pytest.approx(0.5)  # was scored -2 as "wrong"
    assert certainty_marks(0.5, 3) == pytest.approx(1.5)
    assert certainty_marks(0.5, 1) == pytest.approx(0.5)
    assert certainty_marks(5 / 6, 3) == pytest.approx(2.5)
    assert certainty_marks(0.0, 3) == -6 and certainty_marks(0.0, 1) == 0
    assert certainty_marks(1.0, 2) == 2


def test_partial_credit_is_rated_hard_from_two_thirds_again_below() -> None:
    assert rating_for(5 / 6, 3) == Rating.HARD
    assert rating_for(2 / 3, None) == Rating.HARD
    assert rating_for(0.5, 3) == Rating.AGAIN
    assert rating_for(0.0, 1) == Rating.AGAIN
    assert rating_for(1.0, 3) == Rating.EASY


def test_resolution_says_whether_certainty_tells_right_from_wrong() -> None:
    # Sure answers right, unsure ones wrong: certainty separates them perfectly.
    sharp = calibration([(True, 3)] * 4 + [(False, 1)] * 4)
    assert sharp.resolution == pytest.approx(1.0)
    # The same accuracy whatever the certainty: certainty says nothing.
    flat = calibration([(True, 3), (False, 3), (True, 1), (False, 1)])
    assert flat.resolution == pytest.approx(0.0)
    # In between: 3 of 4 right when sure, 1 of 4 when unsure.
    some = calibration([(True, 3)] * 3 + [(False, 3)] + [(True, 1)] + [(False, 1)] * 3)
    assert some.resolution == pytest.approx(0.25)
    # One level only, or everything right: nothing to resolve.
    assert calibration([(True, 3), (False, 3)]).resolution is None
    assert calibration([(True, 3), (True, 1)]).resolution is None


def test_partial_credit_counts_as_not_right_but_keeps_its_marks() -> None:
    cal = calibration([(0.5, 3), (1.0, 3)])
    high = next(level for level in cal.levels if level.level == 3)
    assert high.accuracy == 0.5
    assert cal.cbm_average == pytest.approx((1.5 + 3) / 2)


def test_rating_mapping_into_fsrs() -> None:
    assert rating_for(False, 3) == Rating.AGAIN
    assert rating_for(False, None) == Rating.AGAIN
    assert [rating_for(True, c) for c in (1, 2, 3)] == [Rating.HARD, Rating.GOOD, Rating.EASY]
    assert rating_for(True, None) == Rating.GOOD


def test_calibration_accuracy_and_overconfidence() -> None:
    answers = [(True, 3), (False, 3), (False, 3), (True, 3),  # high: 50% right
               (True, 1), (False, 1),  # low: 50% right
               (True, None)]  # no certainty: ignored
    cal = calibration(answers)
    high = next(level for level in cal.levels if level.level == 3)
    low = next(level for level in cal.levels if level.level == 1)
    medium = next(level for level in cal.levels if level.level == 2)
    assert (high.answers, high.accuracy) == (4, 0.5)
    assert high.overconfidence == pytest.approx(0.90 - 0.5)
    assert low.overconfidence == pytest.approx(0.0)
    assert medium.accuracy is None and medium.answers == 0
    assert cal.overconfidence == pytest.approx((4 * 0.9 + 2 * 0.5) / 6 - 3 / 6)
    assert cal.cbm_average == pytest.approx((3 - 6 - 6 + 3 + 1 + 0) / 6)


def test_self_assessment_scores_bands_and_reverse_items() -> None:
    assert statement_value(5, 5, False) == 100.0 and statement_value(1, 5, False) == 0.0
    assert statement_value(5, 5, True) == 0.0 and statement_value(2, 5, True) == 75.0
    with pytest.raises(ValueError):
        statement_value(6, 5, False)
    dim = Dimension("c", "Courage", "pushing-back",
                    (Band(0, "Low", "a"), Band(40, "Mid", "b"), Band(70, "High", "c")))
    other = Dimension("m", "Method", None, (Band(0, "Any", "x"),))
    a = Assessment("x", "X", (Statement("s1", "t", "c"), Statement("s2", "t", "c", True),
                              Statement("s3", "t", "m")), (dim, other))
    results = score_assessment(a, {"s1": 5, "s2": 2})  # 100 and 75
    assert results["c"].score == 87.5 and results["c"].band is not None
    assert results["c"].band.label == "High"
    assert results["m"].score is None and results["m"].band is None
    assert score_assessment(a, {"s1": 3, "s2": 3})["c"].band.label == "Mid"  # type: ignore[union-attr]


def test_short_answer_ignores_case_and_spacing_and_takes_wildcards() -> None:
    short = q(QuestionType.SHORTANSWER, options=(
        Option("a", "False expectations", 1.0), Option("b", "fals*", 0.5)))
    assert score(short, Response(text="  false   EXPECTATIONS ")) == 1.0
    assert score(short, Response(text="falsehood")) == 0.5
    assert score(short, Response(text="fear")) == 0.0
    assert score(short, Response(text="")) == 0.0
    assert score(short, Response()) == 0.0


# --- Numerical questions ----------------------------------------------------------------

PI = q(QuestionType.NUMERICAL, options=(Option("a", "3.1415 ± 0.0005", 1.0, number=3.1415,
                                               tolerance=0.0005),))
# Moodle's {#=%100%3.14:0.005 =%50%3.1:0.1}: the first answer the number fits counts.
TWO = q(QuestionType.NUMERICAL, options=(
    Option("a", "3.14 ± 0.005", 1.0, "Right.", number=3.14, tolerance=0.005),
    Option("b", "3.1 ± 0.1", 0.5, "Close.", number=3.1, tolerance=0.1)))


@pytest.mark.parametrize(("typed", "credit"), [
    ("3.1415", 1.0), ("3.141", 1.0), ("3.142", 1.0),  # both edges are in
    ("3.1409999", 0.0), ("3.1420001", 0.0),  # a hair beyond is out
    ("3.14201", 0.0), ("-3.1415", 0.0), ("3.14150000", 1.0), ("314.15e-2", 1.0),
])
def test_numerical_tolerance_edges_are_exact(typed: str, credit: float) -> None:
    assert score(PI, Response(text=typed)) == credit


def test_float_arithmetic_would_lose_the_edges_that_decimals_keep() -> None:
    # In floats 3.14 - 0.005 is 3.1350000000000002, so 3.135 would fall out.
    assert 3.14 - 0.005 > 3.135
    near = q(QuestionType.NUMERICAL, options=(Option("a", "0.2", 1.0, number=0.2,
                                                     tolerance=0.1),))
    assert score(TWO, Response(text="3.135")) == 1.0
    assert score(near, Response(text="0.1")) == 1.0
    assert score(near, Response(text="0.3")) == 1.0
    assert score(near, Response(text="0.30000000000000004")) == 0.0


@pytest.mark.parametrize(("typed", "credit"), [
    ("3.14", 1.0), ("3.135", 1.0), ("3.145", 1.0),  # the exact answer, edges included
    ("3.1451", 0.5), ("3.2", 0.5), ("3.0", 0.5), ("3.13", 0.5),
    ("3.2001", 0.0), ("2.9999", 0.0), ("", 0.0), ("three", 0.0), ("nan", 0.0),
])
def test_numerical_partial_credit_takes_the_first_answer_that_fits(typed: str,
                                                                    credit: float) -> None:
    assert score(TWO, Response(text=typed)) == credit
    assert score(TWO, Response()) == 0.0


def test_numerical_order_decides_as_in_moodle_and_any_number_catches_the_rest() -> None:
    loose_first = q(QuestionType.NUMERICAL, options=tuple(reversed(TWO.options)))
    assert score(loose_first, Response(text="3.14")) == 0.5  # the looser answer fits first
    other = q(QuestionType.NUMERICAL, options=(
        Option("a", "20", 1.0, number=20.0), Option("b", "*", 0.25, "Any other number.")))
    assert score(other, Response(text="20")) == 1.0
    assert score(other, Response(text="-7.5")) == 0.25
    assert score(other, Response(text="twenty")) == 0.0  # not a number: nothing fits
    exact = q(QuestionType.NUMERICAL, options=(Option("a", "1822", 1.0, number=1822.0),))
    assert [score(exact, Response(text=t)) for t in ("1822", "1822.0", "1821.999")] == [
        1.0, 1.0, 0.0]


def test_numerical_credit_marks_and_rating_as_for_other_types() -> None:
    half = score(TWO, Response(text="3.2"))
    assert not is_correct(half)
    assert certainty_marks(half, 3) == pytest.approx(1.5)  # right mark x credit
    assert certainty_marks(score(TWO, Response(text="9")), 3) == -6
    assert rating_for(half, 2) == Rating.AGAIN
    assert rating_for(score(TWO, Response(text="3.14")), 3) == Rating.EASY


def test_a_numerical_question_and_distractors_survive_storage_unchanged() -> None:
    stored = TWO.to_json()
    assert Question.from_json("q", "t", None, stored) == TWO
    m = q(QuestionType.MATCHING, pairs=(Pair("x", "1"), Pair("y", "2")), distractors=("9",),
          tags=("pricing",))
    assert Question.from_json("q", "t", None, m.to_json()) == m
    # A question without the new fields is stored exactly as before they existed, so a
    # deck update does not see every installed question as changed.
    assert set(SINGLE.to_json()) == {"type", "prompt", "situation", "options", "answer",
                                     "feedback_true", "feedback_false", "pairs", "steps",
                                     "explanation"}
    assert set(SINGLE.to_json()["options"][0]) == {  # type: ignore[index]
        "id", "text", "value", "feedback", "pinned"}
    # A distractor chosen for an item is a wrong match; the pairs decide the credit.
    assert score(m, Response(matches=("1", "9"))) == 0.5
