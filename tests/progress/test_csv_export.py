"""The CSV files hold every answer as a spreadsheet should read it."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from progress_history import History, add_practice

from trainer.domain.errors import TrainerError
from trainer.domain.scoring import Response
from trainer.reports.csv_export import summary, write_csv


def read(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_four_files_with_every_answer(history: History, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    written = write_csv(history.services.db, history.clock, folder)
    assert written == [folder / "reviews.csv", folder / "quiz_answers.csv",
                       folder / "self_assessments.csv", folder / "practice.csv"]
    assert read(written[0]) == [
        ["time_utc", "deck", "deck_title", "item", "topic", "prompt", "rating",
         "rating_label", "seconds", "phase_before", "retired"],
        ["2026-03-10 12:00:08", "qdeck", "Quiz test deck", "c1", "general", "A card", "3",
         "Good", "8.0", "new", "FALSE"],
        ["2026-03-11 12:02:23", "qdeck", "Quiz test deck", "c1", "general", "A card", "3",
         "Good", "5.0", "learning", "FALSE"],
    ]
    quiz = read(written[1])
    assert quiz[0] == ["time_utc", "deck", "quiz", "attempt", "position", "question", "type",
                       "topic", "prompt", "response", "certainty", "score", "correct", "marks",
                       "seconds", "deck_version"]
    assert quiz[1:7] == [
        ["2026-03-10 12:00:28", "qdeck", "mixed", "1", "1", "q-single", "single", "objections",
         "Which is best?", "a", "3", "0", "FALSE", "-6", "20.0", "1"],
        ["2026-03-10 12:00:48", "qdeck", "mixed", "1", "2", "q-multi", "multiple",
         "objections", "Pick the good ones.", "a, b", "2", "1", "TRUE", "2", "20.0", "1"],
        ["2026-03-10 12:01:08", "qdeck", "mixed", "1", "3", "q-tf", "truefalse",
         "pushing-back", "Prospects mind respectful push back.", "true", "1", "0", "FALSE",
         "0", "20.0", "1"],
        ["2026-03-10 12:01:28", "qdeck", "mixed", "1", "4", "q-scenario", "scenario",
         "pushing-back", '"Your tool is just like the one we dropped."', "a", "2", "1", "TRUE",
         "2", "20.0", "1"],
        ["2026-03-10 12:01:48", "qdeck", "mixed", "1", "5", "q-match", "matching", "general",
         "Match them.", "1, 2, 3", "2", "1", "TRUE", "2", "20.0", "1"],
        ["2026-03-10 12:02:08", "qdeck", "mixed", "1", "6", "q-order", "ordering", "general",
         "Put in order.", "first > second > third > fourth", "2", "1", "TRUE", "2", "20.0",
         "1"],
    ]
    # Answered in daily study: no quiz, attempt or position.
    assert [row[2:6] for row in quiz[7:]] == [["", "", "", key] for key in (
        "q-single", "q-tf", "q-multi", "q-scenario", "q-match", "q-order", "q-single", "q-tf")]
    assert read(written[2]) == [
        ["time_utc", "deck", "assessment", "attempt", "dimension", "score"],
        ["2026-03-12 12:02:53", "qdeck", "ready", "1", "courage", "75"],
        ["2026-03-12 12:02:53", "qdeck", "ready", "1", "method", "75"],
    ]
    assert summary(history.services.db) == "16 answers, 1 quiz attempt, 1 self-assessment"


def test_typed_text_never_becomes_a_formula(history: History, tmp_path: Path) -> None:
    run = history.services.quizzes.start("qdeck", "typed")
    run.answer(Response(text="=HYPERLINK(\"http://x\")"), None)
    run.advance()
    run.finish()
    [*_, row] = read(write_csv(history.services.db, history.clock, tmp_path / "csv")[1])
    assert row[2:6] == ["typed", "2", "1", "q-short"]
    assert row[9] == "'=HYPERLINK(\"http://x\")"
    assert (row[10], row[11], row[12]) == ("", "0", "FALSE")  # no certainty asked


def test_zip_holds_the_same_files(history: History, tmp_path: Path) -> None:
    archive = tmp_path / "progress.zip"
    assert write_csv(history.services.db, history.clock, archive) == [archive]
    folder = write_csv(history.services.db, history.clock, tmp_path / "csv")
    with zipfile.ZipFile(archive) as opened:
        assert opened.namelist() == ["reviews.csv", "quiz_answers.csv", "self_assessments.csv",
                                     "practice.csv"]
        for path in folder:
            assert opened.read(path.name) == path.read_bytes()


def test_bad_destinations_are_named_and_leave_nothing(history: History, tmp_path: Path) -> None:
    db, clock = history.services.db, history.clock
    with pytest.raises(TrainerError, match="four files; give a folder"):
        write_csv(db, clock, tmp_path / "answers.csv")
    blocker = tmp_path / "plain-file"
    blocker.write_text("keep me", encoding="utf-8")
    with pytest.raises(TrainerError, match=f"^{blocker}: exists and is not a folder"):
        write_csv(db, clock, blocker)
    with pytest.raises(TrainerError,
                       match=f"^{blocker / 'csv'}: cannot write the CSV export .Not a direc"):
        write_csv(db, clock, blocker / "csv")
    assert blocker.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "decks", "plain-file"]


def test_practice_replies_with_the_checks_met_and_missed(history: History,
                                                        tmp_path: Path) -> None:
    add_practice(history)
    written = write_csv(history.services.db, history.clock, tmp_path / "csv")
    header, *rows = read(written[3])
    assert header == ["time_utc", "deck", "item", "topic", "prompt", "mode", "reply",
                      "checks_met", "checks_total", "met", "missed", "rating",
                      "rating_label", "seconds", "counted", "deck_version"]
    typed, aloud = (dict(zip(header, row, strict=True)) for row in rows)
    assert typed["item"] == "p-wrong-fact" and typed["mode"] == "typed"
    assert typed["reply"] == "May I push back? It runs on phones."
    assert (typed["checks_met"], typed["checks_total"]) == ("2", "3")
    assert typed["met"] == "Asked permission before disagreeing; Corrected the fact plainly"
    assert typed["missed"] == "Ended with a question"
    assert (typed["rating_label"], typed["seconds"], typed["counted"]) == (
        "Hard", "45.0", "TRUE")
    assert typed["prompt"] == "Your system doesn't run on phones."
    # Said aloud, then undone: kept, not counted.
    assert (aloud["mode"], aloud["reply"], aloud["counted"]) == ("aloud", "", "FALSE")
    assert aloud["missed"] == "Gave a reason; Ended with a question; Stayed calm, without arguing"
