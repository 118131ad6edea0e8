"""Backups: made with SQLite's backup API, listed with what they hold, thinned by
Anki's rule, restored (and the restore itself undone)."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.backup_policy import backups_to_keep
from trainer.domain.errors import TrainerError
from trainer.domain.scheduling import Rating
from trainer.domain.settings import StudySettings


def answers(services: Services) -> int:
    return int(services.db.execute("SELECT count(*) FROM reviews").fetchone()[0])


def study(services: Services, n: int) -> None:
    session = services.study.start("cards")
    for _ in range(n):
        assert session.current is not None
        session.answer(Rating.GOOD)


@pytest.fixture
def profile(tmp_path: Path, clock: FakeClock, settings: StudySettings,
            card_decks: Path) -> Config:
    config = Config(tmp_path / "data")
    open_services(config, clock, settings, card_decks).close()
    return config


def reopen(config: Config, clock: FakeClock, settings: StudySettings,
           card_decks: Path) -> Services:
    return open_services(config, clock, settings, card_decks)


def test_a_backup_is_a_complete_file_even_while_another_connection_writes(
        profile: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    services = reopen(profile, clock, settings, card_decks)
    study(services, 3)
    # Another connection is half way through a transaction that is never committed.
    other = sqlite3.connect(profile.database_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("DELETE FROM reviews")
    info = services.backups.create("manual")
    other.execute("ROLLBACK")
    other.close()
    assert info.answers == 3 and info.reason == "manual"
    assert [d.id for d in info.decks] == ["cards"]
    assert info.path.parent == profile.profile_dir / "backups"
    assert not Path(f"{info.path}-wal").exists()
    copy = sqlite3.connect(info.path)
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()
    services.close()


def test_list_is_newest_first_with_what_each_holds(
        profile: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    services = reopen(profile, clock, settings, card_decks)
    services.backup("manual")
    clock.advance(timedelta(minutes=5))
    study(services, 2)
    services.backup("close")
    listed = services.backups.list()
    assert [(b.reason, b.answers) for b in listed] == [("close", 2), ("manual", 0)]
    assert listed[0].created == clock() and listed[0].last_answer == clock()
    assert listed[1].created == clock() - timedelta(minutes=5)
    services.close()


def test_changes_since_the_last_backup_are_noticed(
        profile: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    services = reopen(profile, clock, settings, card_decks)
    assert not services.changed_since_backup
    study(services, 1)
    assert services.changed_since_backup
    services.backup("periodic")
    assert not services.changed_since_backup
    services.close()


def test_anki_retention_keeps_recent_daily_weekly_monthly() -> None:
    today = date(2026, 12, 2)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    hourly = [start + timedelta(hours=h) for h in range(0, 24 * 700, 3)]
    hourly = [t for t in hourly if t.date() <= today]
    keep = backups_to_keep(hourly, today)
    recent = [t for t in hourly if t.date() >= today - timedelta(days=1)]
    assert set(recent) <= keep
    older = sorted((t for t in keep if t not in recent), reverse=True)
    assert len(older) == 12 + 10 + 9
    days = [t.date() for t in older]
    assert len(set(days)) == len(days)  # never two from one day
    # The 12 daily ones are the newest of each of the 12 days before yesterday.
    assert days[:12] == [today - timedelta(days=2 + i) for i in range(12)]
    assert all(t.hour == 21 for t in older[:12])  # the newest backup of its day
    weeks = [d.isocalendar()[:2] for d in days[12:22]]
    assert len(set(weeks)) == 10
    months = [(d.year, d.month) for d in days[22:]]
    assert len(set(months)) == 9
    assert backups_to_keep([], today) == set()


def test_pruning_deletes_what_the_rule_does_not_keep(
        profile: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    services = reopen(profile, clock, settings, card_decks)
    for _ in range(40):
        services.backup("periodic")
        clock.advance(timedelta(days=1))
    kept = services.backups.list()
    # Today's and yesterday's, then 12 daily, then one per week.
    assert len(kept) < 40
    assert kept[0].created == clock() - timedelta(days=1)
    days = sorted({b.created.date() for b in kept}, reverse=True)
    assert days[:14] == [(clock() - timedelta(days=1 + i)).date() for i in range(14)]
    services.close()


def test_restore_puts_the_backup_back_and_can_itself_be_undone(
        profile: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    services = reopen(profile, clock, settings, card_decks)
    study(services, 2)
    early = services.backups.create("manual")
    clock.advance(timedelta(minutes=1))
    # The next answers stay in the -wal, as they would when the app is killed.
    services.db.execute("PRAGMA wal_autocheckpoint=0")
    study(services, 3)
    wal = Path(f"{profile.database_path}-wal").read_bytes()
    preview = services.backups.preview(early)
    assert preview.answers_now == 5
    assert "3 answers given since this backup would be taken back" in " ".join(preview.lines)
    backups = services.backups
    services.close()
    # That -wal, left beside the profile, must not be replayed into the restored file.
    Path(f"{profile.database_path}-wal").write_bytes(wal)
    clock.advance(timedelta(minutes=1))
    kept = backups.restore(early)
    assert "before-restore" in kept.name
    services = reopen(profile, clock, settings, card_decks)
    assert answers(services) == 2
    assert services.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    services.close()
    # Undo the restore: the state before it comes back.
    clock.advance(timedelta(minutes=1))
    backups.restore(backups.find(kept.name))
    services = reopen(profile, clock, settings, card_decks)
    assert answers(services) == 5
    services.close()


def test_a_damaged_backup_is_never_restored_and_never_the_newest_good(
        profile: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    services = reopen(profile, clock, settings, card_decks)
    good = services.backup("manual")
    clock.advance(timedelta(minutes=1))
    bad = services.backup("manual")
    data = bytearray(bad.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    bad.write_bytes(bytes(data))
    backups = services.backups
    assert backups.newest_good() is not None
    assert backups.newest_good().path == good  # type: ignore[union-attr]
    services.close()
    with pytest.raises(TrainerError, match="cannot be restored") as err:
        backups.restore(backups.find(bad.name))
    assert bad.name in str(err.value)
    with pytest.raises(TrainerError, match="no backup called 'nope'"):
        backups.find("nope")


def test_backups_before_an_event_and_by_hand_outlive_the_daily_thinning(
        profile: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    services = reopen(profile, clock, settings, card_decks)
    services.backup("before-restore")
    services.backup("manual")
    clock.advance(timedelta(hours=1))
    services.backup("close")  # the newest of that day: the one daily thinning keeps
    for _ in range(20):
        clock.advance(timedelta(days=1))
        services.backup("close")
    reasons = [b.reason for b in services.backups.list()]
    assert "before-restore" in reasons and "manual" in reasons
    # Event backups go after 30 days, but the newest three of each kind stay.
    for _ in range(4):
        services.backup("before-import")
        clock.advance(timedelta(days=1))
    clock.advance(timedelta(days=40))
    services.backup("close")
    reasons = [b.reason for b in services.backups.list()]
    assert reasons.count("before-import") == 3
    assert reasons.count("before-restore") == 1 and reasons.count("manual") == 1
    services.close()


def test_a_backup_being_written_elsewhere_is_not_taken_for_a_crash_leftover(
        profile: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    from trainer.clock import system_clock
    from trainer.profile.backup_service import BackupService

    folder = profile.profile_dir / "backups"
    folder.mkdir()
    in_progress = folder / "trainer-20261202-100000-000000-periodic.sqlite.part"
    in_progress.write_bytes(b"half written just now")
    left = folder / "trainer-20200101-100000-000000-periodic.sqlite.part"
    left.write_bytes(b"left by a crash long ago")
    os.utime(left, (0, 0))
    BackupService(profile.database_path, system_clock).create("manual")
    assert in_progress.exists() and not left.exists()


def test_restoring_removes_whatever_journal_files_lay_beside_the_profile(
        profile: Config, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    from trainer.storage.backups import restore_file

    services = reopen(profile, clock, settings, card_decks)
    backup = services.backups.create("manual")
    services.close()
    leftovers = [Path(f"{profile.database_path}{s}") for s in ("-wal", "-shm", "-journal")]
    for leftover in leftovers:
        leftover.write_bytes(b"left by a crash")
    restore_file(backup.path, profile.database_path)
    assert not any(leftover.exists() for leftover in leftovers)
    assert sqlite3.connect(profile.database_path).execute(
        "PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_backup_whose_deck_list_holds_bytes_is_unusable_not_a_crash(
        profile: Config, clock: FakeClock, settings: StudySettings, card_decks: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    import json
    import sqlite3

    from trainer.cli import main

    services = reopen(profile, clock, settings, card_decks)
    garbled = services.backup("manual")
    services.close()
    # What a damaged page can hand back: a blob where a deck's title belongs.
    conn = sqlite3.connect(garbled)
    conn.execute("UPDATE decks SET title = X'DA22DF9D'")
    conn.commit()
    conn.close()
    (info,) = [b for b in services.backups.list() if b.path == garbled]
    assert not info.readable and info.problem == "cannot be read (its list of decks is damaged)"
    assert main(["--data-dir", str(profile.data_dir), "backup", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["backups"]
    assert [b["problem"] for b in listed] == ["cannot be read (its list of decks is damaged)"]


class _StopsHalfway:
    """A profile connection whose backup copy stops after writing its first pages, as
    a full disk or Ctrl-C stops it."""

    def __init__(self, real: sqlite3.Connection, error: BaseException) -> None:
        self.real, self.error = real, error

    def backup(self, target: sqlite3.Connection) -> None:
        self.real.backup(target, pages=1)
        raise self.error


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_backup_that_stops_halfway_leaves_no_file_behind(
        profile: Config, clock: FakeClock, settings: StudySettings, card_decks: Path,
        error: BaseException) -> None:
    from trainer.storage.backups import write_backup

    reopen(profile, clock, settings, card_decks).close()
    target = profile.profile_dir / "backups" / "trainer-20261202-100000-000000-manual.sqlite"
    real = sqlite3.connect(profile.database_path)
    try:
        with pytest.raises(type(error)):
            write_backup(_StopsHalfway(real, error), target)  # type: ignore[arg-type]
    finally:
        real.close()
    # The half-written copy would otherwise take the disk's last free space.
    assert list(target.parent.iterdir()) == []


def test_a_restore_that_cannot_be_put_in_place_leaves_no_copy_behind(
        profile: Config, clock: FakeClock, settings: StudySettings, card_decks: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.storage import backups

    services = reopen(profile, clock, settings, card_decks)
    backup = services.backups.create("manual")
    services.close()
    before = profile.database_path.read_bytes()

    real_replace = os.replace

    def refused(source: Path, target: Path) -> None:
        if Path(target) == profile.database_path:  # an immutable profile file, say
            raise PermissionError(1, "Operation not permitted")
        real_replace(source, target)

    monkeypatch.setattr(backups.os, "replace", refused)
    with pytest.raises(PermissionError):
        backups.restore_file(backup.path, profile.database_path)
    assert sorted(p.name for p in profile.profile_dir.iterdir()) == ["backups", "trainer.sqlite"]
    assert profile.database_path.read_bytes() == before
