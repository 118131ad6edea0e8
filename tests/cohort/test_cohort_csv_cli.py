"""The CSV rows, and ``trainer cohort report`` end to end: output, messages, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cohort_builders import SCRIPT_NAME, CohortFiles

from trainer.cli import main
from trainer.reports.cohort import load_cohort
from trainer.reports.cohort_csv import HEADER, render_csv
from trainer.reports.cohort_model import LearnerReport


def readiness_cells(learner: LearnerReport, topic: str) -> dict[str, str]:
    ready = learner.readiness[topic]

    def ratio(value: float | None) -> str:
        return "" if value is None else f"{round(value, 4):g}"

    return {"readiness": ratio(ready.value), "verdict": ready.verdict,
            "recall_30d": ratio(ready.recall), "quiz_part": ratio(ready.quiz),
            "practice_part": ratio(ready.practice)}


def _rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # so Excel reads it as UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_one_row_per_learner_and_topic(cohort_files: CohortFiles) -> None:
    cohort = load_cohort(cohort_files.exports)
    rows = _rows(render_csv(cohort))
    assert list(rows[0]) == list(HEADER)
    assert [(r["name"], r["topic"]) for r in rows] == [
        (learner.name, topic) for learner in cohort.learners
        for topic in ("general", "objections", "pushing-back")]
    ana_general = rows[3]
    ana = cohort.learners[1]
    assert ana_general == {
        "learner_id": ana.learner_id, "name": "Ana", "exported_at": "2026-03-11T12:00:00+00:00",
        "topic": "general", "answers": "5",
        "mastery": f"{round(ana.topics['general'].mastery or 0, 4):g}",
        "quiz_answers": "4", "quiz_correct": "4", "quiz_accuracy": "1",
        "path_day": "2", "steps_behind": "0", **readiness_cells(ana, "general")}
    assert rows[4]["mastery"] == ""  # Ana's objections: 4 answers, not enough data
    assert rows[4]["quiz_accuracy"] == "0.75"
    assert rows[0]["name"] == SCRIPT_NAME and rows[0]["steps_behind"] == "3"
    assert rows[8]["quiz_accuracy"] == ""  # the third rep took no quiz


def test_formulas_are_defused(cohort_files: CohortFiles) -> None:
    doc = cohort_files.load(cohort_files.nameless)
    doc["learner"]["display_name"] = '=HYPERLINK("http://example.com","x")'
    cohort_files.nameless.write_text(json.dumps(doc), encoding="utf-8")
    rows = _rows(render_csv(load_cohort([cohort_files.nameless])))
    assert {r["name"] for r in rows} == {"'=HYPERLINK(\"http://example.com\",\"x\")"}


def test_command_writes_the_report_and_lists_skipped_files(
        cohort_files: CohortFiles, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report, table = tmp_path / "out" / "report.html", tmp_path / "out" / "cohort.csv"
    assert main(["cohort", "report", str(cohort_files.folder), "-o", str(report),
                 "--csv", str(table)]) == 0
    out, err = capsys.readouterr()
    assert out == ""  # status goes to standard error: "-o -" keeps standard output clean
    assert err.splitlines()[-3:] == [
        "3 learners merged from 4 exports, 1 older export replaced by newer ones; "
        "4 files skipped",
        f"report written to {report}",
        f"CSV written to {table}"]
    assert err.splitlines()[:4] == [
        f"skipped {cohort_files.broken}: not valid JSON (line 3, column 1: Expecting "
        "property name enclosed in double quotes)",
        f"skipped {cohort_files.newer}: made by a newer Sales Trainer (export version 2; "
        "this version reads up to 1): update the app",
        f"skipped {cohort_files.huge}: larger than 195 KB",
        f"skipped {cohort_files.foreign}: not a progress export (\"format\" is None)"]
    assert "<svg" in report.read_text(encoding="utf-8")
    assert len(_rows(table.read_bytes())) == 9


def test_no_usable_export_is_an_error_and_writes_nothing(
        cohort_files: CohortFiles, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.html"
    assert main(["cohort", "report", str(cohort_files.broken), str(cohort_files.foreign),
                 "-o", str(report)]) == 3
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == (f"trainer: no usable progress export in {cohort_files.broken}, "
                       f"{cohort_files.foreign} (every file was skipped, see above)")
    assert len(err) == 3 and not report.exists()

    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["cohort", "report", str(empty), "-o", str(report)]) == 3
    assert capsys.readouterr().err == (f"trainer: no usable progress export in {empty} "
                                       "(no .json files found)\n")


def test_unwritable_output_is_an_error(cohort_files: CohortFiles, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["cohort", "report", str(cohort_files.ana_new), "-o",
                 str(blocker / "report.html")]) == 3
    assert capsys.readouterr().err.startswith(f"trainer: {blocker}: cannot write the cohort "
                                              "report")


def test_the_report_is_never_written_over_an_export(
        cohort_files: CohortFiles, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = cohort_files.folder
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    assert main(["cohort", "report", str(folder), "-o", str(cohort_files.ana_new)]) == 3
    assert main(["cohort", "report", str(folder), "-o", str(tmp_path / "r.html"),
                 "--csv", str(cohort_files.broken)]) == 3
    assert main(["cohort", "report", str(folder), "-o", str(tmp_path / "same"),
                 "--csv", str(tmp_path / "same")]) == 3

    err = capsys.readouterr().err
    assert f"trainer: {cohort_files.ana_new}: this is one of the files the report reads" in err
    assert f"trainer: {cohort_files.broken}: this is one of the files the report reads" in err
    assert "the report and its CSV need different file names" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "same").exists()


def test_an_export_reached_another_way_is_never_written_over(
        cohort_files: CohortFiles, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same file named through "..", through a link to it, or read through a link
    under another name is still one of the files the report reads."""
    folder = cohort_files.folder
    export = cohort_files.ana_new
    before = export.read_bytes()
    roundabout = folder / ".." / folder.name / export.name
    link = tmp_path / "link.html"
    link.symlink_to(export)
    linked_in = tmp_path / "linked"
    linked_in.mkdir()
    (linked_in / "another-name.json").symlink_to(export)

    assert main(["cohort", "report", str(folder), "-o", str(roundabout)]) == 3
    assert main(["cohort", "report", str(folder), "-o", str(link)]) == 3
    assert main(["cohort", "report", str(linked_in), "-o", str(export)]) == 3

    err = capsys.readouterr().err
    for target in (roundabout, link, export):
        assert f"trainer: {target}: this is one of the files the report reads" in err
    assert export.read_bytes() == before and link.is_symlink()
