"""The syntax of Moodle GIFT files, read the way Moodle's own importer reads it: blocks
separated by blank lines, ``//`` comment lines (with Moodle 4's ``[id:...]`` and
``[tag:...]`` in them), ``::name::``, ``[format]`` tags, escapes, one ``{...}`` answer
block, ``####`` general feedback, ``#`` answer feedback, ``%weight%`` and the numbers of
numerical answers; also the list of weights Moodle accepts.

Nothing here knows about decks; ``gift.py`` turns the parsed questions into quiz items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from trainer.domain.numeric import LIMIT, range_middle, read_number

# PHP's trim(): Moodle trims with it, and Python's strip() would also eat non-breaking
# spaces that belong to the text.
WS = " \t\n\r\x00\x0b"
FORMATS = ("moodle", "html", "plain", "markdown")
CATEGORY = "$CATEGORY:"
TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}

# Escaped control characters are swapped for private-use stand-ins while the structure is
# parsed, so "\=" or "\{" never counts as syntax, then swapped back in the final texts.
_CONTROLS = ":#={}~"
_HIDE = {c: chr(0xE000 + i) for i, c in enumerate(_CONTROLS)}
_SHOW = str.maketrans({v: k for k, v in _HIDE.items()})
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
# Moodle's rule: up to two digits before an optional decimal point (100 still matches as
# "10" + "0"), any number of minus signs; anything else is answer text.
_WEIGHT = re.compile(r"%(-*)([0-9]{1,2}\.?[0-9]*)%")

# The grades Moodle's import accepts (its fraction list, and their negatives); any other
# weight is refused with "grade not in list". Moodle lists thirds, sixths, sevenths and
# ninths to seven decimals of the fraction, and matches a weight read within 0.00001.
MOODLE_FRACTIONS = (1.0, 0.9, 5 / 6, 0.8, 0.75, 0.7, 2 / 3, 0.6, 0.5, 0.4, 1 / 3, 0.3, 0.25,
                    0.2, 1 / 6, 1 / 7, 0.125, 1 / 9, 0.1, 0.05, 0.0)
MOODLE_MATCH = 0.00001
# Every listed grade, the larger first so that a tie goes to the larger weight.
_GRADES = tuple(sorted({*MOODLE_FRACTIONS, *(-f for f in MOODLE_FRACTIONS)},
                       key=lambda f: (-abs(f), -f)))
# Moodle 4 keeps a question's id number and tags in its comment lines:
# "// [id:ABC-1] [tag:pricing] [tag:margin]", "\]" standing for "]" inside one.
_ID = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f\x7f])+)\]")
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]<>\x00-\x1f\x7f])*)\]")


def nearest_grade(fraction: float) -> float:
    """The grade in Moodle's list nearest to ``fraction`` (1.0 is 100%)."""
    return min(_GRADES, key=lambda grade: abs(grade - fraction))


def is_grade(fraction: float) -> bool:
    """Whether Moodle's import accepts ``fraction`` as it is."""
    return abs(nearest_grade(fraction) - fraction) < MOODLE_MATCH


def grade_text(fraction: float) -> str:
    """A fraction as the percent GIFT writes between % signs: "100", "83.33333", "-50"."""
    number = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if number in ("", "-0") else number


class GiftSyntaxError(ValueError):
    """A question Moodle itself would refuse (or misread) because of its syntax."""


@dataclass(frozen=True)
class Block:
    """The lines of one question (comment lines apart), each with its line number."""

    lines: tuple[tuple[int, str], ...]
    comments: tuple[str, ...] = ()  # the block's "//" lines, which may carry id and tags

    @property
    def line(self) -> int:
        """The line the question starts on."""
        return self.lines[0][0]


@dataclass(frozen=True)
class Text:
    """A piece of text and the format it is written in (moodle, html, plain, markdown)."""

    value: str
    format: str


@dataclass(frozen=True)
class Answer:
    """One answer of a multiple-choice or short-answer question."""

    text: Text
    weight: float  # Moodle's fraction: 1.0 is full marks
    feedback: Text


@dataclass(frozen=True)
class Number:
    """One answer of a numerical question: ``value`` give or take ``tolerance``, or any
    number when ``value`` is None (Moodle's "*", and what ``~#feedback`` stands for)."""

    value: Decimal | None
    tolerance: Decimal
    weight: float
    feedback: Text


@dataclass(frozen=True)
class Parsed:
    """One question as Moodle would read it, before it is mapped onto our types."""

    kind: str  # multichoice, truefalse, shortanswer, match, numerical, essay, description
    name: str | None
    text: Text
    general_feedback: Text
    answers: tuple[Answer, ...] = ()
    single: bool = False  # multichoice: one answer allowed
    truth: bool | None = None
    feedback_true: Text | None = None  # shown to whoever answers "true"
    feedback_false: Text | None = None
    pairs: tuple[tuple[Text, str], ...] = ()  # match: (question, answer); no question
    # for an extra answer that matches nothing
    numbers: tuple[Number, ...] = ()  # numerical
    idnumber: str = ""  # Moodle 4's "[id:...]" comment
    tags: tuple[str, ...] = ()  # its "[tag:...]" comments


def split_blocks(text: str) -> list[Block]:
    """Questions are separated by blank lines; ``//`` lines are comments wherever they
    are, and do not separate questions, but belong to the question of their block (a
    block of comments only is no question). Lines are trimmed, as Moodle trims them."""
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []
    comments: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip(WS)
        if not line:
            if current:
                blocks.append(Block(tuple(current), tuple(comments)))
            current, comments = [], []
        elif line.startswith("//"):
            comments.append(line)
        else:
            current.append((number, line))
    if current:
        blocks.append(Block(tuple(current), tuple(comments)))
    return blocks


def id_and_tags(comments: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The first ``[id:...]`` and every ``[tag:...]`` of a block's comment lines, as
    Moodle 4 reads them (trimmed, "\\]" as "]"); blank tags and repeats are left out."""
    text = "\n".join(comments)
    found = _ID.search(text)
    idnumber = found.group(1).replace("\\]", "]").strip(WS) if found else ""
    tags: list[str] = []
    for match in _TAG.finditer(text):
        tag = match.group(1).replace("\\]", "]").strip(WS)
        if tag and tag not in tags:
            tags.append(tag)
    return idnumber, tuple(tags)


def hide_escapes(text: str) -> str:
    """Resolve ``\\\\`` and ``\\n`` and hide escaped control characters (single pass,
    left to right, so ``\\\\{`` is a backslash and then a real brace)."""

    def one(match: re.Match[str]) -> str:
        char = match.group(1)
        if char == "\\":
            return "\\"
        if char == "n":
            return "\n"
        return _HIDE.get(char, match.group(0))

    return _ESCAPE.sub(one, text)


def show(text: str) -> str:
    """Put escaped control characters back as plain characters."""
    return text.translate(_SHOW)


def unescape(text: str) -> str:
    """GIFT text with its escapes resolved."""
    return show(hide_escapes(text))


def with_format(text: str, default: str) -> Text:
    """Read a leading ``[html]``-style tag; an unknown tag is left in the text."""
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[1:end] in FORMATS:
            return Text(show(text[end + 1:]).strip(WS), text[1:end])
    return Text(show(text).strip(WS), default)


def _feedback_split(answer: str, default: str) -> tuple[Text, Text]:
    # The first "#" starts the feedback; later ones belong to the feedback text.
    text, _, feedback = answer.partition("#")
    return with_format(text.strip(WS), default), with_format(feedback.strip(WS), default)


def _weight(answer: str) -> tuple[float | None, str]:
    match = _WEIGHT.match(answer)
    if match is None:
        return None, answer
    value = float(match.group(2)) / 100
    value = -value if match.group(1) else value
    # "33.33333" is Moodle's way of writing a third: read as one, three of them add up
    # to full marks.
    grade = nearest_grade(value)
    return (grade if abs(grade - value) < MOODLE_MATCH else value), answer[match.end():]


def _pieces(answers: str, separator: str) -> list[str]:
    parts = answers.split(separator)
    # Text before the first marker only counts if it is not blank (Moodle keeps it).
    if not parts[0].strip(WS):
        parts = parts[1:]
    return [p.strip(WS) for p in parts]


def parse_question(block: Block) -> Parsed:
    """Read one question block (not a ``$CATEGORY:`` line). Raises ``GiftSyntaxError``."""
    text = hide_escapes("\n".join(line for _, line in block.lines).strip(WS))
    name: str | None = None
    if text.startswith("::"):
        end = text.find("::", 2)
        if end >= 0:
            name = show(text[2:end]).strip(WS)
            text = text[end + 2:].strip(WS)
        else:  # Moodle drops the opening colons and reads the rest as the text
            text = text[2:]
    start, finish = text.find("{"), text.find("}")
    if start < 0 and finish < 0:
        idnumber, tags = id_and_tags(block.comments)
        return Parsed("description", name, with_format(text, "moodle"), Text("", "moodle"),
                      idnumber=idnumber, tags=tags)
    if start < 0:
        raise GiftSyntaxError("has a '}' with no '{' before it (write \\} for a brace)")
    if finish < 0:
        raise GiftSyntaxError("the answers opened with '{' are never closed with '}'")
    if finish < start:
        raise GiftSyntaxError("has a '}' before the '{' that opens the answers")
    if "{" in text[start + 1:finish]:
        raise GiftSyntaxError("has a '{' inside the answers; the first answer block is "
                              "not closed (write \\{ for a brace)")
    if "{" in text[finish + 1:]:
        raise GiftSyntaxError("has more than one answer block; GIFT allows one {...} per "
                              "question (write \\{ and \\} for braces)")
    if "}" in text[finish + 1:]:
        raise GiftSyntaxError("has a second '}' after the answers (write \\} for a brace)")
    answers = text[start + 1:finish].strip(WS)
    # Answers at the very end follow the question; anywhere else they leave a blank in it.
    blank = "" if finish == len(text) - 1 else "_____"
    question = with_format(text[:start] + blank + text[finish + 1:], "moodle")
    general = ""
    split_at = answers.rfind("####")
    if split_at >= 0:
        general = answers[split_at + 4:]
        answers = answers[:split_at].strip(WS)
    fmt = question.format
    idnumber, tags = id_and_tags(block.comments)
    base = Parsed("essay", name, question, with_format(general, fmt), idnumber=idnumber,
                  tags=tags)
    if not answers:
        return base
    if answers.startswith("#"):
        return replace(base, kind="numerical", numbers=_numbers(answers[1:], fmt))
    if "~" in answers:
        return replace(base, kind="multichoice", answers=_choices(answers, fmt),
                       single="=" in answers)
    if "=" in answers and "->" in answers:
        return replace(base, kind="match", pairs=_pairs(answers, fmt))
    hash_at = answers.find("#")
    check = answers[:hash_at].strip(WS) if hash_at > 0 else answers
    if check in TRUE_FALSE:
        return _true_false(base, answers)
    return replace(base, kind="shortanswer", answers=_short(answers, fmt))


def _choices(answers: str, fmt: str) -> tuple[Answer, ...]:
    # Every "=" starts an answer too, so "~a=b" is two answers (as in Moodle).
    pieces = _pieces(answers.replace("=", "~="), "~")
    if len(pieces) < 2:
        raise GiftSyntaxError("a multiple-choice question needs at least two answers")
    result = []
    for piece in pieces:
        if piece.startswith("="):
            # Moodle reads no %weight% after "=": the answer is simply right.
            weight, rest = 1.0, piece[1:]
        else:
            found, rest = _weight(piece)
            weight = 0.0 if found is None else found
        text, feedback = _feedback_split(rest, fmt)
        result.append(Answer(text, weight, feedback))
    return tuple(result)


def _short(answers: str, fmt: str) -> tuple[Answer, ...]:
    result = []
    for piece in _pieces(answers, "="):
        found, rest = _weight(piece)
        text, feedback = _feedback_split(rest, fmt)
        result.append(Answer(text, 1.0 if found is None else found, feedback))
    if not result:
        raise GiftSyntaxError("a short-answer question needs at least one answer")
    return tuple(result)


def _numbers(answers: str, fmt: str) -> tuple[Number, ...]:
    """The answers of ``{#...}`` (after the "#"): "=" before each one (optional for a
    single answer), an optional %weight%, the number as ``3.14``, ``3.14:0.01`` (give or
    take) or ``3.141..3.142`` (a range, read as its middle give or take half its width,
    as Moodle stores it), ``#feedback``; and after a "~", the feedback for any other
    number (Moodle's answer "*", worth nothing)."""
    body, tilde, other = answers.partition("~")
    pieces = _pieces(body, "=")
    if not pieces:
        raise GiftSyntaxError("a numerical question needs at least one answer after '#'")
    result = []
    for piece in pieces:
        found, rest = _weight(piece)
        text, feedback = _feedback_split(rest, fmt)
        value, tolerance = _number(text.value)
        result.append(Number(value, tolerance, 1.0 if found is None else found, feedback))
    if tilde:
        _, feedback = _feedback_split(other, fmt)
        result.append(Number(None, Decimal(0), 0.0, feedback))
    return tuple(result)


def _number(text: str) -> tuple[Decimal | None, Decimal]:
    """(number, tolerance) of one numerical answer; a "*" is any number."""
    if text == "*":
        return None, Decimal(0)
    dots, colon = text.find(".."), text.find(":")
    if dots > 0:
        low, high = _one_number(text, text[:dots]), _one_number(text, text[dots + 2:])
        if low is None or high is None:
            raise GiftSyntaxError(f"numerical range '{text}' is not two numbers "
                                  "(write it as 1..5)")
        return range_middle(low, high)
    if colon > 0:
        value = _one_number(text, text[:colon])
        tolerance = _one_number(text, text[colon + 1:])
        if value is None or tolerance is None:
            raise GiftSyntaxError(f"numerical answer '{text}' is not a number and its "
                                  "margin (write it as 3.14:0.01)")
        return value, abs(tolerance)
    value = _one_number(text, text)
    if value is None:
        # Moodle would take a word here as "any number" (its "*"), which no one means.
        raise GiftSyntaxError(f"numerical answer '{text}' is not a number (write it as "
                              "3.14, 3.14:0.01 or 1..5, or * for any number)")
    return value, Decimal(0)


def _one_number(answer: str, text: str) -> Decimal | None:
    value = read_number(text)
    if value is None and read_number(text, limit=None) is not None:
        raise GiftSyntaxError(f"numerical answer '{answer}' holds a number beyond "
                              f"{LIMIT:.0e}, too large to compare exactly")
    return value


def _pairs(answers: str, fmt: str) -> tuple[tuple[Text, str], ...]:
    pieces = _pieces(answers, "=")
    if len(pieces) < 2:
        raise GiftSyntaxError("a matching question needs at least two pairs")
    pairs = []
    for piece in pieces:
        at = piece.find("->")
        if at < 0:
            raise GiftSyntaxError(f"matching answer '{show(piece)}' needs 'question -> answer'")
        # Moodle reads no format tag and no feedback on the right-hand side: it is
        # plain text, "#" included.
        pairs.append((with_format(piece[:at], fmt), show(piece[at + 2:]).strip(WS)))
    return tuple(pairs)


def _true_false(base: Parsed, answers: str) -> Parsed:
    # Moodle's reading of {T#one#two}: "one" is the feedback for a wrong answer and "two"
    # for a right one, whichever of true or false is right. So for {FALSE#a#b} a learner
    # answering "true" (wrong) sees a, and one answering "false" (right) sees b.
    fmt = base.text.format
    head, *feedback = answers.split("#", 2)
    wrong = with_format(feedback[0].strip(WS), fmt) if feedback else Text("", fmt)
    right = with_format(feedback[1].strip(WS), fmt) if len(feedback) > 1 else Text("", fmt)
    truth = TRUE_FALSE[head.strip(WS)]
    return replace(base, kind="truefalse", truth=truth,
                   feedback_true=right if truth else wrong,
                   feedback_false=wrong if truth else right)
