"""The exports tell a caller how far they are, and writing so changes nothing in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from progress_history import History

from trainer.reports import csv_export, progress_export
from trainer.reports.csv_export import write_csv
from trainer.reports.progress_export import profile_counts, write_export

Reports = list[tuple[int, int, str]]


def test_the_progress_file_reports_records_of_a_counted_total(
        history: History, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = history.services.db
    plain, reported = tmp_path / "plain.json", tmp_path / "reported.json"
    write_export(db, history.clock, plain, "Ann")
    monkeypatch.setattr(progress_export, "_EVERY", 5)  # a small profile: report often
    reports: Reports = []
    written = write_export(db, history.clock, reported, "Ann",
                           report=lambda *step: reports.append(step))
    assert reported.read_bytes() == plain.read_bytes()

    total = reports[0][1]
    items = db.execute("SELECT count(*) FROM items").fetchone()[0]
    answers, attempts, assessments = profile_counts(db)
    assert written.answers == answers
    assert total >= items + answers + attempts + assessments
    assert {step[1] for step in reports} == {total}
    done = [step[0] for step in reports]
    assert done == sorted(done) and done[0] == 0 and done[-1] == total
    labels = [step[2] for step in reports]
    assert "Writing your answers…" in labels
    # Besides each long section's start (six) and the last step, every five records.
    assert len(reports) > len(progress_export._LONG) + 1
    assert labels[-1] == "Saving the file…"


def test_the_csv_export_reports_each_table_then_the_files(history: History,
                                                          tmp_path: Path) -> None:
    reports: Reports = []
    written = write_csv(history.services.db, history.clock, tmp_path / "csv",
                        report=lambda *step: reports.append(step))
    steps = len(csv_export.STEPS)
    assert reports == [(n, steps, text) for n, text in enumerate(csv_export.STEPS)]
    assert [p.name for p in written] == list(csv_export.FILES)
