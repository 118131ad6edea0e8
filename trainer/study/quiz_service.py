"""Quiz sessions: draw and shuffle, ask one question at a time, commit every answer with
its spaced-repetition rating, resume after a crash, and sum up the results."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import NamedTuple

from trainer.clock import Clock
from trainer.domain.quiz import Option, Question, QuestionType
from trainer.domain.scoring import (
    Calibration,
    Response,
    calibration,
    certainty_marks,
    is_correct,
    matching_answer,
    numerical_answer,
    rating_for,
    score,
)
from trainer.i18n import Context
from trainer.storage.quiz_repo import AnswerRow, AttemptRow, QuizRepository
from trainer.storage.quiz_repo import QuizRow as QuizRow  # what quizzes() returns
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db
from trainer.study.service import ReviewSession, StudyService


class QuizServiceText(Context):
    """Texts a quiz session puts on the quiz screens."""


class Asked(NamedTuple):
    """A question as shown: options in their shown order (matching rights shuffled too)."""

    position: int
    total: int
    item_id: int
    question: Question
    options: tuple[Option, ...]
    choices: tuple[str, ...]  # matching: the right-hand texts; ordering: the steps, shuffled
    certainty: bool


class Feedback(NamedTuple):
    """What the rep sees after answering."""

    credit: float
    correct: bool
    marks: float | None
    option_feedback: tuple[tuple[Option, str], ...]  # chosen options and their feedback
    explanation: str
    confidently_wrong: bool


class MissedQuestion(NamedTuple):
    """A question not answered with full marks, for the results page."""

    item_id: int
    question: Question
    credit: float
    certainty: int | None
    confidently_wrong: bool


class QuizResult(NamedTuple):
    """The results page."""

    attempt_id: int
    title: str
    percent: float
    passed: bool
    pass_mark: int
    accuracy: float
    answered: int
    certainty_score: float | None  # mean certainty-based mark per answer (-6..3)
    calibration: Calibration | None
    by_topic: dict[str, float]  # percent right per topic
    missed: tuple[MissedQuestion, ...] = ()


# Answers slower than this are logged at this length (the rep probably stepped away).
MAX_QUESTION_TIME = timedelta(minutes=5)


def _matching_choices(question: Question) -> list[str]:
    """What each drop-down of a matching question offers: every pair's right-hand text
    and the distractors, which match nothing."""
    return [p.right for p in question.pairs] + list(question.distractors)


def _plan_options(question: Question, shuffle: bool, rng: random.Random) -> list[str]:
    ids = [o.id for o in question.options]
    if not shuffle:
        return ids
    free = [o.id for o in question.options if not o.pinned]
    rng.shuffle(free)
    # Pinned options ("None of the above", say) keep their place.
    return [o.id if o.pinned else free.pop(0) for o in question.options]


class QuizRun:
    """One attempt in progress."""

    def __init__(self, service: QuizService, attempt: AttemptRow,
                 questions: dict[str, tuple[int, Question]], answered: list[AnswerRow]) -> None:
        self.service = service
        self.attempt = attempt
        self.questions = questions
        self.answers = answered
        self.position = len(answered)
        self.shown_at: datetime = service.clock()
        self.last_feedback: Feedback | None = None

    @property
    def total(self) -> int:
        """How many questions this attempt asks."""
        return len(self.attempt.plan)

    @property
    def finished(self) -> bool:
        """True once every question has been answered."""
        return self.position >= self.total

    def current(self) -> Asked | None:
        """The question to ask now (``None`` when all are answered)."""
        if self.finished:
            return None
        entry = self.attempt.plan[self.position]
        item_id, question = self.questions[entry["key"]]
        by_id = {o.id: o for o in question.options}
        return Asked(self.position, self.total, item_id, question,
                     tuple(by_id[i] for i in entry["options"] if i in by_id),
                     tuple(entry.get("choices", ())), self.attempt.certainty)

    def answer(self, response: Response, certainty: int | None) -> Feedback:
        """Score, commit (with the FSRS rating), and return the feedback."""
        asked = self.current()
        if asked is None:
            raise RuntimeError("every question is already answered")
        if self.attempt.certainty and certainty not in (1, 2, 3):
            raise ValueError("choose how sure you are: 1 low, 2 medium or 3 high")
        now = self.service.clock()
        spent = now - self.shown_at
        feedback = self.service.record(asked, response, certainty if self.attempt.certainty
                                       else None, now, spent, attempt_id=self.attempt.id,
                                       deck_version=self.attempt.deck_version)
        self.answers.append(AnswerRow(self.position, asked.item_id, response, certainty,
                                      feedback.credit, feedback.correct, feedback.marks,
                                      int(spent.total_seconds() * 1000)))
        self.last_feedback = feedback
        return feedback

    def advance(self) -> Asked | None:
        """Go to the next question after the feedback was read."""
        self.position = len(self.answers)
        self.shown_at = self.service.clock()
        return self.current()

    def finish(self) -> QuizResult:
        """Close the attempt and sum it up."""
        self.service.repo.finish(self.attempt.id, self.service.clock())
        return self.service.result(self.attempt.id)


class QuizService:
    """Quizzes over the profile; answers feed the same FSRS state as daily study."""

    def __init__(self, db: Store, clock: Clock, study: StudyService,
                 rng: random.Random | None = None) -> None:
        self.db = db
        self.clock = clock
        self.study = study
        self.repo = QuizRepository(db)
        self.rng = rng or random.Random()

    def quizzes(self, deck_id: str | None = None) -> list[QuizRow]:
        """Installed quizzes."""
        return self.repo.quizzes(deck_id)

    def start(self, deck_id: str, quiz_key: str, *, only: list[str] | None = None,
              kind: str = "quiz") -> QuizRun:
        """Begin an attempt: draw the questions (``only`` limits them, e.g. to the ones
        missed last time) and fix their option order, then store the plan."""
        quiz = self.repo.quiz(deck_id, quiz_key)
        pool = [k for k in quiz.question_keys if only is None or k in only]
        questions = self.repo.questions(deck_id, pool)
        pool = [k for k in pool if k in questions]
        if not pool:
            # Shown to the rep as it is (the window's message box).
            raise ValueError(QuizServiceText.tr("quiz '{title}' has no questions to ask")
                             .format(title=quiz.title))
        keys = list(pool)
        if only is None and quiz.draw is not None and quiz.draw < len(keys):
            keys = self.rng.sample(keys, quiz.draw)
        if quiz.shuffle:
            self.rng.shuffle(keys)
        plan = []
        for key in keys:
            question = questions[key][1]
            entry: dict[str, object] = {"key": key,
                                        "options": _plan_options(question, quiz.shuffle,
                                                                 self.rng)}
            if question.type == QuestionType.MATCHING:
                rights = _matching_choices(question)
                self.rng.shuffle(rights)
                entry["choices"] = rights
            elif question.type == QuestionType.ORDERING:
                steps = list(question.steps)
                while len(steps) > 1 and steps == list(question.steps):
                    self.rng.shuffle(steps)
                entry["choices"] = steps
            plan.append(entry)
        attempt_id = self.repo.create_attempt(
            deck_id=deck_id, quiz_key=quiz_key, kind=kind, plan=plan,
            certainty=quiz.certainty, pass_mark=quiz.pass_mark, at=self.clock())
        return self.resume(attempt_id)

    def resume(self, attempt_id: int) -> QuizRun:
        """Continue an attempt where it stopped; nothing answered is asked again."""
        attempt = self.repo.attempt(attempt_id)
        questions = self.repo.questions(attempt.deck_id, [e["key"] for e in attempt.plan])
        missing = [e["key"] for e in attempt.plan if e["key"] not in questions]
        if missing:
            # A deck update retired a planned question: ask the rest.
            attempt = attempt._replace(plan=[e for e in attempt.plan if e["key"] in questions])
        return QuizRun(self, attempt, questions, self.repo.answers(attempt_id))

    def best_scores(self) -> dict[tuple[str, str], float]:
        """The best finished score of every quiz taken, by (deck id, quiz id)."""
        return self.repo.best_scores()

    def open_attempts(self, started_before: datetime | None = None) -> list[AttemptRow]:
        """Interrupted attempts, to offer resuming or discarding on start: with
        ``started_before``, only those begun before then (the window opened)."""
        return self.repo.open_attempts(None if started_before is None
                                       else to_db(started_before))

    def discard(self, attempt_id: int) -> None:
        """Drop an interrupted attempt; what was answered stays in the history."""
        self.repo.discard(attempt_id, self.clock())

    def record(self, asked: Asked, response: Response, certainty: int | None, now: datetime,
               spent: timedelta, *, attempt_id: int | None, deck_version: str,
               session_id: int | None = None) -> Feedback:
        """Score one answer and commit it together with its FSRS review."""
        question = asked.question
        credit = score(question, response)
        right = is_correct(credit)
        marks = None if certainty is None else certainty_marks(credit, certainty)
        duration = int(min(spent, MAX_QUESTION_TIME).total_seconds() * 1000)
        with self.db.atomic():
            _state, review_id = self.study.review(
                asked.item_id, rating_for(credit, certainty), now=now, duration_ms=duration,
                session_id=session_id)
            self.repo.record_answer(
                attempt_id=attempt_id, review_id=review_id, item_id=asked.item_id,
                position=asked.position, response=response, certainty=certainty, credit=credit,
                correct=right, marks=marks, duration_ms=duration, at=now,
                deck_version=deck_version)
        return Feedback(credit, right, marks, _chosen_feedback(question, response),
                        question.explanation, not right and certainty == 3)

    def asked_in_review(self, session: ReviewSession) -> Asked:
        """A question due in daily study, ready for the quiz view (options shuffled,
        certainty always asked so a right answer can be rated Hard, Good or Easy)."""
        shown = session.current
        if shown is None or not shown.is_question:
            raise RuntimeError("the current item is not a question")
        question = self.repo.question_by_item(shown.item_id)
        options = [o.id for o in question.options]
        by_id = {o.id: o for o in question.options}
        choices: list[str] = []
        if question.type == QuestionType.MATCHING:
            choices = _matching_choices(question)
            self.rng.shuffle(choices)
        elif question.type == QuestionType.ORDERING:
            choices = list(question.steps)
            while len(choices) > 1 and choices == list(question.steps):
                self.rng.shuffle(choices)
        else:
            options = _plan_options(question, True, self.rng)
        return Asked(0, 1, shown.item_id, question, tuple(by_id[i] for i in options),
                     tuple(choices), True)

    def answer_in_review(self, session: ReviewSession, asked: Asked, response: Response,
                         certainty: int) -> Feedback:
        """Answer a due question in daily study; the caller counts it and moves the
        session on."""
        now = self.clock()
        spent = now - (session.shown_at or now)
        return self.record(asked, response, certainty, now, spent, attempt_id=None,
                           deck_version=self.repo.deck_version(session.deck_id),
                           session_id=session.session_id)

    def result(self, attempt_id: int) -> QuizResult:
        """Figures for the results page of an attempt."""
        attempt = self.repo.attempt(attempt_id)
        quiz = self.repo.quiz(attempt.deck_id, attempt.quiz_key)
        answers = self.repo.answers(attempt_id)
        by_item = {a.item_id: a for a in answers}
        questions = {item_id: q for item_id, q in
                     self.repo.questions(attempt.deck_id,
                                         [e["key"] for e in attempt.plan]).values()}
        total = len(attempt.plan)
        credits = [a.score for a in answers]
        percent = 100.0 * sum(credits) / total if total else 0.0
        topics: dict[str, list[float]] = {}
        for a in answers:
            if a.item_id in questions:
                topics.setdefault(questions[a.item_id].topic, []).append(a.score)
        cal = calibration((a.correct, a.certainty) for a in answers) if attempt.certainty \
            else None
        missed = tuple(
            MissedQuestion(a.item_id, questions[a.item_id], a.score, a.certainty,
                           not a.correct and a.certainty == 3)
            for a in answers if not a.correct and a.item_id in questions)
        return QuizResult(
            attempt_id=attempt_id, title=quiz.title, percent=round(percent, 1),
            passed=percent >= attempt.pass_mark, pass_mark=attempt.pass_mark,
            accuracy=sum(a.correct for a in answers) / len(answers) if answers else 0.0,
            answered=len(by_item), certainty_score=None if cal is None else cal.cbm_average,
            calibration=cal,
            by_topic={t: round(100.0 * sum(v) / len(v), 1) for t, v in sorted(topics.items())},
            missed=missed,
        )


def _chosen_feedback(question: Question, response: Response) -> tuple[tuple[Option, str], ...]:
    if question.type == QuestionType.TRUEFALSE:
        text = question.feedback_true if response.truth else question.feedback_false
        shown = QuizServiceText.tr("True") if response.truth else QuizServiceText.tr("False")
        return ((Option("true" if response.truth else "false", shown), text),) if text else ()
    if question.type == QuestionType.SHORTANSWER:
        typed = response.text or ""
        match = matching_answer(question, typed)
        if match is None:
            return ((Option("typed", typed),
                     QuizServiceText.tr("Not one of the accepted answers.")),)
        return ((Option(match.id, typed), match.feedback),) if match.feedback else ()
    if question.type == QuestionType.NUMERICAL:
        given = response.text or ""
        found = numerical_answer(question, given)
        as_given = Option(found.id if found else "typed", _shown_number(given))
        if found is None:
            return ((as_given, QuizServiceText.tr("Not one of the accepted answers.")),)
        return ((as_given, found.feedback),) if found.feedback else ()
    chosen = set(response.chosen)
    return tuple((o, o.feedback) for o in question.options if o.id in chosen)


def _shown_number(given: str) -> str:
    """A number as stored ("3.5") the way the rep's language writes it ("3,5" under
    German), with as many decimals as it has."""
    from trainer.domain.numeric import read_number, shown_number  # decimal: see scoring.py

    value = read_number(given)
    return given if value is None else shown_number(float(value))
