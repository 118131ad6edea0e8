"""The built-in curriculum meets its quality bar: enough material per deck, every item
credited, checks clean, and nothing copied from the source articles."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from trainer.content.builtin import builtin_decks_dir
from trainer.content.check import check_paths
from trainer.domain.deck import Deck
from trainer.domain.quiz import QuestionType

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
RUN = 10  # this many words in a row shared with an article counts as copying
# Well-known named phrases that may be quoted whole.
ALLOWED = ["false expectations appearing real", "appropriate and respectful confrontation"]
TOPIC_DECKS = ["objections", "selling-at-no", "pushing-back", "opening", "call-objectives"]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


@pytest.fixture(scope="module")
def decks() -> dict[str, Deck]:
    report = check_paths([builtin_decks_dir()])
    return {d.id: d for d in report.decks}


def item_texts(deck: Deck) -> list[tuple[str, str]]:
    """(item id, text) for everything a learner reads in the deck."""
    out = [(c.id, f"{c.front}\n{c.back}") for c in deck.cards]
    for quiz in deck.quizzes:
        for q in quiz.questions:
            parts = [q.prompt, q.situation, q.explanation, q.feedback_true, q.feedback_false,
                     *(o.text for o in q.options), *(o.feedback for o in q.options),
                     *(p.left + " " + p.right for p in q.pairs), *q.steps]
            out.append((q.id, "\n".join(parts)))
    for p in deck.practice:
        parts = [p.title, p.situation, p.prospect, p.model,
                 *(f"{c.text} {c.why}" for c in p.checks)]
        out.append((p.id, "\n".join(parts)))
    for a in deck.assessments:
        out += [(s.id, s.text) for s in a.statements]
        out += [(d.id, b.advice) for d in a.dimensions for b in d.bands]
    return out


def test_deck_check_is_clean_with_no_warnings() -> None:
    report = check_paths([builtin_decks_dir()])
    assert [str(p) for p in report.problems] == []


@pytest.mark.parametrize("deck_id", TOPIC_DECKS)
def test_each_topic_deck_has_its_material(decks: dict[str, Deck], deck_id: str) -> None:
    deck = decks[deck_id]
    assert len(deck.cards) >= 25
    assert all(c.source for c in deck.cards)
    assert len({c.topic for c in deck.cards}) >= 1 and deck.cards[0].topic == deck_id
    quiz = max(deck.quizzes, key=lambda q: len(q.questions))
    assert len(quiz.questions) >= 10
    assert sum(q.type == QuestionType.SCENARIO for q in quiz.questions) >= 4
    for question in quiz.questions:
        assert question.source, question.id
        assert question.explanation, question.id
        if question.type == QuestionType.SCENARIO:
            assert question.situation, question.id
            assert all(o.feedback for o in question.options), question.id
    credited = {s.id for s in deck.sources}
    assert all(s.author or s.publisher or s.unattributed for s in deck.sources) and credited


@pytest.mark.parametrize("deck_id", TOPIC_DECKS)
def test_each_topic_deck_has_practice_and_a_self_check(decks: dict[str, Deck],
                                                       deck_id: str) -> None:
    deck = decks[deck_id]
    assert len(deck.practice) >= 3
    for item in deck.practice:
        assert item.source and item.title and 3 <= len(item.checks) <= 5, item.id
        assert all(c.why for c in item.checks), item.id
    assert len(deck.assessments) >= 1
    # Fronts are what the rep does or says on a call, not what an article says.
    about_article = [c.id for c in deck.cards if re.search(
        r"\b(article|author|Trinkle|Schreier|according to)\b", c.front, re.IGNORECASE)]
    assert len(about_article) <= 2, about_article


def test_twenty_practice_items_three_per_article(decks: dict[str, Deck]) -> None:
    per_source: Counter[str] = Counter(p.source or "" for d in decks.values()
                                       for p in d.practice)
    assert sum(per_source.values()) >= 20
    articles = {s.id for d in decks.values() for s in d.sources}
    assert len(articles) == 5
    assert all(per_source[a] >= 3 for a in articles), per_source


def test_the_first_weeks_path_covers_every_card_before_each_quiz(
        decks: dict[str, Deck]) -> None:
    (path,) = decks["onboarding"].paths
    steps = list(path.steps)
    for index, step in enumerate(steps):
        if step.kind == "quiz" and step.target.split("/")[0] in TOPIC_DECKS:
            deck_id = step.target.split("/")[0]
            before = [s for s in steps[:index] if s.kind == "deck" and s.target == deck_id]
            assert before and before[-1].day <= step.day, step.target
            assert (before[-1].cards or 0) >= len(decks[deck_id].cards), step.target
        if step.kind == "deck":
            # Each deck's self-check is taken before its study starts.
            own = [s for s in steps[:index] if s.kind == "assessment"
                   and s.target.startswith(step.target + "/")]
            assert own, step.target
    assessments = [s.target for s in steps if s.kind == "assessment"]
    assert len(assessments) >= len(TOPIC_DECKS) + 1  # with a retake near the end
    assert {a for a in assessments if assessments.count(a) > 1}
    assert steps[-1].kind == "quiz" and steps[-1].target == "onboarding/final-check"


def test_the_final_check_draws_on_every_article(decks: dict[str, Deck]) -> None:
    (quiz,) = decks["onboarding"].quizzes
    by_source = Counter(q.source for q in quiz.questions)
    assert len(by_source) == 5 and min(by_source.values()) >= 2
    assert sum(q.type == QuestionType.SCENARIO for q in quiz.questions) >= 5


def test_two_self_assessments_and_a_first_week_path(decks: dict[str, Deck]) -> None:
    assessments = {a.id for d in decks.values() for a in d.assessments}
    assert {"objection-mindset", "pushback-readiness"} <= assessments
    paths = [p for d in decks.values() for p in d.paths]
    assert paths, "a first-week path"
    steps = paths[0].steps
    assert {s.kind for s in steps} == {"deck", "quiz", "assessment"}
    assert {s.target.split("/")[0] for s in steps} >= set(TOPIC_DECKS)
    assert all(s.pass_mark or s.kind != "quiz" for s in steps)


def test_articles_four_and_five_are_weighed_in_a_scenario(decks: dict[str, Deck]) -> None:
    both = {"stop-closing-start-opening", "sales-call-objective"}
    weighed = [q for d in (decks["opening"], decks["call-objectives"]) for quiz in d.quizzes
               for q in quiz.questions
               if q.type == QuestionType.SCENARIO and {s.id for s in d.sources} >= both
               and "Schreier-Fleming" in q.explanation + "".join(o.feedback for o in q.options)]
    assert weighed


def test_nothing_is_copied_from_the_articles(decks: dict[str, Deck]) -> None:
    if not SEEDS.is_dir():
        pytest.skip("the source articles are not beside this checkout")
    seed_grams: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        seed_grams |= ngrams(seed.read_text(encoding="utf-8"), RUN)
    copied = []
    for deck in decks.values():
        for item, text in item_texts(deck):
            for phrase in ALLOWED:
                text = re.sub(phrase, " ", text, flags=re.IGNORECASE)
            shared = ngrams(text, RUN) & seed_grams
            if shared:
                copied.append(f"{deck.id}/{item}: " + " ".join(sorted(shared)[0]))
    assert copied == []
