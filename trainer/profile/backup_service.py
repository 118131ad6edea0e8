"""Backing up and restoring a profile, for the window and ``trainer backup``.

Backups are made with SQLite's backup API, automatically (when the window closes after
a change, every 30 minutes of use, before an import, a deck update, a restore or a
repair) and on request, then thinned by Anki's rule (``domain/backup_policy.py``).
Restoring first backs up what is there now, so a restore can itself be undone.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from trainer.clock import Clock
from trainer.domain.errors import TrainerError
from trainer.i18n import Context
from trainer.storage.backups import (
    BackupInfo,
    backup_folder,
    create_backup,
    describe_backup,
    free_backup_path,
    list_backups,
    prune_backups,
    read_contents,
    refuse_if_written,
    restore_file,
    verify_backup,
)
from trainer.storage.database import is_damage, quick_check
from trainer.study.wording import local_minute

__all__ = ["BackupInfo", "BackupService", "RestorePreview"]


class BackupServiceText(Context):
    """Texts of backing up and restoring: a restore's preview and why a backup cannot be
    used."""


@dataclass(frozen=True)
class RestorePreview:
    """What restoring a backup would change, in words a rep understands."""

    backup: BackupInfo
    answers_now: int | None
    lines: list[str] = field(default_factory=list)


class BackupService:
    """Backups of one profile's database file."""

    def __init__(self, database: Path, clock: Clock, tz: tzinfo | None = None) -> None:
        self.database = database
        self.clock = clock
        self.tz = tz

    @property
    def folder(self) -> Path:
        """Where the backups are kept (shown to the user)."""
        return backup_folder(self.database)

    def create(self, reason: str, source: sqlite3.Connection | None = None) -> BackupInfo:
        """Back up the profile now, then thin the older backups. ``source`` is an open
        connection to the profile; without one (a worker thread), one is opened here."""
        own = source is None
        conn = sqlite3.connect(self.database) if source is None else source
        try:
            path = create_backup(conn, self.database, self.clock(), reason)
        finally:
            if own:
                conn.close()
        prune_backups(self.database, self.clock(), self.tz, protect=path)
        info = describe_backup(path)
        assert info is not None
        return info

    def list(self) -> list[BackupInfo]:
        """Every backup, newest first."""
        return list_backups(self.database)

    def newest_good(self) -> BackupInfo | None:
        """The newest backup that passes SQLite's integrity check."""
        for backup in self.list():
            if backup.readable and verify_backup(backup.path) is None:
                return backup
        return None

    def find(self, name: str) -> BackupInfo:
        """The backup called ``name`` (its file name, as ``list`` shows it)."""
        for backup in self.list():
            if backup.name == name or backup.path.stem == name:
                return backup
        raise TrainerError(BackupServiceText.tr(
            "no backup called '{name}' in {folder}; 'trainer backup list' shows them").format(
                name=name, folder=self.folder))

    def check_restorable(self, backup: BackupInfo) -> None:
        """Raise TrainerError, saying why, if ``backup`` cannot be restored (SQLite finds
        it damaged, or a newer version made it): asked before a preview is shown, which
        would otherwise describe an unreadable file as an empty profile."""
        problem = verify_backup(backup.path)
        if problem is not None:
            raise TrainerError(BackupServiceText.tr(
                "{path}: this backup cannot be restored: {problem}").format(
                    path=backup.path, problem=problem))

    def preview(self, backup: BackupInfo) -> RestorePreview:
        """What restoring ``backup`` would change compared with the profile now."""
        lines: list[str] = []
        try:
            conn = sqlite3.connect(f"{self.database.resolve().as_uri()}?mode=ro", uri=True)
            try:
                answers_now, last_now, decks_now = read_contents(conn)
            finally:
                conn.close()
        except (sqlite3.Error, ValueError):
            return RestorePreview(backup, None, [BackupServiceText.tr(
                "The profile now cannot be read, so this backup replaces it entirely; the "
                "damaged file is kept in the backups folder.")])
        difference = answers_now - backup.answers
        if difference > 0 and last_now:
            lines.append(BackupServiceText.tr(
                "%Ln answer(s) given since this backup would be taken back (the last on "
                "{when}).", "", difference).format(when=local_minute(last_now, self.tz)))
        elif difference > 0:
            lines.append(BackupServiceText.tr(
                "%Ln answer(s) given since this backup would be taken back.", "", difference))
        elif difference < 0:
            lines.append(BackupServiceText.tr(
                "%Ln answer(s) missing now would come back.", "", -difference))
        else:
            lines.append(BackupServiceText.tr("The number of answers stays the same."))
        now_by_id = {d.id: d for d in decks_now}
        then_by_id = {d.id: d for d in backup.decks}
        for deck in decks_now:
            if deck.id not in then_by_id:
                lines.append(BackupServiceText.tr(
                    "Deck '{deck}' was added since and would be removed.").format(
                        deck=deck.title))
            elif then_by_id[deck.id].version != deck.version:
                lines.append(BackupServiceText.tr(
                    "Deck '{deck}' would go back from version {now} to {then}.").format(
                        deck=deck.title, now=deck.version, then=then_by_id[deck.id].version))
        for deck in backup.decks:
            if deck.id not in now_by_id:
                lines.append(BackupServiceText.tr("Deck '{deck}' would come back.").format(
                    deck=deck.title))
        lines.append(BackupServiceText.tr(
            "What is there now is backed up first, so this can be undone."))
        return RestorePreview(backup, answers_now, lines)

    def restore(self, backup: BackupInfo) -> Path:
        """Replace the profile with ``backup``; returns where the profile as it was
        has been kept. Every connection to the profile must be closed first."""
        self.check_restorable(backup)
        refuse_if_written(self.database)
        kept = self._keep_current()
        restore_file(backup.path, self.database)
        prune_backups(self.database, self.clock(), self.tz, protect=kept)
        return kept

    def _keep_current(self) -> Path:
        """Back up the profile as it is, before a restore replaces it. A damaged file
        is copied as it is instead (the original stays in place until the restore
        succeeds); any other failure (a full disk) stops the restore with nothing
        changed."""
        if not self.database.exists():
            return self.database
        try:
            conn = sqlite3.connect(self.database)
            try:
                damaged = bool(quick_check(conn)) or self.database.stat().st_size == 0
                if not damaged:
                    return create_backup(conn, self.database, self.clock(), "before-restore")
            finally:
                conn.close()
        except sqlite3.Error as exc:
            if not is_damage(exc):
                raise
        return self._copy_aside()

    def _copy_aside(self) -> Path:
        """Copy the damaged profile (with its -wal) into the backups folder, named for
        what it is so it is never taken for a good backup."""
        target = free_backup_path(self.database, self.clock(), "damaged")
        self.folder.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal"):
            source = Path(f"{self.database}{suffix}")
            if source.exists():
                shutil.copyfile(source, Path(f"{target}{suffix}"))
        return target

    def set_aside(self) -> Path:
        """Move a damaged profile file (with its -wal) into the backups folder, named
        for what it is so it is never taken for a good backup; the profile's place is
        then free for a new profile. Nothing is deleted."""
        target = free_backup_path(self.database, self.clock(), "damaged")
        self.folder.mkdir(parents=True, exist_ok=True)
        os.replace(self.database, target)
        for suffix in ("-wal", "-shm"):
            extra = Path(f"{self.database}{suffix}")
            if extra.exists():
                os.replace(extra, Path(f"{target}{suffix}"))
        return target
