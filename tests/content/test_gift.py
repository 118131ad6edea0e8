"""Moodle GIFT: every question of Moodle's own example and fixture files comes in as Moodle
reads it; what we cannot hold is skipped with its line; writing GIFT reads back the same."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from trainer.clock import FakeClock
from trainer.content.deckfile import parse_deck_file
from trainer.content.exporters.gift import write_gift
from trainer.content.importers.bundle import ImportFormatError, stable_key
from trainer.content.importers.gift import read_gift
from trainer.domain.deck import Deck
from trainer.domain.quiz import Option, Question, QuestionType, Quiz
from trainer.domain.scoring import Response, score
from trainer.library.installed import installed_deck
from trainer.storage.database import open_database
from trainer.storage.decks_repo import install_deck

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLES = DATA / "gift" / "moodle_examples.gift.txt"
FIXTURE = DATA / "gift" / "moodle_fixture_questions.gift.txt"

S, M, TF = QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE
SC, MA, SA = QuestionType.SCENARIO, QuestionType.MATCHING, QuestionType.SHORTANSWER

GRANT = "Who's buried in Grant's tomb?"
GRANT_MC = (("Grant", 0.0, ""), ("Jefferson", 0.0, ""), ("no one", 1.0, ""))
GRANT_SA = (("no one", 1.0, ""), ("nobody", 1.0, ""))
ENTOMBED = "Grant is _____ in Grant's tomb."
ENTOMBED_MC = (("buried", 0.0, ""), ("entombed", 1.0, ""), ("living", 0.0, ""))
BURIED = "Grant is buried in Grant's tomb."
THANKS_MC = (("second", 0.0, ""), ("third", 0.0, ""), ("fourth", 1.0, ""))
CAPITALS = (("Canada", "Ottawa"), ("Italy", "Rome"), ("Japan", "Tokyo"))
NAZARETH_SA = (("Nazareth", 1.0, "Yes! That's right!"),
               ("Nazereth", 0.75, "Right, but misspelled."),
               ("Bethlehem", 0.25, "He was born here, but not raised here."))
EXCELLENT = (("no one", 1.0, "excellent answer!"), ("nobody", 1.0, "excellent answer!"))
BACKSLASH_FEEDBACK = (
    "Correct! \\ (backslash) is not a control character. BUT,\n"
    "it is used to escape the control characters. So, to specify\n"
    "a literal backslash, you must escape it with a backslash\n"
    "(as shown in this example).")

# (line, id when the question is named, type, prompt, answers, general feedback). Answers
# are (text, value, feedback) per option, (left, right) per pair, or for true/false
# (right answer, feedback on answering true, feedback on answering false).
EXAMPLE_QUESTIONS: list[tuple[int, str | None, QuestionType, str, tuple[object, ...], str]] = [
    (8, None, S, GRANT, GRANT_MC, ""),
    (10, None, S, ENTOMBED, ENTOMBED_MC, ""),
    (12, None, TF, BURIED, (False, "", ""), ""),
    (14, None, SA, GRANT, GRANT_SA, ""),
    (25, None, S, GRANT, GRANT_MC, ""),
    (27, None, S, ENTOMBED, ENTOMBED_MC, ""),
    (29, None, S, "The American holiday of Thanksgiving is celebrated on the _____ Thursday "
     "of November.", THANKS_MC, ""),
    (35, None, S, "Japanese characters originally came from what country?",
     (("India", 0.0, ""), ("China", 1.0, ""), ("Korea", 0.0, ""), ("Egypt", 0.0, "")), ""),
    (43, None, SA, GRANT, GRANT_SA, ""),
    (45, None, SA, "Two plus two equals _____.", (("four", 1.0, ""), ("4", 1.0, "")), ""),
    (49, None, TF, BURIED, (False, "", ""), ""),
    (51, None, TF, "The sun rises in the east.", (True, "", ""), ""),
    (55, None, MA, "Matching Question.", (("subquestion1", "subanswer1"),
                                          ("subquestion2", "subanswer2"),
                                          ("subquestion3", "subanswer3")), ""),
    (61, None, MA, "Match the following countries with their corresponding capitals.",
     (*CAPITALS, ("India", "New Delhi")), ""),
    # A name alone does not make it multiple choice: one "=" answer is short answer.
    (90, "kanji-origins", SA, "Japanese characters originally\ncame from what country?",
     (("China", 1.0, ""),), ""),
    (93, "thanksgiving-date", S, "The American holiday of Thanksgiving is\ncelebrated on the "
     "_____ Thursday of November.", THANKS_MC, ""),
    (98, None, S, "What's the answer to this multiple-choice question?",
     (("wrong answer", 0.0, "feedback comment on the wrong answer"),
      ("another wrong answer", 0.0, "feedback comment on this wrong answer"),
      ("right answer", 1.0, "Very good!")), ""),
    (103, None, SA, GRANT, EXCELLENT, ""),
    (108, None, SA, "Who's buried in **Grant's tomb**?", EXCELLENT, ""),
    # The only feedback of {FALSE#...} is for the wrong answer, "true".
    (113, None, TF, BURIED, (False, "No one is buried in Grant's tomb.", ""), ""),
    # Partial credit next to an "=" answer: single-answer with scores, i.e. a scenario.
    (115, None, SC, "Difficult question.", (("wrong answer", 0.0, ""),
                                            ("half credit answer", 0.5, ""),
                                            ("full credit answer", 1.0, "")), ""),
    (117, "jesus-hometown", SC, "Jesus Christ was from _____.",
     (("Jerusalem", 0.0, "This was an important city, but the wrong answer."),
      ("Bethlehem", 0.25, "He was born here, but not raised here."),
      ("Galilee", 0.5, "You need to be more specific."),
      ("Nazareth", 1.0, "Yes! That's right!")), ""),
    # The answers close the text here (the "." is inside the braces' line), so no blank.
    (123, "jesus-hometown-2", SA, "Jesus Christ was from", NAZARETH_SA, ""),
    (130, None, M, "What two people are entombed in Grant's tomb?",
     (("No one", 0.0, ""), ("Grant", 0.5, ""), ("Grant's wife", 0.5, ""),
      ("Grant's father", 0.0, "")), ""),
    (136, None, M, "What two people are entombed in Grant's tomb?",
     (("No one", -0.5, ""), ("Grant", 0.5, ""), ("Grant's wife", 0.5, ""),
      ("Grant's father", -0.5, "")), ""),
    (143, None, S, "Which answer equals 5?",
     (("= 2 + 2", 0.0, ""), ("= 2 + 3", 1.0, ""), ("= 2 + 4", 0.0, "")), ""),
    (148, "gift-control-characters", S,
     "Which of the following is NOT a control character for the GIFT import format?",
     (("~", 0.0, "~ is a control character."), ("=", 0.0, "= is a control character."),
      ("#", 0.0, "# is a control character."), ("{", 0.0, "{ is a control character."),
      ("}", 0.0, "} is a control character."), ("\\", 1.0, BACKSLASH_FEEDBACK)), ""),
    (167, None, S, GRANT, GRANT_MC, ""),
    (169, None, S, ENTOMBED, ENTOMBED_MC, ""),
    (171, None, TF, BURIED, (False, "", ""), ""),
    (173, None, SA, GRANT, GRANT_SA, ""),
    (177, None, MA, "Match the following countries with their corresponding\ncapitals.",
     CAPITALS, ""),
    (184, "grant-s-tomb", S, ENTOMBED,
     (("buried", 0.0, "No one is buried there."), ("entombed", 1.0, "Right answer!"),
      ("living", 0.0, "We hope not!")), ""),
    (190, None, SC, "Difficult multiple choice question.",
     (("wrong answer", 0.0, "comment on wrong answer"),
      ("half credit answer", 0.5, "comment on answer"),
      ("full credit answer", 1.0, "well done!")), ""),
    (195, "jesus-hometown-short-answer-ex", SA, "Jesus Christ was from _____.", NAZARETH_SA, ""),
]
EXAMPLE_SKIPPED = [16, 70, 72, 74, 76, 85, 175, 202]  # all numerical

FIXTURE_QUESTIONS: list[tuple[int, str | None, QuestionType, str, tuple[object, ...], str]] = [
    # "= -> Chat" is an extra answer with no question (see the warning below).
    (5, "moodle-activities", MA, "Match the <b>activity</b> to the description.",
     (("An activity supporting asynchronous discussions.", "Forum"),
      ("A teacher asks a question and specifies a choice of multiple responses.", "Choice"),
      ("A bank of record entries which participants can add to.", "Database"),
      ("A collection of web pages that anyone can add to or edit.", "Wiki")), ""),
    (14, "q2", S, "What's between orange and green in the spectrum?",
     (("yellow", 1.0, "right; good!"), ("red", 0.0, "wrong, it's yellow"),
      ("blue", 0.0, "wrong, it's yellow")), ""),
    (22, "colours", M, "What's between orange and green in the spectrum?",
     (("yellow", 0.5, "right; good!"), ("red", -1.0, "wrong"),
      ("off-beige", 0.5, "right; good!"), ("blue", -1.0, "wrong")), ""),
    (34, "shortanswer", SA, "Which is the best animal?",
     (("Frog", 1.0, "Good!"), ("Cat", 0.5, "What is it with Moodlers and cats?"),
      ("*", 0.0, "Completely wrong")), ""),
    # The fixture's stray '";' follows the answers, so Moodle leaves a blank before it.
    (41, "q1", TF, '42 is the Absolute Answer to everything._____";',
     (False, "42 is the Ultimate Answer.", "You gave the right answer."),
     "This is, of course, a Hitchiker's Guide to the Galaxy reference."),
    (46, "2-08-tsl", TF, "TSL is blablabla.", (True, "", ""), ""),
    (49, "2-08-tsl-2", TF, "TSL is blablabla.", (True, "", ""), ""),
]


def answers_of(q: Question) -> tuple[object, ...]:
    if q.type == QuestionType.TRUEFALSE:
        return (q.answer, q.feedback_true, q.feedback_false)
    if q.type == QuestionType.MATCHING:
        return tuple((p.left, p.right) for p in q.pairs)
    return tuple((o.text, o.value, o.feedback) for o in q.options)


def questions(deck: Deck) -> list[Question]:
    return [q for quiz in deck.quizzes for q in quiz.questions]


def gift(tmp_path: Path, text: str, name: str = "sales_calls.gift.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def only(tmp_path: Path, text: str) -> Question:
    [question] = questions(read_gift(gift(tmp_path, text)).decks[0])
    return question


def skipped(tmp_path: Path, text: str) -> list[tuple[int | None, str]]:
    return [(p.line, p.message) for p in read_gift(gift(tmp_path, text + "\n\nOK?{T}")).skipped]


@pytest.mark.parametrize(("path", "expected"), [(EXAMPLES, EXAMPLE_QUESTIONS),
                                                (FIXTURE, FIXTURE_QUESTIONS)],
                         ids=["examples", "fixture"])
def test_every_moodle_question_comes_in_as_moodle_reads_it(
        path: Path, expected: list[tuple[int, str | None, QuestionType, str,
                                         tuple[object, ...], str]]) -> None:
    got = questions(read_gift(path).decks[0])
    assert [q.line for q in got] == [row[0] for row in expected]
    for q, (line, key, kind, prompt, answers, explanation) in zip(got, expected, strict=True):
        assert (q.type, q.prompt, answers_of(q), q.explanation) == \
            (kind, prompt, answers, explanation), f"line {line}"
        if key is not None:
            assert q.id == key
        else:
            assert q.id.startswith("gift-"), f"line {line}"
        assert [o.id for o in q.options] == list("abcdef"[: len(q.options)])
    assert len({q.id for q in got}) == len(got)


def test_what_the_moodle_files_hold_that_we_cannot() -> None:
    examples = read_gift(EXAMPLES)
    assert [(p.line, p.message, p.severity) for p in examples.skipped] == [
        (line, "numerical questions are not supported", "error") for line in EXAMPLE_SKIPPED]
    assert examples.skipped[-1].item == "Numerical example"
    fixture = read_gift(FIXTURE)
    assert [(p.line, p.item, p.severity) for p in fixture.skipped] == [
        (5, "moodle-activities", "warning"), (31, "Q5", "error")]
    assert "'Chat'" in fixture.skipped[0].message
    assert fixture.skipped[1].message == "numerical questions are not supported"
    # The essay question (line 2) is now a practice item.
    [essay] = fixture.decks[0].practice
    assert (essay.id, essay.title, essay.situation, essay.line) == ("q8", "Q8", "How are you?", 2)


def test_deck_quiz_and_source_of_an_imported_file() -> None:
    bundle = read_gift(FIXTURE)
    [deck] = bundle.decks
    assert (deck.id, deck.title, deck.version) == (
        "moodle-fixture-questions", "moodle fixture questions", "1")
    [source] = deck.sources
    assert (source.id, source.title, source.publisher) == (
        "gift-file", "moodle_fixture_questions.gift.txt", "Imported from Moodle GIFT")
    [quiz] = deck.quizzes
    assert (quiz.id, quiz.title, quiz.topic) == (
        "moodle-fixture-questions", "moodle fixture questions", "moodle-fixture-questions")
    assert (quiz.pass_mark, quiz.certainty, quiz.shuffle) == (70, False, True)
    assert {(q.topic, q.source) for q in quiz.questions} == {
        ("moodle-fixture-questions", "gift-file")}
    assert bundle.item_count == 7


def test_imported_weights_score_as_in_moodle() -> None:
    by_id = {q.id: q for q in questions(read_gift(FIXTURE).decks[0])}
    colours = by_id["colours"]
    assert score(colours, Response(chosen=("a", "c"))) == 1.0
    assert score(colours, Response(chosen=("a",))) == 0.5
    assert score(colours, Response(chosen=("a", "b"))) == 0.0  # negative weights, floored
    animal = by_id["shortanswer"]
    assert score(animal, Response(text="frog")) == 1.0  # case does not matter
    assert score(animal, Response(text="cat")) == 0.5
    assert score(animal, Response(text="dog")) == 0.0  # matched by "*", worth 0%


def test_unnamed_questions_keep_their_ids_across_imports(tmp_path: Path) -> None:
    first = [q.id for q in questions(read_gift(EXAMPLES).decks[0])]
    assert first == [q.id for q in questions(read_gift(EXAMPLES).decks[0])]
    q = only(tmp_path, "$CATEGORY: Pricing\n\nIs price the main objection?{F}")
    assert q.id == stable_key("gift", "Pricing", "Is price the main objection?")


def test_categories_become_quizzes(tmp_path: Path) -> None:
    text = ("// before any category\nFirst?{T}\n\n"
            "$CATEGORY: $course$/top/Objections\n\nPrice?{T}\n\n"
            "$CATEGORY: $course$/Other/Objections\n\nBudget?{T}\n\n"
            "$CATEGORY: Sales//Marketing\n::named::Handover?{F}\n\n"
            "$CATEGORY: $course$/top/Objections\n\nTiming?{T}\n")
    deck = read_gift(gift(tmp_path, text)).decks[0]
    assert [(z.id, z.title, z.topic, [q.prompt for q in z.questions]) for z in deck.quizzes] == [
        ("sales-calls", "sales calls", "sales-calls", ["First?"]),
        ("objections", "Objections", "objections", ["Price?", "Timing?"]),
        ("objections-2", "Objections", "objections", ["Budget?"]),
        # "//" is a slash inside a name; a question right under the category line counts.
        ("sales-marketing", "Sales/Marketing", "sales-marketing", ["Handover?"]),
    ]
    assert deck.quizzes[3].questions[0].line == 13


def test_skipped_kinds_are_reported_with_their_lines(tmp_path: Path) -> None:
    text = ("// header\n\n::Year::When was it founded?{#1998:1}\n\n"
            "Describe your last call.{}\n\n"
            "Read the next three questions carefully.\n\n"
            "::Essay with feedback::Why?{####We hope you thought hard.}")
    assert skipped(tmp_path, text) == [
        (3, "numerical questions are not supported"),
        (7, "descriptions (text with no answers) are not supported"),
    ]


def test_essay_questions_become_practice_items(tmp_path: Path) -> None:
    path = tmp_path / "essays.gift"
    path.write_text("$CATEGORY: Role plays\n\n"
                    "Describe your last call.{}\n\n"
                    "::Price objection::The buyer says your price is 20% too high. Reply."
                    "{####Ask what they compare it with, then restate the value.}\n",
                    encoding="utf-8")
    bundle = read_gift(path)
    assert bundle.skipped == []
    [deck] = bundle.decks
    assert deck.quizzes == ()
    plain, named = deck.practice
    assert plain.id.startswith("gift-") and plain.model == "" and plain.prospect == ""
    assert (named.id, named.title, named.topic) == ("price-objection", "Price objection",
                                                   "role-plays")
    assert named.situation == "The buyer says your price is 20% too high. Reply."
    assert named.model == "Ask what they compare it with, then restate the value."
    assert [c.id for c in named.checks] == ["model"]


def test_malformed_questions_are_skipped_and_the_rest_imported(tmp_path: Path) -> None:
    text = ("Unclosed?{=yes ~no\n\nClosed?{T}\n\n"
            "Stray brace } here\n\n"
            "Two blocks {=a ~b} and {=c ~d}\n\n"
            "Only one choice?{~alone}\n\n"
            "Match?{=a -> b =c}\n\n"
            "::weights::Halves?{~%50%a ~%25%b ~c}\n\n"
            "::too-big::Heavy?{=%150%a}\n\n"
            "::no-full::Typed?{=%50%a =%25%b}\n\n"
            "Extra {=a} brace}\n")
    bundle = read_gift(gift(tmp_path, text))
    assert [q.prompt for q in questions(bundle.decks[0])] == ["Closed?"]
    found = [(p.line, p.message) for p in bundle.skipped]
    assert [line for line, _ in found] == [1, 5, 7, 9, 11, 13, 15, 17, 19]
    messages = [m for _, m in found]
    assert "never closed" in messages[0]
    assert "'}' with no '{'" in messages[1]
    assert "more than one answer block" in messages[2]
    assert "at least two answers" in messages[3]
    assert "question -> answer" in messages[4]
    assert "add up to 75%" in messages[5]
    assert "150%" in messages[6]
    assert "full marks" in messages[7]
    assert "second '}'" in messages[8]


def test_a_file_with_nothing_to_import_or_not_utf8_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match=r"sales_calls\.gift\.txt.*no questions.*line 1"):
        read_gift(gift(tmp_path, "How much?{#3}\n"))
    latin = tmp_path / "latin.gift"
    latin.write_bytes("// ok\nCafé?{T}\n".encode("latin-1"))
    with pytest.raises(ImportFormatError, match=r"latin\.gift:2: is not UTF-8"):
        read_gift(latin)


def test_escapes(tmp_path: Path) -> None:
    q = only(tmp_path,
             "::a\\:b::Is 1 \\= 1 \\{really\\}? \\# \\~ \\\\ C\\:\\\\new\\nline{T#no\\#1}")
    assert q.id == "a-b"
    assert q.prompt == "Is 1 = 1 {really}? # ~ \\ C:\\new\nline"
    assert q.feedback_false == "no#1"
    other = only(tmp_path, "Path?{=C\\:\\\\temp#ok \\= fine ~%50%D\\~}")
    assert answers_of(other) == (("C:\\temp", 1.0, "ok = fine"), ("D~", 0.5, ""))
    assert other.type == SC
    # A backslash before anything else is kept as written.
    assert only(tmp_path, "Regex \\d+?{T}").prompt == "Regex \\d+?"


def test_format_tags(tmp_path: Path) -> None:
    q = only(tmp_path, "[html]<p onclick='x()'>Pick <b>one</b><script>bad()</script></p>{"
                       "=[html]<i>Right</i> &amp; good#[html]<b>Yes</b><script>x()</script>"
                       "~[plain]<not html>#[markdown]**no**"
                       "####<em>general</em><script>y()</script>}")
    assert q.prompt == "<p>Pick <b>one</b></p>"
    assert answers_of(q) == (("Right & good", 1.0, "<b>Yes</b>"),
                             ("<not html>", 0.0, "**no**"))
    assert q.explanation == "<em>general</em>"  # inherits the question's html format
    assert only(tmp_path, "[markdown]Is **this** bold?{T}").prompt == "Is **this** bold?"
    assert only(tmp_path, "[moodle]Plain <b>moodle</b>?{T}").prompt == "Plain <b>moodle</b>?"
    assert only(tmp_path, "[plain]1 < 2?{T}").prompt == "1 < 2?"
    # An unknown tag is part of the text.
    assert only(tmp_path, "[note] Ready?{T}").prompt == "[note] Ready?"


def test_general_feedback_and_true_false_feedback(tmp_path: Path) -> None:
    q = only(tmp_path, "Price first?{TRUE#Not so: it is true.#Right.####Value before price.}")
    assert (q.answer, q.feedback_true, q.feedback_false, q.explanation) == (
        True, "Right.", "Not so: it is true.", "Value before price.")
    q = only(tmp_path, "Silence is bad?{F##Right, pause.}")
    assert (q.answer, q.feedback_true, q.feedback_false) == (False, "", "Right, pause.")
    q = only(tmp_path, "Who decides?{\n=the buyer#Yes\n####[markdown]Ask **early**.\n}")
    assert q.explanation == "Ask **early**." and q.options[0].feedback == "Yes"


def test_embedded_answers_leave_a_blank(tmp_path: Path) -> None:
    q = only(tmp_path, "Ask about the {=budget ~weather} before the demo.")
    assert q.prompt == "Ask about the _____ before the demo." and q.type == S
    assert only(tmp_path, "Close with a {=question}.").prompt == "Close with a _____."
    assert only(tmp_path, "Close with a question?{=yes}").prompt == "Close with a question?"


def test_choice_kinds_follow_moodles_rules(tmp_path: Path) -> None:
    # Two "=" answers: single-answer in Moodle, with two full-mark options.
    q = only(tmp_path, "Either?{=a =b ~c}")
    assert q.type == SC and [o.value for o in q.options] == [1.0, 1.0, 0.0]
    # A negative weight next to "=": still single-answer.
    assert only(tmp_path, "Risky?{=a ~%-50%b}").type == SC
    # No "=": multiple-answer, whatever the weights.
    q = only(tmp_path, "Both?{~%100%a ~%-100%b}")
    assert q.type == M and [o.value for o in q.options] == [1.0, -1.0]
    # Moodle checks for T/F in capitals only; anything else typed is a short answer.
    assert only(tmp_path, "Lower?{t}").type == SA
    # Blank answers are dropped, as Moodle does not save them.
    assert answers_of(only(tmp_path, "Gap?{~ =b ~c}")) == (("b", 1.0, ""), ("c", 0.0, ""))
    # Feedback on a matching pair is not GIFT: the "#" stays in the answer, as in Moodle.
    assert answers_of(only(tmp_path, "Pairs?{=a -> b#x =c -> d}"))[0] == ("a", "b#x")


def test_named_questions_get_unique_ids(tmp_path: Path) -> None:
    deck = read_gift(gift(tmp_path, "::Price::One?{T}\n\n::Price::Two?{T}\n\n::Price-2::Three?"
                                    "{T}\n\n::日本::Four?{T}")).decks[0]
    ids = [q.id for q in questions(deck)]
    assert ids[:3] == ["price", "price-2", "price-2-2"]
    assert ids[3] == stable_key("gift", "", "Four?")  # nothing left of the name to slug


# --- Writing GIFT ---------------------------------------------------------------------------


def same(a: Question, b: Question) -> None:
    assert (b.id, b.type, b.prompt, b.explanation) == (a.id, a.type, a.prompt, a.explanation)
    assert [(o.text, o.feedback) for o in b.options] == [(o.text, o.feedback) for o in a.options]
    assert [o.value for o in b.options] == pytest.approx([o.value for o in a.options], abs=1e-6)
    assert (b.answer, b.feedback_true, b.feedback_false, b.pairs) == (
        a.answer, a.feedback_true, a.feedback_false, a.pairs)


def test_a_deck_file_written_as_gift_reads_back_the_same(tmp_path: Path) -> None:
    deck = parse_deck_file(DATA / "quiz_deck.toml").deck
    assert deck is not None
    out = tmp_path / "qdeck.gift"
    problems = write_gift(deck, out)
    assert [(p.item, p.line) for p in problems] == [("q-order", 112)]
    assert "ordering" in problems[0].message
    back = read_gift(out).decks[0]
    assert [z.title for z in back.quizzes] == ["Mixed quiz", "Typed answers"]
    written = [q for q in questions(deck) if q.type != QuestionType.ORDERING]
    read = questions(back)
    assert len(read) == len(written) == 6
    for a, b in zip(written, read, strict=True):
        if a.situation:
            # GIFT has one question text: the situation goes first.
            assert b.prompt == f"{a.situation}\n\n{a.prompt}"
            b = replace(b, prompt=a.prompt)
        same(a, b)
    text = out.read_text(encoding="utf-8")
    assert "$CATEGORY: Mixed quiz" in text
    # Wrong answer's feedback first, then the right answer's (answer is false here).
    assert "FALSE#No\\: they usually welcome it.#Right\\: done respectfully" in text


@pytest.mark.parametrize("path", [EXAMPLES, FIXTURE], ids=["examples", "fixture"])
def test_moodle_questions_written_back_read_the_same(tmp_path: Path, path: Path) -> None:
    deck = read_gift(path).decks[0]
    out = tmp_path / "again.gift"
    assert write_gift(deck, out) == []
    back = read_gift(out).decks[0]
    assert [(z.id, z.title) for z in back.quizzes] == [(z.id, z.title) for z in deck.quizzes]
    for a, b in zip(questions(deck), questions(back), strict=True):
        same(a, b)


def test_awkward_texts_survive_a_round_trip(tmp_path: Path) -> None:
    source = ("$CATEGORY: Odd/Texts\n\n"
              "::odd::[markdown]Line one\\nline two\\: \\{braces\\} \\#hash \\~tilde "
              "\\=equals \\\\{\n"
              "=%50%%20 off#[markdown][link](x)\n"
              "~[plain][x] box\n"
              "=[plain]%half\n"
              "####[markdown][see](y)}\n\n"
              "::typed::Type it{=%100%%fifty#ok =[plain][x]#fine}\n\n"
              "::tf::Yes?{T##[markdown][only] right}\n")
    deck = read_gift(gift(tmp_path, source)).decks[0]
    odd, typed, tf = questions(deck)
    assert odd.type == SC and odd.options[0].text == "%50%%20 off"  # no weight after "="
    assert odd.prompt == "Line one\nline two: {braces} #hash ~tilde =equals \\"
    assert odd.explanation == "[see](y)" and tf.feedback_true == "[only] right"
    assert answers_of(typed) == (("%fifty", 1.0, "ok"), ("[x]", 1.0, "fine"))
    out = tmp_path / "odd.gift"
    assert write_gift(deck, out) == []
    back = read_gift(out).decks[0]
    assert back.quizzes[0].title == "Texts"
    for a, b in zip(questions(deck), questions(back), strict=True):
        same(a, b)


def test_texts_gift_cannot_express_are_left_out(tmp_path: Path) -> None:
    # Moodle reads "=" together with "->" as a matching question, so a typed answer
    # with "->" in it cannot be written.
    short = Question("arrow", SA, "Where?", "general", options=(Option("a", "go -> there", 1.0),),
                     line=3)
    fine = Question("fine", TF, "Fine?", "general", answer=True)
    deck = Deck(id="x", title="X", version="1",
                quizzes=(Quiz("q", "Q", "general", (short, fine)),))
    out = tmp_path / "x.gift"
    problems = write_gift(deck, out)
    assert [(p.file, p.line, p.item) for p in problems] == [("x", 3, "arrow")]
    assert "'->'" in problems[0].message
    assert [q.id for q in questions(read_gift(out).decks[0])] == ["fine"]


def test_practice_items_are_written_as_essays_and_read_back(tmp_path: Path) -> None:
    deck = parse_deck_file(DATA / "practice_deck.toml").deck
    assert deck is not None
    out = tmp_path / "say-it.gift"
    assert write_gift(deck, out) == []
    text = out.read_text(encoding="utf-8")
    assert "$CATEGORY: Say it practice" in text
    assert "::p-wrong-fact::[markdown]A discovery call" in text
    first, second = read_gift(out).decks[0].practice
    assert (first.id, second.id) == ("p-wrong-fact", "p-conclusion")
    assert first.situation == ("A discovery call with an operations director.\n\n"
                               "The prospect says:\n\n> Your system doesn't run on phones.")
    assert first.model.startswith("May I push back a little? It does")
    # The rubric goes with the model reply, so a Moodle grader sees it too.
    assert first.model.endswith("A good reply:\n\n- Asked permission before disagreeing\n"
                                "- Corrected the fact plainly\n- Ended with a question")
    assert "Stayed calm, without arguing" in second.model


def test_an_installed_deck_reads_back_its_practice_items(tmp_path: Path,
                                                         clock: FakeClock) -> None:
    deck = parse_deck_file(DATA / "practice_deck.toml").deck
    assert deck is not None
    db = open_database(tmp_path / "p.sqlite", clock)
    install_deck(db, deck, clock)
    back = installed_deck(db, "say-it").practice
    assert [(p.id, p.title, p.situation, p.prospect, p.model, p.checks, p.source)
            for p in back] == [(p.id, p.title, p.situation, p.prospect, p.model, p.checks,
                                p.source) for p in deck.practice]
    db.close()
