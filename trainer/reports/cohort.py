"""Reading the progress exports reps send and merging them into one cohort.

Every ``*.json`` under the given files and folders is read. A file that is not a progress
export this version can use (too big, not UTF-8, not JSON, another ``format``, a newer
``version``, missing or mistyped keys) is set aside as ``Skipped`` with the reason and the
rest still merge. Each export is boiled down to a ``LearnerReport`` as soon as it is read,
so a thousand exports never sit in memory at once. The same learner (``learner.id``) sent
twice counts once: the newer export (``exported_at``) wins; on a tie the first file in
path order is kept.

Figures per learner:

* a topic's ``answers`` are the review-log rows on its items (quiz answers are rated
  into the log too); its mastery is the mean FSRS recall probability, at the export's
  time, of its reviewed items that are not retired, shown only from ``MIN_ANSWERS`` up;
* quiz accuracy per topic, calibration and confidently wrong answers use every quiz
  answer (finished, unfinished or discarded attempts alike: an answer is an answer);
  a confidently wrong answer is labelled with its item's ``prompt`` (the question's
  plain text) when the export has one, else with the item id;
* a quiz is taken when an attempt of kind "quiz" was finished (not discarded), and passed
  when the best such attempt reached its pass mark (percent = sum of scores / questions).
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import stat
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from trainer.domain.scoring import Calibration, calibration
from trainer.study.wording import natural_key

FORMAT = "sales-trainer-progress"
VERSION = 1
# About a million answers; an export is read whole, so this bounds the memory one takes.
MAX_FILE_BYTES = 256 * 1024 * 1024
MIN_ANSWERS = 5
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64
# Where a question answered in daily study (not in a quiz attempt) was asked.
DAILY_STUDY = "daily study"
MAX_NAME = 100  # the exporter's own limit on display names
MAX_PROMPT = 200  # the exporter's limit on a question's plain text
_SECTIONS = ("decks", "items", "reviews", "quiz_attempts", "assessments", "paths")
# py-fsrs 6.3.2's default decay (parameters[20]) and the factor that makes R = 0.9 when
# the days elapsed equal the stability. Computed here, not through a py-fsrs Card per
# item, which would cost seconds over a cohort; the tests check both agree.
DECAY = -0.1542
FACTOR = 0.9 ** (1 / DECAY) - 1


class ExportProblem(ValueError):
    """Why a file cannot be used as a progress export."""


def recall_probability(stability: float, last_review: datetime, now: datetime,
                       decay: float = DECAY) -> float:
    """FSRS retrievability after the whole days elapsed, as py-fsrs computes it, on the
    curve of ``decay`` (minus the last FSRS parameter)."""
    days = max(0, (now - last_review).days)
    factor = FACTOR if decay == DECAY else 0.9 ** (1 / decay) - 1
    return float((1 + factor * days / stability) ** decay)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file left out of the report, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Superseded:
    """An older export of a learner whose newer export (``kept``) is used instead."""

    path: Path
    learner_id: str
    kept: Path


@dataclass(frozen=True, slots=True)
class TopicStats:
    """What one learner's export says about one topic."""

    answers: int
    mastery: float | None  # None when no item of the topic has been reviewed
    quiz_answers: int
    quiz_correct: int

    @property
    def shown_mastery(self) -> float | None:
        """Mastery, or None ("not enough data") below ``MIN_ANSWERS`` answers."""
        return self.mastery if self.answers >= MIN_ANSWERS else None

    @property
    def quiz_accuracy(self) -> float | None:
        """Share of quiz answers on the topic that were right."""
        return self.quiz_correct / self.quiz_answers if self.quiz_answers else None


@dataclass(frozen=True, slots=True)
class QuizBest:
    """A learner's finished attempts at one quiz."""

    best_percent: float
    passed: bool
    attempts: int


@dataclass(frozen=True, slots=True)
class PathStep:
    """One step of a learning path as the export reports it."""

    day: int
    kind: str
    target: str
    title: str
    done: bool
    progress: str


@dataclass(frozen=True, slots=True)
class PathStanding:
    """Where a learner stands on one learning path at export time."""

    deck: str
    path_id: str
    title: str
    day: int | None  # today is day N of the path; None if not started
    steps: tuple[PathStep, ...]

    @property
    def done(self) -> int:
        """Steps completed."""
        return sum(s.done for s in self.steps)

    @property
    def behind(self) -> list[PathStep]:
        """Steps not done whose day has passed (as the app's path panel counts them)."""
        if self.day is None:
            return []
        return [s for s in self.steps if not s.done and s.day < self.day]

    @property
    def next_step(self) -> PathStep | None:
        """The first step not yet done."""
        return next((s for s in self.steps if not s.done), None)


@dataclass(frozen=True, slots=True)
class LearnerReport:
    """One learner's export, boiled down to what the cohort report shows."""

    learner_id: str
    display_name: str | None
    exported_at: datetime
    source: Path
    topics: dict[str, TopicStats]
    quizzes: dict[tuple[str, str], QuizBest]  # (deck, quiz) -> best finished attempt
    paths: tuple[PathStanding, ...]
    # (deck, quiz, item, prompt or None) per answer given at high certainty and wrong
    confident_wrong: tuple[tuple[str, str, str, str | None], ...]
    calibration: Calibration
    deck_titles: dict[str, str]
    quiz_titles: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The display name, or a short form of the id when the rep gave none."""
        return self.display_name or f"learner {self.learner_id[:8]}"


@dataclass(frozen=True, slots=True)
class Cohort:
    """Every learner once, and what was left out."""

    learners: tuple[LearnerReport, ...]
    skipped: tuple[Skipped, ...]
    superseded: tuple[Superseded, ...]
    exports_read: int  # files that were usable exports, older copies included

    @property
    def topics(self) -> list[str]:
        """Every topic any learner has items on, sorted."""
        return sorted({t for learner in self.learners for t in learner.topics})

    @property
    def deck_titles(self) -> dict[str, str]:
        """Deck titles by id, as the newest export naming each deck has them."""
        titles: dict[str, str] = {}
        for learner in sorted(self.learners, key=lambda r: r.exported_at):
            titles.update(learner.deck_titles)
        return titles

    @property
    def quiz_titles(self) -> dict[tuple[str, str], str]:
        """Quiz titles by (deck, quiz id), as the newest export naming each has them."""
        titles: dict[tuple[str, str], str] = {}
        for learner in sorted(self.learners, key=lambda r: r.exported_at):
            titles.update(learner.quiz_titles)
        return titles

    def quiz_title(self, deck: str, quiz: str) -> str:
        """A quiz's title where an export gave it, else its id."""
        return self.quiz_titles.get((deck, quiz), quiz)

    @property
    def date_range(self) -> tuple[datetime, datetime] | None:
        """The oldest and newest export time among the learners kept."""
        if not self.learners:
            return None
        times = [learner.exported_at for learner in self.learners]
        return min(times), max(times)


def _size(limit: int) -> str:
    return f"{limit / 2**20:.0f} MB" if limit >= 2**20 else f"{limit / 1024:.0f} KB"


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"missing key {_short(exc.args[0] if exc.args else '?')}"
    if isinstance(exc, ExportProblem):
        return str(exc)
    if isinstance(exc, ValueError):
        return f"bad value ({str(exc)[:120]})"
    return "not an object with the expected keys"


def _time(value: object) -> datetime:
    if type(value) is not str:
        raise ExportProblem(f"a time should be ISO 8601 text, not {_short(value)}")
    when = datetime.fromisoformat(value)
    if when.tzinfo is None:
        raise ExportProblem(f"time {_short(value)} has no time zone")
    return when


def _check(ok: bool, message: str) -> None:
    # The message is built before the call: hot loops raise directly instead.
    if not ok:
        raise ExportProblem(message)


def _header(doc: object) -> tuple[str, str | None, datetime]:
    """Format, version and learner checks; returns id, display name and export time."""
    if not isinstance(doc, dict):
        raise ExportProblem("not a progress export (no JSON object at the top)")
    found = doc.get("format")
    _check(found == FORMAT, f'not a progress export ("format" is {_short(found)})')
    version = doc.get("version")
    if type(version) is not int:
        raise ExportProblem(f'"version" should be a whole number, not {_short(version)}')
    _check(version <= VERSION, f"made by a newer Sales Trainer (export version {version}; "
                               f"this version reads up to {VERSION}): update the app")
    _check(version >= 1, f"unknown export version {version}")
    missing = [key for key in ("exported_at", "learner", *_SECTIONS) if key not in doc]
    _check(not missing, "missing key(s) " + ", ".join(f'"{k}"' for k in missing))
    for key in _SECTIONS:
        _check(type(doc[key]) is list, f'"{key}" should be a list')
    learner = doc["learner"]
    _check(type(learner) is dict, '"learner" should be an object')
    learner_id, name = learner.get("id"), learner.get("display_name", None)
    _check(type(learner_id) is str and 0 < len(learner_id) <= 200,
           '"learner.id" should be text of 1 to 200 characters')
    _check(name is None or type(name) is str, '"learner.display_name" should be text')
    if name is not None:
        # Someone else's text, shown in a report: one line, short enough for a table
        # cell, and without control or direction-changing characters (which can make
        # a name read as another).
        name = " ".join("".join(c if c.isprintable() else " " for c in name).split()
                        )[:MAX_NAME] or None
    try:
        exported_at = _time(doc["exported_at"])
    except ValueError as exc:
        raise ExportProblem(f'"exported_at": {_reason(exc)}') from None
    return learner_id, name, exported_at


def _usable_key(key_of: itemgetter[Any], record: Any) -> bool:
    try:
        hash(key_of(record))
    except (KeyError, TypeError):
        return False
    return True


def _topics(items: list[Any], reviews: list[Any], now: datetime,
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
            _check(type(deck) is str and type(key) is str and type(topic) is str,
                   '"deck", "id" and "topic" should be text')
            topic_of[(deck, key)] = topic
            if (deck, key) in prompts:
                prompts[deck, key] = _prompt(item)
            total, reviewed = recall.setdefault(topic, (0.0, 0))
            last, stability, retired = item["last_review"], item["stability"], item["retired"]
            _check(type(retired) is bool, '"retired" should be true or false')
            if last is None or stability is None or retired:
                continue
            if type(stability) not in (float, int) or stability <= 0:
                raise ExportProblem(
                    f'"stability" should be a positive number, not {_short(stability)}')
            recall[topic] = (total + recall_probability(stability, _time(last), now, decay),
                             reviewed + 1)
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise ExportProblem(f"items[{i}]: {_reason(exc)}") from None
    key_of = itemgetter("deck", "item")
    try:
        counts = Counter(map(key_of, reviews))  # the biggest list: counted at C speed
    except (KeyError, TypeError) as exc:
        bad = next((i for i, r in enumerate(reviews) if not _usable_key(key_of, r)), None)
        raise ExportProblem(f"reviews[{bad}]: {_reason(exc)}") from None
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
class _Quizzes:
    best: dict[tuple[str, str], QuizBest]
    by_topic: dict[str, list[int]]  # topic -> [answers, right]
    pairs: list[tuple[bool, int | None]]
    confident_wrong: list[tuple[str, str, str]]


def _prompt(item: dict[str, Any]) -> str | None:
    """An item's plain text, when the export carries it (older ones do not)."""
    text = item.get("prompt")
    if type(text) is not str or not text.strip():
        return None
    return " ".join(text.split())[:MAX_PROMPT]


def _quizzes(attempts: list[Any], study_answers: list[Any]) -> _Quizzes:
    out = _Quizzes({}, {}, [], [])
    where = "quiz_attempts[0]"
    try:
        for i, attempt in enumerate(attempts):
            where = f"quiz_attempts[{i}]"
            deck, quiz, answers = attempt["deck"], attempt["quiz"], attempt["answers"]
            _check(type(deck) is str and type(quiz) is str, '"deck" and "quiz" should be text')
            _check(type(answers) is list, '"answers" should be a list')
            total = 0.0
            for j, answer in enumerate(answers):
                where = f"quiz_attempts[{i}].answers[{j}]"
                total += _tally(out, deck, quiz, answer)
            where = f"quiz_attempts[{i}]"
            finished, discarded = attempt["finished_at"], attempt["discarded"]
            if attempt["kind"] != "quiz" or finished is None or discarded is not False:
                continue
            questions, mark = attempt["questions"], attempt["pass_mark"]
            _check(type(questions) is int and type(mark) in (int, float),
                   '"questions" and "pass_mark" should be numbers')
            _time(finished)
            percent = 100.0 * total / questions if questions > 0 else 0.0
            held = out.best.get((deck, quiz))
            out.best[(deck, quiz)] = QuizBest(
                max(percent, held.best_percent) if held else percent,
                percent >= mark or (held is not None and held.passed),
                held.attempts + 1 if held else 1)
        # Questions answered again in daily study (exports from before this list was
        # added have none): they count for accuracy and calibration like quiz answers.
        for i, answer in enumerate(study_answers):
            where = f"study_answers[{i}]"
            deck = answer["deck"]
            _check(type(deck) is str, '"deck" should be text')
            _tally(out, deck, DAILY_STUDY, answer)
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise ExportProblem(f"{where}: {_reason(exc)}") from None
    return out


def _tally(out: _Quizzes, deck: str, quiz: str, answer: Any) -> float:
    """Count one answer for its topic and calibration; returns its score."""
    certainty, correct, score = answer["certainty"], answer["correct"], answer["score"]
    _check(type(correct) is bool, '"correct" should be true or false')
    if certainty is not None and (type(certainty) is not int or not 1 <= certainty <= 3):
        raise ExportProblem(f'"certainty" should be 1, 2, 3 or null, not {_short(certainty)}')
    _check(type(score) in (float, int), '"score" should be a number')
    topic = answer["topic"]
    if type(topic) is str:
        tally = out.by_topic.setdefault(topic, [0, 0])
        tally[0] += 1
        tally[1] += correct
    if certainty is not None:
        out.pairs.append((correct, certainty))
        if certainty == 3 and not correct:
            out.confident_wrong.append((deck, quiz, str(answer["item"])))
    return float(score)


def _text(value: object, fallback: str) -> str:
    return value if type(value) is str and value else fallback


def _paths(paths: list[Any]) -> tuple[PathStanding, ...]:
    out = []
    where = "paths[0]"
    try:
        for i, path in enumerate(paths):
            where = f"paths[{i}]"
            day, steps = path["day"], path["steps"]
            _check(day is None or type(day) is int, '"day" should be a whole number or null')
            _check(type(steps) is list, '"steps" should be a list')
            standing = []
            for j, step in enumerate(steps):
                where = f"paths[{i}].steps[{j}]"
                _check(type(step["day"]) is int, '"day" should be a whole number')
                _check(type(step["done"]) is bool, '"done" should be true or false')
                target = _text(step["target"], "?")
                standing.append(PathStep(step["day"], _text(step["kind"], "step"), target,
                                         _text(step["title"], target), step["done"],
                                         _text(step.get("progress"), "")))
            where = f"paths[{i}]"
            deck, path_id = _text(path["deck"], "?"), _text(path["id"], "?")
            out.append(PathStanding(deck, path_id, _text(path["title"], path_id),
                                    day if path["started_at"] is not None else None,
                                    tuple(standing)))
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise ExportProblem(f"{where}: {_reason(exc)}") from None
    return tuple(out)


def _deck_titles(decks: list[Any]) -> dict[str, str]:
    # Titles only label the report; an odd entry is passed over rather than refused.
    return {d["id"]: _text(d.get("title"), d["id"]) for d in decks
            if type(d) is dict and type(d.get("id")) is str}


def _quiz_titles(quizzes: object) -> dict[tuple[str, str], str]:
    # Older exports have no "quizzes": the report then shows quiz ids.
    if type(quizzes) is not list:
        return {}
    return {(q["deck"], q["id"]): _text(q.get("title"), q["id"]) for q in quizzes
            if type(q) is dict and type(q.get("deck")) is str and type(q.get("id")) is str}


def _decay(scheduler: object) -> float:
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


def summarise(doc: object, source: Path) -> LearnerReport:
    """Check a parsed export and boil it down; raises ``ExportProblem`` saying what is wrong."""
    learner_id, name, exported_at = _header(doc)
    assert isinstance(doc, dict)
    study_answers = doc.get("study_answers", [])
    if type(study_answers) is not list:
        raise ExportProblem('"study_answers" should be a list')
    quizzes = _quizzes(doc["quiz_attempts"], study_answers)
    prompts: dict[tuple[str, str], str | None] = {
        (deck, item): None for deck, _quiz, item in quizzes.confident_wrong}
    topics = _topics(doc["items"], doc["reviews"], exported_at, quizzes.by_topic, prompts,
                     _decay(doc.get("scheduler")))
    return LearnerReport(
        learner_id=learner_id, display_name=name, exported_at=exported_at, source=source,
        topics=topics, quizzes=quizzes.best, paths=_paths(doc["paths"]),
        confident_wrong=tuple((deck, quiz, item, prompts[deck, item])
                              for deck, quiz, item in quizzes.confident_wrong),
        calibration=calibration(quizzes.pairs),
        deck_titles=_deck_titles(doc["decks"]), quiz_titles=_quiz_titles(doc.get("quizzes")))


def _reject_constant(name: str) -> float:
    raise ExportProblem(f"not valid JSON ({name} is not a number JSON allows)")


def read_export(path: Path) -> LearnerReport:
    """Read one export file; raises ``ExportProblem`` with the reason it cannot be used."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ExportProblem(f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ExportProblem(f"larger than {_size(MAX_FILE_BYTES)}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExportProblem(f"not UTF-8 text (bad byte at offset {exc.start})") from None
    try:
        doc = json.loads(text.removeprefix("\ufeff"), parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ExportProblem(f"not valid JSON (line {exc.lineno}, column {exc.colno}: "
                            f"{exc.msg})") from None
    except RecursionError:
        raise ExportProblem("not a progress export (nested too deeply)") from None
    return summarise(doc, path)


def find_exports(paths: Iterable[Path]) -> tuple[list[Path], list[Skipped]]:
    """Files named on the command line, and every ``*.json`` under the folders named,
    once each; plus what is skipped before reading (missing, not a file, too big)."""
    found: dict[Path, Path] = {}
    skipped: list[Skipped] = []
    for given in paths:
        if given.is_dir():
            candidates = sorted(p for p in given.rglob("*") if p.suffix.lower() == ".json")
        elif given.exists() or given.is_symlink():
            candidates = [given]
        else:
            skipped.append(Skipped(given, "no such file or folder"))
            continue
        for candidate in candidates:
            try:
                info = candidate.stat()
            except OSError as exc:
                skipped.append(Skipped(candidate, f"cannot be read ({exc.strerror or exc})"))
                continue
            if stat.S_ISDIR(info.st_mode):
                continue  # a folder named *.json: rglob already looks inside it
            if not stat.S_ISREG(info.st_mode):
                skipped.append(Skipped(candidate, "not a regular file"))
            elif info.st_size > MAX_FILE_BYTES:
                skipped.append(Skipped(candidate, f"larger than {_size(MAX_FILE_BYTES)}"))
            else:
                found.setdefault(candidate.resolve(), candidate)
    return list(found.values()), skipped


def merge(reports: Iterable[LearnerReport]) -> tuple[list[LearnerReport], list[Superseded]]:
    """One report per learner, the newest export winning (the first one on a tie)."""
    by_learner: dict[str, list[LearnerReport]] = {}
    for report in reports:
        by_learner.setdefault(report.learner_id, []).append(report)
    kept: list[LearnerReport] = []
    superseded: list[Superseded] = []
    for learner_id, sent in by_learner.items():
        newest = sent[0]
        for report in sent[1:]:
            if report.exported_at > newest.exported_at:
                newest = report
        kept.append(newest)
        superseded.extend(Superseded(r.source, learner_id, newest.source)
                          for r in sent if r is not newest)
    return kept, superseded


def _read_or_skip(path: Path) -> LearnerReport | Skipped:
    try:
        return read_export(path)
    except ExportProblem as exc:
        return Skipped(path, str(exc))
    except Exception as exc:  # one odd file must never stop the report
        return Skipped(path, f"cannot be used ({type(exc).__name__}: {_short(str(exc))})")


def _read_here(files: list[Path]) -> list[LearnerReport | Skipped]:
    # A parsed export is a tree of millions of small objects and no cycles: reference
    # counting frees each one, while the cyclic collector would walk them over and over
    # (it doubled the time of reading a thousand exports).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return [_read_or_skip(path) for path in files]
    finally:
        if collecting:
            gc.enable()


def _read_in_parallel(files: list[Path], workers: int) -> list[LearnerReport | Skipped]:
    # Parsing JSON is most of a big cohort's time and each file is independent, so the
    # files are shared among processes. "spawn", not fork: the caller may be the
    # window, and a forked copy of a running Qt application is not safe.
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=gc.disable) as pool:
            chunk = max(1, len(files) // (workers * 4))
            return list(pool.map(_read_or_skip, files, chunksize=chunk))
    except (BrokenProcessPool, OSError):
        # No processes to be had (a sandbox, a frozen build, a script without a
        # __main__ guard): slower, but the same report.
        return _read_here(files)


def _distinct_names(learners: list[LearnerReport]) -> list[LearnerReport]:
    """Two people who chose the same name get the start of their ids after it, so a
    trainer can tell their rows apart."""
    seen = Counter(learner.name for learner in learners)
    return [replace(learner, display_name=f"{learner.name} ({learner.learner_id[:8]})")
            if seen[learner.name] > 1 else learner for learner in learners]


def load_cohort(paths: Iterable[Path], workers: int | None = None) -> Cohort:
    """Read every export under ``paths`` and merge them into a cohort.

    From ``PARALLEL_FROM`` files on, they are read by ``workers`` processes (default:
    one per processor); the result is the same either way.
    """
    files, skipped = find_exports(paths)
    count = (os.cpu_count() or 1) if workers is None else workers
    read = (_read_in_parallel(files, count) if count > 1 and len(files) >= PARALLEL_FROM
            else _read_here(files))
    reports = [r for r in read if isinstance(r, LearnerReport)]
    skipped.extend(r for r in read if isinstance(r, Skipped))
    learners, superseded = merge(reports)
    learners = _distinct_names(learners)
    learners.sort(key=lambda r: (natural_key(r.name), r.learner_id))
    skipped.sort(key=lambda s: str(s.path))  # one list in file order, however each was found
    return Cohort(tuple(learners), tuple(skipped), tuple(superseded), len(reports))


@dataclass(frozen=True, slots=True)
class PassRate:
    """How many learners finished a quiz and how many of them passed it."""

    deck: str
    quiz: str
    took: int
    passed: int

    @property
    def rate(self) -> float:
        """Passed over took."""
        return self.passed / self.took if self.took else 0.0


def pass_rates(learners: Iterable[LearnerReport]) -> list[PassRate]:
    """Pass rate of every quiz anyone finished, by deck and quiz id."""
    took: Counter[tuple[str, str]] = Counter()
    passed: Counter[tuple[str, str]] = Counter()
    for learner in learners:
        for key, best in learner.quizzes.items():
            took[key] += 1
            passed[key] += best.passed
    return [PassRate(deck, quiz, took[deck, quiz], passed[deck, quiz])
            for deck, quiz in sorted(took)]


@dataclass(frozen=True, slots=True)
class ConfidentWrong:
    """A question answered wrong at high certainty: how often and by how many people."""

    deck: str
    item: str
    prompt: str | None  # the question's text when the exports carry it
    quizzes: tuple[str, ...]
    answers: int
    learners: int

    @property
    def label(self) -> str:
        """The question's text, or its id when no export carried the text."""
        return self.prompt or self.item


def confident_wrong(learners: Iterable[LearnerReport], top: int = 10) -> list[ConfidentWrong]:
    """The ``top`` questions most often answered wrong at certainty 3."""
    answers: Counter[tuple[str, str]] = Counter()
    who: dict[tuple[str, str], set[str]] = {}
    quizzes: dict[tuple[str, str], set[str]] = {}
    prompts: dict[tuple[str, str], str] = {}
    for learner in learners:
        for deck, quiz, item, prompt in learner.confident_wrong:
            answers[deck, item] += 1
            who.setdefault((deck, item), set()).add(learner.learner_id)
            quizzes.setdefault((deck, item), set()).add(quiz)
            if prompt is not None:
                prompts.setdefault((deck, item), prompt)
    ranked = sorted(answers, key=lambda k: (-answers[k], -len(who[k]), k))[:top]
    return [ConfidentWrong(deck, item, prompts.get((deck, item)),
                           tuple(sorted(quizzes[deck, item])), answers[deck, item],
                           len(who[deck, item])) for deck, item in ranked]


@dataclass(frozen=True, slots=True)
class PathGroup:
    """Everyone on one learning path, those behind first."""

    deck: str
    path_id: str
    title: str
    rows: tuple[tuple[LearnerReport, PathStanding], ...]

    @property
    def behind(self) -> int:
        """Learners with at least one step overdue."""
        return sum(bool(standing.behind) for _learner, standing in self.rows)


def path_groups(learners: Iterable[LearnerReport]) -> list[PathGroup]:
    """Learners per path, most-followed path first; within one, the most steps overdue
    first, then (on track) the fewest steps done."""
    groups: dict[tuple[str, str], list[tuple[LearnerReport, PathStanding]]] = {}
    for learner in learners:
        for standing in learner.paths:
            groups.setdefault((standing.deck, standing.path_id), []).append((learner, standing))
    out = []
    for (deck, path_id), rows in groups.items():
        rows.sort(key=lambda row: (-len(row[1].behind), row[1].done, natural_key(row[0].name),
                                   row[0].learner_id))
        out.append(PathGroup(deck, path_id, rows[0][1].title, tuple(rows)))
    out.sort(key=lambda g: (-len(g.rows), g.deck, g.path_id))
    return out


def cohort_calibration(learners: Iterable[LearnerReport]) -> Calibration:
    """Calibration over every learner's answers together."""
    pairs: list[tuple[bool, int | None]] = []
    for learner in learners:
        for level in learner.calibration.levels:
            if level.accuracy is not None:
                right = round(level.accuracy * level.answers)
                pairs += [(True, level.level)] * right
                pairs += [(False, level.level)] * (level.answers - right)
    return calibration(pairs)
