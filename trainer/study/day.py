"""The study day: it starts at a chosen local hour (4 am by default), not at midnight,
so a late-night session still counts as the same day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NamedTuple


class StudyDay(NamedTuple):
    """One study day as UTC bounds: ``start <= t < end``."""

    start: datetime
    end: datetime


def _at_hour(day: date, hour: int, zone: tzinfo | None) -> datetime:
    if zone is None:
        # A naive local time converted with astimezone() uses the system zone,
        # including its daylight-saving rule for that date.
        return datetime.combine(day, time(hour)).astimezone().astimezone(UTC)
    return datetime.combine(day, time(hour), tzinfo=zone).astimezone(UTC)


def study_day(now: datetime, start_hour: int, zone: tzinfo | None = None) -> StudyDay:
    """The study day that contains ``now``."""
    local = now.astimezone(zone) if zone is not None else now.astimezone()
    today = local.date() if local.hour >= start_hour else local.date() - timedelta(days=1)
    return StudyDay(_at_hour(today, start_hour, zone),
                    _at_hour(today + timedelta(days=1), start_hour, zone))
