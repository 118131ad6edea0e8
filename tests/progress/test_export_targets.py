"""Every export from the command line refuses to write over the profile or a backup,
and leaves them as they were."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from progress_history import History

from trainer.cli import main
from trainer.config import Config
from trainer.storage.backups import backup_folder


def _opened(history: History) -> Path:
    """The profile's database once the command line has opened it (the first opening
    adds the built-in decks), closed."""
    history.services.close()
    assert main(["--data-dir", str(history.data_dir), "decks"]) == 0
    return Config(history.data_dir).database_path


def _digest(path: Path) -> str:
    """What the database holds (opening a profile may rewrite pages, not its rows)."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


@pytest.mark.parametrize("command", [
    ["export", "progress"],
    ["export", "xapi"],
    ["export", "gift", "qdeck"],
])
def test_an_export_over_the_profile_is_refused(
        history: History, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    database = _opened(history)
    before = _digest(database)
    capsys.readouterr()
    assert main(["--data-dir", str(history.data_dir), *command,
                 "-o", str(database)]) == 3
    err = capsys.readouterr().err
    assert err.startswith(f"trainer: {database}: holds a database")
    assert "Traceback" not in err
    assert _digest(database) == before
    # The profile still opens with its answers.
    assert main(["--data-dir", str(history.data_dir), "export", "progress",
                 "-o", str(history.data_dir.parent / "ok.json")]) == 0


def test_an_export_over_a_backup_is_refused(
        history: History, capsys: pytest.CaptureFixture[str]) -> None:
    database = _opened(history)
    assert main(["--data-dir", str(history.data_dir), "backup", "create"]) == 0
    backup = next(backup_folder(database).glob("*.sqlite"))
    before = _digest(backup)
    capsys.readouterr()
    assert main(["--data-dir", str(history.data_dir), "export", "progress",
                 "-o", str(backup)]) == 3
    assert "holds a database" in capsys.readouterr().err
    assert _digest(backup) == before


def test_a_cohort_report_over_the_profile_is_refused(
        history: History, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = _opened(history)
    export = tmp_path / "exports" / "ann.json"
    assert main(["--data-dir", str(history.data_dir), "export", "progress",
                 "-o", str(export)]) == 0
    before = _digest(database)
    report = tmp_path / "report.html"
    for output in (["-o", str(database)], ["-o", str(report), "--csv", str(database)]):
        capsys.readouterr()
        assert main(["cohort", "report", str(export.parent), *output]) == 3
        assert "holds a database" in capsys.readouterr().err
        assert _digest(database) == before
    assert not report.exists()  # nothing of a refused report is written
