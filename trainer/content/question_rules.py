"""What each quiz question type asks of a question in a deck file, as one table: the
fields that belong to it, how it reads them, and the rule for its options. A new type is
one entry in ``QUESTION_RULES`` (with the functions it needs); ``questionfile.py`` reads
every question through this table, and reports a field of one type found on another."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from trainer.content.fields import Fields, TableCounter
from trainer.content.option_rules import (
    NUMBER_KEYS,
    OptionRule,
    accepted_number,
    full_unless_scored,
    one_best,
    one_right,
    required_credit,
    right_or_wrong,
    weights_add_up,
    written_text,
)
from trainer.domain.quiz import Pair, QuestionType

PAIR_KEYS = {"left", "right"}


@dataclass(frozen=True)
class Particulars:
    """What a question type reads beyond the prompt and options."""

    answer: bool | None = None
    pairs: tuple[Pair, ...] = ()
    distractors: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()


# Reads a type's own fields; None after reporting a problem.
Reader = Callable[[Fields, TableCounter], Particulars | None]


def _nothing(f: Fields, counter: TableCounter) -> Particulars | None:
    return Particulars()


@dataclass(frozen=True)
class QuestionRule:
    """What one question type asks of a question."""

    fields: tuple[str, ...] = ()  # question fields of this type; any other type refuses them
    read: Reader = _nothing  # reads what the type adds to a question
    options: OptionRule | None = None  # None: the type has no options


def _truefalse(f: Fields, counter: TableCounter) -> Particulars | None:
    if not isinstance(f.table.get("answer"), bool):
        f.error("a truefalse question needs 'answer = true' or 'answer = false'", "answer")
        return None
    return Particulars(answer=f.table["answer"])


def _matching(f: Fields, counter: TableCounter) -> Particulars | None:
    pairs = _pairs(f, counter)
    distractors = _distractors(f, pairs)
    if not pairs or distractors is None:
        return None
    return Particulars(pairs=pairs, distractors=distractors)


def _pairs(q: Fields, counter: TableCounter) -> tuple[Pair, ...]:
    value = q.table.get("pairs")
    tables = q.out.tables(value if value is not None else [], "quizzes.questions.pairs", q.line)
    pairs: list[Pair] = []
    bad = False
    for table in tables:
        f = Fields(q.out, table, "quizzes.questions.pairs",
                   counter.next("quizzes.questions.pairs"))
        f.item = q.item
        f.unknown(PAIR_KEYS)
        left, right = f.text("left", required=True), f.text("right", required=True)
        if left is None or right is None:
            bad = True
        else:
            pairs.append(Pair(left, right))
    if len(tables) < 2:
        q.error("a matching question needs at least two [[quizzes.questions.pairs]]")
        return ()
    if len({p.left for p in pairs}) != len(pairs) or len({p.right for p in pairs}) != len(pairs):
        q.error("two pairs share the same left or right text; each must differ")
        bad = True
    return () if bad else tuple(pairs)


def _distractors(f: Fields, pairs: tuple[Pair, ...]) -> tuple[str, ...] | None:
    """Extra right-hand texts of a matching question, offered with the answers but
    belonging to no left-hand item."""
    extra = f.texts("distractors")
    rights = {p.right for p in pairs}
    if len(set(extra)) != len(extra):
        f.error("two distractors have the same text; each must differ", "distractors")
        return None
    clash = [d for d in extra if d in rights]
    if clash:
        f.error(f"distractor '{clash[0]}' is also the answer of a pair; a distractor must "
                "match nothing", "distractors")
        return None
    return extra


def _ordering(f: Fields, counter: TableCounter) -> Particulars | None:
    steps = f.texts("steps")
    if len(steps) < 2:
        f.error("an ordering question needs 'steps' with at least two steps, in the right "
                "order", "steps")
        return None
    if len(set(steps)) != len(steps):
        f.error("two steps have the same text; each step must differ", "steps")
        return None
    return Particulars(steps=steps)


# The order of the entries is the order in which a question's fields of other types are
# reported: a deck's problems read the same from one version to the next.
QUESTION_RULES: dict[QuestionType, QuestionRule] = {
    QuestionType.SINGLE: QuestionRule(options=OptionRule(
        credit="correct", read_credit=right_or_wrong, read_answer=written_text,
        check=one_right)),
    QuestionType.MULTIPLE: QuestionRule(options=OptionRule(
        credit="weight", read_credit=required_credit, read_answer=written_text,
        check=weights_add_up)),
    QuestionType.TRUEFALSE: QuestionRule(
        fields=("answer", "feedback_true", "feedback_false"), read=_truefalse),
    QuestionType.MATCHING: QuestionRule(fields=("pairs", "distractors"), read=_matching),
    QuestionType.ORDERING: QuestionRule(fields=("steps",), read=_ordering),
    QuestionType.SCENARIO: QuestionRule(fields=("situation",), options=OptionRule(
        credit="score", read_credit=required_credit, read_answer=written_text,
        check=one_best)),
    QuestionType.SHORTANSWER: QuestionRule(options=OptionRule(
        credit="score", read_credit=full_unless_scored, read_answer=written_text,
        check=one_best, least=1)),
    QuestionType.NUMERICAL: QuestionRule(options=OptionRule(
        credit="score", read_credit=full_unless_scored, read_answer=accepted_number,
        check=one_best, least=1, uses=NUMBER_KEYS,
        refuses={"pin": "their answers are typed"})),
}


def _owners(fields_of: Callable[[QuestionRule], Iterable[str]]) -> dict[str, str]:
    """A field only some types have -> those types, in words."""
    owners: dict[str, list[str]] = {}
    for kind, rule in QUESTION_RULES.items():
        for key in fields_of(rule):
            owners.setdefault(key, []).append(kind)
    return {key: " and ".join(kinds) for key, kinds in owners.items()}


TYPE_FIELDS = _owners(lambda rule: rule.fields)
OPTION_FIELDS = _owners(lambda rule: rule.options.uses if rule.options else ())
# The option fields that carry credit, each type's own.
CREDIT_FIELDS = tuple(dict.fromkeys(r.options.credit for r in QUESTION_RULES.values()
                                    if r.options))

QUESTION_KEYS = {"id", "type", "prompt", "topic", "explanation", "source", "options",
                 "tags", *TYPE_FIELDS}
OPTION_KEYS = {"id", "text", "feedback", "pin", *CREDIT_FIELDS, *OPTION_FIELDS}
