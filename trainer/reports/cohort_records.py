"""Checking an export's records and boiling them down: topics from its items and
reviews, quizzes from its attempts and study answers, path standings, titles. A bad
record raises ``ExportProblem`` naming it ("items[3]: ...").

Figures per learner:

* a topic's ``answers`` are the review-log rows on its items (quiz answers are rated
  into the log too); its mastery is the mean FSRS recall probability, at the export's
  time and on the rep's own forgetting curve, of its reviewed items that are not
  retired, shown only from ``MIN_ANSWERS`` up;
* quiz accuracy per topic, calibration and confidently wrong answers use every quiz
  answer (finished, unfinished or discarded attempts alike, and questions met again in
  daily study); a confidently wrong answer is labelled with its item's ``prompt`` (the
  question's plain text) when the export has one, else with the item id;
* a quiz is taken when an attempt of kind "quiz" was finished (not discarded), and passed
  when the best such attempt reached its pass mark (percent = sum of scores / questions).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any

from trainer.domain.scheduling import DEFAULT_DECAY, recall_after
from trainer.i18n import QT_TRANSLATE_NOOP, Context
from trainer.reports.cohort_model import (
    ExportProblem,
    PathStanding,
    PathStep,
    QuizBest,
    Reason,
    TopicStats,
    located,
    problem,
)
from trainer.reports.progress_format import MAX_PROMPT
from trainer.storage.learner_repo import MAX_DISPLAY_NAME


class CohortReadText(Context):
    """Why a progress export cannot be used (shown on the cohort page's Files tab)."""


# Where a question answered in daily study (not in a quiz attempt) was asked.
DAILY_STUDY = "daily study"
DECAY = DEFAULT_DECAY


def recall_probability(stability: float, last_review: datetime, now: datetime,
                       decay: float = DECAY) -> float:
    """FSRS retrievability after the whole days elapsed, as py-fsrs computes it, on the
    curve of ``decay`` (the last FSRS parameter, negated); the tests check both agree."""
    return recall_after(max(0, (now - last_review).days), stability, decay)


def short_repr(value: object, limit: int = 60) -> str:
    """``repr`` cut to ``limit`` characters, for naming a bad value in a message."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def bad(source: str, **fields: object) -> ExportProblem:
    """An ``ExportProblem`` saying ``source`` (marked under CohortReadText)."""
    return problem(CohortReadText, source, **fields)


def reason_of(exc: Exception) -> Reason:
    """What an error met in reading a record says about it."""
    if isinstance(exc, KeyError):
        return Reason(CohortReadText, QT_TRANSLATE_NOOP("CohortReadText", "missing key {key}"),
                      key=short_repr(exc.args[0] if exc.args else '?'))
    if isinstance(exc, ExportProblem):
        return exc.reason
    if isinstance(exc, ValueError):
        return Reason(CohortReadText, QT_TRANSLATE_NOOP("CohortReadText", "bad value ({error})"),
                      error=str(exc)[:120])
    return Reason(CohortReadText, QT_TRANSLATE_NOOP("CohortReadText",
                                                    "not an object with the expected keys"))


def time_of(value: object) -> datetime:
    """An export's time: ISO 8601 text with a time zone."""
    if type(value) is not str:
        raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                    "a time should be ISO 8601 text, not {value}"),
                  value=short_repr(value))
    when = datetime.fromisoformat(value)
    if when.tzinfo is None:
        raise bad(QT_TRANSLATE_NOOP("CohortReadText", "time {value} has no time zone"),
                  value=short_repr(value))
    return when


def _usable_key(key_of: itemgetter[Any], record: Any) -> bool:
    try:
        hash(key_of(record))
    except (KeyError, TypeError):
        return False
    return True


def topic_stats(items: list[Any], reviews: list[Any], now: datetime,
                quiz_topics: dict[str, list[int]],
                prompts: dict[tuple[str, str], str | None],
                decay: float = DECAY) -> dict[str, TopicStats]:
    """Answers and mastery per topic; fills in ``prompts`` (keyed by deck and item) from
    the items' text."""
    topic_of: dict[tuple[str, str], str] = {}
    recall: dict[str, tuple[float, int]] = {}
    for i, item in enumerate(items):
        # A try per item costs nothing until it raises (Python 3.11) and names the item.
        try:
            deck, key, topic = item["deck"], item["id"], item["topic"]
            if not (type(deck) is str and type(key) is str and type(topic) is str):
                raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                            '"deck", "id" and "topic" should be text'))
            topic_of[(deck, key)] = topic
            if (deck, key) in prompts:
                prompts[deck, key] = prompt_text(item.get("prompt"))
            total, reviewed = recall.setdefault(topic, (0.0, 0))
            last, stability, retired = item["last_review"], item["stability"], item["retired"]
            if type(retired) is not bool:
                raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                            '"retired" should be true or false'))
            if last is None or stability is None or retired:
                continue
            if type(stability) not in (float, int) or stability <= 0:
                raise bad(QT_TRANSLATE_NOOP(
                    "CohortReadText", '"stability" should be a positive number, not {value}'),
                    value=short_repr(stability))
            recall[topic] = (total + recall_probability(stability, time_of(last), now, decay),
                             reviewed + 1)
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise located(f"items[{i}]", reason_of(exc)) from None
    key_of = itemgetter("deck", "item")
    try:
        counts = Counter(map(key_of, reviews))  # the biggest list: counted at C speed
    except (KeyError, TypeError) as exc:
        at = next((i for i, r in enumerate(reviews) if not _usable_key(key_of, r)), None)
        raise located(f"reviews[{at}]", reason_of(exc)) from None
    answers: Counter[str] = Counter()
    for key, n in counts.items():
        topic = topic_of.get(key)
        if topic is not None:
            answers[topic] += n
    out = {}
    for topic in recall.keys() | quiz_topics.keys():
        total, reviewed = recall.get(topic, (0.0, 0))
        asked, right = quiz_topics.get(topic, (0, 0))
        out[topic] = TopicStats(answers[topic], total / reviewed if reviewed else None,
                                asked, right)
    return out


@dataclass
class Quizzes:
    best: dict[tuple[str, str], QuizBest]
    by_topic: dict[str, list[int]]  # topic -> [answers, right]
    pairs: list[tuple[float, int | None]]  # (credit, certainty)
    confident_wrong: list[tuple[str, str, str]]
    # (deck, item) -> (when, order read, credit) of its latest answer
    latest: dict[tuple[str, str], tuple[str, int, float]] = field(default_factory=dict)


def clean_name(name: str) -> str | None:
    """A learner's display name as the report shows it."""
    # Someone else's text, shown in a report: one line, short enough for a table cell,
    # and without control or direction-changing characters (which can make a name read
    # as another).
    return " ".join("".join(c if c.isprintable() else " " for c in name).split()
                    )[:MAX_DISPLAY_NAME] or None


def prompt_text(text: object) -> str | None:
    """An item's ``prompt`` as the report shows it; None when the export has none (older
    ones do not)."""
    if type(text) is not str or not text.strip():
        return None
    return " ".join(text.split())[:MAX_PROMPT]


def read_quizzes(attempts: list[Any], study_answers: list[Any]) -> Quizzes:
    out = Quizzes({}, {}, [], [])
    where = "quiz_attempts[0]"
    try:
        for i, attempt in enumerate(attempts):
            where = f"quiz_attempts[{i}]"
            deck, quiz, answers = attempt["deck"], attempt["quiz"], attempt["answers"]
            if not (type(deck) is str and type(quiz) is str):
                raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                            '"deck" and "quiz" should be text'))
            if type(answers) is not list:
                raise bad(QT_TRANSLATE_NOOP("CohortReadText", '"answers" should be a list'))
            total = 0.0
            for j, answer in enumerate(answers):
                where = f"quiz_attempts[{i}].answers[{j}]"
                total += _tally(out, deck, quiz, answer)
            where = f"quiz_attempts[{i}]"
            finished, discarded = attempt["finished_at"], attempt["discarded"]
            if attempt["kind"] != "quiz" or finished is None or discarded is not False:
                continue
            questions, mark = attempt["questions"], attempt["pass_mark"]
            if not (type(questions) is int and type(mark) in (int, float)):
                raise bad(QT_TRANSLATE_NOOP(
                    "CohortReadText", '"questions" and "pass_mark" should be numbers'))
            time_of(finished)
            percent = 100.0 * total / questions if questions > 0 else 0.0
            out.best[(deck, quiz)] = QuizBest.after(out.best.get((deck, quiz)), percent, mark)
        # Questions answered again in daily study (exports from before this list was
        # added have none): they count for accuracy and calibration like quiz answers.
        for i, answer in enumerate(study_answers):
            where = f"study_answers[{i}]"
            deck = answer["deck"]
            if type(deck) is not str:
                raise bad(QT_TRANSLATE_NOOP("CohortReadText", '"deck" should be text'))
            _tally(out, deck, DAILY_STUDY, answer)
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise located(where, reason_of(exc)) from None
    return out


def _tally(out: Quizzes, deck: str, quiz: str, answer: Any) -> float:
    """Count one answer for its topic and calibration; returns its score."""
    certainty, correct, score = answer["certainty"], answer["correct"], answer["score"]
    if type(correct) is not bool:
        raise bad(QT_TRANSLATE_NOOP("CohortReadText", '"correct" should be true or false'))
    if certainty is not None and (type(certainty) is not int or not 1 <= certainty <= 3):
        raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                    '"certainty" should be 1, 2, 3 or null, not {value}'),
                  value=short_repr(certainty))
    if type(score) not in (float, int):
        raise bad(QT_TRANSLATE_NOOP("CohortReadText", '"score" should be a number'))
    topic = answer["topic"]
    if type(topic) is str:
        tally = out.by_topic.setdefault(topic, [0, 0])
        tally[0] += 1
        tally[1] += correct
    item, at = answer["item"], answer.get("answered_at", "")
    if not (type(item) is str and type(at) is str):
        raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                    '"item" and "answered_at" should be text'))
    mark = (at, len(out.latest), float(score))
    held = out.latest.get((deck, item))
    if held is None or mark[:2] >= held[:2]:
        out.latest[(deck, item)] = mark
    if certainty is not None:
        out.pairs.append((min(max(float(score), 0.0), 1.0), certainty))
        if certainty == 3 and not correct:
            out.confident_wrong.append((deck, quiz, str(answer["item"])))
    return float(score)


def text_or(value: object, fallback: str) -> str:
    return value if type(value) is str and value else fallback


def path_standings(paths: list[Any]) -> tuple[PathStanding, ...]:
    out = []
    where = "paths[0]"
    try:
        for i, path in enumerate(paths):
            where = f"paths[{i}]"
            day, steps = path["day"], path["steps"]
            if not (day is None or type(day) is int):
                raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                            '"day" should be a whole number or null'))
            if type(steps) is not list:
                raise bad(QT_TRANSLATE_NOOP("CohortReadText", '"steps" should be a list'))
            standing = []
            for j, step in enumerate(steps):
                where = f"paths[{i}].steps[{j}]"
                if type(step["day"]) is not int:
                    raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                                '"day" should be a whole number'))
                if type(step["done"]) is not bool:
                    raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                                '"done" should be true or false'))
                target = text_or(step["target"], "?")
                standing.append(PathStep(step["day"], text_or(step["kind"], "step"), target,
                                         text_or(step["title"], target), step["done"],
                                         text_or(step.get("progress"), "")))
            where = f"paths[{i}]"
            deck, path_id = text_or(path["deck"], "?"), text_or(path["id"], "?")
            out.append(PathStanding(deck, path_id, text_or(path["title"], path_id),
                                    day if path["started_at"] is not None else None,
                                    tuple(standing)))
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise located(where, reason_of(exc)) from None
    return tuple(out)


def deck_titles(decks: list[Any]) -> dict[str, str]:
    # Titles only label the report; an odd entry is passed over rather than refused.
    return {d["id"]: text_or(d.get("title"), d["id"]) for d in decks
            if type(d) is dict and type(d.get("id")) is str}


def quiz_titles(quizzes: object) -> dict[tuple[str, str], str]:
    # Older exports have no "quizzes": the report then shows quiz ids.
    if type(quizzes) is not list:
        return {}
    return {(q["deck"], q["id"]): text_or(q.get("title"), q["id"]) for q in quizzes
            if type(q) is dict and type(q.get("deck")) is str and type(q.get("id")) is str}


def decay_of(scheduler: object) -> float:
    """The recall curve the rep's stabilities were made with (their optimized
    parameters, if any); py-fsrs's default when the export does not say or is odd."""
    if type(scheduler) is not dict:
        return DECAY
    parameters = scheduler.get("parameters")
    if type(parameters) is not list or len(parameters) < 21:
        return DECAY
    w20 = parameters[20]
    # py-fsrs keeps this parameter between 0.1 and 0.8.
    if type(w20) not in (int, float) or not 0.1 <= w20 <= 0.8:
        return DECAY
    return -float(w20)
