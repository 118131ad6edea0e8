"""Check Database: Tools > Check Database in the window, ``trainer check [--repair]``.

SQLite's integrity check, then the profile's own invariants, then the pictures, then
what an interrupted import may have left behind. Findings are said in plain words, and
repairing (after a backup) fixes what can be fixed: scheduling states rebuilt from the
answer log, rows that point at nothing removed, leftover import folders deleted,
pictures still in the per-deck folders of the layout before the store moved in, the
statistics' hourly summary of answers summed again from the log.
Pictures no card shows, and stored picture files no deck names, are only noted:
backups hold no pictures, so a restored older profile may need them. A quick form (no
full integrity check, no pictures) runs whenever a profile is closed.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from trainer.i18n import Context, number
from trainer.library import media
from trainer.library.media import STAGING_PREFIX
from trainer.profile.backup_service import BackupService
from trainer.storage import integrity, media_repo, review_hours
from trainer.storage.database import is_damage
from trainer.storage.store import Store


class CheckServiceText(Context):
    """Texts of Check Database: its steps, what it finds and what repairing did."""


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
            return [CheckServiceText.tr("No problems found."), *self.notes]
        out = [f"{line[0].upper()}{line[1:]}." for line in self.repaired]
        out += [CheckServiceText.tr("{finding} Repairing will {repair}.").format(
                    finding=f.what, repair=f.repair) if f.repair else f.what
                for f in self.findings]
        if self.repaired and self.ok:
            out.append(CheckServiceText.tr("Nothing else is wrong now."))
        return out + self.notes

    def to_json(self) -> dict[str, object]:
        """The report for scripts (``trainer check --json``)."""
        return {"ok": self.ok,
                "findings": [{"what": f.what, "repair": f.repair} for f in self.findings],
                "notes": self.notes,
                "repaired": self.repaired,
                "backup": None if self.backup is None else str(self.backup)}


# What the caller does with each step; what it returns (the window says whether to go
# on) is not used here.
Progress = Callable[[int, int, str], object]


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
        progress(0, 4, CheckServiceText.tr("Checking the database file…"))
        problems = integrity.sqlite_problems(self.db, quick=quick)
        if problems:
            report.findings.append(Finding(
                CheckServiceText.tr("SQLite finds the file damaged: {problems}.").format(
                    problems="; ".join(problems[:3])),
                CheckServiceText.tr("rebuild the indexes; if that is not enough, restore a "
                                    "backup (File > Restore from backup)")))
            return report  # the invariants cannot be trusted on a damaged file
        progress(1, 4, CheckServiceText.tr("Checking each card's schedule against its answers…"))
        mismatches = integrity.state_mismatches(self.db)
        if mismatches:
            # One text each for one and many: "its"/"their" and "card or question"/"cards
            # and questions" differ by more than a plural ending.
            what = (CheckServiceText.tr(
                        "The schedule of 1 card or question does not match its answers.")
                    if len(mismatches) == 1 else CheckServiceText.tr(
                        "The schedule of %Ln cards and questions does not match their "
                        "answers.", "", len(mismatches)))
            report.findings.append(Finding(
                what, CheckServiceText.tr("rebuild it from the answer log")))
        progress(2, 4, CheckServiceText.tr(
            "Looking for answers and states that point at nothing…"))
        for kind, n in integrity.orphan_counts(self.db):
            report.findings.append(Finding(
                CheckServiceText.tr("{count} {what}.").format(count=number(n),
                                                               what=_orphan_words(kind)),
                CheckServiceText.tr("give them a new card's schedule") if "without" in kind
                else CheckServiceText.tr("remove them")))
        staging = self._staging_folders()
        if staging:
            size = sum(f.stat().st_size for d in staging for f in d.rglob("*") if f.is_file())
            report.findings.append(Finding(
                CheckServiceText.tr("%Ln folder(s) left by an interrupted import ({size}).",
                                    "", len(staging)).format(size=_size(size)),
                CheckServiceText.tr("delete them")))
        if not quick:  # summing the whole log is too slow for every close
            if integrity.search_index_damaged(self.db):
                report.findings.append(Finding(
                    CheckServiceText.tr("The search index of Browse is damaged, so searching "
                                        "fails or misses cards."),
                    CheckServiceText.tr("make it again from the cards")))
            hours = review_hours.mismatched_hours(self.db)
            if hours:
                report.findings.append(Finding(
                    CheckServiceText.tr("The statistics' summary of answers differs from the "
                                        "answer log in %Ln hour(s).", "", hours),
                    CheckServiceText.tr("sum it again from the answer log")))
            progress(3, 4, CheckServiceText.tr("Checking pictures…"))
            found = self._media()
            missing, unused = found.missing, found.unused
            if found.old_folders:
                report.findings.append(Finding(
                    CheckServiceText.tr("Pictures of %Ln deck(s) are still in folders of "
                                        "their own, as before pictures were kept once per "
                                        "profile ({names}).", "", len(found.old_folders)).format(
                        names=_some([f.name for f in found.old_folders])),
                    CheckServiceText.tr("move their pictures into the profile's picture "
                                        "store")))
            for deck_id, names in sorted(missing.items()):
                # Two texts: "is"/"are" differ by more than a plural ending.
                text = (CheckServiceText.tr(
                            "Deck '{deck}' shows 1 picture that is missing ({names}): import "
                            "the deck again to bring them back.") if len(names) == 1
                        else CheckServiceText.tr(
                            "Deck '{deck}' shows %Ln pictures that are missing ({names}): "
                            "import the deck again to bring them back.", "", len(names)))
                report.findings.append(Finding(
                    text.format(deck=deck_id, names=_some(names)), None))
            for deck_id, names in sorted(unused.items()):
                report.notes.append(CheckServiceText.tr(
                    "Deck '{deck}' has %Ln picture(s) that no card shows now ({names}); kept, "
                    "since a backup may still show them.", "", len(names)).format(
                        deck=deck_id, names=_some(names)))
            if found.unnamed:
                size = sum(f.stat().st_size for f in found.unnamed)
                report.notes.append(CheckServiceText.tr(
                    "%Ln picture file(s) that no deck shows now ({size}); kept, since a "
                    "backup may still show them.", "", len(found.unnamed)).format(
                        size=_size(size)))
        return report

    def repair(self, progress: Progress = _silent) -> CheckReport:
        """Back up, fix what can be fixed, then check again. Without a backup (the disk
        is full, say) nothing is changed, except that a file SQLite finds damaged, which
        cannot be copied, has its indexes rebuilt."""
        before = self.check(progress=progress)
        if not before.repairable:
            return before
        progress(3, 4, CheckServiceText.tr("Backing up, then repairing…"))
        done: list[str] = []
        try:
            backup: Path | None = self.backups.create("before-repair", self.db.conn).path
        except sqlite3.Error as exc:
            if not is_damage(exc):
                raise  # said to the user as it is; nothing was repaired
            backup = None
        if integrity.sqlite_problems(self.db, quick=False):
            self.db.execute("REINDEX")
            done.append(CheckServiceText.tr("rebuilt the indexes"))
        if backup is None or integrity.sqlite_problems(self.db, quick=False):
            report = self.check()
            report.repaired, report.backup = done, backup
            return report
        mismatches = integrity.state_mismatches(self.db)
        if mismatches:
            integrity.rebuild_states(self.db, mismatches)
            done.append(CheckServiceText.tr(
                "rebuilt the schedule of 1 card or question from the answer log")
                if len(mismatches) == 1 else CheckServiceText.tr(
                "rebuilt the schedule of %Ln cards and questions from the answer log", "",
                len(mismatches)))
        orphans = integrity.orphan_counts(self.db)
        if orphans:
            integrity.remove_orphans(self.db)
            for kind, n in orphans:
                done.append((CheckServiceText.tr("gave a new card's schedule to {count} {what}")
                             if "without" in kind
                             else CheckServiceText.tr("removed {count} {what}")).format(
                    count=number(n), what=_orphan_words(kind)))
        if integrity.search_index_damaged(self.db):
            integrity.rebuild_search_index(self.db)
            done.append(CheckServiceText.tr("made the search index of Browse again"))
        if review_hours.mismatched_hours(self.db):
            review_hours.rebuild(self.db)
            done.append(CheckServiceText.tr(
                "summed the statistics' summary of answers again from the answer log"))
        for folder in self._staging_folders():
            shutil.rmtree(folder, ignore_errors=True)
            done.append(CheckServiceText.tr("deleted the leftover import folder {name}").format(
                name=folder.name))
        if _holding_pictures(media.old_folders(self.media_root)):
            moved = media.adopt_old_folders(self.db, self.media_root)
            done.append(CheckServiceText.tr(
                "moved %Ln picture(s) from the old per-deck folders into the picture store",
                "", moved))
        report = self.check()
        report.repaired, report.backup = done, backup
        return report

    def _staging_folders(self) -> list[Path]:
        if not self.media_root.is_dir():
            return []
        # The name first: the folder holds thousands of pictures, and this runs at
        # every close.
        return sorted(p for p in self.media_root.iterdir()
                      if p.name.startswith(STAGING_PREFIX) and p.is_dir())

    def _media(self) -> _MediaFindings:
        """Pictures cards show that are not there, pictures named that no card shows,
        stored files no deck names, and folders of the layout before the store."""
        referenced = integrity.referenced_media(self.db)
        named = media_repo.all_pictures(self.db)
        stored = {f.name: f for f in (self.media_root.iterdir() if self.media_root.is_dir()
                                      else ()) if media_repo.is_stored_name(f.name)
                  and f.is_file()}
        found = _MediaFindings(old_folders=_holding_pictures(media.old_folders(
            self.media_root)))
        for deck_id, names in referenced.items():
            have = {n for n, p in named.get(deck_id, {}).items() if p.file_name in stored}
            old = self.media_root / deck_id
            if old in found.old_folders:
                have |= {f.name for f in old.iterdir() if f.is_file()}
            # A card may name a picture URL-encoded ("my%20chart.png") or not: either
            # form of a name it has is the picture.
            have |= {unquote(n) for n in have}
            gone = sorted(n for n in names if n and n not in have and unquote(n) not in have)
            if gone:
                found.missing[deck_id] = gone
        for deck_id, pictures in named.items():
            shown = referenced.get(deck_id, set())
            extra = sorted(n for n in pictures if n not in shown)
            if extra:
                found.unused[deck_id] = extra
        in_use = {p.file_name for pictures in named.values() for p in pictures.values()}
        found.unnamed = sorted(f for name, f in stored.items() if name not in in_use)
        return found


@dataclass
class _MediaFindings:
    """What looking at the pictures found."""

    missing: dict[str, list[str]] = field(default_factory=dict)  # deck -> names shown
    unused: dict[str, list[str]] = field(default_factory=dict)  # deck -> names not shown
    unnamed: list[Path] = field(default_factory=list)  # stored files no deck names
    old_folders: list[Path] = field(default_factory=list)  # per-deck folders with files


def _holding_pictures(folders: list[Path]) -> list[Path]:
    """The folders that hold at least one file."""
    return [f for f in folders if any(p.is_file() for p in f.iterdir())]


def _orphan_words(kind: str) -> str:
    """What integrity calls a kind of row that points at nothing (it marks its words
    for this context), in the rep's language."""
    return CheckServiceText.tr(kind)


def _size(size: int) -> str:
    if size < 1_000_000:
        return CheckServiceText.tr("{size} KB").format(size=max(1, round(size / 1000)))
    return CheckServiceText.tr("{size} MB").format(size=number(size / 1e6, 1))


def _some(names: list[str]) -> str:
    shown = ", ".join(names[:3])
    if len(names) <= 3:
        return shown
    return CheckServiceText.tr("{names} and %n more", "", len(names) - 3).format(names=shown)
