"""Scoring answers: every question type, certainty-based marks, calibration, and the
rating an answer feeds into spaced repetition. Pure functions, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import NamedTuple

from trainer.domain.quiz import Option, Question, QuestionType
from trainer.domain.scheduling import Rating
from trainer.i18n import QT_TRANSLATE_NOOP, Context


class ScoringText(Context):
    """Names of certainty levels and calibration verdicts, shown by the screens."""


FULL_MARKS = 1.0 - 1e-9

# Gardner-Medwin's certainty-based marking: (mark if right, mark if wrong) per level.
CBM_MARKS = {1: (1, 0), 2: (2, -2), 3: (3, -6)}
# The probability of being right that each level stands for: the middle of the range in
# which choosing it earns the most on average (C1 below 67%, C2 67-80%, C3 above 80%).
CERTAINTY_PROBABILITY = {1: 0.50, 2: 0.735, 3: 0.90}
# English names, translated where shown: ``certainty_label``.
CERTAINTY_LABELS = {1: QT_TRANSLATE_NOOP("ScoringText", "Low"),
                    2: QT_TRANSLATE_NOOP("ScoringText", "Medium"),
                    3: QT_TRANSLATE_NOOP("ScoringText", "High")}


def certainty_label(level: int) -> str:
    """A certainty level (1-3) by name in the rep's language: "Low", "Medium", "High"."""
    return ScoringText.tr(CERTAINTY_LABELS[level])


def certainty_letters() -> dict[int, str]:
    """The key for each certainty level: its name's first letter in the rep's language
    (L, M, H in English; N, M, H in German)."""
    return {1: ScoringText.tr("L", "key for Low certainty"),
            2: ScoringText.tr("M", "key for Medium certainty"),
            3: ScoringText.tr("H", "key for High certainty")}


class Response(NamedTuple):
    """What the rep answered. Only the field for the question's type is used:
    ``chosen`` option ids (single, multiple, scenario), ``truth`` (truefalse),
    ``matches`` right-hand text per left-hand item (matching), ``order`` of steps,
    ``text`` typed (shortanswer) or the number given, as plain decimal text with a
    point whatever the rep's language (numerical: "3.5")."""

    chosen: tuple[str, ...] = ()
    truth: bool | None = None
    matches: tuple[str, ...] = ()
    order: tuple[str, ...] = ()
    text: str | None = None

    def to_json(self) -> dict[str, object]:
        """The raw answer as stored."""
        return {"chosen": list(self.chosen), "truth": self.truth,
                "matches": list(self.matches), "order": list(self.order), "text": self.text}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Response:
        """Read back a stored answer."""
        return cls(tuple(data.get("chosen", ())),  # type: ignore[arg-type]
                   data.get("truth"),  # type: ignore[arg-type]
                   tuple(data.get("matches", ())),  # type: ignore[arg-type]
                   tuple(data.get("order", ())),  # type: ignore[arg-type]
                   data.get("text"))  # type: ignore[arg-type]


def _clip(value: float) -> float:
    return max(0.0, min(1.0, value))


def ordering_score(correct: Sequence[str], given: Sequence[str]) -> float:
    """Share of step pairs whose relative order is right (1.0 = all in order)."""
    if len(correct) < 2:
        return 1.0 if list(correct) == list(given) else 0.0
    rank = {step: i for i, step in enumerate(given)}
    pairs = list(combinations(correct, 2))
    good = sum(1 for a, b in pairs if a in rank and b in rank and rank[a] < rank[b])
    return good / len(pairs)


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def matching_answer(question: Question, typed: str) -> Option | None:
    """The first accepted answer the typed text matches: case and spacing do not matter,
    and ``*`` in an accepted answer stands for any text (as in Moodle)."""
    given = _normal(typed)
    if not given:
        return None
    for option in question.options:
        pattern = _normal(option.text)
        if "*" in pattern:
            regex = ".*".join(re.escape(part) for part in pattern.split("*"))
            if re.fullmatch(regex, given):
                return option
        elif pattern == given:
            return option
    return None


def numerical_answer(question: Question, given: str) -> Option | None:
    """The first accepted answer the number given falls within, edges included, as
    Moodle takes the first (so an exact answer listed before a looser one wins); an
    answer with no number ("*") takes any number. None for no match or no number."""
    # Imported here: decimal (about 5 million instructions) is needed only once a number
    # is given, not by the home screen's start, which loads this module.
    from trainer.domain.numeric import read_number, within

    number = read_number(given)
    if number is None:
        return None
    for option in question.options:
        if option.number is None or within(number, option.number, option.tolerance):
            return option
    return None


def raw_score(question: Question, response: Response) -> float:
    """The unclipped credit for an answer (scenario options may score below 0)."""
    values = {o.id: o.value for o in question.options}
    match question.type:
        case QuestionType.SINGLE | QuestionType.SCENARIO:
            return values.get(response.chosen[0], 0.0) if response.chosen else 0.0
        case QuestionType.MULTIPLE:
            return sum(values.get(c, 0.0) for c in set(response.chosen))
        case QuestionType.TRUEFALSE:
            return 1.0 if response.truth is not None and response.truth == question.answer else 0.0
        case QuestionType.MATCHING:
            if not question.pairs:
                return 0.0
            right = sum(1 for pair, given in zip(question.pairs, response.matches, strict=False)
                        if pair.right == given)
            return right / len(question.pairs)
        case QuestionType.ORDERING:
            return ordering_score(question.steps, response.order)
        case QuestionType.SHORTANSWER:
            option = matching_answer(question, response.text or "")
            return option.value if option is not None else 0.0
        case QuestionType.NUMERICAL:
            option = numerical_answer(question, response.text or "")
            return option.value if option is not None else 0.0
    raise ValueError(f"unknown question type {question.type}")


def score(question: Question, response: Response) -> float:
    """Credit for an answer between 0 and 1."""
    return _clip(raw_score(question, response))


def is_correct(credit: float) -> bool:
    """An answer counts as right only with full marks; partial credit counts as wrong."""
    return credit >= FULL_MARKS


# Partial credit at or above this share is rated Hard rather than Again: mostly right
# is not forgotten (the same two thirds that rate a practice reply Hard).
PARTIAL_HARD = 2 / 3
_NONE = 5e-8  # Moodle's threshold below which a fraction counts as zero


def certainty_marks(credit: float, certainty: int) -> float:
    """Certainty-based marks for one answer, as Moodle gives them: the right-answer mark
    (1, 2, 3 by certainty) times the credit (0 to 1), and the wrong-answer penalty
    (0, -2, -6) only when the credit is zero. A bool counts as full or no credit."""
    right, wrong = CBM_MARKS[certainty]
    credit = float(credit)
    if credit <= _NONE:
        return float(wrong)
    return round(right * min(credit, 1.0), 6)


def rating_for(credit: float, certainty: int | None) -> Rating:
    """How an answer is rated into FSRS: full marks are Hard, Good or Easy by certainty
    (low, medium, high), or Good when certainty was not asked; partial credit of at least
    two thirds is Hard, whatever the certainty; less is Again. A bool counts as full or
    no credit."""
    credit = float(credit)
    if not is_correct(credit):
        return Rating.HARD if credit >= PARTIAL_HARD - 1e-9 else Rating.AGAIN
    if certainty is None:
        return Rating.GOOD
    return {1: Rating.HARD, 2: Rating.GOOD, 3: Rating.EASY}[certainty]


class LevelCalibration(NamedTuple):
    """Accuracy at one certainty level and how far it falls short of what it claims."""

    level: int
    answers: int
    accuracy: float | None
    overconfidence: float | None  # claimed probability minus accuracy; > 0 is overconfident


class Calibration(NamedTuple):
    """Certainty against results over a set of answers."""

    levels: tuple[LevelCalibration, ...]
    overconfidence: float | None  # over every answer given with a certainty
    cbm_average: float | None  # mean certainty-based mark per answer (-6..3)
    # Whether certainty tells right from wrong at all: the share of the variance of
    # right/wrong that the certainty level explains (0 = it says nothing, 1 = it
    # separates them perfectly); None with fewer than two levels used or no variance.
    resolution: float | None = None


# How far confidence may run ahead of (or behind) accuracy before a screen calls it
# over- (or under-) confidence: 15 points, a margin a dozen answers can show.
CONFIDENCE_MARGIN = 0.15


def confidence_lean(overconfidence: float) -> str:
    """"overconfident", "underconfident" or "well calibrated", by ``CONFIDENCE_MARGIN``.

    The English word, which callers also use as a key (to colour it); a screen shows it
    as ``ScoringText.tr(lean)``."""
    if overconfidence > CONFIDENCE_MARGIN:
        return QT_TRANSLATE_NOOP("ScoringText", "overconfident")
    if overconfidence < -CONFIDENCE_MARGIN:
        return QT_TRANSLATE_NOOP("ScoringText", "underconfident")
    return QT_TRANSLATE_NOOP("ScoringText", "well calibrated")


def calibration(answers: Iterable[tuple[float, int | None]]) -> Calibration:
    """Calibration from (credit, certainty) pairs; an answer is right with full credit
    (a bool is full or no credit). Answers without certainty are ignored."""
    by_level: dict[int, list[float]] = {1: [], 2: [], 3: []}
    for credit, certainty in answers:
        if certainty is not None:
            by_level[certainty].append(float(credit))
    return calibration_by_level(by_level)


def calibration_by_level(by_level: dict[int, list[float]]) -> Calibration:
    """Calibration from the credits given at each certainty level (1, 2 and 3, in
    order), as ``calibration`` works it out: for a caller that has them grouped."""
    levels = []
    gaps: list[float] = []
    marks: list[float] = []
    for level, credits in by_level.items():
        if credits:
            right = list(map(is_correct, credits))
            accuracy = sum(right) / len(right)
            claimed = CERTAINTY_PROBABILITY[level]
            levels.append(LevelCalibration(level, len(right), accuracy, claimed - accuracy))
            gaps.extend([claimed - r for r in right])
            # Answers are many (a cohort's, a year's) but their credits few: each
            # distinct credit is marked once.
            mark_of = {c: certainty_marks(c, level) for c in set(credits)}
            marks.extend(map(mark_of.__getitem__, credits))
        else:
            levels.append(LevelCalibration(level, 0, None, None))
    return Calibration(
        tuple(levels),
        sum(gaps) / len(gaps) if gaps else None,
        sum(marks) / len(marks) if marks else None,
        resolution(levels),
    )


def resolution(levels: Sequence[LevelCalibration]) -> float | None:
    """The share of the variance of right/wrong explained by the certainty level (the
    resolution term of the Brier score's decomposition over the outcome's variance)."""
    used = [lv for lv in levels if lv.answers and lv.accuracy is not None]
    total = sum(lv.answers for lv in used)
    if len(used) < 2 or not total:
        return None
    base = sum(lv.answers * (lv.accuracy or 0.0) for lv in used) / total
    variance = base * (1 - base)
    if variance <= 0:
        return None
    between = sum(lv.answers * ((lv.accuracy or 0.0) - base) ** 2 for lv in used) / total
    return between / variance
