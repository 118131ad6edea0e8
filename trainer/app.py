"""Composition root: the only place that wires configuration, storage and services."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.clock import Clock, system_clock
from trainer.config import Config
from trainer.domain.errors import Problem, ProfileDamagedError
from trainer.domain.settings import StudySettings
from trainer.library.builtin_decks import load_builtin_decks
from trainer.storage.database import mark_clean, open_database, quick_check, schema_behind
from trainer.storage.media_repo import work_waiting
from trainer.storage.store import Store
from trainer.storage.tidier import Tidier
from trainer.study.service import StudyService
from trainer.study.stored_settings import usable_settings
from trainer.study.wording import local_minute

if TYPE_CHECKING:
    from datetime import tzinfo

    from trainer.library.importing import ImportService
    from trainer.profile.backup_service import BackupService
    from trainer.profile.check_service import CheckReport, CheckService
    from trainer.study.assessment_service import AssessmentService
    from trainer.study.browse_service import BrowseService
    from trainer.study.daily import DailyStudy
    from trainer.study.path_service import PathService
    from trainer.study.practice_service import PracticeService
    from trainer.study.quiz_service import QuizService
    from trainer.study.settings_service import SettingsService


class Services:
    """Everything the GUI or the CLI needs, built once. The services beyond studying
    cards are built the first time they are used: their modules (quizzes and their
    scoring, self-assessments, learning paths) cost start-up time that the first card
    does not need. One profile's services are the same only if the same object."""

    # A plain class rather than a dataclass: see domain/settings.py.
    def __init__(self, config: Config, clock: Clock, db: Store, study: StudyService,
                 deck_problems: list[Problem] | None = None, changes_backed_up: int = 0,
                 reopen: Callable[[], Services] | None = None,
                 backup_timezone: tzinfo | None = None, media_left: bool = False) -> None:
        self.config = config
        self.clock = clock
        self.db = db
        self.study = study
        self.deck_problems: list[Problem] = deck_problems or []
        # The connection's change count when the profile was last backed up (or opened).
        self._changes_backed_up = changes_backed_up
        # Opens this profile again the same way (after a restore).
        self.reopen = reopen
        # The time zone backups are thinned by (None: the system's).
        self.backup_timezone = backup_timezone
        # The media folder's upkeep at opening, left for later (see open_services).
        self._media_left = media_left
        self._media_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Services({self.config.profile_dir})"

    @cached_property
    def backups(self) -> BackupService:
        """Backing up and restoring this profile (built on first use: its module and the
        backups' records are not needed for the first card)."""
        return _backups(self.config, self.clock, self.backup_timezone)

    @cached_property
    def quizzes(self) -> QuizService:
        """Quizzes: attempts, results, and the questions due in daily study."""
        from trainer.study.quiz_service import QuizService

        return QuizService(self.db, self.clock, self.study)

    @cached_property
    def assessments(self) -> AssessmentService:
        """Self-assessments."""
        from trainer.study.assessment_service import AssessmentService

        return AssessmentService(self.db, self.clock)

    @cached_property
    def paths(self) -> PathService:
        """Learning paths and the rep's progress along them."""
        from trainer.study.path_service import PathService

        return PathService(self.db, self.clock, self.study)

    @cached_property
    def settings(self) -> SettingsService:
        """Preferences the window changes (built on first use)."""
        from trainer.study.settings_service import SettingsService

        return SettingsService(self.db, self.study)

    @cached_property
    def browse(self) -> BrowseService:
        """The browser (built on first use)."""
        from trainer.study.browse_service import BrowseService

        return BrowseService(self.db, self.clock, self.study)

    @cached_property
    def practice(self) -> PracticeService:
        """Practice items in daily study (built on first use)."""
        from trainer.study.practice_service import PracticeService

        return PracticeService(self.db, self.clock, self.study)

    def daily(self, deck_id: str, *, record: bool = True) -> DailyStudy:
        """Daily study in a deck, begun now: due cards and questions, then practice
        (``record``: see StudyService.start)."""
        from trainer.study.daily import DailyStudy

        return DailyStudy(self.study, lambda: self.quizzes, lambda: self.practice, deck_id,
                          record=record)

    def finish_media(self, db: Store | None = None) -> None:
        """The media folder's upkeep that open_services left (library/media.py's
        ``finish_pending``: stray staging folders and old per-deck folders), if it left
        any; done once, and before any import or check. ``db``: this profile on another
        connection (a worker thread's).
        """
        with self._media_lock:
            if not self._media_left:
                return
            self._media_left = False
            from trainer.library.media import finish_pending

            # Left undone, it is done at the next start; Check Database names leftovers.
            with suppress(sqlite3.Error, OSError):
                finish_pending(db or self.db, self.config.profile_dir / "media")

    @cached_property
    def imports(self) -> ImportService:
        """Importing (built when first needed: it is not part of starting up)."""
        from trainer.library.importing import ImportService

        self.finish_media()  # its staging folders are never mistaken for stray ones
        return ImportService(self.db, self.clock, self.study,
                             self.config.profile_dir / "media", self.backup)

    def theme(self) -> str:
        """The theme chosen in Preferences, read without loading the settings service
        (the window asks at start-up)."""
        from trainer.storage.settings_repo import stored_theme

        return stored_theme(self.db)

    def language(self) -> str:
        """The language chosen in Preferences ("system" or a code), read at start-up."""
        from trainer.storage.settings_repo import stored_language

        return stored_language(self.db)

    @contextmanager
    def apart(self) -> Iterator[Store]:
        """The profile on a connection of its own, for work on a worker thread (a
        connection belongs to the thread that made it). The window's connection sees
        what it commits."""
        from trainer.storage.database import connect

        db = connect(self.config.database_path)
        try:
            yield db
        finally:
            db.close()

    @contextmanager
    def imports_apart(self) -> Iterator[ImportService]:
        """An import service on a connection of its own, for a worker thread: it backs
        up through that connection too."""
        from trainer.library.importing import ImportService

        with self.apart() as db:
            self.finish_media(db)  # its staging folders are never mistaken for stray ones
            study = StudyService(db, self.clock, self.study.settings)
            yield ImportService(db, self.clock, study, self.config.profile_dir / "media",
                                lambda reason: self.backups.create(reason, db.conn))

    def changed_elsewhere(self) -> None:
        """Another connection (a worker's) wrote to the profile: back it up on closing
        as after any change, and read daily limits afresh."""
        self._changes_backed_up = -1
        self.study.forget_limits()

    @cached_property
    def checks(self) -> CheckService:
        """Check Database (built when first needed)."""
        from trainer.profile.check_service import CheckService

        self.finish_media()  # a check names stray staging folders: the upkeep goes first
        return CheckService(self.db, self.config.profile_dir / "media", self.backups)

    @property
    def changed_since_backup(self) -> bool:
        """Whether anything was written since the last backup (or since opening)."""
        return self.db.conn.total_changes != self._changes_backed_up

    @property
    def changes(self) -> int:
        """A count that grows with every write made through this profile's connection."""
        return self.db.conn.total_changes

    def backup(self, reason: str) -> Path:
        """Back up the profile now (before an import, on closing, every half hour)."""
        self.settle()
        changes = self.changes
        path = self.backups.create(reason, self.db.conn).path
        self._changes_backed_up = changes
        return path

    def tidy(self) -> None:
        """Work that waits until the window is idle: fold the write-ahead log into the
        profile's file once enough was written, so that no answer's commit has to; on a
        thread of its own (``storage/tidier.py``), so that the window never waits for
        the disk either."""
        self.tidier.tidy()

    def settle(self) -> None:
        """Stop the idle checkpoint under way, if any, and return once its connection is
        closed: nothing of it may run beside a backup, a check, a restore or closing."""
        self.tidier.halt()

    @cached_property
    def tidier(self) -> Tidier:
        """The idle checkpoint's worker (``tidy`` starts it, ``settle`` stops it)."""
        return Tidier(self.db)

    def backed_up(self, changes: int) -> None:
        """Record that a backup made elsewhere (a worker thread) holds every change up to
        ``changes`` (the value of ``changes`` read when it started)."""
        self._changes_backed_up = changes

    def check_apart(self, *, quick: bool = False, repair: bool = False,
                    progress: Callable[[int, int, str], object] | None = None) -> CheckReport:
        """Check (or repair) the profile through a connection of its own, so that a
        worker thread can do it while the window goes on drawing."""
        from trainer.profile.check_service import CheckService
        from trainer.storage.database import connect

        db = connect(self.config.database_path)
        try:
            self.finish_media(db)  # as in checks
            service = CheckService(db, self.config.profile_dir / "media", self.backups)
            report_progress = progress or (lambda done, total, text: None)
            if repair:
                return service.repair(report_progress)
            return service.check(quick=quick, progress=report_progress)
        finally:
            db.close()

    def close(self, *, check: bool = False, checked: CheckReport | None = None
              ) -> CheckReport | None:
        """Close the database. With ``check``, run the quick check first (``checked``:
        one already run since the last change); a profile that passes opens next time
        without being checked again."""
        self.settle()  # the window's connection must be the last: closing it folds the log
        report = checked
        if not self.db.closed:
            self.finish_media()
        if check and report is None:
            report = self.checks.check(quick=True)
        self.db.close()
        if report is not None and report.ok:
            mark_clean(self.config.database_path)
        return report


def profile_behind(config: Config) -> bool:
    """Whether opening the profile will first bring it up to this version's schema: a
    migration, which takes a while on a long history."""
    return schema_behind(config.database_path)


def bring_profile_up_to_date(config: Config, clock: Clock = system_clock,
                             step: Callable[[str], object] | None = None) -> None:
    """Open the profile to migrate it (checked and backed up first, as any opening),
    check it and close it cleanly, so that ``open_services`` then has nothing long left
    to do: the window does this on a worker thread, under a progress dialog. ``step``
    is told "check", "backup", "migrate" and "verify" as each begins. Raises what
    opening raises, a damaged profile's error with its remedy."""
    db = _open_profile(config, clock, None, step)
    try:
        if step is not None:
            step("verify")
        problems = quick_check(db.conn)
    finally:
        db.close()
    # As on closing: only a profile that passes opens next time without a check.
    if not problems:
        mark_clean(config.database_path)


def open_services(config: Config, clock: Clock = system_clock,
                  settings: StudySettings | None = None,
                  decks_folder: Path | None = None, *, writer: bool = True,
                  media_later: bool = False) -> Services:
    """Open the profile, load the built-in decks and build the services.

    ``settings`` is the base the profile's stored settings are laid over (tests pass
    one without fuzz and with a fixed time zone). Only the holder of the profile's lock
    is a ``writer``: it finishes an import stopped before its pictures were in place and
    installs changed built-in decks; a reader (a command run while the window is open)
    leaves both to it. With ``media_later`` (the window), the media folder's upkeep is
    left for ``Services.finish_media`` (after the first paint, before any import, or on
    closing) unless an import's pictures are pending or the old per-deck folders were
    never moved in: then a card could name a picture not yet in the store, so it is
    done now, as always without ``media_later``.
    """
    timezone = settings.timezone if settings else None
    db = _open_profile(config, clock, timezone)
    try:
        problems: list[Problem] = []
        media_left = False
        if writer:
            if media_later and not work_waiting(db):
                media_left = True
            else:
                # An import stopped between its commit and its pictures is finished now.
                from trainer.library.media import finish_pending

                finish_pending(db, config.profile_dir / "media")
            problems = load_builtin_decks(
                db, clock, decks_folder,
                before_update=lambda: _backups(config, clock, timezone).create(
                    "before-update", db.conn))
        study = StudyService(db, clock, usable_settings(db, settings))
    except Exception:
        db.close()
        raise
    return Services(config, clock, db, study, problems, db.conn.total_changes,
                    lambda: open_services(config, clock, settings, decks_folder,
                                          writer=writer, media_later=media_later),
                    timezone, media_left)


def _backups(config: Config, clock: Clock, timezone: tzinfo | None) -> BackupService:
    from trainer.profile.backup_service import BackupService

    return BackupService(config.database_path, clock, timezone)


def _open_profile(config: Config, clock: Clock, timezone: tzinfo | None,
                  step: Callable[[str], object] | None = None) -> Store:
    """``open_database`` on the profile; a damaged one's error names its remedy."""
    try:
        return open_database(config.database_path, clock, step=step)
    except ProfileDamagedError as exc:
        raise exc.with_remedy(damage_remedy(_backups(config, clock, timezone))) from exc


def damage_remedy(backups: BackupService) -> str:
    """What to do about a damaged profile: restore its newest good backup, if any."""
    good = backups.newest_good()
    if good is None:
        return (f"There is no good backup in {backups.folder}. To start a new profile, "
                "move the damaged file somewhere else; it is not deleted for you.")
    return (f"The newest good backup is {good.name} ({local_minute(good.created)}, "
            f"{good.answers:,} answers): 'trainer backup restore' puts it back, "
            "and keeps the damaged file in the backups folder.")
