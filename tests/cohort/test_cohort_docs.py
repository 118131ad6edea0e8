"""docs/cohort-report.md says what the code does: its example export, CSV header and the
rules it states."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from trainer.reports import cohort, cohort_html
from trainer.reports.cohort import confident_wrong, pass_rates, summarise
from trainer.reports.cohort_csv import HEADER

DOC = Path(__file__).resolve().parents[2] / "docs" / "cohort-report.md"


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.M | re.S)


def test_the_example_export_gives_the_figures_the_page_states() -> None:
    [example] = _blocks("json")
    learner = summarise(json.loads(example), DOC)
    assert learner.name == "Ana"
    objections = learner.topics["objections"]
    assert (objections.answers, objections.shown_mastery) == (5, 1.0)
    assert (objections.quiz_correct, objections.quiz_answers) == (0, 1)
    [rate] = pass_rates([learner])
    assert (rate.took, rate.passed) == (1, 0)
    [wrong] = confident_wrong([learner])
    assert (wrong.label, wrong.answers) == ("What is an objection?", 1)


def test_csv_example_has_the_real_header() -> None:
    [example] = _blocks("csv")
    rows = list(csv.reader(io.StringIO(example)))
    assert tuple(rows[0]) == HEADER
    assert all(len(row) == len(HEADER) for row in rows)


def test_stated_rules_match_the_code() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert f"MIN_ANSWERS = {cohort.MIN_ANSWERS}" in text
    assert f"larger than {cohort.MAX_FILE_BYTES // 2**20} MB" in text
    assert f"blocks\nof {cohort_html.HEATMAP_ROWS} learners" in text
    assert f"above +{cohort_html.OVERCONFIDENT * 100:.0f} points" in text
    assert ", ".join(label for _b, _c, label in cohort_html.BANDS) in text


def test_the_smallest_export_reads_as_the_page_says() -> None:
    example = _blocks("json")[-1]
    learner = summarise(json.loads(example), DOC)
    readiness = learner.readiness["objections"]
    assert (round(readiness.value or 0, 2), readiness.verdict) == (0.83, "ready")
    assert readiness.parts.keys() == {"recall"}
