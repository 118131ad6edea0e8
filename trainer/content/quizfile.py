"""The quiz and self-assessment parts of a deck file: ``[[quizzes]]`` with their
``[[quizzes.questions]]`` (each read by ``questionfile.py``), and ``[[assessments]]``.
Every problem is collected."""

from __future__ import annotations

from trainer.content.fields import Collector, Fields, TableCounter
from trainer.content.questionfile import build_question
from trainer.domain.quiz import DEFAULT_SCALE, Assessment, Band, Dimension, Quiz, Statement

QUIZ_KEYS = {"id", "title", "topic", "description", "pass_mark", "draw", "shuffle", "certainty",
             "questions"}
ASSESSMENT_KEYS = {"id", "title", "description", "scale", "dimensions", "statements"}
DIMENSION_KEYS = {"id", "title", "topic", "bands"}
BAND_KEYS = {"min", "label", "advice", "links"}
STATEMENT_KEYS = {"id", "text", "dimension", "reverse"}


def build_quizzes(value: object, out: Collector, source_ids: set[str],
                  default_topic: str | None, taken: dict[str, int | None]) -> list[Quiz]:
    """Every valid quiz; ``taken`` maps ids already used by cards (and fills with questions)."""
    quizzes: list[Quiz] = []
    counter = TableCounter()
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
            question = build_question(q_table, out, counter, source_ids, topic or "", taken)
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


def build_assessments(value: object, out: Collector, quiz_ids: set[str]) -> list[Assessment]:
    """Every valid self-assessment. Links to quizzes must name a quiz of this deck; links
    to decks are checked by ``check_paths`` against every deck it reads."""
    result: list[Assessment] = []
    counter = TableCounter()
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


def _build_dimensions(value: object, a: Fields, counter: TableCounter,
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
