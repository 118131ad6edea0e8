"""The quiz and self-assessment parts of a deck file: ``[[quizzes]]`` with their
``[[quizzes.questions]]``, and ``[[assessments]]``. Every problem is collected."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from trainer.content.fields import ID_PATTERN, Collector, Fields, claim_item_id, source_of
from trainer.domain.numeric import LIMIT, answer_text, from_range
from trainer.domain.quiz import (
    DEFAULT_SCALE,
    Assessment,
    Band,
    Dimension,
    Option,
    Pair,
    Question,
    QuestionType,
    Quiz,
    Statement,
)

QUIZ_KEYS = {"id", "title", "topic", "description", "pass_mark", "draw", "shuffle", "certainty",
             "questions"}
QUESTION_KEYS = {"id", "type", "prompt", "situation", "topic", "explanation", "source",
                 "options", "answer", "feedback_true", "feedback_false", "pairs", "steps",
                 "distractors", "tags"}
OPTION_KEYS = {"id", "text", "correct", "weight", "score", "feedback", "pin", "number",
               "tolerance", "min", "max"}
# The fields that say which numbers a numerical option accepts.
NUMBER_KEYS = ("number", "tolerance", "min", "max")
PAIR_KEYS = {"left", "right"}
ASSESSMENT_KEYS = {"id", "title", "description", "scale", "dimensions", "statements"}
DIMENSION_KEYS = {"id", "title", "topic", "bands"}
BAND_KEYS = {"min", "label", "advice", "links"}
STATEMENT_KEYS = {"id", "text", "dimension", "reverse"}

# Which option field carries the credit for each type that has options.
VALUE_FIELD = {QuestionType.SINGLE: "correct", QuestionType.MULTIPLE: "weight",
               QuestionType.SCENARIO: "score", QuestionType.SHORTANSWER: "score",
               QuestionType.NUMERICAL: "score"}
# Types whose options are accepted answers, fully right unless a score says otherwise.
_TYPED = (QuestionType.SHORTANSWER, QuestionType.NUMERICAL)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _default_ids() -> Iterator[str]:
    """a, b, ... z, then a1, b1, ...: the ids options get when none is written."""
    round_ = 0
    while True:
        for letter in _LETTERS:
            yield letter + (str(round_) if round_ else "")
        round_ += 1


class _Counter:
    """Nested ``[[a.b]]`` tables are numbered across the whole file, not per parent."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def next(self, block: str) -> int:
        index = self.seen.get(block, 0)
        self.seen[block] = index + 1
        return index


def build_quizzes(value: object, out: Collector, source_ids: set[str],
                  default_topic: str | None, taken: dict[str, int | None]) -> list[Quiz]:
    """Every valid quiz; ``taken`` maps ids already used by cards (and fills with questions)."""
    quizzes: list[Quiz] = []
    counter = _Counter()
    quiz_ids: set[str] = set()
    for index, table in enumerate(out.tables(value, "quizzes")):
        f = Fields(out, table, "quizzes", index)
        qid = f.ident("quiz")
        f.unknown(QUIZ_KEYS)
        ok = qid is not None
        if qid is not None and qid in quiz_ids:
            f.error(f"quiz id '{qid}' is used twice", "id")
            ok = False
        if qid:
            quiz_ids.add(qid)
        title = f.text("title", required=True)
        topic = f.text("topic") or default_topic
        if not topic:
            f.error("missing 'topic' (or set a default topic in [deck])")
        pass_mark = f.integer("pass_mark", 0, 100)
        draw = f.integer("draw", 1, 1000)
        questions = []
        raw_questions = table.get("questions", [])
        for q_table in out.tables(raw_questions, "quizzes.questions", f.line):
            question = _build_question(q_table, out, counter, source_ids, topic or "", taken)
            if question is None:
                ok = False
            else:
                questions.append(question)
        if not raw_questions:
            f.error("a quiz needs at least one [[quizzes.questions]]")
        if draw is not None and draw > len(raw_questions):
            count = len(raw_questions)
            f.error(f"'draw' is {draw} but the quiz has only {count} "
                    f"question{'' if count == 1 else 's'}", "draw")
        quiz = Quiz(
            id=qid or "", title=title or "", topic=topic or "", questions=tuple(questions),
            pass_mark=70 if pass_mark is None else pass_mark, draw=draw,
            shuffle=f.boolean("shuffle", True), certainty=f.boolean("certainty", True),
            description=f.text("description") or "", line=f.line,
        )
        if ok and qid and title and topic and questions:
            quizzes.append(quiz)
    return quizzes


def _build_question(table: dict[str, Any], out: Collector, counter: _Counter,
                    source_ids: set[str], quiz_topic: str,
                    taken: dict[str, int | None]) -> Question | None:
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


def _parse_question(f: Fields, table: dict[str, Any], out: Collector, counter: _Counter,
                    source_ids: set[str], quiz_topic: str,
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
                   counter: _Counter) -> tuple[Option, ...]:
    tables = q.out.tables(value if value is not None else [], "quizzes.questions.options",
                          q.line)
    field = VALUE_FIELD[kind]
    options: list[Option] = []
    ids: set[str] = set()
    bad = False
    written = {t["id"] for t in tables if isinstance(t.get("id"), str)}
    defaults = (letter for letter in _default_ids() if letter not in written)
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


def _build_pairs(value: object, q: Fields, counter: _Counter) -> tuple[Pair, ...]:
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


def build_assessments(value: object, out: Collector, quiz_ids: set[str]) -> list[Assessment]:
    """Every valid self-assessment. Links to quizzes must name a quiz of this deck; links
    to decks are checked by ``check_paths`` against every deck it reads."""
    result: list[Assessment] = []
    counter = _Counter()
    seen: set[str] = set()
    for index, table in enumerate(out.tables(value, "assessments")):
        f = Fields(out, table, "assessments", index)
        aid = f.ident("assessment")
        f.unknown(ASSESSMENT_KEYS)
        ok = aid is not None
        if aid is not None and aid in seen:
            f.error(f"assessment id '{aid}' is used twice", "id")
            ok = False
        if aid:
            seen.add(aid)
        title = f.text("title", required=True)
        scale = f.texts("scale") if "scale" in table else DEFAULT_SCALE
        if len(scale) < 2:
            f.error("'scale' needs at least two labels, from disagree to agree", "scale")
            ok = False
        dimensions = _build_dimensions(table.get("dimensions", []), f, counter, quiz_ids)
        dim_ids = {d.id for d in dimensions}
        statements: list[Statement] = []
        for s_table in out.tables(table.get("statements", []), "assessments.statements", f.line):
            s = Fields(out, s_table, "assessments.statements",
                       counter.next("assessments.statements"))
            sid = s.ident("statement")
            s.unknown(STATEMENT_KEYS)
            text = s.text("text", required=True)
            dim = s.text("dimension", required=True)
            if dim is not None and dim not in dim_ids:
                s.error(f"dimension '{dim}' is not one of this assessment's dimensions"
                        + (f" ({', '.join(sorted(dim_ids))})" if dim_ids else ""), "dimension")
                ok = False
            if sid in {x.id for x in statements}:
                s.error(f"statement id '{sid}' is used twice", "id")
                ok = False
            if sid and text and dim:
                statements.append(Statement(sid, text, dim, s.boolean("reverse", False)))
            else:
                ok = False
        if not dimensions:
            f.error("an assessment needs at least one [[assessments.dimensions]]")
            ok = False
        for dimension in dimensions:
            if not any(st.dimension == dimension.id for st in statements):
                f.error(f"dimension '{dimension.id}' has no statements")
                ok = False
        if ok and aid and title:
            result.append(Assessment(aid, title, tuple(statements), tuple(dimensions),
                                     tuple(scale), f.text("description") or "", f.line))
    return result


def _build_dimensions(value: object, a: Fields, counter: _Counter,
                      quiz_ids: set[str]) -> list[Dimension]:
    dimensions: list[Dimension] = []
    seen_ids: set[str] = set()
    for table in a.out.tables(value, "assessments.dimensions", a.line):
        f = Fields(a.out, table, "assessments.dimensions", counter.next("assessments.dimensions"))
        did = f.ident("dimension")
        f.unknown(DIMENSION_KEYS)
        if did is not None and did in seen_ids:
            f.error(f"dimension id '{did}' is used twice in this assessment", "id")
            did = None
        if did is not None:
            seen_ids.add(did)
        title = f.text("title", required=True)
        bands: list[Band] = []
        for b_table in a.out.tables(table.get("bands", []), "assessments.dimensions.bands",
                                    f.line):
            b = Fields(a.out, b_table, "assessments.dimensions.bands",
                       counter.next("assessments.dimensions.bands"))
            b.item = did
            b.unknown(BAND_KEYS)
            low = b.integer("min", 0, 100)
            if low is None and "min" not in b_table:
                b.error("each band needs 'min', the lowest score (0-100) it covers")
            label = b.text("label", required=True)
            advice = b.text("advice", required=True)
            links = b.texts("links")
            for link in links:
                kind, _, target = link.partition(":")
                if kind not in ("deck", "quiz") or not target:
                    b.error(f"link '{link}' must be 'deck:ID' or 'quiz:ID'", "links")
                elif kind == "quiz" and target not in quiz_ids:
                    b.error(f"link '{link}' names no quiz in this deck", "links")
            if low is not None and label and advice:
                bands.append(Band(low, label, advice, links))
        mins = [band.min for band in bands]
        if bands and 0 not in mins:
            f.error("the lowest band must start at 'min = 0' so every score has a band")
        if len(set(mins)) != len(mins):
            f.error("two bands start at the same 'min'")
        if did and title and bands:
            dimensions.append(Dimension(did, title, f.text("topic"),
                                        tuple(sorted(bands, key=lambda x: x.min))))
        elif not bands:
            f.error("a dimension needs at least one [[assessments.dimensions.bands]]")
    return dimensions
