"""The one place that reads the wall clock.

Everything else receives a ``Clock`` (a ``now()`` callable returning an aware UTC
datetime) so that tests and benchmarks can move time by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Return the current time in UTC, with microseconds."""
    return datetime.now(UTC)


class FakeClock:
    """A clock that stays still until told to move; for tests and benchmarks."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def __call__(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        """Move the clock forward (or back, with a negative delta)."""
        self._now = self._now + delta

    def set(self, when: datetime) -> None:
        """Jump to ``when`` (an aware datetime)."""
        self._now = when.astimezone(UTC)
