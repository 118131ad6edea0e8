"""Moodle GIFT: every question of Moodle's own example and fixture files comes in as Moodle
reads it (numerical questions, matching distractors, Moodle 4's id and tag comments
included); what we cannot hold is skipped with its line; writing GIFT reads back the
same, with weights Moodle's import accepts."""

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
from trainer.domain.quiz import Option, Pair, Question, QuestionType, Quiz
from trainer.domain.scoring import Response, is_correct, score
from trainer.library.installed import installed_deck
from trainer.storage.database import open_database
from trainer.storage.decks_repo import install_deck

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLES = DATA / "gift" / "moodle_examples.gift.txt"
FIXTURE = DATA / "gift" / "moodle_fixture_questions.gift.txt"

S, M, TF = QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE
SC, MA, SA = QuestionType.SCENARIO, QuestionType.MATCHING, QuestionType.SHORTANSWER
NU = QuestionType.NUMERICAL

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
GRANT_BORN = "When was Ulysses S. Grant born?"
PI_BLANK = "What is the value of pi (to 3 decimal places)? _____."
# Moodle keeps {#3.141..3.142} as 3.1415 give or take 0.0005.
PI = ((3.1415, 0.0005, 1.0, ""),)
BACKSLASH_FEEDBACK = (
    "Correct! \\ (backslash) is not a control character. BUT,\n"
    "it is used to escape the control characters. So, to specify\n"
    "a literal backslash, you must escape it with a backslash\n"
    "(as shown in this example).")

# (line, id when the question is named, type, prompt, answers, general feedback). Answers
# are (text, value, feedback) per option, (number, tolerance, value, feedback) per
# numerical answer (number None: any number), (left, right) per pair and ("", right)
# per distractor, or for true/false (right answer, feedback on answering true, feedback
# on answering false).
EXAMPLE_QUESTIONS: list[tuple[int, str | None, QuestionType, str, tuple[object, ...], str]] = [
    (8, None, S, GRANT, GRANT_MC, ""),
    (10, None, S, ENTOMBED, ENTOMBED_MC, ""),
    (12, None, TF, BURIED, (False, "", ""), ""),
    (14, None, SA, GRANT, GRANT_SA, ""),
    (16, None, NU, GRANT_BORN, ((1822.0, 1.0, 1.0, ""),), ""),
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
    (70, None, NU, GRANT_BORN, ((1822.0, 0.0, 1.0, ""),), ""),
    (72, None, NU, PI_BLANK, PI, ""),
    (74, None, NU, PI_BLANK, PI, ""),  # the range form
    (76, None, NU, GRANT_BORN, ((1822.0, 0.0, 1.0, ""), (1822.0, 2.0, 0.5, "")), ""),
    (85, None, NU, "What's 2 plus 2?", ((4.0, 0.0, 1.0, ""),), ""),
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
    (175, None, NU, GRANT_BORN, ((1822.0, 5.0, 1.0, ""),), ""),
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
    (202, "numerical-example", NU, GRANT_BORN,
     ((1822.0, 0.0, 1.0, "Correct! 100% credit"),
      (1822.0, 2.0, 0.5, "He was born in 1822.\nYou get 50% credit for being close.")), ""),
]

FIXTURE_QUESTIONS: list[tuple[int, str | None, QuestionType, str, tuple[object, ...], str]] = [
    # "= -> Chat" is an extra answer with no question: a distractor.
    (5, "moodle-activities", MA, "Match the <b>activity</b> to the description.",
     (("An activity supporting asynchronous discussions.", "Forum"),
      ("A teacher asks a question and specifies a choice of multiple responses.", "Choice"),
      ("A bank of record entries which participants can add to.", "Database"),
      ("A collection of web pages that anyone can add to or edit.", "Wiki"),
      ("", "Chat")), ""),
    (14, "q2", S, "What's between orange and green in the spectrum?",
     (("yellow", 1.0, "right; good!"), ("red", 0.0, "wrong, it's yellow"),
      ("blue", 0.0, "wrong, it's yellow")), ""),
    (22, "colours", M, "What's between orange and green in the spectrum?",
     (("yellow", 0.5, "right; good!"), ("red", -1.0, "wrong"),
      ("off-beige", 0.5, "right; good!"), ("blue", -1.0, "wrong")), ""),
    # "{#3:2~#Completely wrong}": 1 to 5, and feedback for any other number.
    (31, "q5", NU, 'What is a number from 1 to 5? _____";',
     ((3.0, 2.0, 1.0, ""), (None, 0.0, 0.0, "Completely wrong")), ""),
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
        return (*((p.left, p.right) for p in q.pairs), *(("", d) for d in q.distractors))
    if q.type == QuestionType.NUMERICAL:
        return tuple((o.number, o.tolerance, o.value, o.feedback) for o in q.options)
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


def test_the_moodle_files_come_in_whole() -> None:
    # Numerical questions and the matching distractor were once skipped or dropped.
    assert read_gift(EXAMPLES).skipped == []
    fixture = read_gift(FIXTURE)
    assert fixture.skipped == []
    # The essay question (line 2) is a practice item.
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
    assert bundle.item_count == 8


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
        read_gift(gift(tmp_path, "How much?{#three}\n"))
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
    assert [(o.text, o.feedback, o.number, o.tolerance) for o in b.options] == [
        (o.text, o.feedback, o.number, o.tolerance) for o in a.options]
    assert [o.value for o in b.options] == pytest.approx([o.value for o in a.options], abs=1e-6)
    assert (b.answer, b.feedback_true, b.feedback_false, b.pairs, b.distractors, b.tags) == (
        a.answer, a.feedback_true, a.feedback_false, a.pairs, a.distractors, a.tags)


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
            b = b._replace(prompt=a.prompt)
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


# --- Numerical questions, distractors, weights, ids and tags ---------------------------

PRICING = DATA / "pricing_deck.toml"


def test_numerical_answers_read_as_moodle_reads_them(tmp_path: Path) -> None:
    def numbers(text: str) -> tuple[object, ...]:
        question = only(tmp_path, text)
        assert question.type == NU
        return answers_of(question)

    assert numbers("Pi?{#3.14:0.01}") == ((3.14, 0.01, 1.0, ""),)
    assert numbers("One to five?{#1..5}") == ((3.0, 2.0, 1.0, ""),)
    # Moodle takes the margin's size, whichever way round a range or margin is written.
    assert numbers("Backwards?{#5..1}") == ((3.0, 2.0, 1.0, ""),)
    assert numbers("Negative margin?{#3:-2}") == ((3.0, 2.0, 1.0, ""),)
    assert numbers("Pi?{#=%100%3.14:0.005 =%50%3.1:0.1}") == (
        (3.14, 0.005, 1.0, ""), (3.1, 0.1, 0.5, ""))
    assert numbers("Below zero?{# -40 #Cold.}") == ((-40.0, 0.0, 1.0, "Cold."),)
    assert numbers("Big?{#1e3:.5}") == ((1000.0, 0.5, 1.0, ""),)
    assert numbers("Any?{#=20 =%25%*#Anything else.}") == (
        (20.0, 0.0, 1.0, ""), (None, 0.0, 0.25, "Anything else."))
    # What Moodle's own export writes: every weight, every margin, "#" even without
    # feedback, and "~#" for the feedback on any other number.
    moodle = ("// question: 12  name: Grant\n::Grant::[html]When was <b>Grant</b> born?{#\n"
              "\t=%100%1822:0#\n\t=%50%1822:2#[html]Close: <i>1822</i>.\n"
              "\t~#Not even close.\n\t####[html]<p>He was born in 1822.</p>\n}\n")
    q = only(tmp_path, moodle)
    assert (q.id, q.prompt, q.explanation) == ("grant", "When was <b>Grant</b> born?",
                                                "<p>He was born in 1822.</p>")
    assert answers_of(q) == ((1822.0, 0.0, 1.0, ""), (1822.0, 2.0, 0.5, "Close: <i>1822</i>."),
                             (None, 0.0, 0.0, "Not even close."))
    assert [o.text for o in q.options] == ["1822", "1822 ± 2", "*"]


def test_malformed_numerical_questions_are_skipped_with_their_line(tmp_path: Path) -> None:
    found = skipped(tmp_path, "Word?{#three}\n\nRange?{#1..x}\n\nMargin?{#3:a}\n\n"
                              "Nothing?{#}\n\nHalf?{#=%50%3}\n\nHuge?{#1e16}\n\n"
                              "Heavy?{#=%150%3}")
    assert [line for line, _ in found] == [1, 3, 5, 7, 9, 11, 13]
    assert "'three' is not a number" in found[0][1]
    assert "'1..x' is not two numbers" in found[1][1]
    assert "'3:a' is not a number and its margin" in found[2][1]
    assert "at least one answer after '#'" in found[3][1]
    assert found[4][1] == "no answer earns full marks (100%)"
    assert "'1e16' holds a number beyond 1e+15" in found[5][1]
    assert "150%" in found[6][1]


def test_imported_numerical_questions_score_as_in_moodle() -> None:
    by_id = {q.id: q for q in questions(read_gift(FIXTURE).decks[0])}
    q5 = by_id["q5"]  # {#3:2~#Completely wrong}
    assert [score(q5, Response(text=t)) for t in ("3", "1", "5", "0.9999", "5.0001")] == [
        1.0, 1.0, 1.0, 0.0, 0.0]
    example = {q.id: q for q in questions(read_gift(EXAMPLES).decks[0])}["numerical-example"]
    assert [score(example, Response(text=t)) for t in ("1822", "1824", "1820", "1824.5")] == [
        1.0, 0.5, 0.5, 0.0]


def test_a_numerical_deck_written_as_gift_reads_back_the_same(tmp_path: Path) -> None:
    deck = parse_deck_file(PRICING).deck
    assert deck is not None
    out = tmp_path / "pricing.gift"
    assert write_gift(deck, out) == []
    text = out.read_text(encoding="utf-8")
    assert ("{#\n\t=20:0.5#Right\\: 20 of every 100 is yours.\n"
            "\t=%50%25#That is the markup, not the margin.\n"
            "\t~#Profit is price minus cost; divide it by the price.\n") in text
    assert "{#\n\t=3:2\n}" in text  # the range 1 to 5, as Moodle keeps it
    assert "\t= -> cost / price\n" in text  # the distractor
    back = read_gift(out).decks[0]
    for a, b in zip(questions(deck), questions(back), strict=True):
        same(a, b)


def test_an_installed_deck_exports_its_numbers_distractors_and_tags(
        tmp_path: Path, clock: FakeClock) -> None:
    deck = parse_deck_file(PRICING).deck
    assert deck is not None
    db = open_database(tmp_path / "p.sqlite", clock)
    try:
        install_deck(db, deck, clock)
        installed = installed_deck(db, "pricing")
        tags = db.execute("SELECT key, tags FROM items WHERE tags != '[]' ORDER BY key")
        assert [tuple(r) for r in tags] == [("q-margin", '["margin", "maths"]'),
                                            ("q-terms", '["terms"]')]
    finally:
        db.close()
    for a, b in zip(questions(deck), questions(installed), strict=True):
        same(a, b)
    out = tmp_path / "installed.gift"
    assert write_gift(installed, out) == []
    for a, b in zip(questions(deck), questions(read_gift(out).decks[0]), strict=True):
        same(a, b)


def test_matching_distractors_come_in_and_go_out(tmp_path: Path) -> None:
    q = only(tmp_path, "Match?{=a -> 1 =b -> 2 = -> 9 = -> 9 = -> 1 = -> 8}")
    # A repeated extra answer, or one that is already a pair's, adds no choice (Moodle
    # offers each answer text once).
    assert (q.pairs, q.distractors) == ((Pair("a", "1"), Pair("b", "2")), ("9", "8"))
    out = tmp_path / "back.gift"
    write_gift(Deck("x", "X", "1", quizzes=(Quiz("q", "Q", "t", (q,)),)), out)
    assert "\t= -> 9\n\t= -> 8\n" in out.read_text(encoding="utf-8")
    same(q, questions(read_gift(out).decks[0])[0])


def test_weights_are_written_as_grades_moodle_accepts(tmp_path: Path) -> None:
    third = 1 / 3
    thirds = Question("thirds", M, "Which three?", "t", options=(
        Option("a", "A", third), Option("b", "B", third), Option("c", "C", third),
        Option("d", "D", -third)))
    rounded = Question("rounded", M, "Which three, rounded?", "t", options=(
        Option("a", "A", 0.33), Option("b", "B", 0.33), Option("c", "C", 0.34),
        Option("d", "D", -1.0)))
    odd = Question("odd", SC, "Best reply?", "t", options=(
        Option("a", "Best", 1.0), Option("b", "Good", 1 / 7), Option("c", "Fair", 0.35),
        Option("d", "Poor", -5 / 6)))
    typed = Question("typed", SA, "Say it", "t", options=(
        Option("a", "yes", 1.0), Option("b", "yeah", 1 / 6), Option("c", "ok", 0.55)))
    deck = Deck("w", "W", "1", quizzes=(Quiz("q", "Q", "t", (thirds, rounded, odd, typed)),))
    out = tmp_path / "w.gift"
    problems = write_gift(deck, out)
    text = out.read_text(encoding="utf-8")
    assert "~%33.33333%A" in text and "~%-33.33333%D" in text
    assert "~%33.33333%C" in text  # 0.34 goes to the nearest grade, a third
    assert "~%14.28571%Good" in text and "~%-83.33333%Poor" in text
    assert "=%16.66667%yeah" in text
    assert "%33%" not in text and "%34%" not in text and "%35%" not in text
    # 0.55 lies halfway between 50% and 60%; the larger is taken.
    assert "=%60%ok" in text
    warned = [(p.item, p.severity, p.message) for p in problems]
    assert all(severity == "warning" for _, severity, _ in warned)
    assert [item for item, _, _ in warned] == ["rounded", "rounded", "rounded", "odd", "typed"]
    assert "weight 33% of 'A' is not a grade Moodle accepts; written as the nearest, " \
           "33.33333%" in warned[0][2]
    assert "weight 35% of 'Fair'" in warned[3][2] and "55%" in warned[4][2]
    # Read back, a third is a third: the three right answers together earn full marks.
    back = {q.id: q for q in questions(read_gift(out).decks[0])}
    assert [o.value for o in back["thirds"].options] == [third, third, third, -third]
    assert score(back["thirds"], Response(chosen=("a", "b", "c"))) == 1.0
    assert score(back["rounded"], Response(chosen=("a", "b", "c"))) == 1.0


def test_moodle_grades_read_exactly(tmp_path: Path) -> None:
    q = only(tmp_path, "Which?{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}")
    assert [o.value for o in q.options] == [1 / 3, 1 / 3, 1 / 3, -1.0]
    assert is_correct(score(q, Response(chosen=("a", "b", "c"))))
    sixth = only(tmp_path, "Six?{~%16.66667%a ~%83.33333%b ~c}")
    assert [o.value for o in sixth.options] == [1 / 6, 5 / 6, 0.0]
    # A weight Moodle does not list is kept as written.
    assert only(tmp_path, "Odd?{~%35%a ~%65%b ~c}").options[0].value == 0.35


MOODLE4 = """// question: 12  name: Grant
// [id:Grant-1822] [tag:history] [tag: dates ] [tag:history] [tag:]
::Grant::When was Grant born?{#1822}

// [id:price.q1]
// [tag:a\\]b]
::Price::Is price first?{F}

Unnamed?{T}

// [tag:orphan] a comment block of its own belongs to no question

Separate?{T}

// [id:role-1] [tag:role play]
::Essay::Describe your last call.{}
"""


def test_moodle_4_ids_and_tags_become_the_items_ids_and_tags(tmp_path: Path) -> None:
    deck = read_gift(gift(tmp_path, MOODLE4)).decks[0]
    grant, price, unnamed, separate = questions(deck)
    # An id number that is not a valid id is made into one; a valid one is kept.
    assert (grant.id, grant.tags) == ("grant-1822", ("history", "dates"))
    assert (price.id, price.tags) == ("price.q1", ("a]b",))
    assert unnamed.id == stable_key("gift", "", "Unnamed?") and unnamed.tags == ()
    assert separate.tags == ()
    [essay] = deck.practice
    assert (essay.id, essay.tags) == ("role-1", ("role play",))


def test_ids_and_tags_are_written_as_moodle_4_writes_them(tmp_path: Path) -> None:
    deck = read_gift(gift(tmp_path, MOODLE4)).decks[0]
    odd = Question("odd-tags", TF, "Odd?", "general", answer=True,
                   tags=("<b>bold</b>", "fine"), line=9)
    deck = replace(deck, quizzes=(*deck.quizzes, Quiz("more", "More", "general", (odd,))))
    out = tmp_path / "again.gift"
    problems = write_gift(deck, out)
    assert [(p.item, p.severity) for p in problems] == [("odd-tags", "warning")]
    assert "tag '<b>bold</b>'" in problems[0].message
    text = out.read_text(encoding="utf-8")
    assert "// [id:grant-1822] [tag:history] [tag:dates]\n::grant-1822::" in text
    assert "// [id:price.q1] [tag:a\\]b]\n" in text
    assert "// [id:role-1] [tag:role play]\n::role-1::" in text
    assert "// [id:odd-tags] [tag:fine]\n" in text
    back = read_gift(out).decks[0]
    assert [(q.id, q.tags) for q in questions(back)] == [
        (q.id, q.tags) for q in questions(deck)[:-1]] + [("odd-tags", ("fine",))]
    assert [(p.id, p.tags) for p in back.practice] == [("role-1", ("role play",))]


def test_the_export_command_tells_moved_weights_from_left_out_questions(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from trainer.cli import main

    deck = tmp_path / "qdeck.toml"
    deck.write_bytes((DATA / "quiz_deck.toml").read_bytes().replace(
        b'text = "good one"\nweight = 0.5', b'text = "good one"\nweight = 0.45').replace(
        b'text = "good two"\nweight = 0.5', b'text = "good two"\nweight = 0.55'))
    out = tmp_path / "out.gift"
    assert main(["--data-dir", str(tmp_path / "data"), "export", "gift", str(deck),
                 "-o", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 5
    assert all(line.startswith(f"{deck}:45 [q-multi]: warning: ") for line in err[:3])
    assert err[3].startswith(f"skipped: {deck}:112 [q-order]: error: ")
    assert "warning: weight 45% of 'good one' is not a grade Moodle accepts; written as " \
           "the nearest, 50%" in err[0]
    assert "written as the nearest, 60%" in err[1]
    assert "add up to 110%" in err[2]
    assert err[-1] == f"wrote 6 questions to {out}"  # all but the ordering question
    assert "~%50%good one" in out.read_text(encoding="utf-8")
