"""Scheduling settings for a profile, with the defaults a new user gets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta, tzinfo


@dataclass(frozen=True)
class StudySettings:
    """How answers are scheduled and how much is shown each day."""

    desired_retention: float = 0.90
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval_days: int = 36500
    fuzz: bool = True
    day_start_hour: int = 4
    # Learning cards due within this window are shown early when nothing else is left,
    # as Anki does, so a session does not end with a card due two minutes later.
    learn_ahead: timedelta = timedelta(minutes=20)
    # Answers slower than this are logged at this length: the rep probably walked away.
    max_answer_time: timedelta = timedelta(seconds=60)
    # None: the computer's own time zone. Tests pass a fixed zone.
    timezone: tzinfo | None = field(default=None, compare=False)
    # FSRS parameters fitted to this rep's own answers (Settings > Optimize my schedule);
    # None: py-fsrs's defaults.
    parameters: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        if not 0.7 <= self.desired_retention <= 0.99:
            raise ValueError("desired retention must be between 0.70 and 0.99")
        if not 0 <= self.day_start_hour <= 23:
            raise ValueError("the day must start at an hour from 0 to 23")
