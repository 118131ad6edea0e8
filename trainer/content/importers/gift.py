"""Moodle GIFT files: one deck per file, one quiz per ``$CATEGORY:``, and every question
Moodle would import that maps onto a quiz item, with the type, answers, weights and
feedback Moodle itself gives it. An essay question becomes a practice item: its text
the task, its general feedback (``####``) the model reply, marked by one check (does the
reply make the model's point). Description items, and questions Moodle would refuse, are
skipped and reported with their line.

A question's id is its Moodle 4 id number (``// [id:...]`` in its comment lines) when it
has one, else its name, else one made from its category and text; its ``[tag:...]``
comments become its tags.

How Moodle's question kinds map onto ours:

- multiple choice with an ``=`` answer is single-answer in Moodle: ``single`` when one
  answer is right and the rest score nothing, ``scenario`` (scores = %/100) when some
  answers carry partial or negative credit, or more than one is marked right;
- multiple choice with no ``=`` answer is multiple-answer in Moodle: ``multiple`` with
  weights = %/100 (Moodle's rule looks only for ``=``, not at the weights);
- ``{T}``/``{F}`` is ``truefalse``; ``{=a =b}`` is ``shortanswer``; ``{=a -> b}`` is
  ``matching``, and ``= -> c`` (an answer with no question) one of its distractors;
- ``{#...}`` is ``numerical``: ``{#3.14:0.01}`` (give or take), ``{#1..5}`` (a range,
  kept as Moodle keeps it: 3 give or take 2), ``{#=%100%3.14:0.005 =%50%3.1:0.1}``
  (several answers, the first that fits counts), ``~#feedback`` for any other number.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import nh3

from trainer.content.fields import ID_PATTERN
from trainer.content.importers.bundle import ImportBundle, ImportFormatError, slug, stable_key
from trainer.content.importers.gift_parse import (
    CATEGORY,
    WS,
    Answer,
    Block,
    GiftSyntaxError,
    Parsed,
    Text,
    parse_question,
    split_blocks,
    unescape,
)
from trainer.content.questionfile import option_ids
from trainer.content.render import sanitize_html
from trainer.domain.deck import Deck, Source
from trainer.domain.errors import Problem
from trainer.domain.numeric import answer_text
from trainer.domain.practice import PracticeItem, model_rubric
from trainer.domain.quiz import Option, Pair, Question, QuestionType, Quiz

SOURCE_ID = "gift-file"
UNSUPPORTED = {
    "description": "descriptions (text with no answers) are not supported",
}
# Multiple-answer weights of right answers must add up to 100%, within rounding (as in
# our own deck format).
_SUM_TOLERANCE = 0.011


class _Skip(Exception):
    """A question that cannot become a quiz item; the message says why."""


@dataclass
class _QuizDraft:
    id: str
    title: str
    questions: list[Question] = field(default_factory=list)


def read_gift(path: Path) -> ImportBundle:
    """Read a Moodle GIFT file into one deck of quizzes; what cannot be imported is listed
    in ``skipped`` with its line. Raises ``ImportFormatError`` for a file that is not UTF-8
    or holds no question that can be imported."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(path, f"cannot read the file: {exc.strerror}") from exc
    try:
        # Moodle drops a UTF-8 byte order mark too.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFormatError(path, "is not UTF-8 text; Moodle reads GIFT files only as "
                                      "UTF-8, so save it as UTF-8", line) from exc
    bundle = ImportBundle(path, ids_from_names=True)
    reader = _Reader(path, bundle.skipped)
    for block in split_blocks(text):
        reader.add(block)
    deck = reader.deck()
    if not deck.quizzes and not deck.practice:
        reasons = "; ".join(f"line {p.line}: {p.message}" for p in bundle.skipped[:3])
        raise ImportFormatError(path, "has no questions Sales Trainer can import"
                                + (f" ({reasons})" if reasons else ""))
    bundle.decks.append(deck)
    return bundle


def file_words(path: Path) -> str:
    """The file name without its GIFT extensions, as words: "sales_calls.gift.txt" gives
    "sales calls"."""
    name = path.name
    for suffix in (".gift.txt", ".gift", ".txt"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return " ".join(re.split(r"[\s_-]+", name)).strip() or name


def category_title(path: str) -> str:
    """The last segment of a Moodle category path such as "$course$/top/Pricing"
    ("//" is a slash inside a name)."""
    segments = [s.replace("//", "/").strip(WS) for s in re.split(r"(?<!/)/(?!/)", path)]
    return next((s for s in reversed(segments) if s), path.strip(WS))


def _rich(text: Text | None) -> str:
    """Text shown as Markdown (prompts, feedback): HTML is sanitized and kept."""
    if text is None:
        return ""
    return sanitize_html(text.value) if text.format == "html" else text.value


def _plain(text: Text) -> str:
    """Text shown as plain text (options, matching prompts): HTML loses its tags."""
    if text.format != "html":
        return text.value
    return html.unescape(nh3.clean(text.value, tags=set())).strip(WS)


def _percent(value: float) -> str:
    return f"{value * 100:g}%"


def _check_range(weighed: Iterable[tuple[float, str]]) -> None:
    """Every (weight, answer text) within -100% to 100%."""
    for weight, text in weighed:
        if not -1.0 <= weight <= 1.0:
            raise _Skip(f"weight {_percent(weight)} of '{text}' is outside -100% to 100%")


def _options(answers: list[Answer], plain: bool = True) -> tuple[Option, ...]:
    ids = option_ids()
    return tuple(Option(next(ids), _plain(a.text) if plain else a.text.value, a.weight,
                        _rich(a.feedback)) for a in answers)


def _choice(parsed: Parsed) -> tuple[QuestionType, tuple[Option, ...]]:
    # Moodle does not save answers whose text is blank.
    kept = [a for a in parsed.answers if _plain(a.text)]
    if len(kept) < 2:
        raise _Skip("a multiple-choice question needs at least two answers with text")
    _check_range((a.weight, a.text.value) for a in kept)
    options = _options(kept)
    values = [o.value for o in options]
    if parsed.single:
        if values.count(1.0) == 1 and all(v in (0.0, 1.0) for v in values):
            return QuestionType.SINGLE, options
        return QuestionType.SCENARIO, options
    positive = sum(v for v in values if v > 0)
    if positive == 0:
        raise _Skip("no answer is right: mark one with = or give some a positive %weight%")
    if abs(positive - 1.0) > _SUM_TOLERANCE:
        raise _Skip(f"the weights of the right answers add up to {_percent(positive)}, not "
                    "100%, so no one could score full marks")
    return QuestionType.MULTIPLE, options


def _short(parsed: Parsed) -> tuple[Option, ...]:
    # Typed answers are compared as written, so a format tag is dropped but HTML is kept.
    kept = [a for a in parsed.answers if a.text.value]
    if not kept:
        raise _Skip("a short-answer question needs at least one answer")
    _check_range((a.weight, a.text.value) for a in kept)
    if max(a.weight for a in kept) < 1.0:
        raise _Skip("no answer earns full marks (100%)")
    return _options(kept, plain=False)


def _numerical(parsed: Parsed) -> tuple[Option, ...]:
    ids = option_ids()
    options = []
    for number in parsed.numbers:
        value = None if number.value is None else float(number.value)
        tolerance = float(number.tolerance)
        options.append(Option(next(ids), answer_text(value, tolerance), number.weight,
                              _rich(number.feedback), number=value, tolerance=tolerance))
    _check_range((o.value, o.text) for o in options)
    if max(o.value for o in options) < 1.0:
        raise _Skip("no answer earns full marks (100%)")
    return tuple(options)


def _pairs(parsed: Parsed) -> tuple[tuple[Pair, ...], tuple[str, ...]]:
    """The pairs and the distractors (answers with no question, which Moodle offers as
    extra choices that match nothing)."""
    pairs: list[Pair] = []
    extra: list[str] = []
    for left_text, right in parsed.pairs:
        left = _plain(left_text)
        if not left and not right:
            continue
        if not left:
            extra.append(right)
            continue
        if not right:
            raise _Skip(f"matching question '{left}' has no answer")
        pairs.append(Pair(left, right))
    if len(pairs) < 2:
        raise _Skip("a matching question needs at least two pairs")
    if len({p.left for p in pairs}) != len(pairs) or len({p.right for p in pairs}) != len(pairs):
        raise _Skip("two pairs share the same question or answer; each must differ")
    # Moodle offers each answer text once, so a repeated one adds no choice.
    rights = {p.right for p in pairs}
    distractors = tuple(dict.fromkeys(d for d in extra if d not in rights))
    return tuple(pairs), distractors


def _snippet(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 40 else line[:39] + "…"


class _Reader:
    """Collects the questions of one file, category by category."""

    def __init__(self, path: Path, skipped: list[Problem]) -> None:
        self.path = path
        self.skipped = skipped
        self.title = file_words(path)
        self.category = ""
        self.quizzes: dict[str, _QuizDraft] = {}
        self.question_ids: set[str] = set()
        self.practice: list[PracticeItem] = []

    def add(self, block: Block) -> None:
        """Read one block: a category switch, a question, or both."""
        first = block.lines[0][1]
        if first.startswith(CATEGORY):
            # Moodle takes the whole block as the category name; a question written
            # straight under the category line is read as a question instead of lost.
            self.category = unescape(first[len(CATEGORY):]).strip(WS)
            if len(block.lines) == 1:
                return
            block = Block(block.lines[1:])
        try:
            parsed = parse_question(block)
        except GiftSyntaxError as exc:
            self._skip(block.line, str(exc), _snippet(first))
            return
        if parsed.kind == "essay":
            try:
                self.practice.append(self._practice(parsed, block.line))
            except _Skip as exc:
                self._skip(block.line, str(exc), parsed.name or _snippet(parsed.text.value))
            return
        try:
            question = self._question(parsed, block.line)
        except _Skip as exc:
            self._skip(block.line, str(exc), parsed.name or _snippet(parsed.text.value))
            return
        self._quiz().questions.append(question)

    def _skip(self, line: int, message: str, item: str | None) -> None:
        self.skipped.append(Problem(str(self.path), message, line, item or None))

    def _quiz(self) -> _QuizDraft:
        draft = self.quizzes.get(self.category)
        if draft is None:
            title = category_title(self.category) if self.category else self.title
            base = slug(title, "quiz")
            taken = {q.id for q in self.quizzes.values()}
            key, n = base, 1
            while key in taken:
                n += 1
                key = f"{base}-{n}"
            draft = self.quizzes[self.category] = _QuizDraft(key, title)
        return draft

    def _key(self, parsed: Parsed, text: str) -> str:
        """The item's id: its Moodle id number (kept as it is when it is a valid id),
        else its name, else one from its category and text, so importing the same file
        again updates it. Unique within the file."""
        key = ""
        if parsed.idnumber:
            key = parsed.idnumber if ID_PATTERN.match(parsed.idnumber) \
                else slug(parsed.idnumber, "")
        if not key and parsed.name:
            key = slug(parsed.name, "")
        return self._unique(key or stable_key("gift", self.category, text))

    def _unique(self, key: str) -> str:
        found, n = key, 1
        while found in self.question_ids:
            n += 1
            found = f"{key}-{n}"
        self.question_ids.add(found)
        return found

    def _question(self, parsed: Parsed, line: int) -> Question:
        if parsed.kind in UNSUPPORTED:
            raise _Skip(UNSUPPORTED[parsed.kind])
        prompt = _rich(parsed.text)
        if not prompt:
            raise _Skip("has no question text")
        options: tuple[Option, ...] = ()
        pairs: tuple[Pair, ...] = ()
        distractors: tuple[str, ...] = ()
        if parsed.kind == "multichoice":
            kind, options = _choice(parsed)
        elif parsed.kind == "shortanswer":
            kind, options = QuestionType.SHORTANSWER, _short(parsed)
        elif parsed.kind == "numerical":
            kind, options = QuestionType.NUMERICAL, _numerical(parsed)
        elif parsed.kind == "match":
            kind = QuestionType.MATCHING
            pairs, distractors = _pairs(parsed)
        else:
            kind = QuestionType.TRUEFALSE
        topic = slug(self._quiz().title, "quiz")
        return Question(
            id=self._key(parsed, prompt), type=kind, prompt=prompt, topic=topic,
            options=options, answer=parsed.truth if kind == QuestionType.TRUEFALSE else None,
            feedback_true=_rich(parsed.feedback_true),
            feedback_false=_rich(parsed.feedback_false), pairs=pairs,
            explanation=_rich(parsed.general_feedback), source=SOURCE_ID, line=line,
            distractors=distractors, tags=parsed.tags)

    def _practice(self, parsed: Parsed, line: int) -> PracticeItem:
        task = _rich(parsed.text)
        if not task:
            raise _Skip("has no question text")
        title = category_title(self.category) if self.category else self.title
        return PracticeItem(
            id=self._key(parsed, task), topic=slug(title, "quiz"), situation=task,
            prospect="", model=_rich(parsed.general_feedback), checks=model_rubric(),
            title=" ".join(parsed.name.split()) if parsed.name else "",
            source=SOURCE_ID, line=line, tags=parsed.tags)

    def deck(self) -> Deck:
        """The deck of every quiz that received a question, and the practice items."""
        quizzes = tuple(
            Quiz(id=d.id, title=d.title, topic=slug(d.title, "quiz"),
                 questions=tuple(d.questions), pass_mark=70, shuffle=True, certainty=False)
            for d in self.quizzes.values() if d.questions)
        source = Source(SOURCE_ID, self.path.name, publisher="Imported from Moodle GIFT")
        return Deck(id=slug(self.title, "gift"), title=self.title, version="1",
                    description=f"Imported from {self.path.name}.", sources=(source,),
                    quizzes=quizzes, path=self.path, practice=tuple(self.practice))
