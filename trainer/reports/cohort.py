"""Merging the progress exports reps send into one cohort, and the figures across it.

Every ``*.json`` under the given files and folders is read (cohort_read.py checks and
boils down each one); a file that cannot be used is set aside as ``Skipped`` with the
reason and the rest still merge. The same learner (``learner.id``) sent twice counts
once: the newer export (``exported_at``) wins; on a tie the first file in path order is
kept. A thousand exports are read by one worker process per CPU.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from operator import itemgetter
from pathlib import Path

from trainer.domain.scoring import (
    CERTAINTY_PROBABILITY,
    Calibration,
    LevelCalibration,
    resolution,
)
from trainer.i18n import QT_TRANSLATE_NOOP, Context
from trainer.reports import cohort_read
from trainer.reports.cohort_model import (
    MIN_ANSWERS,
    Cohort,
    LearnerReport,
    PathStanding,
    PathStep,
    QuizBest,
    Reason,
    Skipped,
    Superseded,
    TopicStats,
)
from trainer.reports.cohort_read import MAX_FILE_BYTES, ExportProblem, read_export, summarise
from trainer.reports.cohort_records import DAILY_STUDY, recall_probability, short_repr
from trainer.reports.cohort_transfer import send_by_fields
from trainer.study.wording import natural_key


class CohortText(Context):
    """Why a file given for the cohort report is not read at all."""


# The names other modules (and the report's readers) take from here.
__all__ = [
    "DAILY_STUDY", "MAX_FILE_BYTES", "MIN_ANSWERS", "PARALLEL_FROM", "Cohort", "ConfidentWrong",
    "ExportProblem", "LearnerReport", "PassRate", "PathGroup", "PathStanding", "PathStep",
    "QuizBest", "Skipped", "Superseded", "TopicStats", "cohort_calibration", "confident_wrong",
    "find_exports", "load_cohort", "merge", "pass_rates", "path_groups", "read_export",
    "recall_probability", "summarise",
]

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64


def find_exports(paths: Iterable[Path]) -> tuple[list[Path], list[Skipped]]:
    """Files named on the command line, and every ``*.json`` under the folders named,
    once each; plus what is skipped before reading (missing, not a file, too big)."""
    found: dict[object, Path] = {}  # by the file each names, as the first name found
    skipped: list[Skipped] = []
    for given in paths:
        if given.is_dir():
            candidates = sorted(p for p in given.rglob("*") if p.suffix.lower() == ".json")
        elif given.exists() or given.is_symlink():
            candidates = [given]
        else:
            skipped.append(Skipped(given, Reason(CohortText, QT_TRANSLATE_NOOP(
                "CohortText", "no such file or folder"))))
            continue
        for candidate in candidates:
            try:
                info = candidate.stat()
            except OSError as exc:
                skipped.append(Skipped(candidate, Reason(CohortText, QT_TRANSLATE_NOOP(
                    "CohortText", "cannot be read ({error})"), error=str(exc.strerror or exc))))
                continue
            if stat.S_ISDIR(info.st_mode):
                continue  # a folder named *.json: rglob already looks inside it
            if not stat.S_ISREG(info.st_mode):
                skipped.append(Skipped(candidate, Reason(CohortText, QT_TRANSLATE_NOOP(
                    "CohortText", "not a regular file"))))
            elif info.st_size > cohort_read.MAX_FILE_BYTES:
                limit = cohort_read.size_text(cohort_read.MAX_FILE_BYTES)
                skipped.append(Skipped(candidate, Reason(CohortText, QT_TRANSLATE_NOOP(
                    "CohortText", "larger than {limit}"), limit=limit)))
            else:
                # The stat already made says which file it is (through links too);
                # resolving each name would cost a system call per folder of its path.
                # Some file systems give no inode number: the name is resolved there.
                same = (info.st_dev, info.st_ino) if info.st_ino else candidate.resolve()
                found.setdefault(same, candidate)
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
        return Skipped(path, exc.reason)
    except Exception as exc:  # one odd file must never stop the report
        return Skipped(path, Reason(CohortText, QT_TRANSLATE_NOOP(
            "CohortText", "cannot be used ({error}: {message})"),
            error=type(exc).__name__, message=short_repr(str(exc))))


Progress = Callable[[int, int, str], object]


@contextmanager
def _no_cyclic_collection() -> Iterator[None]:
    # A parsed export is a tree of millions of small objects and no cycles, and so are
    # the reports workers send back: reference counting frees each one, while the
    # cyclic collector would walk them over and over (it doubled the time of reading a
    # thousand exports here, and took a third of this process's time beside workers).
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _read_here(files: list[Path], progress: Progress) -> list[LearnerReport | Skipped]:
    out = []
    for done, path in enumerate(files, start=1):
        out.append(_read_or_skip(path))
        progress(done, len(files), path.name)
    return out


def _start_worker() -> None:
    # What a worker reads lives until it is sent back: no cycles for the collector to find.
    gc.disable()
    send_by_fields()


def _read_in_parallel(files: list[Path], workers: int, progress: Progress
                      ) -> list[LearnerReport | Skipped]:
    # Parsing JSON is most of a big cohort's time and each file is independent, so the
    # files are shared among processes. "spawn", not fork: the caller may be the
    # window, and a forked copy of a running Qt application is not safe.
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker) as pool:
            # Small batches: a worker left with a long last batch while the others
            # are done would add its time to the whole (a tenth of the whole with four
            # batches each); a batch of a dozen files costs little to send.
            chunk = max(1, min(16, len(files) // (workers * 4)))
            out = []
            for done, (path, result) in enumerate(
                    zip(files, pool.map(_read_or_skip, files, chunksize=chunk),
                        strict=True), start=1):
                out.append(result)
                progress(done, len(files), path.name)
            return out
    except (BrokenProcessPool, OSError):
        # No processes to be had (a sandbox, a frozen build, a script without a
        # __main__ guard): slower, but the same report.
        return _read_here(files, progress)


def _distinct_names(learners: list[LearnerReport]) -> list[LearnerReport]:
    """Two people who chose the same name get the start of their ids after it, so a
    trainer can tell their rows apart."""
    seen = Counter(learner.name for learner in learners)
    return [replace(learner, display_name=f"{learner.name} ({learner.learner_id[:8]})")
            if seen[learner.name] > 1 else learner for learner in learners]


def load_cohort(paths: Iterable[Path], workers: int | None = None,
                progress: Progress | None = None) -> Cohort:
    """Read every export under ``paths`` and merge them into a cohort.

    From ``PARALLEL_FROM`` files on, they are read by ``workers`` processes (default:
    one per processor); the result is the same either way. ``progress(done, total,
    file name)`` is told as each file has been read.
    """
    files, skipped = find_exports(paths)
    count = (os.cpu_count() or 1) if workers is None else workers
    report = progress or (lambda done, total, name: None)
    with _no_cyclic_collection():
        read = (_read_in_parallel(files, count, report)
                if count > 1 and len(files) >= PARALLEL_FROM else _read_here(files, report))
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


_QUESTION = itemgetter(0, 2)  # (deck, item) of a confidently wrong answer


def confident_wrong(learners: Iterable[LearnerReport], top: int = 10) -> list[ConfidentWrong]:
    """The ``top`` questions most often answered wrong at certainty 3."""
    answers: Counter[tuple[str, str]] = Counter()
    who: dict[tuple[str, str], set[str]] = {}
    quizzes: dict[tuple[str, str], set[str]] = {}
    prompts: dict[tuple[str, str], str] = {}
    for learner in learners:
        # A learner's answers are many, their questions few: each question once.
        wrong = learner.confident_wrong
        answers.update(map(_QUESTION, wrong))
        for deck, quiz, item, prompt in dict.fromkeys(wrong):
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
    """Calibration over every learner's answers together. Right/wrong counts per level
    are added up; the average certainty mark is each learner's, weighted by their
    answers (it includes partial credit, which right/wrong counts cannot carry)."""
    # From counts: the same figures as calibration() over one (credit, level) pair per
    # answer, without making and scoring a pair for each of a cohort's million answers.
    answers: Counter[int] = Counter()
    right: Counter[int] = Counter()
    marks = 0.0
    counted = 0
    for learner in learners:
        cal = learner.calibration
        for level in cal.levels:
            if level.accuracy is not None:
                answers[level.level] += level.answers
                right[level.level] += round(level.accuracy * level.answers)
        answered = sum(level.answers for level in cal.levels)
        if cal.cbm_average is not None and answered:
            marks += cal.cbm_average * answered
            counted += answered
    levels = []
    for certainty, claimed in CERTAINTY_PROBABILITY.items():
        n = answers[certainty]
        accuracy = right[certainty] / n if n else None
        levels.append(LevelCalibration(certainty, n, accuracy,
                                       None if accuracy is None else claimed - accuracy))
    total = sum(answers.values())
    # The mean over answers of (claimed probability - 1 if right else 0).
    over = (sum(CERTAINTY_PROBABILITY[c] * n for c, n in answers.items())
            - sum(right.values())) / total if total else None
    return Calibration(tuple(levels), over, marks / counted if counted else None,
                       resolution(levels))


@dataclass(frozen=True, slots=True)
class RubricMiss:
    """A rubric check (by its wording) and how often the cohort's replies missed it."""

    text: str
    asked: int  # replies marked against it, every learner together
    missed: int
    learners: int  # learners who missed it at least once

    @property
    def share(self) -> float:
        """Missed over asked."""
        return self.missed / self.asked if self.asked else 0.0


def rubric_misses(learners: Iterable[LearnerReport], top: int = 10) -> list[RubricMiss]:
    """The rubric checks the cohort's practice replies missed most (by share, then
    count), at most ``top``; checks never missed are left out."""
    # Every learner has most checks (a thousand learners, some eighty checks each): one
    # look-up per check and learner.
    totals: dict[str, list[int]] = {}  # text -> [asked, missed, learners who missed it]
    for learner in learners:
        for text, (n, m) in learner.practice_checks.items():
            tally = totals.get(text)
            if tally is None:
                tally = totals[text] = [0, 0, 0]
            tally[0] += n
            tally[1] += m
            tally[2] += m > 0
    found = [RubricMiss(text, asked, missed, who)
             for text, (asked, missed, who) in totals.items() if missed]
    found.sort(key=lambda r: (-r.share, -r.missed, r.text))
    return found[:top]


def ready_counts(learner: LearnerReport) -> tuple[int, int]:
    """(topics the learner is ready on, topics with items)."""
    verdicts = [r.verdict for r in learner.readiness.values() if r.value is not None]
    return sum(v == "ready" for v in verdicts), len(verdicts)
