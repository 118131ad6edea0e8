"""Composition root: the only place that wires configuration, storage and services."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.clock import Clock, system_clock
from trainer.config import Config
from trainer.content.builtin import builtin_decks_dir
from trainer.domain.errors import Problem
from trainer.storage.database import open_database
from trainer.storage.settings_repo import load_settings
from trainer.storage.store import Store
from trainer.study.assessment_service import AssessmentService
from trainer.study.path_service import PathService
from trainer.study.quiz_service import QuizService
from trainer.study.service import StudyService
from trainer.study.settings import StudySettings

if TYPE_CHECKING:
    from trainer.library.importing import ImportService


@dataclass
class Services:
    """Everything the GUI or the CLI needs, built once."""

    config: Config
    clock: Clock
    db: Store
    study: StudyService
    quizzes: QuizService
    assessments: AssessmentService
    paths: PathService
    deck_problems: list[Problem] = field(default_factory=list)

    @cached_property
    def imports(self) -> ImportService:
        """Importing (built when first needed: it is not part of starting up)."""
        from trainer.library.importing import ImportService

        return ImportService(self.db, self.clock, self.study,
                             self.config.profile_dir / "media")

    def close(self) -> None:
        """Close the database."""
        self.db.close()


def load_builtin_decks(db: Store, clock: Clock, folder: Path | None = None) -> list[Problem]:
    """Install or update the built-in decks; a bad file is reported, the rest still load."""
    folder = folder or builtin_decks_dir()
    installed = {r[0] for r in db.execute("SELECT content_hash FROM decks WHERE builtin = 1")}
    files = sorted(folder.rglob("*.toml"))
    if files and all(hashlib.sha256(f.read_bytes()).hexdigest() in installed for f in files):
        return []  # the usual start: nothing changed, so nothing needs parsing
    # Parsing and installing are needed only now, when a built-in deck changed.
    from trainer.content.check import check_paths
    from trainer.storage.decks_repo import install_deck, installed_hash

    report = check_paths([folder])
    for deck in report.decks:
        if installed_hash(db, deck.id) != deck.content_hash:
            install_deck(db, deck, clock, builtin=True)
    return report.problems


def open_services(config: Config, clock: Clock = system_clock,
                  settings: StudySettings | None = None,
                  decks_folder: Path | None = None) -> Services:
    """Open the profile, load the built-in decks and build the services.

    ``settings`` is the base the profile's stored settings are laid over (tests pass
    one without fuzz and with a fixed time zone).
    """
    db = open_database(config.database_path, clock)
    try:
        problems = load_builtin_decks(db, clock, decks_folder)
    except Exception:
        db.close()
        raise
    study = StudyService(db, clock, load_settings(db, settings))
    return Services(config, clock, db, study, QuizService(db, clock, study),
                    AssessmentService(db, clock), PathService(db, clock, study), problems)
