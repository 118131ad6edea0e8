"""Exports are parsed by orjson; a file it refuses is read again by the json module only
to say what is wrong. The report is the same either way, and every file left out is
named with a reason a trainer can act on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from cohort_builders import CohortFiles

from trainer.reports import cohort_read
from trainer.reports.cohort import load_cohort, read_export
from trainer.reports.cohort_csv import render_csv
from trainer.reports.cohort_html import render_html
from trainer.reports.cohort_model import ExportProblem


def _stdlib_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """orjson refuses everything, and the quick way is never taken: every file is read
    by the json module, as before."""
    def refuse(_raw: object) -> Any:
        raise orjson.JSONDecodeError("refused", "", 0)

    monkeypatch.setattr(cohort_read.orjson, "loads", refuse)
    monkeypatch.setattr(cohort_read, "quick_summary", lambda _raw, _source: None)


def test_the_report_is_the_same_as_with_the_json_module(
        cohort_files: CohortFiles, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = load_cohort([cohort_files.folder], workers=1)
    with monkeypatch.context() as patch:
        _stdlib_only(patch)
        slow = load_cohort([cohort_files.folder], workers=1)
    assert len(fast.learners) == 3
    assert fast == slow
    assert render_html(fast) == render_html(slow)
    assert render_csv(fast) == render_csv(slow)


def test_a_byte_order_mark_is_allowed(cohort_files: CohortFiles, tmp_path: Path) -> None:
    marked = tmp_path / "marked.json"
    marked.write_bytes(b"\xef\xbb\xbf" + cohort_files.ana_new.read_bytes())
    plain = read_export(cohort_files.ana_new)
    assert read_export(marked).topics == plain.topics
    assert read_export(marked).learner_id == plain.learner_id


def _valid(files: CohortFiles) -> str:
    return files.ana_new.read_text(encoding="utf-8")


@pytest.mark.parametrize(("damage", "reason"), [
    (lambda text: text[:len(text) // 2], "not valid JSON (line "),
    (lambda text: text.replace('"Ana"', '"An\\ud800a"', 1),
     "not a progress export (it holds half of a UTF-16 pair, which is not text)"),
    (lambda text: text.replace('"version": 1', '"version": NaN', 1),
     "not a progress export (not valid JSON (NaN is not a number JSON allows))"),
    (lambda text: "[" * 5000 + "]" * 5000, "not a progress export (nested too deeply)"),
    (lambda text: text.replace('"sales-trainer-progress"', "[" * 960 + "]" * 960, 1),
     "not a progress export (nested too deeply)"),  # read by orjson, too deep to name
    (lambda text: "[]", "not a progress export (no JSON object at the top)"),
    (lambda text: "", "not valid JSON (line 1, column 1: Expecting value)"),
])
def test_a_damaged_export_is_named_with_its_reason(
        cohort_files: CohortFiles, tmp_path: Path, damage: Any, reason: str) -> None:
    path = tmp_path / "rep.json"
    path.write_text(damage(_valid(cohort_files)), encoding="utf-8")
    with pytest.raises(ExportProblem) as raised:
        read_export(path)
    assert str(raised.value).startswith(reason)
    [skipped] = load_cohort([path]).skipped
    assert str(skipped).startswith(f"{path}: {reason}")


def test_bytes_that_are_not_utf8_are_named(cohort_files: CohortFiles, tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(_valid(cohort_files).replace('"Ana"', '"Añá"', 1).encode("latin-1"))
    [skipped] = load_cohort([path]).skipped
    assert str(skipped).startswith(f"{path}: not UTF-8 text (bad byte at offset ")


def test_a_huge_export_is_named_and_not_read(cohort_files: CohortFiles, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.json"
    path.write_text(_valid(cohort_files), encoding="utf-8")
    monkeypatch.setattr(cohort_read, "MAX_FILE_BYTES", path.stat().st_size - 1)
    monkeypatch.setattr(cohort_read.orjson, "loads", pytest.fail)  # never parsed
    with pytest.raises(ExportProblem, match=r"^larger than "):
        read_export(path)  # even when it grew after the folder was listed
    [skipped] = load_cohort([path]).skipped
    assert str(skipped).startswith(f"{path}: larger than ")


def test_a_number_past_a_double_is_read_as_before(
        cohort_files: CohortFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = json.loads(_valid(cohort_files))
    for attempt in doc["quiz_attempts"]:
        attempt["pass_mark"] = 10 ** 400  # orjson refuses it; the json module reads it
    path = tmp_path / "rep.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    report = read_export(path)
    assert {best.passed for best in report.quizzes.values()} == {False}
    _stdlib_only(monkeypatch)
    assert read_export(path) == report
