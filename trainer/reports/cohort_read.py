"""Reading one rep's progress export and checking every field the report uses.

A file this version cannot use (too big, not UTF-8, not JSON, another ``format``, a
newer ``version``, missing or mistyped keys, numbers too large to count) raises
``ExportProblem`` with the reason, naming the record where there is one. Each export is
boiled down to a ``LearnerReport`` as soon as it is read, so a thousand exports never
sit in memory at once.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime
from pathlib import Path

import orjson

from trainer.domain.scoring import calibration
from trainer.i18n import QT_TRANSLATE_NOOP
from trainer.reports.cohort_model import ExportProblem as ExportProblem
from trainer.reports.cohort_model import LearnerReport, located
from trainer.reports.cohort_quick import quick_summary
from trainer.reports.cohort_readiness import practice_latest, readiness_by_topic
from trainer.reports.cohort_records import (
    bad,
    clean_name,
    decay_of,
    deck_titles,
    path_standings,
    quiz_titles,
    read_quizzes,
    reason_of,
    short_repr,
    time_of,
    topic_stats,
)
from trainer.reports.progress_format import FORMAT, VERSION

# "\ud800" not followed by a low half, or "\udc00" not preceded by a high one.
_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")

# About a million answers; an export is read whole, so this bounds the memory one takes.
MAX_FILE_BYTES = 256 * 1024 * 1024
_BOM = "\ufeff".encode()
_SECTIONS = ("decks", "items", "reviews", "quiz_attempts", "assessments", "paths")


def size_text(limit: int) -> str:
    """A byte count as MB (or KB below one MB), for messages."""
    return f"{limit / 2**20:.0f} MB" if limit >= 2**20 else f"{limit / 1024:.0f} KB"


def _check(ok: bool, source: str, **fields: object) -> None:
    # The fields are worked out before the call: hot loops raise directly instead.
    if not ok:
        raise bad(source, **fields)


def _header(doc: object) -> tuple[str, str | None, datetime]:
    """Format, version and learner checks; returns id, display name and export time."""
    if not isinstance(doc, dict):
        raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                    "not a progress export (no JSON object at the top)"))
    found = doc.get("format")
    _check(found == FORMAT, QT_TRANSLATE_NOOP("CohortReadText",
                                              'not a progress export ("format" is {found})'),
           found=short_repr(found))
    version = doc.get("version")
    if type(version) is not int:
        raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                    '"version" should be a whole number, not {value}'),
                  value=short_repr(version))
    _check(version <= VERSION, QT_TRANSLATE_NOOP(
        "CohortReadText", "made by a newer Sales Trainer (export version {version}; this "
        "version reads up to {known}): update the app"), version=version, known=VERSION)
    _check(version >= 1, QT_TRANSLATE_NOOP("CohortReadText", "unknown export version {version}"),
           version=version)
    missing = [key for key in ("exported_at", "learner", *_SECTIONS) if key not in doc]
    if missing:
        raise bad(QT_TRANSLATE_NOOP("CohortReadText", "missing key(s) {keys}"),
                  keys=", ".join(f'"{k}"' for k in missing))
    for key in _SECTIONS:
        _check(type(doc[key]) is list,
               QT_TRANSLATE_NOOP("CohortReadText", '"{key}" should be a list'), key=key)
    learner = doc["learner"]
    _check(type(learner) is dict,
           QT_TRANSLATE_NOOP("CohortReadText", '"learner" should be an object'))
    learner_id, name = learner.get("id"), learner.get("display_name", None)
    _check(type(learner_id) is str and 0 < len(learner_id) <= 200, QT_TRANSLATE_NOOP(
        "CohortReadText", '"learner.id" should be text of 1 to 200 characters'))
    _check(name is None or type(name) is str,
           QT_TRANSLATE_NOOP("CohortReadText", '"learner.display_name" should be text'))
    if name is not None:
        name = clean_name(name)
    try:
        exported_at = time_of(doc["exported_at"])
    except ValueError as exc:
        raise located('"exported_at"', reason_of(exc)) from None
    return learner_id, name, exported_at


def summarise(doc: object, source: Path) -> LearnerReport:
    """Check a parsed export and boil it down; raises ``ExportProblem`` saying what is wrong."""
    learner_id, name, exported_at = _header(doc)
    assert isinstance(doc, dict)
    study_answers = doc.get("study_answers", [])
    if type(study_answers) is not list:
        raise bad(QT_TRANSLATE_NOOP("CohortReadText", '"study_answers" should be a list'))
    quizzes = read_quizzes(doc["quiz_attempts"], study_answers)
    prompts: dict[tuple[str, str], str | None] = {
        (deck, item): None for deck, _quiz, item in quizzes.confident_wrong}
    decay = decay_of(doc.get("scheduler"))
    topics = topic_stats(doc["items"], doc["reviews"], exported_at, quizzes.by_topic, prompts,
                         decay)
    practised, practice_checks = practice_latest(doc.get("practice", []))
    readiness = readiness_by_topic(
        doc["items"], exported_at, decay,
        {key: credit for key, (_at, _n, credit) in quizzes.latest.items()}, practised)
    return LearnerReport(
        learner_id=learner_id, display_name=name, exported_at=exported_at, source=source,
        topics=topics, quizzes=quizzes.best, paths=path_standings(doc["paths"]),
        confident_wrong=tuple((deck, quiz, item, prompts[deck, item])
                              for deck, quiz, item in quizzes.confident_wrong),
        calibration=calibration(quizzes.pairs),
        deck_titles=deck_titles(doc["decks"]), quiz_titles=quiz_titles(doc.get("quizzes")),
        readiness=readiness, practice_checks=practice_checks)


def _reject_constant(name: str) -> float:
    raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                "not valid JSON ({name} is not a number JSON allows)"),
              name=name)


def read_export(path: Path) -> LearnerReport:
    """Read one export file; raises ``ExportProblem`` with the reason it cannot be used."""
    try:
        with path.open("rb") as stream:
            # At most one byte past the limit, even if the file grew since it was listed;
            # asked for by its size, as Python sets aside as much as is asked for first.
            size = os.fstat(stream.fileno()).st_size
            raw = stream.read(min(size, MAX_FILE_BYTES) + 1)
            if size < len(raw) <= MAX_FILE_BYTES:
                raw += stream.read(MAX_FILE_BYTES + 1 - len(raw))
    except OSError as exc:
        raise bad(QT_TRANSLATE_NOOP("CohortReadText", "cannot be read ({error})"),
                  error=str(exc.strerror or exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise bad(QT_TRANSLATE_NOOP("CohortReadText", "larger than {limit}"),
                  limit=size_text(MAX_FILE_BYTES))
    # Nearly every export is read the quick way; the rest (damaged, odd or very old
    # ones) are parsed and checked in detail, which names what is wrong.
    quick = quick_summary(raw, path)
    if quick is not None:
        return quick
    doc = parse(raw)
    try:
        return summarise(doc, path)
    except RecursionError:
        # orjson reads nesting 1,024 deep, deeper than Python itself goes (in repr, say,
        # to name a bad value): such a file is refused as the json module refused it.
        raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                    "not a progress export (nested too deeply)")) from None


def parse(raw: bytes) -> object:
    """The JSON document in ``raw``; raises ``ExportProblem`` saying why it is not one."""
    # orjson reads an export several times faster than the json module, straight from
    # the bytes (checking UTF-8 and UTF-16 pairs as it goes). A file it refuses is read
    # again by the json module, only to say as exactly as before what is wrong with it
    # (or to read it as before: a number too large for a double, say).
    try:
        return orjson.loads(memoryview(raw)[len(_BOM):] if raw.startswith(_BOM) else raw)
    except orjson.JSONDecodeError:
        return _parse_carefully(raw)


def _parse_carefully(raw: bytes) -> object:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                    "not UTF-8 text (bad byte at offset {offset})"),
                  offset=exc.start) from None
    try:
        doc = json.loads(text.removeprefix("\ufeff"), parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                    "not valid JSON (line {line}, column {column}: {error})"),
                  line=exc.lineno, column=exc.colno, error=exc.msg) from None
    except RecursionError:
        raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                    "not a progress export (nested too deeply)")) from None
    except ValueError as exc:  # a number of thousands of digits, say
        raise bad(QT_TRANSLATE_NOOP("CohortReadText", "not a progress export ({error})"),
                  error=exc.reason if isinstance(exc, ExportProblem) else str(exc)
                  ) from None
    if "\\u" in text and _LONE_SURROGATE.search(text):
        raise bad(QT_TRANSLATE_NOOP("CohortReadText",
                                    "not a progress export (it holds half of a UTF-16 "
                                    "pair, which is not text)"))
    return doc
