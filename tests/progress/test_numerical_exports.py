"""Numerical answers and matching distractors in the progress export and the CSV files:
the number as given (with a decimal point), its credit, marks and type."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pricing import pricing_services, take_margins

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings
from trainer.reports.csv_export import write_csv
from trainer.reports.progress_export import build_export

# q-margin 20 ± 0.5 (25 earns half), q-discount 3.15, q-range 1 to 5, q-terms matching.
GIVEN = {"q-margin": Response(text="25"), "q-discount": Response(text="3.15"),
         "q-range": Response(text="5.5"),
         "q-terms": Response(matches=("(price - cost) / price", "cost / price"))}


@pytest.fixture
def pricing(tmp_path: Path, clock: FakeClock, settings: StudySettings) -> Iterator[Services]:
    with pricing_services(tmp_path, clock, settings) as services:
        take_margins(services, clock, GIVEN, 3)
        yield services


def test_the_progress_export_keeps_the_number_given(pricing: Services,
                                                    clock: FakeClock) -> None:
    export = build_export(pricing.db, clock, None, settings=pricing.study.settings)
    items = {i["id"]: i["kind"] for i in export["items"]}
    assert items == {"q-margin": "numerical", "q-discount": "numerical",
                     "q-range": "numerical", "q-terms": "matching"}
    [attempt] = export["quiz_attempts"]
    assert [(a["item"], a["kind"], a["response"]["text"], a["score"], a["correct"], a["marks"])
            for a in attempt["answers"]] == [
        ("q-margin", "numerical", "25", 0.5, False, 1.5),
        ("q-discount", "numerical", "3.15", 1.0, True, 3.0),
        ("q-range", "numerical", "5.5", 0.0, False, -6.0),
        ("q-terms", "matching", None, 0.5, False, 1.5)]
    assert attempt["answers"][3]["response"]["matches"] == ["(price - cost) / price",
                                                            "cost / price"]


def test_the_csv_files_hold_the_number_given(pricing: Services, clock: FakeClock,
                                             tmp_path: Path) -> None:
    written = write_csv(pricing.db, clock, tmp_path / "csv")
    text = written[1].read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    columns = rows[0]
    picked = [[row[columns.index(c)] for c in ("question", "type", "response", "score",
                                                "correct", "marks")] for row in rows[1:]]
    assert picked == [
        ["q-margin", "numerical", "25", "0.5", "FALSE", "1.5"],
        ["q-discount", "numerical", "3.15", "1", "TRUE", "3"],
        ["q-range", "numerical", "5.5", "0", "FALSE", "-6"],
        ["q-terms", "matching", "(price - cost) / price, cost / price", "0.5", "FALSE", "1.5"]]


def test_the_cohort_report_reads_numerical_answers(pricing: Services, clock: FakeClock,
                                                   tmp_path: Path) -> None:
    from trainer.reports.cohort import summarise

    export = build_export(pricing.db, clock, "Ann", settings=pricing.study.settings)
    report = summarise(export, tmp_path / "ann.json")
    assert report.name == "Ann"
    # Not fully right at high certainty: the half-right margin and matching, the range.
    assert [wrong[:3] for wrong in report.confident_wrong] == [
        ("pricing", "margins", key) for key in ("q-margin", "q-range", "q-terms")]
