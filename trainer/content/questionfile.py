"""One quiz question of a deck file (``[[quizzes.questions]]``), read through the table
of what each type asks of it (``question_rules.py``): its common fields, its type's own
(checked there), and its options. Every problem is collected."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from trainer.content.fields import (
    ID_PATTERN,
    Collector,
    Fields,
    TableCounter,
    claim_item_id,
    source_of,
)
from trainer.content.option_rules import Answer, OptionRule
from trainer.content.question_rules import (
    CREDIT_FIELDS,
    OPTION_FIELDS,
    OPTION_KEYS,
    QUESTION_KEYS,
    QUESTION_RULES,
    TYPE_FIELDS,
    Particulars,
    QuestionRule,
)
from trainer.domain.quiz import Option, Question, QuestionType

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# A question whose type is missing or unknown: it has no fields of its own.
_NO_TYPE = QuestionRule()


def option_ids() -> Iterator[str]:
    """a, b, ... z, then a1, b1, ...: the ids options get when none is written (here
    and in imported questions)."""
    round_ = 0
    while True:
        for letter in _LETTERS:
            yield letter + (str(round_) if round_ else "")
        round_ += 1


def build_question(table: dict[str, Any], out: Collector, counter: TableCounter,
                   source_ids: set[str], quiz_topic: str,
                   taken: dict[str, int | None]) -> Question | None:
    """The question of ``table``, or None when it has an error (reported in ``out``);
    ``taken`` maps ids already used in the deck (and fills with this one)."""
    f = Fields(out, table, "quizzes.questions", counter.next("quizzes.questions"))
    # Nested tables are numbered across the file; whatever happens to this question, the
    # next one's options and pairs must start counting after all of this one's.
    ends = {block: counter.seen.get(block, 0) + len(table.get(name) or [])
            for block, name in (("quizzes.questions.options", "options"),
                                ("quizzes.questions.pairs", "pairs"))
            if isinstance(table.get(name, []), list)}
    try:
        return _parse_question(f, out, counter, source_ids, quiz_topic, taken)
    finally:
        counter.seen.update(ends)


def _parse_question(f: Fields, out: Collector, counter: TableCounter, source_ids: set[str],
                    quiz_topic: str, taken: dict[str, int | None]) -> Question | None:
    qid = f.ident("question")
    f.unknown(QUESTION_KEYS)
    ok = claim_item_id(f, qid, taken)
    kind = _kind(f)
    prompt = f.text("prompt", required=True)
    source, named = source_of(f, source_ids)
    ok = ok and named
    rule = QUESTION_RULES[kind] if kind else _NO_TYPE
    options: tuple[Option, ...] = ()
    if rule.options and kind:
        options = _build_options(kind, rule.options, f, counter)
        ok = ok and bool(options)
    elif f.table.get("options") is not None and kind:
        f.error(f"a {kind} question does not use [[quizzes.questions.options]]", "options")
    own = _particulars(f, rule, counter)
    topic = f.text("topic") or quiz_topic
    tags = f.tags()
    if not (ok and own is not None and qid and kind and prompt) or f.item is None:
        return None
    if any(p.item == qid and p.severity == "error" for p in out.problems):
        return None
    return Question(
        id=qid, type=kind, prompt=prompt, topic=topic, situation=f.text("situation") or "",
        options=options, answer=own.answer, feedback_true=f.text("feedback_true") or "",
        feedback_false=f.text("feedback_false") or "", pairs=own.pairs, steps=own.steps,
        explanation=f.text("explanation") or "", source=source, line=f.line,
        distractors=own.distractors, tags=tags,
    )


def _kind(f: Fields) -> QuestionType | None:
    kind_text = f.text("type", required=True)
    if kind_text is None:
        return None
    try:
        return QuestionType(kind_text)
    except ValueError:
        f.error(f"unknown question type '{kind_text}' (use one of: "
                f"{', '.join(t.value for t in QuestionType)})", "type")
        return None


def _particulars(f: Fields, rule: QuestionRule, counter: TableCounter) -> Particulars | None:
    """The type's own fields read by its rule, and each field of another type refused,
    in the table's order of fields (a type's are read where its first one comes)."""
    first = rule.fields[0] if rule.fields else None
    own = rule.read(f, counter) if first is None else Particulars()
    for key, owners in TYPE_FIELDS.items():
        if key == first:
            own = rule.read(f, counter)
        elif key not in rule.fields and key in f.table:
            f.error(f"'{key}' belongs to {owners} questions only", key)
    return own


def _build_options(kind: QuestionType, rule: OptionRule, q: Fields,
                   counter: TableCounter) -> tuple[Option, ...]:
    value = q.table.get("options")
    tables = q.out.tables(value if value is not None else [], "quizzes.questions.options",
                          q.line)
    options: list[Option] = []
    ids: set[str] = set()
    bad = False
    written = {t["id"] for t in tables if isinstance(t.get("id"), str)}
    defaults = (letter for letter in option_ids() if letter not in written)
    for table in tables:
        f = Fields(q.out, table, "quizzes.questions.options",
                   counter.next("quizzes.questions.options"))
        f.item = q.item
        f.unknown(OPTION_KEYS)
        oid = f.text("id") or next(defaults)
        bad = not _option_id(f, oid, ids) or bad
        option, good = _option(f, oid, kind, rule)
        options.append(option)
        bad = bad or not good
    if len(tables) < rule.least:
        q.error(f"a {kind} question needs at least {rule.fewest} "
                "[[quizzes.questions.options]]")
        return ()
    bad = rule.check(q, kind, [o.value for o in options], bad)
    return () if bad else tuple(options)


def _option_id(f: Fields, oid: str, ids: set[str]) -> bool:
    """Whether ``oid`` is a good id, new in its question (noted in ``ids``)."""
    good = True
    if not ID_PATTERN.match(oid):
        f.error(f"option id '{oid}' may use only lowercase letters, digits, '.', '-' "
                "and '_'", "id")
        good = False
    if oid in ids:
        f.error(f"option id '{oid}' is used twice in this question", "id")
        good = False
    ids.add(oid)
    return good


def _option(f: Fields, oid: str, kind: QuestionType, rule: OptionRule) -> tuple[Option, bool]:
    """One option, and whether it is good (its problems reported)."""
    answer = rule.read_answer(f)
    foreign = _foreign_fields(f, kind, rule)
    credit = rule.read_credit(f, rule.credit, kind)
    accepts = answer or Answer("")
    option = Option(oid, accepts.text, credit or 0.0, f.text("feedback") or "",
                    f.boolean("pin", False), accepts.number, accepts.tolerance)
    return option, answer is not None and not foreign and credit is not None


def _foreign_fields(f: Fields, kind: QuestionType, rule: OptionRule) -> bool:
    """Report the option's fields that belong to other types' options; whether any did."""
    found = [key for key in OPTION_FIELDS if key not in rule.uses and key in f.table]
    for key in found:
        f.error(f"'{key}' belongs to the options of {OPTION_FIELDS[key]} questions only", key)
    refused = [key for key in rule.refuses if key in f.table]
    for key in refused:
        f.error(f"'{key}' is not used by {kind} questions: {rule.refuses[key]}", key)
    credits = [key for key in CREDIT_FIELDS if key != rule.credit and key in f.table]
    for key in credits:
        f.error(f"'{key}' is not used by {kind} questions; use '{rule.credit}'", key)
    return bool(found or refused or credits)
