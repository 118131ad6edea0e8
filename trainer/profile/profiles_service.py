"""Profiles, as the window manages them: list, create, rename and delete. Each profile
is a folder of its own under the data folder; deleting one moves the whole folder
(database, backups, pictures) to ``deleted-profiles/`` instead of erasing it."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from trainer.clock import Clock
from trainer.config import Config
from trainer.domain.errors import TrainerError
from trainer.i18n import Context
from trainer.profile.lock import WINDOW as _WINDOW
from trainer.profile.lock import ProfileInUseError, ProfileLock


class ProfilesServiceText(Context):
    """Texts of managing profiles: why a name or a change is refused."""


PROFILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")
DELETED = "deleted-profiles"


@dataclass(frozen=True)
class ProfileEntry:
    """A profile in the list."""

    name: str
    has_data: bool  # its database exists (a new profile gets one when first opened)
    modified: datetime | None


class ProfilesService:
    """The profiles of one data folder; ``current`` is the one this window has open."""

    def __init__(self, config: Config, clock: Clock) -> None:
        self.config = config
        self.clock = clock

    @property
    def root(self) -> Path:
        """The folder holding every profile."""
        return self.config.data_dir / "profiles"

    def profiles(self) -> list[ProfileEntry]:
        """Every profile, by name."""
        out = []
        if self.root.is_dir():
            for folder in sorted(self.root.iterdir(), key=lambda p: p.name.casefold()):
                if folder.is_dir() and PROFILE_NAME.match(folder.name):
                    db = folder / "trainer.sqlite"
                    out.append(ProfileEntry(folder.name, db.is_file(), datetime.fromtimestamp(
                        db.stat().st_mtime).astimezone() if db.is_file() else None))
        if not any(p.name == self.config.profile for p in out):
            out.append(ProfileEntry(self.config.profile, False, None))
        return sorted(out, key=lambda p: p.name.casefold())

    def _check_name(self, name: str) -> str:
        name = name.strip()
        if not PROFILE_NAME.match(name):
            raise TrainerError(ProfilesServiceText.tr(
                "'{name}' cannot be a profile name: use letters, digits, spaces, '.', '-' "
                "and '_' (up to 64), starting with a letter or digit").format(name=name))
        if (self.root / name).exists() or any(
                p.name.casefold() == name.casefold() for p in self.profiles()):
            raise TrainerError(ProfilesServiceText.tr(
                "There is already a profile called '{name}'").format(name=name))
        return name

    def create(self, name: str) -> str:
        """A new, empty profile (its database is made when it is first opened)."""
        name = self._check_name(name)
        try:
            (self.root / name).mkdir(parents=True)
        except OSError as exc:
            raise TrainerError(ProfilesServiceText.tr(
                "Cannot make the profile folder {folder}: {error}").format(
                    folder=self.root / name, error=exc.strerror or exc)) from exc
        return name

    def _not_in_use(self, name: str) -> ProfileLock:
        if name == self.config.profile:
            raise TrainerError(ProfilesServiceText.tr(
                "'{name}' is the profile open in this window: open another one first").format(
                    name=name))
        try:
            return ProfileLock(self.root / name, _WINDOW, self.clock).take()
        except ProfileInUseError as exc:
            raise TrainerError(ProfilesServiceText.tr("'{name}' is in use: {reason}").format(
                name=name, reason=exc)) from exc

    def rename(self, old: str, new: str) -> str:
        """Give a profile another name (not the open one; it keeps everything)."""
        new = self._check_name(new)
        lock = self._not_in_use(old)
        try:
            lock.release()
            (self.root / old).rename(self.root / new)
        except OSError as exc:
            raise TrainerError(ProfilesServiceText.tr("Cannot rename '{name}': {error}").format(
                name=old, error=exc.strerror or exc)) from exc
        return new

    def delete(self, name: str) -> Path:
        """Move a profile (not the open one) out of the list into ``deleted-profiles``,
        whole: it can be put back by moving the folder back. Returns where it went."""
        lock = self._not_in_use(name)
        stamp = self.clock().astimezone().strftime("%Y%m%d-%H%M%S")
        target = self.config.data_dir / DELETED / f"{name}-{stamp}"
        try:
            lock.release()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(self.root / name), str(target))
        except OSError as exc:
            raise TrainerError(ProfilesServiceText.tr("Cannot delete '{name}': {error}").format(
                name=name, error=exc.strerror or exc)) from exc
        return target
