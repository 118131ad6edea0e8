"""The progress export (format "sales-trainer-progress", version 1): everything a rep has
done, as one JSON document a manager or another tool can read without the app.

The learner is pseudonymous: a random id made once per profile and kept in the
``settings`` table, with an optional display name the rep chooses.

The file is written as it is read (progress_records.py yields the records, orjson
encodes them), so exporting a million answers takes little memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any, TypeGuard

import orjson

from trainer import __version__
from trainer.clock import Clock
from trainer.content.outputs import check_output
from trainer.domain.errors import TrainerError
from trainer.domain.settings import StudySettings
from trainer.i18n import QT_TRANSLATE_NOOP, Context, in_english
from trainer.reports import progress_records as records
from trainer.reports.files import write_streamed
from trainer.reports.progress_format import FORMAT, MAX_PROMPT, VERSION
from trainer.reports.progress_records import plain_prompt as plain_prompt
from trainer.storage.learner_repo import (
    DISPLAY_NAME_KEY,
    LEARNER_ID_KEY,
    MAX_DISPLAY_NAME,
    set_display_name,
)

# The learner the export is made for, as the Export progress dialog shows it.
from trainer.storage.learner_repo import clean_display_name as clean_display_name
from trainer.storage.learner_repo import learner_id as learner_id
from trainer.storage.learner_repo import stored_display_name as stored_display_name
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db

# The learner's identity lives in storage; it is part of this module's interface too.
__all__ = [
    "DISPLAY_NAME_KEY", "FORMAT", "LEARNER_ID_KEY", "MAX_DISPLAY_NAME", "MAX_PROMPT",
    "VERSION", "Report", "Written", "build_export", "clean_display_name", "counts_line",
    "default_file_name", "export_text", "learner_id", "plain_prompt", "profile_counts",
    "set_display_name", "stored_display_name", "summary", "write_export",
    "write_json_atomically",
]


class ProgressExportText(Context):
    """Texts of the progress export a rep reads: how much it holds, why it was not saved."""


# Told ``(done, total, what is being written)`` as an export goes (total 0: no count).
Report = Callable[[int, int, str], object]


@dataclass(frozen=True, slots=True)
class Written:
    """What a progress file was written for, and how much it holds."""

    learner_id: str
    display_name: str | None
    answers: int
    attempts: int
    assessments: int


class _Counted:
    """Passes records through, counting them (the file's summary, without a second read)."""

    def __init__(self, source: Iterable[Any]) -> None:
        self.source = source
        self.count = 0

    def __iter__(self) -> Iterator[Any]:
        for record in self.source:
            self.count += 1
            yield record


Sections = list[tuple[str, object]]

# The sections read a record at a time, with what the rep is told while each is written
# and the count of its rows (one query, so the bar has a true end).
_LONG = {
    "items": (QT_TRANSLATE_NOOP("ProgressExportText", "Writing your cards and questions…"),
              "SELECT count(*) FROM items"),
    "reviews": (QT_TRANSLATE_NOOP("ProgressExportText", "Writing your answers…"),
                "SELECT count(*) FROM reviews"),
    "quiz_attempts": (QT_TRANSLATE_NOOP("ProgressExportText", "Writing your quiz attempts…"),
                      "SELECT count(*) FROM quiz_attempts"),
    "study_answers": (QT_TRANSLATE_NOOP("ProgressExportText",
                                        "Writing your answers in daily study…"),
                      "SELECT count(*) FROM quiz_answers WHERE attempt_id IS NULL"),
    "assessments": (QT_TRANSLATE_NOOP("ProgressExportText", "Writing your self-assessments…"),
                    "SELECT count(*) FROM assessment_attempts WHERE finished_at IS NOT NULL"),
    "practice": (QT_TRANSLATE_NOOP("ProgressExportText", "Writing your practice replies…"),
                 "SELECT count(*) FROM practice_replies"),
}
_EVERY = 5000  # records between two reports: often enough for the bar, cheap for the file


class _Progress:
    """Tells ``report`` how many of the long sections' records are written."""

    def __init__(self, report: Report, labels: dict[str, str]) -> None:
        self.report, self.labels = report, labels
        self.done = 0
        self.total = 0

    def count(self, db: Store) -> None:
        """The records to come: one count per long section, inside the snapshot."""
        self.total = sum(int(db.execute(query).fetchone()[0]) for _, query in _LONG.values())

    def watch(self, key: str, source: Iterable[Any]) -> Iterator[Any]:
        """``source``'s records, reported as they pass."""
        label = self.labels[key]
        self.report(min(self.done, self.total), self.total, label)
        for record in source:
            self.done += 1
            if self.done % _EVERY == 0:
                self.report(min(self.done, self.total), self.total, label)
            yield record

    def shown(self, sections: Sections) -> Sections:
        """``sections`` with the long ones reported as they are written."""
        return [(key, self.watch(key, value) if key in _LONG and _is_records(value) else value)
                for key, value in sections]

    def then_saving(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """``chunks``, then a word that the file is being put to disk (its last step)."""
        yield from chunks
        self.report(self.total, self.total, self.labels["saving"])


def _sections(db: Store, clock: Clock, settings: StudySettings, learner: str,
              display_name: str | None) -> Sections:
    """The export's keys in file order, each with its value or a generator of records."""
    return [
        ("format", FORMAT),
        ("version", VERSION),
        ("exported_at", to_db(clock())),
        ("app_version", __version__),
        ("learner", {"id": learner, "display_name": display_name}),
        ("decks", records.decks(db)),
        ("items", records.items(db)),
        ("reviews", _Counted(records.reviews(db))),
        ("quiz_attempts", _Counted(records.quiz_attempts(db))),
        ("study_answers", records.study_answers(db)),
        ("assessments", _Counted(records.assessments(db))),
        ("practice", records.practice(db)),
        ("my_cards", records.my_cards(db)),
        ("paths", records.paths(db, clock, settings)),
        ("quizzes", records.quizzes(db)),
        ("scheduler", records.scheduler(settings)),
    ]


@contextmanager
def _reading(db: Store, settings: StudySettings | None) -> Iterator[tuple[StudySettings, str]]:
    """The settings and learner id for an export, inside the snapshot it reads."""
    if settings is None:
        from trainer.study.stored_settings import usable_settings

        settings = usable_settings(db)
    learner = learner_id(db)  # may write the id on first use, so before the snapshot
    # A read snapshot, not a write transaction: the export sees one moment while a
    # window studying meanwhile goes on committing answers.
    # The file is read by a trainer's cohort report and by tools: its words (path step
    # titles, progress) are English whatever language the rep's window speaks.
    with db.snapshot(), in_english():
        yield settings, learner


def build_export(db: Store, clock: Clock, display_name: str | None = None, *,
                 settings: StudySettings | None = None) -> dict[str, Any]:
    """The progress export of the profile as a JSON-ready dict, whole in memory (for
    tests and tools; ``write_export`` streams the same to a file).

    ``display_name``, when given, is stored first (an empty one removes the stored
    name). ``settings`` sets the study day used for learning paths (default: the
    profile's day start in the computer's time zone).
    """
    if display_name is not None:
        set_display_name(db, display_name)
    with _reading(db, settings) as (usable, learner):
        return {key: list(value) if _is_records(value) else value
                for key, value in _sections(db, clock, usable, learner,
                                            stored_display_name(db))}


def _is_records(value: object) -> TypeGuard[Iterable[Any]]:
    """A section that is a list of records (or a generator of them), not one value."""
    return isinstance(value, Iterable) and not isinstance(value, str | dict)


# One record per line, indented under its list: a person can read and grep the file.
_NEXT = b",\n    "
_BATCH = 2000  # records encoded and joined per write


def _layout(sections: Iterable[tuple[str, object]]) -> Iterator[bytes]:
    """The export's bytes, a batch of records at a time: each top-level key on its own
    line, each list's records one per line (compact JSON, UTF-8)."""
    dumps = orjson.dumps
    yield b"{\n"
    for n, (key, value) in enumerate(sections):
        head = (b",\n  " if n else b"  ") + dumps(key) + b": "
        if not _is_records(value):
            yield head + dumps(value)
            continue
        source = iter(value)
        batch = list(islice(source, _BATCH))
        if not batch:
            yield head + b"[]"
            continue
        yield head + b"[\n    " + _NEXT.join(map(dumps, batch))
        while batch := list(islice(source, _BATCH)):
            yield _NEXT + _NEXT.join(map(dumps, batch))
        yield b"\n  ]"
    yield b"\n}\n"


def export_text(data: object) -> str:
    """``data`` (an export as ``build_export`` gives it) laid out as the file is: one
    record per line; a heavy rep's log takes about half the room of indented JSON,
    which also makes a cohort of them faster to read."""
    if not isinstance(data, dict):
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
    return b"".join(_layout(data.items())).decode("utf-8")


def _check_target(path: Path) -> None:
    check_output(path)  # before a million answers are read for nothing
    if path.is_dir():
        raise TrainerError(ProgressExportText.tr(
            "{path}: is a folder; give a file name to write").format(path=path))


def write_json_atomically(path: Path, data: object) -> None:
    """Write ``data`` as UTF-8 JSON so that a failed write leaves neither half a file nor
    a temporary one, and an earlier file at ``path`` stays as it was.

    Raises TrainerError naming the path when it cannot be written.
    """
    path = Path(path)
    _check_target(path)
    write_streamed(path, [export_text(data).encode("utf-8")], "the progress export")


def write_export(db: Store, clock: Clock, path: Path, display_name: str | None = None, *,
                 settings: StudySettings | None = None, report: Report | None = None
                 ) -> Written:
    """Read the profile and write its progress export to ``path`` as it is read; returns
    whom it was for and how much it holds.

    If the file cannot be written, the display name given is not stored either.
    ``report``, when given, is told ``(done, total, what)`` as the records are written
    (every few thousand, and as each long section begins).
    """
    # The name is checked first but stored only once the file is written, so a failed
    # export changes nothing, and no write lock is held while the file is made.
    name = stored_display_name(db) if display_name is None else (
        clean_display_name(display_name) or None)
    path = Path(path)
    _check_target(path)
    # The rep's own language for the steps shown: the file itself is written in English.
    progress = None if report is None else _Progress(report, _labels())
    with _reading(db, settings) as (usable, learner):
        sections = _sections(db, clock, usable, learner, name)
        if progress is None:
            chunks: Iterable[bytes] = _layout(sections)
        else:
            progress.count(db)
            chunks = progress.then_saving(_layout(progress.shown(sections)))
        write_streamed(path, chunks, "the progress export")
    if display_name is not None:
        set_display_name(db, display_name)
    counted = dict(sections)
    return Written(learner, name, *(_count(counted[key])
                                    for key in ("reviews", "quiz_attempts", "assessments")))


def _labels() -> dict[str, str]:
    labels = {key: ProgressExportText.tr(text) for key, (text, _) in _LONG.items()}
    labels["saving"] = ProgressExportText.tr("Saving the file…")
    return labels


def _count(section: object) -> int:
    assert isinstance(section, _Counted)
    return section.count


def counts_line(answers: int, attempts: int, assessments: int) -> str:
    """E.g. "16 answers, 1 quiz attempt, 2 self-assessments"."""
    return ", ".join((ProgressExportText.tr("%Ln answer(s)", "", answers),
                      ProgressExportText.tr("%Ln quiz attempt(s)", "", attempts),
                      ProgressExportText.tr("%Ln self-assessment(s)", "", assessments)))


def profile_counts(db: Store) -> tuple[int, int, int]:
    """Answers in the review log, quiz attempts and finished self-assessments."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM reviews), (SELECT count(*) FROM quiz_attempts), "
        "(SELECT count(*) FROM assessment_attempts WHERE finished_at IS NOT NULL)").fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def summary(export: Mapping[str, Any] | Written) -> str:
    """One line saying how much an export (written, or built in memory) holds."""
    if isinstance(export, Written):
        return counts_line(export.answers, export.attempts, export.assessments)
    return counts_line(len(export["reviews"]), len(export["quiz_attempts"]),
                       len(export["assessments"]))


def default_file_name(label: str, when: datetime) -> str:
    """``progress-<label>-<local date>.json``, the label (a display name or learner id)
    reduced to letters, digits and hyphens so the name is safe on every file system."""
    safe = "".join(c if c.isalnum() else "-" for c in label.lower())
    safe = "-".join(part for part in safe.split("-") if part)[:40].strip("-") or "learner"
    return f"progress-{safe}-{when.astimezone():%Y-%m-%d}.json"
