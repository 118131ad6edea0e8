"""An installed deck read back from the profile, as a ``Deck`` (for exporting)."""

from __future__ import annotations

import json

from trainer.domain.deck import Card, Deck, Source
from trainer.domain.errors import TrainerError
from trainer.domain.practice import PracticeItem
from trainer.domain.quiz import Quiz
from trainer.storage.assessment_repo import AssessmentRepository
from trainer.storage.quiz_repo import QuizRepository
from trainer.storage.store import Store


def installed_deck(db: Store, deck_id: str) -> Deck:
    """The deck as installed now: its current (not retired) cards, practice items,
    quizzes and self-assessments."""
    row = db.execute("SELECT title, version, description, authors, sources FROM decks "
                     "WHERE id = ?", [deck_id]).fetchone()
    if row is None:
        known = ", ".join(r[0] for r in db.execute("SELECT id FROM decks ORDER BY id"))
        raise TrainerError(f"no installed deck '{deck_id}' (installed: {known or 'none'})")
    title, version, description, authors, sources = row
    cards = tuple(
        Card(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5])
        for r in db.execute("SELECT key, front, back, topic, tags, source FROM items "
                            "WHERE deck_id = ? AND kind = 'card' AND retired = 0 "
                            "ORDER BY position", [deck_id]))
    practice = tuple(
        PracticeItem.from_row(r[0], r[1], r[2], r[3], r[4], json.loads(r[5] or "{}"))
        for r in db.execute("SELECT key, topic, source, front, back, body FROM items "
                            "WHERE deck_id = ? AND kind = 'practice' AND retired = 0 "
                            "ORDER BY position", [deck_id]))
    repo = QuizRepository(db)
    quizzes = []
    for quiz in repo.quizzes(deck_id):
        questions = repo.questions(deck_id, quiz.question_keys)
        quizzes.append(Quiz(quiz.key, quiz.title, quiz.topic,
                            tuple(questions[k][1] for k in quiz.question_keys if k in questions),
                            quiz.pass_mark, quiz.draw, quiz.shuffle, quiz.certainty,
                            quiz.description))
    assessments = tuple(a for d, a in AssessmentRepository(db).assessments() if d == deck_id)
    return Deck(deck_id, title, version, description, tuple(json.loads(authors)),
                tuple(Source(**s) for s in json.loads(sources)), cards,
                quizzes=tuple(quizzes), assessments=assessments, practice=practice)
