"""The quick way of reading an export (msgspec, only the fields the report uses) gives
the same learner as the detailed way for every export it accepts, and leaves everything
it is unsure of to the detailed way, so the messages for bad files stay as they were."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from cohort_builders import CohortFiles

from trainer.reports import cohort_read
from trainer.reports.cohort_model import ExportProblem, LearnerReport
from trainer.reports.cohort_quick import is_utf8, quick_summary

Doc = dict[str, Any]


def _detailed(raw: bytes, path: Path) -> LearnerReport | str:
    """What the detailed way makes of ``raw``: the learner, or the reason it is refused."""
    try:
        return cohort_read.summarise(cohort_read.parse(raw), path)
    except ExportProblem as exc:
        return str(exc.reason)


def _read(path: Path) -> LearnerReport | str:
    try:
        return cohort_read.read_export(path)
    except ExportProblem as exc:
        return str(exc.reason)


def _richer(files: CohortFiles) -> Doc:
    """Ana's newer export with a bit of everything the report reads: answers met again
    in daily study (one with partial credit, one tied in time with a quiz answer, one
    with negative credit),
    practice replies, a practice item, a retired item, whole-number stability and
    score, an unfinished and a discarded attempt, the rep's own FSRS parameters."""
    doc: Doc = files.load(files.ana_new)
    first = doc["quiz_attempts"][-1]["answers"][0]  # the latest answer to its item
    doc["study_answers"] = [
        {**first, "deck": "qdeck", "score": 0.5, "correct": False, "certainty": 2},
        {**first, "deck": "qdeck", "score": 1, "correct": True, "certainty": None},
        {**first, "deck": "qdeck", "item": "q-tf", "certainty": 3, "correct": False,
         "score": 0.0, "topic": None},
        # credit outside 0..1 (negative marking, say) is held to it for calibration
        {**first, "deck": "qdeck", "item": "q-tf", "certainty": 1, "correct": False,
         "score": -0.25, "answered_at": "2026-01-01T00:00:00.000000+00:00"},
    ]
    topic = doc["items"][0]["topic"]
    doc["items"].append({**doc["items"][0], "id": "practice-1", "kind": "practice",
                         "stability": None, "last_review": None})
    doc["items"].append({**doc["items"][0], "id": "gone", "retired": True})
    doc["items"][0]["stability"] = 3
    check = {"id": "c", "text": "Asked  a\nquestion", "met": True}
    reply = {"deck": "qdeck", "item": "practice-1", "topic": topic, "mode": "typed",
             "answered_at": "2026-03-11T12:00:00.000000+00:00", "reply": "Grüße, …",
             "checks": [check, {**check, "id": "d", "text": "Said why", "met": False}],
             "rating": 2, "duration_ms": 1000, "deck_version": "1", "counted": True}
    doc["practice"] = [reply, {**reply, "counted": False},
                       {**reply, "answered_at": "2026-03-11T11:00:00.000000+00:00",
                        "checks": [check]}]
    attempt = doc["quiz_attempts"][0]
    doc["quiz_attempts"].append({**attempt, "finished_at": None})
    doc["quiz_attempts"].append({**attempt, "discarded": True})
    doc["scheduler"]["parameters"] = [0.3] * 20 + [0.25]
    return doc


def _write(tmp_path: Path, doc: Doc, name: str = "rep.json") -> Path:
    path = tmp_path / name
    path.write_bytes(orjson.dumps(doc))
    return path


def test_every_usable_export_is_read_the_quick_way_as_the_detailed_way_reads_it(
        cohort_files: CohortFiles, tmp_path: Path) -> None:
    richer = _write(tmp_path, _richer(cohort_files))
    older = cohort_files.load(cohort_files.nameless)
    for key in ("study_answers", "practice", "quizzes", "scheduler"):
        del older[key]  # exports from before these were added
    older["learner"]["display_name"] = " Cy\u202e\n Li "
    marked = tmp_path / "marked.json"
    marked.write_bytes(b"\xef\xbb\xbf" + orjson.dumps(older))
    for path in [*cohort_files.exports, cohort_files.ana_old, richer, marked]:
        raw = path.read_bytes()
        quick = quick_summary(raw, path)
        assert quick is not None, path.name
        assert quick == _detailed(raw, path)
    assert quick_summary(richer.read_bytes(), richer).practice_checks == {  # type: ignore[union-attr]
        "Asked a question": (2, 0), "Said why": (1, 1)}


def _set(where: Callable[[Doc], Any], key: str | int, value: object) -> Callable[[Doc], None]:
    return lambda doc: where(doc).__setitem__(key, value)


@pytest.mark.parametrize("change", [
    _set(lambda d: d["quiz_attempts"][0], "questions", 10 ** 30),  # read by orjson as a float
    _set(lambda d: d["paths"][0]["steps"][0], "day", 2 ** 64 - 1),
    _set(lambda d: d["quiz_attempts"][0]["answers"][0], "certainty", 4),
    _set(lambda d: d["quiz_attempts"][0]["answers"][0], "certainty", True),
    _set(lambda d: d["quiz_attempts"][0]["answers"][0], "score", "1"),
    _set(lambda d: d["items"][0], "stability", 0),
    _set(lambda d: d["items"][0], "last_review", "2026-03-10T12:00:00"),
    _set(lambda d: d["items"][0], "kind", None),
    _set(lambda d: d, "assessments", {}),
    _set(lambda d: d, "practice", None),
    _set(lambda d: d, "version", 2),
    _set(lambda d: d, "format", "sales-trainer-progres"),
    _set(lambda d: d["learner"], "id", ""),
    _set(lambda d: d["practice"][1], "checks", []),
    _set(lambda d: d["practice"][0]["checks"][0], "met", 1),
    _set(lambda d: d["reviews"][0], "deck", 7),  # the detailed way counts it for no item
    _set(lambda d: d["study_answers"][0], "answered_at", None),
    lambda d: d["items"][0].pop("retired"),
    lambda d: d.pop("learner"),
])
def test_what_the_quick_way_is_unsure_of_is_read_the_detailed_way(
        cohort_files: CohortFiles, tmp_path: Path, change: Callable[[Doc], None]) -> None:
    doc = _richer(cohort_files)
    change(doc)
    path = tmp_path / "rep.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    raw = path.read_bytes()
    assert quick_summary(raw, path) is None
    assert _read(path) == _detailed(raw, path)


def test_bytes_that_are_not_utf8_where_the_quick_way_does_not_look_are_named(
        cohort_files: CohortFiles, tmp_path: Path) -> None:
    path = _write(tmp_path, _richer(cohort_files))
    raw = path.read_bytes().replace("Grüße".encode(), "Gr\xfc\xdfe".encode("latin-1"))
    path.write_bytes(raw)
    assert quick_summary(raw, path) is None
    assert _read(path) == f"not UTF-8 text (bad byte at offset {raw.index(b'Gr') + 2})"


def test_utf8_is_checked_as_python_decodes_it_across_the_pieces() -> None:
    rng = random.Random(5)
    alphabet = [b"a", b"\xc3\xa9", b"\xe2\x80\xa6", b"\xf0\x9f\x98\x80", b"\xc3", b"\xa9",
                b"\xed\xa0\x80", b"\xff"]
    for size in (16_383, 16_384, 16_385, 40_000):
        for _ in range(30):
            raw = bytearray(b"x" * size)
            for _ in range(rng.randint(1, 4)):
                at = rng.randrange(size)
                raw[at:at] = rng.choice(alphabet)
            data = bytes(raw)
            try:
                data.decode("utf-8")
                valid = True
            except UnicodeDecodeError:
                valid = False
            assert is_utf8(data) == valid
