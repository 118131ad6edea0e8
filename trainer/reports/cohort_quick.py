"""Reading a usual progress export quickly: msgspec decodes only the fields the report
uses, into typed structs, and the records are boiled down with plain loops.

This is the same reading as cohort_read.py's ``summarise`` for every export it accepts,
and stricter: anything it is not sure of (a missing key, an odd type, a number orjson
would read otherwise, bytes that are not UTF-8, ...) makes ``quick_summary`` return
None, and the export is then parsed and checked the detailed way, which says what is
wrong with it. So the report and its messages do not depend on which way was taken.
Skipping what the report does not use (answers' responses, practice replies, the review
log's other columns) and never building a dict per record is what makes it quicker.
"""

from __future__ import annotations

import codecs
from collections import Counter
from datetime import datetime
from functools import reduce
from itertools import compress, repeat
from operator import add, attrgetter, eq
from pathlib import Path
from sys import intern
from typing import Any

import msgspec

from trainer.domain.readiness import HORIZON_DAYS, Readiness, mean_with_missing
from trainer.domain.scheduling import recall_curve
from trainer.domain.scoring import calibration_by_level
from trainer.reports.cohort_model import LearnerReport, PathStanding, PathStep, QuizBest, TopicStats
from trainer.reports.cohort_records import (
    DAILY_STUDY,
    clean_name,
    decay_of,
    deck_titles,
    prompt_text,
    quiz_titles,
    text_or,
    time_of,
)
from trainer.reports.cohort_structs import (
    Answer,
    Attempt,
    Export,
    Item,
    LearningPath,
    Reply,
    Review,
    StudyAnswer,
)
from trainer.reports.progress_format import FORMAT, VERSION

_DECODER = msgspec.json.Decoder(Export)
_BOM = "\ufeff".encode()
_CHUNK = 1 << 14


class _Unsure(Exception):
    """Something the quick way leaves to the detailed one."""


def is_utf8(raw: bytes) -> bool:
    """Whether ``raw`` is UTF-8 throughout (msgspec does not check the text it skips)."""
    if raw.isascii():
        return True
    # Most of an export is ASCII: only the pieces that are not are decoded. A sequence
    # cut by a piece's end is carried over to the next; one cut by ASCII is an error.
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(raw), _CHUNK):
            piece = raw[start:start + _CHUNK]
            if piece.isascii():
                decoder.decode(b"", final=True)
                decoder.reset()
            else:
                decoder.decode(piece)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def quick_summary(raw: bytes, source: Path) -> LearnerReport | None:
    """The export in ``raw`` boiled down as ``cohort_read.summarise`` would, or None when
    it is to be read the detailed way."""
    if not is_utf8(raw):
        return None
    try:
        doc = _DECODER.decode(memoryview(raw)[len(_BOM):] if raw.startswith(_BOM) else raw)
        return _summarise(doc, source)
    except (msgspec.DecodeError, RecursionError, _Unsure, KeyError, TypeError, ValueError,
            ArithmeticError):
        return None


def _summarise(doc: Export, source: Path) -> LearnerReport:
    if doc.format != FORMAT or not 1 <= doc.version <= VERSION:
        raise _Unsure
    learner_id = doc.learner.id
    if not 0 < len(learner_id) <= 200:
        raise _Unsure
    name = doc.learner.display_name
    exported_at = time_of(doc.exported_at)
    quizzes = _Quizzes(doc.quiz_attempts, doc.study_answers)
    prompts: dict[tuple[str, str], str | None] = {
        (deck, item): None for deck, _quiz, item in quizzes.confident_wrong}
    decay = decay_of(doc.scheduler)
    practised, practice_checks = _practice(doc.practice)
    topics, readiness = _topics(doc.items, doc.reviews, exported_at, decay, quizzes,
                                practised, prompts)
    return LearnerReport(
        learner_id=learner_id, display_name=None if name is None else clean_name(name),
        exported_at=exported_at, source=source, topics=topics, quizzes=quizzes.best,
        paths=_paths(doc.paths),
        confident_wrong=_confident_wrong(quizzes.confident_wrong, prompts),
        calibration=calibration_by_level(quizzes.by_level), deck_titles=deck_titles(doc.decks),
        quiz_titles=quiz_titles(doc.quizzes), readiness=readiness,
        practice_checks=practice_checks)


_DECK, _ITEM, _TOPIC = attrgetter("deck"), attrgetter("item"), attrgetter("topic")
_SCORE, _CORRECT = attrgetter("score"), attrgetter("correct")
_CERTAINTY, _ANSWERED_AT = attrgetter("certainty"), attrgetter("answered_at")
_CERTAINTIES = frozenset((None, 1, 2, 3))


def _confident_wrong(wrong: list[tuple[str, str, str]],
                     prompts: dict[tuple[str, str], str | None]
                     ) -> tuple[tuple[str, str, str, str | None], ...]:
    """One entry per answer, the same question in the same quiz being one object: the
    report is sent back from a worker process pickled, which then sends it once (and
    its texts once for a batch of learners, as they are interned)."""
    same: dict[tuple[str, str, str], tuple[str, str, str, str | None]] = {}
    out = []
    for key in wrong:
        entry = same.get(key)
        if entry is None:
            prompt = prompts[key[0], key[2]]
            deck, quiz, item = map(intern, key)
            entry = same[key] = (deck, quiz, item, None if prompt is None else intern(prompt))
        out.append(entry)
    return tuple(out)


class _Quizzes:
    """Every quiz and daily-study answer counted, as cohort_records.read_quizzes does,
    a column at a time."""

    def __init__(self, attempts: list[Attempt], study_answers: list[StudyAnswer]) -> None:
        self.best: dict[tuple[str, str], QuizBest] = {}
        answers: list[Answer | StudyAnswer] = []
        decks: list[str] = []
        quizzes: list[str] = []
        for attempt in attempts:
            deck, quiz, given = attempt.deck, attempt.quiz, attempt.answers
            answers += given
            decks += [deck] * len(given)
            quizzes += [quiz] * len(given)
            # Added one by one from 0.0 as the detailed way adds them (sum() may not).
            total = reduce(add, map(float, map(_SCORE, given)), 0.0)
            if attempt.kind != "quiz" or attempt.finished_at is None \
                    or attempt.discarded is not False:
                continue
            time_of(attempt.finished_at)
            questions, mark = attempt.questions, attempt.pass_mark
            percent = 100.0 * total / questions if questions > 0 else 0.0
            self.best[(deck, quiz)] = QuizBest.after(self.best.get((deck, quiz)), percent, mark)
        answers += study_answers
        decks += map(_DECK, study_answers)
        quizzes += [DAILY_STUDY] * len(study_answers)

        certainties = list(map(_CERTAINTY, answers))
        if not _CERTAINTIES.issuperset(certainties):
            raise _Unsure
        scores = list(map(float, map(_SCORE, answers)))
        correct = list(map(_CORRECT, answers))
        topics = list(map(_TOPIC, answers))
        asked, right = Counter(topics), Counter(compress(topics, correct))
        for odd in [topic for topic in asked if type(topic) is not str]:
            del asked[odd]  # only text names a topic
        self.by_topic = {topic: [n, right[topic]] for topic, n in asked.items()}
        # (deck, item) -> (when, credit) of its latest answer, the last read on a tie
        self.latest: dict[tuple[str, str], tuple[str, float]] = {}
        latest = self.latest
        keys = zip(decks, map(_ITEM, answers), strict=True)
        for key, at, score in zip(keys, map(_ANSWERED_AT, answers), scores, strict=True):
            seen = latest.get(key)
            if seen is None or at >= seen[0]:
                latest[key] = (at, score)
        # Credits by certainty level, in the order read, as calibration() groups them
        # (credit outside 0 to 1 counts as calibration counts it: no need to hold it to
        # that range first).
        self.by_level = {level: list(compress(scores, map(eq, certainties, repeat(level))))
                         for level in (1, 2, 3)}
        self.confident_wrong = [
            (deck, quiz, answer.item) for deck, quiz, answer, certainty, ok
            in zip(decks, quizzes, answers, certainties, correct, strict=True)
            if certainty == 3 and not ok]


def _practice(replies: list[Reply]) -> tuple[dict[tuple[str, str], float],
                                              dict[str, tuple[int, int]]]:
    """As cohort_readiness.practice_latest."""
    latest: dict[tuple[str, str], tuple[str, float]] = {}
    checks: dict[str, list[int]] = {}
    tallies: dict[str, list[int]] = {}
    for reply in replies:
        rubric = reply.checks
        if not rubric:
            raise _Unsure
        if not reply.counted:
            continue
        met = 0
        for check in rubric:
            met += check.met
            tally = tallies.get(check.text)
            if tally is None:
                tally = tallies[check.text] = checks.setdefault(
                    intern(" ".join(check.text.split())[:200]), [0, 0])
            tally[0] += 1
            tally[1] += not check.met
        key, at = (reply.deck, reply.item), reply.answered_at
        held = latest.get(key)
        if held is None or at >= held[0]:
            latest[key] = (at, met / len(rubric))
    return ({k: share for k, (_at, share) in latest.items()},
            {text: (asked, missed) for text, (asked, missed) in checks.items()})


def _topics(items: list[Item], reviews: list[Review], now: datetime, decay: float,
            quizzes: _Quizzes, practised: dict[tuple[str, str], float],
            prompts: dict[tuple[str, str], str | None]
            ) -> tuple[dict[str, TopicStats], dict[str, Readiness]]:
    """Topic figures (as cohort_records.topic_stats) and readiness (as
    cohort_readiness.readiness_by_topic) in one pass over the items."""
    # Keyed as the reviews are decoded, so they are counted by topic in one pass.
    topic_of: dict[Review, str] = {}
    recall: dict[str, tuple[float, int]] = {}
    # topic -> [recall, quiz, practice values; cards, seen, questions, answered,
    # practice items, practised]
    ready: dict[str, list[Any]] = {}
    quiz_latest = quizzes.latest
    recall_after = recall_curve(decay)
    for item in items:
        key, topic = (item.deck, item.id), item.topic
        topic_of[Review(*key)] = topic
        if key in prompts:
            prompts[key] = prompt_text(item.prompt)
        total, reviewed = recall.setdefault(topic, (0.0, 0))
        last, stability, retired = item.last_review, item.stability, item.retired
        days = None  # whole days from its last review to the export
        if last is not None and stability is not None and not retired:
            if stability <= 0:
                raise _Unsure
            days = max(0, (now - time_of(last)).days)
            recall[topic] = (total + recall_after(days, stability), reviewed + 1)
        if retired:
            continue
        got = ready.get(topic)
        if got is None:
            got = ready[topic] = [[], [], [], 0, 0, 0, 0, 0, 0]
        kind = item.kind
        if kind == "card":
            got[3] += 1
            if days is not None:
                got[4] += 1
                # Added as days, not to the date (which may be the last one a datetime
                # can hold), as readiness_by_topic does.
                got[0].append(recall_after(days + HORIZON_DAYS, float(stability or 0)))
        elif kind == "practice":
            got[7] += 1
            if key in practised:
                got[8] += 1
                got[2].append(practised[key])
        else:
            got[5] += 1
            held = quiz_latest.get(key)
            if held is not None:
                got[6] += 1
                got[1].append(min(max(held[1], 0.0), 1.0))
    answers: Counter[str | None] = Counter(map(topic_of.get, reviews))
    topics = {}
    by_topic = quizzes.by_topic
    for topic in recall.keys() | by_topic.keys():
        total, reviewed = recall.get(topic, (0.0, 0))
        asked, right = by_topic.get(topic, (0, 0))
        topics[topic] = TopicStats(answers[topic], total / reviewed if reviewed else None,
                                   asked, right)
    readiness = {topic: Readiness(
        mean_with_missing(got[0], got[3]), mean_with_missing(got[1], got[5]),
        mean_with_missing(got[2], got[7]), got[3], got[4], got[5], got[6], got[7], got[8])
        for topic, got in ready.items()}
    return topics, readiness


def _paths(paths: list[LearningPath]) -> tuple[PathStanding, ...]:
    """As cohort_records.path_standings."""
    out = []
    for path in paths:
        standing = []
        for step in path.steps:
            target = text_or(step.target, "?")
            standing.append(PathStep(step.day, text_or(step.kind, "step"), target,
                                     text_or(step.title, target), step.done,
                                     text_or(step.progress, "")))
        deck, path_id = text_or(path.deck, "?"), text_or(path.id, "?")
        out.append(PathStanding(deck, path_id, text_or(path.title, path_id),
                                path.day if path.started_at is not None else None,
                                tuple(standing)))
    return tuple(out)
