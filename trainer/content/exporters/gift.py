"""A deck's quizzes as a Moodle GIFT file, which Moodle (and ``read_gift``) imports.

Each quiz becomes a ``$CATEGORY:``, each question is named after its id, prompts are
marked ``[markdown]`` (what they are), and option feedback and explanations (as general
feedback) go with them. A scenario's situation is written before its prompt, as GIFT has
one question text. Practice items become essay questions: the situation and the
prospect's line as the question, the model reply and the rubric as general feedback.
Ordering questions, and the rare texts GIFT cannot express, are left out and returned
as problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

from trainer.domain.deck import Deck
from trainer.domain.errors import Problem
from trainer.domain.practice import MODEL_CHECK_ID, PracticeItem
from trainer.domain.quiz import Option, Question, QuestionType

# GIFT's control characters, its escape character, and line breaks (a blank line would
# end the question).
_ESCAPES = str.maketrans({"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{",
                          "}": "\\}", ":": "\\:", "\n": "\\n", "\r": ""})


class _Unwritable(Exception):
    """A question GIFT cannot express; the message says why."""


def escape(text: str) -> str:
    """Text with GIFT's control characters escaped and line breaks written as ``\\n``."""
    return text.translate(_ESCAPES)


def _tagged(text: str, tag: str) -> str:
    # A text that starts with "[" would have its first word read as a format tag, so it
    # gets an explicit one.
    escaped = escape(text)
    return f"[{tag}]{escaped}" if escaped.startswith("[") else escaped


def _percent(value: float) -> str:
    number = f"{value * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if number in ("", "-0") else number


def _feedback(text: str) -> str:
    return f"#{_tagged(text, 'markdown')}" if text else ""


def _option(option: Option, marker: str, weight: float | None) -> str:
    text = _tagged(option.text, "plain")
    # Moodle reads a leading "%n%" as a weight, except straight after "=" in a
    # multiple-choice question; a text that starts with "%" gets an explicit weight.
    if weight is None and text.startswith("%") and marker == "~":
        weight = 0.0
    prefix = f"%{_percent(weight)}%" if weight is not None else ""
    return f"\t{marker}{prefix}{text}{_feedback(option.feedback)}"


def _answers(question: Question) -> list[str]:
    kind = question.type
    if kind in (QuestionType.SINGLE, QuestionType.SCENARIO):
        # "=" is what makes a Moodle multiple-choice question single-answer.
        if not any(o.value >= 1.0 for o in question.options):
            raise _Unwritable(f"a {kind} question needs an option worth full marks")
        return [_option(o, "=", None) if o.value >= 1.0
                else _option(o, "~", o.value or None) for o in question.options]
    if kind == QuestionType.MULTIPLE:
        return [_option(o, "~", o.value or None) for o in question.options]
    if kind == QuestionType.SHORTANSWER:
        lines = []
        for o in question.options:
            if "->" in o.text or "->" in o.feedback:
                raise _Unwritable("an accepted answer or its feedback contains '->', which "
                                  "GIFT reads as a matching question")
            text = _tagged(o.text, "plain")
            weight = "" if o.value == 1.0 and not text.startswith("%") \
                else f"%{_percent(o.value)}%"
            lines.append(f"\t={weight}{text}{_feedback(o.feedback)}")
        return lines
    if kind == QuestionType.MATCHING:
        if any("->" in p.left for p in question.pairs):
            raise _Unwritable("a left-hand text contains '->', which GIFT cannot escape")
        return [f"\t={_tagged(p.left, 'plain')} -> {escape(p.right)}" for p in question.pairs]
    if kind == QuestionType.TRUEFALSE:
        # GIFT's order is {answer#feedback for a wrong answer#feedback for a right one}.
        truth = bool(question.answer)
        right, wrong = ((question.feedback_true, question.feedback_false) if truth
                        else (question.feedback_false, question.feedback_true))
        line = "TRUE" if truth else "FALSE"
        if wrong or right:
            line += _feedback(wrong) or "#"
        line += _feedback(right)
        return [f"\t{line}"]
    raise _Unwritable(f"{kind} questions cannot be written as GIFT")


def _question(question: Question) -> str:
    lines = _answers(question)
    if question.explanation:
        lines.append(f"\t####{_tagged(question.explanation, 'markdown')}")
    text = question.prompt
    if question.situation:
        text = f"{question.situation}\n\n{text}"
    head = f"::{escape(question.id)}::[markdown]{escape(text)}{{"
    return "\n".join([head, *lines, "}"])


def _essay(item: PracticeItem) -> str:
    """A practice item as a Moodle essay question (``{}`` with general feedback)."""
    text = item.situation
    if item.prospect:
        text += "\n\nThe prospect says:\n\n> " + item.prospect.replace("\n", "\n> ")
    feedback = item.model
    if item.checks and item.checks[0].id != MODEL_CHECK_ID:
        feedback += "\n\nA good reply:\n\n" + "\n".join(f"- {c.text}" for c in item.checks)
    name = f"::{escape(item.id)}::"
    answers = f"{{####{_tagged(feedback, 'markdown')}}}" if feedback.strip() else "{}"
    return f"{name}[markdown]{escape(text)}{answers}"


def write_gift(deck: Deck, path: Path) -> list[Problem]:
    """Write the deck's quizzes (and its practice items, as essay questions, in a
    category of their own) to ``path`` as GIFT; returns one problem per question left
    out (ordering questions, and texts GIFT cannot express)."""
    where = str(deck.path) if deck.path is not None else deck.id
    problems: list[Problem] = []
    parts = [f"// {deck.title} ({deck.id}, version {deck.version}), "
             "written by Sales Trainer as Moodle GIFT."]
    for quiz in deck.quizzes:
        written = []
        for question in quiz.questions:
            try:
                written.append(_question(question))
            except _Unwritable as exc:
                problems.append(Problem(where, f"{exc}; left out", question.line, question.id))
        if written:
            # In a category path "/" separates levels; "//" is a slash in a name.
            parts.append(f"$CATEGORY: {quiz.title.replace('/', '//')}")
            parts.extend(written)
    if deck.practice:
        parts.append(f"$CATEGORY: {(deck.title + ' practice').replace('/', '//')}")
        parts.extend(_essay(item) for item in deck.practice)
    text = "\n\n".join(parts) + "\n"
    if str(path) == "-":  # "-o -": standard output, for a pipe
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        path.write_text(text, encoding="utf-8")
    return problems
