"""Check Database: Tools > Check Database in the window, ``trainer check [--repair]``.

SQLite's integrity check, then the profile's own invariants, then the pictures, then
what an interrupted import may have left behind. Findings are said in plain words, and
repairing (after a backup) fixes what can be fixed: scheduling states rebuilt from the
answer log, rows that point at nothing removed, leftover import folders deleted.
Pictures no card shows are only noted: backups hold no pictures, so a restored older
profile may need them. A quick form (no full integrity check, no pictures) runs
whenever a profile is closed.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from trainer.library.media import STAGING_PREFIX
from trainer.profile.backup_service import BackupService
from trainer.storage import integrity
from trainer.storage.database import is_damage
from trainer.storage.store import Store
from trainer.study.wording import count


@dataclass(frozen=True)
class Finding:
    """One thing found wrong, and what repairing does about it (None: it cannot be
    repaired here, and ``what`` says what the user can do instead)."""

    what: str
    repair: str | None


@dataclass
class CheckReport:
    """What a check found and, after a repair, what was done and where the backup is."""

    findings: list[Finding] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    backup: Path | None = None
    notes: list[str] = field(default_factory=list)  # worth knowing, nothing wrong

    @property
    def ok(self) -> bool:
        """Nothing wrong was found."""
        return not self.findings

    @property
    def repairable(self) -> bool:
        """Whether repairing would fix at least one finding."""
        return any(f.repair for f in self.findings)

    def lines(self) -> list[str]:
        """The report in plain words, one sentence a finding (what was repaired first)."""
        if self.ok and not self.repaired:
            return ["No problems found.", *self.notes]
        out = [f"{line[0].upper()}{line[1:]}." for line in self.repaired]
        out += [f.what + (f" Repairing will {f.repair}." if f.repair else "")
                for f in self.findings]
        if self.repaired and self.ok:
            out.append("Nothing else is wrong now.")
        return out + self.notes

    def to_json(self) -> dict[str, object]:
        """The report for scripts (``trainer check --json``)."""
        return {"ok": self.ok,
                "findings": [{"what": f.what, "repair": f.repair} for f in self.findings],
                "notes": self.notes,
                "repaired": self.repaired,
                "backup": None if self.backup is None else str(self.backup)}


Progress = Callable[[int, int, str], None]


def _silent(done: int, total: int, text: str) -> None:
    return None


class CheckService:
    """Checks and repairs one open profile."""

    def __init__(self, db: Store, media_root: Path, backups: BackupService) -> None:
        self.db = db
        self.media_root = media_root
        self.backups = backups

    def check(self, *, quick: bool = False, progress: Progress = _silent) -> CheckReport:
        """Look at everything (``quick``: skip the full integrity check and pictures);
        ``progress(done, total, what)`` is told each step."""
        report = CheckReport()
        progress(0, 4, "Checking the database file…")
        problems = integrity.sqlite_problems(self.db, quick=quick)
        if problems:
            report.findings.append(Finding(
                "SQLite finds the file damaged: " + "; ".join(problems[:3]) + ".",
                "rebuild the indexes; if that is not enough, restore a backup "
                "(File > Restore from backup)"))
            return report  # the invariants cannot be trusted on a damaged file
        progress(1, 4, "Checking each card's schedule against its answers…")
        mismatches = integrity.state_mismatches(self.db)
        if mismatches:
            items = _items(len(mismatches))
            report.findings.append(Finding(
                f"The schedule of {items} does not match "
                f"{'its' if len(mismatches) == 1 else 'their'} answers.",
                "rebuild it from the answer log"))
        progress(2, 4, "Looking for answers and states that point at nothing…")
        for what, n in integrity.orphan_counts(self.db):
            report.findings.append(Finding(
                f"{n:,} {what}.", "give them a new card's schedule" if "without" in what
                else "remove them"))
        staging = self._staging_folders()
        if staging:
            size = sum(f.stat().st_size for d in staging for f in d.rglob("*") if f.is_file())
            report.findings.append(Finding(
                f"{count(len(staging), 'folder')} left by an interrupted import "
                f"({_size(size)}).", "delete them"))
        if not quick:
            progress(3, 4, "Checking pictures…")
            missing, unused = self._media()
            for deck_id, names in sorted(missing.items()):
                report.findings.append(Finding(
                    f"Deck '{deck_id}' shows {count(len(names), 'picture')} that "
                    f"{'is' if len(names) == 1 else 'are'} missing ({_some(names)}): "
                    "import the deck again to bring them back.", None))
            for deck_id, files in sorted(unused.items()):
                report.notes.append(
                    f"Deck '{deck_id}' has {count(len(files), 'picture')} that no card "
                    f"shows now ({_some([f.name for f in files])}); kept, since a "
                    "backup may still show them.")
        return report

    def repair(self, progress: Progress = _silent) -> CheckReport:
        """Back up, fix what can be fixed, then check again. Without a backup (the disk
        is full, say) nothing is changed, except that a file SQLite finds damaged, which
        cannot be copied, has its indexes rebuilt."""
        before = self.check(progress=progress)
        if not before.repairable:
            return before
        progress(3, 4, "Backing up, then repairing…")
        done: list[str] = []
        try:
            backup: Path | None = self.backups.create("before-repair", self.db.conn).path
        except sqlite3.Error as exc:
            if not is_damage(exc):
                raise  # said to the user as it is; nothing was repaired
            backup = None
        if integrity.sqlite_problems(self.db, quick=False):
            self.db.execute("REINDEX")
            done.append("rebuilt the indexes")
        if backup is None or integrity.sqlite_problems(self.db, quick=False):
            report = self.check()
            report.repaired, report.backup = done, backup
            return report
        mismatches = integrity.state_mismatches(self.db)
        if mismatches:
            integrity.rebuild_states(self.db, mismatches)
            done.append(f"rebuilt the schedule of {_items(len(mismatches))} from the answer log")
        orphans = integrity.orphan_counts(self.db)
        if orphans:
            integrity.remove_orphans(self.db)
            for what, n in orphans:
                verb = "gave a new card's schedule to" if "without" in what else "removed"
                done.append(f"{verb} {n:,} {what}")
        for folder in self._staging_folders():
            shutil.rmtree(folder, ignore_errors=True)
            done.append(f"deleted the leftover import folder {folder.name}")
        report = self.check()
        report.repaired, report.backup = done, backup
        return report

    def _staging_folders(self) -> list[Path]:
        if not self.media_root.is_dir():
            return []
        return sorted(p for p in self.media_root.iterdir()
                      if p.is_dir() and p.name.startswith(STAGING_PREFIX))

    def _media(self) -> tuple[dict[str, list[str]], dict[str, list[Path]]]:
        referenced = integrity.referenced_media(self.db)
        missing: dict[str, list[str]] = {}
        unused: dict[str, list[Path]] = {}
        for deck_id, names in referenced.items():
            folder = self.media_root / deck_id
            gone = sorted(n for n in names if n and not (folder / n).is_file())
            if gone:
                missing[deck_id] = gone
        if self.media_root.is_dir():
            for folder in sorted(self.media_root.iterdir()):
                if not folder.is_dir() or folder.name.startswith("."):
                    continue
                shown = referenced.get(folder.name, set())
                extra = sorted(f for f in folder.iterdir() if f.is_file()
                               and f.name not in shown)
                if extra:
                    unused[folder.name] = extra
        return missing, unused


def _items(n: int) -> str:
    return count(n, "card or question", "cards and questions")


def _size(size: int) -> str:
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1e6:.1f} MB"


def _some(names: list[str]) -> str:
    shown = ", ".join(names[:3])
    return shown + (f" and {len(names) - 3} more" if len(names) > 3 else "")
