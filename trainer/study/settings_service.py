"""Settings the window changes: scheduling (retention, steps, the hour the day starts),
each deck's daily limits, the theme, and an estimate of the daily workload a retention
would bring. Every change is stored at once and used from the next answer on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta

from trainer.domain.errors import TrainerError
from trainer.domain.settings import StudySettings
from trainer.storage.deck_rows import list_decks
from trainer.storage.decks_repo import set_daily_limits
from trainer.storage.settings_repo import (
    LANGUAGE_KEY,
    REMINDER_KEY,
    THEME_KEY,
    parse_steps,
    save_settings,
    store_value,
    stored_language,
    stored_theme,
    stored_value,
)
from trainer.storage.settings_repo import THEMES as THEMES  # the window's choices
from trainer.storage.settings_repo import format_steps as format_steps  # for its fields
from trainer.storage.store import Store
from trainer.study.service import StudyService

# The workload estimate simulates this many days and averages them.
WORKLOAD_DAYS = 365
MAX_LIMIT = 9999


@dataclass(frozen=True)
class Reminder:
    """A daily reminder at a time of day (local), on or off."""

    enabled: bool = False
    at: time = time(9, 0)


def stored_reminder(db: Store) -> Reminder:
    """The stored reminder; off at 09:00 when none was stored or it cannot be read."""
    value = stored_value(db, REMINDER_KEY)
    if not isinstance(value, dict):
        return Reminder()
    try:
        at = time.fromisoformat(str(value.get("at", "09:00")))
    except ValueError:
        at = time(9, 0)
    return Reminder(bool(value.get("enabled")), at.replace(second=0, microsecond=0))


@dataclass(frozen=True)
class DeckLimits:
    """A deck's daily limits, as the settings dialog lists them."""

    deck_id: str
    title: str
    new_per_day: int
    reviews_per_day: int


@dataclass(frozen=True)
class Workload:
    """What a desired retention would ask of the rep each day, on average over a year."""

    retention: float
    reviews_per_day: float
    minutes_per_day: float


class SettingsService:
    """Reads and changes a profile's settings; the study service follows at once."""

    def __init__(self, db: Store, study: StudyService) -> None:
        self.db = db
        self.study = study

    @property
    def current(self) -> StudySettings:
        """The settings in use."""
        return self.study.settings

    def save_scheduling(self, *, desired_retention: float, learning_steps: str,
                        relearning_steps: str, day_start_hour: int) -> StudySettings:
        """Check and store the scheduling settings; steps are written like Anki's
        ("1m 10m"). Raises ``TrainerError`` saying which field is wrong; nothing is
        stored then."""
        try:
            learning = parse_steps(learning_steps)
        except ValueError as exc:
            raise TrainerError(f"Learning steps: {exc}") from None
        try:
            relearning = parse_steps(relearning_steps)
        except ValueError as exc:
            raise TrainerError(f"Relearning steps: {exc}") from None
        if not learning:
            raise TrainerError("Learning steps: give at least one, such as 1m 10m")
        if any(step >= timedelta(days=1) for step in (*learning, *relearning)):
            raise TrainerError("Steps must be shorter than a day: longer waits are the "
                               "schedule's job")
        try:
            updated = self.current.replace(desired_retention=round(desired_retention, 2),
                                           learning_steps=learning,
                                           relearning_steps=relearning,
                                           day_start_hour=day_start_hour)
        except ValueError as exc:
            raise TrainerError(str(exc).capitalize()) from None
        if updated != self.current:
            save_settings(self.db, updated)
            self.study.use_settings(updated)
        return updated

    def deck_limits(self) -> list[DeckLimits]:
        """Every installed deck with study items, with its daily limits."""
        return [DeckLimits(d.id, d.title, d.new_per_day, d.reviews_per_day)
                for d in list_decks(self.db) if d.has_items]

    def set_limits(self, deck_id: str, new_per_day: int, reviews_per_day: int) -> None:
        """Change one deck's daily limits."""
        if not (0 <= new_per_day <= MAX_LIMIT and 0 <= reviews_per_day <= MAX_LIMIT):
            raise TrainerError(f"Daily limits are from 0 to {MAX_LIMIT}")
        set_daily_limits(self.db, deck_id, new_per_day, reviews_per_day)
        self.study.forget_limits()

    def theme(self) -> str:
        """"system", "light" or "dark"."""
        return stored_theme(self.db)

    def set_theme(self, theme: str) -> None:
        """Store the theme the window uses from now on."""
        if theme not in THEMES:
            raise TrainerError(f"Theme must be one of {', '.join(THEMES)}")
        store_value(self.db, THEME_KEY, theme)

    def language(self) -> str:
        """"system" (follow the system's locale) or a language code like "de"."""
        return stored_language(self.db)

    def set_language(self, language: str) -> None:
        """Store the language the window speaks from its next opening."""
        if not language or not language.replace("_", "").isalpha():
            raise TrainerError(f"'{language}' is not a language code")
        store_value(self.db, LANGUAGE_KEY, language)

    def reminder(self) -> Reminder:
        """The daily reminder: off, or on at a time of day."""
        return stored_reminder(self.db)

    def set_reminder(self, reminder: Reminder) -> None:
        """Store the daily reminder; the window follows it at once."""
        store_value(self.db, REMINDER_KEY,
                    {"enabled": reminder.enabled, "at": reminder.at.strftime("%H:%M")})

    def workload(self, retention: float) -> Workload:
        """Reviews and minutes a day, averaged over a simulated year, for this profile's
        active items and new-card limits at ``retention`` (fsrs-rs's simulator, on the
        rep's own parameters when they have been optimized)."""
        import fsrs_rs_python as fsrs_rs

        items = int(self.db.execute(
            "SELECT count(*) FROM item_state s JOIN items i ON i.id = s.item_id "
            "WHERE s.active = 1 AND i.kind IN ('card', 'practice')").fetchone()[0])
        new_per_day = sum(d.new_per_day for d in self.deck_limits())
        config = fsrs_rs.default_simulator_config()
        config.deck_size = max(items, 1)
        config.learn_span = WORKLOAD_DAYS
        config.learn_limit = max(new_per_day, 1)
        config.review_limit = MAX_LIMIT
        parameters = list(self.current.parameters or fsrs_rs.DEFAULT_PARAMETERS)
        result = fsrs_rs.simulate(parameters, retention, config, 42)
        reviews = list(result.review_cnt_per_day)
        costs = list(result.cost_per_day)
        days = max(len(reviews), 1)
        return Workload(retention, sum(reviews) / days, sum(costs) / days / 60)
