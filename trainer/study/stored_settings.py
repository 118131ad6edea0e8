"""The profile's scheduling settings as the scheduler will use them: read from storage,
with parameters the scheduler refuses (a hand-edited file, a newer app's longer list)
left out, so that such a profile still opens and py-fsrs's defaults schedule."""

from __future__ import annotations

from trainer.domain.settings import StudySettings
from trainer.storage.settings_repo import load_settings
from trainer.storage.store import Store


def usable_settings(db: Store, base: StudySettings | None = None) -> StudySettings:
    """The stored settings over ``base`` (the defaults), with only parameters the
    scheduler accepts."""
    settings = load_settings(db, base)
    if settings.parameters is not None and not _accepted(settings):
        settings = settings.replace(parameters=None)
    return settings


def _accepted(settings: StudySettings) -> bool:
    from trainer.study.fsrs_adapter import make_scheduler

    try:
        make_scheduler(settings, fuzz=False, parameters=settings.parameters)
    except (ValueError, TypeError, IndexError):
        return False
    return True
