"""Numbers of numerical questions: read exactly, compared exactly, written plainly (or,
for the screen, as the rep's language writes them).

An accepted answer is a number give or take a tolerance, stored as floats like every
other value of a question. Floats cannot hold 3.1415 or 0.0005 exactly, so every
comparison goes through ``Decimal`` made from the float's shortest text (``repr``):
that is the number as the deck wrote it, so 3.1415 ± 0.0005 accepts 3.141 and 3.142
and nothing beyond them, with no rounding error at either edge. No I/O.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from trainer import i18n

# The largest number (and tolerance) a deck may give: far beyond any price or margin,
# and small enough that every whole number up to it is exact as a float.
LIMIT = 1e15
# A plain decimal number, as stored and as written in deck and GIFT files: an optional
# sign, digits with an optional point (or a point and digits), an optional exponent.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def exact(value: float) -> Decimal:
    """The float as the decimal number its shortest text writes (0.1 is 0.1, not
    0.1000000000000000055...)."""
    return Decimal(repr(float(value)))


def read_number(text: str, limit: float | None = LIMIT) -> Decimal | None:
    """A plain decimal number ("3.5", "-2", "1e3", ".5"), or ``None`` for anything
    else, including numbers beyond ``limit`` (when there is one)."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None
    return value if limit is None or abs(value) <= Decimal(int(limit)) else None


def plain(value: Decimal | float) -> str:
    """A number as plain decimal text, without exponent or trailing zeros: "3.14",
    "1822", "-0.5", "0.00001"."""
    number = value if isinstance(value, Decimal) else exact(value)
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def decimals(value: float) -> int:
    """How many digits the number has after its decimal point (0 for 1822)."""
    exponent = exact(value).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def shown_number(value: float) -> str:
    """A number the way the rep's language writes it ("3,5" under German), with all its
    decimals."""
    return i18n.number(value, decimals(value))


def range_middle(low: Decimal, high: Decimal) -> tuple[Decimal, Decimal]:
    """(number, tolerance) of the range from ``low`` to ``high``: its middle and half its
    width, as Moodle stores a range (so {#1..5} is 3 give or take 2)."""
    middle = (low + high) / 2
    return middle, abs(high - middle)


def from_range(low: float, high: float) -> tuple[float, float]:
    """``range_middle`` of a deck file's ``min`` and ``max``."""
    middle, tolerance = range_middle(exact(low), exact(high))
    return float(middle), float(tolerance)


def bounds(number: float, tolerance: float) -> tuple[Decimal, Decimal]:
    """The smallest and largest numbers accepted, both included."""
    centre, spread = exact(number), abs(exact(tolerance))
    return centre - spread, centre + spread


def within(given: Decimal, number: float, tolerance: float) -> bool:
    """Whether ``given`` is ``number`` give or take ``tolerance`` (edges included)."""
    low, high = bounds(number, tolerance)
    return low <= given <= high


def answer_text(number: float | None, tolerance: float = 0.0) -> str:
    """How an accepted answer reads, in any language: "1822", "3.14 ± 0.01", or "*"
    for any number."""
    if number is None:
        return "*"
    if tolerance:
        return f"{plain(number)} ± {plain(tolerance)}"
    return plain(number)


def number_text(value: float) -> str:
    """A number typed by the rep, as stored with the answer: plain decimal text with a
    point, whatever the rep's language writes ("3,5" typed under German is "3.5")."""
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value}")
    return plain(value)
