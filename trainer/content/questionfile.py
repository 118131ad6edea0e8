"""One quiz question of a deck file (``[[quizzes.questions]]``) and what its type asks
of it: options and their credit (numbers and margins for numerical questions), pairs
and distractors for matching, steps for ordering, the answer of a truefalse question.
Every problem is collected."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from trainer.content.fields import ID_PATTERN, Collector, Fields, claim_item_id, source_of
from trainer.domain.numeric import LIMIT, answer_text, from_range
from trainer.domain.quiz import Option, Pair, Question, QuestionType

QUESTION_KEYS = {"id", "type", "prompt", "situation", "topic", "explanation", "source",
                 "options", "answer", "feedback_true", "feedback_false", "pairs", "steps",
                 "distractors", "tags"}
OPTION_KEYS = {"id", "text", "correct", "weight", "score", "feedback", "pin", "number",
               "tolerance", "min", "max"}
# The fields that say which numbers a numerical option accepts.
NUMBER_KEYS = ("number", "tolerance", "min", "max")
PAIR_KEYS = {"left", "right"}

# Which option field carries the credit for each type that has options.
VALUE_FIELD = {QuestionType.SINGLE: "correct", QuestionType.MULTIPLE: "weight",
               QuestionType.SCENARIO: "score", QuestionType.SHORTANSWER: "score",
               QuestionType.NUMERICAL: "score"}
# Types whose options are accepted answers, fully right unless a score says otherwise.
_TYPED = (QuestionType.SHORTANSWER, QuestionType.NUMERICAL)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def option_ids() -> Iterator[str]:
    """a, b, ... z, then a1, b1, ...: the ids options get when none is written (here
    and in imported questions)."""
    round_ = 0
    while True:
        for letter in _LETTERS:
            yield letter + (str(round_) if round_ else "")
        round_ += 1


class TableCounter:
    """Nested ``[[a.b]]`` tables are numbered across the whole file, not per parent."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def next(self, block: str) -> int:
        index = self.seen.get(block, 0)
        self.seen[block] = index + 1
        return index


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
        return _parse_question(f, table, out, counter, source_ids, quiz_topic, taken)
    finally:
        counter.seen.update(ends)


def _parse_question(f: Fields, table: dict[str, Any], out: Collector,
                    counter: TableCounter, source_ids: set[str], quiz_topic: str,
                    taken: dict[str, int | None]) -> Question | None:
    qid = f.ident("question")
    f.unknown(QUESTION_KEYS)
    ok = claim_item_id(f, qid, taken)
    kind_text = f.text("type", required=True)
    kind: QuestionType | None = None
    if kind_text is not None:
        try:
            kind = QuestionType(kind_text)
        except ValueError:
            f.error(f"unknown question type '{kind_text}' (use one of: "
                    f"{', '.join(t.value for t in QuestionType)})", "type")
    prompt = f.text("prompt", required=True)
    source, named = source_of(f, source_ids)
    ok = ok and named
    options: tuple[Option, ...] = ()
    pairs: tuple[Pair, ...] = ()
    steps: tuple[str, ...] = ()
    answer: bool | None = None
    raw_options = table.get("options")
    if kind in VALUE_FIELD:
        options = _build_options(raw_options, kind, f, counter)
        ok = ok and bool(options)
    elif raw_options is not None and kind is not None:
        f.error(f"a {kind} question does not use [[quizzes.questions.options]]", "options")
    if kind == QuestionType.TRUEFALSE:
        if not isinstance(table.get("answer"), bool):
            f.error("a truefalse question needs 'answer = true' or 'answer = false'", "answer")
        else:
            answer = table["answer"]
    else:
        for key in ("answer", "feedback_true", "feedback_false"):
            if key in table:
                f.error(f"'{key}' belongs to truefalse questions only", key)
    distractors: tuple[str, ...] = ()
    if kind == QuestionType.MATCHING:
        pairs = _build_pairs(table.get("pairs"), f, counter)
        ok = ok and bool(pairs)
        distractors = _distractors(f, pairs)
    else:
        for key in ("pairs", "distractors"):
            if key in table:
                f.error(f"'{key}' belongs to matching questions only", key)
    if kind == QuestionType.ORDERING:
        steps = f.texts("steps")
        if len(steps) < 2:
            f.error("an ordering question needs 'steps' with at least two steps, in the "
                    "right order", "steps")
        elif len(set(steps)) != len(steps):
            f.error("two steps have the same text; each step must differ", "steps")
    elif "steps" in table:
        f.error("'steps' belongs to ordering questions only", "steps")
    if kind != QuestionType.SCENARIO and "situation" in table:
        f.error("'situation' belongs to scenario questions only", "situation")
    topic = f.text("topic") or quiz_topic
    tags = f.tags()
    if not (ok and qid and kind and prompt) or f.item is None:
        return None
    if any(p.item == qid and p.severity == "error" for p in out.problems):
        return None
    return Question(
        id=qid, type=kind, prompt=prompt, topic=topic, situation=f.text("situation") or "",
        options=options, answer=answer, feedback_true=f.text("feedback_true") or "",
        feedback_false=f.text("feedback_false") or "", pairs=pairs, steps=steps,
        explanation=f.text("explanation") or "", source=source, line=f.line,
        distractors=distractors, tags=tags,
    )


def _distractors(f: Fields, pairs: tuple[Pair, ...]) -> tuple[str, ...]:
    """Extra right-hand texts of a matching question, offered with the answers but
    belonging to no left-hand item."""
    extra = f.texts("distractors")
    rights = {p.right for p in pairs}
    if len(set(extra)) != len(extra):
        f.error("two distractors have the same text; each must differ", "distractors")
        return ()
    clash = [d for d in extra if d in rights]
    if clash:
        f.error(f"distractor '{clash[0]}' is also the answer of a pair; a distractor must "
                "match nothing", "distractors")
        return ()
    return extra


def _build_options(value: object, kind: QuestionType, q: Fields,
                   counter: TableCounter) -> tuple[Option, ...]:
    tables = q.out.tables(value if value is not None else [], "quizzes.questions.options",
                          q.line)
    field = VALUE_FIELD[kind]
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
        if not ID_PATTERN.match(oid):
            f.error(f"option id '{oid}' may use only lowercase letters, digits, '.', '-' "
                    "and '_'", "id")
            bad = True
        if oid in ids:
            f.error(f"option id '{oid}' is used twice in this question", "id")
            bad = True
        ids.add(oid)
        accepts: float | None = None  # numerical: the number accepted (None: any)
        tolerance = 0.0
        text: str | None
        if kind == QuestionType.NUMERICAL:
            accepted = _accepted_number(f, table)
            if accepted is None:
                bad = True
                text = ""
            else:
                accepts, tolerance = accepted
                text = answer_text(accepts, tolerance)
            if "pin" in table:
                f.error("'pin' is not used by numerical questions: their answers are typed",
                        "pin")
                bad = True
        else:
            text = f.text("text", required=True)
            for key in NUMBER_KEYS:
                if key in table:
                    f.error(f"'{key}' belongs to the options of numerical questions only", key)
                    bad = True
        for other in set(VALUE_FIELD.values()) - {field}:
            if other in table:
                f.error(f"'{other}' is not used by {kind} questions; use '{field}'", other)
                bad = True
        if kind == QuestionType.SINGLE:
            value_ = 1.0 if f.boolean("correct", False) else 0.0
        elif kind in _TYPED and field not in table:
            value_ = 1.0  # an accepted answer is fully right unless it says otherwise
        else:
            number = f.number(field, -1.0, 1.0)
            if number is None and field not in table:
                f.error(f"each option of a {kind} question needs '{field}' (from -1 to 1)")
            if number is None:
                bad = True
            value_ = number or 0.0
        if text is None:
            bad = True
        options.append(Option(oid, text or "", value_, f.text("feedback") or "",
                              f.boolean("pin", False), accepts, tolerance))
    least = 1 if kind in _TYPED else 2
    if len(tables) < least:
        q.error(f"a {kind} question needs at least "
                f"{'one accepted answer in' if least == 1 else 'two'} "
                "[[quizzes.questions.options]]")
        return ()
    values = [o.value for o in options]
    if kind == QuestionType.SINGLE and values.count(1.0) != 1:
        q.error(f"a single question needs exactly one option with 'correct = true' "
                f"(found {values.count(1.0)})")
        bad = True
    if kind == QuestionType.MULTIPLE and not bad:
        positive = sum(v for v in values if v > 0)
        if abs(positive - 1.0) > 0.011:
            q.error(f"the positive weights add up to {positive:g}; they must add up to 1 so "
                    "that choosing every right option scores full marks")
            bad = True
        if all(v > 0 for v in values):
            q.warn("every option carries credit, so choosing all of them scores full marks")
    if kind in (QuestionType.SCENARIO, *_TYPED) and not bad and max(values) < 1.0:
        q.error(f"no response has the top score: at least one option needs 'score = 1' "
                f"(the best is {max(values):g})")
        bad = True
    return () if bad else tuple(options)


def _accepted_number(f: Fields, table: dict[str, Any]) -> tuple[float | None, float] | None:
    """(number, tolerance) a numerical option accepts: ``number`` (give or take
    ``tolerance``), ``min`` to ``max``, or any number for ``text = "*"`` (number None).
    None after reporting a problem."""
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


def _build_pairs(value: object, q: Fields, counter: TableCounter) -> tuple[Pair, ...]:
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
