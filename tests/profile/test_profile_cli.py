"""``trainer backup``, ``trainer check``, the profile lock and every SQLite error, from the
command line: one clear sentence naming the profile, never a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.clock import system_clock
from trainer.config import Config
from trainer.profile.lock import WINDOW, ProfileLock
from trainer.study.service import StudyService

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "decks"]) == 0
    return folder


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def damage(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(os.urandom(8192))


def test_create_list_and_restore(data: Path, capsys: Capture) -> None:
    assert run(data, "backup", "create") == 0
    assert "Backed up to" in capsys.readouterr().out
    assert run(data, "backup", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["folder"] == str(Config(data).profile_dir / "backups")
    [only] = listed["backups"]
    assert only["reason"] == "manual" and only["answers"] == 0 and only["problem"] is None
    assert {d["id"] for d in only["decks"]} >= {"objections"}
    # Not a terminal and no --yes: nothing happens.
    assert run(data, "backup", "restore") == 3
    assert "add --yes" in capsys.readouterr().err
    assert run(data, "backup", "restore", only["name"], "--yes") == 0
    out = capsys.readouterr().out
    assert f"Restored {only['name']}" in out and "undoes this" in out
    assert run(data, "backup", "list") == 0
    assert "before-restore" in capsys.readouterr().out
    assert run(data, "backup", "restore", "no-such-backup", "--yes") == 3
    assert "no backup called 'no-such-backup'" in capsys.readouterr().err


def test_a_damaged_profile_names_the_newest_good_backup_and_restores_it(
        data: Path, capsys: Capture) -> None:
    assert run(data, "backup", "create") == 0
    name = Path(capsys.readouterr().out.split()[-1]).name
    database = Config(data).database_path
    damage(database)
    for command in (["decks"], ["export", "progress", "-o", str(data / "me.json")],
                    ["stats"], ["check"]):
        assert run(data, *command) == 4, command
        err = capsys.readouterr().err
        assert "Traceback" not in err and err.count("\n") == 1
        assert str(database) in err and "damaged" in err and name in err
        assert "'trainer backup restore'" in err
    assert run(data, "backup", "restore", "--yes") == 0
    assert name in capsys.readouterr().out
    assert run(data, "decks") == 0
    capsys.readouterr()
    assert run(data, "backup", "list", "--json") == 0
    reasons = [b["reason"] for b in json.loads(capsys.readouterr().out)["backups"]]
    assert reasons == ["damaged", "manual"]  # the damaged file is kept, named for what it is


def test_an_empty_profile_file_is_not_taken_for_a_new_profile(data: Path,
                                                              capsys: Capture) -> None:
    database = Config(data).database_path
    database.write_bytes(b"")
    assert run(data, "decks") == 4
    err = capsys.readouterr().err
    assert "empty (0 bytes)" in err and "no good backup" in err and "Traceback" not in err
    assert database.read_bytes() == b""


def test_every_sqlite_error_is_one_sentence(data: Path, capsys: Capture,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(name: str, text: str) -> None:
        def fail(self: StudyService) -> None:
            error = sqlite3.OperationalError(text)
            error.sqlite_errorname = name  # type: ignore[attr-defined]
            raise error
        monkeypatch.setattr(StudyService, "deck_counts", fail)

    database = Config(data).database_path
    for name, text, words, status in (
            ("SQLITE_FULL", "database or disk is full", "the disk is full", 3),
            ("SQLITE_BUSY", "database is locked", "another program is writing to it", 4),
            ("SQLITE_IOERR_WRITE", "disk I/O error", "the disk could not be read", 3),
            ("SQLITE_CORRUPT", "database disk image is malformed", "is damaged", 4)):
        failing(name, text)
        assert run(data, "decks") == status
        err = capsys.readouterr().err
        assert err == f"trainer: profile 'default' ({database}): {err.split('): ', 1)[1]}"
        assert words in err and "Traceback" not in err and err.count("\n") == 1


def test_a_real_full_disk_changes_nothing(data: Path, capsys: Capture,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.storage import database as storage

    real = storage._connect

    def small_disk(path: Path) -> object:
        db = real(path)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count={pages}")
        return db

    monkeypatch.setattr(storage, "_connect", small_disk)
    deck = data.parent / "big.csv"
    deck.write_text("front,back\n" + "".join(f"Q{i} {'x' * 500},A{i}\n" for i in range(400)),
                    encoding="utf-8")
    before = Config(data).database_path.read_bytes()
    assert run(data, "import", str(deck), "--yes") == 3
    err = capsys.readouterr().err
    assert "the disk is full, so the last change was not saved" in err
    monkeypatch.setattr(storage, "_connect", real)
    assert run(data, "decks") == 0
    assert "big" not in capsys.readouterr().out.lower()
    assert len(Config(data).database_path.read_bytes()) >= len(before) // 2


def test_check_reports_and_repairs(data: Path, capsys: Capture) -> None:
    assert run(data, "check") == 0
    assert capsys.readouterr().out == "No problems found.\n"
    conn = sqlite3.connect(Config(data).database_path)
    conn.execute("UPDATE item_state SET reps = 3 WHERE item_id = (SELECT min(item_id) "
                 "FROM item_state)")
    conn.commit()
    conn.close()
    assert run(data, "check") == 1
    out = capsys.readouterr().out
    assert "The schedule of 1 card or question does not match its answers. Repairing will " \
           "rebuild it from the answer log." in out and "--repair" in out
    assert run(data, "check", "--repair", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and "before-repair" in report["backup"]
    assert report["repaired"] == ["rebuilt the schedule of 1 card or question from the "
                                  "answer log"]


def test_commands_that_change_the_profile_wait_for_the_window(
        data: Path, tmp_path: Path, capsys: Capture) -> None:
    deck = tmp_path / "mine.csv"
    deck.write_text("front,back\nQ,A\n", encoding="utf-8")
    window = ProfileLock(Config(data).profile_dir, WINDOW, system_clock).acquire()
    try:
        for command in (["import", str(deck), "--yes"], ["settings", "--retention", "0.85"],
                        ["check", "--repair"], ["backup", "restore", "--yes"]):
            assert run(data, *command) == 4, command
            err = capsys.readouterr().err
            assert "in use by the Sales Trainer window (process" in err, err
        # Reading is allowed meanwhile.
        assert run(data, "decks") == 0
        assert run(data, "import", str(deck), "--dry-run") == 0
    finally:
        window.release()
    capsys.readouterr()
    assert run(data, "import", str(deck), "--yes") == 0


@pytest.mark.parametrize("how", ["header", "truncated"])
def test_an_unreadable_backup_is_refused_before_any_preview(
        data: Path, capsys: Capture, how: str) -> None:
    assert run(data, "backup", "create") == 0
    backup = next((Config(data).profile_dir / "backups").glob("*.sqlite"))
    if how == "header":
        with backup.open("r+b") as handle:
            handle.write(b"\0" * 100)
    else:
        backup.write_bytes(backup.read_bytes()[:1500])
    capsys.readouterr()
    assert run(data, "backup", "restore", backup.name, "--yes") == 3
    captured = capsys.readouterr()
    # No "would be taken back" or "would be removed" for a file that cannot be read.
    assert captured.out == ""
    assert captured.err.startswith(f"trainer: {backup}: this backup cannot be restored: ")
    assert run(data, "decks") == 0  # the profile as it was


def test_restore_waits_for_another_programs_write_and_then_refuses(
        data: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.storage import backups

    monkeypatch.setattr(backups, "WRITER_WAIT_S", 0.1)  # not the 15 s a user is given
    assert run(data, "backup", "create") == 0
    database = Config(data).database_path
    other = sqlite3.connect(database)  # another program, mid-write
    other.execute("BEGIN EXCLUSIVE")
    other.execute("CREATE TABLE their_work (x)")
    capsys.readouterr()
    try:
        assert run(data, "backup", "restore", "--yes") == 4
        err = capsys.readouterr().err
        assert "another program is writing to it" in err and "Traceback" not in err
        # Its change still goes into the profile, not into a file put aside.
        other.commit()
    finally:
        other.close()
    connection = sqlite3.connect(database)
    try:
        assert connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'their_work'").fetchone() == (1,)
    finally:
        connection.close()
    assert run(data, "backup", "restore", "--yes") == 0  # once it is done
