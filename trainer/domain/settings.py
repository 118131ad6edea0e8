"""Scheduling settings for a profile, with the defaults a new user gets."""

from __future__ import annotations

from datetime import timedelta, tzinfo
from typing import Any, NoReturn

_ONE_MINUTE, _TEN_MINUTES = timedelta(minutes=1), timedelta(minutes=10)
# In the constructor's order: copies and pickles pass them in it.
_FIELDS = ("desired_retention", "learning_steps", "relearning_steps",
           "maximum_interval_days", "fuzz", "day_start_hour", "learn_ahead",
           "max_answer_time", "timezone", "parameters")


class StudySettings:
    """How answers are scheduled and how much is shown each day. Immutable: ``replace``
    gives a changed copy.

    A plain class, not a dataclass: every start reads the settings before the first card,
    and making a frozen dataclass (with the ``dataclasses`` module itself) ran about
    15 million instructions of generated code, a tenth of what a start runs beyond a
    bare window.
    """

    __slots__ = _FIELDS

    desired_retention: float
    learning_steps: tuple[timedelta, ...]
    relearning_steps: tuple[timedelta, ...]
    maximum_interval_days: int
    fuzz: bool
    day_start_hour: int
    # Learning cards due within this window are shown early when nothing else is left,
    # as Anki does, so a session does not end with a card due two minutes later.
    learn_ahead: timedelta
    # Answers slower than this are logged at this length: the rep probably walked away.
    max_answer_time: timedelta
    # None: the computer's own time zone. Tests pass a fixed zone. Not compared.
    timezone: tzinfo | None
    # FSRS parameters fitted to this rep's own answers (Settings > Optimize my schedule);
    # None: py-fsrs's defaults.
    parameters: tuple[float, ...] | None

    def __init__(self, desired_retention: float = 0.90,
                 learning_steps: tuple[timedelta, ...] = (_ONE_MINUTE, _TEN_MINUTES),
                 relearning_steps: tuple[timedelta, ...] = (_TEN_MINUTES,),
                 maximum_interval_days: int = 36500, fuzz: bool = True,
                 day_start_hour: int = 4,
                 learn_ahead: timedelta = timedelta(minutes=20),
                 max_answer_time: timedelta = timedelta(seconds=60),
                 timezone: tzinfo | None = None,
                 parameters: tuple[float, ...] | None = None) -> None:
        if not 0.7 <= desired_retention <= 0.99:
            raise ValueError("desired retention must be between 0.70 and 0.99")
        if not 0 <= day_start_hour <= 23:
            raise ValueError("the day must start at an hour from 0 to 23")
        values = (desired_retention, learning_steps, relearning_steps, maximum_interval_days,
                  fuzz, day_start_hour, learn_ahead, max_answer_time, timezone, parameters)
        for name, value in zip(_FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def replace(self, **changes: Any) -> StudySettings:
        """A copy with ``changes`` (field names as keywords), checked as a new one is."""
        unknown = changes.keys() - set(_FIELDS)
        if unknown:
            raise TypeError(f"StudySettings has no field {sorted(unknown)[0]!r}")
        return StudySettings(**{name: changes.get(name, getattr(self, name))
                                for name in _FIELDS})

    def _compared(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in _FIELDS if name != "timezone")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StudySettings):
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS)
        return f"StudySettings({fields})"

    def __reduce__(self) -> tuple[type[StudySettings], tuple[object, ...]]:
        # Copies and pickles (the optimizer's helper process) are made by the constructor.
        return StudySettings, tuple(getattr(self, name) for name in _FIELDS)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"StudySettings is immutable: use replace({name}=...)")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError("StudySettings is immutable")
