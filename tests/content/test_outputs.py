"""An export never writes over a database: the profile, a backup, or SQLite's files
beside one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from trainer.content.outputs import check_output
from trainer.domain.errors import TrainerError


def _database(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("name", ["trainer.sqlite", "report.json", "notes.txt"])
def test_a_database_is_refused_whatever_its_name(tmp_path: Path, name: str) -> None:
    target = _database(tmp_path / name)
    before = target.read_bytes()
    with pytest.raises(TrainerError, match="holds a database") as caught:
        check_output(target)
    assert str(target) in str(caught.value)
    assert target.read_bytes() == before


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_the_files_beside_a_database_are_refused(tmp_path: Path, suffix: str) -> None:
    _database(tmp_path / "trainer.sqlite")
    beside = tmp_path / f"trainer.sqlite{suffix}"
    with pytest.raises(TrainerError, match="holds a database"):
        check_output(beside)  # refused whether SQLite has made it yet or not


def test_a_link_to_a_database_is_refused(tmp_path: Path) -> None:
    _database(tmp_path / "trainer.sqlite")
    link = tmp_path / "export.json"
    link.symlink_to(tmp_path / "trainer.sqlite")
    with pytest.raises(TrainerError, match="holds a database"):
        check_output(link)


def test_other_files_may_be_replaced(tmp_path: Path) -> None:
    earlier = tmp_path / "ann.json"
    earlier.write_text("{}", encoding="utf-8")
    check_output(earlier)
    check_output(tmp_path / "new.json")
    check_output(tmp_path / "missing" / "folder" / "x.json")
    (tmp_path / "notes.txt-wal").write_text("not SQLite's", encoding="utf-8")
    check_output(tmp_path / "notes.txt-wal")  # nothing called notes.txt beside it
