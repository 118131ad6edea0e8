"""Likely mistakes in a deck that parses: warnings, not errors.

Duplicate fronts, cards that credit no source, quizzes whose options are all right,
quizzes a rep could pass by always picking the longest option, and (against an
earlier version) items whose id changed while their text stayed the
same, which would throw away every learner's progress on them.
"""

from __future__ import annotations

from trainer.domain.deck import Deck
from trainer.domain.errors import Problem
from trainer.domain.quiz import Question, QuestionType, Quiz

# The longest-option warning: raised when picking the longest option would find the best
# one this unlikely by chance (one-sided), and only with enough questions to tell.
LONGEST_CHANCE = 0.05
LONGEST_FEWEST = 4
_CHOICE_TYPES = (QuestionType.SINGLE, QuestionType.SCENARIO)


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def lint_deck(deck: Deck) -> list[Problem]:
    """Warnings about one deck."""
    file = str(deck.path)
    out: list[Problem] = []
    fronts: dict[str, str] = {}
    for card in deck.cards:
        key = _normal(card.front)
        if key in fronts:
            out.append(Problem(file, f"the same front as card '{fronts[key]}'; learners "
                               "cannot tell the two apart", card.line, card.id, "warning"))
        else:
            fronts[key] = card.id
        if card.source is None and deck.sources:
            out.append(Problem(file, "credits no source; add 'source = \"ID\"' naming one of "
                               "the [[sources]]", card.line, card.id, "warning"))
        elif card.source is None:
            out.append(Problem(file, "credits no source; add a [[sources]] table and "
                               "'source = \"ID\"'", card.line, card.id, "warning"))
    for quiz in deck.quizzes:
        for question in quiz.questions:
            values = [o.value for o in question.options]
            all_right = (
                (question.type == QuestionType.SCENARIO and values and min(values) >= 1.0)
                or (question.type == QuestionType.MULTIPLE and values and min(values) > 0))
            if all_right:
                out.append(Problem(file, "every option is fully right, so the question "
                                   "tests nothing; make some options wrong", question.line,
                                   question.id, "warning"))
        bias = longest_option_bias(quiz)
        if bias is not None:
            hits, asked, expected = bias
            out.append(Problem(
                file, f"in {hits} of {asked} questions the best option is also the longest "
                f"(chance would give about {expected:.0f}): a rep who always picks the "
                "longest answer would do well. Make some wrong options the longest, or the "
                "best one shorter", quiz.line, quiz.id, "warning"))
    return out


def _best_is_longest(question: Question) -> bool | None:
    """Whether the single best option is strictly the longest; None when the question
    has no single best option or fewer than three options."""
    options = question.options
    if question.type not in _CHOICE_TYPES or len(options) < 3:
        return None
    top = max(o.value for o in options)
    best = [o for o in options if o.value == top]
    if len(best) != 1:
        return None
    length = len(best[0].text.strip())
    return all(len(o.text.strip()) < length for o in options if o is not best[0])


def longest_option_bias(quiz: Quiz) -> tuple[int, int, float] | None:
    """(questions whose best option is the longest, questions counted, the number chance
    would give) when that count is improbably high, else None.

    Each counted question has k options, so by chance its best one is the longest with
    probability 1/k; the chance of the observed count or more is the tail of that
    Poisson binomial distribution."""
    chances: list[float] = []
    hits = 0
    for question in quiz.questions:
        longest = _best_is_longest(question)
        if longest is None:
            continue
        chances.append(1 / len(question.options))
        hits += longest
    if len(chances) < LONGEST_FEWEST:
        return None
    # dist[n] = probability of exactly n hits among the questions seen so far.
    dist = [1.0]
    for p in chances:
        dist = [(dist[n] if n < len(dist) else 0.0) * (1 - p)
                + (dist[n - 1] * p if n > 0 else 0.0) for n in range(len(dist) + 1)]
    tail = sum(dist[hits:])
    expected = sum(chances)
    if hits > expected and tail < LONGEST_CHANCE:
        return hits, len(chances), expected
    return None


def _texts(deck: Deck) -> dict[str, str]:
    """Stable id -> normalized text, for cards and questions."""
    texts = {c.id: _normal(c.front + "\n" + c.back) for c in deck.cards}
    for quiz in deck.quizzes:
        for q in quiz.questions:
            texts[q.id] = _normal(q.prompt + "\n" + "\n".join(o.text for o in q.options))
    return texts


def renamed_ids(current: list[Deck], previous: list[Deck]) -> list[Problem]:
    """Items whose text is unchanged from ``previous`` but whose id is new."""
    out: list[Problem] = []
    old = {d.id: d for d in previous}
    for deck in current:
        before = old.get(deck.id)
        if before is None:
            continue
        old_texts = _texts(before)
        now_texts = _texts(deck)
        gone = {text: key for key, text in old_texts.items() if key not in now_texts}
        lines = {c.id: c.line for c in deck.cards}
        lines.update({q.id: q.line for quiz in deck.quizzes for q in quiz.questions})
        for key, text in now_texts.items():
            if key not in old_texts and text in gone:
                out.append(Problem(
                    str(deck.path), f"has the same text as '{gone[text]}' in version "
                    f"{before.version}, whose id is gone: learners would lose their progress "
                    f"on it. Keep the id '{gone[text]}'", lines.get(key), key, "warning"))
    return out
