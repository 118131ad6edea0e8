"""How a quiz question's options are read and checked, in pieces a question type picks
from (``question_rules.py`` names each type's): what an option accepts (a text, or a
number for numerical questions), which field carries its credit, and what the options
together must add up to."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from trainer.content.fields import Fields
from trainer.domain.numeric import LIMIT, answer_text, from_range

# The fields that say which numbers a numerical option accepts.
NUMBER_KEYS = ("number", "tolerance", "min", "max")


@dataclass(frozen=True)
class Answer:
    """What one option accepts: its text, and for numerical options the number (None:
    any number) give or take the tolerance."""

    text: str
    number: float | None = None
    tolerance: float = 0.0


# Each reads the option's table and returns None after reporting a problem.
AnswerReader = Callable[[Fields], Answer | None]
# The credit an option's ``key`` gives (the type names the question in messages).
CreditReader = Callable[[Fields, str, str], float | None]
# Checks every option's credit together; given and returns whether the options are bad.
OptionsCheck = Callable[[Fields, str, list[float], bool], bool]


@dataclass(frozen=True)
class OptionRule:
    """What a question type asks of its ``[[quizzes.questions.options]]``."""

    credit: str  # the option field that carries an option's credit
    read_credit: CreditReader
    read_answer: AnswerReader
    check: OptionsCheck
    least: int = 2  # the fewest options a question needs
    uses: tuple[str, ...] = ()  # option fields only this kind of option has
    refuses: Mapping[str, str] = field(default_factory=dict)  # option field -> why not

    @property
    def fewest(self) -> str:
        """The fewest options, in words for the message that asks for more."""
        return "one accepted answer in" if self.least == 1 else "two"


# --------------------------------------------------------------- what an option accepts


def written_text(f: Fields) -> Answer | None:
    """An option a rep picks, or a typed answer accepted as written: its ``text``."""
    text = f.text("text", required=True)
    return None if text is None else Answer(text)


def accepted_number(f: Fields) -> Answer | None:
    """The number a numerical option accepts: ``number`` (give or take ``tolerance``),
    ``min`` to ``max``, or any number for ``text = "*"``."""
    accepted = _accepted_number(f, f.table)
    if accepted is None:
        return None
    number, tolerance = accepted
    return Answer(answer_text(number, tolerance), number, tolerance)


def _accepted_number(f: Fields, table: dict[str, Any]) -> tuple[float | None, float] | None:
    text = f.text("text")
    how = ("'number' (with 'tolerance' if near enough counts), 'min' and 'max' for a "
           "range, or text = \"*\" for any other number")
    if text is not None and text != "*":
        f.error(f"a numerical option has no 'text' but \"*\"; it takes one of {how}", "text")
        return None
    forms = [name for name, given in (("'number'", "number" in table),
                                      ("'min'/'max'", "min" in table or "max" in table),
                                      ("text", text is not None)) if given]
    if len(forms) != 1:
        found = f" (this one has {' and '.join(forms)})" if forms else ""
        f.error(f"a numerical option takes exactly one of {how}{found}")
        return None
    if "tolerance" in table and "number" not in table:
        f.error("'tolerance' goes with 'number'; a range uses 'min' and 'max'", "tolerance")
        return None
    if text is not None:
        return None, 0.0
    if "number" in table:
        number = f.number("number", -LIMIT, LIMIT)
        tolerance = f.number("tolerance", 0.0, LIMIT)
        if number is None or (tolerance is None and "tolerance" in table):
            return None
        return number, tolerance or 0.0
    return _accepted_range(f, table)


def _accepted_range(f: Fields, table: dict[str, Any]) -> tuple[float, float] | None:
    missing = [key for key in ("min", "max") if key not in table]
    if missing:
        f.error(f"a range needs both 'min' and 'max' (missing '{missing[0]}')")
        return None
    low, high = f.number("min", -LIMIT, LIMIT), f.number("max", -LIMIT, LIMIT)
    if low is None or high is None:
        return None
    if low > high:
        f.error(f"'min' ({low:g}) is more than 'max' ({high:g})", "min")
        return None
    return from_range(low, high)


# ---------------------------------------------------------------- an option's credit


def right_or_wrong(f: Fields, key: str, kind: str) -> float | None:
    """1 for the option marked ``key = true``, 0 for the others."""
    return 1.0 if f.boolean(key, False) else 0.0


def required_credit(f: Fields, key: str, kind: str) -> float | None:
    """A credit from -1 to 1 that every option must give."""
    number = f.number(key, -1.0, 1.0)
    if number is None and key not in f.table:
        f.error(f"each option of a {kind} question needs '{key}' (from -1 to 1)")
    return number


def full_unless_scored(f: Fields, key: str, kind: str) -> float | None:
    """An accepted answer is fully right unless its ``key`` says otherwise."""
    return 1.0 if key not in f.table else required_credit(f, key, kind)


# ------------------------------------------------------------ the options together


def one_right(q: Fields, kind: str, values: list[float], bad: bool) -> bool:
    """Exactly one option is the right one."""
    if values.count(1.0) != 1:
        q.error(f"a {kind} question needs exactly one option with 'correct = true' "
                f"(found {values.count(1.0)})")
        return True
    return bad


def weights_add_up(q: Fields, kind: str, values: list[float], bad: bool) -> bool:
    """Choosing every right option, and only those, scores full marks."""
    if bad:
        return bad
    positive = sum(v for v in values if v > 0)
    if abs(positive - 1.0) > 0.011:
        q.error(f"the positive weights add up to {positive:g}; they must add up to 1 so "
                "that choosing every right option scores full marks")
        bad = True
    if all(v > 0 for v in values):
        q.warn("every option carries credit, so choosing all of them scores full marks")
    return bad


def one_best(q: Fields, kind: str, values: list[float], bad: bool) -> bool:
    """At least one response scores full marks."""
    if not bad and max(values) < 1.0:
        q.error(f"no response has the top score: at least one option needs 'score = 1' "
                f"(the best is {max(values):g})")
        return True
    return bad
