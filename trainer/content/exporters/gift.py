"""A deck's quizzes as a Moodle GIFT file, which Moodle (and ``read_gift``) imports.

Each quiz becomes a ``$CATEGORY:``, each question is named after its id and carries its
id and tags as Moodle 4 writes them (``// [id:...] [tag:...]``), prompts are marked
``[markdown]`` (what they are), and option feedback and explanations (as general
feedback) go with them. A scenario's situation is written before its prompt, as GIFT has
one question text. Numerical questions are written as ``{#...}`` (each answer as number
and margin, ``=%50%3.1:0.1``), a matching question's distractors as answers with no
question (``= -> Chat``). Practice items become essay questions: the situation and the
prospect's line as the question, the model reply and the rubric as general feedback.

Weights are written as the grades Moodle's import accepts (100, 90, 83.33333, ...), the
nearest one to the deck's; a weight that is not one of them is written as the nearest
and returned as a warning. Ordering questions, and the rare texts GIFT cannot express,
are left out and returned as problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

from trainer.content.importers.gift_parse import grade_text, is_grade, nearest_grade
from trainer.content.outputs import check_output
from trainer.domain.deck import Deck
from trainer.domain.errors import Problem
from trainer.domain.numeric import plain
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


class _Grades:
    """Writes weights as the grades Moodle accepts, noting each one it had to move."""

    def __init__(self) -> None:
        self.moved: list[str] = []

    def percent(self, value: float, label: str) -> str:
        """The weight as GIFT's percent, the listed grade nearest to ``value``."""
        grade = nearest_grade(value)
        if not is_grade(value):
            self.moved.append(f"weight {value * 100:g}% of '{label}' is not a grade Moodle "
                              f"accepts; written as the nearest, {grade_text(grade)}%")
        return grade_text(grade)

    def check_sum(self, question: Question) -> None:
        """A multiple question whose right weights, as written, miss 100% in Moodle."""
        total = sum(nearest_grade(o.value) for o in question.options if o.value > 0)
        if self.moved and abs(total - 1.0) > 1e-6:
            self.moved.append(f"the right options' weights as written add up to "
                              f"{grade_text(total)}%, so Moodle gives no one full marks")


def _feedback(text: str) -> str:
    return f"#{_tagged(text, 'markdown')}" if text else ""


def _option(option: Option, marker: str, weight: float | None, grades: _Grades) -> str:
    text = _tagged(option.text, "plain")
    # Moodle reads a leading "%n%" as a weight, except straight after "=" in a
    # multiple-choice question; a text that starts with "%" gets an explicit weight.
    if weight is None and text.startswith("%") and marker == "~":
        weight = 0.0
    prefix = f"%{grades.percent(weight, option.text)}%" if weight is not None else ""
    return f"\t{marker}{prefix}{text}{_feedback(option.feedback)}"


def _numbers(question: Question, grades: _Grades) -> list[str]:
    """``{#`` answers: each number with its margin and weight; an answer for any number
    ("*") last and worth nothing is Moodle's ``~#feedback``."""
    lines = []
    last = len(question.options) - 1
    for index, o in enumerate(question.options):
        if o.number is None and index == last and o.value == 0:
            lines.append(f"\t~{_feedback(o.feedback) or '#'}")
            continue
        weight = "" if o.value == 1.0 else f"%{grades.percent(o.value, o.text)}%"
        number = "*" if o.number is None else plain(o.number)
        margin = f":{plain(o.tolerance)}" if o.number is not None and o.tolerance else ""
        lines.append(f"\t={weight}{number}{margin}{_feedback(o.feedback)}")
    return lines


def _answers(question: Question, grades: _Grades) -> list[str]:
    kind = question.type
    if kind in (QuestionType.SINGLE, QuestionType.SCENARIO):
        # "=" is what makes a Moodle multiple-choice question single-answer.
        if not any(o.value >= 1.0 for o in question.options):
            raise _Unwritable(f"a {kind} question needs an option worth full marks")
        return [_option(o, "=", None, grades) if o.value >= 1.0
                else _option(o, "~", o.value or None, grades) for o in question.options]
    if kind == QuestionType.MULTIPLE:
        lines = [_option(o, "~", o.value or None, grades) for o in question.options]
        grades.check_sum(question)
        return lines
    if kind == QuestionType.SHORTANSWER:
        lines = []
        for o in question.options:
            if "->" in o.text or "->" in o.feedback:
                raise _Unwritable("an accepted answer or its feedback contains '->', which "
                                  "GIFT reads as a matching question")
            text = _tagged(o.text, "plain")
            weight = "" if o.value == 1.0 and not text.startswith("%") \
                else f"%{grades.percent(o.value, o.text)}%"
            lines.append(f"\t={weight}{text}{_feedback(o.feedback)}")
        return lines
    if kind == QuestionType.NUMERICAL:
        if any("->" in o.feedback for o in question.options):
            raise _Unwritable("an answer's feedback contains '->', which GIFT reads as a "
                              "matching question")
        return _numbers(question, grades)
    if kind == QuestionType.MATCHING:
        if any("->" in p.left for p in question.pairs):
            raise _Unwritable("a left-hand text contains '->', which GIFT cannot escape")
        # A distractor is an answer with no question, which Moodle offers as one more
        # choice.
        return [f"\t={_tagged(p.left, 'plain')} -> {escape(p.right)}" for p in question.pairs
                ] + [f"\t= -> {escape(d)}" for d in question.distractors]
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


def _bracketed(text: str) -> str:
    return text.replace("]", "\\]")


def _id_and_tags(key: str, tags: tuple[str, ...], skipped: list[str]) -> str:
    """Moodle 4's comment line with the item's id number and tags. A tag Moodle cannot
    hold (with "<", ">" or a control character) is left out and noted in ``skipped``."""
    bits = [f"[id:{_bracketed(key)}]"]
    for tag in tags:
        if any(c in "<>" or ord(c) < 32 or ord(c) == 127 for c in tag):
            skipped.append(f"tag '{tag}' has a character Moodle's tags cannot hold; "
                           "left out")
        else:
            bits.append(f"[tag:{_bracketed(tag)}]")
    return "// " + " ".join(bits)


def _question(question: Question, notes: list[str]) -> str:
    grades = _Grades()
    lines = _answers(question, grades)
    notes.extend(grades.moved)
    if question.explanation:
        lines.append(f"\t####{_tagged(question.explanation, 'markdown')}")
    text = question.prompt
    if question.situation:
        text = f"{question.situation}\n\n{text}"
    # A numerical question's answers start with "#" straight after the brace.
    opening = "{#" if question.type == QuestionType.NUMERICAL else "{"
    head = f"::{escape(question.id)}::[markdown]{escape(text)}{opening}"
    return "\n".join([_id_and_tags(question.id, question.tags, notes), head, *lines, "}"])


def _essay(item: PracticeItem, notes: list[str]) -> str:
    """A practice item as a Moodle essay question (``{}`` with general feedback)."""
    text = item.situation
    if item.prospect:
        text += "\n\nThe prospect says:\n\n> " + item.prospect.replace("\n", "\n> ")
    feedback = item.model
    if item.checks and item.checks[0].id != MODEL_CHECK_ID:
        feedback += "\n\nA good reply:\n\n" + "\n".join(f"- {c.text}" for c in item.checks)
    name = f"::{escape(item.id)}::"
    answers = f"{{####{_tagged(feedback, 'markdown')}}}" if feedback.strip() else "{}"
    return (_id_and_tags(item.id, item.tags, notes) + "\n"
            + f"{name}[markdown]{escape(text)}{answers}")


def write_gift(deck: Deck, path: Path) -> list[Problem]:
    """Write the deck's quizzes (and its practice items, as essay questions, in a
    category of their own) to ``path`` as GIFT. Returns an error for each question left
    out (ordering questions, and texts GIFT cannot express) and a warning for each
    thing written otherwise than the deck has it (a weight moved to the nearest grade
    Moodle accepts, a tag Moodle cannot hold)."""
    where = str(deck.path) if deck.path is not None else deck.id
    problems: list[Problem] = []
    parts = [f"// {deck.title} ({deck.id}, version {deck.version}), "
             "written by Sales Trainer as Moodle GIFT."]
    for quiz in deck.quizzes:
        written = []
        for question in quiz.questions:
            notes: list[str] = []
            try:
                written.append(_question(question, notes))
            except _Unwritable as exc:
                problems.append(Problem(where, f"{exc}; left out", question.line, question.id))
                continue
            problems.extend(Problem(where, note, question.line, question.id, "warning")
                            for note in notes)
        if written:
            # In a category path "/" separates levels; "//" is a slash in a name.
            parts.append(f"$CATEGORY: {quiz.title.replace('/', '//')}")
            parts.extend(written)
    if deck.practice:
        parts.append(f"$CATEGORY: {(deck.title + ' practice').replace('/', '//')}")
        for item in deck.practice:
            notes = []
            parts.append(_essay(item, notes))
            problems.extend(Problem(where, note, item.line, item.id, "warning")
                            for note in notes)
    text = "\n\n".join(parts) + "\n"
    if str(path) == "-":  # "-o -": standard output, for a pipe
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        check_output(path)
        path.write_text(text, encoding="utf-8")
    return problems
