"""``trainer export progress`` and ``trainer export csv`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from progress_history import History

from trainer.cli import main


def test_export_progress_writes_the_file_and_says_so(
        history: History, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    history.services.close()
    target = tmp_path / "out" / "ann.json"
    assert main(["--data-dir", str(history.data_dir), "export", "progress", "-o", str(target),
                 "--name", "Ann Lee"]) == 0
    export = json.loads(target.read_text(encoding="utf-8"))
    learner = export["learner"]
    assert learner["display_name"] == "Ann Lee"
    assert capsys.readouterr().err.splitlines() == [
        f"wrote {target} for learner {learner['id']} (Ann Lee)",
        "16 answers, 1 quiz attempt, 1 self-assessment",
    ]
    # The name is remembered; --name "" sends without one.
    assert main(["--data-dir", str(history.data_dir), "export", "progress",
                 "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["learner"] == learner
    assert main(["--data-dir", str(history.data_dir), "export", "progress", "-o", str(target),
                 "--name", ""]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["learner"] == {
        "id": learner["id"], "display_name": None}
    assert capsys.readouterr().err.splitlines()[-2].endswith("(no name)")


def test_unwritable_destination_exits_3_naming_it(
        history: History, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    history.services.close()
    blocker = tmp_path / "report.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker / "ann.json"
    assert main(["--data-dir", str(history.data_dir), "export", "progress",
                 "-o", str(target)]) == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"trainer: {blocker}: cannot write the progress export "
                            "(a file, not a folder)\n")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_too_long_name_exits_3(history: History, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    history.services.close()
    target = tmp_path / "ann.json"
    assert main(["--data-dir", str(history.data_dir), "export", "progress",
                 "-o", str(target), "--name", "x" * 101]) == 3
    assert "display name is longer than 100 characters" in capsys.readouterr().err
    assert not target.exists()


def test_export_csv(history: History, tmp_path: Path,
                    capsys: pytest.CaptureFixture[str]) -> None:
    history.services.close()
    folder = tmp_path / "sheets"
    assert main(["--data-dir", str(history.data_dir), "export", "csv", "-o", str(folder)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"wrote {folder / 'reviews.csv'}",
        f"wrote {folder / 'quiz_answers.csv'}",
        f"wrote {folder / 'self_assessments.csv'}",
        f"wrote {folder / 'practice.csv'}",
        "16 answers, 1 quiz attempt, 1 self-assessment",
    ]
    assert main(["--data-dir", str(history.data_dir), "export", "csv",
                 "-o", str(tmp_path / "one.csv")]) == 3
    assert "four files; give a folder" in capsys.readouterr().err
