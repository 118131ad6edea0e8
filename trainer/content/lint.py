"""Likely mistakes in a deck that parses: warnings, not errors.

Duplicate fronts, cards that credit no source, quizzes whose options are all right,
and (against an earlier version) items whose id changed while their text stayed the
same, which would throw away every learner's progress on them.
"""

from __future__ import annotations

from trainer.domain.deck import Deck
from trainer.domain.errors import Problem
from trainer.domain.quiz import QuestionType


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
    return out


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
